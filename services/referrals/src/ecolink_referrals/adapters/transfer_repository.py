"""Transfers of one referrals database: the transfer rows (version-checked), their steps, signed records and
deadlines, the transfer numbers and the change watermark."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.counters import next_number
from ecolink_common.versioned_rows import next_seq, save_if_unchanged
from ecolink_referrals.adapters.tables import (
    change_counter_table,
    transfer_counter_table,
    transfer_deadline_table,
    transfer_record_table,
    transfer_step_table,
    transfer_table,
)
from ecolink_referrals.domain.deadlines import Duty
from ecolink_referrals.domain.lifecycle import FINAL_STATES, TransferKind, TransferState
from ecolink_referrals.domain.transfer import (
    DeadlineRecord,
    Person,
    StoredRecord,
    SupervisionRecord,
    TransferRecord,
    TransferredItem,
    TransferStepRecord,
)

CHANGES = "transfers"


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _transfer_values(record: TransferRecord) -> dict[str, Any]:
    return {
        "number": record.number,
        "kind": record.kind.value,
        "case_name": record.case,
        "bureau_agency_id": record.bureau_agency_id,
        "police_agency_id": record.police_agency_id,
        "procuratorate_agency_id": record.procuratorate_agency_id,
        "region_code": record.region_code,
        "unit": record.unit,
        "unit_display_name": record.unit_display_name,
        "facts": record.facts,
        "suspected_offence": record.suspected_offence,
        "persons": [{"name": p.name, "role": p.role} for p in record.persons],
        "officer_ids": list(record.officer_ids),
        "approver_officer_id": record.approver_officer_id,
        "state": record.state.value,
        "version": record.version,
        "sent_version": record.sent_version,
        "evidence": [
            {
                "evidence": item.evidence,
                "sha256": item.sha256,
                "grant_id": item.grant_id,
                "grant_expire_time": item.grant_expire_time.isoformat(),
                "hold_placed": item.hold_placed,
                "grant_revoke_time": _iso(item.grant_revoke_time),
            }
            for item in record.evidence
        ],
        "police_case_number": record.police_case_number,
        "outcome": record.outcome,
        "prosecuted": record.prosecuted,
        "persons_held": record.persons_held,
        "supervisions": [
            {
                "seq": s.seq,
                "procuratorate_agency_id": s.procuratorate_agency_id,
                "reason": s.reason,
                "open_time": s.open_time.isoformat(),
                "answer_due_time": s.answer_due_time.isoformat(),
                "answer": s.answer,
                "answer_time": _iso(s.answer_time),
                "outcome": s.outcome,
                "close_time": _iso(s.close_time),
            }
            for s in record.supervisions
        ],
        "create_time": record.create_time,
        "update_time": record.update_time,
        "change_seq": record.change_seq,
    }


def _transfer_from_row(row: Any) -> TransferRecord:
    return TransferRecord(
        transfer_id=row.transfer_id,
        number=row.number,
        kind=TransferKind(row.kind),
        case=row.case_name,
        bureau_agency_id=row.bureau_agency_id,
        police_agency_id=row.police_agency_id,
        procuratorate_agency_id=row.procuratorate_agency_id,
        region_code=row.region_code,
        unit=row.unit,
        unit_display_name=row.unit_display_name,
        facts=row.facts,
        suspected_offence=row.suspected_offence,
        persons=tuple(Person(p["name"], p["role"]) for p in row.persons),
        officer_ids=tuple(row.officer_ids),
        approver_officer_id=row.approver_officer_id,
        state=TransferState(row.state),
        version=row.version,
        sent_version=row.sent_version,
        evidence=tuple(
            TransferredItem(
                evidence=item["evidence"],
                sha256=item["sha256"],
                grant_id=item["grant_id"],
                grant_expire_time=datetime.fromisoformat(item["grant_expire_time"]),
                hold_placed=item["hold_placed"],
                grant_revoke_time=_time(item.get("grant_revoke_time")),
            )
            for item in row.evidence
        ),
        police_case_number=row.police_case_number,
        outcome=row.outcome,
        prosecuted=row.prosecuted,
        persons_held=row.persons_held,
        supervisions=tuple(
            SupervisionRecord(
                seq=s["seq"],
                procuratorate_agency_id=s["procuratorate_agency_id"],
                reason=s["reason"],
                open_time=datetime.fromisoformat(s["open_time"]),
                answer_due_time=datetime.fromisoformat(s["answer_due_time"]),
                answer=s["answer"],
                answer_time=_time(s["answer_time"]),
                outcome=s["outcome"],
                close_time=_time(s["close_time"]),
            )
            for s in row.supervisions
        ),
        create_time=row.create_time,
        update_time=row.update_time,
        change_seq=row.change_seq,
    )


def _deadline_from_row(row: Any) -> DeadlineRecord:
    return DeadlineRecord(
        transfer_id=row.transfer_id,
        duty=Duty(row.duty),
        owed_by_agency_id=row.owed_by_agency_id,
        basis=row.basis,
        due_time=row.due_time,
        escalates=row.escalates,
        met_time=row.met_time,
        seq=row.seq,
    )


class TransferRepository:
    """Transfers of one referrals database."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def next_number(self, agency_id: str, year: int) -> int:
        """The bureau's next transfer number of the year, gap-free (taken in the reporting transaction)."""
        return await next_number(self._session, transfer_counter_table, {"agency_id": agency_id, "year": year})

    async def _next_change(self) -> int:
        """The next change watermark: the counter row is held until commit, so watermarks commit in order and a
        poller that reads after the last one it saw misses none."""
        return await next_number(self._session, change_counter_table, {"series": CHANGES})

    async def add(self, record: TransferRecord) -> int:
        values = _transfer_values(record) | {"change_seq": await self._next_change()}
        result = await self._session.execute(
            insert(transfer_table).values(**values).returning(transfer_table.c.transfer_id)
        )
        return int(result.scalar_one())

    async def get(self, transfer_id: int) -> TransferRecord | None:
        row = (
            await self._session.execute(select(transfer_table).where(transfer_table.c.transfer_id == transfer_id))
        ).first()
        return _transfer_from_row(row) if row else None

    async def active_of_case(self, case: str) -> TransferRecord | None:
        """The case's transfer that has not ended, if any."""
        ended = [state.value for state in FINAL_STATES]
        row = (
            await self._session.execute(
                select(transfer_table).where(transfer_table.c.case_name == case, transfer_table.c.state.not_in(ended))
            )
        ).first()
        return _transfer_from_row(row) if row else None

    async def save(self, record: TransferRecord, *, expected_version: int) -> bool:
        """Writes the transfer only if nobody changed it since `expected_version`, with the next change watermark."""
        values = _transfer_values(record) | {"change_seq": await self._next_change()}
        return await save_if_unchanged(
            self._session, transfer_table.c.transfer_id, record.transfer_id, expected_version, values
        )

    async def changed(
        self,
        *,
        after_seq: int,
        limit: int,
        region_prefix: str | None,
        party_agency_id: str,
        oversight_prefix: str | None,
        state: TransferState | None,
    ) -> Sequence[TransferRecord]:
        """Transfers the caller sees in change order after `after_seq`: under a bureau's region, sent to the caller,
        or under a procuratorate's region."""
        table = transfer_table
        sent_to_caller = and_(table.c.police_agency_id == party_agency_id, table.c.sent_version > 0)
        seen = [table.c.bureau_agency_id == party_agency_id, sent_to_caller]
        if region_prefix is not None:
            seen.append(table.c.region_code.startswith(region_prefix))
        if oversight_prefix is not None:
            seen.append(table.c.region_code.startswith(oversight_prefix))
        query = select(table).where(table.c.change_seq > after_seq, or_(*seen))
        if state is not None:
            query = query.where(table.c.state == state.value)
        rows = await self._session.execute(query.order_by(table.c.change_seq).limit(limit))
        return [_transfer_from_row(row) for row in rows]

    async def add_step(self, transfer_id: int, step: TransferStepRecord) -> int:
        seq = await next_seq(self._session, transfer_step_table.c.transfer_id, transfer_id)
        await self._session.execute(
            insert(transfer_step_table).values(
                transfer_id=transfer_id,
                seq=seq,
                step=step.step,
                from_state=step.from_state.value,
                to_state=step.to_state.value,
                agency_id=step.agency_id,
                officer_ids=list(step.officer_ids),
                record_time=step.record_time,
                note=step.note,
            )
        )
        return seq

    async def steps(self, transfer_id: int) -> list[TransferStepRecord]:
        table = transfer_step_table
        rows = await self._session.execute(
            select(table).where(table.c.transfer_id == transfer_id).order_by(table.c.seq)
        )
        return [
            TransferStepRecord(
                seq=row.seq,
                step=row.step,
                from_state=TransferState(row.from_state),
                to_state=TransferState(row.to_state),
                agency_id=row.agency_id,
                officer_ids=tuple(row.officer_ids),
                record_time=row.record_time,
                note=row.note,
            )
            for row in rows
        ]

    async def add_record(self, record: StoredRecord) -> None:
        await self._session.execute(
            insert(transfer_record_table).values(
                transfer_id=record.transfer_id,
                seq=record.seq,
                kind=record.kind,
                body=record.body,
                signature=record.signature,
                key_sha256=record.key_sha256,
            )
        )

    async def records(self, transfer_id: int) -> list[StoredRecord]:
        table = transfer_record_table
        rows = await self._session.execute(
            select(table).where(table.c.transfer_id == transfer_id).order_by(table.c.seq)
        )
        return [
            StoredRecord(row.transfer_id, row.seq, row.kind, row.body, row.signature, row.key_sha256) for row in rows
        ]

    async def add_deadlines(self, deadlines: Sequence[DeadlineRecord]) -> None:
        for deadline in deadlines:
            seq = await next_seq(self._session, transfer_deadline_table.c.transfer_id, deadline.transfer_id)
            await self._session.execute(
                insert(transfer_deadline_table).values(
                    transfer_id=deadline.transfer_id,
                    seq=seq,
                    duty=deadline.duty.value,
                    owed_by_agency_id=deadline.owed_by_agency_id,
                    basis=deadline.basis,
                    due_time=deadline.due_time,
                    escalates=deadline.escalates,
                    met_time=None,
                )
            )

    async def meet_deadlines(self, transfer_id: int, duties: Collection[Duty], *, at: datetime) -> None:
        if not duties:
            return
        table = transfer_deadline_table
        await self._session.execute(
            update(table)
            .where(
                table.c.transfer_id == transfer_id,
                table.c.duty.in_([duty.value for duty in duties]),
                table.c.met_time.is_(None),
            )
            .values(met_time=at)
        )

    async def deadlines(self, transfer_id: int) -> list[DeadlineRecord]:
        table = transfer_deadline_table
        rows = await self._session.execute(
            select(table).where(table.c.transfer_id == transfer_id).order_by(table.c.due_time, table.c.seq)
        )
        return [_deadline_from_row(row) for row in rows]

    async def open_deadline(self, transfer_id: int, duty: Duty) -> DeadlineRecord | None:
        table = transfer_deadline_table
        row = (
            await self._session.execute(
                select(table)
                .where(table.c.transfer_id == transfer_id, table.c.duty == duty.value, table.c.met_time.is_(None))
                .order_by(table.c.seq.desc())
                .limit(1)
            )
        ).first()
        return _deadline_from_row(row) if row else None

    async def deadlines_of(self, transfer_ids: Collection[int], *, include_met: bool) -> list[DeadlineRecord]:
        table = transfer_deadline_table
        query = select(table).where(table.c.transfer_id.in_(list(transfer_ids)))
        if not include_met:
            query = query.where(table.c.met_time.is_(None))
        rows = await self._session.execute(query.order_by(table.c.due_time, table.c.transfer_id, table.c.seq))
        return [_deadline_from_row(row) for row in rows]

    async def newly_overdue(self, now: datetime, *, limit: int) -> list[DeadlineRecord]:
        """Escalating deadlines that passed unmet and were not yet recorded as overdue."""
        table = transfer_deadline_table
        rows = await self._session.execute(
            select(table)
            .where(
                table.c.escalates.is_(True),
                table.c.met_time.is_(None),
                table.c.overdue_recorded_at.is_(None),
                table.c.due_time <= now,
            )
            .order_by(table.c.due_time, table.c.transfer_id, table.c.seq)
            .limit(limit)
        )
        return [_deadline_from_row(row) for row in rows]

    async def mark_overdue_recorded(self, deadline: DeadlineRecord, *, at: datetime) -> None:
        table = transfer_deadline_table
        await self._session.execute(
            update(table)
            .where(table.c.transfer_id == deadline.transfer_id, table.c.seq == deadline.seq)
            .values(overdue_recorded_at=at)
        )

    async def of_bureau(self, agency_id: str) -> list[TransferRecord]:
        rows = await self._session.execute(
            select(transfer_table)
            .where(transfer_table.c.bureau_agency_id == agency_id)
            .order_by(transfer_table.c.transfer_id)
        )
        return [_transfer_from_row(row) for row in rows]

    async def of_cases(self, cases: Collection[str]) -> list[TransferRecord]:
        rows = await self._session.execute(select(transfer_table).where(transfer_table.c.case_name.in_(list(cases))))
        return [_transfer_from_row(row) for row in rows]
