"""Opening a case from a clue (DOMAIN §3.1): the unit as the alerts registry shows it to the caller decides the
region and so who sees the case; the caller's agency handles it. A case opened from an alert keeps the alert's rule
and evidence-window hash as read, is the only case of that alert, and tells the alerts service through the outbox."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ecolink_cases.domain.case import CaseRecord, ClueSource
from ecolink_cases.service_layer.case_access import case_scope
from ecolink_cases.service_layer.case_view import CaseView, case_view, stored_case_view
from ecolink_cases.service_layer.officers import require_enforcing_agency
from ecolink_cases.service_layer.ports import AlertSource, SourceAlert, UnitDirectory
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import FailedPrecondition, NotFound
from ecolink_common.jurisdiction import region_contains
from ecolink_common.officers import require_officers_of
from ecolink_common.outbox import OutboxEvent
from ecolink_common.request_records import RequestKey

REASON_UNIT_NOT_FOUND = "UNIT_NOT_FOUND"
REASON_ALERT_NOT_FOUND = "ALERT_NOT_FOUND"
REASON_ALERT_OF_ANOTHER_UNIT = "CASE_ALERT_OF_ANOTHER_UNIT"
ALERT_PROMOTED_EVENT = "cases.alert_promoted"


@dataclass(frozen=True)
class OpenCase:
    unit_id: str
    source: ClueSource
    source_ref: str
    violation_type: str
    legal_basis: str
    handling_officer_ids: tuple[str, ...]
    request: RequestKey | None = None


async def open_case(
    uow: CasesUnitOfWork, principal: Principal, command: OpenCase, units: UnitDirectory, alerts: AlertSource
) -> CaseView:
    """A new case in state clue; the same request id and request returns the case it opened, and the same alert
    the case it already became."""
    require_enforcing_agency(principal, "cases are opened")
    async with uow:
        if command.request is not None:
            earlier = await uow.requests.replayed_resource(command.request)
            if earlier is not None:
                return await stored_case_view(uow, int(earlier.removeprefix("cases/")))
        alert = await _source_alert(command, alerts)
        if alert is not None:
            promoted = await uow.cases.of_alert(alert.name)
            if promoted is not None:
                return await _already_promoted(uow, principal, promoted)
        unit = await units.key_unit(command.unit_id)
        if unit is None or not region_contains(principal.agency.region_code, unit.region_code):
            raise NotFound(f"units/{command.unit_id} was not found", reason=REASON_UNIT_NOT_FOUND)
        await require_officers_of(
            uow, principal.agency_id, command.handling_officer_ids, field="case.handling_officer_ids"
        )
        now = uow.clock.now()
        draft = CaseRecord(
            case_id=0,
            handling_agency_id=principal.agency_id,
            handling_level=principal.agency.level.value,
            region_code=unit.region_code,
            unit_id=unit.unit_id,
            unit_display_name=unit.display_name,
            source=command.source,
            source_ref=command.source_ref,
            violation_type=command.violation_type,
            legal_basis=command.legal_basis,
            handling_officer_ids=command.handling_officer_ids,
            create_time=now,
            update_time=now,
            alert_rule=alert.rule if alert else "",
            alert_evidence_sha256=alert.evidence_sha256 if alert else "",
            enterprise_agency_id=unit.enterprise_agency_id,
        )
        case_id = await uow.cases.add(draft)
        if case_id is None:
            promoted = await uow.cases.of_alert(command.source_ref)
            assert promoted is not None, f"{command.source_ref} was promoted and vanished"
            return await _already_promoted(uow, principal, promoted)
        case = replace(draft, case_id=case_id)
        await uow.audit.record(
            AuditEntry(
                principal.agency_id,
                "CreateCase",
                case.name,
                "OK",
                details={"unit": f"units/{unit.unit_id}", "source": command.source.value, "ref": command.source_ref},
            )
        )
        if alert is not None:
            await uow.outbox.add(_alert_promoted(case, alert), at=now)
        if command.request is not None:
            await uow.requests.remember(command.request, resource_name=case.name, at=now)
        view = await case_view(uow, case)
        await uow.commit()
        return view


async def _source_alert(command: OpenCase, alerts: AlertSource) -> SourceAlert | None:
    """The alert a monitoring-alert clue names, as the caller sees it; it must be of the case's unit."""
    if command.source is not ClueSource.MONITORING_ALERT:
        return None
    alert = await alerts.alert(command.source_ref)
    if alert is None:
        raise NotFound(f"{command.source_ref} was not found", reason=REASON_ALERT_NOT_FOUND)
    if alert.unit_id != command.unit_id:
        raise FailedPrecondition(
            f"{alert.name} is about units/{alert.unit_id}, not units/{command.unit_id}",
            reason=REASON_ALERT_OF_ANOTHER_UNIT,
            metadata={"alert_unit": f"units/{alert.unit_id}"},
        )
    return alert


async def _already_promoted(uow: CasesUnitOfWork, principal: Principal, case: CaseRecord) -> CaseView:
    """The case an alert already became, whoever opened it, as the jurisdiction rule lets the caller see it."""
    await require_visible(uow, principal, case_scope(case), action="CreateCase", resource=case.name)
    view = await case_view(uow, case)
    await uow.commit()
    return view


def _alert_promoted(case: CaseRecord, alert: SourceAlert) -> OutboxEvent:
    """The event the worker turns into RecordAlertCase at the alerts service, acting for the handling agency."""
    return OutboxEvent(
        event_id=f"{case.name}/alert-promoted",
        topic=ALERT_PROMOTED_EVENT,
        payload={"alert": alert.name, "case": case.name, "agency_id": case.handling_agency_id},
        occurred_at=case.create_time,
    )
