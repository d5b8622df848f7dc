"""Builds the alerts service's parts once per process: thresholds, device passwords, the unit of work, servicers."""

from __future__ import annotations

from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.api.alert_servicer import AlertServicer
from ecolink_alerts.api.grading_servicer import GradingServicer
from ecolink_alerts.api.monitoring_servicer import MonitoringServicer
from ecolink_alerts.api.registry_servicer import RegistryServicer
from ecolink_alerts.domain.unit_visibility import rules_seen_by_unit
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.transmission_rates import TransmissionExpectation
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.settings import AlertsSettings
from ecolink_common.service_spec import BuiltService, ServiceDependencies


def bootstrap(deps: ServiceDependencies[AlertsSettings]) -> BuiltService:
    """The registry, monitoring, alert and grading servicers over one unit-of-work factory."""
    settings = deps.settings
    # Read once for the process; a bad ALERTS_RULE_THRESHOLDS_FILE stops the start here.
    thresholds = settings.rule_thresholds()

    uow_factory = deps.units_of_work(AlertsUnitOfWork)

    monitoring = MonitoringServicer(
        uow_factory,
        transmission=TransmissionExpectation(settings.transmission_data_kind, settings.transmission_interval),
        transmission_max_period=settings.transmission_max_period,
        values_max_range=settings.values_max_range,
        memory=DeviceMemory(site_max_age=settings.registry_cache_seconds),
        thresholds=thresholds,
        group_records=settings.ingest_group_records,
        clock=deps.clock,
    )
    alerts = AlertServicer(
        uow_factory,
        rescan_max_range=settings.rescan_max_range,
        thresholds=thresholds,
        unit_rules=rules_seen_by_unit(settings.unit_visible_rules),
    )
    registry = RegistryServicer(uow_factory, device_passwords(settings.device_password_key_path(deps.platform)))
    return BuiltService([registry, monitoring, alerts, GradingServicer(uow_factory)])
