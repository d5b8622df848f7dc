"""Gap-free numbers (DOMAIN §3.2): the next number of a series is taken by an upsert of its counter row in the
transaction that uses it, so a rolled-back step uses none and concurrent steps wait for each other's row."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.db import upsert_statement


async def next_number(session: AsyncSession, counter: Table, series: Mapping[str, object]) -> int:
    """The next number of the series `series` names (the counter table's key columns), from 1; the table has an
    integer `last_number` column."""
    statement = upsert_statement(session, counter).values(**series, last_number=1)
    statement = statement.on_conflict_do_update(
        index_elements=[counter.c[column] for column in series],
        set_={"last_number": counter.c.last_number + 1},
    ).returning(counter.c.last_number)
    return int((await session.execute(statement)).scalar_one())
