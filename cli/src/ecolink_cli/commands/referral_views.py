"""How a person sees transfers to the police: the transfer, its timeline, its deadlines (overdue ones in red), the
evidence that went with it with its hashes and grants, supervisions, the transfer list, what is due, a bureau's
figures for a year and the suspected crimes never transferred."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from ecolink.referrals.v1 import transfer_pb2, transfer_service_pb2
from ecolink_cli.commands.case_views import StateNames, shown_time
from ecolink_cli.figures import figures_table

# The states of DOMAIN §4.2 with their Chinese terms.
STATE_TERMS: dict[int, str] = {
    transfer_pb2.TRANSFER_STATE_REPORTED: "移送报告",
    transfer_pb2.TRANSFER_STATE_NOT_APPROVED: "不批准移送",
    transfer_pb2.TRANSFER_STATE_SENT: "已移送",
    transfer_pb2.TRANSFER_STATE_RECEIVED: "已接收",
    transfer_pb2.TRANSFER_STATE_ACCEPTED: "受理",
    transfer_pb2.TRANSFER_STATE_RETURNED: "退回补充",
    transfer_pb2.TRANSFER_STATE_FILED: "立案",
    transfer_pb2.TRANSFER_STATE_DECLINED: "不予立案",
    transfer_pb2.TRANSFER_STATE_RECONSIDERING: "复议",
    transfer_pb2.TRANSFER_STATE_DECLINE_UPHELD: "复议维持",
    transfer_pb2.TRANSFER_STATE_PROSECUTION_DECIDED: "起诉决定",
    transfer_pb2.TRANSFER_STATE_JUDGED: "判决",
    transfer_pb2.TRANSFER_STATE_REVERSED: "反向移送",
    transfer_pb2.TRANSFER_STATE_WITHDRAWN: "撤回",
}
TRANSFER_STATES = StateNames(transfer_pb2.TransferState, "TRANSFER_STATE_", STATE_TERMS)
KIND_TERMS: dict[int, str] = {
    transfer_pb2.TRANSFER_KIND_CRIMINAL: "涉嫌犯罪案件移送",
    transfer_pb2.TRANSFER_KIND_DETENTION: "移送行政拘留",
}
TRANSFER_KINDS = StateNames(transfer_pb2.TransferKind, "TRANSFER_KIND_", KIND_TERMS)
DUTY_TERMS = {
    "head_decision": "head decision 负责人审批",
    "receipt": "receipt 接收回执",
    "filing_decision": "filing decision 立案决定",
    "reconsideration_window": "reconsideration window 提请复议期限",
    "reconsideration_answer": "reconsideration answer 复议决定",
    "supervision_answer": "supervision answer 说明理由",
}
OVERDUE_STYLE = "bold red"
MET_LATE_STYLE = "yellow"

LIST_COLUMNS = [
    "transfer 移送",
    "number 编号",
    "kind 类型",
    "state 状态",
    "case 案件",
    "bureau 移送机关",
    "police 公安机关",
    "unit 单位",
    "updated",
    "watermark",
]
TIMELINE_COLUMNS = [
    "#",
    "step",
    "state",
    "agency 机关",
    "officers 人员",
    "recorded",
    "note 说明",
    "signed record 签名记录",
]
DEADLINE_COLUMNS = ["duty 事项", "owed by 义务机关", "basis 依据", "due 期限", "met 完成", "status 状态"]
EVIDENCE_COLUMNS = ["evidence 证据", "sha256", "grant 授权", "grant expires 授权期限", "legal hold 法律保全"]
SUPERVISION_COLUMNS = [
    "supervision 立案监督",
    "procuratorate 检察院",
    "reason 理由",
    "opened",
    "answer due 答复期限",
    "answer 答复",
    "outcome 结果",
    "closed",
]
DUE_COLUMNS = ["transfer 移送", "number 编号", *DEADLINE_COLUMNS]
# The figures of GetTransferStatistics (移送统计) with their Chinese terms.
STATISTICS_TERMS = {
    "agency_id": "bureau 移送机关",
    "year": "year 年度",
    "criminal_transfers": "criminal transfers 涉嫌犯罪案件移送",
    "detention_transfers": "detention transfers 移送行政拘留",
    "persons_transferred": "persons transferred 移送人数",
    "filed_cases": "filed by the police 公安机关立案",
    "persons_under_compulsory_measures": "persons under compulsory measures 采取刑事强制措施人数",
    "persons_detained": "persons detained 行政拘留人数",
    "refusals": "refusals to file 不予立案",
    "reverse_transfers": "reverse transfers 反向移送",
    "overdue_steps": "deadlines missed or met late 逾期事项",
}
UNTRANSFERRED_COLUMNS = [
    "case 案件",
    "agency 承办机关",
    "unit 单位",
    "criterion 涉嫌犯罪标准",
    "marked 认定日期",
    "case state 案件状态",
    "transfer awaiting approval 待审批移送",
]


def styled_table(title: str, columns: Sequence[str], rows: Sequence[tuple[Sequence[Any], str | None]]) -> Table:
    """A table whose cells are shown as they are (a note holding `[…]` is no markup), each row with its style."""
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for cells, style in rows:
        table.add_row(*(Text(str(cell)) for cell in cells), style=style)
    return table


def plain_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Table:
    return styled_table(title, columns, [(row, None) for row in rows])


def kind_label(kind: int) -> str:
    return TRANSFER_KINDS.label(kind)


def state_label(state: int) -> str:
    return TRANSFER_STATES.label(state)


def persons_text(transfer: transfer_pb2.Transfer) -> str:
    return ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in transfer.persons) or "—"


def transfer_table(transfer: transfer_pb2.Transfer) -> Table:
    """The transfer's own fields, one per row."""
    rows: list[list[Any]] = [
        ["number 移送编号", transfer.number or "—"],
        ["kind 类型", kind_label(transfer.kind)],
        ["state 状态", state_label(transfer.state)],
        ["case 案件", transfer.case],
        ["unit 单位", f"{transfer.unit} {transfer.unit_display_name} (region {transfer.region_code})"],
        ["bureau 移送机关", transfer.bureau_agency_id],
        ["police 公安机关", transfer.police_agency_id],
        ["procuratorate 抄送检察院", transfer.procuratorate_agency_id],
        ["facts 案件情况", transfer.facts],
        ["suspected offence 涉嫌罪名", transfer.suspected_offence or "—"],
        ["persons 涉案人员", persons_text(transfer)],
        ["reporting officers 移送人员", ", ".join(transfer.officer_ids)],
        ["approved by 审批负责人", transfer.approver_officer_id or "—"],
        ["version sent 移送版本", transfer.version or "—"],
        ["police case number 立案号", transfer.police_case_number or "—"],
        ["persons held 强制措施/拘留人数", transfer.persons_held or "—"],
        ["outcome 结果", transfer.outcome or "—"],
        ["reported 报告时间", shown_time(transfer.create_time)],
        ["updated", shown_time(transfer.update_time)],
        ["watermark 变更序号", transfer.change_seq],
        ["etag", transfer.etag],
    ]
    return plain_table(f"{transfer.name} 案件移送", ["field", "value"], rows)


def timeline_table(transfer: transfer_pb2.Transfer) -> Table:
    """Every step: who, when, from which state to which, what they said, and the signed record it produced."""
    rows = [
        [
            step.seq,
            step.step,
            f"{TRANSFER_STATES.short(step.from_state)} → {state_label(step.to_state)}",
            step.agency_id,
            ", ".join(step.officer_ids) or "—",
            shown_time(step.record_time),
            step.note or "—",
            step.record,
        ]
        for step in transfer.timeline
    ]
    return plain_table(f"timeline 移送流程 of {transfer.name}", TIMELINE_COLUMNS, rows)


def deadline_status(deadline: transfer_pb2.TransferDeadline) -> tuple[str, str | None]:
    """`OVERDUE 逾期` (in red), `met late 逾期完成`, `met 已完成` or `not met 未完成` (open, or a window the bureau let
    pass, which is no overdue step), and the row's style."""
    if deadline.met_time.seconds:
        if deadline.due_time.seconds and deadline.met_time.ToSeconds() > deadline.due_time.ToSeconds():
            return "met late 逾期完成", MET_LATE_STYLE
        return "met 已完成", None
    if deadline.overdue:
        return "OVERDUE 逾期", OVERDUE_STYLE
    return "not met 未完成", None


def deadline_cells(deadline: transfer_pb2.TransferDeadline) -> tuple[list[str], str | None]:
    status, style = deadline_status(deadline)
    cells = [
        DUTY_TERMS.get(deadline.duty, deadline.duty),
        deadline.owed_by_agency_id,
        deadline.basis,
        shown_time(deadline.due_time),
        shown_time(deadline.met_time),
        status,
    ]
    return cells, style


def deadlines_table(transfer: transfer_pb2.Transfer) -> Table:
    rows = [deadline_cells(d) for d in transfer.deadlines]
    return styled_table(f"deadlines 期限 of {transfer.name}", DEADLINE_COLUMNS, rows)


def evidence_table(transfer: transfer_pb2.Transfer) -> Table:
    """Every item that went with it, with its whole SHA-256 (the police check each download against it)."""
    rows = [
        [
            item.evidence,
            item.sha256,
            item.grant_id or "—",
            f"revoked 已撤销 {shown_time(item.grant_revoke_time)}"
            if item.HasField("grant_revoke_time")
            else shown_time(item.grant_expire_time),
            "placed by this transfer 本次保全" if item.hold_placed else "held already 已保全",
        ]
        for item in transfer.evidence
    ]
    return plain_table(f"evidence 移送证据 of {transfer.name}", EVIDENCE_COLUMNS, rows)


def supervisions_table(transfer: transfer_pb2.Transfer) -> Table:
    rows = [
        [
            s.name,
            s.procuratorate_agency_id,
            s.reason,
            shown_time(s.open_time),
            shown_time(s.answer_due_time),
            s.answer or "—",
            s.outcome or "—",
            shown_time(s.close_time),
        ]
        for s in transfer.supervisions
    ]
    return plain_table(f"supervisions 立案监督 of {transfer.name}", SUPERVISION_COLUMNS, rows)


def list_row(transfer: transfer_pb2.Transfer) -> list[Any]:
    return [
        transfer.name,
        transfer.number,
        TRANSFER_KINDS.short(transfer.kind),
        state_label(transfer.state),
        transfer.case,
        transfer.bureau_agency_id,
        transfer.police_agency_id,
        f"{transfer.unit.removeprefix('units/')} {transfer.unit_display_name}",
        shown_time(transfer.update_time),
        transfer.change_seq,
    ]


def list_table(transfers: Sequence[transfer_pb2.Transfer], watermark: int) -> Table:
    title = f"{len(transfers)} transfers 案件移送 (watermark {watermark})"
    return plain_table(title, LIST_COLUMNS, [list_row(t) for t in transfers])


def due_table(actions: Sequence[transfer_service_pb2.TransferDueAction]) -> Table:
    rows = []
    for action in actions:
        cells, style = deadline_cells(action.deadline)
        rows.append(([action.transfer, action.number, *cells], style))
    overdue = sum(1 for a in actions if a.deadline.overdue and not a.deadline.met_time.seconds)
    return styled_table(f"{len(actions)} deadlines 到期事项, {overdue} overdue 逾期", DUE_COLUMNS, rows)


def step_summary(transfer: transfer_pb2.Transfer) -> str:
    """One line after a step: the transfer, its number, its state now and its etag."""
    number = f" {transfer.number}" if transfer.number else ""
    return f"{transfer.name}{number}: {state_label(transfer.state)} · etag {transfer.etag}"


def statistics_table(statistics: transfer_service_pb2.GetTransferStatisticsResponse) -> Table:
    title = f"transfer figures 移送统计 of {statistics.agency_id}, {statistics.year}"
    return figures_table(title, statistics, STATISTICS_TERMS)


def untransferred_table(suspects: Sequence[transfer_service_pb2.UntransferredSuspect]) -> Table:
    """The procuratorate's view against fines in place of prosecution (以罚代刑): each case with the criterion met."""
    rows = [
        [
            s.case,
            s.handling_agency_id,
            f"{s.unit.removeprefix('units/')} {s.unit_display_name}",
            f"{s.criterion}\n{s.criterion_description}".strip(),
            s.marked_on,
            s.case_state,
            s.pending_transfer or "—",
        ]
        for s in suspects
    ]
    title = f"{len(suspects)} suspected crimes never transferred 涉嫌犯罪未移送 (以罚代刑监督)"
    return plain_table(title, UNTRANSFERRED_COLUMNS, rows)
