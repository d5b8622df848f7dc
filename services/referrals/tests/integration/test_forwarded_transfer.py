"""A police agency that is not competent forwards the transfer (regulation art. 7): the competent one receives it and,
once the worker has acted for the bureau, holds the grants on every item, while the first loses them and the
transfer."""

from __future__ import annotations

import uuid

import grpc

from ecolink.evidence.v1 import evidence_service_pb2
from ecolink.referrals.v1 import transfer_service_pb2
from ecolink_common.celery_app import RELAY_OUTBOX, make_celery
from ecolink_common.testing.worker import running_worker, task_result
from ecolink_referrals.testing import COUNTY, POLICE, police_details, refused, transfer_request

COUNTY_POLICE = "psb-341323"
RESULT_SECONDS = 60


async def test_the_evidence_follows_a_forwarded_transfer(
    walk, investigated_case, evidence, evidence_beside, transfers, referrals_service, platform, database_url
):
    names = await investigated_case(walk, evidence, evidence_beside)
    sent = (
        await transfers.TransferCase(transfer_request(walk.name), metadata=referrals_service.metadata(COUNTY))
    ).transfer
    as_police = referrals_service.metadata(POLICE)
    await transfers.ReceiveTransfer(
        transfer_service_pb2.ReceiveTransferRequest(name=sent.name, details=police_details()), metadata=as_police
    )
    forwarded = (
        await transfers.ForwardTransfer(
            transfer_service_pb2.ForwardTransferRequest(
                name=sent.name, police_agency_id=COUNTY_POLICE, details=police_details("属地管辖 local jurisdiction")
            ),
            metadata=as_police,
        )
    ).transfer
    assert forwarded.police_agency_id == COUNTY_POLICE
    env = {
        "ECOLINK_VAR_DIR": str(platform.var_dir),
        "REFERRALS_DATABASE_URL": database_url,
        "REFERRALS_EVIDENCE_TARGET": evidence_beside.target,
    }
    client = make_celery("ecolink-test-client", platform, include=[])
    queue = f"test-{uuid.uuid4().hex[:8]}"
    with running_worker(env, queue=queue):
        await task_result(client, RELAY_OUTBOX, queue=queue, timeout=RESULT_SECONDS, service="referrals")
    for name in names:
        request = evidence_service_pb2.GetEvidenceRequest(name=name)
        assert (await evidence.GetEvidence(request, metadata=evidence_beside.metadata(COUNTY_POLICE))).evidence.name
        gone = await refused(evidence.GetEvidence(request, metadata=evidence_beside.metadata(POLICE)))
        assert gone.code is grpc.StatusCode.NOT_FOUND
    county_police = referrals_service.metadata(COUNTY_POLICE, officer_id="pol-341323-01")
    received = (
        await transfers.ReceiveTransfer(
            transfer_service_pb2.ReceiveTransferRequest(name=sent.name), metadata=county_police
        )
    ).transfer
    assert received.police_agency_id == COUNTY_POLICE
    no_longer = await refused(
        transfers.GetTransfer(transfer_service_pb2.GetTransferRequest(name=sent.name), metadata=as_police)
    )
    assert no_longer.code is grpc.StatusCode.NOT_FOUND
