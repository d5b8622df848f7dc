"""Transfers, their steps, deadlines and signed records as TransferService returns them."""

from __future__ import annotations

from datetime import datetime

from ecolink.referrals.v1 import transfer_pb2 as pb
from ecolink_common.etags import weak_etag
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_referrals.api.request_convert import KINDS, STATES
from ecolink_referrals.domain.deadlines import Duty
from ecolink_referrals.domain.transfer import DeadlineRecord, StoredRecord, TransferView


def deadline_to_proto(deadline: DeadlineRecord, now: datetime) -> pb.TransferDeadline:
    return pb.TransferDeadline(
        duty=Duty(deadline.duty).value,
        owed_by_agency_id=deadline.owed_by_agency_id,
        basis=deadline.basis,
        due_time=timestamp_from_datetime(deadline.due_time),
        met_time=timestamp_from_datetime(deadline.met_time),
        overdue=deadline.overdue(now),
    )


def transfer_to_proto(view: TransferView, now: datetime) -> pb.Transfer:
    transfer = view.transfer
    return pb.Transfer(
        name=transfer.name,
        number=transfer.number,
        kind=KINDS.to_proto(transfer.kind),
        case=transfer.case,
        bureau_agency_id=transfer.bureau_agency_id,
        police_agency_id=transfer.police_agency_id,
        procuratorate_agency_id=transfer.procuratorate_agency_id,
        region_code=transfer.region_code,
        unit=transfer.unit,
        unit_display_name=transfer.unit_display_name,
        facts=transfer.facts,
        suspected_offence=transfer.suspected_offence,
        persons=[pb.TransferPerson(name=p.name, role=p.role) for p in transfer.persons],
        officer_ids=list(transfer.officer_ids),
        approver_officer_id=transfer.approver_officer_id,
        state=STATES.to_proto(transfer.state),
        version=transfer.sent_version,
        evidence=[
            pb.TransferredEvidence(
                evidence=item.evidence,
                sha256=item.sha256,
                grant_id=item.grant_id,
                grant_expire_time=timestamp_from_datetime(item.grant_expire_time),
                hold_placed=item.hold_placed,
                grant_revoke_time=timestamp_from_datetime(item.grant_revoke_time),
            )
            for item in transfer.evidence
        ],
        police_case_number=transfer.police_case_number,
        timeline=[
            pb.TransferStep(
                seq=step.seq,
                step=step.step,
                from_state=STATES.to_proto(step.from_state),
                to_state=STATES.to_proto(step.to_state),
                agency_id=step.agency_id,
                officer_ids=list(step.officer_ids),
                record_time=timestamp_from_datetime(step.record_time),
                note=step.note,
                record=f"{transfer.name}/records/{step.seq}",
            )
            for step in view.timeline
        ],
        deadlines=[deadline_to_proto(deadline, now) for deadline in view.deadlines],
        supervisions=[
            pb.Supervision(
                name=f"{transfer.name}/supervisions/{s.seq}",
                procuratorate_agency_id=s.procuratorate_agency_id,
                reason=s.reason,
                open_time=timestamp_from_datetime(s.open_time),
                answer_due_time=timestamp_from_datetime(s.answer_due_time),
                answer=s.answer,
                answer_time=timestamp_from_datetime(s.answer_time),
                outcome=s.outcome,
                close_time=timestamp_from_datetime(s.close_time),
            )
            for s in transfer.supervisions
        ],
        outcome=transfer.outcome,
        create_time=timestamp_from_datetime(transfer.create_time),
        update_time=timestamp_from_datetime(transfer.update_time),
        etag=weak_etag(transfer),
        change_seq=transfer.change_seq,
        persons_held=transfer.persons_held,
    )


def record_to_proto(record: StoredRecord) -> pb.SignedRecord:
    return pb.SignedRecord(
        name=record.name,
        kind=record.kind,
        body=record.body,
        signature=record.signature,
        key_sha256=record.key_sha256,
    )
