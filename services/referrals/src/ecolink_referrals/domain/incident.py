"""A basin incident (突发环境事件, DOMAIN §4.5; issue 14 item 2): reported once by a member, notified to every member
downstream and to the desk, each with deadlines to acknowledge and to report its measures; silence past a deadline
climbs the agreement's ladder one rung per interval, each rung once; the timeline is every one of those facts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from ecolink_referrals.domain.basin_agreements import BasinAgreement
from ecolink_referrals.domain.escalation_ladder import DueRung, Duty, Escalation, Obligation, rungs_due

INCIDENT_DUTIES = (Duty.ACKNOWLEDGE, Duty.REPORT_MEASURES)


class IncidentState(StrEnum):
    SCHEDULED = "scheduled"  # a drill (演练) before its time: nobody notified yet
    OPEN = "open"
    CLOSED = "closed"


class Role(StrEnum):
    MEMBER = "member"  # a member downstream: acknowledges and reports measures
    DESK = "desk"  # the agreement's desk: acknowledges


@dataclass(frozen=True)
class Notice:
    """One notified agency, its deadlines and when it met them."""

    agency_id: str
    role: Role
    acknowledge_due: datetime
    measures_due: datetime | None
    acknowledge_time: datetime | None = None
    measures_time: datetime | None = None

    def met(self, duty: Duty) -> datetime | None:
        return self.acknowledge_time if duty is Duty.ACKNOWLEDGE else self.measures_time

    def due(self, duty: Duty) -> datetime | None:
        return self.acknowledge_due if duty is Duty.ACKNOWLEDGE else self.measures_due


@dataclass(frozen=True)
class MeasureReport:
    """Measures a member took (处置措施), with its evidence and the monitoring results above and below it."""

    seq: int
    agency_id: str
    officer_ids: tuple[str, ...]
    text: str
    evidence: tuple[str, ...]
    monitoring: str
    report_time: datetime


@dataclass(frozen=True)
class IncidentFacts:
    """What the reporter says happened."""

    location: str
    pollutant: str
    estimated_quantity: str
    occurred_time: datetime
    description: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class IncidentRecord:
    incident_id: int
    agreement_id: str
    basin_id: str
    reporter_agency_id: str
    region_code: str
    facts: IncidentFacts
    drill: bool
    state: IncidentState
    report_time: datetime
    update_time: datetime
    notices: tuple[Notice, ...]
    measures: tuple[MeasureReport, ...] = ()
    escalations: tuple[Escalation, ...] = ()
    close_time: datetime | None = None
    closed_by: str = ""
    close_note: str = ""
    scheduled_by: str = ""  # a drill's: who planned it (a member or the desk)
    version: int = 1

    @property
    def name(self) -> str:
        return f"incidents/{self.incident_id}"

    def notice_of(self, agency_id: str) -> Notice | None:
        return next((notice for notice in self.notices if notice.agency_id == agency_id), None)

    @property
    def all_acknowledged_time(self) -> datetime | None:
        """When the last notified agency acknowledged; None while one has not (or before a drill notified anyone)."""
        times = [notice.acknowledge_time for notice in self.notices]
        if not times or any(time is None for time in times):
            return None
        return max(time for time in times if time is not None)


def notices_for(agreement: BasinAgreement, reporter: str, at: datetime) -> tuple[Notice, ...]:
    """DOMAIN §4.5: every member downstream of the reporter, then the desk, with the agreement's deadlines."""
    acknowledge_due = at + agreement.acknowledge_within
    members = tuple(
        Notice(member, Role.MEMBER, acknowledge_due, at + agreement.measures_within)
        for member in agreement.downstream_of(reporter)
    )
    return (*members, Notice(agreement.desk_agency_id, Role.DESK, acknowledge_due, None))


def due_rungs(incident: IncidentRecord, agreement: BasinAgreement, now: datetime) -> list[DueRung]:
    """Issue 14 item 2: while open, each member's unmet acknowledgement and measures climb the agreement's ladder.
    Drills climb the same way."""
    if incident.state is not IncidentState.OPEN:
        return []
    obligations = [
        Obligation(notice.agency_id, duty, due, notice.met(duty))
        for notice in incident.notices
        if notice.role is Role.MEMBER
        for duty in INCIDENT_DUTIES
        if (due := notice.due(duty)) is not None
    ]
    return rungs_due(obligations, incident.escalations, agreement, now)


def started_drill(drill: IncidentRecord, agreement: BasinAgreement, at: datetime) -> IncidentRecord:
    """Issue 14 item 3: a drill at its time, notified exactly as an incident its reporter reported then would be."""
    return replace(
        drill,
        state=IncidentState.OPEN,
        report_time=at,
        update_time=at,
        notices=notices_for(agreement, drill.reporter_agency_id, at),
        version=drill.version + 1,
    )


@dataclass(frozen=True)
class DrillResult:
    """One notified agency in a drill: how long it took to acknowledge and to report measures, how high it climbed."""

    agency_id: str
    role: Role
    acknowledged_after: timedelta | None
    measures_after: timedelta | None
    highest_level: int


@dataclass(frozen=True)
class DrillReport:
    """Issue 14 item 3: who acknowledged when, who was escalated, time to all acknowledged."""

    started: datetime
    results: tuple[DrillResult, ...]
    all_acknowledged_after: timedelta | None


def drill_report(drill: IncidentRecord) -> DrillReport:
    def after(moment: datetime | None) -> timedelta | None:
        return moment - drill.report_time if moment is not None else None

    results = tuple(
        DrillResult(
            notice.agency_id,
            notice.role,
            after(notice.acknowledge_time),
            after(notice.measures_time),
            max((e.level for e in drill.escalations if e.silent_agency_id == notice.agency_id), default=0),
        )
        for notice in drill.notices
    )
    return DrillReport(drill.report_time, results, after(drill.all_acknowledged_time))


class TimelineKind(StrEnum):
    SCHEDULED = "scheduled"
    REPORTED = "reported"
    NOTIFIED = "notified"
    ACKNOWLEDGED = "acknowledged"
    MEASURES = "measures"
    ESCALATED = "escalated"
    CLOSED = "closed"


@dataclass(frozen=True)
class TimelineEntry:
    time: datetime
    kind: TimelineKind
    agency_id: str
    detail: str


def timeline(incident: IncidentRecord) -> list[TimelineEntry]:
    """Every fact of the incident in time order (issue 14 item 2); webhook deliveries are added by the reader."""
    kind = TimelineKind.SCHEDULED if incident.state is IncidentState.SCHEDULED else TimelineKind.REPORTED
    entries = [TimelineEntry(incident.report_time, kind, incident.reporter_agency_id, incident.facts.pollutant)]
    for notice in incident.notices:
        entries.append(TimelineEntry(incident.report_time, TimelineKind.NOTIFIED, notice.agency_id, notice.role.value))
        if notice.acknowledge_time is not None:
            entries.append(TimelineEntry(notice.acknowledge_time, TimelineKind.ACKNOWLEDGED, notice.agency_id, ""))
    entries += [
        TimelineEntry(report.report_time, TimelineKind.MEASURES, report.agency_id, report.text)
        for report in incident.measures
    ]
    entries += [
        TimelineEntry(
            e.escalate_time,
            TimelineKind.ESCALATED,
            e.silent_agency_id,
            f"{e.duty.value} level {e.level} to {', '.join(e.to_agency_ids)}",
        )
        for e in incident.escalations
    ]
    if incident.close_time is not None:
        entries.append(TimelineEntry(incident.close_time, TimelineKind.CLOSED, incident.closed_by, incident.close_note))
    return sorted(entries, key=lambda entry: entry.time)
