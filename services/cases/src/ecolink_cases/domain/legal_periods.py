"""Legal periods as dated rules (DOMAIN §3.3): each with its source and the day from which it applies, so a legal
officer corrects the table, not the code, and a case keeps the rule in force when its act took place."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class PeriodUnit(StrEnum):
    DAYS = "days"
    MONTHS = "months"


class Period(StrEnum):
    """The periods the execution of a decision runs through."""

    PUBLIC_NOTICE_SERVICE = "public_notice_service"  # 公告送达: deemed served this long after publication
    PAYMENT = "payment"  # fine due within this long after service
    RECONSIDERATION = "reconsideration"  # 行政复议 window after service
    LAWSUIT = "lawsuit"  # 行政诉讼 window after service
    REMINDER_PAYMENT = "reminder_payment"  # 催告: the unit may still pay this long after the reminder is served
    COURT_APPLICATION = "court_application"  # 申请法院强制执行: within this long after the windows close
    SEALING = "sealing"  # 查封扣押: the longest a sealing or seizure lasts
    SEALING_EXTENSION = "sealing_extension"  # its one extension, at most this long
    PRODUCTION_RESTRICTION = "production_restriction"  # 限制生产: the longest a restriction lasts
    REINSPECTION = "reinspection"  # 复查: a correction order is re-inspected within this long after its service


@dataclass(frozen=True)
class DatedPeriod:
    """One period as the law sets it from `applies_from` (the day of the act it is measured from) on."""

    period: Period
    amount: int
    unit: PeriodUnit
    applies_from: date
    source: str

    def end(self, start: date) -> date:
        """The last day of the period counted from the day after `start` (the day of the act is not counted)."""
        if self.unit is PeriodUnit.DAYS:
            return start + timedelta(days=self.amount)
        return add_months(start, self.amount)


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day where it is shorter (31 Aug + 6 months = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class PeriodRuleMissing(LookupError):
    """No rule of the table applies on that day (the table starts later)."""


@dataclass(frozen=True)
class LegalPeriods:
    """The table of dated periods; for each period the rule in force is the latest whose `applies_from` has come."""

    rules: tuple[DatedPeriod, ...]

    def in_force(self, period: Period, on: date) -> DatedPeriod:
        applicable = [rule for rule in self.rules if rule.period is period and rule.applies_from <= on]
        if not applicable:
            raise PeriodRuleMissing(f"no {period.value} rule applies on {on.isoformat()}")
        return max(applicable, key=lambda rule: rule.applies_from)

    def end(self, period: Period, start: date) -> date:
        """The last day of `period` for an act on `start`, under the rule in force that day."""
        return self.in_force(period, start).end(start)

    def replaced(self, overrides: Iterable[DatedPeriod]) -> LegalPeriods:
        """This table with rules of the same period and start day replaced, and new ones added."""
        by_key: Mapping[tuple[Period, date], DatedPeriod] = {
            **{(r.period, r.applies_from): r for r in self.rules},
            **{(r.period, r.applies_from): r for r in overrides},
        }
        return LegalPeriods(tuple(sorted(by_key.values(), key=lambda r: (r.period.value, r.applies_from))))


EARLIEST = date(1990, 1, 1)
# Civil Procedure Law as amended on 2021-12-24, in force from this day.
PUBLIC_NOTICE_AMENDED = date(2022, 1, 1)
DEFAULT_PERIODS = LegalPeriods(
    (
        # DOMAIN §3.3 (the Wengniute notice): public-notice service counts as served 60 days after publication;
        # Civil Procedure Law art. 92 before its 2021 amendment.
        DatedPeriod(Period.PUBLIC_NOTICE_SERVICE, 60, PeriodUnit.DAYS, EARLIEST, "Civil Procedure Law art. 92 (2017)"),
        # Civil Procedure Law art. 95 as amended on 2021-12-24, in force 2022-01-01: 30 days.
        DatedPeriod(
            Period.PUBLIC_NOTICE_SERVICE,
            30,
            PeriodUnit.DAYS,
            PUBLIC_NOTICE_AMENDED,
            "Civil Procedure Law art. 95 (2021)",
        ),
        DatedPeriod(Period.PAYMENT, 15, PeriodUnit.DAYS, EARLIEST, "Administrative Penalty Law art. 67"),
        DatedPeriod(
            Period.RECONSIDERATION,
            60,
            PeriodUnit.DAYS,
            EARLIEST,
            "Administrative Reconsideration Law art. 9 (1999), art. 20 (2023)",
        ),
        DatedPeriod(Period.LAWSUIT, 6, PeriodUnit.MONTHS, EARLIEST, "Administrative Litigation Law art. 46"),
        DatedPeriod(Period.REMINDER_PAYMENT, 10, PeriodUnit.DAYS, EARLIEST, "Administrative Compulsion Law art. 54"),
        DatedPeriod(Period.COURT_APPLICATION, 3, PeriodUnit.MONTHS, EARLIEST, "Administrative Compulsion Law art. 53"),
        # DOMAIN §3.1 supporting measures (proposed from the bureaus' rules): sealing or seizure for 30 days, one
        # extension of at most 30 days; production restriction for at most 3 months; re-inspection of a
        # correction order within 30 days of its service.
        DatedPeriod(Period.SEALING, 30, PeriodUnit.DAYS, EARLIEST, "Administrative Compulsion Law art. 25"),
        DatedPeriod(Period.SEALING_EXTENSION, 30, PeriodUnit.DAYS, EARLIEST, "Administrative Compulsion Law art. 25"),
        DatedPeriod(
            Period.PRODUCTION_RESTRICTION,
            3,
            PeriodUnit.MONTHS,
            EARLIEST,
            "Measures on Production Restriction and Suspension for Rectification art. 9",
        ),
        DatedPeriod(
            Period.REINSPECTION, 30, PeriodUnit.DAYS, EARLIEST, "Measures on Daily Continuous Penalties art. 12"
        ),
    )
)
