"""E1 hourly exceedance as an episode rule: consecutive valid hours above the limit raise one alarm."""

from __future__ import annotations

from ecolink_alerts.domain.grading import exceeds_limit
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.observation import Observation
from ecolink_alerts.domain.rules.run import RunRule, Verdict


def hourly_exceedance_rule(evidence_limit: int) -> RunRule:
    """ANOMALY_RULES §B E1 (and E4: invalid hours neither raise nor end the alarm)."""

    def classify(observation: Observation, previous: Reading | None) -> Verdict:
        if not observation.valid or observation.limits.emission_limit is None:
            return Verdict.SKIP
        return Verdict.MATCH if exceeds_limit(observation.reading, observation.limits) else Verdict.BREAK

    return RunRule(RuleId.HOURLY_EXCEEDANCE, 1, evidence_limit, classify)
