"""Reading a service's audit log directly, for tests that assert what was recorded."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ecolink_common.db import create_engine
from ecolink_common.platform_tables import audit_event_table


async def audit_rows(database_url: str) -> list[dict[str, Any]]:
    """Every audit row, oldest first."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(select(audit_event_table).order_by(audit_event_table.c.seq))).all()
    finally:
        await engine.dispose()
    return [dict(row._mapping) for row in rows]
