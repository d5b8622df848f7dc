"""Episodes of a condition over a sliding time window of valid hour values (near-constant, C6, C7)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from ecolink_alerts.domain.readings import FactorLimits, Reading
from ecolink_alerts.domain.rules.episode import EpisodeState, close_episode, extend_episode, open_episode
from ecolink_alerts.domain.rules.events import RuleEvent, RuleId
from ecolink_alerts.domain.rules.observation import FactorColumn, Observation


@dataclass(frozen=True)
class WindowEntry:
    """An admitted hour value, with the flow of the same record (C6 compares their variation)."""

    reading: Reading
    flow: float | None


@dataclass(frozen=True)
class WindowState:
    """The admitted values inside the window, and the open episode if the condition holds."""

    entries: tuple[WindowEntry, ...] = ()
    episode: EpisodeState | None = None


Judge = Callable[[Sequence[WindowEntry], FactorLimits], Sequence[Reading] | None]


class WindowRule:
    """Judges the window after each admitted value: the evidence when the condition holds, else None.

    The episode opens when the condition first holds, extends while it holds and brings new evidence, and closes
    when it fails.
    """

    state_type = WindowState

    def __init__(
        self,
        rule: RuleId,
        window: timedelta,
        evidence_limit: int,
        admit: Callable[[Observation], bool],
        judge: Judge,
    ) -> None:
        self.rule = rule
        self.window = window
        self.evidence_limit = evidence_limit
        self.admit = admit
        self.judge = judge

    def initial_state(self) -> WindowState:
        return WindowState()

    def fast_forward(self, state: WindowState, column: FactorColumn) -> None:
        """Hour values are judged one by one."""
        return None

    def evaluate(self, state: WindowState, observation: Observation) -> tuple[WindowState, list[RuleEvent]]:
        if not self.admit(observation):
            return state, []
        reading = observation.reading
        since = reading.data_time - self.window
        entries = (
            *(entry for entry in state.entries if entry.reading.data_time > since),
            WindowEntry(reading, observation.process.flow),
        )
        matched = self.judge(entries, observation.limits)
        key = reading.series_key
        if matched and state.episode is None:
            opened, opening = open_episode(self.rule, key, matched, self.evidence_limit)
            return WindowState(entries, opened), [opening]
        if matched and state.episode is not None:
            new = [item for item in matched if item.data_time > state.episode.ended_at]
            if not new:
                return WindowState(entries, state.episode), []
            extended, event = extend_episode(self.rule, key, state.episode, new, self.evidence_limit)
            return WindowState(entries, extended), [event]
        if state.episode is not None:
            return WindowState(entries), [close_episode(self.rule, key, state.episode)]
        return WindowState(entries), []
