"""evidence_0002 on both databases: request ids kept in evidence's own columns move to the platform table and still
replay; the columns and their unique constraints are gone, and a downgrade brings them back."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import grpc
import pytest
import sqlalchemy as sa
from alembic import command

from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink_common.db import UtcDateTime, create_engine
from ecolink_common.migrations import alembic_config
from ecolink_common.request_records import FINGERPRINT_NOT_KEPT
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import prepared_service
from ecolink_common.testing.rpc import rpc_failure
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_evidence.testing import upload_chunks

OWNER = "eeb-360800"
POLICE = "psb-360800"
AT = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
HASH = "a" * 64

old_item = sa.table(
    "evidence_item",
    *(sa.column(name) for name in ("evidence_id", "subject", "kind", "collecting_officer", "original_filename")),
    *(sa.column(name) for name in ("content_type", "sha256", "object_key", "object_version", "owner_agency_id")),
    *(sa.column(name) for name in ("region_code", "request_id", "custody_head_hash", "size_bytes")),
    sa.column("custody_head_seq", sa.BigInteger),
    *(sa.column(name, UtcDateTime) for name in ("capture_time", "created_at", "retain_until", "last_verified_at")),
    *(sa.column(name, sa.Boolean) for name in ("legal_hold", "intact")),
)
old_grant = sa.table(
    "evidence_grant",
    *(sa.column(name) for name in ("grant_id", "evidence_id", "grantee_agency_id", "purpose", "granted_by_agency_id")),
    sa.column("request_id"),
    *(sa.column(name, UtcDateTime) for name in ("expires_at", "created_at")),
)
custody = sa.table(
    "custody_event",
    *(sa.column(name) for name in ("evidence_id", "action", "actor_agency_id", "sha256_seen", "trace_id")),
    *(sa.column(name) for name in ("prev_hash", "hash")),
    sa.column("seq", sa.BigInteger),
    sa.column("occurred_at", UtcDateTime),
    sa.column("details", sa.JSON),
)


def item_row(evidence_id: str, request_id: str | None) -> dict[str, object]:
    return {
        "evidence_id": evidence_id,
        "subject": "cases/jian-2026-001",
        "kind": "photo",
        "collecting_officer": "officer 0417",
        "original_filename": "烟囱-南侧.jpg",
        "content_type": "image/jpeg",
        "sha256": HASH,
        "object_key": f"sha256/{HASH}",
        "object_version": "",
        "owner_agency_id": OWNER,
        "region_code": "360800",
        "request_id": request_id,
        "custody_head_hash": "b" * 64,
        "size_bytes": 4,
        "custody_head_seq": 1,
        "capture_time": AT,
        "created_at": AT,
        "retain_until": AT + timedelta(days=3650),
        "last_verified_at": AT,
        "legal_hold": False,
        "intact": True,
    }


def grant_row(grant_id: str, evidence_id: str, request_id: str) -> dict[str, object]:
    return {
        "grant_id": grant_id,
        "evidence_id": evidence_id,
        "grantee_agency_id": POLICE,
        "purpose": "移送",
        "granted_by_agency_id": OWNER,
        "request_id": request_id,
        "expires_at": datetime.now(UTC) + timedelta(days=30),
        "created_at": AT,
    }


async def run(database_url: str, *statements: sa.Executable) -> list[sa.Row[object]]:
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            rows: list[sa.Row[object]] = []
            for statement in statements:
                result = await connection.execute(statement)
                rows = list(result.all()) if result.returns_rows else []
            return rows
    finally:
        await engine.dispose()


async def columns_of(database_url: str, table: str) -> set[str]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(lambda sync: {c["name"] for c in sa.inspect(sync).get_columns(table)})
    finally:
        await engine.dispose()


@pytest.fixture
async def old_database(database_url: str) -> str:
    """An evidence database as evidence_0001 left it: two uploads and two grants with request ids ("both" used once
    for an upload and once for a grant, which the per-table columns allowed), each item with its intake link."""
    config = alembic_config(EVIDENCE.migrations_dir, database_url)
    await asyncio.to_thread(command.upgrade, config, "evidence_0001")
    await run(
        database_url,
        sa.insert(old_item).values([item_row("ev-old-1", "old-upload"), item_row("ev-old-2", "both")]),
        sa.insert(custody).values(
            [
                {
                    "evidence_id": evidence_id,
                    "action": "intake",
                    "actor_agency_id": OWNER,
                    "sha256_seen": HASH,
                    "trace_id": "0" * 32,
                    "prev_hash": "0" * 64,
                    "hash": "b" * 64,
                    "seq": 1,
                    "occurred_at": AT,
                    "details": {},
                }
                for evidence_id in ("ev-old-1", "ev-old-2")
            ]
        ),
        sa.insert(old_grant).values(
            [grant_row("gr-old-1", "ev-old-1", "old-grant"), grant_row("gr-old-2", "ev-old-1", "both")]
        ),
    )
    return database_url


async def test_evidence_0002_moves_request_ids_to_the_platform_table_and_drops_the_columns(old_database):
    await asyncio.to_thread(command.upgrade, alembic_config(EVIDENCE.migrations_dir, old_database), "heads")
    recorded = await run(
        old_database,
        sa.text("SELECT agency_id, request_id, method, request_sha256, resource_name FROM request_record"),
    )
    assert sorted(tuple(row) for row in recorded) == [
        (OWNER, "both", "UploadEvidence", FINGERPRINT_NOT_KEPT, "evidence/ev-old-2"),
        (OWNER, "old-grant", "GrantEvidenceAccess", FINGERPRINT_NOT_KEPT, "evidence/ev-old-1/grants/gr-old-1"),
        (OWNER, "old-upload", "UploadEvidence", FINGERPRINT_NOT_KEPT, "evidence/ev-old-1"),
    ]
    assert "request_id" not in await columns_of(old_database, "evidence_item")
    assert "request_id" not in await columns_of(old_database, "evidence_grant")
    kept = await run(old_database, sa.text("SELECT evidence_id, seq FROM custody_event ORDER BY evidence_id"))
    assert [tuple(row) for row in kept] == [("ev-old-1", 1), ("ev-old-2", 1)]

    await asyncio.to_thread(command.downgrade, alembic_config(EVIDENCE.migrations_dir, old_database), "evidence_0001")
    items = await run(old_database, sa.text("SELECT evidence_id, request_id FROM evidence_item ORDER BY evidence_id"))
    grants = await run(old_database, sa.text("SELECT grant_id, request_id FROM evidence_grant ORDER BY grant_id"))
    assert [tuple(row) for row in items] == [("ev-old-1", "old-upload"), ("ev-old-2", "both")]
    assert [tuple(row) for row in grants] == [("gr-old-1", "old-grant"), ("gr-old-2", None)]
    assert await run(old_database, sa.text("SELECT request_id FROM request_record")) == []


async def test_an_id_kept_before_evidence_0002_still_replays_its_upload_and_its_grant(old_database, platform):
    service = await prepared_service(EVIDENCE, platform, old_database)
    try:
        async with stubs(service, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
            owner = service.metadata(OWNER)
            replayed = await upload_chunks(stub, [b"once"], owner, size=4, request_id="old-upload")
            assert replayed.name == "evidence/ev-old-1"
            grant = pb.GrantEvidenceAccessRequest(
                name="evidence/ev-old-1", grantee_agency_id=POLICE, purpose="移送", request_id="old-grant"
            )
            grant.expire_time.FromDatetime(datetime.now(UTC) + timedelta(days=1))
            assert (await stub.GrantEvidenceAccess(grant, metadata=owner)).grant.grant_id == "gr-old-1"
            grant.request_id = "both"
            with pytest.raises(grpc.aio.AioRpcError) as reused:
                await stub.GrantEvidenceAccess(grant, metadata=owner)
            failure = rpc_failure(reused.value)
            assert (failure.code, failure.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "REQUEST_ID_REUSED")
            fresh = await upload_chunks(stub, [b"new bytes"], owner, size=9, request_id="new-upload")
            again = await upload_chunks(stub, [b"new bytes"], owner, size=9, request_id="new-upload")
            assert fresh.name == again.name != "evidence/ev-old-1"
    finally:
        await service.running.stop()
