"""Basin incidents (DOMAIN §4.5; issue 14 items 2 and 6): a member reports once and every member downstream and the
desk are notified in the same transaction (one outbox event, fanned out to their webhooks by the relay); notified
agencies acknowledge and report measures; the reporter or the desk closes; silence climbs the agreement's ladder
one rung at a time, each rung an event of its own. Seen by the basin's members and desk and the bureaus above the
reporter; anyone else NOT_FOUND, audited."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import Aborted, FailedPrecondition, NotFound, PermissionDenied
from ecolink_common.jurisdiction import RecordScope, basin_reach, bureau_reach
from ecolink_common.officers import attributed_officers, require_officers_of
from ecolink_common.outbox import OutboxEvent
from ecolink_common.paging import Page, PageRequest
from ecolink_common.request_records import RequestKey
from ecolink_referrals.domain.basin_agreements import BasinAgreement, BasinAgreements
from ecolink_referrals.domain.incident import (
    IncidentFacts,
    IncidentRecord,
    IncidentState,
    MeasureReport,
    Role,
    due_rungs,
    notices_for,
)
from ecolink_referrals.domain.webhooks import DeliveryRecord
from ecolink_referrals.service_layer.basin_escalation import climbed, each_in_its_own_transaction
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

BASIN_INCIDENT_EVENT = "referrals.basin_incident"
REASON_NOT_FOUND = "INCIDENT_NOT_FOUND"
REASON_AGREEMENT_NOT_FOUND = "BASIN_AGREEMENT_NOT_FOUND"
REASON_NOT_MEMBER = "BASIN_NOT_MEMBER"
REASON_NOT_NOTIFIED = "INCIDENT_NOT_NOTIFIED"
REASON_NOT_CLOSER = "INCIDENT_NOT_REPORTER_OR_DESK"
REASON_CLOSED = "INCIDENT_CLOSED"
REASON_CHANGED = "INCIDENT_CHANGED"
REASON_NOT_STARTED = "DRILL_NOT_STARTED"
SWEEP_BATCH = 200


@dataclass(frozen=True)
class ReportIncident:
    agreement_id: str
    facts: IncidentFacts
    drill: bool = False
    request: RequestKey | None = None


@dataclass(frozen=True)
class ReportMeasures:
    incident_id: int
    officer_ids: tuple[str, ...]
    text: str
    evidence: tuple[str, ...]
    monitoring: str


@dataclass(frozen=True)
class IncidentView:
    """An incident with the webhook deliveries made about it (its timeline shows them)."""

    incident: IncidentRecord
    deliveries: tuple[DeliveryRecord, ...] = ()
    watermark: int = 0


def incident_scope(incident: IncidentRecord) -> RecordScope:
    """DOMAIN §4.5, issue 14 item 6: the reporter, the basin (members and desk), whoever was notified or escalated
    to, and the bureaus above the reporter."""
    reached = {notice.agency_id for notice in incident.notices}
    reached |= {agency for escalation in incident.escalations for agency in escalation.to_agency_ids}
    return RecordScope(
        owner_agency_id=incident.reporter_agency_id,
        region_code=incident.region_code,
        shared_with=frozenset(reached),
        basin_ids=frozenset({incident.basin_id}),
    )


def incident_event(
    incident: IncidentRecord, key: str, what: str, recipients: list[str], **extra: object
) -> OutboxEvent:
    """One fact of the incident for `recipients`' systems; `key` keeps its event id stable for de-duplication."""
    payload = {
        "incident": incident.name,
        "event": what,
        "drill": incident.drill,
        "basin": incident.basin_id,
        "reporter": incident.reporter_agency_id,
        "pollutant": incident.facts.pollutant,
        "location": incident.facts.location,
        "recipients": sorted(set(recipients)),
        **extra,
    }
    return OutboxEvent(f"{incident.name}/{key}", BASIN_INCIDENT_EVENT, payload, incident.update_time)


def agreement_of(agreements: BasinAgreements, agreement_id: str) -> BasinAgreement:
    agreement = agreements.get(agreement_id)
    if agreement is None:
        raise NotFound(f"basins/{agreement_id} was not found", reason=REASON_AGREEMENT_NOT_FOUND)
    return agreement


def incident_draft(
    agreement: BasinAgreement,
    reporter: str,
    region_code: str,
    facts: IncidentFacts,
    at: datetime,
    *,
    drill: bool = False,
) -> IncidentRecord:
    """An incident of `agreement` reported by `reporter` at `at`, nobody notified yet."""
    return IncidentRecord(
        incident_id=0,
        agreement_id=agreement.agreement_id,
        basin_id=agreement.basin_id,
        reporter_agency_id=reporter,
        region_code=region_code,
        facts=facts,
        drill=drill,
        state=IncidentState.OPEN,
        report_time=at,
        update_time=at,
        notices=(),
    )


async def view_of(uow: ReferralsUnitOfWork, incident: IncidentRecord) -> IncidentView:
    return IncidentView(
        incident,
        tuple(await uow.webhooks.of_subject(incident.name)),
        await uow.incidents.change_seq(incident.incident_id),
    )


async def visible_incident(
    uow: ReferralsUnitOfWork, principal: Principal, incident_id: int, *, action: str
) -> IncidentRecord:
    incident = await uow.incidents.get(incident_id)
    if incident is None:
        raise NotFound(f"incidents/{incident_id} was not found", reason=REASON_NOT_FOUND)
    await require_visible(uow, principal, incident_scope(incident), action=action, resource=incident.name)
    return incident


async def replayed_incident(
    uow: ReferralsUnitOfWork, principal: Principal, request: RequestKey | None, *, action: str
) -> IncidentView | None:
    """The incident a request id already made (AIP-155), as the caller may see it; None for a new request."""
    earlier = await uow.requests.replayed_resource(request) if request is not None else None
    if earlier is None:
        return None
    incident_id = int(earlier.removeprefix("incidents/"))
    return await view_of(uow, await visible_incident(uow, principal, incident_id, action=action))


async def report_incident(
    uow: ReferralsUnitOfWork, principal: Principal, command: ReportIncident, agreements: BasinAgreements
) -> IncidentView:
    """Issue 14 item 2: committed with its notices and one event to every notified agency, in one transaction."""
    agreement = agreement_of(agreements, command.agreement_id)
    if principal.agency_id not in agreement.members:
        raise PermissionDenied(
            f"{principal.agency_id} is not a member of {agreement.agreement_id}; members report",
            reason=REASON_NOT_MEMBER,
        )
    async with uow:
        replayed = await replayed_incident(uow, principal, command.request, action="ReportIncident")
        if replayed is not None:
            return replayed
        now = uow.clock.now()
        draft = incident_draft(agreement, principal.agency_id, principal.agency.region_code, command.facts, now)
        draft = replace(draft, notices=notices_for(agreement, principal.agency_id, now))
        incident = replace(draft, incident_id=await uow.incidents.add(draft))
        recipients = [notice.agency_id for notice in incident.notices]
        await uow.outbox.add(incident_event(incident, "reported", "reported", recipients), at=now)
        details = {"basin": incident.basin_id, "drill": incident.drill, "notified": recipients}
        await uow.audit.record(AuditEntry(principal.agency_id, "ReportIncident", incident.name, "OK", details=details))
        if command.request is not None:
            await uow.requests.remember(command.request, resource_name=incident.name, at=now)
        view = await view_of(uow, incident)
        await uow.commit()
        return view


async def get_incident(uow: ReferralsUnitOfWork, principal: Principal, incident_id: int) -> IncidentView:
    async with uow:
        view = await view_of(uow, await visible_incident(uow, principal, incident_id, action="GetIncident"))
        await uow.commit()
        return view


@dataclass(frozen=True)
class ChangedIncidents:
    page: Page[IncidentView]
    watermark: int


async def list_incidents(
    uow: ReferralsUnitOfWork, principal: Principal, page: PageRequest, *, since_watermark: int
) -> ChangedIncidents:
    """Issue 14 item 2 (pull): in change order after the watermark, so a desk that polls sees each change once."""
    after = int(page.position.get("after", since_watermark))
    viewer = principal.viewer
    async with uow:
        rows = await uow.incidents.changed(
            after_seq=after, limit=page.size + 1, basin_ids=basin_reach(viewer), region_prefix=bureau_reach(viewer)
        )
    views = [IncidentView(incident, watermark=seq) for incident, seq in rows]
    listed = page.page_of(views, lambda view: {"after": str(view.watermark)})
    return ChangedIncidents(listed, listed.items[-1].watermark if listed.items else after)


async def _change(
    uow: ReferralsUnitOfWork,
    principal: Principal,
    incident_id: int,
    action: str,
    change: Callable[[IncidentRecord], tuple[IncidentRecord, OutboxEvent | None]],
    *,
    before_start: bool = False,
) -> IncidentView:
    """Reads the incident as the caller may, applies `change` (the new record and its event, if any), saves it
    version-checked with its audit row and event, and answers it as committed; a drill not yet started takes only a
    change allowed `before_start` (its cancellation)."""
    async with uow:
        incident = await visible_incident(uow, principal, incident_id, action=action)
        if incident.state is IncidentState.CLOSED:
            raise FailedPrecondition(f"{incident.name} was closed", reason=REASON_CLOSED)
        if incident.state is IncidentState.SCHEDULED and not before_start:
            raise FailedPrecondition(
                f"{incident.name} is a drill that starts at {incident.report_time.isoformat()}",
                reason=REASON_NOT_STARTED,
            )
        changed, event = change(incident)
        if changed is incident:
            view = await view_of(uow, incident)
            await uow.commit()
            return view
        if not await uow.incidents.save(changed, expected_version=incident.version):
            raise Aborted(f"{incident.name} changed meanwhile; try again", reason=REASON_CHANGED)
        if event is not None:
            await uow.outbox.add(event, at=changed.update_time)
        await uow.audit.record(AuditEntry(principal.agency_id, action, incident.name, "OK"))
        view = await view_of(uow, changed)
        await uow.commit()
        return view


def _notified(incident: IncidentRecord, principal: Principal, *, role: Role | None = None) -> int:
    """The position of the caller's notice; PERMISSION_DENIED when it was not notified (as `role`)."""
    for index, notice in enumerate(incident.notices):
        if notice.agency_id == principal.agency_id and (role is None or notice.role is role):
            return index
    raise PermissionDenied(
        f"{principal.agency_id} was not notified of {incident.name}{' as a member' if role else ''}",
        reason=REASON_NOT_NOTIFIED,
    )


def _to_reporter_and_desk(incident: IncidentRecord) -> list[str]:
    desk = [notice.agency_id for notice in incident.notices if notice.role is Role.DESK]
    return [incident.reporter_agency_id, *desk]


async def acknowledge_incident(uow: ReferralsUnitOfWork, principal: Principal, incident_id: int) -> IncidentView:
    """Issue 14 item 2 (签收): once per notified agency; acknowledging again changes nothing."""

    def acknowledged(incident: IncidentRecord) -> tuple[IncidentRecord, OutboxEvent | None]:
        index = _notified(incident, principal)
        notice = incident.notices[index]
        if notice.acknowledge_time is not None:
            return incident, None
        now = uow.clock.now()
        notices = list(incident.notices)
        notices[index] = replace(notice, acknowledge_time=now)
        changed = replace(incident, notices=tuple(notices), update_time=now, version=incident.version + 1)
        key = f"acknowledgements/{principal.agency_id}"
        event = incident_event(changed, key, "acknowledged", _to_reporter_and_desk(changed), by=principal.agency_id)
        return changed, event

    return await _change(uow, principal, incident_id, "AcknowledgeIncident", acknowledged)


async def report_measures(uow: ReferralsUnitOfWork, principal: Principal, command: ReportMeasures) -> IncidentView:
    """Issue 14 item 2: a notified member's measures (the first meets its deadline), to the reporter and the desk."""
    officers = attributed_officers(principal, command.officer_ids)
    async with uow:
        await require_officers_of(uow, principal.agency_id, officers, field="officer_ids")

    def reported(incident: IncidentRecord) -> tuple[IncidentRecord, OutboxEvent | None]:
        index = _notified(incident, principal, role=Role.MEMBER)
        now = uow.clock.now()
        notices = list(incident.notices)
        notice = notices[index]
        notices[index] = replace(
            notice,
            measures_time=notice.measures_time or now,
            acknowledge_time=notice.acknowledge_time or now,
        )
        report = MeasureReport(
            len(incident.measures) + 1,
            principal.agency_id,
            officers,
            command.text,
            command.evidence,
            command.monitoring,
            now,
        )
        changed = replace(
            incident,
            notices=tuple(notices),
            measures=(*incident.measures, report),
            update_time=now,
            version=incident.version + 1,
        )
        event = incident_event(
            changed,
            f"measures/{report.seq}",
            "measures",
            _to_reporter_and_desk(changed),
            by=principal.agency_id,
            text=command.text,
        )
        return changed, event

    return await _change(uow, principal, command.incident_id, "ReportMeasures", reported)


async def close_incident(uow: ReferralsUnitOfWork, principal: Principal, incident_id: int, note: str) -> IncidentView:
    """Issue 14 item 2: by the reporter or the desk; everyone notified is told; nothing escalates after."""

    def closed(incident: IncidentRecord) -> tuple[IncidentRecord, OutboxEvent | None]:
        desks = {notice.agency_id for notice in incident.notices if notice.role is Role.DESK}
        if principal.agency_id != incident.reporter_agency_id and principal.agency_id not in desks:
            raise PermissionDenied(
                f"only {incident.reporter_agency_id} or the desk closes {incident.name}", reason=REASON_NOT_CLOSER
            )
        now = uow.clock.now()
        changed = replace(
            incident,
            state=IncidentState.CLOSED,
            close_time=now,
            closed_by=principal.agency_id,
            close_note=note,
            update_time=now,
            version=incident.version + 1,
        )
        recipients = [incident.reporter_agency_id, *(notice.agency_id for notice in incident.notices)]
        return changed, incident_event(changed, "closed", "closed", recipients, by=principal.agency_id, note=note)

    return await _change(uow, principal, incident_id, "CloseIncident", closed, before_start=True)


async def escalate_silence(uow_factory: Callable[[], ReferralsUnitOfWork], agreements: BasinAgreements) -> int:
    """Issue 14 item 2: every rung due on an open incident, once, one transaction per incident; a rung missed while
    beat was down is climbed when it is back. Returns the rungs climbed."""

    async def open_after(uow: ReferralsUnitOfWork, after: int) -> Sequence[int]:
        return await uow.incidents.open_ids(after_id=after, limit=SWEEP_BATCH)

    return await each_in_its_own_transaction(
        uow_factory, open_after, lambda uow, incident_id: _escalate_one(uow, incident_id, agreements)
    )


async def _escalate_one(uow: ReferralsUnitOfWork, incident_id: int, agreements: BasinAgreements) -> int:
    async with uow:
        incident = await uow.incidents.get(incident_id)
        agreement = agreements.get(incident.agreement_id) if incident else None
        if incident is None or agreement is None:
            return 0
        now = uow.clock.now()
        rungs = due_rungs(incident, agreement, now)
        if not rungs:
            return 0
        escalations = await climbed(uow, agreement, rungs, incident.escalations, now)
        new = escalations[len(incident.escalations) :]
        changed = replace(incident, escalations=escalations, update_time=now, version=incident.version + 1)
        if not await uow.incidents.save(changed, expected_version=incident.version):
            return 0
        for escalation in new:
            key = f"escalations/{escalation.silent_agency_id}/{escalation.duty.value}/{escalation.level}"
            event = incident_event(
                changed,
                key,
                "escalated",
                [*escalation.to_agency_ids, escalation.silent_agency_id],
                silent=escalation.silent_agency_id,
                duty=escalation.duty.value,
                level=escalation.level,
            )
            await uow.outbox.add(event, at=now)
            to = list(escalation.to_agency_ids)
            details = {"silent": escalation.silent_agency_id, "duty": escalation.duty.value, "to": to}
            await uow.audit.record(AuditEntry("referrals", "EscalateIncident", changed.name, "OK", details=details))
        await uow.commit()
        return len(new)
