"""The rules' clock: judge what only the passing of time reveals (a silent device, a record left unsettled)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ecolink_alerts.domain.rules.engine import EngineState
from ecolink_alerts.domain.rules.events import RuleEvent
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.device_rules import (
    DeviceSite,
    HeldEngine,
    apply_rule_events,
    every_device_site,
    locked_engines,
    save_engines,
)
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork

DEVICES_PER_TRANSACTION = 200
"""How many devices one tick transaction locks and judges together."""


@dataclass(frozen=True)
class TickOutcome:
    """One tick: how many devices were judged and how many rule events they produced."""

    devices: int
    events: int


async def tick_rule_engines(
    uow_factory: Callable[[], AlertsUnitOfWork], *, now: datetime, thresholds: RuleThresholds
) -> TickOutcome:
    """ANOMALY_RULES §C10: offline is known only by the clock, so every device's engine is ticked.

    Devices are ticked in groups, each group under its rule-state locks (taken in MN order, as ingest takes
    them), so a tick and an ingest of the same device never interleave. Only a state the tick changed is stored:
    an unchanged one keeps its revision, so the gateway's copy of it stays valid. Ticking twice at the same
    `now` finds nothing new.
    """
    async with uow_factory() as uow:
        devices = await uow.monitoring.devices_with_rules()
        sites = await every_device_site(uow)
    ticked = [sites[mn] for mn in devices if mn in sites]
    events = 0
    for first in range(0, len(ticked), DEVICES_PER_TRANSACTION):
        async with uow_factory() as uow:
            events += await _tick_group(uow, ticked[first : first + DEVICES_PER_TRANSACTION], now, thresholds)
            await uow.commit()
    return TickOutcome(len(devices), events)


async def _tick_group(uow: AlertsUnitOfWork, sites: list[DeviceSite], now: datetime, thresholds: RuleThresholds) -> int:
    engines = await locked_engines(uow, sites, at=now, thresholds=thresholds)
    moved: list[tuple[HeldEngine, EngineState]] = []
    found: list[tuple[DeviceSite, list[RuleEvent]]] = []
    for site in sites:
        held = engines[site.device.mn]
        state, events = held.engine.tick(held.state, now)
        if state != held.state:
            moved.append((held, state))
        found.append((site, events))
    await save_engines(uow, moved, at=now)
    for site, events in found:
        await apply_rule_events(uow, site, events, now)
    return sum(len(events) for _, events in found)
