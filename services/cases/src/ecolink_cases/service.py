"""The cases service as the runner, the worker, the CLI and the tests see it."""

from __future__ import annotations

from pathlib import Path

from ecolink.cases.v1 import (
    case_service_pb2,
    case_service_pb2_grpc,
    compensation_service_pb2,
    compensation_service_pb2_grpc,
    inspection_service_pb2,
    inspection_service_pb2_grpc,
)
from ecolink_cases.adapters.tables import cases_metadata
from ecolink_cases.api.case_servicer import CaseServicer
from ecolink_cases.api.compensation_servicer import CompensationServicer
from ecolink_cases.api.inspection_servicer import InspectionServicer
from ecolink_cases.bootstrap import bootstrap
from ecolink_cases.settings import CasesSettings
from ecolink_cases.worker.alert_case_delivery import cases_subscribers
from ecolink_cases.worker.tasks import RECORD_DEADLINE_CROSSINGS
from ecolink_common.service_spec import BeatEntry, ServiceSpec, binding

SPEC = ServiceSpec(
    name="cases",
    settings_type=CasesSettings,
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations" / "versions",
    servicers=(
        binding(case_service_pb2, "CaseService", CaseServicer, case_service_pb2_grpc.add_CaseServiceServicer_to_server),
        binding(
            inspection_service_pb2,
            "InspectionService",
            InspectionServicer,
            inspection_service_pb2_grpc.add_InspectionServiceServicer_to_server,
        ),
        binding(
            compensation_service_pb2,
            "CompensationService",
            CompensationServicer,
            compensation_service_pb2_grpc.add_CompensationServiceServicer_to_server,
        ),
    ),
    bootstrap=bootstrap,
    metadata=cases_metadata,
    task_modules=("ecolink_cases.worker.tasks",),
    beat=(
        BeatEntry(
            "record-deadline-crossings", RECORD_DEADLINE_CROSSINGS, lambda settings: settings.deadline_scan_seconds
        ),
    ),
    subscribers=cases_subscribers,
)
