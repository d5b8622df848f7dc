"""Each service's migrations build exactly the tables its code declares (no drift between the two)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from ecolink_cli.services import SERVICE_NAMES, service_spec
from ecolink_common import operations
from ecolink_common.db import create_engine
from ecolink_common.platform_tables import platform_metadata


@pytest.mark.parametrize("service", SERVICE_NAMES)
async def test_migrated_schema_equals_the_declared_tables(service, database_url):
    spec = service_spec(service)
    await operations.migrate(spec, database_url)
    declared = [platform_metadata, *([spec.metadata] if spec.metadata is not None else [])]
    engine = create_engine(database_url)
    async with engine.connect() as connection:
        differences = await connection.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), declared)
        )
    await engine.dispose()
    assert differences == []
