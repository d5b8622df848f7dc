"""C6 stable low value (稳定低值): over 72 h the values barely vary and stay low while the flow varies."""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import fmean

from ecolink_alerts.domain.readings import FactorLimits, Reading
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.observation import Observation
from ecolink_alerts.domain.rules.window import WindowEntry, WindowRule
from ecolink_alerts.domain.thresholds import StableLowThresholds


def coefficient_of_variation(values: Sequence[float]) -> float | None:
    """Population standard deviation over mean; None for fewer than two values or a mean ≤ 0."""
    if len(values) < 2:
        return None
    mean = math.fsum(values) / len(values)
    if mean <= 0:
        return None
    return math.sqrt(math.fsum((value - mean) ** 2 for value in values) / len(values)) / mean


def stable_low_value_rule(thresholds: StableLowThresholds, evidence_limit: int) -> WindowRule:
    """§C6: CV of the valid hour values < 5 % and their mean < 20 % of L, while the flow CV > 10 %.
    Without a limit or a measured flow the rule cannot judge and stays silent."""

    def judge(entries: Sequence[WindowEntry], limits: FactorLimits) -> Sequence[Reading] | None:
        if limits.emission_limit is None or len(entries) < thresholds.min_hours:
            return None
        values = [entry.reading.judged_value for entry in entries]
        value_cv = coefficient_of_variation(values)
        flow_cv = coefficient_of_variation([entry.flow for entry in entries if entry.flow is not None])
        if value_cv is None or flow_cv is None:
            return None
        low = fmean(values) < thresholds.max_mean_share_of_limit * limits.emission_limit
        if low and value_cv < thresholds.max_cv and flow_cv > thresholds.min_flow_cv:
            return [entry.reading for entry in entries]
        return None

    def admit(observation: Observation) -> bool:
        return observation.valid

    return WindowRule(RuleId.STABLE_LOW_VALUE, thresholds.window, evidence_limit, admit, judge)
