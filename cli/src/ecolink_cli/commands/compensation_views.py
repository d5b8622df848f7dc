"""How a person sees compensation cases (生态环境损害赔偿): the case, its consultations, its timeline, the list."""

from __future__ import annotations

from rich.table import Table

from ecolink.cases.v1 import compensation_pb2
from ecolink_cli.commands.case_views import STEP_COLUMNS, StateNames, shown_time, step_cells, yuan
from ecolink_cli.output import make_table

# The states of DOMAIN §3.5 with their Chinese terms.
COMPENSATION_STATES = StateNames(
    compensation_pb2.CompensationState,
    "COMPENSATION_STATE_",
    {
        compensation_pb2.COMPENSATION_STATE_CLUE_SCREENING: "线索筛查",
        compensation_pb2.COMPENSATION_STATE_INVESTIGATING: "调查",
        compensation_pb2.COMPENSATION_STATE_APPRAISED: "鉴定评估",
        compensation_pb2.COMPENSATION_STATE_CONSULTING: "磋商",
        compensation_pb2.COMPENSATION_STATE_AGREED: "赔偿协议",
        compensation_pb2.COMPENSATION_STATE_PERFORMED: "履行完毕",
        compensation_pb2.COMPENSATION_STATE_CLOSED: "结案",
    },
)
REMEDY_TERMS = {
    compensation_pb2.COMPENSATION_REMEDY_RESTORATION: "restoration 修复",
    compensation_pb2.COMPENSATION_REMEDY_PAYMENT: "payment 赔偿金",
}
LIST_COLUMNS = [
    "compensation case 赔偿案件",
    "penalty case 处罚案件",
    "unit 单位",
    "state 状态",
    "agency 机关",
    "damage 损害数额",
    "agreed 赔偿数额",
    "updated",
]
CONSULTATION_COLUMNS = ["round 轮次", "on 日期", "parties 磋商各方", "joined cases 合并磋商"]


def _amount(fen: int) -> str:
    return yuan(fen) if fen else "—"


def _agreement(case: compensation_pb2.CompensationCase) -> str:
    if not case.agreed_amount_fen:
        return "—"
    return f"{yuan(case.agreed_amount_fen)}, {REMEDY_TERMS.get(case.remedy, '—')}"


def list_row(case: compensation_pb2.CompensationCase) -> list[str]:
    return [
        case.name,
        case.penalty_case,
        case.unit.removeprefix("units/"),
        COMPENSATION_STATES.label(case.state),
        case.handling_agency_id,
        _amount(case.appraised_damage_fen),
        _amount(case.agreed_amount_fen),
        shown_time(case.update_time),
    ]


def compensation_table(case: compensation_pb2.CompensationCase) -> Table:
    """The compensation case's own fields, one per row."""
    paid = (
        f"{yuan(case.paid_fen)} of {yuan(case.agreed_amount_fen)}"
        if case.remedy == compensation_pb2.COMPENSATION_REMEDY_PAYMENT
        else "—"
    )
    rows = [
        ["penalty case 处罚案件 (双案)", case.penalty_case],
        ["unit 单位", f"{case.unit} (region {case.region_code})"],
        ["state 状态", COMPENSATION_STATES.label(case.state)],
        ["handling agency 承办机关", case.handling_agency_id],
        ["appraised damage 鉴定评估损害数额", _amount(case.appraised_damage_fen)],
        ["appraisal body 鉴定评估机构", case.appraisal_body or "—"],
        ["consultation rounds 磋商轮次", str(len(case.consultations))],
        ["agreement 赔偿协议", _agreement(case)],
        ["restoration plan 修复方案", case.restoration_plan or "—"],
        ["restored 修复完成", case.restored_on or "—"],
        ["compensation paid 赔偿金已缴", paid],
        ["opened", shown_time(case.create_time)],
        ["etag", case.etag],
    ]
    return make_table(f"{case.name} 生态环境损害赔偿", ["field", "value"], rows)


def consultations_table(case: compensation_pb2.CompensationCase) -> Table:
    rows = [
        [c.round, c.occurred_on, ", ".join(c.parties), ", ".join(c.joined_cases) or "—"] for c in case.consultations
    ]
    return make_table(f"consultations 磋商 of {case.name}", CONSULTATION_COLUMNS, rows)


def timeline_table(case: compensation_pb2.CompensationCase) -> Table:
    """Every step: who, when, on what evidence."""
    rows = [step_cells(step, COMPENSATION_STATES) for step in case.timeline]
    return make_table(f"timeline 办案流程 of {case.name}", STEP_COLUMNS, rows)


def step_summary(case: compensation_pb2.CompensationCase) -> str:
    """One line after a step: the compensation case and its state now."""
    return f"{case.name}: {COMPENSATION_STATES.label(case.state)} · etag {case.etag}"
