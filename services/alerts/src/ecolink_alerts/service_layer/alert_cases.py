"""Alert → case (DOMAIN §3.1): the alert learns the enforcement case it became from the cases service, which calls
with its own credential acting for the handling agency once the case is committed; never through a shared
database."""

from __future__ import annotations

from dataclasses import replace

from ecolink_alerts.domain.alert_records import Alert
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.auth.service_identity import service_identity
from ecolink_common.errors import FailedPrecondition, NotFound, PermissionDenied

CASES_SERVICE = service_identity("cases")
ACTION = "RecordAlertCase"
REASON_CASES_SERVICE_ONLY = "ALERT_CASE_BY_CASES_SERVICE_ONLY"
REASON_ALREADY_PROMOTED = "ALERT_ALREADY_PROMOTED"


async def record_alert_case(uow: AlertsUnitOfWork, principal: Principal, alert_id: str, case_name: str) -> Alert:
    """The alert with `case_name` recorded; the same case again is a no-op, another case a refusal."""
    async with uow:
        if principal.acting_service != CASES_SERVICE:
            refusal = AuditEntry(
                principal.agency_id, ACTION, f"alerts/{alert_id}", "PERMISSION_DENIED", REASON_CASES_SERVICE_ONLY
            )
            await uow.commit_refusal(refusal)
            raise PermissionDenied(
                "only the cases service, acting for the handling agency, records an alert's case",
                reason=REASON_CASES_SERVICE_ONLY,
            )
        alert = await uow.alerts.get(alert_id)
        if alert is None:
            raise NotFound(f"alerts/{alert_id} was not found")
        await require_visible(uow, principal, alert.scope(), action=ACTION, resource=alert.name)
        if alert.case_name == case_name:
            await uow.commit()
            return alert
        if alert.case_name:
            raise FailedPrecondition(
                f"{alert.name} already became {alert.case_name}",
                reason=REASON_ALREADY_PROMOTED,
                metadata={"case": alert.case_name},
            )
        await uow.alerts.link_case(alert_id, case_name)
        await uow.audit.record(AuditEntry(principal.agency_id, ACTION, alert.name, "OK", details={"case": case_name}))
        await uow.commit()
        return replace(alert, case_name=case_name)
