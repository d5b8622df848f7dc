"""Deadlines as events (DOMAIN §3.3): each day beat asks which dated actions of served cases became due, overdue or
expired, and each such crossing goes into the outbox once, under an id that names it, however often it is seen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ecolink_cases.domain.due_actions import DueAction, DueStatus, due_actions
from ecolink_cases.domain.legal_periods import LegalPeriods
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.civil_days import china_day
from ecolink_common.outbox import OutboxEvent

DEADLINE_CROSSED_EVENT = "cases.deadline_crossed"


@dataclass(frozen=True)
class CrossingScan:
    as_of: date
    cases: int
    crossings: int


def crossing_event_id(action: DueAction) -> str:
    """Stable: the same action reaching the same status for the same day is one event."""
    return f"{action.case_name}/deadlines/{action.action}/{action.status.value}/{action.from_date.isoformat()}"


async def record_deadline_crossings(
    uow_factory: Callable[[], CasesUnitOfWork], *, periods: LegalPeriods, as_of: date | None = None
) -> CrossingScan:
    """Queues an event for each action that is due, overdue or expired on `as_of` (today in China by default)."""
    async with uow_factory() as uow:
        now = uow.clock.now()
        day = as_of or china_day(now)
        cases = await uow.cases.with_deadlines()
        crossings = 0
        for case in cases:
            for action in due_actions(case, day, periods):
                if action.status is DueStatus.UPCOMING:
                    continue
                payload = {
                    "case": case.name,
                    "agency_id": case.handling_agency_id,
                    "action": action.action,
                    "status": action.status.value,
                    "from_date": action.from_date.isoformat(),
                    "until_date": action.until_date.isoformat() if action.until_date else "",
                    "legal_basis": action.legal_basis,
                }
                await uow.outbox.add(
                    OutboxEvent(crossing_event_id(action), DEADLINE_CROSSED_EVENT, payload, now), at=now
                )
                crossings += 1
        await uow.commit()
    return CrossingScan(day, len(cases), crossings)
