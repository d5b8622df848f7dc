"""Taking a step of a transfer (DOMAIN §4.2): the party, its officers, the etag and the rule are checked; the new
state, the timeline step, the deadlines met and opened, the signed record and the event land in one transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import Aborted, FailedPrecondition, InvalidArgument
from ecolink_common.etags import require_etag
from ecolink_common.officers import attributed_officers, require_officers_of
from ecolink_common.outbox import OutboxEvent
from ecolink_common.request_records import RequestKey
from ecolink_referrals.domain.deadlines import DUTIES, TransferPeriods, duties_met, duties_opened
from ecolink_referrals.domain.lifecycle import RULES, Party, Step, StepRefused, next_state
from ecolink_referrals.domain.record_chain import GENESIS, Actor, body_sha256, record_body
from ecolink_referrals.domain.transfer import DeadlineRecord, StoredRecord, TransferRecord, TransferStepRecord
from ecolink_referrals.service_layer.ports import RecordSigner
from ecolink_referrals.service_layer.transfer_access import require_party, visible_transfer
from ecolink_referrals.service_layer.transfer_view import TransferView, transfer_view
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

REASON_ETAG_MISMATCH = "TRANSFER_ETAG_MISMATCH"
TRANSFER_CHANGED_EVENT = "referrals.transfer_changed"

Change = Callable[[TransferRecord, datetime], TransferRecord]
Precheck = Callable[[ReferralsUnitOfWork, TransferRecord, datetime], Awaitable[None]]


@dataclass(frozen=True)
class StepDetails:
    """What every step carries: officers, the note and the idempotency key."""

    officer_ids: tuple[str, ...] = ()
    note: str = ""
    request: RequestKey | None = None


@dataclass(frozen=True)
class TakeStep:
    transfer_id: int
    step: Step
    etag: str
    details: StepDetails
    note_required: bool = False
    content: Mapping[str, Any] = field(default_factory=dict)


def refusal(error: StepRefused) -> FailedPrecondition:
    return FailedPrecondition(error.message, reason=error.reason, metadata=error.facts)


@dataclass(frozen=True)
class StepContext:
    """What a step needs besides its command: the periods, the signer, and how to change the transfer."""

    periods: TransferPeriods
    signer: RecordSigner
    change: Change = lambda transfer, _at: transfer
    supervision_days: int = 0
    precheck: Precheck | None = None


async def take_step(
    uow: ReferralsUnitOfWork, principal: Principal, command: TakeStep, context: StepContext
) -> TransferView:
    """One step in one transaction; a refusal leaves only its audit row."""
    async with uow:
        if command.details.request is not None:
            earlier = await uow.requests.replayed_resource(command.details.request)
            if earlier is not None:
                return await transfer_view(
                    uow, await visible_transfer(uow, principal, command.transfer_id, action=command.step.value)
                )
        transfer = await checked_transfer(uow, principal, command)
        view = await record_step(uow, principal, transfer, command, context)
        await uow.commit()
        return view


async def checked_transfer(uow: ReferralsUnitOfWork, principal: Principal, command: TakeStep) -> TransferRecord:
    """The transfer if the caller sees it, is the step's party, sent the current etag, and the rule allows it."""
    action = command.step.value
    transfer = await visible_transfer(uow, principal, command.transfer_id, action=action)
    await require_party(uow, principal, transfer, RULES[command.step].party, action=action)
    require_etag(transfer, command.etag, reason=REASON_ETAG_MISMATCH)
    if command.note_required and not command.details.note.strip():
        raise InvalidArgument.for_field("details.note", f"{action} states its reasons")
    try:
        next_state(transfer.state, command.step, transfer.kind)
    except StepRefused as refused:
        await uow.commit_refusal(
            AuditEntry(principal.agency_id, action, transfer.name, "FAILED_PRECONDITION", refused.reason)
        )
        raise refusal(refused) from None
    return transfer


async def record_step(
    uow: ReferralsUnitOfWork,
    principal: Principal,
    transfer: TransferRecord,
    command: TakeStep,
    context: StepContext,
) -> TransferView:
    """Writes the step on a transfer `checked_transfer` passed; the caller commits."""
    now = uow.clock.now()
    if context.precheck is not None:
        await context.precheck(uow, transfer, now)
    officers = attributed_officers(principal, command.details.officer_ids)
    await require_officers_of(uow, principal.agency_id, officers, field="details.officer_ids")
    to_state = next_state(transfer.state, command.step, transfer.kind)
    changed = replace(context.change(transfer, now), state=to_state, version=transfer.version + 1, update_time=now)
    if not await uow.transfers.save(changed, expected_version=transfer.version):
        raise Aborted(f"{transfer.name} changed while the step was taken; read it again", reason=REASON_ETAG_MISMATCH)
    seq = await uow.transfers.add_step(
        transfer.transfer_id,
        TransferStepRecord(
            seq=0,
            step=command.step.value,
            from_state=transfer.state,
            to_state=to_state,
            agency_id=principal.agency_id,
            officer_ids=officers,
            record_time=now,
            note=command.details.note,
        ),
    )
    await uow.transfers.meet_deadlines(transfer.transfer_id, duties_met(command.step), at=now)
    await open_duties(uow, changed, command.step, now, context)
    content = {"step": command.step.value, "from": transfer.state.value, "to": to_state.value}
    content |= {"note": command.details.note, **command.content}
    await sign_and_store(uow, changed, seq, command.step.value, now, principal, officers, content, context.signer)
    await uow.audit.record(
        AuditEntry(principal.agency_id, command.step.value, transfer.name, "OK", details={"to": to_state.value})
    )
    await uow.outbox.add(
        changed_event(changed, seq, command.step, now, actor=principal.agency_id, note=command.details.note), at=now
    )
    if command.details.request is not None:
        await uow.requests.remember(command.details.request, resource_name=transfer.name, at=now)
    return await transfer_view(uow, changed)


def owing_agency(transfer: TransferRecord, party: Party) -> str:
    if party in (Party.BUREAU, Party.HEAD):
        return transfer.bureau_agency_id
    if party is Party.PROCURATORATE:
        return transfer.procuratorate_agency_id
    return transfer.police_agency_id


async def open_duties(
    uow: ReferralsUnitOfWork, transfer: TransferRecord, step: Step, now: datetime, context: StepContext
) -> None:
    """The deadlines `step` opens, each owed by the agency of its party."""
    opened = duties_opened(step, now, context.periods, supervision_days=context.supervision_days)
    await uow.transfers.add_deadlines(
        [
            DeadlineRecord(
                transfer_id=transfer.transfer_id,
                duty=duty.duty,
                owed_by_agency_id=owing_agency(transfer, duty.owed_by),
                basis=duty.basis,
                due_time=duty.due_time,
                escalates=DUTIES[duty.duty].escalates,
            )
            for duty in opened
        ]
    )


async def sign_and_store(
    uow: ReferralsUnitOfWork,
    transfer: TransferRecord,
    seq: int,
    kind: str,
    at: datetime,
    principal: Principal,
    officers: tuple[str, ...],
    content: Mapping[str, Any],
    signer: RecordSigner,
) -> None:
    """Issue 13 item 3: the step's record, chained to the one before it and signed with the platform key."""
    earlier = await uow.transfers.records(transfer.transfer_id)
    actor = Actor(
        agency_id=principal.agency_id,
        officer_ids=officers,
        authentication_method=principal.authentication_method,
        acting_service=principal.acting_service,
        relayed_by=principal.relayed_by,
    )
    body = record_body(
        transfer=transfer.name,
        number=transfer.number,
        seq=seq,
        kind=kind,
        at=at,
        actor=actor,
        previous_sha256=body_sha256(earlier[-1].body) if earlier else GENESIS,
        content=content,
    )
    signed = signer.sign(body)
    await uow.transfers.add_record(
        StoredRecord(transfer.transfer_id, seq, kind, signed.body, signed.signature, signed.key_sha256)
    )


def changed_event(
    transfer: TransferRecord, seq: int, step: Step, at: datetime, *, actor: str, note: str = ""
) -> OutboxEvent:
    """For the parties' systems (webhooks, issue 13 item 9): a stable id per step."""
    return OutboxEvent(
        event_id=f"{transfer.name}/steps/{seq}",
        topic=TRANSFER_CHANGED_EVENT,
        payload={
            "transfer": transfer.name,
            "number": transfer.number,
            "case": transfer.case,
            "step": step.value,
            "note": note,
            "actor": actor,
            "state": transfer.state.value,
            "bureau": transfer.bureau_agency_id,
            "police": transfer.police_agency_id,
            "procuratorate": transfer.procuratorate_agency_id,
        },
        occurred_at=at,
    )
