"""Numbered documents (DOMAIN §3.2): which steps issue which kind, and how a number is printed, e.g. 翁环罚字[2021]3号.

Numbers run per issuing agency, kind and year from 1, without gaps and never reused; a voided document keeps its
number. The word of each kind (罚, 催告, …) follows the seed's 翁环罚字 and 翁环催告字; the others are proposed."""

from __future__ import annotations

from enum import StrEnum

from ecolink_cases.domain.lifecycle import Outcome, Step


class DocumentKind(StrEnum):
    REGISTRATION_APPROVAL = "registration_approval"  # 立案审批表
    INSPECTION_RECORD = "inspection_record"  # 现场检查笔录
    PENALTY_NOTICE = "penalty_notice"  # 行政处罚事先告知书
    PENALTY_DECISION = "penalty_decision"  # 行政处罚决定书
    NO_PENALTY_DECISION = "no_penalty_decision"  # 不予行政处罚决定书
    SEALING_DECISION = "sealing_decision"  # 查封扣押决定书
    PAYMENT_REMINDER = "payment_reminder"  # 催告书
    COURT_APPLICATION = "court_application"  # 强制执行申请书


# The word between the agency's prefix and 字: 罚 and 催告 are the seed's [000]; the rest are proposed.
NUMBER_WORDS: dict[DocumentKind, str] = {
    DocumentKind.REGISTRATION_APPROVAL: "立",
    DocumentKind.INSPECTION_RECORD: "检",
    DocumentKind.PENALTY_NOTICE: "罚告",
    DocumentKind.PENALTY_DECISION: "罚",
    DocumentKind.NO_PENALTY_DECISION: "不罚",
    DocumentKind.SEALING_DECISION: "封",
    DocumentKind.PAYMENT_REMINDER: "催告",
    DocumentKind.COURT_APPLICATION: "执申",
}

_ISSUED_BY_STEP: dict[Step, DocumentKind] = {
    Step.REGISTER: DocumentKind.REGISTRATION_APPROVAL,
    Step.RECORD_INVESTIGATION: DocumentKind.INSPECTION_RECORD,
    Step.NOTIFY_INTENDED_PENALTY: DocumentKind.PENALTY_NOTICE,
    Step.ORDER_SEALING: DocumentKind.SEALING_DECISION,
    Step.ISSUE_PAYMENT_REMINDER: DocumentKind.PAYMENT_REMINDER,
    Step.APPLY_TO_COURT: DocumentKind.COURT_APPLICATION,
}


def document_issued(step: Step, outcome: Outcome | None = None) -> DocumentKind | None:
    """The kind of document `step` issues, if any (a decision issues the one its outcome needs)."""
    if step is Step.DECIDE:
        return DocumentKind.PENALTY_DECISION if outcome is Outcome.PENALTY else DocumentKind.NO_PENALTY_DECISION
    return _ISSUED_BY_STEP.get(step)


def display_number(prefix: str, kind: DocumentKind, year: int, number: int) -> str:
    """The number as printed on the document: 灵环罚字[2026]3号."""
    return f"{prefix}{NUMBER_WORDS[kind]}字[{year}]{number}号"


# Documents cite the earlier ones they follow by reference, never by a retyped number (DOMAIN §3.2: the seed's
# reminder cites its decision as 3号 in one sentence and 1号 in the next).
CITED_KINDS: dict[DocumentKind, frozenset[DocumentKind]] = {
    DocumentKind.PENALTY_DECISION: frozenset({DocumentKind.PENALTY_NOTICE}),
    DocumentKind.NO_PENALTY_DECISION: frozenset({DocumentKind.PENALTY_NOTICE}),
    DocumentKind.PAYMENT_REMINDER: frozenset({DocumentKind.PENALTY_DECISION}),
    DocumentKind.COURT_APPLICATION: frozenset({DocumentKind.PENALTY_DECISION, DocumentKind.PAYMENT_REMINDER}),
}


# DOMAIN §1 (the unit's enterprise sees the documents served on it): the documents addressed to the unit, and when
# each counts as served on it: the notice and the sealing decision when issued, a decision once its service was
# recorded, the reminder once its own was.
ADDRESSED_TO_UNIT = (
    DocumentKind.PENALTY_NOTICE,
    DocumentKind.PENALTY_DECISION,
    DocumentKind.NO_PENALTY_DECISION,
    DocumentKind.SEALING_DECISION,
    DocumentKind.PAYMENT_REMINDER,
)


def served_on_unit(kind: DocumentKind, *, decision_served: bool, reminder_served: bool) -> bool:
    if kind in (DocumentKind.PENALTY_DECISION, DocumentKind.NO_PENALTY_DECISION):
        return decision_served
    if kind is DocumentKind.PAYMENT_REMINDER:
        return reminder_served
    return kind in ADDRESSED_TO_UNIT
