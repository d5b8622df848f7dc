"""C11 flag abuse: too many maintenance/fault hours a month, calibration outside declared windows, manual values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME, month_of
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.observation import FactorColumn, Observation
from ecolink_alerts.domain.rules.period_share import PeriodShareRule
from ecolink_alerts.domain.rules.run import RunRule, Verdict
from ecolink_alerts.domain.thresholds import FlagAbuseThresholds


@dataclass(frozen=True)
class CalibrationWindow:
    """A daily window, in local (China Standard Time) clock time, in which the MN declared it calibrates.

    A window whose end is before its start runs over midnight.
    """

    start: time
    end: time

    def holds(self, moment: datetime) -> bool:
        clock = moment.astimezone(CHINA_STANDARD_TIME).time()
        if self.start <= self.end:
            return self.start <= clock < self.end
        return clock >= self.start or clock < self.end


def flagged_hours_share_rule(thresholds: FlagAbuseThresholds, evidence_limit: int) -> PeriodShareRule:
    """§C11: the share of M/C/F/D/S-flagged hours among a local calendar month's hours above 10 %."""

    return PeriodShareRule(
        RuleId.FLAGGED_HOURS_SHARE,
        month_of,
        frozenset(thresholds.counted_flags),
        thresholds.max_flagged_share_per_month,
        evidence_limit,
    )


def calibration_outside_window_rule(windows: tuple[CalibrationWindow, ...], evidence_limit: int) -> RunRule:
    """§C11: C flags outside the MN's declared calibration windows; any other value ends the episode."""

    def classify(observation: Observation, previous: Reading | None) -> Verdict:
        reading = observation.reading
        if reading.flag is not DataFlag.CALIBRATION:
            return Verdict.BREAK
        inside = any(window.holds(reading.data_time) for window in windows)
        return Verdict.BREAK if inside else Verdict.MATCH

    def screen(column: FactorColumn) -> bool:
        return DataFlag.CALIBRATION in column.flags

    return RunRule(RuleId.CALIBRATION_OUTSIDE_WINDOW, 1, evidence_limit, classify, screen)


def manual_value_rule(evidence_limit: int) -> RunRule:
    """§C11: an S flag (a manually set value); the catalogue applies it to concentrations."""

    def classify(observation: Observation, previous: Reading | None) -> Verdict:
        return Verdict.MATCH if observation.reading.flag is DataFlag.MANUAL else Verdict.BREAK

    def screen(column: FactorColumn) -> bool:
        return DataFlag.MANUAL in column.flags

    return RunRule(RuleId.MANUAL_VALUE, 1, evidence_limit, classify, screen)
