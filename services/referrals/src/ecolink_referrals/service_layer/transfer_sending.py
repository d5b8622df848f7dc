"""The head's decision on a transfer report and the sending it starts (regulation art. 5; issue 13 items 1–3): the
dossier is read from the cases service as the caller, the evidence goes with it all or nothing, and the signed
manifest is the step's record. The same send follows a return (ResendTransfer, the next version)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import Aborted, FailedPrecondition, NotFound
from ecolink_common.officers import approving_officer
from ecolink_referrals.domain.lifecycle import Step
from ecolink_referrals.domain.transfer import TransferRecord, TransferredItem
from ecolink_referrals.service_layer.evidence_handover import hand_over, undo
from ecolink_referrals.service_layer.ports import CaseDossier, CaseDossiers, EvidenceHandover
from ecolink_referrals.service_layer.transfer_access import visible_transfer
from ecolink_referrals.service_layer.transfer_steps import (
    StepContext,
    StepDetails,
    TakeStep,
    checked_transfer,
    record_step,
    take_step,
)
from ecolink_referrals.service_layer.transfer_view import TransferView, transfer_view
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

REASON_APPROVER_NOT_HEAD = "TRANSFER_APPROVER_NOT_HEAD"
REASON_APPROVER_REPORTED = "TRANSFER_APPROVER_IS_REPORTER"
REASON_CASE_STATE = "TRANSFER_CASE_STATE"
REASON_CASE_NOT_FOUND = "CASE_NOT_FOUND"
# Issue 13 item 1: registered or later, not closed (nor withdrawn, nor a bare clue).
TRANSFERABLE_CASE_STATES = frozenset(
    {"registered", "investigating", "legal_review", "notified", "decided", "served", "executing"}
)


@dataclass(frozen=True)
class Sending:
    """What a send needs from outside: the cases and evidence services as the caller, and how long grants last."""

    dossiers: CaseDossiers
    evidence: EvidenceHandover
    grant_days: int


@dataclass(frozen=True)
class DecideApproval:
    transfer_id: int
    etag: str
    approver_officer_id: str
    opinion: str
    approved: bool
    details: StepDetails


async def decide_approval(
    uow: ReferralsUnitOfWork, principal: Principal, command: DecideApproval, sending: Sending, context: StepContext
) -> TransferView:
    """Approved: sent at once with its evidence; not approved: the reason recorded, the transfer ended."""
    step = Step.APPROVE if command.approved else Step.REFUSE_APPROVAL
    take = TakeStep(command.transfer_id, step, command.etag, command.details, note_required=not command.approved)
    async with uow:
        if command.details.request is not None:
            earlier = await uow.requests.replayed_resource(command.details.request)
            if earlier is not None:
                transfer = await visible_transfer(uow, principal, command.transfer_id, action=step.value)
                return await transfer_view(uow, transfer)
        transfer = await checked_transfer(uow, principal, take)
        approver = await _head(uow, principal, transfer, command.approver_officer_id)
        # The head's decision is his step: he is its officer.
        details = replace(take.details, officer_ids=take.details.officer_ids or (approver,))
        take = replace(take, details=details, content={"approver": approver, "opinion": command.opinion})
        if not command.approved:
            view = await record_step(uow, principal, transfer, take, _approved_by(context, approver))
            await uow.commit()
            return view
    return await send(uow, principal, transfer, take, sending, _approved_by(context, approver))


def _approved_by(context: StepContext, approver: str) -> StepContext:
    return replace(context, change=lambda transfer, _at: replace(transfer, approver_officer_id=approver))


async def _head(uow: ReferralsUnitOfWork, principal: Principal, transfer: TransferRecord, named: str) -> str:
    """Art. 5: the bureau's head (正职负责人 or the one in charge) approves, and he is not one of the reporters."""
    approver = approving_officer(principal, named, field="approval.approver_officer_id")
    officer = await uow.agencies.officer(approver)
    if officer is None or officer.agency_id != transfer.bureau_agency_id or not officer.head:
        refusal = FailedPrecondition(
            f"{approver} is not the head of {transfer.bureau_agency_id}; the head approves a transfer (art. 5)",
            reason=REASON_APPROVER_NOT_HEAD,
        )
    elif approver in transfer.officer_ids:
        refusal = FailedPrecondition(
            f"{approver} reported the transfer and cannot approve it", reason=REASON_APPROVER_REPORTED
        )
    else:
        return approver
    await uow.commit_refusal(
        AuditEntry(principal.agency_id, "ApproveTransfer", transfer.name, "FAILED_PRECONDITION", refusal.reason)
    )
    raise refusal


async def send(
    uow: ReferralsUnitOfWork,
    principal: Principal,
    transfer: TransferRecord,
    take: TakeStep,
    sending: Sending,
    context: StepContext,
) -> TransferView:
    """Reads the dossier, hands the evidence over, then records the send with its manifest; if the record cannot be
    written (a concurrent step won), the hand-over is undone."""
    dossier = await current_dossier(sending.dossiers, transfer.case)
    purpose = f"case transfer {transfer.number}"
    expire_time = transfer.create_time + timedelta(days=sending.grant_days)
    items = await hand_over(
        sending.evidence,
        dossier.items,
        police_agency_id=transfer.police_agency_id,
        purpose=purpose,
        expire_time=expire_time,
    )
    version = transfer.sent_version + 1

    def sent(record: TransferRecord, at: datetime) -> TransferRecord:
        return replace(context.change(record, at), evidence=items, sent_version=version)

    manifest = _manifest(transfer, dossier, items, version) | dict(take.content)
    try:
        async with uow:
            current = await uow.transfers.get(transfer.transfer_id)
            if current is None or current.version != transfer.version:
                raise_changed(transfer)
            view = await record_step(
                uow, principal, transfer, replace(take, content=manifest), replace(context, change=sent)
            )
            await uow.commit()
            return view
    except BaseException:
        await undo(sending.evidence, items, reason=f"{purpose}: not sent")
        raise


def raise_changed(transfer: TransferRecord) -> None:
    raise Aborted(f"{transfer.name} changed while it was sent; read it again", reason="TRANSFER_ETAG_MISMATCH")


async def current_dossier(dossiers: CaseDossiers, case: str) -> CaseDossier:
    """The case as the caller sees it now, in a state that may be transferred."""
    dossier = await dossiers.dossier(case)
    if dossier is None:
        raise NotFound(f"{case} was not found", reason=REASON_CASE_NOT_FOUND)
    if dossier.state not in TRANSFERABLE_CASE_STATES:
        raise FailedPrecondition(
            f"{case} is {dossier.state}; a case is transferred once registered and before it is closed",
            reason=REASON_CASE_STATE,
            metadata={"case_state": dossier.state},
        )
    return dossier


def _manifest(
    transfer: TransferRecord, dossier: CaseDossier, items: tuple[TransferredItem, ...], version: int
) -> dict[str, object]:
    """Issue 13 item 3: what was handed over, as signed: the dossier, the evidence with hashes and grants, the parties
    and the persons."""
    return {
        "manifest_version": version,
        "kind": transfer.kind.value,
        "case": transfer.case,
        "dossier": dict(dossier.summary),
        "unit": transfer.unit,
        "unit_display_name": transfer.unit_display_name,
        "facts": transfer.facts,
        "suspected_offence": transfer.suspected_offence,
        "persons": [{"name": p.name, "role": p.role} for p in transfer.persons],
        "reporting_officers": list(transfer.officer_ids),
        "bureau": transfer.bureau_agency_id,
        "police": transfer.police_agency_id,
        "copied_to": transfer.procuratorate_agency_id,
        "evidence": [{"evidence": i.evidence, "sha256": i.sha256, "grant_id": i.grant_id} for i in items],
    }


@dataclass(frozen=True)
class Resend:
    transfer_id: int
    etag: str
    facts: str
    details: StepDetails


async def resend_transfer(
    uow: ReferralsUnitOfWork, principal: Principal, command: Resend, sending: Sending, context: StepContext
) -> TransferView:
    """A returned transfer, supplemented, sent as its next version: the evidence handed over again from the dossier
    as it is now, with a new manifest; the grants of the version before are revoked once the new one is recorded."""
    take = TakeStep(command.transfer_id, Step.RESEND, command.etag, command.details, note_required=True)
    async with uow:
        if command.details.request is not None:
            earlier = await uow.requests.replayed_resource(command.details.request)
            if earlier is not None:
                return await transfer_view(
                    uow, await visible_transfer(uow, principal, command.transfer_id, action=Step.RESEND.value)
                )
        transfer = await checked_transfer(uow, principal, take)
    facts = command.facts.strip() or transfer.facts
    earlier_items = {item.evidence: item for item in transfer.evidence}

    def supplemented(record: TransferRecord, _at: datetime) -> TransferRecord:
        return replace(record, facts=facts)

    view = await send(
        uow, principal, replace(transfer, facts=facts), take, sending, replace(context, change=supplemented)
    )
    await _revoke_replaced(sending, earlier_items.values(), transfer.number)
    return view


async def _revoke_replaced(sending: Sending, items: Iterable[TransferredItem], number: str) -> None:
    """The grants of the version before; its holds stay (the item is still part of the transfer)."""
    await undo(sending.evidence, [replace(item, hold_placed=False) for item in items], reason=f"{number}: resent")


async def withdraw_transfer(
    uow: ReferralsUnitOfWork, principal: Principal, take: TakeStep, sending: Sending, context: StepContext
) -> TransferView:
    """The bureau withdraws a transfer the police have not received; its grants are revoked and its holds released
    (best effort: what fails is logged, and the grants expire by themselves)."""
    view = await take_step(uow, principal, replace(take, note_required=True), context)
    await undo(sending.evidence, view.transfer.evidence, reason=f"{view.transfer.number}: withdrawn")
    return view
