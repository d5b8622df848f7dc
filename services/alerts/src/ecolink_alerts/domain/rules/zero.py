"""C2 zero value (零值): a concentration at or below zero (or its detection limit) for hours while running."""

from __future__ import annotations

from ecolink_alerts.domain.readings import FactorLimits, Reading
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.observation import Observation
from ecolink_alerts.domain.rules.run import RunRule, Verdict
from ecolink_alerts.domain.thresholds import ZeroValueThresholds


def zero_ceiling(limits: FactorLimits) -> float:
    """§C2: the highest value that counts as zero: the declared detection limit, else 0."""
    return 0.0 if limits.detection_limit is None else limits.detection_limit


def zero_value_rule(thresholds: ZeroValueThresholds, evidence_limit: int) -> RunRule:
    """§C2: ≥ 3 consecutive valid hours ≤ 0 (or ≤ the detection limit) while running."""

    def classify(observation: Observation, previous: Reading | None) -> Verdict:
        if not observation.valid:
            return Verdict.SKIP
        if observation.process.running and observation.reading.value <= zero_ceiling(observation.limits):
            return Verdict.MATCH
        return Verdict.BREAK

    return RunRule(RuleId.ZERO_VALUE, thresholds.consecutive_hours, evidence_limit, classify)
