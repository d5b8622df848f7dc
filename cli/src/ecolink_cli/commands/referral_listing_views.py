"""How a person sees joint listings (挂牌督办): the listing, its parties' tasks and progress reports, when each party's
next report is due (overdue ones in red), the listing list and the line after a step."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table

from ecolink.referrals.v1 import listing_service_pb2 as pb
from ecolink_cli.commands.case_views import shown_time
from ecolink_cli.commands.referral_views import OVERDUE_STYLE, plain_table, styled_table

STATE_TERMS = {"listed": "listed 挂牌督办中", "delisted": "delisted 已摘牌"}
TASK_COLUMNS = ["#", "party 责任单位", "task 督办任务", "due 期限", "done 完成", "note 说明", "status 状态"]
REPORT_COLUMNS = ["#", "party 报告单位", "officers 人员", "task 任务", "filed 报告时间", "report 进展情况"]
REPORT_DUE_COLUMNS = ["party 单位", "next report due 下次报告期限", "status 状态"]
LIST_COLUMNS = [
    "listing 挂牌督办",
    "case 案件",
    "title 案件名称",
    "authority 督办单位",
    "parties 参与单位",
    "state 状态",
    "tasks 任务",
    "overdue 逾期",
    "updated",
]


def state_label(state: str) -> str:
    return STATE_TERMS.get(state, state)


def status(*, done: bool, overdue: bool) -> tuple[str, str | None]:
    """`done 已完成`, `OVERDUE 逾期` (in red) or `open 未完成`, and the row's style."""
    if done:
        return "done 已完成", None
    if overdue:
        return "OVERDUE 逾期", OVERDUE_STYLE
    return "open 未完成", None


def overdue_count(listing: pb.Listing) -> int:
    """The tasks and the reports due that are overdue as of the read."""
    return sum(t.overdue for t in listing.tasks) + sum(r.overdue for r in listing.reports_due)


def listing_table(listing: pb.Listing) -> Table:
    """The listing's own fields, one per row."""
    rows: list[list[Any]] = [
        ["case 案件", listing.case],
        ["title 案件名称", listing.title],
        ["state 状态", state_label(listing.state)],
        ["authority 挂牌督办单位", f"{listing.authority_agency_id} (region {listing.region_code})"],
        ["parties 参与单位", ", ".join(listing.party_agency_ids)],
        ["reports every 报告周期", f"{listing.report_every_days} days 天"],
        ["delisted because 摘牌理由", listing.delist_reason or "—"],
        ["listed 挂牌时间", shown_time(listing.create_time)],
        ["updated", shown_time(listing.update_time)],
        ["etag", listing.etag],
    ]
    return plain_table(f"{listing.name} 挂牌督办", ["field", "value"], rows)


def tasks_table(listing: pb.Listing) -> Table:
    rows = []
    for task in listing.tasks:
        shown, style = status(done=bool(task.done_time.seconds), overdue=task.overdue)
        cells = [
            task.seq,
            task.party_agency_id,
            task.description,
            shown_time(task.due_time),
            shown_time(task.done_time),
            task.note or "—",
            shown,
        ]
        rows.append((cells, style))
    return styled_table(f"tasks 督办任务 of {listing.name}", TASK_COLUMNS, rows)


def reports_table(listing: pb.Listing) -> Table:
    rows = [
        [r.seq, r.agency_id, ", ".join(r.officer_ids) or "—", r.task or "—", shown_time(r.report_time), r.text]
        for r in listing.reports
    ]
    return plain_table(f"progress reports 进展报告 of {listing.name}", REPORT_COLUMNS, rows)


def reports_due_table(listing: pb.Listing) -> Table:
    rows = []
    for due in listing.reports_due:
        shown, style = status(done=False, overdue=due.overdue)
        rows.append(([due.agency_id, shown_time(due.due_time), shown], style))
    return styled_table(f"reports due 报告期限 of {listing.name}", REPORT_DUE_COLUMNS, rows)


def list_table(listings: Sequence[pb.Listing]) -> Table:
    rows = [
        [
            listing.name,
            listing.case,
            listing.title,
            listing.authority_agency_id,
            ", ".join(listing.party_agency_ids),
            state_label(listing.state),
            len(listing.tasks),
            overdue_count(listing),
            shown_time(listing.update_time),
        ]
        for listing in listings
    ]
    return plain_table(f"{len(listings)} listings 挂牌督办", LIST_COLUMNS, rows)


def listing_summary(listing: pb.Listing) -> str:
    """One line after a step: the listing, its state, its tasks and reports, what is overdue, its etag."""
    done = sum(bool(t.done_time.seconds) for t in listing.tasks)
    return (
        f"{listing.name} {listing.title}: {state_label(listing.state)} · tasks {done}/{len(listing.tasks)} done · "
        f"{len(listing.reports)} reports · {overdue_count(listing)} overdue 逾期 · etag {listing.etag}"
    )
