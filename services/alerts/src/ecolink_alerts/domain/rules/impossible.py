"""C3 negative or impossible values: negative concentration or flow, pH outside 0–14, O2 > 21 %, NH3-N > TN, …"""

from __future__ import annotations

from ecolink_alerts.domain.factors import AMMONIA_NITROGEN, NO, NOX, TOTAL_NITROGEN, FactorRole, factor_role
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.observation import FactorColumn, Observation
from ecolink_alerts.domain.rules.run import RunRule, Verdict
from ecolink_alerts.domain.thresholds import ImpossibleValueThresholds, ValidityThresholds


def is_impossible(
    observation: Observation, thresholds: ImpossibleValueThresholds, validity: ValidityThresholds
) -> bool:
    """§C3: a value no working instrument can report, alone or against another factor of the same record."""
    reading = observation.reading
    value = reading.value
    role = factor_role(reading.factor)
    same_record = observation.process.values
    if role in (FactorRole.CONCENTRATION, FactorRole.FLOW) and value < 0:
        return True
    if role is FactorRole.PH:
        return not validity.ph_min <= value <= validity.ph_max
    if role is FactorRole.OXYGEN:
        return value > thresholds.oxygen_max_percent
    if reading.factor == AMMONIA_NITROGEN and TOTAL_NITROGEN in same_record:
        return value > same_record[TOTAL_NITROGEN]
    if reading.factor == NOX and NO in same_record:
        return value < (1 - thresholds.nox_tolerance) * thresholds.nox_per_no * same_record[NO]
    return False


def may_be_impossible(
    column: FactorColumn, thresholds: ImpossibleValueThresholds, validity: ValidityThresholds
) -> bool:
    """§C3 over a column: whether a value flagged N is impossible, by the cases of `is_impossible` in its order."""
    normal = column.normal_values
    if not normal:
        return False
    role = factor_role(column.factor)
    if role in (FactorRole.CONCENTRATION, FactorRole.FLOW) and min(normal) < 0:
        return True
    if role is FactorRole.PH:
        return not validity.ph_min <= min(normal) <= max(normal) <= validity.ph_max
    if role is FactorRole.OXYGEN:
        return max(normal) > thresholds.oxygen_max_percent
    if column.factor == AMMONIA_NITROGEN and (total := column.records.normal_values(TOTAL_NITROGEN)):
        pairs = zip(column.records.normal_values(column.factor) or [], total, strict=True)
        return any(value is not None and other is not None and value > other for value, other in pairs)
    if column.factor == NOX and (no := column.records.normal_values(NO)):
        factor = (1 - thresholds.nox_tolerance) * thresholds.nox_per_no
        pairs = zip(column.records.normal_values(column.factor) or [], no, strict=True)
        return any(value is not None and other is not None and value < factor * other for value, other in pairs)
    return False


def impossible_value_rule(
    thresholds: ImpossibleValueThresholds, validity: ValidityThresholds, evidence_limit: int
) -> RunRule:
    """§C3: every impossible value flagged N opens or extends an episode; other flags say nothing."""

    def classify(observation: Observation, previous: Reading | None) -> Verdict:
        if observation.reading.flag is not DataFlag.NORMAL:
            return Verdict.SKIP
        return Verdict.MATCH if is_impossible(observation, thresholds, validity) else Verdict.BREAK

    def screen(column: FactorColumn) -> bool:
        return may_be_impossible(column, thresholds, validity)

    return RunRule(RuleId.IMPOSSIBLE_VALUE, 1, evidence_limit, classify, screen)
