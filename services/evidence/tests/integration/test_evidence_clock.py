"""Evidence deadlines read the service's clock: a grant ends when the clock passes its expiry, and every custody link
carries the clock's time (tested by moving a fake clock, never by waiting)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import grpc
import pytest

from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink_common.clock import FakeClock
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import prepared_service
from ecolink_common.testing.rpc import rpc_failure
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_evidence.testing import upload_chunks

OWNER, POLICE = "eeb-360800", "psb-360800"
UPLOADED_AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(UPLOADED_AT)


@pytest.fixture
async def stub(platform, database_url, clock) -> AsyncIterator[evidence_service_pb2_grpc.EvidenceServiceStub]:
    service = await prepared_service(EVIDENCE, platform, database_url, clock=clock)
    async with stubs(service, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
        yield stub, service
    await service.running.stop()


async def test_a_grant_ends_when_the_clock_passes_its_expiry_and_the_chain_carries_the_clocks_times(stub, clock):
    evidence, service = stub
    owner, police = service.metadata(OWNER), service.metadata(POLICE)
    item = await upload_chunks(evidence, [b"stack photo"], owner, size=11)
    assert item.create_time.ToDatetime(tzinfo=UTC) == UPLOADED_AT
    expiry = UPLOADED_AT + timedelta(days=30)
    grant = pb.GrantEvidenceAccessRequest(
        name=item.name,
        grantee_agency_id=POLICE,
        purpose="移送 吉环移[2026]3号",
        expire_time=timestamp_from_datetime(expiry),
    )
    clock.advance(timedelta(hours=1))
    await evidence.GrantEvidenceAccess(grant, metadata=owner)
    clock.set(expiry - timedelta(seconds=1))
    assert (
        await evidence.GetEvidence(pb.GetEvidenceRequest(name=item.name), metadata=police)
    ).evidence.name == item.name
    clock.set(expiry)
    with pytest.raises(grpc.aio.AioRpcError) as ended:
        await evidence.GetEvidence(pb.GetEvidenceRequest(name=item.name), metadata=police)
    assert rpc_failure(ended.value).code == grpc.StatusCode.NOT_FOUND
    chain = await evidence.ListCustodyEvents(pb.ListCustodyEventsRequest(name=item.name), metadata=owner)
    assert [event.occur_time.ToDatetime(tzinfo=UTC) for event in chain.events] == [
        UPLOADED_AT,
        UPLOADED_AT + timedelta(hours=1),
        expiry - timedelta(seconds=1),
        expiry,
    ]


async def test_a_grant_expiring_before_the_clocks_now_is_refused(stub, clock):
    evidence, service = stub
    item = await upload_chunks(evidence, [b"x"], service.metadata(OWNER), size=1)
    clock.advance(timedelta(days=400))
    grant = pb.GrantEvidenceAccessRequest(
        name=item.name,
        grantee_agency_id=POLICE,
        purpose="移送",
        expire_time=timestamp_from_datetime(UPLOADED_AT + timedelta(days=399)),
    )
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await evidence.GrantEvidenceAccess(grant, metadata=service.metadata(OWNER))
    assert rpc_failure(refused.value).fields == ["expire_time"]
