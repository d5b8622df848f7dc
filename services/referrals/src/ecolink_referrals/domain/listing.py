"""Joint listing supervision (挂牌督办, DOMAIN §4.3): a listed case with its parties' tasks and progress reports, and
what is overdue: a task past its day, a party's report past its turn; each overdue item is escalated once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum


class ListingState(StrEnum):
    LISTED = "listed"
    DELISTED = "delisted"


@dataclass(frozen=True)
class ListingTaskRecord:
    seq: int
    party_agency_id: str
    description: str
    due_time: datetime
    done_time: datetime | None = None
    note: str = ""

    def overdue(self, now: datetime) -> bool:
        return self.done_time is None and now >= self.due_time


@dataclass(frozen=True)
class ProgressReportRecord:
    seq: int
    agency_id: str
    officer_ids: tuple[str, ...]
    text: str
    task: int
    report_time: datetime


@dataclass(frozen=True)
class ListingRecord:
    listing_id: int
    case: str
    title: str
    authority_agency_id: str
    region_code: str
    party_agency_ids: tuple[str, ...]
    report_every_days: int
    state: ListingState
    create_time: datetime
    update_time: datetime
    tasks: tuple[ListingTaskRecord, ...] = ()
    reports: tuple[ProgressReportRecord, ...] = ()
    reports_due: dict[str, datetime] = field(default_factory=dict)
    escalated: frozenset[str] = frozenset()
    delist_reason: str = ""
    version: int = 1

    @property
    def name(self) -> str:
        return f"listings/{self.listing_id}"

    def report_filed(self, agency_id: str, at: datetime) -> dict[str, datetime]:
        """The reports due after `agency_id` reported at `at`: its next one N days later."""
        return {**self.reports_due, agency_id: at + timedelta(days=self.report_every_days)}


@dataclass(frozen=True)
class OverdueItem:
    """Something a party owes that passed its time: its stable key (escalated once), duty, party, due time."""

    key: str
    duty: str
    owed_by: str
    due_time: datetime


def overdue_items(listing: ListingRecord, now: datetime) -> list[OverdueItem]:
    """DOMAIN §4.3: while listed, every task past its day and every report past its turn, not yet escalated. A report
    turn is keyed by its due time, so each missed turn is escalated once."""
    if listing.state is not ListingState.LISTED:
        return []
    items = [
        OverdueItem(f"tasks/{task.seq}", "listing_task", task.party_agency_id, task.due_time)
        for task in listing.tasks
        if task.overdue(now)
    ]
    items += [
        OverdueItem(f"reports/{agency}/{due.isoformat()}", "progress_report", agency, due)
        for agency, due in sorted(listing.reports_due.items())
        if now >= due
    ]
    return [item for item in items if item.key not in listing.escalated]
