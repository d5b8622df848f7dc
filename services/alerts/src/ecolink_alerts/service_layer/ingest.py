"""Ingesting monitoring records: store each once, keep conflicts (C12), run the device's rules, raise alerts."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ecolink_alerts.domain.batch import replay, replay_order
from ecolink_alerts.domain.monitoring_records import (
    IngestOutcome,
    MonitoringRecord,
    RecordKey,
    Refusal,
    RefusalReason,
    ValueKey,
    ValueRow,
    value_key,
    value_row,
)
from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.engine import EngineState, Step
from ecolink_alerts.domain.rules.events import RuleEvent
from ecolink_alerts.domain.rules.time_anomalies import value_conflict
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.arrivals import Arrival
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.device_rules import (
    DeviceSite,
    HeldEngine,
    apply_rule_events,
    locked_engines,
    save_engines,
)
from ecolink_alerts.service_layer.factor_translation import in_2017_codes
from ecolink_alerts.service_layer.record_runs import new_records, record_readings
from ecolink_alerts.service_layer.registry_access import OUTCOME_DENIED, may_register
from ecolink_alerts.service_layer.split_packets import SplitPackets, held_arrivals
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import OUTCOME_HIDDEN, REASON_OUTSIDE_JURISDICTION
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.jurisdiction import may_see

log = logging.getLogger(__name__)

INGEST_ACTION = "IngestMonitoringData"

Indexed = tuple[int, MonitoringRecord, datetime]
"""A record with its place in the ingested sequence (for refusals) and when it arrived."""


@dataclass
class _DeviceBatch:
    """One device's share of a transaction: its records and packet receipts, then what ingest made of them."""

    mn: str
    records: list[Indexed] = field(default_factory=list)
    receipts: list[PacketReceipt] = field(default_factory=list)
    site: DeviceSite | None = None
    new: list[Reading] = field(default_factory=list)
    new_rows: list[ValueRow] = field(default_factory=list)
    conflicting: list[Reading] = field(default_factory=list)
    events: list[RuleEvent] = field(default_factory=list)

    @property
    def last_arrival(self) -> datetime:
        return max([received for _, _, received in self.records] + [receipt.received_at for receipt in self.receipts])


def _sort_out(
    batch: _DeviceBatch,
    stored: dict[ValueKey, Reading],
    versions: dict[ValueKey, list[Reading]],
    outcome: IngestOutcome,
) -> None:
    """DOMAIN §2.1: new values are stored, repeats skipped, differing repeats kept as conflicts (ANOMALY_RULES C12).

    Fills the batch's new readings (for the rules), conflicting versions and their C12 events; `stored` and
    `versions` learn what this batch adds, so a record repeated within the batch counts as a repeat.
    """
    assert batch.site is not None, "only admitted devices are sorted out"
    for index, record, received_at in batch.records:
        readings = record_readings(record, batch.site, received_at)
        if isinstance(readings, RefusalReason):
            outcome.refusals.append(Refusal(index, record.mn, readings))
            continue
        added = conflicting = 0
        for reading in readings:
            key = value_key(reading)
            if key not in stored:
                stored[key] = reading
                batch.new.append(reading)
                added += 1
                continue
            conflict = value_conflict(stored[key], reading)
            kept_versions = versions.setdefault(key, [])
            if conflict is None or any(value_conflict(kept, reading) is None for kept in kept_versions):
                continue
            kept_versions.append(reading)
            batch.conflicting.append(reading)
            batch.events.extend(conflict.events())
            conflicting += 1
        outcome.conflicts += conflicting > 0
        outcome.accepted += conflicting == 0 and added > 0
        outcome.duplicates += conflicting == 0 and added == 0


async def _admit(
    uow: AlertsUnitOfWork, memory: DeviceMemory, batch: _DeviceBatch, source_agency: Principal | None
) -> RefusalReason | None:
    """Finds the device's site, or says why its records are refused: unknown MN, or a forwarding agency that is not
    a bureau of the unit's region (DOMAIN §1, audited).

    DOMAIN §1 (existence is not leaked): to a caller who may not see the device, its records read exactly as those
    of an unknown MN; only the audit row says that the device exists. A caller who sees the device but may not
    forward its data (its own enterprise) is told so.
    """
    batch.site = await memory.site(uow, batch.mn)
    if batch.site is None:
        return RefusalReason.UNKNOWN_MN
    if source_agency is None or may_register(source_agency, batch.site.unit.region_code):
        return None
    name = batch.site.device.name
    if not may_see(source_agency.viewer, batch.site.unit.scope):
        entry = AuditEntry(source_agency.agency_id, INGEST_ACTION, name, OUTCOME_HIDDEN, REASON_OUTSIDE_JURISDICTION)
        await uow.audit.record(entry)
        return RefusalReason.UNKNOWN_MN
    reason = RefusalReason.FORWARDING_NOT_PERMITTED
    await uow.audit.record(AuditEntry(source_agency.agency_id, INGEST_ACTION, name, OUTCOME_DENIED, reason.value))
    return reason


def _translate_codes(batch: _DeviceBatch, outcome: IngestOutcome) -> None:
    """HJ212.md §7: a 2005 device's values are stored and judged under their 2017 codes; unmapped codes are counted."""
    assert batch.site is not None, "only admitted devices are translated"
    translated = []
    unmapped = 0
    for index, record, received_at in batch.records:
        record, record_unmapped = in_2017_codes(record, batch.site.device)
        unmapped += record_unmapped
        translated.append((index, record, received_at))
    batch.records = translated
    outcome.unmapped_codes += unmapped
    if unmapped:
        log.info("ingest: %d values of %s kept under 2005 codes that have no 2017 code", unmapped, batch.mn)


def _device_batches(arrivals: Sequence[Arrival]) -> list[_DeviceBatch]:
    """The arrivals' records and receipts by device, in MN order; records are numbered across the arrivals."""
    batches: dict[str, _DeviceBatch] = {}

    def batch_of(mn: str) -> _DeviceBatch:
        found = batches.get(mn)
        if found is None:
            found = batches[mn] = _DeviceBatch(mn)
        return found

    index = 0
    for arrival in arrivals:
        for record in arrival.records:
            batch_of(record.mn).records.append((index, record, arrival.received_at))
            index += 1
        if arrival.receipt is not None:
            batch_of(arrival.receipt.mn).receipts.append(arrival.receipt)
    return [batches[mn] for mn in sorted(batches)]


async def ingest_arrivals(
    uow_factory: Callable[[], AlertsUnitOfWork],
    arrivals: Sequence[Arrival],
    *,
    source_agency: Principal | None,
    thresholds: RuleThresholds,
    memory: DeviceMemory | None = None,
    split_packets: SplitPackets | None = None,
) -> IngestOutcome:
    """Stores the records of the arrivals in one transaction and returns what became of each (refusals are indexed
    across the arrivals' records in order).

    Arrivals that are parts of split packets need `split_packets`: each is held in the same transaction, and the
    part that completes its group brings the whole packet's records (`held_arrivals`).

    `source_agency` is the forwarding platform's principal (bulk ingest), None for a device's own upload through
    the gateway, which the device password authenticated; then the receipts feed C10, C12 (QN) and C13. `memory`
    is what a long-running process keeps between transactions; without it every lookup reads the database.
    Every step reads or writes all devices at once, and rule states are locked in MN order, so concurrent
    transactions never deadlock.
    """
    memory = memory or DeviceMemory(site_max_age=0)
    outcome = IngestOutcome()
    async with uow_factory() as uow:
        if split_packets is not None:
            arrivals, outcome.split_groups_dropped = await held_arrivals(uow, memory, arrivals, split_packets)
        assert all(arrival.part is None for arrival in arrivals), "parts of split packets need split_packets"
        admitted = []
        for batch in _device_batches(arrivals):
            refused = await _admit(uow, memory, batch, source_agency)
            if refused is None:
                _translate_codes(batch, outcome)
                admitted.append(batch)
            else:
                outcome.refusals.extend(Refusal(index, batch.mn, refused) for index, _, _ in batch.records)
        committed = await _ingest_admitted(uow, memory, admitted, outcome, thresholds)
        await uow.commit()
    for held in committed:
        memory.keep_engine(held.engine.profile.mn, held)
    outcome.refusals.sort(key=lambda refusal: refusal.index)
    return outcome


async def _ingest_admitted(
    uow: AlertsUnitOfWork,
    memory: DeviceMemory,
    batches: Sequence[_DeviceBatch],
    outcome: IngestOutcome,
    thresholds: RuleThresholds,
) -> list[HeldEngine]:
    """Stores the admitted devices' values and conflicts, runs their rules, raises alerts; returns the engines to
    hold once the transaction commits."""
    if not batches:
        return []
    sites = [batch.site for batch in batches if batch.site is not None]
    at = max(batch.last_arrival for batch in batches)
    taken = {site.device.mn: held for site in sites if (held := memory.take_engine(site.device.mn))}
    engines = await locked_engines(uow, sites, at=at, thresholds=thresholds, held=taken)
    places = {site.device.mn: (site.device.unit_id, site.device.outlet_id) for site in sites}
    records = {(record.mn, record.kind, record.data_time) for batch in batches for _, record, _ in batch.records}
    stored = await uow.monitoring.stored_values(places, records)
    stored_records = {key[:3] for key in stored}
    versions = await uow.monitoring.conflicting_versions(places, stored_records & records)
    moved: list[tuple[HeldEngine, EngineState]] = []
    for batch in batches:
        held = engines[batch.mn]
        step = _fast_step(batch, held, stored_records)
        if step is None:
            _sort_out(batch, stored, versions, outcome)
            step = replay(held.engine, held.state, replay_order(batch.new, batch.receipts))
        else:
            outcome.accepted += len(batch.records)
        batch.events.extend(step[1])
        moved.append((held, step[0]))
    rows = [row for batch in batches for row in batch.new_rows]
    rows.extend(value_row(reading) for batch in batches for reading in batch.new)
    await uow.monitoring.add_value_rows(rows)
    await uow.monitoring.add_conflicting_versions([reading for batch in batches for reading in batch.conflicting])
    saved = await save_engines(uow, moved, at=at)
    for batch in batches:
        assert batch.site is not None
        await apply_rule_events(uow, batch.site, batch.events, batch.last_arrival)
    return saved


def _fast_step(batch: _DeviceBatch, held: HeldEngine, stored_records: set[RecordKey]) -> Step | None:
    """The bulk-ingest fast path: records of one upload, none of them stored, judged by columns
    (`RuleEngine.evaluate_run`); None when it does not apply. Their rows are kept for storage."""
    assert batch.site is not None, "only admitted devices are judged"
    received = {received_at for _, _, received_at in batch.records}
    if batch.receipts or len(received) != 1:
        return None
    records = [record for _, record, _ in batch.records]
    if any((record.mn, record.kind, record.data_time) in stored_records for record in records):
        return None
    found = new_records(batch.site, records, received.pop())
    step = None if found is None else held.engine.evaluate_run(held.state, found.run)
    if found is not None and step is not None:
        batch.new_rows = found.rows
    return step


async def ingest_records(
    uow_factory: Callable[[], AlertsUnitOfWork],
    records: Sequence[MonitoringRecord],
    *,
    received_at: datetime,
    source_agency: Principal | None,
    thresholds: RuleThresholds,
    memory: DeviceMemory | None = None,
) -> IngestOutcome:
    """`ingest_arrivals` of records that arrived together."""
    return await ingest_arrivals(
        uow_factory, [Arrival(records, received_at)], source_agency=source_agency, thresholds=thresholds, memory=memory
    )
