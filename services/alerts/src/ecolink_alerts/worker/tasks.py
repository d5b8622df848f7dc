"""Alerts tasks: the rules' clock, which beat runs every minute, and the roll-up of derived means and grades."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from celery import Task, shared_task

from ecolink_alerts.adapters.rule_thresholds_file import load_rule_thresholds
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.rollup import roll_up
from ecolink_alerts.service_layer.rule_clock import tick_rule_engines
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.settings import AlertsSettings
from ecolink_common.celery_app import RETRIED_TASK, run_async
from ecolink_common.clock import SYSTEM_CLOCK
from ecolink_common.worker_resources import service_sessions, service_settings

TICK_RULE_ENGINES = "ecolink.alerts.tick_rule_engines"
ROLL_UP_MEANS_AND_GRADES = "ecolink.alerts.roll_up_means_and_grades"


@cache
def _rule_thresholds(path: Path | None) -> RuleThresholds:
    """ALERTS_RULE_THRESHOLDS_FILE, read once per worker process rather than once per task."""
    return load_rule_thresholds(path)


def _unit_of_work() -> AlertsUnitOfWork:
    return AlertsUnitOfWork(service_sessions(AlertsSettings))


async def _tick_once() -> dict[str, Any]:
    thresholds = _rule_thresholds(service_settings(AlertsSettings).rule_thresholds_file)
    outcome = await tick_rule_engines(_unit_of_work, now=SYSTEM_CLOCK.now(), thresholds=thresholds)
    return {"devices": outcome.devices, "events": outcome.events}


@shared_task(name=TICK_RULE_ENGINES, max_retries=3, **RETRIED_TASK)
def tick_rules(self: Task) -> dict[str, Any]:
    """Ticks every device's rule engine at the current time; a redelivered tick finds nothing new."""
    return run_async(_tick_once())


async def _roll_up_once(now: datetime) -> dict[str, Any]:
    settings = service_settings(AlertsSettings)
    thresholds = _rule_thresholds(settings.rule_thresholds_file)
    policy = settings.rollup_policy(thresholds)
    outcome = await roll_up(_unit_of_work, now=now, policy=policy, thresholds=thresholds)
    return {
        "means_changed": outcome.means_changed,
        "units_graded": outcome.units_graded,
        "grade_changes": outcome.grade_changes,
        "hours_recomputed": outcome.hours_recomputed,
        "days_recomputed": outcome.days_recomputed,
    }


@shared_task(name=ROLL_UP_MEANS_AND_GRADES, max_retries=3, **RETRIED_TASK)
def roll_up_means_and_grades(self: Task, now: str | None = None) -> dict[str, Any]:
    """Derives the hourly and daily means of complete periods and regrades every unit up to today; `now` (ISO 8601)
    replays a given moment. Idempotent: a redelivered or repeated run at the same moment changes nothing."""
    return run_async(_roll_up_once(datetime.fromisoformat(now) if now else SYSTEM_CLOCK.now()))
