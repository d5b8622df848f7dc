"""What a per-factor rule sees of one reading: the reading, its limits, its validity and the process around it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any, Protocol

from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.readings import FactorLimits, Reading, SeriesKey
from ecolink_alerts.domain.rules.events import RuleEvent, RuleId


@dataclass(frozen=True)
class ProcessSnapshot:
    """The process at the reading's DataTime, taken from the other factors of the same record: the values flagged N,
    the valid flow and O2 with their factor codes, whether it runs, and every flag the record's factors carry."""

    values: Mapping[str, float]
    flow: float | None
    oxygen: float | None
    running: bool
    flow_factor: str | None
    oxygen_factor: str | None
    flags: frozenset[DataFlag]


@dataclass(frozen=True)
class Observation:
    """One reading of a factor series as the rules judge it; `valid` is ANOMALY_RULES R10."""

    reading: Reading
    limits: FactorLimits
    valid: bool
    process: ProcessSnapshot


@dataclass(frozen=True)
class RecordColumns:
    """Complete records of one device and data kind in DataTime order, each with the same factors, as columns: the
    DataTimes and, by factor, each record's value and flag."""

    data_times: Sequence[datetime]
    values: Mapping[str, Sequence[float]]
    flags: Mapping[str, Sequence[DataFlag]]

    def normal_values(self, factor: str) -> list[float | None] | None:
        """The factor's value in each record where it is flagged N (what `ProcessSnapshot.values` holds), None where
        it is not; None when the records do not carry the factor."""
        if factor not in self.values:
            return None
        flags = self.flags[factor]
        return [
            value if flag is DataFlag.NORMAL else None for value, flag in zip(self.values[factor], flags, strict=True)
        ]


@dataclass(frozen=True)
class FactorColumn:
    """The observations of one factor series over `RecordColumns`, which a rule may judge at once."""

    key: SeriesKey
    factor: str
    limits: FactorLimits
    records: RecordColumns

    @property
    def values(self) -> Sequence[float]:
        return self.records.values[self.factor]

    @property
    def flags(self) -> Sequence[DataFlag]:
        return self.records.flags[self.factor]

    @cached_property
    def normal_values(self) -> list[float]:
        """The values flagged N (kept: several rules ask)."""
        return [value for value, flag in zip(self.values, self.flags, strict=True) if flag is DataFlag.NORMAL]


class SeriesRule(Protocol):
    """An incremental evaluator over the ordered readings of one (device, data kind, factor) series.

    Its state is a frozen dataclass the engine persists between batches; evaluating never mutates it.
    """

    @property
    def rule(self) -> RuleId: ...

    def initial_state(self) -> Any: ...

    def evaluate(self, state: Any, observation: Observation) -> tuple[Any, list[RuleEvent]]: ...

    def fast_forward(self, state: Any, column: FactorColumn) -> Any | None:
        """The state after evaluating each observation of the column in turn, if none of them can raise an event;
        None when that cannot be shown cheaply (the caller then evaluates them one by one)."""
        ...
