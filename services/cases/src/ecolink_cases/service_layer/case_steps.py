"""Taking one step of a case (DOMAIN §3.1–3.2): the lifecycle rule, the approval it needs, the officers who take
it, its numbered document, its audit row and its event, all in one transaction; a refused step writes nothing but
the audit record of the refusal, so no step is left and no document number is used."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ecolink_cases.domain.approvals import ApprovalPolicy, require_approval
from ecolink_cases.domain.case import CaseRecord, StepFacts, advance
from ecolink_cases.domain.citations import check_citation
from ecolink_cases.domain.documents import CITED_KINDS, DocumentKind, document_issued
from ecolink_cases.domain.enforcement import check_enforcement_step
from ecolink_cases.domain.execution import ServiceMethod
from ecolink_cases.domain.legal_periods import LegalPeriods
from ecolink_cases.domain.lifecycle import Outcome, Step, StepRefused, check_investigating_officers
from ecolink_cases.domain.records import CitedEvidence, StepRecord
from ecolink_cases.domain.supporting_measures import (
    MEASURE_STEPS,
    apply_measure,
    check_measure_step,
    with_measure_days,
)
from ecolink_cases.service_layer.case_access import handled_case
from ecolink_cases.service_layer.case_view import CaseView, committed_case_view, stored_case_view
from ecolink_cases.service_layer.officers import require_police_agency
from ecolink_cases.service_layer.ports import CitedItem, EvidenceCatalog
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.civil_days import china_day
from ecolink_common.errors import Aborted, FailedPrecondition, InvalidArgument, NotFound
from ecolink_common.etags import Versioned
from ecolink_common.etags import require_etag as require_record_etag
from ecolink_common.officers import attributed_officers, require_officers_of
from ecolink_common.outbox import OutboxEvent
from ecolink_common.request_records import RequestKey

REASON_ETAG_MISMATCH = "CASE_ETAG_MISMATCH"
STEP_TAKEN_EVENT = "cases.step_taken"
REASON_EVIDENCE_NOT_FOUND = "EVIDENCE_NOT_FOUND"


@dataclass(frozen=True)
class StepRecordSummary:
    """What the audit row and the event of a step say: which record, which step, its seq, who, the state after."""

    resource: str
    step: str
    seq: int
    officer_ids: tuple[str, ...]
    to_state: str


@dataclass(frozen=True)
class StepDetails:
    """Who took a step, on which day (None: today), citing what."""

    officer_ids: tuple[str, ...]
    occurred_on: date | None = None
    note: str = ""
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class StepFigures:
    """The choices and amounts of the steps that have them (decision, service, payment, notice)."""

    outcome: Outcome | None = None
    fine_fen: int = 0
    no_penalty_ground: str = ""
    intended_fine_fen: int = 0
    service_method: ServiceMethod | None = None
    amount_fen: int = 0
    measure_days: int = 0
    still_unmet: bool = False
    police_agency_id: str = ""


@dataclass(frozen=True)
class TakeStep:
    case_id: int
    step: Step
    etag: str
    details: StepDetails
    figures: StepFigures = StepFigures()
    request: RequestKey | None = None


def require_etag(case: Versioned, etag: str) -> None:
    require_record_etag(case, etag, reason=REASON_ETAG_MISMATCH)


def refusal(error: StepRefused) -> FailedPrecondition:
    return FailedPrecondition(error.message, reason=error.reason, metadata=error.facts)


async def refused_step(
    uow: CasesUnitOfWork, principal: Principal, action: str, resource: str, error: StepRefused
) -> FailedPrecondition:
    """Commits the audit record of a refused step alone (nothing else is written) and returns the error to raise."""
    await uow.commit_refusal(AuditEntry(principal.agency_id, action, resource, "FAILED_PRECONDITION", error.reason))
    return refusal(error)


def step_day(now: datetime, asked: date | None) -> date:
    """The day a step took place: the day asked, or today in China; never after today."""
    today = china_day(now)
    occurred_on = asked or today
    if occurred_on > today:
        raise InvalidArgument.for_field("details.occurred_on", f"{occurred_on} is after today ({today})")
    return occurred_on


async def announce_step(
    uow: CasesUnitOfWork,
    principal: Principal,
    step: StepRecordSummary,
    *,
    topic: str,
    now: datetime,
) -> None:
    """The audit row and the outbox event of a step taken, in the step's transaction."""
    details = {"seq": step.seq, "officers": list(step.officer_ids), "to": step.to_state}
    await uow.audit.record(AuditEntry(principal.agency_id, step.step, step.resource, "OK", details=details))
    await uow.outbox.add(
        OutboxEvent(
            f"{step.resource}/steps/{step.seq}",
            topic,
            {"case": step.resource, "step": step.step, "seq": step.seq, "state": step.to_state},
            now,
        ),
        at=now,
    )


async def cited_items(evidence: EvidenceCatalog, names: tuple[str, ...]) -> list[CitedItem]:
    """Each cited item as the evidence service shows it to the caller; one it does not show is NOT_FOUND naming it.
    Asked before the step's transaction opens, so no database transaction waits on another service."""
    items = []
    for name in dict.fromkeys(names):
        item = await evidence.item(name)
        if item is None:
            raise NotFound(f"{name} was not found", reason=REASON_EVIDENCE_NOT_FOUND)
        items.append(item)
    return items


async def take_step(
    uow: CasesUnitOfWork,
    principal: Principal,
    command: TakeStep,
    *,
    policy: ApprovalPolicy,
    evidence: EvidenceCatalog,
    periods: LegalPeriods,
) -> CaseView:
    """Records the step and what it issues, or refuses it with the rule it breaks."""
    items = await cited_items(evidence, command.details.evidence)
    async with uow:
        if command.request is not None:
            earlier = await uow.requests.replayed_resource(command.request)
            if earlier is not None:
                return await stored_case_view(uow, command.case_id)
        case = await handled_case(uow, principal, command.case_id, action=command.step.value)
        require_etag(case, command.etag)
        now = uow.clock.now()
        occurred_on = step_day(now, command.details.occurred_on)
        facts = with_measure_days(command.step, StepFacts(occurred_on=occurred_on, **command.figures.__dict__), periods)
        officers = attributed_officers(principal, command.details.officer_ids)
        await require_officers_of(uow, principal.agency_id, officers, field="details.officer_ids")
        if command.step is Step.HAND_OFF_FOR_DETENTION:
            await require_police_agency(uow, facts.police_agency_id, field="police_agency_id")
        approval = next(
            (a for a in await uow.cases.approvals(case.case_id) if a.step is command.step and not a.used), None
        )
        try:
            if command.step is Step.RECORD_INVESTIGATION:
                check_investigating_officers(officers)
            for item in items:
                check_citation(
                    case_name=case.name, source_ref=case.source_ref, evidence=item.name, subject=item.subject
                )
            check_enforcement_step(case, command.step, occurred_on, periods)
            changed = advance(case, command.step, facts, at=now)
            if command.step in MEASURE_STEPS:
                check_measure_step(case, command.step, facts, periods)
                changed = apply_measure(changed, command.step, facts)
            require_approval(
                command.step, policy=policy, handling_level=case.handling_level, approved=approval is not None
            )
        except StepRefused as refused:
            raise await refused_step(uow, principal, command.step.value, case.name, refused) from refused
        if not await uow.cases.save_step_result(changed, expected_version=case.version):
            raise Aborted(f"{case.name} changed while this step was taken; read it again", reason=REASON_ETAG_MISMATCH)
        kind = document_issued(command.step, facts.outcome)
        document_id = None
        if kind is not None:
            document_id = await _issue_document(uow, case, kind, now=now, year=occurred_on.year)
        seq = await uow.cases.next_step_seq(case.case_id)
        if approval is not None and policy.needs_approval(command.step, case.handling_level):
            await uow.cases.use_approval(case.case_id, approval.seq)
        else:
            approval = None
        await uow.cases.add_step(
            StepRecord(
                case_id=case.case_id,
                seq=seq,
                step=command.step,
                from_state=case.state,
                to_state=changed.state,
                agency_id=principal.agency_id,
                officer_ids=officers,
                occurred_on=facts.occurred_on,
                record_time=now,
                note=command.details.note,
                evidence=tuple(CitedEvidence(item.name, item.sha256) for item in items),
                approval_seq=approval.seq if approval else None,
                document_id=document_id,
            )
        )
        summary = StepRecordSummary(case.name, command.step.value, seq, officers, changed.state.value)
        await announce_step(uow, principal, summary, topic=STEP_TAKEN_EVENT, now=now)
        if command.request is not None:
            await uow.requests.remember(command.request, resource_name=case.name, at=now)
        return await committed_case_view(uow, case.case_id)


async def _issue_document(
    uow: CasesUnitOfWork, case: CaseRecord, kind: DocumentKind, *, now: datetime, year: int
) -> int:
    """Numbers the document in the year of its date, the day the step took place (DOMAIN §3.2)."""
    agency = await uow.agencies.get(case.handling_agency_id)
    prefix = agency.document_prefix if agency is not None and agency.document_prefix else case.handling_agency_id
    cited_kinds = CITED_KINDS.get(kind, frozenset())
    cites = tuple(
        d.document_id
        for d in await uow.documents.of_case(case.case_id)
        if d.kind in cited_kinds and d.void_time is None
    )
    document = await uow.documents.issue(
        agency_id=case.handling_agency_id,
        prefix=prefix,
        kind=kind,
        case_id=case.case_id,
        at=now,
        year=year,
        cites=cites,
    )
    return document.document_id
