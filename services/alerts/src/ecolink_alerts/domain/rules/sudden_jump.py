"""C5 sudden jump (突变/突升): an hour value above 3× the median of the previous 24 valid hours and above 0.5·L."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.events import RuleEvent, RuleId
from ecolink_alerts.domain.rules.observation import FactorColumn, Observation
from ecolink_alerts.domain.rules.run import RunState, RunTracker, Verdict
from ecolink_alerts.domain.thresholds import SuddenJumpThresholds


@dataclass(frozen=True)
class SuddenJumpState:
    """The judged values of the previous valid hours, and the run of jumping hours."""

    history: tuple[float, ...] = ()
    run: RunState = field(default_factory=RunState)


class SuddenJumpRule:
    """§C5: each jumping hour opens or extends the episode; the first valid hour that is not a jump closes it.
    The rule needs the full 24 previous valid hours and the factor's limit."""

    rule = RuleId.SUDDEN_JUMP
    state_type = SuddenJumpState

    def __init__(self, thresholds: SuddenJumpThresholds, evidence_limit: int) -> None:
        self.thresholds = thresholds
        self.tracker: RunTracker[Observation, Reading] = RunTracker(
            self.rule, 1, evidence_limit, lambda o: o.reading, lambda o: o.reading.series_key
        )

    def initial_state(self) -> SuddenJumpState:
        return SuddenJumpState()

    def fast_forward(self, state: SuddenJumpState, column: FactorColumn) -> None:
        """Hour values are judged one by one."""
        return None

    def evaluate(self, state: SuddenJumpState, observation: Observation) -> tuple[SuddenJumpState, list[RuleEvent]]:
        limit = observation.limits.emission_limit
        if not observation.valid or limit is None:
            return state, []
        value = observation.reading.judged_value
        full = len(state.history) >= self.thresholds.baseline_hours
        jumped = (
            full
            and value > self.thresholds.jump_multiple * median(state.history)
            and value > self.thresholds.min_share_of_limit * limit
        )
        run, events = self.tracker.step(
            state.run, observation, lambda _, __: Verdict.MATCH if jumped else Verdict.BREAK
        )
        history = (*state.history, value)[-self.thresholds.baseline_hours :]
        return SuddenJumpState(history, run), events
