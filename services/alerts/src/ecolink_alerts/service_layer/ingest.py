"""Ingesting monitoring records: store each once, keep conflicts (C12), run the device's rules, raise alerts."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime

from ecolink_alerts.domain.batch import replay, replay_order
from ecolink_alerts.domain.flags import UnknownDataFlag, data_flag
from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.events import RuleEvent
from ecolink_alerts.domain.rules.time_anomalies import value_conflict
from ecolink_alerts.monitoring_model import IngestOutcome, MonitoringRecord, Refusal, RefusalReason
from ecolink_alerts.service_layer.device_rules import (
    DeviceSite,
    apply_rule_events,
    device_site,
    locked_engine,
    save_engine,
)
from ecolink_alerts.service_layer.registry_access import OUTCOME_DENIED, may_register
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal

INGEST_ACTION = "IngestMonitoringData"

Indexed = tuple[int, MonitoringRecord]


def _readings(record: MonitoringRecord, site: DeviceSite, received_at: datetime) -> list[Reading] | RefusalReason:
    """The record's readings, or why it is refused (HJ212.md §6: a flag code outside the table)."""
    readings = []
    for found in record.values:
        numbers = (found.value, found.converted, found.minimum, found.maximum, found.cumulative)
        if not all(math.isfinite(number) for number in numbers if number is not None):
            return RefusalReason.INVALID_VALUE
        try:
            flag = data_flag(found.flag)
        except UnknownDataFlag:
            return RefusalReason.UNKNOWN_DATA_FLAG
        readings.append(
            Reading(
                mn=record.mn,
                unit_id=site.device.unit_id,
                outlet_id=site.device.outlet_id,
                factor=found.factor,
                kind=record.kind,
                data_time=record.data_time,
                value=found.value,
                flag=flag,
                converted=found.converted,
                minimum=found.minimum,
                maximum=found.maximum,
                cumulative=found.cumulative,
                received_at=received_at,
            )
        )
    return readings


async def _store(
    uow: AlertsUnitOfWork, site: DeviceSite, batch: Sequence[Indexed], received_at: datetime, outcome: IngestOutcome
) -> tuple[list[Reading], list[RuleEvent]]:
    """DOMAIN §2.1: new values are stored, repeats skipped, differing repeats kept as conflicts (ANOMALY_RULES C12).

    Returns the new readings (for the rules) and the C12 events of the conflicts.
    """
    device = site.device
    stored = {}
    versions = {}
    for kind in {record.kind for _, record in batch}:
        data_times = [record.data_time for _, record in batch if record.kind is kind]
        found = await uow.monitoring.stored_values(device.unit_id, device.outlet_id, device.mn, kind, data_times)
        stored.update({(kind, *key): reading for key, reading in found.items()})
        kept = await uow.monitoring.conflicting_versions(device.unit_id, device.outlet_id, device.mn, kind, data_times)
        versions.update({(kind, *key): readings for key, readings in kept.items()})
    new: list[Reading] = []
    events: list[RuleEvent] = []
    for index, record in batch:
        readings = _readings(record, site, received_at)
        if isinstance(readings, RefusalReason):
            outcome.refusals.append(Refusal(index, record.mn, readings))
            continue
        added = conflicting = 0
        for reading in readings:
            key = (reading.kind, reading.data_time, reading.factor)
            if key not in stored:
                stored[key] = reading
                new.append(reading)
                added += 1
                continue
            conflict = value_conflict(stored[key], reading)
            kept_versions = versions.setdefault(key, [])
            if conflict is None or any(value_conflict(kept, reading) is None for kept in kept_versions):
                continue
            kept_versions.append(reading)
            await uow.monitoring.add_conflicting_version(reading)
            events.extend(conflict.events())
            conflicting += 1
        outcome.conflicts += conflicting > 0
        outcome.accepted += conflicting == 0 and added > 0
        outcome.duplicates += conflicting == 0 and added == 0
    await uow.monitoring.add_values(new)
    return new, events


async def _ingest_device(
    uow: AlertsUnitOfWork,
    mn: str,
    batch: Sequence[Indexed],
    packets: Sequence[PacketReceipt],
    *,
    received_at: datetime,
    source_agency: Principal | None,
) -> IngestOutcome:
    outcome = IngestOutcome()
    site = await device_site(uow, mn)
    if site is None:
        outcome.refusals.extend(Refusal(index, mn, RefusalReason.UNKNOWN_MN) for index, _ in batch)
        return outcome
    if source_agency is not None and not may_register(source_agency, site.unit.region_code):
        # DOMAIN §1: only the bureaus of the unit's region forward its data; the refusal is audited.
        reason = RefusalReason.OUTSIDE_JURISDICTION
        entry = AuditEntry(source_agency.agency_id, INGEST_ACTION, site.device.name, OUTCOME_DENIED, reason.value)
        await uow.audit.record(entry)
        await uow.commit()
        outcome.refusals.extend(Refusal(index, mn, reason) for index, _ in batch)
        return outcome
    engine, state = await locked_engine(uow, site, at=received_at)
    new, events = await _store(uow, site, batch, received_at, outcome)
    state, found = replay(engine, state, replay_order(new, packets))
    await save_engine(uow, site, engine, state, at=received_at)
    await apply_rule_events(uow, site, [*events, *found], received_at)
    await uow.commit()
    return outcome


async def ingest_records(
    uow_factory: Callable[[], AlertsUnitOfWork],
    records: Sequence[MonitoringRecord],
    *,
    received_at: datetime,
    source_agency: Principal | None,
    packets: Sequence[PacketReceipt] = (),
) -> IngestOutcome:
    """Stores the records, one transaction per device, and returns what became of each.

    `source_agency` is the forwarding platform's principal (bulk ingest), None for a device's own upload through
    the gateway, which the device password authenticated. `packets` are the gateway's receipts of the packets
    the records came in (C10, C12 QN, C13).
    """
    by_device: dict[str, list[Indexed]] = {}
    for index, record in enumerate(records):
        by_device.setdefault(record.mn, []).append((index, record))
    for receipt in packets:
        by_device.setdefault(receipt.mn, [])
    outcome = IngestOutcome()
    for mn, batch in by_device.items():
        async with uow_factory() as uow:
            device_packets = [receipt for receipt in packets if receipt.mn == mn]
            outcome.add(
                await _ingest_device(
                    uow, mn, batch, device_packets, received_at=received_at, source_agency=source_agency
                )
            )
    outcome.refusals.sort(key=lambda refusal: refusal.index)
    return outcome
