"""Builds the cases service's parts once per process: registry, alerts and evidence clients, legal periods, credit
rules, the servicers."""

from __future__ import annotations

from ecolink_cases.adapters.alerts_client import AlertsClient
from ecolink_cases.adapters.evidence_client import EvidenceClient
from ecolink_cases.adapters.registry_client import RegistryClient
from ecolink_cases.api.case_servicer import CaseServicer
from ecolink_cases.api.compensation_servicer import CompensationServicer
from ecolink_cases.api.inspection_servicer import InspectionServicer
from ecolink_cases.service_layer.credit_grading import CreditRulebook
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_cases.settings import CasesSettings
from ecolink_common.calls.channel import client_tls
from ecolink_common.calls.client import ServiceClient
from ecolink_common.service_spec import BuiltService, ServiceDependencies


def bootstrap(deps: ServiceDependencies[CasesSettings]) -> BuiltService:
    """The case and compensation servicers over one unit-of-work factory, reading units from the alerts registry and
    evidence as the caller."""
    settings = deps.settings
    tls = client_tls(deps.platform, settings)
    alerts_service = ServiceClient(settings.alerts_endpoint(), tls=tls)
    registry = RegistryClient(alerts_service)
    alerts = AlertsClient(alerts_service)
    evidence = EvidenceClient(ServiceClient(settings.evidence_endpoint(), tls=tls))

    unit_of_work = deps.units_of_work(CasesUnitOfWork)

    servicer = CaseServicer(
        unit_of_work,
        settings,
        units_for=registry.for_caller,
        alerts_for=alerts.for_caller,
        evidence_for=evidence.for_caller,
        periods=settings.legal_periods(),
    )
    inspections = InspectionServicer(
        unit_of_work,
        rulebook=CreditRulebook(settings.credit_rules(), settings.credit_settings()),
        draw_settings=settings.draw_settings(),
        units_for=registry.for_caller,
    )
    compensation = CompensationServicer(unit_of_work, settings, evidence_for=evidence.for_caller)
    return BuiltService([servicer, inspections, compensation])
