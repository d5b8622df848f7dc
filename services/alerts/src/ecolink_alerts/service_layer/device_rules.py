"""A device's rules as the service runs them: where it measures, its engine and state, and alerts from events."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ecolink_alerts.alert_model import Alert, AlertState
from ecolink_alerts.domain.rules.engine import DeviceProfile, EngineState, RuleEngine
from ecolink_alerts.domain.rules.events import EpisodeClosed, EpisodeOpened, RuleEvent
from ecolink_alerts.registry_model import Device, KeyUnit, Outlet
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


def rule_engine(site: DeviceSite) -> RuleEngine:
    """DOMAIN §2.1: each factor is judged against its limits at the device's outlet."""
    limits = {factor.pollutant_code: factor.limits for factor in site.outlet.factors}
    return RuleEngine(DeviceProfile(site.device.mn, site.device.unit_id, site.device.outlet_id, limits))


async def locked_engine(uow: AlertsUnitOfWork, site: DeviceSite, *, at: datetime) -> tuple[RuleEngine, EngineState]:
    """The device's engine and its stored state, the state row locked until the transaction ends."""
    engine = rule_engine(site)
    stored = await uow.monitoring.lock_rule_state(site.device.mn, at=at)
    return engine, engine.initial_state() if stored is None else engine.load_state(json.loads(stored))


async def save_engine(
    uow: AlertsUnitOfWork, site: DeviceSite, engine: RuleEngine, state: EngineState, *, at: datetime
) -> None:
    await uow.monitoring.save_rule_state(site.device.mn, json.dumps(engine.dump_state(state)), at=at)
