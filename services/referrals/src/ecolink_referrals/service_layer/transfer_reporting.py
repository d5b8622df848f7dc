"""The written report of a transfer (移送涉嫌犯罪案件的书面报告, regulation art. 5): by at least two officers of the
bureau handling the case, to a competent police agency, copied to the procuratorate of the bureau's level; it takes
the bureau's next transfer number. With the head's approval in the same call it is sent at once."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.civil_days import china_day
from ecolink_common.directory import Agency, AgencyKind
from ecolink_common.errors import FailedPrecondition, InvalidArgument, PermissionDenied
from ecolink_common.jurisdiction import region_contains
from ecolink_common.officers import attributed_officers, require_officers_of
from ecolink_referrals.domain.lifecycle import Step, TransferKind, TransferState
from ecolink_referrals.domain.transfer import Person, TransferRecord, TransferStepRecord, transfer_number
from ecolink_referrals.service_layer.ports import CaseDossier
from ecolink_referrals.service_layer.transfer_access import visible_transfer
from ecolink_referrals.service_layer.transfer_sending import DecideApproval, Sending, current_dossier, decide_approval
from ecolink_referrals.service_layer.transfer_steps import (
    StepContext,
    StepDetails,
    changed_event,
    open_duties,
    sign_and_store,
)
from ecolink_referrals.service_layer.transfer_view import TransferView, transfer_view
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

REASON_NOT_HANDLING = "TRANSFER_NOT_HANDLING_AGENCY"
REASON_NOT_TO_POLICE = "TRANSFER_NOT_TO_POLICE"
REASON_POLICE_OUT_OF_AREA = "TRANSFER_POLICE_NOT_COMPETENT"
REASON_ALREADY_ACTIVE = "TRANSFER_ALREADY_ACTIVE"
REASON_NO_PROCURATORATE = "TRANSFER_NO_PROCURATORATE"
REASON_NO_PREFIX = "TRANSFER_NO_DOCUMENT_PREFIX"
REASON_BY_BUREAUS = "TRANSFER_BY_BUREAUS"
TRANSFERRING_KINDS = frozenset({AgencyKind.ECO_BUREAU, AgencyKind.ENFORCEMENT_BUREAU})


@dataclass(frozen=True)
class HeadApproval:
    approver_officer_id: str
    opinion: str


@dataclass(frozen=True)
class ReportTransfer:
    case: str
    police_agency_id: str
    kind: TransferKind
    facts: str
    suspected_offence: str
    persons: tuple[Person, ...]
    details: StepDetails
    approval: HeadApproval | None = None


async def report_transfer(
    uow: ReferralsUnitOfWork, principal: Principal, command: ReportTransfer, sending: Sending, context: StepContext
) -> TransferView:
    """Files the report; with `approval`, approves and sends it too. The same request again replays it, and resumes
    the send of a report whose approval failed before (the evidence service was down, say)."""
    if principal.agency.kind not in TRANSFERRING_KINDS:
        raise PermissionDenied(
            f"{principal.agency_id} is not a bureau; bureaus transfer cases", reason=REASON_BY_BUREAUS
        )
    async with uow:
        if command.details.request is not None:
            earlier = await uow.requests.replayed_resource(command.details.request)
            if earlier is not None:
                transfer_id = int(earlier.removeprefix("transfers/"))
                transfer = await visible_transfer(uow, principal, transfer_id, action=Step.REPORT.value)
                if command.approval is None or transfer.state is not TransferState.REPORTED:
                    return await transfer_view(uow, transfer)
                return await _approve(uow, principal, transfer, command, sending, context)
    dossier = await current_dossier(sending.dossiers, command.case)
    async with uow:
        transfer = await _reported(uow, principal, command, dossier, context)
        await uow.commit()
    if command.approval is None:
        async with uow:
            return await transfer_view(uow, transfer)
    return await _approve(uow, principal, transfer, command, sending, context)


async def _approve(
    uow: ReferralsUnitOfWork,
    principal: Principal,
    transfer: TransferRecord,
    command: ReportTransfer,
    sending: Sending,
    context: StepContext,
) -> TransferView:
    assert command.approval is not None
    decision = DecideApproval(
        transfer_id=transfer.transfer_id,
        etag="",
        approver_officer_id=command.approval.approver_officer_id,
        opinion=command.approval.opinion,
        approved=True,
        details=StepDetails(note=command.approval.opinion),
    )
    return await decide_approval(uow, principal, decision, sending, context)


async def _reported(
    uow: ReferralsUnitOfWork, principal: Principal, command: ReportTransfer, dossier: CaseDossier, context: StepContext
) -> TransferRecord:
    if dossier.handling_agency_id != principal.agency_id:
        await uow.commit_refusal(
            AuditEntry(principal.agency_id, Step.REPORT.value, command.case, "PERMISSION_DENIED", REASON_NOT_HANDLING)
        )
        raise PermissionDenied(
            f"{command.case} is handled by {dossier.handling_agency_id}; only it transfers the case",
            reason=REASON_NOT_HANDLING,
        )
    police = await _competent_police(uow, command.police_agency_id, dossier)
    procuratorate = await _procuratorate_for(uow, principal.agency)
    active = await uow.transfers.active_of_case(command.case)
    if active is not None:
        raise FailedPrecondition(
            f"{command.case} is already being transferred as {active.name} ({active.number})",
            reason=REASON_ALREADY_ACTIVE,
            metadata={"transfer": active.name},
        )
    if not command.facts.strip():
        raise InvalidArgument.for_field("facts", "state the facts established (案件情况)")
    officers = attributed_officers(principal, command.details.officer_ids)
    # Art. 5: two or more officers form the team that reports the transfer.
    await require_officers_of(uow, principal.agency_id, officers, field="details.officer_ids", at_least=2)
    prefix = principal.agency.document_prefix
    if not prefix:
        raise FailedPrecondition(
            f"{principal.agency_id} has no document prefix in the directory to number its transfers",
            reason=REASON_NO_PREFIX,
        )
    now = uow.clock.now()
    year = china_day(now).year
    number = transfer_number(prefix, year, await uow.transfers.next_number(principal.agency_id, year))
    draft = TransferRecord(
        transfer_id=0,
        number=number,
        kind=command.kind,
        case=command.case,
        bureau_agency_id=principal.agency_id,
        police_agency_id=police.agency_id,
        procuratorate_agency_id=procuratorate.agency_id,
        region_code=dossier.region_code,
        unit=dossier.unit,
        unit_display_name=dossier.unit_display_name,
        facts=command.facts,
        suspected_offence=command.suspected_offence,
        persons=command.persons,
        officer_ids=officers,
        state=TransferState.REPORTED,
        create_time=now,
        update_time=now,
    )
    transfer = replace(draft, transfer_id=await uow.transfers.add(draft))
    step = TransferStepRecord(
        0,
        Step.REPORT.value,
        TransferState.REPORTED,
        TransferState.REPORTED,
        principal.agency_id,
        officers,
        now,
        command.details.note,
    )
    seq = await uow.transfers.add_step(transfer.transfer_id, step)
    await open_duties(uow, transfer, Step.REPORT, now, context)
    content = {
        "step": Step.REPORT.value,
        "to": TransferState.REPORTED.value,
        "case": transfer.case,
        "kind": transfer.kind.value,
        "facts": transfer.facts,
        "suspected_offence": transfer.suspected_offence,
        "persons": [{"name": p.name, "role": p.role} for p in transfer.persons],
        "police": transfer.police_agency_id,
        "copied_to": transfer.procuratorate_agency_id,
        "note": command.details.note,
    }
    await sign_and_store(uow, transfer, seq, Step.REPORT.value, now, principal, officers, content, context.signer)
    await uow.audit.record(
        AuditEntry(principal.agency_id, Step.REPORT.value, transfer.name, "OK", details={"case": transfer.case})
    )
    await uow.outbox.add(changed_event(transfer, seq, Step.REPORT, now, actor=principal.agency_id), at=now)
    if command.details.request is not None:
        await uow.requests.remember(command.details.request, resource_name=transfer.name, at=now)
    return transfer


async def _competent_police(uow: ReferralsUnitOfWork, agency_id: str, dossier: CaseDossier) -> Agency:
    """A police agency of the directory whose area holds the case's unit."""
    police = await uow.agencies.get(agency_id) if agency_id else None
    if police is None or police.kind is not AgencyKind.POLICE:
        raise FailedPrecondition(
            f"{agency_id!r} is not a police agency in the directory; cases are transferred to the police",
            reason=REASON_NOT_TO_POLICE,
        )
    if not region_contains(police.region_code, dossier.region_code):
        raise FailedPrecondition(
            f"{agency_id} does not cover region {dossier.region_code} of {dossier.unit}",
            reason=REASON_POLICE_OUT_OF_AREA,
        )
    return police


async def _procuratorate_for(uow: ReferralsUnitOfWork, bureau: Agency) -> Agency:
    """The procuratorate of the bureau's level (its own region), else the nearest one whose region holds it: the
    transfer is copied to it (the 2011 opinions on linking administrative enforcement and criminal justice,
    中办发〔2011〕8号)."""
    procuratorates = await uow.agencies.list_after(after_id="", kind=AgencyKind.PROCURATORATE, region_prefix="")
    holding = [p for p in procuratorates if region_contains(p.region_code, bureau.region_code)]
    if not holding:
        raise FailedPrecondition(
            f"no procuratorate in the directory covers {bureau.region_code}; a transfer is copied to one",
            reason=REASON_NO_PROCURATORATE,
        )
    return max(holding, key=lambda p: len(p.region_code.rstrip("0")))
