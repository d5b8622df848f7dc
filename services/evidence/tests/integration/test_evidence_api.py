"""EvidenceService through a real server and channel: MinIO's code path on moto and the filesystem store,
each on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import hashlib
import os
import urllib.request
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import select

from ecolink.evidence.v1 import evidence_pb2, evidence_service_pb2_grpc
from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink_common.db import create_engine
from ecolink_common.platform_tables import request_record_table
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.rpc import rpc_failure
from ecolink_evidence.testing import description, download_all, stored_object_count, upload_broken_off, upload_chunks
from ecolink_evidence.upload_messages import chunked, upload_messages

OWNER = "eeb-360800"
POLICE = "psb-360800"


async def upload(stub, service, data: bytes, *, agency: str = OWNER, **overrides) -> evidence_pb2.Evidence:
    return await upload_chunks(stub, chunked(data, 64 * 1024), service.metadata(agency), size=len(data), **overrides)


async def failure_of(call) -> object:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await call
    return rpc_failure(raised.value)


async def download(stub, service, name: str, agency: str = OWNER) -> bytes:
    return await download_all(stub, name, service.metadata(agency))


async def custody_actions(stub, service, name: str) -> list[str]:
    response = await stub.ListCustodyEvents(pb.ListCustodyEventsRequest(name=name), metadata=service.metadata(OWNER))
    return [evidence_pb2.CustodyAction.Name(e.action).removeprefix("CUSTODY_ACTION_") for e in response.events]


@pytest.fixture
def store_probe(evidence_service, evidence_settings, s3_endpoint):
    return lambda: stored_object_count(evidence_service, evidence_settings, s3_endpoint)


async def test_upload_hashes_on_arrival_and_downloads_byte_identical(evidence_stub, evidence_service):
    data = os.urandom(300_000)
    item = await upload(evidence_stub, evidence_service, data)
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert (item.size_bytes, item.owner_agency_id, item.region_code) == (len(data), OWNER, "360800")
    assert item.retain_until_time.ToDatetime(tzinfo=UTC) > datetime.now(UTC) + timedelta(days=365 * 29)
    assert await download(evidence_stub, evidence_service, item.name) == data
    assert await custody_actions(evidence_stub, evidence_service, item.name) == ["INTAKE", "DOWNLOAD"]


async def test_declared_hash_that_differs_is_refused_and_nothing_remains(evidence_stub, evidence_service, store_probe):
    failure = await failure_of(
        upload(evidence_stub, evidence_service, b"the real bytes", client_sha256=hashlib.sha256(b"other").hexdigest())
    )
    assert (failure.code, failure.reason, failure.fields) == (
        grpc.StatusCode.INVALID_ARGUMENT,
        "EVIDENCE_HASH_MISMATCH",
        ["metadata.client_sha256"],
    )
    listed = await evidence_stub.ListEvidence(pb.ListEvidenceRequest(), metadata=evidence_service.metadata(OWNER))
    assert list(listed.evidence) == [] and store_probe() == 0


async def test_matching_declared_hash_is_accepted(evidence_stub, evidence_service):
    data = b"inspection record page 1"
    item = await upload(evidence_stub, evidence_service, data, client_sha256=hashlib.sha256(data).hexdigest())
    assert item.sha256 == hashlib.sha256(data).hexdigest()


async def test_empty_upload_is_refused_and_nothing_remains(evidence_stub, evidence_service, store_probe):
    failure = await failure_of(upload(evidence_stub, evidence_service, b""))
    assert (failure.code, failure.reason, failure.fields) == (
        grpc.StatusCode.INVALID_ARGUMENT,
        "EVIDENCE_EMPTY",
        ["metadata.size_bytes"],
    )
    assert store_probe() == 0


async def test_upload_over_the_limit_is_refused(platform, database_url, evidence_settings):
    from ecolink_common.testing.platform import prepared_service
    from ecolink_evidence.service import SPEC

    service = await prepared_service(SPEC, platform, database_url, max_upload_bytes=1000, **evidence_settings)
    try:
        async with stubs(service, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
            failure = await failure_of(upload(stub, service, b"x" * 1001))
        assert (failure.code, failure.reason) == (grpc.StatusCode.INVALID_ARGUMENT, "EVIDENCE_TOO_LARGE")
    finally:
        await service.running.stop()


async def test_description_must_come_first_and_name_bad_fields(evidence_stub, evidence_service):
    bad = description(subject="nonsense", original_filename="", kind=0, size_bytes=1)
    failure = await failure_of(
        evidence_stub.UploadEvidence(upload_messages(bad, [b"x"]), metadata=evidence_service.metadata(OWNER))
    )
    assert failure.code == grpc.StatusCode.INVALID_ARGUMENT
    assert set(failure.fields) == {"metadata.subject", "metadata.original_filename", "metadata.kind"}
    chunk_first = [pb.UploadEvidenceRequest(chunk=b"x")]
    failure = await failure_of(
        evidence_stub.UploadEvidence(iter(chunk_first), metadata=evidence_service.metadata(OWNER))
    )
    assert failure.fields == ["metadata"]


async def test_interrupted_upload_leaves_nothing(evidence_stub, evidence_service, store_probe):
    metadata = evidence_service.metadata(OWNER)
    await upload_broken_off(
        evidence_stub, description(size_bytes=1_000_000), [b"first part"], metadata, after_seconds=0.5
    )
    staging = evidence_service.platform.var_dir / "evidence-staging"
    for _ in range(100):
        if not any(staging.iterdir()):
            break
        await asyncio.sleep(0.1)
    listed = await evidence_stub.ListEvidence(pb.ListEvidenceRequest(), metadata=evidence_service.metadata(OWNER))
    assert list(listed.evidence) == [] and store_probe() == 0 and list(staging.iterdir()) == []


async def test_a_stream_shorter_or_longer_than_declared_is_refused(evidence_stub, evidence_service, store_probe):
    for declared in (5, 50):
        messages = upload_messages(description(size_bytes=declared), [b"0123456789"])
        failure = await failure_of(evidence_stub.UploadEvidence(messages, metadata=evidence_service.metadata(OWNER)))
        assert (failure.code, failure.reason) == (grpc.StatusCode.INVALID_ARGUMENT, "EVIDENCE_SIZE_MISMATCH")
    assert store_probe() == 0


async def test_same_request_id_returns_the_first_item(evidence_stub, evidence_service):
    first = await upload(evidence_stub, evidence_service, b"once", request_id="r-1")
    again = await upload(evidence_stub, evidence_service, b"once", request_id="r-1")
    assert first.name == again.name


async def test_a_request_id_reused_for_another_upload_is_refused_and_stores_nothing(
    evidence_stub, evidence_service, database_url
):
    await upload(evidence_stub, evidence_service, b"once", request_id="r-1")
    for other in ({"subject": "cases/jian-2026-999"}, {"original_filename": "另一张.jpg"}):
        reused = await failure_of(upload(evidence_stub, evidence_service, b"other bytes", request_id="r-1", **other))
        assert (reused.code, reused.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "REQUEST_ID_REUSED")
    listed = await evidence_stub.ListEvidence(pb.ListEvidenceRequest(), metadata=evidence_service.metadata(OWNER))
    assert len(listed.evidence) == 1


async def test_a_request_id_is_kept_in_the_platform_table_and_replays_the_upload(
    evidence_stub, evidence_service, database_url, store_probe
):
    first = await upload(evidence_stub, evidence_service, b"photo bytes", request_id="r-kept")
    again = await upload(evidence_stub, evidence_service, b"photo bytes", request_id="r-kept")
    assert again == first
    assert await request_records(database_url) == [(OWNER, "r-kept", "UploadEvidence", first.name)]
    assert [row["action"] for row in await audit_rows(database_url)].count("UploadEvidence") == 1
    assert store_probe() == 1


async def test_a_request_id_is_one_agencys_own_and_one_methods(evidence_stub, evidence_service):
    mine = await upload(evidence_stub, evidence_service, b"once", request_id="r-1")
    theirs = await upload(evidence_stub, evidence_service, b"once", request_id="r-1", agency="eeb-360000")
    assert theirs.name != mine.name
    grant = grant_request(mine.name, POLICE)
    grant.request_id = "r-1"
    reused = await failure_of(evidence_stub.GrantEvidenceAccess(grant, metadata=evidence_service.metadata(OWNER)))
    assert (reused.code, reused.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "REQUEST_ID_REUSED")
    too_long = await failure_of(upload(evidence_stub, evidence_service, b"once", request_id="r" * 129))
    assert (too_long.code, too_long.fields) == (grpc.StatusCode.INVALID_ARGUMENT, ["metadata.request_id"])


async def test_concurrent_uploads_with_one_request_id_make_one_item(
    backend, store_kind, evidence_stub, evidence_service, store_probe
):
    if backend != "postgres" or store_kind != "filesystem":
        pytest.skip("the race is PostgreSQL's (SQLite serialises every write); the object store plays no part in it")
    data = os.urandom(200_000)

    async def attempt() -> str:
        try:
            return (await upload(evidence_stub, evidence_service, data, request_id="r-race")).name
        except grpc.aio.AioRpcError as error:
            failure = rpc_failure(error)
            assert (failure.code, failure.reason) == (grpc.StatusCode.ABORTED, "REQUEST_ID_IN_FLIGHT")
            return "ABORTED"

    outcomes = await asyncio.gather(*(attempt() for _ in range(6)))
    made = {name for name in outcomes if name != "ABORTED"}
    assert len(made) == 1
    retried = await upload(evidence_stub, evidence_service, data, request_id="r-race")
    assert {retried.name} == made
    listed = await evidence_stub.ListEvidence(pb.ListEvidenceRequest(), metadata=evidence_service.metadata(OWNER))
    assert [item.name for item in listed.evidence] == [retried.name]
    assert store_probe() == 1  # one file: the losers' copies of the same bytes are gone


async def test_a_request_id_replays_its_grant_and_is_refused_for_another_grant(evidence_stub, evidence_service):
    first_item = await upload(evidence_stub, evidence_service, b"first")
    second_item = await upload(evidence_stub, evidence_service, b"second")
    owner = evidence_service.metadata(OWNER)
    request = grant_request(first_item.name, POLICE)
    request.request_id = "g-1"
    granted = (await evidence_stub.GrantEvidenceAccess(request, metadata=owner)).grant
    assert (await evidence_stub.GrantEvidenceAccess(request, metadata=owner)).grant == granted
    other = grant_request(second_item.name, POLICE)
    other.request_id = "g-1"
    reused = await failure_of(evidence_stub.GrantEvidenceAccess(other, metadata=owner))
    assert (reused.code, reused.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "REQUEST_ID_REUSED")
    grants = await evidence_stub.ListEvidenceGrants(pb.ListEvidenceGrantsRequest(name=second_item.name), metadata=owner)
    assert list(grants.grants) == []


async def request_records(database_url: str) -> list[tuple[str, str, str, str]]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            table = request_record_table
            query = select(table.c.agency_id, table.c.request_id, table.c.method, table.c.resource_name)
            return [tuple(row) for row in (await connection.execute(query.order_by(table.c.request_id))).all()]
    finally:
        await engine.dispose()


def grant_request(name: str, agency: str, hours: int = 24) -> pb.GrantEvidenceAccessRequest:
    expires = Timestamp()
    expires.FromDatetime(datetime.now(UTC) + timedelta(hours=hours))
    return pb.GrantEvidenceAccessRequest(
        name=name, grantee_agency_id=agency, purpose="case transfer 吉环移[2026]3号", expire_time=expires
    )


async def test_police_sees_an_item_only_while_a_grant_lives(evidence_stub, evidence_service, database_url):
    data = b"drone frame 0001"
    item = await upload(evidence_stub, evidence_service, data)
    police = evidence_service.metadata(POLICE)
    hidden = await failure_of(evidence_stub.GetEvidence(pb.GetEvidenceRequest(name=item.name), metadata=police))
    assert (hidden.code, hidden.reason) == (grpc.StatusCode.NOT_FOUND, "NOT_FOUND")

    grant = (
        await evidence_stub.GrantEvidenceAccess(
            grant_request(item.name, POLICE), metadata=evidence_service.metadata(OWNER)
        )
    ).grant
    assert await download(evidence_stub, evidence_service, item.name, POLICE) == data

    await evidence_stub.RevokeEvidenceAccess(
        pb.RevokeEvidenceAccessRequest(name=item.name, grant_id=grant.grant_id),
        metadata=evidence_service.metadata(OWNER),
    )
    again = await failure_of(evidence_stub.GetEvidence(pb.GetEvidenceRequest(name=item.name), metadata=police))
    assert again.code == grpc.StatusCode.NOT_FOUND
    assert await custody_actions(evidence_stub, evidence_service, item.name) == [
        "INTAKE",
        "ACCESS_REFUSED",
        "GRANT",
        "DOWNLOAD",
        "REVOKE",
        "ACCESS_REFUSED",
    ]
    refusals = [
        r for r in await audit_rows(database_url) if r["outcome"] == "NOT_FOUND" and r["actor_agency_id"] == POLICE
    ]
    assert len(refusals) == 2


async def test_a_grantee_can_never_re_share(evidence_stub, evidence_service):
    item = await upload(evidence_stub, evidence_service, b"video still")
    await evidence_stub.GrantEvidenceAccess(grant_request(item.name, POLICE), metadata=evidence_service.metadata(OWNER))
    failure = await failure_of(
        evidence_stub.GrantEvidenceAccess(
            grant_request(item.name, "proc-360800"), metadata=evidence_service.metadata(POLICE)
        )
    )
    assert (failure.code, failure.reason) == (grpc.StatusCode.PERMISSION_DENIED, "EVIDENCE_GRANTEE_CANNOT_SHARE")


@pytest.mark.parametrize(("reader", "visible"), [("eeb-360800", True), ("eeb-360000", True), ("eeb-360300", False)])
async def test_agencies_above_the_uploader_see_the_item_and_siblings_do_not(
    evidence_stub, evidence_service, reader, visible
):
    item = await upload(evidence_stub, evidence_service, b"county photo", agency="eeb-360823")
    call = evidence_stub.GetEvidence(pb.GetEvidenceRequest(name=item.name), metadata=evidence_service.metadata(reader))
    if visible:
        assert (await call).evidence.sha256 == item.sha256
    else:
        assert (await failure_of(call)).code == grpc.StatusCode.NOT_FOUND


@pytest.mark.parametrize("uploader", ["psb-360800", "proc-360800", "court-360823", "basin-ganjiang"])
async def test_an_item_of_an_agency_outside_the_bureau_hierarchy_is_hidden_from_the_bureaus_of_its_region(
    evidence_stub, evidence_service, database_url, uploader
):
    item = await upload(evidence_stub, evidence_service, b"interrogation record", agency=uploader)
    for bureau in ("eeb-360800", "eeb-360000", "eeb-360823"):
        metadata = evidence_service.metadata(bureau)
        failures = [
            await failure_of(evidence_stub.GetEvidence(pb.GetEvidenceRequest(name=item.name), metadata=metadata)),
            await failure_of(
                evidence_stub.GrantEvidenceAccess(grant_request(item.name, "proc-360800"), metadata=metadata)
            ),
            await failure_of(
                evidence_stub.PlaceLegalHold(
                    pb.PlaceLegalHoldRequest(name=item.name, reason="court"), metadata=metadata
                )
            ),
        ]
        assert [failure.code for failure in failures] == [grpc.StatusCode.NOT_FOUND] * 3, bureau
        listed = await evidence_stub.ListEvidence(pb.ListEvidenceRequest(), metadata=metadata)
        assert list(listed.evidence) == [], bureau
    hidden = [
        (r["actor_agency_id"], r["action"])
        for r in await audit_rows(database_url)
        if r["outcome"] == "NOT_FOUND" and r["resource"] == item.name
    ]
    assert hidden == [
        (bureau, action)
        for bureau in ("eeb-360800", "eeb-360000", "eeb-360823")
        for action in ("GetEvidence", "GrantEvidenceAccess", "PlaceLegalHold")
    ]
    owner = evidence_service.metadata(uploader)
    assert [e.name for e in (await evidence_stub.ListEvidence(pb.ListEvidenceRequest(), metadata=owner)).evidence] == [
        item.name
    ]
    held = await evidence_stub.PlaceLegalHold(pb.PlaceLegalHoldRequest(name=item.name, reason="trial"), metadata=owner)
    assert held.evidence.legal_hold


async def test_a_bureau_granted_a_police_item_reads_it_but_may_not_share_or_hold_it(evidence_stub, evidence_service):
    item = await upload(evidence_stub, evidence_service, b"seizure list", agency=POLICE)
    await evidence_stub.GrantEvidenceAccess(grant_request(item.name, OWNER), metadata=evidence_service.metadata(POLICE))
    bureau = evidence_service.metadata(OWNER)
    assert (await evidence_stub.GetEvidence(pb.GetEvidenceRequest(name=item.name), metadata=bureau)).evidence.sha256
    listed = await evidence_stub.ListEvidence(pb.ListEvidenceRequest(), metadata=bureau)
    assert [e.name for e in listed.evidence] == [item.name]
    for call in (
        lambda: evidence_stub.GrantEvidenceAccess(grant_request(item.name, "proc-360800"), metadata=bureau),
        lambda: evidence_stub.PlaceLegalHold(pb.PlaceLegalHoldRequest(name=item.name, reason="case"), metadata=bureau),
    ):
        failure = await failure_of(call())
        assert (failure.code, failure.reason) == (grpc.StatusCode.PERMISSION_DENIED, "EVIDENCE_GRANTEE_CANNOT_SHARE")
    above = evidence_service.metadata("eeb-360000")
    assert (
        await failure_of(evidence_stub.GetEvidence(pb.GetEvidenceRequest(name=item.name), metadata=above))
    ).code == (grpc.StatusCode.NOT_FOUND)


async def test_rectification_material_of_an_enterprise_is_seen_by_the_bureaus_of_its_region(
    evidence_stub, evidence_service
):
    item = await upload(evidence_stub, evidence_service, b"after photo", agency="ent-360823-chem")
    for bureau, visible in (("eeb-360823", True), ("eeb-360800", True), ("eeb-360300", False)):
        call = evidence_stub.GetEvidence(
            pb.GetEvidenceRequest(name=item.name), metadata=evidence_service.metadata(bureau)
        )
        if visible:
            assert (await call).evidence.sha256 == item.sha256
        else:
            assert (await failure_of(call)).code == grpc.StatusCode.NOT_FOUND


async def test_delete_during_retention_is_refused_and_audited(evidence_stub, evidence_service, database_url):
    item = await upload(evidence_stub, evidence_service, b"document")
    failure = await failure_of(
        evidence_stub.DeleteEvidence(
            pb.DeleteEvidenceRequest(name=item.name), metadata=evidence_service.metadata(OWNER)
        )
    )
    assert (failure.code, failure.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "EVIDENCE_RETENTION_ACTIVE")
    assert (await audit_rows(database_url))[-1]["outcome"] == "FAILED_PRECONDITION"
    assert (await custody_actions(evidence_stub, evidence_service, item.name))[-1] == "DELETE_REFUSED"


async def test_legal_hold_is_placed_on_the_stored_object_and_released(
    evidence_stub, evidence_service, evidence_settings, s3_endpoint
):
    item = await upload(evidence_stub, evidence_service, b"held photo")
    owner = evidence_service.metadata(OWNER)
    held = await evidence_stub.PlaceLegalHold(pb.PlaceLegalHoldRequest(name=item.name, reason="court"), metadata=owner)
    assert held.evidence.legal_hold
    deletion = await failure_of(evidence_stub.DeleteEvidence(pb.DeleteEvidenceRequest(name=item.name), metadata=owner))
    assert deletion.reason == "EVIDENCE_ON_LEGAL_HOLD"
    if evidence_settings:
        client, key = s3_endpoint.client(), f"sha256/{item.sha256[:2]}/{item.sha256}"
        assert client.is_object_legal_hold_enabled(evidence_settings["s3_bucket"], key)
    released = await evidence_stub.ReleaseLegalHold(
        pb.ReleaseLegalHoldRequest(name=item.name, reason="closed"), metadata=owner
    )
    assert not released.evidence.legal_hold
    if evidence_settings:
        assert not client.is_object_legal_hold_enabled(evidence_settings["s3_bucket"], key)


async def test_download_url_serves_the_bytes_and_is_a_custody_event(evidence_stub, evidence_service, evidence_settings):
    data = b"monitoring export,SO2,35.2"
    item = await upload(evidence_stub, evidence_service, data)
    issued = await evidence_stub.CreateDownloadUrl(
        pb.CreateDownloadUrlRequest(name=item.name, ttl_minutes=5), metadata=evidence_service.metadata(OWNER)
    )
    assert await asyncio.to_thread(fetch, issued.url) == data
    assert (await custody_actions(evidence_stub, evidence_service, item.name))[-1] == "URL_ISSUED"
    hidden = await failure_of(
        evidence_stub.CreateDownloadUrl(
            pb.CreateDownloadUrlRequest(name=item.name), metadata=evidence_service.metadata(POLICE)
        )
    )
    assert hidden.code == grpc.StatusCode.NOT_FOUND


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url) as response:  # noqa: S310 - a presigned http(s) or file URL we issued
        return response.read()


async def test_custody_chain_verifies(evidence_stub, evidence_service):
    item = await upload(evidence_stub, evidence_service, b"chain")
    await evidence_stub.GetEvidence(pb.GetEvidenceRequest(name=item.name), metadata=evidence_service.metadata(OWNER))
    report = await evidence_stub.VerifyCustodyChain(
        pb.VerifyCustodyChainRequest(name=item.name), metadata=evidence_service.metadata(OWNER)
    )
    assert (report.intact, report.events_checked) == (True, 2)


async def test_list_filters_by_subject_and_pages_newest_first(evidence_stub, evidence_service):
    names = [
        (await upload(evidence_stub, evidence_service, f"item {i}".encode(), subject="cases/c-7")).name
        for i in range(5)
    ]
    await upload(evidence_stub, evidence_service, b"other case", subject="cases/c-8")
    seen, token = [], ""
    while True:
        page = await evidence_stub.ListEvidence(
            pb.ListEvidenceRequest(subject="cases/c-7", page_size=2, page_token=token),
            metadata=evidence_service.metadata(OWNER),
        )
        seen += [e.name for e in page.evidence]
        token = page.next_page_token
        if not token:
            break
    assert seen == list(reversed(names))
