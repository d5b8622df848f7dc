"""Rows changed only by the version they were read at, and the positions of history rows (seq from 1)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession


async def save_if_unchanged(
    session: AsyncSession, id_column: Column[Any], record_id: int, expected_version: int, values: dict[str, Any]
) -> bool:
    """Writes `values` to the row only if its version is still `expected_version`; on PostgreSQL the row stays
    locked until commit, so a concurrent step waits and then finds the new version."""
    table = id_column.table
    result = await session.execute(
        update(table).where(id_column == record_id, table.c.version == expected_version).values(**values)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def next_seq(session: AsyncSession, key_column: Column[Any], key: int) -> int:
    """The next position in the history table of `key_column` (seq from 1)."""
    last = await session.scalar(select(func.max(key_column.table.c.seq)).where(key_column == key))
    return int(last or 0) + 1
