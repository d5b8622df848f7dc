"""C9 over-range: values above the instrument range flagged N, and days with too many T flags."""

from __future__ import annotations

from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.periods import day_of
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.observation import FactorColumn, Observation
from ecolink_alerts.domain.rules.period_share import PeriodShareRule
from ecolink_alerts.domain.rules.run import RunRule, Verdict
from ecolink_alerts.domain.thresholds import OverRangeThresholds


def over_range_flagged_normal_rule(evidence_limit: int) -> RunRule:
    """§C9: a value above the instrument's upper range flagged N (HJ 212 Table 8 says it should be T).
    A T flag ends the episode; other flags say nothing."""

    def classify(observation: Observation, previous: Reading | None) -> Verdict:
        reading = observation.reading
        upper = observation.limits.range_upper
        if reading.flag is DataFlag.OVER_RANGE:
            return Verdict.BREAK
        if reading.flag is not DataFlag.NORMAL or upper is None:
            return Verdict.SKIP
        return Verdict.MATCH if reading.value > upper else Verdict.BREAK

    def screen(column: FactorColumn) -> bool:
        upper = column.limits.range_upper
        return upper is not None and max(column.normal_values, default=upper) > upper

    return RunRule(RuleId.OVER_RANGE_FLAGGED_NORMAL, 1, evidence_limit, classify, screen)


def over_range_daily_share_rule(thresholds: OverRangeThresholds, evidence_limit: int) -> PeriodShareRule:
    """§C9: more than 5 % of a local calendar day's values flagged T."""

    return PeriodShareRule(
        RuleId.OVER_RANGE_DAILY_SHARE,
        day_of,
        frozenset({DataFlag.OVER_RANGE}),
        thresholds.max_over_range_share_per_day,
        evidence_limit,
    )
