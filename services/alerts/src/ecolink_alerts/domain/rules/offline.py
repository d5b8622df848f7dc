"""C10 offline (脱机) and long-term offline (长期脱机): gaps between the packets an MN sends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ecolink_alerts.domain.readings import SeriesKey
from ecolink_alerts.domain.rules.episode import EpisodeState, close_episode, open_episode
from ecolink_alerts.domain.rules.events import Evidence, RuleEvent, RuleId
from ecolink_alerts.domain.thresholds import OfflineThresholds


@dataclass(frozen=True)
class Gap:
    """A finished offline gap: from the last packet before it to the first after it."""

    started_at: datetime
    ended_at: datetime


@dataclass(frozen=True)
class OfflineState:
    """The last arrival, the finished gaps still inside the cumulative window, and the open episodes."""

    last_arrival: datetime | None = None
    last_item: Evidence | None = None
    gaps: tuple[Gap, ...] = ()
    offline: EpisodeState | None = None
    long_term: EpisodeState | None = None


def offline_within(gaps: Sequence[Gap], since: datetime, until: datetime) -> timedelta:
    """How much of [since, until] the gaps cover."""
    covered = (min(gap.ended_at, until) - max(gap.started_at, since) for gap in gaps)
    return sum((span for span in covered if span > timedelta(0)), timedelta(0))


class OfflineRule:
    """§C10 over the arrivals of one MN (any packet or record), in arrival order.

    Offline: no arrival for > 2× the expected interval; the episode spans from the last arrival before the gap to
    the first after it. Long-term offline: a gap of ≥ 24 h, or one that brings the offline time of the 7 days
    before it ends to ≥ 72 h; its episode spans that gap. Both are found when the next arrival ends the gap,
    or earlier by `tick(now)`; since the offline time inside a trailing window can only grow during a gap,
    both ways find the same episodes.
    """

    state_type = OfflineState

    def __init__(self, key: SeriesKey, thresholds: OfflineThresholds, evidence_limit: int) -> None:
        self.key = key
        self.thresholds = thresholds
        self.evidence_limit = evidence_limit

    def initial_state(self) -> OfflineState:
        return OfflineState()

    def arrive(self, state: OfflineState, item: Evidence, at: datetime) -> tuple[OfflineState, list[RuleEvent]]:
        """An arrival at `at`: ends any gap before it, raising the episodes the gap amounts to."""
        last_arrival, last_item = state.last_arrival, state.last_item
        if last_arrival is None or last_item is None:
            return OfflineState(last_arrival=at, last_item=item), []
        if at <= last_arrival:
            return state, []
        if not self._offline(last_arrival, at):
            return OfflineState(at, item, state.gaps, state.offline, state.long_term), []
        gap = Gap(last_arrival, at)
        state, events = self._open(state, gap, last_item)
        for rule, episode in ((RuleId.OFFLINE, state.offline), (RuleId.LONG_TERM_OFFLINE, state.long_term)):
            if episode is not None:
                events.append(close_episode(rule, self.key, episode, (item,), self.evidence_limit, ended_at=at))
        since = at - self.thresholds.cumulative_window
        gaps = tuple(g for g in (*state.gaps, gap) if g.ended_at > since)
        return OfflineState(last_arrival=at, last_item=item, gaps=gaps), events

    def tick(self, state: OfflineState, now: datetime) -> tuple[OfflineState, list[RuleEvent]]:
        """The clock reached `now` with no arrival since the last one: open the episodes the gap already is."""
        if state.last_arrival is None or state.last_item is None or not self._offline(state.last_arrival, now):
            return state, []
        return self._open(state, Gap(state.last_arrival, now), state.last_item)

    def _offline(self, last: datetime, at: datetime) -> bool:
        return at - last > self.thresholds.gap_multiple * self.thresholds.expected_interval

    def _long_term(self, state: OfflineState, gap: Gap) -> bool:
        if gap.ended_at - gap.started_at >= self.thresholds.long_term_continuous:
            return True
        since = gap.ended_at - self.thresholds.cumulative_window
        offline = offline_within((*state.gaps, gap), since, gap.ended_at)
        return offline >= self.thresholds.long_term_cumulative

    def _open(self, state: OfflineState, gap: Gap, last_item: Evidence) -> tuple[OfflineState, list[RuleEvent]]:
        events: list[RuleEvent] = []
        evidence = (last_item,)
        if state.offline is None:
            offline, opened = open_episode(
                RuleId.OFFLINE, self.key, evidence, self.evidence_limit, gap.started_at, gap.ended_at
            )
            state = replace(state, offline=offline)
            events.append(opened)
        if state.long_term is None and self._long_term(state, gap):
            long_term, opened = open_episode(
                RuleId.LONG_TERM_OFFLINE, self.key, evidence, self.evidence_limit, gap.started_at, gap.ended_at
            )
            state = replace(state, long_term=long_term)
            events.append(opened)
        return state, events
