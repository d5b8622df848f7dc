"""What a case's history holds besides the case itself: its steps, its approvals and its numbered documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ecolink_cases.domain.documents import DocumentKind
from ecolink_cases.domain.lifecycle import CaseState, Step


@dataclass(frozen=True)
class CitedEvidence:
    """An evidence item a step cites, with its SHA-256 as the evidence service showed it when the step was taken."""

    name: str
    sha256: str


@dataclass(frozen=True)
class StepRecord:
    """One step of a case's timeline: who, when, on what evidence, under which approval, issuing which document."""

    case_id: int
    seq: int
    step: Step
    from_state: CaseState
    to_state: CaseState
    agency_id: str
    officer_ids: tuple[str, ...]
    occurred_on: date
    record_time: datetime
    note: str
    evidence: tuple[CitedEvidence, ...]
    approval_seq: int | None = None
    document_id: int | None = None


@dataclass(frozen=True)
class ApprovalRecord:
    """An approval of one step by the bureau one level up; `used` once a step was taken under it."""

    case_id: int
    seq: int
    step: Step
    approver_agency_id: str
    approver_officer_id: str
    opinion: str
    approve_time: datetime
    used: bool = False


@dataclass(frozen=True)
class DocumentRecord:
    """A numbered document; a voided one keeps its number."""

    document_id: int
    agency_id: str
    kind: DocumentKind
    year: int
    number: int
    display_number: str
    case_id: int
    issue_time: datetime
    cites: tuple[int, ...] = ()
    void_time: datetime | None = None
    void_reason: str = ""
