"""Uploads larger than one S3 part: staged on disk, or streamed to the store when the client declared the hash."""

from __future__ import annotations

import asyncio
import hashlib
import os

import grpc
import pytest

from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import prepared_service
from ecolink_common.testing.rpc import rpc_failure
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_evidence.testing import (
    description,
    download_all,
    stored_object_count,
    upload_broken_off,
    upload_chunks,
)
from ecolink_evidence.upload_messages import chunked

OWNER = "eeb-360800"
PART_BYTES = 5 * 1024 * 1024  # the smallest part S3 accepts
LARGE = 2 * PART_BYTES + 12345  # three parts


@pytest.fixture
async def service(platform, database_url, evidence_settings):
    running = await prepared_service(
        EVIDENCE, platform, database_url, multipart_part_bytes=PART_BYTES, **evidence_settings
    )
    yield running
    await running.running.stop()


@pytest.fixture
async def stub(service):
    async with stubs(service, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
        yield stub


@pytest.fixture
def objects_stored(service, evidence_settings, s3_endpoint):
    return lambda: stored_object_count(service, evidence_settings, s3_endpoint)


async def upload(stub, service, data: bytes, **overrides):
    return await upload_chunks(stub, chunked(data), service.metadata(OWNER), size=len(data), **overrides)


async def listed(stub, service) -> list:
    return list((await stub.ListEvidence(pb.ListEvidenceRequest(), metadata=service.metadata(OWNER))).evidence)


async def test_a_large_upload_without_a_declared_hash_is_staged_and_comes_back_identical(stub, service):
    data = os.urandom(LARGE)
    item = await upload(stub, service, data)
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert await download_all(stub, item.name, service.metadata(OWNER)) == data


async def test_a_large_upload_with_a_declared_hash_streams_to_the_store_and_comes_back_identical(stub, service):
    data = os.urandom(LARGE)
    item = await upload(stub, service, data, client_sha256=hashlib.sha256(data).hexdigest())
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert await download_all(stub, item.name, service.metadata(OWNER)) == data


async def test_a_streamed_upload_whose_bytes_differ_from_the_declared_hash_leaves_nothing(
    stub, service, objects_stored
):
    data = os.urandom(LARGE)
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await upload(stub, service, data, client_sha256=hashlib.sha256(b"other bytes").hexdigest())
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.reason) == (grpc.StatusCode.INVALID_ARGUMENT, "EVIDENCE_HASH_MISMATCH")
    assert await listed(stub, service) == [] and objects_stored() == 0


async def test_a_streamed_upload_that_breaks_off_leaves_nothing(stub, service, objects_stored):
    data = os.urandom(LARGE)

    described = description(size_bytes=len(data), client_sha256=hashlib.sha256(data).hexdigest())
    part_and_a_byte = chunked(data[: PART_BYTES + 1])
    await upload_broken_off(stub, described, part_and_a_byte, service.metadata(OWNER), after_seconds=1.0)
    await asyncio.sleep(0.5)
    assert await listed(stub, service) == [] and objects_stored() == 0


async def test_equal_bytes_uploaded_twice_are_one_stored_object(stub, service, objects_stored):
    data = os.urandom(LARGE)
    first = await upload(stub, service, data)
    second = await upload(stub, service, data, client_sha256=hashlib.sha256(data).hexdigest())
    assert first.name != second.name and first.sha256 == second.sha256
    assert objects_stored() == 1
