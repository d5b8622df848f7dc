"""The evidence service as the platform runner, the CLI and the tests start it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import grpc

from ecolink.evidence.v1 import evidence_service_pb2, evidence_service_pb2_grpc
from ecolink_common.service_spec import Registration, ServiceDependencies, ServiceSpec
from ecolink_evidence.adapters.alerts_client import AlertsEndpoint
from ecolink_evidence.adapters.store_factory import build_object_store
from ecolink_evidence.adapters.tables import evidence_metadata
from ecolink_evidence.api.servicer import EvidenceServicer
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.settings import EvidenceSettings

SERVICE_NAME = evidence_service_pb2.DESCRIPTOR.services_by_name["EvidenceService"].full_name


def register(server: grpc.aio.Server, deps: ServiceDependencies) -> Registration:
    """Adds EvidenceService; the service is SERVING only while its object store answers too."""
    settings = deps.settings
    assert isinstance(settings, EvidenceSettings)
    store = build_object_store(settings, deps.platform)
    staging_dir = deps.platform.var_dir / "evidence-staging"
    staging_dir.mkdir(parents=True, exist_ok=True)
    servicer = EvidenceServicer(
        lambda: EvidenceUnitOfWork(deps.session_factory, deps.clock),
        store,
        settings,
        subjects_for=AlertsEndpoint(
            settings.alerts_target,
            deadline_seconds=settings.alerts_deadline_seconds,
            attempts=settings.alerts_attempts,
            retry_backoff_seconds=settings.alerts_retry_backoff_seconds,
        ).for_caller,
        staging_dir=staging_dir,
        signing_key_file=settings.dossier_signing_key_file or deps.platform.private_key_path,
    )
    evidence_service_pb2_grpc.add_EvidenceServiceServicer_to_server(servicer, server)

    async def store_answers() -> bool:
        await asyncio.to_thread(store.ensure_ready)
        return True

    return Registration([SERVICE_NAME], [store_answers])


SPEC = ServiceSpec(
    name="evidence",
    settings_type=EvidenceSettings,
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations" / "versions",
    register_servicers=register,
    metadata=evidence_metadata,
)
