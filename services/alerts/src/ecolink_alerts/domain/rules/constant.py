"""C1 constant value (恒值): equal valid hour values while running, and the near-constant 24-hour variant."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from ecolink_alerts.domain.readings import FactorLimits, Reading
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.observation import Observation
from ecolink_alerts.domain.rules.run import RunRule, Verdict
from ecolink_alerts.domain.rules.window import WindowEntry, WindowRule
from ecolink_alerts.domain.thresholds import ConstantValueThresholds


def _valid_while_running(observation: Observation) -> bool:
    return observation.valid and observation.process.running


def constant_value_rule(thresholds: ConstantValueThresholds, evidence_limit: int) -> RunRule:
    """§C1: N consecutive valid hour values equal after rounding, while the process runs."""

    def classify(observation: Observation, previous: Reading | None) -> Verdict:
        if not observation.valid:
            return Verdict.SKIP
        if not observation.process.running:
            return Verdict.BREAK
        if previous is None:
            return Verdict.MATCH
        same = round(previous.judged_value, thresholds.decimals) == round(
            observation.reading.judged_value, thresholds.decimals
        )
        return Verdict.MATCH if same else Verdict.BREAK

    return RunRule(RuleId.CONSTANT_VALUE, thresholds.equal_hours, evidence_limit, classify)


def near_constant_value_rule(thresholds: ConstantValueThresholds, evidence_limit: int) -> WindowRule:
    """§C1 near-constant: over 24 h of valid running hours, max − min ≤ 1 % of the mean."""

    def judge(entries: Sequence[WindowEntry], limits: FactorLimits) -> Sequence[Reading] | None:
        if len(entries) < thresholds.near_constant_min_hours:
            return None
        values = [entry.reading.judged_value for entry in entries]
        if max(values) - min(values) > thresholds.near_constant_relative_range * abs(fmean(values)):
            return None
        return [entry.reading for entry in entries]

    return WindowRule(
        RuleId.NEAR_CONSTANT_VALUE, thresholds.near_constant_window, evidence_limit, _valid_while_running, judge
    )
