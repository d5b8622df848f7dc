"""Operator use cases run against a service's database: migrate, load the directory, verify the audit chain, relay
the outbox."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ecolink_common.audit import AuditEntry, ChainReport, verify_chain
from ecolink_common.clock import SYSTEM_CLOCK
from ecolink_common.db import database_sessions
from ecolink_common.directory import DirectoryFile, read_directory_file
from ecolink_common.migrations import upgrade_to_head
from ecolink_common.outbox_relay import RelayOutcome
from ecolink_common.outbox_relay import relay_outbox as relay_outbox_events
from ecolink_common.service_spec import ServiceSpec
from ecolink_common.settings import PlatformSettings
from ecolink_common.unit_of_work import UnitOfWork

OPERATOR = "operator"


@dataclass(frozen=True)
class DirectoryLoad:
    """What a directory load did to one service's database."""

    service: str
    version: str
    agency_count: int
    changed: bool


def database_url(spec: ServiceSpec, platform: PlatformSettings) -> str:
    """The database a service is configured to use (its env var, else the embedded SQLite file)."""
    return spec.settings_type().resolved_database_url(platform)


async def migrate(spec: ServiceSpec, url: str) -> None:
    """Brings one service's database to the newest revision (Alembic runs in a thread of its own)."""
    await asyncio.to_thread(upgrade_to_head, spec.migrations_dir, url)


async def load_directory(spec: ServiceSpec, url: str, path: Path) -> DirectoryLoad:
    """Replaces the service's directory copy with the file's; a file already loaded changes nothing."""
    directory, file_sha256 = read_directory_file(path)
    async with database_sessions(url) as sessions, UnitOfWork(sessions) as uow:
        changed = await _replace_if_new(uow, directory, file_sha256)
        await uow.commit()
    return DirectoryLoad(spec.name, directory.version, len(directory.agencies), changed)


async def _replace_if_new(uow: UnitOfWork, directory: DirectoryFile, file_sha256: str) -> bool:
    if (await uow.agencies.latest_load()).file_sha256 == file_sha256:
        return False
    await uow.agencies.replace_all(directory, file_sha256=file_sha256)
    await uow.audit.record(
        AuditEntry(
            actor_agency_id=OPERATOR,
            action="LoadDirectory",
            resource=f"directories/{directory.version}",
            outcome="OK",
            details={"file_sha256": file_sha256, "agency_count": len(directory.agencies)},
        )
    )
    return True


async def verify_audit_chain(url: str) -> ChainReport:
    """Walks one service's audit chain and reports the first broken link."""
    async with database_sessions(url) as sessions, sessions() as session:
        return await verify_chain(session)


async def relay_outbox(spec: ServiceSpec[Any], sessions: async_sessionmaker[AsyncSession]) -> RelayOutcome:
    """Publishes one service's committed outbox events to the subscribers it declares (through the worker
    process's one engine of that service)."""
    return await relay_outbox_events(lambda: UnitOfWork(sessions), spec.subscribers(), SYSTEM_CLOCK)
