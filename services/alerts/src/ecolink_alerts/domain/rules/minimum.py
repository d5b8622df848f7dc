"""C8 minimum value (极小值): a small positive concentration below the instrument's lower bound for hours."""

from __future__ import annotations

from ecolink_alerts.domain.readings import FactorLimits, Reading
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.observation import Observation
from ecolink_alerts.domain.rules.run import RunRule, Verdict
from ecolink_alerts.domain.rules.zero import zero_ceiling
from ecolink_alerts.domain.thresholds import MinimumValueThresholds


def lower_bound(limits: FactorLimits, thresholds: MinimumValueThresholds) -> float | None:
    """§C8: the declared lower range, else 1 % of the range; None when neither is known."""
    if limits.range_lower is not None and limits.range_lower > 0:
        return limits.range_lower
    if limits.range_upper is not None:
        return thresholds.default_share_of_range * limits.range_upper
    return None


def minimum_value_rule(thresholds: MinimumValueThresholds, evidence_limit: int) -> RunRule:
    """§C8: ≥ 6 consecutive valid hours below the lower bound while running. Values at or below zero (or the
    detection limit) belong to C2, so C8 covers the small positive values above them."""

    def classify(observation: Observation, previous: Reading | None) -> Verdict:
        bound = lower_bound(observation.limits, thresholds)
        if not observation.valid or bound is None:
            return Verdict.SKIP
        value = observation.reading.value
        if observation.process.running and zero_ceiling(observation.limits) < value < bound:
            return Verdict.MATCH
        return Verdict.BREAK

    return RunRule(RuleId.MINIMUM_VALUE, thresholds.consecutive_hours, evidence_limit, classify)
