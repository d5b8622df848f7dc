"""How a person sees cases: the case, its timeline, approvals and documents, its dossier, the case list and what is
due."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp
from rich.table import Table

from ecolink.cases.v1 import case_pb2
from ecolink.cases.v1 import case_service_pb2 as pb
from ecolink_cli.figures import figures_table
from ecolink_cli.output import make_table
from ecolink_cli.times import shown_time as shown_precise

SHA256_SHOWN = 12
# The states of DOMAIN §3.1 with their Chinese terms.
STATE_TERMS: dict[int, str] = {
    case_pb2.CASE_STATE_CLUE: "线索",
    case_pb2.CASE_STATE_REGISTERED: "立案",
    case_pb2.CASE_STATE_INVESTIGATING: "调查取证",
    case_pb2.CASE_STATE_LEGAL_REVIEW: "法制审核",
    case_pb2.CASE_STATE_NOTIFIED: "告知",
    case_pb2.CASE_STATE_DECIDED: "决定",
    case_pb2.CASE_STATE_SERVED: "送达",
    case_pb2.CASE_STATE_EXECUTING: "执行",
    case_pb2.CASE_STATE_CLOSED: "结案",
    case_pb2.CASE_STATE_WITHDRAWN: "撤销",
}
ACTION_TERMS = {
    "deemed_served": "deemed served 视为送达",
    "payment_due": "payment deadline 缴纳期限",
    "reminder_may_issue": "reminder may issue 可催告",
    "reminder_deemed_served": "reminder deemed served 催告书视为送达",
    "court_application": "court application 申请强制执行",
}
# The figures of GetCaseStatistics (执法统计) with their Chinese terms; amounts (`…_fen`) are shown in yuan.
STATISTICS_TERMS = {
    "agency_id": "agency 机关",
    "year": "year 年度",
    "registered": "registered 立案",
    "decided": "decided 作出决定",
    "penalties": "penalty decisions 行政处罚决定",
    "penalty_fen": "their fines 处罚金额",
    "no_penalty_decisions": "no-penalty decisions 不予行政处罚决定",
    "daily_penalties": "daily continuous penalties 按日连续处罚",
    "daily_penalty_fen": "their daily penalties 按日连续处罚金额",
    "sealings": "sealings 查封扣押",
    "production_restrictions": "production restrictions 限制生产",
    "detention_hand_offs": "detention hand-offs 移送行政拘留",
}
LIST_COLUMNS = ["case", "unit", "state", "agency", "source", "violation", "fine", "updated"]
APPROVAL_COLUMNS = ["approval", "step", "agency", "officer", "opinion", "when", "used"]
DOCUMENT_COLUMNS = ["number", "kind", "case", "issued", "cites", "void"]
DUE_COLUMNS = ["case", "action", "status", "from", "until", "what", "legal basis"]
DOSSIER_OFFICER_COLUMNS = ["officer", "name 姓名", "agency 机关", "certificate 执法证号"]
DOSSIER_EVIDENCE_COLUMNS = ["evidence 证据", "sha256", "cited at steps #"]


def shown_time(stamp: Timestamp) -> str:
    """A moment of a case to the second: steps are days apart, not microseconds."""
    return shown_precise(stamp, "seconds")


def short(enum: object, prefix: str, value: int) -> str:
    """`CASE_STATE_LEGAL_REVIEW` → `legal-review`."""
    return str(enum.Name(value)).removeprefix(prefix).lower().replace("_", "-")  # type: ignore[attr-defined]


@dataclass(frozen=True)
class StateNames:
    """How the states of one proto enum are shown: short (`legal-review`) and with their Chinese term."""

    enum: Any
    prefix: str
    terms: Mapping[int, str]

    def short(self, state: int) -> str:
        return short(self.enum, self.prefix, state)

    def label(self, state: int) -> str:
        return f"{self.short(state)} {self.terms.get(state, '')}".strip()


CASE_STATES = StateNames(case_pb2.CaseState, "CASE_STATE_", STATE_TERMS)


def state_label(state: int) -> str:
    return CASE_STATES.label(state)


def yuan(fen: int) -> str:
    return f"¥{fen // 100:,}.{fen % 100:02d}"


def _fine(case: case_pb2.Case) -> str:
    if case.outcome == case_pb2.DECISION_OUTCOME_NO_PENALTY:
        return "no penalty 不予处罚"
    return f"{yuan(case.fine_fen)} (paid {yuan(case.paid_fen)})" if case.fine_fen else "—"


def list_row(case: case_pb2.Case) -> list[str]:
    return [
        case.name,
        f"{case.unit.removeprefix('units/')} {case.unit_display_name}",
        state_label(case.state),
        case.handling_agency_id,
        " ".join(part for part in (short(case_pb2.ClueSource, "CLUE_SOURCE_", case.source), case.source_ref) if part),
        case.violation_type,
        _fine(case),
        shown_time(case.update_time),
    ]


def case_table(case: case_pb2.Case) -> Table:
    """The case's own fields, one per row."""
    rows = [
        ["unit 单位", f"{case.unit} {case.unit_display_name} (region {case.region_code})"],
        ["state 状态", state_label(case.state)],
        ["handling agency 承办机关", case.handling_agency_id],
        ["handling officers 承办人", ", ".join(case.handling_officer_ids)],
        ["source 线索来源", list_row(case)[4]],
        ["violation 违法行为", case.violation_type],
        ["legal basis 法律依据", case.legal_basis],
        ["fine 罚款", _fine(case)],
        ["no-penalty ground 不予处罚理由", case.no_penalty_ground or "—"],
        ["compensation case 生态环境损害赔偿案件", case.compensation_case or "—"],
        ["opened", shown_time(case.create_time)],
        ["etag", case.etag],
    ]
    if case.HasField("alert_provenance"):
        provenance = case.alert_provenance
        rows[5:5] = [
            ["source alert 来源预警", provenance.alert],
            ["alert rule 预警规则", provenance.rule],
            ["alert evidence sha256 预警证据哈希", provenance.evidence_sha256],
        ]
    return make_table(case.name, ["field", "value"], rows)


def _period(on: str, days: int, extra: str = "") -> str:
    return f"from {on}, {days} days{extra}" if on else "—"


def measures_table(case: case_pb2.Case) -> Table | None:
    """The supporting measures (辅助措施) recorded on the case; None when none was taken."""
    m = case.measures
    if m == case_pb2.SupportingMeasures():
        return None
    extended = f" + {m.sealing_extension_days} extended 延长" if m.sealing_extension_days else ""
    daily = f"{m.daily_penalty_days} days, {yuan(m.daily_penalty_fen)}" if m.daily_penalty_days else "—"
    police = f" to {m.detention_police_agency_id}" if m.detention_police_agency_id else ""
    rows = [
        ["sealing 查封扣押", _period(m.sealing_on, m.sealing_days, extended)],
        ["sealing until 查封扣押期限至", m.sealing_until or "—"],
        ["sealing lifted 解除查封扣押", m.sealing_lifted_on or "—"],
        ["production restriction 限制生产", _period(m.restriction_on, m.restriction_days)],
        ["correction order served 责令改正送达", m.correction_served_on or "—"],
        ["re-inspected 复查", m.reinspected_on or "—"],
        ["daily continuous penalty 按日连续处罚", daily],
        ["detention hand-off 移送行政拘留", (m.detention_handed_off_on + police) if m.detention_handed_off_on else "—"],
    ]
    return make_table(f"supporting measures 辅助措施 of {case.name}", ["measure", "value"], rows)


def _amount(name: str, value: Any) -> Any:
    """An amount (`…_fen`) in yuan; a count as it is."""
    return yuan(value) if name.endswith("_fen") else value


def statistics_table(statistics: pb.GetCaseStatisticsResponse) -> Table:
    title = f"enforcement figures 执法统计 of {statistics.agency_id}, {statistics.year}"
    return figures_table(title, statistics, STATISTICS_TERMS, _amount)


STEP_COLUMNS = ["#", "step", "state", "agency", "officers", "on", "recorded", "evidence (sha256)"]


def step_cells(step: Any, states: StateNames) -> list[Any]:
    """The columns of STEP_COLUMNS for one step of a timeline (a case's or a compensation case's)."""
    cited = "\n".join(f"{e.evidence} {e.sha256[:SHA256_SHOWN]}…" for e in step.evidence) or "—"
    return [
        step.seq,
        step.step,
        f"{states.short(step.from_state)} → {states.label(step.to_state)}",
        step.agency_id,
        ", ".join(step.officer_ids),
        step.occurred_on,
        shown_time(step.record_time),
        cited,
    ]


def timeline_table(case: case_pb2.Case) -> Table:
    """Every step: who, when, on what evidence, under which approval, issuing which document."""
    approvals = {a.name: f"{a.approver_agency_id} {a.approver_officer_id}: {a.opinion}" for a in case.approvals}
    numbers = {d.name: d.display_number for d in case.documents}
    rows = [
        [
            *step_cells(step, CASE_STATES),
            approvals.get(step.approval, "—"),
            numbers.get(step.document, step.document or "—"),
        ]
        for step in case.timeline
    ]
    return make_table(f"timeline 办案流程 of {case.name}", [*STEP_COLUMNS, "approval", "document"], rows)


def approvals_table(case: case_pb2.Case) -> Table:
    rows = [
        [
            a.name,
            a.step,
            a.approver_agency_id,
            a.approver_officer_id,
            a.opinion,
            shown_time(a.approve_time),
            "yes" if a.used else "no",
        ]
        for a in case.approvals
    ]
    return make_table("approvals 审批", APPROVAL_COLUMNS, rows)


def documents_table(title: str, documents: Sequence[case_pb2.Document]) -> Table:
    """Documents with their printed numbers; a cited one is shown by its number when it is in the list."""
    numbers = {d.name: d.display_number for d in documents}
    rows = [
        [
            d.display_number,
            short(case_pb2.DocumentKind, "DOCUMENT_KIND_", d.kind),
            d.case,
            shown_time(d.issue_time),
            ", ".join(numbers.get(cited, cited) for cited in d.cites) or "—",
            "VOID" if d.void else "",
        ]
        for d in documents
    ]
    return make_table(title, DOCUMENT_COLUMNS, rows)


def dossier_officers_table(dossier: case_pb2.CaseDossier) -> Table:
    """Every officer the case names, as the directory lists him ("—" for one it no longer holds)."""
    rows = [[o.officer_id, o.name or "—", o.agency_id, o.certificate_number or "—"] for o in dossier.officers]
    return make_table(f"officers 执法人员 of {dossier.case.name}", DOSSIER_OFFICER_COLUMNS, rows)


def dossier_evidence_table(dossier: case_pb2.CaseDossier) -> Table:
    """Every evidence item cited, in the order first cited, with its whole SHA-256 (a transfer checks it)."""
    rows = [[e.evidence, e.sha256, ", ".join(str(seq) for seq in e.cited_at)] for e in dossier.evidence]
    return make_table(f"evidence list 证据清单 of {dossier.case.name}", DOSSIER_EVIDENCE_COLUMNS, rows)


def due_table(actions: Sequence[case_pb2.DueAction], as_of: str) -> Table:
    rows = [
        [
            a.case,
            ACTION_TERMS.get(a.action, a.action),
            a.status,
            a.from_date,
            a.until_date or "—",
            a.description,
            a.legal_basis,
        ]
        for a in actions
    ]
    return make_table(f"{len(actions)} dated actions 到期事项 as of {as_of}", DUE_COLUMNS, rows)


def step_summary(case: case_pb2.Case) -> str:
    """One line after a step: the case, its state now, the document the step issued."""
    numbers = {d.name: d.display_number for d in case.documents}
    issued = numbers.get(case.timeline[-1].document, "") if case.timeline else ""
    return f"{case.name}: {state_label(case.state)}" + (f" · {issued}" if issued else "") + f" · etag {case.etag}"
