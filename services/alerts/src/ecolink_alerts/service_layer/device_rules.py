"""A device's rules as the service runs them: where it measures, its engine and state, and alerts from events."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from ecolink_alerts.domain.alert_records import Alert, AlertState
from ecolink_alerts.domain.registry_records import Device, KeyUnit, Outlet
from ecolink_alerts.domain.rules.engine import DeviceProfile, EngineState, RuleEngine
from ecolink_alerts.domain.rules.events import EpisodeClosed, EpisodeOpened, RuleEvent
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork


@dataclass(frozen=True)
class DeviceSite:
    """Where a device measures, as far as ingest needs it."""

    device: Device
    unit: KeyUnit
    outlet: Outlet


async def device_site(uow: AlertsUnitOfWork, mn: str) -> DeviceSite | None:
    """The registered device with its unit and outlet, or None for an MN the registry does not know."""
    device = await uow.registry.get_device(mn)
    if device is None:
        return None
    unit = await uow.registry.get_unit(device.unit_id)
    outlet = await uow.registry.get_outlet(device.unit_id, device.outlet_id)
    return DeviceSite(device, unit, outlet) if unit and outlet else None


async def every_device_site(uow: AlertsUnitOfWork) -> dict[str, DeviceSite]:
    """Every registered device with its unit and outlet, by MN."""
    devices, units, outlets = await uow.registry.every_device()
    sites = {}
    for device in devices:
        unit, outlet = units.get(device.unit_id), outlets.get((device.unit_id, device.outlet_id))
        if unit is not None and outlet is not None:
            sites[device.mn] = DeviceSite(device, unit, outlet)
    return sites


async def apply_rule_events(uow: AlertsUnitOfWork, site: DeviceSite, events: Sequence[RuleEvent], at: datetime) -> None:
    """ANOMALY_RULES §C: one alert per episode; opened inserts it, extended and closed update it."""
    for event in events:
        if isinstance(event, EpisodeOpened):
            await uow.alerts.add(
                Alert(
                    alert_id=str(uuid.uuid4()),
                    rule=event.rule,
                    unit_id=event.key.unit_id,
                    outlet_id=event.key.outlet_id,
                    mn=event.key.mn,
                    kind=event.key.kind,
                    factor=event.key.factor,
                    region_code=site.unit.region_code,
                    state=AlertState.OPEN,
                    started_at=event.started_at,
                    ended_at=event.ended_at,
                    evidence=event.evidence,
                    opened_at=at,
                    updated_at=at,
                )
            )
            continue
        alert_id = await uow.alerts.open_alert_id(event.rule, event.key)
        if alert_id is None:
            raise LookupError(f"no open {event.rule.value} alert for {event.key}: the rule state and alerts disagree")
        state = AlertState.CLOSED if isinstance(event, EpisodeClosed) else AlertState.OPEN
        await uow.alerts.update_episode(alert_id, ended_at=event.ended_at, evidence=event.evidence, state=state, at=at)


def device_profile(site: DeviceSite, thresholds: RuleThresholds) -> DeviceProfile:
    """DOMAIN §2.1: each factor is judged against its limits at the device's outlet, by the configured thresholds."""
    limits = {factor.pollutant_code: factor.limits for factor in site.outlet.factors}
    return DeviceProfile(site.device.mn, site.device.unit_id, site.device.outlet_id, limits, thresholds)


def rule_engine(site: DeviceSite, thresholds: RuleThresholds) -> RuleEngine:
    return RuleEngine(device_profile(site, thresholds))


@dataclass(frozen=True)
class HeldEngine:
    """A device's rule engine with a state and the stored revision of that state."""

    engine: RuleEngine
    state: EngineState
    revision: int


async def locked_engines(
    uow: AlertsUnitOfWork,
    sites: Sequence[DeviceSite],
    *,
    at: datetime,
    thresholds: RuleThresholds,
    held: Mapping[str, HeldEngine] | None = None,
) -> dict[str, HeldEngine]:
    """The devices' engines and stored states, their state rows locked until the transaction ends.

    A `held` engine (what this process committed last) stands in for the stored state while the stored revision
    is still its revision and the registry still describes the device the same way; otherwise the state is read.
    """
    held = held or {}
    profiles = {site.device.mn: device_profile(site, thresholds) for site in sites}
    usable = {mn: held[mn] for mn, profile in profiles.items() if mn in held and held[mn].engine.profile == profile}
    known = {mn: usable[mn].revision if mn in usable else None for mn in profiles}
    stored = await uow.monitoring.lock_rule_states(known, at=at)
    engines = {}
    for mn, profile in profiles.items():
        found = stored[mn]
        if found.state is None and mn in usable:
            engines[mn] = usable[mn]
            continue
        engine = usable[mn].engine if mn in usable else RuleEngine(profile)
        state = engine.load_state(json.loads(found.state)) if found.state else engine.initial_state()
        engines[mn] = HeldEngine(engine, state, found.revision)
    return engines


async def save_engines(
    uow: AlertsUnitOfWork, moved: Sequence[tuple[HeldEngine, EngineState]], *, at: datetime
) -> list[HeldEngine]:
    """Stores each new state as the next revision; returns what the process may hold once the transaction commits."""
    saved = [HeldEngine(held.engine, state, held.revision + 1) for held, state in moved]
    rows = [(held.engine.profile.mn, json.dumps(held.engine.dump_state(held.state)), held.revision) for held in saved]
    await uow.monitoring.save_rule_states(rows, at=at)
    return saved
