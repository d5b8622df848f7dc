"""The hash-chained audit log in a real database: concurrent writers, and tampering found by the walk."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import delete, text, update

from ecolink_alerts.service import SPEC as ALERTS
from ecolink_common import operations
from ecolink_common.audit import AuditEntry, AuditTrail
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.platform_tables import audit_event_table

WRITERS = 12


@pytest.fixture
async def engine(database_url):
    await operations.migrate(ALERTS, database_url)
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


async def append(engine, actor: str) -> int:
    async with create_session_factory(engine)() as session:
        seq = await AuditTrail(session).record(AuditEntry(actor, "Test", "things/1", "OK", details={"n": actor}))
        await session.commit()
        return seq


async def test_concurrent_writers_leave_one_intact_chain(engine, database_url):
    sequences = await asyncio.gather(*(append(engine, f"agency-{i}") for i in range(WRITERS)))
    assert sorted(sequences) == list(range(1, WRITERS + 1))
    report = await operations.verify_audit_chain(database_url)
    assert (report.intact, report.rows_checked) == (True, WRITERS)


async def test_a_rolled_back_change_leaves_no_audit_row(engine, database_url):
    async with create_session_factory(engine)() as session:
        await AuditTrail(session).record(AuditEntry("eeb-360800", "Test", "things/1", "OK"))
        await session.rollback()
    assert (await operations.verify_audit_chain(database_url)).rows_checked == 0


async def tamper(engine, statement) -> None:
    async with engine.begin() as connection:
        await connection.execute(statement)


async def test_editing_a_row_by_hand_is_found_and_the_row_named(engine, database_url):
    for i in range(5):
        await append(engine, f"agency-{i}")
    await tamper(
        engine, update(audit_event_table).where(audit_event_table.c.seq == 3).values(outcome="ALLOWED_BY_HAND")
    )
    report = await operations.verify_audit_chain(database_url)
    assert (report.intact, report.broken_seq) == (False, 3)
    assert "row 3 was altered" in report.problem


async def test_deleting_a_middle_row_is_found(engine, database_url):
    for i in range(5):
        await append(engine, f"agency-{i}")
    await tamper(engine, delete(audit_event_table).where(audit_event_table.c.seq == 2))
    report = await operations.verify_audit_chain(database_url)
    assert (report.intact, report.broken_seq) == (False, 2)


async def test_deleting_the_newest_row_is_found_against_the_head(engine, database_url):
    for i in range(4):
        await append(engine, f"agency-{i}")
    await tamper(engine, delete(audit_event_table).where(audit_event_table.c.seq == 4))
    report = await operations.verify_audit_chain(database_url)
    assert (report.intact, report.broken_seq) == (False, 4)


async def test_rewriting_a_row_and_its_hash_still_breaks_the_next_link(engine, database_url):
    for i in range(3):
        await append(engine, f"agency-{i}")
    # The first hex digit becomes another one (a hash may already start with 'f').
    rewrite = text(
        "UPDATE audit_event SET hash = CASE WHEN substr(hash, 1, 1) = 'f' THEN '0' ELSE 'f' END || substr(hash, 2) "
        "WHERE seq = 1"
    )
    await tamper(engine, rewrite)
    report = await operations.verify_audit_chain(database_url)
    assert (report.intact, report.broken_seq) == (False, 1)
