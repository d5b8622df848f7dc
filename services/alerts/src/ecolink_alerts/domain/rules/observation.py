"""What a per-factor rule sees of one reading: the reading, its limits, its validity and the process around it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from ecolink_alerts.domain.readings import FactorLimits, Reading
from ecolink_alerts.domain.rules.events import RuleEvent, RuleId


@dataclass(frozen=True)
class ProcessSnapshot:
    """The process at the reading's DataTime, taken from the other factors of the same record."""

    values: Mapping[str, float]
    flow: float | None
    oxygen: float | None
    running: bool


@dataclass(frozen=True)
class Observation:
    """One reading of a factor series as the rules judge it; `valid` is ANOMALY_RULES R10."""

    reading: Reading
    limits: FactorLimits
    valid: bool
    process: ProcessSnapshot


class SeriesRule(Protocol):
    """An incremental evaluator over the ordered readings of one (device, data kind, factor) series.

    Its state is a frozen dataclass the engine persists between batches; evaluating never mutates it.
    """

    @property
    def rule(self) -> RuleId: ...

    def initial_state(self) -> Any: ...

    def evaluate(self, state: Any, observation: Observation) -> tuple[Any, list[RuleEvent]]: ...
