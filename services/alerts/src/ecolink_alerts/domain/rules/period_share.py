"""Episodes of calendar periods in which too large a share of values carry a flag (C9 per day, C11 per month)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.readings import Reading, SeriesKey
from ecolink_alerts.domain.rules.episode import EpisodeState, close_episode, extend_episode, open_episode
from ecolink_alerts.domain.rules.events import RuleEvent, RuleId
from ecolink_alerts.domain.rules.observation import FactorColumn, Observation


@dataclass(frozen=True)
class PeriodShareState:
    """The counts of the current period, its latest counted readings, and the open episode."""

    period_start: datetime | None = None
    total: int = 0
    counted: int = 0
    counted_readings: tuple[Reading, ...] = ()
    episode: EpisodeState | None = None


class PeriodShareRule:
    """A period is judged once the first value of a later period arrives: its share of values carrying one of the
    `counted_flags` above `max_share` opens (or extends) the episode, a period at or below it closes the episode."""

    state_type = PeriodShareState

    def __init__(
        self,
        rule: RuleId,
        period_of: Callable[[datetime], datetime],
        counted_flags: Collection[DataFlag],
        max_share: float,
        evidence_limit: int,
    ) -> None:
        self.rule = rule
        self.period_of = period_of
        self.counted_flags = frozenset(counted_flags)
        self.max_share = max_share
        self.evidence_limit = evidence_limit

    def initial_state(self) -> PeriodShareState:
        return PeriodShareState()

    def evaluate(self, state: PeriodShareState, observation: Observation) -> tuple[PeriodShareState, list[RuleEvent]]:
        reading = observation.reading
        period_start = self.period_of(reading.data_time)
        events: list[RuleEvent] = []
        if state.period_start is None or period_start > state.period_start:
            episode, events = self._judge(state, reading.series_key)
            state = PeriodShareState(period_start=period_start, episode=episode)
        counted = reading.flag in self.counted_flags
        counted_readings = (
            (*state.counted_readings, reading)[-self.evidence_limit :] if counted else state.counted_readings
        )
        total = state.total + 1
        return PeriodShareState(
            state.period_start, total, state.counted + counted, counted_readings, state.episode
        ), events

    def fast_forward(self, state: PeriodShareState, column: FactorColumn) -> PeriodShareState | None:
        """Counts the column's values by period when none is counted and no period it ends opens, extends or closes
        an episode."""
        if not self.counted_flags.isdisjoint(column.flags):
            return None
        data_times = column.records.data_times
        first, last = self.period_of(data_times[0]), self.period_of(data_times[-1])
        periods = [first] * len(data_times) if first == last else [self.period_of(moment) for moment in data_times]
        for period_start, values in groupby(periods):
            if state.period_start is None or period_start > state.period_start:
                episode, events = self._judge(state, column.key)
                if events:
                    return None
                state = PeriodShareState(period_start=period_start, episode=episode)
            total = state.total + sum(1 for _ in values)
            state = PeriodShareState(state.period_start, total, state.counted, state.counted_readings, state.episode)
        return state

    def _judge(self, state: PeriodShareState, key: SeriesKey) -> tuple[EpisodeState | None, list[RuleEvent]]:
        if state.period_start is None or state.total == 0:
            return state.episode, []
        if state.counted / state.total > self.max_share:
            if state.episode is None:
                opened, opening = open_episode(
                    self.rule, key, state.counted_readings, self.evidence_limit, started_at=state.period_start
                )
                return opened, [opening]
            extended, event = extend_episode(self.rule, key, state.episode, state.counted_readings, self.evidence_limit)
            return extended, [event]
        if state.episode is not None:
            return None, [close_episode(self.rule, key, state.episode)]
        return None, []
