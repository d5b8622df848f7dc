"""Joint drills (联合演练, DOMAIN §4.5; issue 14 item 3): a member or the desk schedules a drill of a member's
incident for a set time; at that time beat starts it on the incident path (notices, deliveries, escalation), marked
as a drill everywhere it appears; afterwards its report gives each agency's acknowledgement and measures times, the
rungs it climbed, and the time to all acknowledged."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import FailedPrecondition, InvalidArgument, PermissionDenied
from ecolink_common.request_records import RequestKey
from ecolink_referrals.domain.basin_agreements import BasinAgreements
from ecolink_referrals.domain.incident import DrillReport, IncidentFacts, IncidentState, drill_report, started_drill
from ecolink_referrals.service_layer.basin_escalation import each_in_its_own_transaction
from ecolink_referrals.service_layer.basin_incidents import (
    REASON_NOT_MEMBER,
    REASON_NOT_STARTED,
    IncidentView,
    agreement_of,
    incident_draft,
    incident_event,
    replayed_incident,
    view_of,
    visible_incident,
)
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

REASON_NOT_A_DRILL = "INCIDENT_NOT_A_DRILL"
DRILL_BATCH = 100


@dataclass(frozen=True)
class ScheduleDrill:
    agreement_id: str
    reporter_agency_id: str  # the member whose incident is drilled (default the caller)
    start_time: datetime
    facts: IncidentFacts
    request: RequestKey | None = None


async def schedule_drill(
    uow: ReferralsUnitOfWork, principal: Principal, command: ScheduleDrill, agreements: BasinAgreements
) -> IncidentView:
    """Planned by a member or the desk, for a member's incident, at a time not yet passed; every member and the desk
    are told it is scheduled."""
    agreement = agreement_of(agreements, command.agreement_id)
    if principal.agency_id not in (*agreement.members, agreement.desk_agency_id):
        raise PermissionDenied(
            f"{principal.agency_id} is neither a member nor the desk of {agreement.agreement_id}",
            reason=REASON_NOT_MEMBER,
        )
    reporter = command.reporter_agency_id or principal.agency_id
    if reporter not in agreement.members:
        raise InvalidArgument.for_field("incident.reporter_agency_id", f"{reporter!r} is not a member")
    async with uow:
        replayed = await replayed_incident(uow, principal, command.request, action="ScheduleDrill")
        if replayed is not None:
            return replayed
        now = uow.clock.now()
        if command.start_time < now:
            raise InvalidArgument.for_field("start_time", "has passed")
        member = await uow.agencies.get(reporter)
        region = member.region_code if member is not None else principal.agency.region_code
        draft = incident_draft(agreement, reporter, region, command.facts, command.start_time, drill=True)
        draft = replace(draft, state=IncidentState.SCHEDULED, update_time=now, scheduled_by=principal.agency_id)
        drill = replace(draft, incident_id=await uow.incidents.add(draft))
        everyone = [*agreement.members, agreement.desk_agency_id]
        await uow.outbox.add(incident_event(drill, "scheduled", "drill_scheduled", everyone), at=now)
        await uow.audit.record(AuditEntry(principal.agency_id, "ScheduleDrill", drill.name, "OK"))
        if command.request is not None:
            await uow.requests.remember(command.request, resource_name=drill.name, at=now)
        view = await view_of(uow, drill)
        await uow.commit()
        return view


async def start_due_drills(uow_factory: Callable[[], ReferralsUnitOfWork], agreements: BasinAgreements) -> int:
    """Every scheduled drill whose time came, started once, one transaction each (a drill whose time passed while
    beat was down starts when it is back, its deadlines counted from then). Returns how many started."""

    async def due(uow: ReferralsUnitOfWork, _after: int) -> Sequence[int]:
        return await uow.incidents.drills_due(uow.clock.now(), limit=DRILL_BATCH)  # a started drill is due no more

    return await each_in_its_own_transaction(uow_factory, due, lambda uow, drill_id: _start(uow, drill_id, agreements))


async def _start(uow: ReferralsUnitOfWork, incident_id: int, agreements: BasinAgreements) -> int:
    async with uow:
        drill = await uow.incidents.get(incident_id)
        agreement = agreements.get(drill.agreement_id) if drill is not None else None
        if drill is None or drill.state is not IncidentState.SCHEDULED:
            return 0
        if agreement is None:  # its agreement was removed from the file: the drill cannot run
            closed = replace(
                drill, state=IncidentState.CLOSED, close_note="agreement withdrawn", version=drill.version + 1
            )
            await uow.incidents.save(closed, expected_version=drill.version)
            await uow.commit()
            return 0
        now = uow.clock.now()
        running = started_drill(drill, agreement, now)
        if not await uow.incidents.save(running, expected_version=drill.version):
            return 0
        recipients = [notice.agency_id for notice in running.notices]
        await uow.outbox.add(incident_event(running, "reported", "reported", recipients), at=now)
        await uow.audit.record(
            AuditEntry("referrals", "StartDrill", running.name, "OK", details={"notified": recipients})
        )
        await uow.commit()
        return 1


async def get_drill_report(uow: ReferralsUnitOfWork, principal: Principal, incident_id: int) -> DrillReport:
    async with uow:
        drill = await visible_incident(uow, principal, incident_id, action="GetDrillReport")
        await uow.commit()
    if not drill.drill:
        raise FailedPrecondition(f"{drill.name} is a real incident, not a drill", reason=REASON_NOT_A_DRILL)
    if drill.state is IncidentState.SCHEDULED:
        raise FailedPrecondition(f"{drill.name} starts at {drill.report_time.isoformat()}", reason=REASON_NOT_STARTED)
    return drill_report(drill)
