"""C4 sudden drop (突降): hour values fall below half the recent median and stay there, unexplained by the process."""

from __future__ import annotations

from dataclasses import dataclass, replace
from statistics import median

from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.episode import EpisodeState, close_episode, extend_episode, open_episode
from ecolink_alerts.domain.rules.events import CompanionRise, Evidence, RuleEvent, RuleId
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
    """The latest valid hours, and the drop under way: its baseline, its first hours (each reading followed by the
    companion rises seen in its hour) or its open episode."""

    recent: tuple[HourSample, ...] = ()
    baseline: DropBaseline | None = None
    candidate: tuple[Evidence, ...] = ()
    episode: EpisodeState | None = None


def _median_of(values: list[float]) -> float | None:
    return median(values) if values else None


def _relative_change(now: float | None, before: float | None) -> float | None:
    if now is None or before is None or before == 0:
        return None
    return (now - before) / abs(before)


def _hours(candidate: tuple[Evidence, ...]) -> int:
    return sum(1 for item in candidate if isinstance(item, Reading))


class SuddenDropRule:
    """§C4 (revised): an hour value < 50 % of the median of the previous 6 valid hours, staying below that for ≥ 3 h,
    unless the process explains it: in one of those hours flow fell by ≥ 10 % against its median over the same 6
    hours (a production cut), or a factor of a record is flagged stopped or maintenance (which also starts the
    baseline afresh). The companion test is one-sided: flow or O2 that hold or rise explain nothing, and each rise
    of either by ≥ 10 % in an hour of the drop (the dilution signature) is kept in the evidence after that hour's
    reading. The episode then extends while the values stay below half the baseline and closes when one comes back."""

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
        if self._flagged(observation):
            # A stop or maintenance explains a drop in its hours, and the hours before it are no baseline for after.
            return replace(state, recent=(), candidate=(), baseline=state.baseline if state.episode else None), []
        if not observation.valid:
            return state, []
        sample = HourSample(observation.reading, observation.process.flow, observation.process.oxygen)
        recent = (*state.recent, sample)[-self.thresholds.baseline_hours :]
        key = observation.reading.series_key
        if state.episode is not None and self._below(sample, state.baseline):
            hour = self._hour_evidence(observation, state.baseline)
            extended, event = extend_episode(self.rule, key, state.episode, hour, self.evidence_limit)
            return replace(state, recent=recent, episode=extended), [event]
        if state.episode is not None:
            closing = close_episode(self.rule, key, state.episode)
            started, events = self._start(SuddenDropState(recent=state.recent), observation)
            return replace(started, recent=recent), [closing, *events]
        if state.candidate and self._below(sample, state.baseline) and not self._explained(observation, state.baseline):
            grown, events = self._grow(state, observation)
            return replace(grown, recent=recent), events
        started, events = self._start(SuddenDropState(recent=state.recent), observation)
        return replace(started, recent=recent), events

    def _below(self, sample: HourSample, baseline: DropBaseline | None) -> bool:
        share = self.thresholds.drop_share_of_baseline
        return baseline is not None and sample.reading.judged_value < share * baseline.value

    def _flagged(self, observation: Observation) -> bool:
        """The unit reports a stop or maintenance on a factor of the record."""
        return bool(observation.process.flags & self.thresholds.explaining_flags)

    def _explained(self, observation: Observation, baseline: DropBaseline | None) -> bool:
        """A production cut: flow fell by at least the threshold against the baseline's (a steady or rising flow or
        O2 explains nothing; a stop or maintenance flag is handled before)."""
        if baseline is None:
            return True
        change = _relative_change(observation.process.flow, baseline.flow)
        return change is not None and change <= -self.thresholds.explaining_flow_fall

    def _hour_evidence(self, observation: Observation, baseline: DropBaseline | None) -> tuple[Evidence, ...]:
        """The hour's reading, then each companion that rose by at least the threshold against the baseline."""
        process = observation.process
        if baseline is None:
            return (observation.reading,)
        rises = (
            self._rise(observation, process.flow_factor, process.flow, baseline.flow),
            self._rise(observation, process.oxygen_factor, process.oxygen, baseline.oxygen),
        )
        return (observation.reading, *(rise for rise in rises if rise is not None))

    def _rise(
        self, observation: Observation, factor: str | None, now: float | None, before: float | None
    ) -> CompanionRise | None:
        if factor is None or now is None or before is None or before <= 0:
            return None
        if (now - before) / before < self.thresholds.recorded_rise:
            return None
        return CompanionRise(factor, observation.reading.data_time, before, now)

    def _start(self, state: SuddenDropState, observation: Observation) -> tuple[SuddenDropState, list[RuleEvent]]:
        if len(state.recent) < self.thresholds.baseline_hours:
            return state, []
        baseline = DropBaseline(
            value=median(s.reading.judged_value for s in state.recent),
            flow=_median_of([s.flow for s in state.recent if s.flow is not None]),
            oxygen=_median_of([s.oxygen for s in state.recent if s.oxygen is not None]),
        )
        sample = HourSample(observation.reading, observation.process.flow, observation.process.oxygen)
        if not self._below(sample, baseline) or self._explained(observation, baseline):
            return state, []
        return self._grow(replace(state, baseline=baseline), observation)

    def _grow(self, state: SuddenDropState, observation: Observation) -> tuple[SuddenDropState, list[RuleEvent]]:
        candidate = (*state.candidate, *self._hour_evidence(observation, state.baseline))
        if _hours(candidate) < self.thresholds.min_hours:
            return replace(state, candidate=candidate), []
        opened, opening = open_episode(self.rule, observation.reading.series_key, candidate, self.evidence_limit)
        return replace(state, candidate=(), episode=opened), [opening]
