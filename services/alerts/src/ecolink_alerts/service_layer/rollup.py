"""The roll-up: hourly and daily means derived from finer data, then each unit's rolling exceedance grades."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from ecolink_alerts.domain.grade_records import DeviceOutlets, GradedUnit, ReplacedMeans
from ecolink_alerts.domain.grading import ExceedanceGradeChanged, GradeSubject, unit_exceedance_days
from ecolink_alerts.domain.periods import day_start, local_date
from ecolink_alerts.domain.readings import DataKind, FactorLimits
from ecolink_alerts.domain.rollup import (
    ONE_DAY,
    RollupPolicy,
    backfill_start,
    by_local_day,
    complete_hours,
    day_spans,
    days_to_recompute,
    derived_daily_means,
    derived_hourly_means,
    device_sent_wins,
    hours_to_derive,
    regrade,
    regrade_from,
)
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.domain.validity import ONE_HOUR, Mean
from ecolink_alerts.service_layer.device_rules import (
    DeviceSite,
    apply_rule_events,
    every_device_site,
    locked_engines,
    save_engines,
)
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.outbox import OutboxEvent

GRADE_CHANGED_EVENT = "ecolink.alerts.v1.ExceedanceGradeChanged"
GRADE_EVENT_NAMESPACE = uuid.UUID("6f1d2c8e-3b7a-5e42-9c1d-4a0b8e7f2d31")
FINER = (DataKind.REALTIME, DataKind.MINUTE)
HOURLY = (DataKind.HOURLY,)
DAILY = (DataKind.DAILY,)


@dataclass(frozen=True)
class RollupOutcome:
    """One roll-up: derived mean rows written or removed, units regraded and grade changes recorded, and the device
    hours and device-days whose means it computed (0 and 0 when no new data came and no period completed)."""

    means_changed: int
    units_graded: int
    grade_changes: int
    hours_recomputed: int
    days_recomputed: int


@dataclass(frozen=True)
class DerivedPeriods:
    """What deriving one device's means did: rows written or removed, hours and days computed."""

    changed: int
    hours: int
    days: int


async def roll_up(
    uow_factory: Callable[[], AlertsUnitOfWork], *, now: datetime, policy: RollupPolicy, thresholds: RuleThresholds
) -> RollupOutcome:
    """Derives the means of every device, judges the new hourly ones by the device's rules, then regrades every
    unit up to today; a second run at the same `now` changes nothing. One transaction per device and one per unit,
    so a failure loses only that one's work."""
    async with uow_factory() as uow:
        sites = await every_device_site(uow)
        units = await uow.grades.graded_units()
    derived: list[DerivedPeriods] = []
    for mn in sorted(sites):
        async with uow_factory() as uow:
            derived.append(await _derive_means(uow, sites[mn], now, policy, thresholds))
            await uow.commit()
    changes = 0
    for unit in units:
        async with uow_factory() as uow:
            changes += await _regrade_unit(uow, unit, now, policy)
            await uow.commit()
    return RollupOutcome(
        means_changed=sum(device.changed for device in derived),
        units_graded=len(units),
        grade_changes=changes,
        hours_recomputed=sum(device.hours for device in derived),
        days_recomputed=sum(device.days for device in derived),
    )


async def _derive_means(
    uow: AlertsUnitOfWork, site: DeviceSite, now: datetime, policy: RollupPolicy, thresholds: RuleThresholds
) -> DerivedPeriods:
    """ANOMALY_RULES §A R1–R6: the device's complete hours from its minute or real-time values, then its complete
    days from its hourly values, device-sent or derived; a device-sent value of a period is never derived."""
    mn, outlets = site.device.mn, {site.device.mn: (site.device.unit_id, site.device.outlet_id)}
    limits = {factor.pollutant_code: factor.limits for factor in site.outlet.factors}
    last_run = await uow.derived_means.rolled_at(mn)
    since = last_run - policy.receipt_settle if last_run is not None else None
    changed = 0
    hours = complete_hours(now, policy)
    candidates: list[datetime] = []
    rederived: set[datetime] = set()
    if hours:
        oldest = backfill_start(now, policy)
        received = await uow.derived_means.periods_received(
            mn, (*FINER, *HOURLY), oldest, hours[-1] + ONE_HOUR, since=since
        )
        candidates = hours_to_derive(hours, received, last_run, oldest, policy)
        for group in by_local_day(candidates):
            replaced = await _derive_hours(uow, site, limits, group, now, policy, thresholds)
            changed += replaced.changed
            rederived |= replaced.periods
    # Hourly and daily values received since the last run (late or back-filled, up to the bound) and the derived
    # hours that changed touch their days; only those, and the days completed since, are recomputed.
    received = await uow.derived_means.periods_received(
        mn, (*HOURLY, *DAILY), backfill_start(now, policy), now, since=since
    )
    days = days_to_recompute(received | rederived, last_run, now, policy)
    for first, last in day_spans(days):
        changed += await _derive_days(uow, mn, outlets, limits, first, last, now, policy)
    await uow.derived_means.mark_rolled(mn, at=now)
    return DerivedPeriods(changed, len(candidates), len(days))


async def _derive_hours(
    uow: AlertsUnitOfWork,
    site: DeviceSite,
    limits: Mapping[str, FactorLimits],
    hours: Sequence[datetime],
    now: datetime,
    policy: RollupPolicy,
    thresholds: RuleThresholds,
) -> ReplacedMeans:
    """ANOMALY_RULES §A R1, R2, R4–R6: the derived means of these hours (of one local day) from minute or real-time
    values, none where the device sent the hourly value; those written are judged by the hourly rules."""
    mn, outlets = site.device.mn, {site.device.mn: (site.device.unit_id, site.device.outlet_id)}
    start, end = hours[0], hours[-1] + ONE_HOUR
    sent = {(r.data_time, r.factor) for r in await uow.derived_means.device_sent(outlets, HOURLY, start, end)}
    factors = await uow.derived_means.factors_sent(mn, FINER, start, end)
    # Most dataloggers send their own hourly values beside minute data: then no finer value needs reading.
    needed = [hour for hour in hours if any((hour, factor) not in sent for factor in factors)]
    finer = await uow.derived_means.device_sent(outlets, FINER, needed[0], needed[-1] + ONE_HOUR) if needed else []
    means = derived_hourly_means(finer, sent, needed, limits, policy)
    replaced = await uow.derived_means.replace_means(mn, DataKind.HOURLY, hours, means, at=now)
    if replaced.written:
        own_hours = await uow.derived_means.factors_sent(mn, HOURLY, start - policy.own_hours_lookback, end)
        judged = [mean for mean in replaced.written if mean.key.factor not in own_hours]
        await _judge_computed_hours(uow, site, judged, now, thresholds)
    return replaced


async def _derive_days(
    uow: AlertsUnitOfWork,
    mn: str,
    outlets: DeviceOutlets,
    limits: Mapping[str, FactorLimits],
    first: date,
    last: date,
    now: datetime,
    policy: RollupPolicy,
) -> int:
    """ANOMALY_RULES §A R3–R6: the daily means of the local days first…last from the hourly values, device-sent
    winning over derived, none where the device sent the daily value; the rows written or removed."""
    days = [first + timedelta(days=step) for step in range((last - first).days + 1)]
    start, end = day_start(first), day_start(last + ONE_DAY)
    sent_hourly = await uow.derived_means.device_sent(outlets, HOURLY, start, end)
    derived_hourly = await uow.derived_means.derived_readings(outlets, DataKind.HOURLY, start, end)
    sent_daily = await uow.derived_means.device_sent(outlets, DAILY, start, end)
    hourly = device_sent_wins(sent_hourly, derived_hourly)
    means = derived_daily_means(hourly, [(r.data_time, r.factor) for r in sent_daily], days, limits, policy)
    replaced = await uow.derived_means.replace_means(mn, DataKind.DAILY, [day_start(d) for d in days], means, at=now)
    return replaced.changed


async def _judge_computed_hours(
    uow: AlertsUnitOfWork, site: DeviceSite, written: list[Mean], now: datetime, thresholds: RuleThresholds
) -> None:
    """ANOMALY_RULES notation: an hour computed from 2051/2011 is an hour value, so the hourly rules (C1–C8, E1)
    judge the hours just computed, in the device's engine, as received now, and they are marked judged for
    RescanRange; an hour already judged is late and left alone by the engine, as a re-sent one would be."""
    readings = sorted(
        (replace(reading, received_at=now) for mean in written if (reading := mean.as_reading()) is not None),
        key=lambda reading: (reading.data_time, reading.factor),
    )
    if not readings:
        return
    held = (await locked_engines(uow, [site], at=now, thresholds=thresholds))[site.device.mn]
    state, events = held.engine.judge_computed_hours(held.state, readings)
    await save_engines(uow, [(held, state)], at=now)
    await apply_rule_events(uow, site, events, now)
    judged = [(reading.data_time, reading.factor) for reading in readings]
    await uow.derived_means.mark_judged(site.device.mn, DataKind.HOURLY, judged)


async def _regrade_unit(uow: AlertsUnitOfWork, unit: GradedUnit, now: datetime, policy: RollupPolicy) -> int:
    """DOMAIN §2.3: exceedance days from the valid daily means of every device of the unit (device-sent winning
    over derived), the grade of each limited factor over the window ending today, and an outbox event per change,
    written in the same transaction as the grade."""
    today, thresholds = local_date(now), policy.grading
    current = {factor: await uow.grades.lock(unit.unit_id, factor, unit.region_code, at=now) for factor in unit.factors}
    firsts = {factor: regrade_from(grade.as_of, today, thresholds) for factor, grade in current.items()}
    oldest = min(firsts.values()) - timedelta(days=thresholds.window_days - 1)
    devices = await uow.registry.devices_of_unit(unit.unit_id)
    outlets = {device.mn: (device.unit_id, device.outlet_id) for device in devices}
    start, end = day_start(oldest), day_start(today + ONE_DAY)
    daily = device_sent_wins(
        await uow.derived_means.device_sent(outlets, DAILY, start, end),
        await uow.derived_means.derived_readings(outlets, DataKind.DAILY, start, end),
    )
    days = unit_exceedance_days(daily, unit.limits, policy.validity)
    recorded = 0
    for factor, grade in current.items():
        subject = GradeSubject(unit.unit_id, factor)
        window, changes = regrade(subject, days.get(subject, ()), grade.grade, firsts[factor], today, thresholds)
        for change in changes:
            payload = _payload(change, unit, thresholds.window_days)
            # The change took effect when its day began; that orders the events of one catch-up run.
            occurred_at = day_start(change.as_of)
            event = OutboxEvent(_event_id(change), GRADE_CHANGED_EVENT, payload, occurred_at)
            await uow.outbox.add(event, at=now)
        await uow.grades.save(window, unit.region_code, changed=bool(changes), at=now)
        recorded += len(changes)
    return recorded


def _event_id(change: ExceedanceGradeChanged) -> str:
    """Stable: the same change of the same subject on the same day is the same event, however often it is found."""
    subject = change.subject
    key = f"{subject.unit_id}/{subject.factor}/{change.as_of.isoformat()}/{change.previous}/{change.current}"
    return str(uuid.uuid5(GRADE_EVENT_NAMESPACE, key))


def _payload(change: ExceedanceGradeChanged, unit: GradedUnit, window_days: int) -> dict[str, Any]:
    """What the bureaus of the unit are told (DOMAIN §2.3): who, which factor, from and to which grade, and why."""
    return {
        "event_id": _event_id(change),
        "unit": f"units/{unit.unit_id}",
        "region_code": unit.region_code,
        "factor_code": change.subject.factor,
        "as_of_date": change.as_of.isoformat(),
        "previous_grade": change.previous.value,
        "grade": change.current.value,
        "exceedance_dates": [day.isoformat() for day in change.exceedance_days],
        "window_days": window_days,
    }
