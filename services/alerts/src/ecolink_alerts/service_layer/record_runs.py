"""A device's ingested records as readings, or, when all are new, valid and alike, as a run of columns and rows."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter

from ecolink_alerts.domain.flags import HJ212_2017_FLAG_CODES, DataFlag, UnknownDataFlag, data_flag
from ecolink_alerts.domain.monitoring_records import MonitoringRecord, RefusalReason, ValueRow
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.record_run import RecordRun
from ecolink_alerts.domain.rules.observation import RecordColumns
from ecolink_alerts.service_layer.device_rules import DeviceSite


def _finite(*numbers: float | None) -> bool:
    """Whether every number given is finite (NaN and infinities are refused; None is no number)."""
    return all(number is None or math.isfinite(number) for number in numbers)


def record_readings(record: MonitoringRecord, site: DeviceSite, received_at: datetime) -> list[Reading] | RefusalReason:
    """The record's readings, or why it is refused (HJ212.md §6: a flag code outside the table)."""
    readings = []
    for found in record.values:
        if not _finite(found.value, found.converted, found.minimum, found.maximum, found.cumulative):
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
                reported_code=found.reported_code,
            )
        )
    return readings


@dataclass(frozen=True)
class NewRecords:
    """Records of one device ready for the rule engine's fast path (`RuleEngine.evaluate_run`) and for storage."""

    run: RecordRun
    rows: list[ValueRow]


FLAG_CODES: dict[str, DataFlag] = dict(HJ212_2017_FLAG_CODES)
"""HJ212.md §6: the flag table ingest reads values by (a plain dict: it is read once per value)."""


def new_records(site: DeviceSite, records: Sequence[MonitoringRecord], received_at: datetime) -> NewRecords | None:
    """The records as a run and as rows, when they are of one data kind, at distinct DataTimes, each with the same
    factors once, and every value is finite with a known flag; None otherwise (`record_readings` then says which
    record is refused). The caller knows that none of them is stored yet."""
    ordered = sorted(records, key=attrgetter("data_time"))
    kind = ordered[0].kind
    values: dict[str, list[float]] = {found.factor: [] for found in ordered[0].values}
    flags: dict[str, list[DataFlag]] = {factor: [] for factor in values}
    data_times: list[datetime] = []
    rows: list[ValueRow] = []
    mn, code = site.device.mn, kind.value
    for record in ordered:
        data_time = record.data_time
        if record.kind is not kind or (data_times and data_time == data_times[-1]) or len(record.values) != len(values):
            return None
        data_times.append(data_time)
        for factor, value, flag_code, converted, minimum, maximum, cumulative, reported_code in record.values:
            column = values.get(factor)
            flag = FLAG_CODES.get(flag_code)
            if column is None or len(column) == len(data_times) or flag is None or not math.isfinite(value):
                return None
            companions = converted is not None or minimum is not None or maximum is not None or cumulative is not None
            if companions and not _finite(converted, minimum, maximum, cumulative):
                return None
            column.append(value)
            flags[factor].append(flag)
            rows.append(
                (
                    mn,
                    code,
                    data_time,
                    factor,
                    value,
                    flag.value,
                    converted,
                    minimum,
                    maximum,
                    cumulative,
                    received_at,
                    reported_code,
                )
            )
    if not values:
        return None
    first, last = (record_readings(record, site, received_at) for record in (ordered[0], ordered[-1]))
    assert isinstance(first, list) and isinstance(last, list), "every value was checked above"
    by_factor = attrgetter("factor")
    columns = RecordColumns(data_times, values, flags)
    return NewRecords(
        RecordRun(kind, received_at, columns, tuple(sorted(first, key=by_factor)), tuple(sorted(last, key=by_factor))),
        rows,
    )
