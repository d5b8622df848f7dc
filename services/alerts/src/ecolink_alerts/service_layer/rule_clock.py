"""The rules' clock: judge what only the passing of time reveals (a silent device, a record left unsettled)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.device_rules import apply_rule_events, device_site, locked_engines, save_engines
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork


@dataclass(frozen=True)
class TickOutcome:
    """One tick: how many devices were judged and how many rule events they produced."""

    devices: int
    events: int


async def tick_rule_engines(
    uow_factory: Callable[[], AlertsUnitOfWork], *, now: datetime, thresholds: RuleThresholds
) -> TickOutcome:
    """ANOMALY_RULES §C10: offline is known only by the clock, so every device's engine is ticked.

    One transaction per device under its rule-state lock, so a tick and an ingest of the same device
    never interleave; ticking twice at the same `now` finds nothing new.
    """
    async with uow_factory() as uow:
        devices = await uow.monitoring.devices_with_rules()
    events = 0
    for mn in devices:
        async with uow_factory() as uow:
            site = await device_site(uow, mn)
            if site is None:
                continue
            [held] = (await locked_engines(uow, [site], at=now, thresholds=thresholds)).values()
            state, found = held.engine.tick(held.state, now)
            await save_engines(uow, [(held, state)], at=now)
            await apply_rule_events(uow, site, found, now)
            await uow.commit()
            events += len(found)
    return TickOutcome(len(devices), events)
