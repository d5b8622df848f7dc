"""From service to compulsory enforcement (DOMAIN §3.3): when a decision counts as served, when the fine falls due,
what the late-payment surcharge is, when a payment reminder may be issued and when the court may be asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ecolink_cases.domain.legal_periods import LegalPeriods, Period

ONE_DAY = timedelta(days=1)
# Administrative Penalty Law art. 72: 3 % of the fine for each day overdue, at most the fine itself.
SURCHARGE_PERCENT_PER_DAY = 3


class ServiceMethod(StrEnum):
    """How a document reached the unit (送达方式)."""

    DIRECT = "direct"  # 直接送达
    POST = "post"  # 邮寄送达
    PUBLIC_NOTICE = "public_notice"  # 公告送达


def deemed_served(method: ServiceMethod, on: date, periods: LegalPeriods) -> date:
    """The day a document counts as served: the day of receipt, or for a public notice the last day of the notice
    period in force on the day of publication (60 days before 2022, 30 days after)."""
    if method is ServiceMethod.PUBLIC_NOTICE:
        return periods.end(Period.PUBLIC_NOTICE_SERVICE, on)
    return on


@dataclass(frozen=True)
class DecisionTimeline:
    """The days that follow from a penalty decision served on `served_on`; each "until" is the last day allowed."""

    served_on: date
    payment_until: date
    reconsideration_until: date
    lawsuit_until: date

    @property
    def windows_close(self) -> date:
        """The last day on which the unit could still seek reconsideration or sue."""
        return max(self.reconsideration_until, self.lawsuit_until)

    @property
    def reminder_from(self) -> date:
        """Administrative Compulsion Law art. 54: once both windows passed unpaid, a payment reminder may issue."""
        return self.windows_close + ONE_DAY


def decision_timeline(served_on: date, periods: LegalPeriods) -> DecisionTimeline:
    return DecisionTimeline(
        served_on=served_on,
        payment_until=periods.end(Period.PAYMENT, served_on),
        reconsideration_until=periods.end(Period.RECONSIDERATION, served_on),
        lawsuit_until=periods.end(Period.LAWSUIT, served_on),
    )


@dataclass(frozen=True)
class CourtApplicationWindow:
    """Administrative Compulsion Law arts. 53–54: from the day after the reminder's 10 days pass, and within three
    months after the windows of reconsideration and lawsuit closed."""

    opens_on: date
    closes_on: date

    @property
    def is_open_at_all(self) -> bool:
        return self.opens_on <= self.closes_on


def court_application_window(
    timeline: DecisionTimeline, reminder_served_on: date, periods: LegalPeriods
) -> CourtApplicationWindow:
    return CourtApplicationWindow(
        opens_on=periods.end(Period.REMINDER_PAYMENT, reminder_served_on) + ONE_DAY,
        closes_on=periods.end(Period.COURT_APPLICATION, timeline.windows_close),
    )


def late_payment_surcharge_fen(fine_fen: int, payment_until: date, on: date) -> int:
    """The surcharge owed on `on` for a fine still unpaid after `payment_until`, in fen: shown to the officer and the
    unit, never charged silently."""
    days_overdue = max((on - payment_until).days, 0)
    return min(fine_fen, fine_fen * SURCHARGE_PERCENT_PER_DAY * days_overdue // 100)
