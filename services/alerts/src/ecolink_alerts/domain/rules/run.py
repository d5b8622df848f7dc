"""Episodes of consecutive matching items: the shape of most rules (≥ N consecutive zero hours, each S flag, …)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar, cast

from ecolink_alerts.domain.readings import Reading, SeriesKey
from ecolink_alerts.domain.rules.episode import EpisodeState, close_episode, extend_episode, open_episode
from ecolink_alerts.domain.rules.events import Evidence, RuleEvent, RuleId
from ecolink_alerts.domain.rules.observation import FactorColumn, Observation

ObservationT = TypeVar("ObservationT")
EvidenceT = TypeVar("EvidenceT", bound=Evidence)


class Verdict(Enum):
    """How one item bears on a run: it matches, it ends the run, or it says nothing (an invalid hour)."""

    MATCH = "match"
    BREAK = "break"
    SKIP = "skip"


@dataclass(frozen=True)
class RunState:
    """Matching items not yet numerous enough to open an episode, or the open episode."""

    run: tuple[Evidence, ...] = ()
    episode: EpisodeState | None = None

    def tail(self) -> Evidence | None:
        """The latest matching item, which some rules compare the next one with."""
        if self.episode is not None:
            return self.episode.evidence[-1]
        return self.run[-1] if self.run else None


Classifier = Callable[[ObservationT, EvidenceT | None], Verdict]

ColumnScreen = Callable[[FactorColumn], bool]
"""Whether any observation of a column may be classified MATCH (True when unsure, never False when one is)."""


class RunTracker(Generic[ObservationT, EvidenceT]):
    """Opens an episode after `min_run` consecutive matches, extends it on each further match, closes it on a break.

    A breaking item is classified again against an empty run, so it may start the next run (a new constant value).
    """

    def __init__(
        self,
        rule: RuleId,
        min_run: int,
        evidence_limit: int,
        evidence_of: Callable[[ObservationT], EvidenceT],
        key_of: Callable[[ObservationT], SeriesKey],
    ) -> None:
        self.rule = rule
        self.min_run = max(1, min_run)
        self.evidence_limit = evidence_limit
        self.evidence_of = evidence_of
        self.key_of = key_of

    def step(
        self, state: RunState, item: ObservationT, classify: Classifier[ObservationT, EvidenceT]
    ) -> tuple[RunState, list[RuleEvent]]:
        tail = state.tail()
        verdict = classify(item, cast("EvidenceT | None", tail))
        if verdict is Verdict.SKIP:
            return state, []
        if verdict is Verdict.MATCH:
            return self._match(state, item)
        if tail is None:
            # Nothing was running, and classifying against an empty run is what was just done: nothing changes.
            return state, []
        events: list[RuleEvent] = []
        if state.episode is not None:
            events.append(close_episode(self.rule, self.key_of(item), state.episode))
        restarted = RunState()
        if classify(item, None) is Verdict.MATCH:
            restarted, opened = self._match(restarted, item)
            events.extend(opened)
        return restarted, events

    def _match(self, state: RunState, item: ObservationT) -> tuple[RunState, list[RuleEvent]]:
        evidence = self.evidence_of(item)
        key = self.key_of(item)
        if state.episode is not None:
            extended, event = extend_episode(self.rule, key, state.episode, (evidence,), self.evidence_limit)
            return RunState(episode=extended), [event]
        run = (*state.run, evidence)
        if len(run) < self.min_run:
            return RunState(run=run), []
        opened, opening = open_episode(self.rule, key, run, self.evidence_limit)
        return RunState(episode=opened), [opening]


class RunRule:
    """A per-factor run rule: a fixed classifier of observations, whose evidence is their readings.

    With a `screen`, a column of observations none of which may match leaves a rule with nothing running as it
    is (every item is a BREAK or SKIP against an empty run), so it is fast-forwarded.
    """

    state_type = RunState

    def __init__(
        self,
        rule: RuleId,
        min_run: int,
        evidence_limit: int,
        classify: Classifier[Observation, Reading],
        screen: ColumnScreen | None = None,
    ) -> None:
        self.rule = rule
        self.classify = classify
        self.screen = screen
        self.tracker: RunTracker[Observation, Reading] = RunTracker(
            rule, min_run, evidence_limit, lambda o: o.reading, lambda o: o.reading.series_key
        )

    def initial_state(self) -> RunState:
        return RunState()

    def evaluate(self, state: RunState, observation: Observation) -> tuple[RunState, list[RuleEvent]]:
        return self.tracker.step(state, observation, self.classify)

    def fast_forward(self, state: RunState, column: FactorColumn) -> RunState | None:
        if self.screen is None or state.run or state.episode is not None or self.screen(column):
            return None
        return state


class ItemRule(Generic[EvidenceT]):
    """A run rule of one-item runs over items that are their own evidence (future DataTime, QN, packet framing)."""

    state_type = RunState

    def __init__(
        self,
        rule: RuleId,
        evidence_limit: int,
        classify: Classifier[EvidenceT, EvidenceT],
        key_of: Callable[[EvidenceT], SeriesKey],
    ) -> None:
        self.rule = rule
        self.classify = classify
        self.tracker: RunTracker[EvidenceT, EvidenceT] = RunTracker(rule, 1, evidence_limit, lambda item: item, key_of)

    def initial_state(self) -> RunState:
        return RunState()

    def evaluate(self, state: RunState, item: EvidenceT) -> tuple[RunState, list[RuleEvent]]:
        return self.tracker.step(state, item, self.classify)
