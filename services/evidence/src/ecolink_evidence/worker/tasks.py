"""Evidence tasks: the integrity sweep that beat runs, re-hashing a share of stored items each time."""

from __future__ import annotations

from functools import cache
from typing import Any

from celery import Task, shared_task

from ecolink_common.celery_app import RETRIED_TASK, run_async
from ecolink_common.worker_resources import platform_settings, service_sessions, service_settings
from ecolink_evidence.adapters.store_factory import build_object_store
from ecolink_evidence.service_layer.integrity import sweep_integrity
from ecolink_evidence.service_layer.ports import ObjectStore
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.settings import EvidenceSettings

INTEGRITY_SWEEP = "ecolink.evidence.integrity_sweep"


@cache
def _object_store() -> ObjectStore:
    """The store of this worker process, built once like its database engine."""
    return build_object_store(service_settings(EvidenceSettings), platform_settings())


async def _sweep_once() -> dict[str, Any]:
    settings = service_settings(EvidenceSettings)
    report = await sweep_integrity(
        EvidenceUnitOfWork(service_sessions(EvidenceSettings)),
        _object_store(),
        share=settings.sweep_share,
        chunk_bytes=settings.transfer_chunk_bytes,
    )
    return {"checked": report.checked, "failed": report.failed}


@shared_task(name=INTEGRITY_SWEEP, max_retries=5, **RETRIED_TASK)
def integrity_sweep(self: Task) -> dict[str, Any]:
    """Re-hashes the least recently verified share of items; a mismatch becomes custody and audit records.
    Running it twice only re-reads and records again, so a redelivered task does no harm."""
    return run_async(_sweep_once())
