"""Which rules judge which series, by the factor's role and the data kind (C1–C8 and E1 judge hour values)."""

from __future__ import annotations

from ecolink_alerts.domain.factors import FactorRole, factor_role
from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.rules.constant import constant_value_rule, near_constant_value_rule
from ecolink_alerts.domain.rules.exceedance import hourly_exceedance_rule
from ecolink_alerts.domain.rules.flag_abuse import (
    CalibrationWindow,
    calibration_outside_window_rule,
    flagged_hours_share_rule,
    manual_value_rule,
)
from ecolink_alerts.domain.rules.impossible import impossible_value_rule
from ecolink_alerts.domain.rules.limit_hugging import limit_hugging_rule
from ecolink_alerts.domain.rules.minimum import minimum_value_rule
from ecolink_alerts.domain.rules.observation import SeriesRule
from ecolink_alerts.domain.rules.offline import OfflineState
from ecolink_alerts.domain.rules.over_range import over_range_daily_share_rule, over_range_flagged_normal_rule
from ecolink_alerts.domain.rules.period_share import PeriodShareState
from ecolink_alerts.domain.rules.run import RunState
from ecolink_alerts.domain.rules.stable_low import stable_low_value_rule
from ecolink_alerts.domain.rules.sudden_drop import SuddenDropRule, SuddenDropState
from ecolink_alerts.domain.rules.sudden_jump import SuddenJumpRule, SuddenJumpState
from ecolink_alerts.domain.rules.window import WindowState
from ecolink_alerts.domain.rules.zero import zero_value_rule
from ecolink_alerts.domain.thresholds import FactorThresholds

STATE_TYPES: tuple[type, ...] = (
    RunState,
    WindowState,
    PeriodShareState,
    SuddenDropState,
    SuddenJumpState,
    OfflineState,
)
"""The state classes of every rule, for the state codec."""

CONSTANT_ROLES = frozenset({FactorRole.CONCENTRATION, FactorRole.OXYGEN, FactorRole.TEMPERATURE, FactorRole.FLOW})
"""ANOMALY_RULES §C1: constancy is judged for gas concentrations, O2, temperature, flow and water analysers."""


def series_rules(
    factor: str,
    kind: DataKind,
    thresholds: FactorThresholds,
    calibration_windows: tuple[CalibrationWindow, ...] | None,
    evidence_limit: int,
) -> tuple[SeriesRule, ...]:
    """The rules of one (device, data kind, factor) series.

    Every kind: C3 impossible values, C9 over-range flagged N, C11 manual values (concentrations). Every kind but
    daily: C9 T-flag share per day, C11 calibration outside the declared windows (when the MN declared any).
    Hourly only: C11 monthly flag share, C1 for concentrations, O2, temperature and flow, and C2, C4–C8 and E1
    for concentrations, as ANOMALY_RULES judges them on hour values.
    """
    role = factor_role(factor)
    concentration = role is FactorRole.CONCENTRATION
    rules: list[SeriesRule] = [
        impossible_value_rule(thresholds.impossible, thresholds.validity, evidence_limit),
        over_range_flagged_normal_rule(evidence_limit),
    ]
    if concentration:
        rules.append(manual_value_rule(evidence_limit))
    if kind is not DataKind.DAILY:
        rules.append(over_range_daily_share_rule(thresholds.over_range, evidence_limit))
        if calibration_windows is not None:
            rules.append(calibration_outside_window_rule(calibration_windows, evidence_limit))
    if kind is not DataKind.HOURLY:
        return tuple(rules)
    rules.append(flagged_hours_share_rule(thresholds.flag_abuse, evidence_limit))
    if role in CONSTANT_ROLES:
        rules.append(constant_value_rule(thresholds.constant, evidence_limit))
        rules.append(near_constant_value_rule(thresholds.constant, evidence_limit))
    if concentration:
        rules.extend(
            (
                zero_value_rule(thresholds.zero, evidence_limit),
                SuddenDropRule(thresholds.sudden_drop, evidence_limit),
                SuddenJumpRule(thresholds.sudden_jump, evidence_limit),
                stable_low_value_rule(thresholds.stable_low, evidence_limit),
                limit_hugging_rule(thresholds.limit_hugging, evidence_limit),
                minimum_value_rule(thresholds.minimum, evidence_limit),
                hourly_exceedance_rule(evidence_limit),
            )
        )
    return tuple(rules)
