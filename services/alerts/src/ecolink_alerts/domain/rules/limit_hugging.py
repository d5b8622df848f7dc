"""C7 limit-hugging (贴限): over 7 days most valid hour values sit just under the limit."""

from __future__ import annotations

from collections.abc import Sequence

from ecolink_alerts.domain.readings import FactorLimits, Reading
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.observation import Observation
from ecolink_alerts.domain.rules.window import WindowEntry, WindowRule
from ecolink_alerts.domain.thresholds import LimitHuggingThresholds


def limit_hugging_rule(thresholds: LimitHuggingThresholds, evidence_limit: int) -> WindowRule:
    """§C7: ≥ 80 % of the valid hour values of 7 days in [0.85·L, 1.0·L); the evidence is the hugging hours."""

    def judge(entries: Sequence[WindowEntry], limits: FactorLimits) -> Sequence[Reading] | None:
        limit = limits.emission_limit
        if limit is None or len(entries) < thresholds.min_hours:
            return None
        low = thresholds.band_low_share_of_limit * limit
        high = thresholds.band_high_share_of_limit * limit
        hugging = [entry.reading for entry in entries if low <= entry.reading.judged_value < high]
        return hugging if len(hugging) >= thresholds.min_share * len(entries) else None

    def admit(observation: Observation) -> bool:
        return observation.valid

    return WindowRule(RuleId.LIMIT_HUGGING, thresholds.window, evidence_limit, admit, judge)
