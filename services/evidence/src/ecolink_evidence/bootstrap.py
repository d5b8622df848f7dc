"""Builds the evidence service's parts once per process: object store, staging folder, alerts client, servicer."""

from __future__ import annotations

import asyncio

from ecolink_common.calls.channel import client_tls
from ecolink_common.calls.client import ServiceClient
from ecolink_common.service_spec import BuiltService, ServiceDependencies
from ecolink_evidence.adapters.alerts_client import AlertsClient
from ecolink_evidence.adapters.store_factory import build_object_store
from ecolink_evidence.api.evidence_servicer import EvidenceServicer
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.settings import EvidenceSettings


def bootstrap(deps: ServiceDependencies[EvidenceSettings]) -> BuiltService:
    """The evidence servicer; the service is SERVING only while its object store answers too."""
    settings = deps.settings
    store = build_object_store(settings, deps.platform)
    staging_dir = deps.platform.var_dir / "evidence-staging"
    staging_dir.mkdir(parents=True, exist_ok=True)
    servicer = EvidenceServicer(
        deps.units_of_work(EvidenceUnitOfWork),
        store,
        settings,
        subjects_for=AlertsClient(
            ServiceClient(settings.alerts_endpoint(), tls=client_tls(deps.platform, settings))
        ).for_caller,
        staging_dir=staging_dir,
        signing_key_file=settings.dossier_signing_key_file or deps.platform.private_key_path,
    )

    async def store_answers() -> bool:
        await asyncio.to_thread(store.ensure_ready)
        return True

    return BuiltService([servicer], [store_answers])
