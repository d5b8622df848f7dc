"""The alerts service as the runner, the worker, the CLI and the tests see it."""

from __future__ import annotations

from pathlib import Path

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
from ecolink_alerts.adapters.tables import alerts_metadata
from ecolink_alerts.api.alert_servicer import AlertServicer
from ecolink_alerts.api.grading_servicer import GradingServicer
from ecolink_alerts.api.monitoring_servicer import MonitoringServicer
from ecolink_alerts.api.registry_servicer import RegistryServicer
from ecolink_alerts.bootstrap import bootstrap
from ecolink_alerts.settings import AlertsSettings
from ecolink_alerts.worker.tasks import ROLL_UP_MEANS_AND_GRADES, TICK_RULE_ENGINES
from ecolink_common.service_spec import BeatEntry, ServiceSpec, binding

SPEC = ServiceSpec(
    name="alerts",
    settings_type=AlertsSettings,
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations" / "versions",
    servicers=(
        binding(
            registry_service_pb2,
            "RegistryService",
            RegistryServicer,
            registry_service_pb2_grpc.add_RegistryServiceServicer_to_server,
        ),
        binding(
            monitoring_service_pb2,
            "MonitoringService",
            MonitoringServicer,
            monitoring_service_pb2_grpc.add_MonitoringServiceServicer_to_server,
        ),
        binding(
            alert_service_pb2, "AlertService", AlertServicer, alert_service_pb2_grpc.add_AlertServiceServicer_to_server
        ),
        binding(
            grading_service_pb2,
            "GradingService",
            GradingServicer,
            grading_service_pb2_grpc.add_GradingServiceServicer_to_server,
        ),
    ),
    bootstrap=bootstrap,
    metadata=alerts_metadata,
    task_modules=("ecolink_alerts.worker.tasks",),
    beat=(
        BeatEntry("tick-rule-engines", TICK_RULE_ENGINES, lambda settings: settings.rule_tick_seconds),
        BeatEntry("roll-up-means-and-grades", ROLL_UP_MEANS_AND_GRADES, lambda settings: settings.rollup_seconds),
    ),
)
