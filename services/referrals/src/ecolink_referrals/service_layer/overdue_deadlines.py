"""Silence is an event (issue 13 item 4): each deadline that passes unmet becomes one outbox event, to the bureau,
the procuratorate and the agency that owes it, whatever number of scans see it."""

from __future__ import annotations

from collections.abc import Callable

from ecolink_common.hash_chain import canonical_time
from ecolink_common.outbox import OutboxEvent
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

DEADLINE_OVERDUE_EVENT = "referrals.deadline_overdue"
SCAN_BATCH = 500


async def record_overdue_deadlines(uow_factory: Callable[[], ReferralsUnitOfWork]) -> int:
    """Queues an event per deadline newly overdue and marks it recorded, in one transaction per batch."""
    recorded = 0
    while True:
        async with uow_factory() as uow:
            now = uow.clock.now()
            overdue = await uow.transfers.newly_overdue(now, limit=SCAN_BATCH)
            if not overdue:
                return recorded
            for deadline in overdue:
                transfer = await uow.transfers.get(deadline.transfer_id)
                assert transfer is not None, f"deadline of a missing transfer {deadline.transfer_id}"
                event = OutboxEvent(
                    event_id=f"{transfer.name}/deadlines/{deadline.seq}/overdue",
                    topic=DEADLINE_OVERDUE_EVENT,
                    payload={
                        "transfer": transfer.name,
                        "number": transfer.number,
                        "duty": deadline.duty.value,
                        "basis": deadline.basis,
                        "due_time": canonical_time(deadline.due_time),
                        "owed_by": deadline.owed_by_agency_id,
                        "bureau": transfer.bureau_agency_id,
                        "procuratorate": transfer.procuratorate_agency_id,
                    },
                    occurred_at=deadline.due_time,
                )
                await uow.outbox.add(event, at=now)
                await uow.transfers.mark_overdue_recorded(deadline, at=now)
            await uow.commit()
            recorded += len(overdue)
