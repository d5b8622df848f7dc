"""C4 sudden drop (突降): hour values fall below half the recent median and stay there while flow and O2 hold."""

from __future__ import annotations

from dataclasses import dataclass, replace
from statistics import median

from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.episode import EpisodeState, close_episode, extend_episode, open_episode
from ecolink_alerts.domain.rules.events import RuleEvent, RuleId
from ecolink_alerts.domain.rules.observation import FactorColumn, Observation
from ecolink_alerts.domain.thresholds import SuddenDropThresholds


@dataclass(frozen=True)
class HourSample:
    """A valid hour value with the flow and O2 of the same record."""

    reading: Reading
    flow: float | None
    oxygen: float | None


@dataclass(frozen=True)
class DropBaseline:
    """The medians of the valid hours before the drop: value, flow and O2."""

    value: float
    flow: float | None
    oxygen: float | None


@dataclass(frozen=True)
class SuddenDropState:
    """The latest valid hours, and the drop under way: its baseline, its first hours or its open episode."""

    recent: tuple[HourSample, ...] = ()
    baseline: DropBaseline | None = None
    candidate: tuple[Reading, ...] = ()
    episode: EpisodeState | None = None


def _median_of(values: list[float]) -> float | None:
    return median(values) if values else None


def _changed(now: float | None, before: float | None, max_change: float) -> bool:
    if now is None or before is None or before == 0:
        return False
    return abs(now - before) / abs(before) >= max_change


class SuddenDropRule:
    """§C4: an hour value < 50 % of the median of the previous 6 valid hours, staying below that for ≥ 3 h,
    while flow and O2 (when measured) stay within 10 % of their medians over the same 6 hours. The episode
    then extends while the values stay below half the baseline and closes when one comes back."""

    rule = RuleId.SUDDEN_DROP
    state_type = SuddenDropState

    def __init__(self, thresholds: SuddenDropThresholds, evidence_limit: int) -> None:
        self.thresholds = thresholds
        self.evidence_limit = evidence_limit

    def initial_state(self) -> SuddenDropState:
        return SuddenDropState()

    def fast_forward(self, state: SuddenDropState, column: FactorColumn) -> None:
        """Hour values are judged one by one."""
        return None

    def evaluate(self, state: SuddenDropState, observation: Observation) -> tuple[SuddenDropState, list[RuleEvent]]:
        if not observation.valid:
            return state, []
        sample = HourSample(observation.reading, observation.process.flow, observation.process.oxygen)
        recent = (*state.recent, sample)[-self.thresholds.baseline_hours :]
        key = observation.reading.series_key
        if state.episode is not None and self._below(sample, state.baseline):
            extended, event = extend_episode(self.rule, key, state.episode, (sample.reading,), self.evidence_limit)
            return replace(state, recent=recent, episode=extended), [event]
        if state.episode is not None:
            closing = close_episode(self.rule, key, state.episode)
            started, events = self._start(SuddenDropState(recent=state.recent), sample)
            return replace(started, recent=recent), [closing, *events]
        if state.candidate and self._below(sample, state.baseline) and self._steady(sample, state.baseline):
            grown, events = self._grow(state, sample)
            return replace(grown, recent=recent), events
        started, events = self._start(SuddenDropState(recent=state.recent), sample)
        return replace(started, recent=recent), events

    def _below(self, sample: HourSample, baseline: DropBaseline | None) -> bool:
        share = self.thresholds.drop_share_of_baseline
        return baseline is not None and sample.reading.judged_value < share * baseline.value

    def _steady(self, sample: HourSample, baseline: DropBaseline | None) -> bool:
        limit = self.thresholds.max_companion_change
        return baseline is not None and not (
            _changed(sample.flow, baseline.flow, limit) or _changed(sample.oxygen, baseline.oxygen, limit)
        )

    def _start(self, state: SuddenDropState, sample: HourSample) -> tuple[SuddenDropState, list[RuleEvent]]:
        if len(state.recent) < self.thresholds.baseline_hours:
            return state, []
        baseline = DropBaseline(
            value=median(s.reading.judged_value for s in state.recent),
            flow=_median_of([s.flow for s in state.recent if s.flow is not None]),
            oxygen=_median_of([s.oxygen for s in state.recent if s.oxygen is not None]),
        )
        if not (self._below(sample, baseline) and self._steady(sample, baseline)):
            return state, []
        return self._grow(replace(state, baseline=baseline), sample)

    def _grow(self, state: SuddenDropState, sample: HourSample) -> tuple[SuddenDropState, list[RuleEvent]]:
        candidate = (*state.candidate, sample.reading)
        if len(candidate) < self.thresholds.min_hours:
            return replace(state, candidate=candidate), []
        opened, opening = open_episode(self.rule, sample.reading.series_key, candidate, self.evidence_limit)
        return replace(state, candidate=(), episode=opened), [opening]
