"""Episodes of calendar periods in which too large a share of values carry a flag (C9 per day, C11 per month)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ecolink_alerts.domain.readings import Reading, SeriesKey
from ecolink_alerts.domain.rules.episode import EpisodeState, close_episode, extend_episode, open_episode
from ecolink_alerts.domain.rules.events import RuleEvent, RuleId
from ecolink_alerts.domain.rules.observation import Observation


@dataclass(frozen=True)
class PeriodShareState:
    """The counts of the current period, its latest counted readings, and the open episode."""

    period_start: datetime | None = None
    total: int = 0
    counted: int = 0
    counted_readings: tuple[Reading, ...] = ()
    episode: EpisodeState | None = None


class PeriodShareRule:
    """A period is judged once the first value of a later period arrives: its share of counted values above
    `max_share` opens (or extends) the episode, a period at or below it closes the episode."""

    state_type = PeriodShareState

    def __init__(
        self,
        rule: RuleId,
        period_of: Callable[[datetime], datetime],
        counts: Callable[[Observation], bool],
        max_share: float,
        evidence_limit: int,
    ) -> None:
        self.rule = rule
        self.period_of = period_of
        self.counts = counts
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
        counted = self.counts(observation)
        counted_readings = (
            (*state.counted_readings, reading)[-self.evidence_limit :] if counted else state.counted_readings
        )
        total = state.total + 1
        return PeriodShareState(
            state.period_start, total, state.counted + counted, counted_readings, state.episode
        ), events

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
