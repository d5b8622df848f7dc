"""The alerts service as the platform runner, the CLI and the tests start it."""

from __future__ import annotations

from pathlib import Path

import grpc

from ecolink.alerts.v1 import (
    alert_service_pb2,
    alert_service_pb2_grpc,
    grading_service_pb2,
    grading_service_pb2_grpc,
    monitoring_service_pb2,
    monitoring_service_pb2_grpc,
    registry_service_pb2,
    registry_service_pb2_grpc,
)
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.adapters.tables import alerts_metadata
from ecolink_alerts.api.alert_servicer import AlertServicer
from ecolink_alerts.api.grading_servicer import GradingServicer
from ecolink_alerts.api.monitoring_servicer import MonitoringServicer
from ecolink_alerts.api.registry_servicer import RegistryServicer
from ecolink_alerts.domain.unit_visibility import rules_seen_by_unit
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.transmission_rates import TransmissionExpectation
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.settings import AlertsSettings
from ecolink_common.service_spec import Registration, ServiceDependencies, ServiceSpec

REGISTRY_SERVICE_NAME = registry_service_pb2.DESCRIPTOR.services_by_name["RegistryService"].full_name
MONITORING_SERVICE_NAME = monitoring_service_pb2.DESCRIPTOR.services_by_name["MonitoringService"].full_name
ALERT_SERVICE_NAME = alert_service_pb2.DESCRIPTOR.services_by_name["AlertService"].full_name
GRADING_SERVICE_NAME = grading_service_pb2.DESCRIPTOR.services_by_name["GradingService"].full_name


def register(server: grpc.aio.Server, deps: ServiceDependencies) -> Registration:
    """Adds RegistryService, MonitoringService, AlertService and GradingService."""
    settings = deps.settings
    assert isinstance(settings, AlertsSettings)
    # Read once for the process; a bad ALERTS_RULE_THRESHOLDS_FILE stops the start here.
    thresholds = settings.rule_thresholds()

    def uow_factory() -> AlertsUnitOfWork:
        return AlertsUnitOfWork(deps.session_factory, deps.clock)

    passwords = device_passwords(settings.device_password_key_path(deps.platform))
    registry_service_pb2_grpc.add_RegistryServiceServicer_to_server(RegistryServicer(uow_factory, passwords), server)
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
    monitoring_service_pb2_grpc.add_MonitoringServiceServicer_to_server(monitoring, server)
    alerts = AlertServicer(
        uow_factory,
        rescan_max_range=settings.rescan_max_range,
        thresholds=thresholds,
        unit_rules=rules_seen_by_unit(settings.unit_visible_rules),
    )
    alert_service_pb2_grpc.add_AlertServiceServicer_to_server(alerts, server)
    grading_service_pb2_grpc.add_GradingServiceServicer_to_server(GradingServicer(uow_factory), server)
    return Registration([REGISTRY_SERVICE_NAME, MONITORING_SERVICE_NAME, ALERT_SERVICE_NAME, GRADING_SERVICE_NAME])


SPEC = ServiceSpec(
    name="alerts",
    settings_type=AlertsSettings,
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations" / "versions",
    register_servicers=register,
    metadata=alerts_metadata,
)
