"""The evidence service as the runner, the worker, the CLI and the tests see it."""

from __future__ import annotations

from pathlib import Path

from ecolink.evidence.v1 import evidence_service_pb2, evidence_service_pb2_grpc
from ecolink_common.service_spec import BeatEntry, ServiceSpec, binding
from ecolink_evidence.adapters.tables import evidence_metadata
from ecolink_evidence.api.evidence_servicer import EvidenceServicer
from ecolink_evidence.bootstrap import bootstrap
from ecolink_evidence.settings import EvidenceSettings
from ecolink_evidence.worker.tasks import INTEGRITY_SWEEP

SPEC = ServiceSpec(
    name="evidence",
    settings_type=EvidenceSettings,
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations" / "versions",
    servicers=(
        binding(
            evidence_service_pb2,
            "EvidenceService",
            EvidenceServicer,
            evidence_service_pb2_grpc.add_EvidenceServiceServicer_to_server,
        ),
    ),
    bootstrap=bootstrap,
    metadata=evidence_metadata,
    task_modules=("ecolink_evidence.worker.tasks",),
    beat=(BeatEntry("integrity-sweep", INTEGRITY_SWEEP, lambda settings: settings.sweep_interval_seconds),),
)
