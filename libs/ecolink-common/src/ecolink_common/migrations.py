"""Alembic for every service: one shared environment, the platform revisions, and each service's own."""

from __future__ import annotations

import asyncio
import os
from functools import cache
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from ecolink_common.db import create_engine
from ecolink_common.platform_tables import platform_metadata

ALEMBIC_DIR = Path(__file__).parent / "alembic"
URL_ATTRIBUTE = "ecolink_database_url"
METADATA_ATTRIBUTE = "ecolink_target_metadata"


def alembic_config(service_versions_dir: Path, database_url: str, service_metadata: MetaData | None = None) -> Config:
    """A config whose history is the platform revisions followed by the service's own (if it has any)."""
    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    config.set_main_option("path_separator", "os")
    locations = [ALEMBIC_DIR / "versions"]
    if service_versions_dir.is_dir():
        locations.append(service_versions_dir)
    config.set_main_option("version_locations", os.pathsep.join(str(p) for p in locations))
    config.attributes[URL_ATTRIBUTE] = database_url
    config.attributes[METADATA_ATTRIBUTE] = [platform_metadata, *([service_metadata] if service_metadata else [])]
    return config


def upgrade_to_head(service_versions_dir: Path, database_url: str) -> None:
    """Migrates one service's database to every head: the service's own history and the platform revisions added
    after the service's first (a platform table such as the outbox arrives in every service without a revision of
    each service's). Synchronous, so call it outside an event loop (or in a thread)."""
    command.upgrade(alembic_config(service_versions_dir, database_url), "heads")


@cache
def migration_scripts(service_versions_dir: Path) -> ScriptDirectory:
    """The platform revisions and the service's own, read once per process."""
    return ScriptDirectory.from_config(alembic_config(service_versions_dir, ""))


def head_revisions(service_versions_dir: Path) -> frozenset[str]:
    return frozenset(migration_scripts(service_versions_dir).get_heads())


async def is_at_head(engine: AsyncEngine, service_versions_dir: Path) -> bool:
    """True when the database answers and carries the newest migration of every branch: each head is among the
    revisions the database's own heads stand on (a service revision that depends on a platform one records only
    itself)."""
    async with engine.connect() as connection:
        current = await connection.run_sync(lambda sync: MigrationContext.configure(sync).get_current_heads())
    scripts = migration_scripts(service_versions_dir)
    applied = {revision.revision for revision in scripts.iterate_revisions(current, "base") if revision is not None}
    return head_revisions(service_versions_dir) <= applied


def run_env() -> None:
    """The body of the shared env.py: migrate online against the URL the config carries."""
    url = context.config.attributes.get(URL_ATTRIBUTE)
    if not url:
        raise RuntimeError("no database URL: run migrations through `ecolink migrate`")
    target_metadata = context.config.attributes.get(METADATA_ATTRIBUTE, [platform_metadata])

    def migrate(connection: Connection) -> None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()

    async def run() -> None:
        engine = create_engine(url)
        async with engine.connect() as connection:
            await connection.run_sync(migrate)
            await connection.commit()
        await engine.dispose()

    asyncio.run(run())
