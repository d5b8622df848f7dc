"""A transfer handed back for administrative penalty reaches the cases service through a real Celery worker (issue 13
item 6): the bureau gets a new clue about the same unit, linked to the transfer, once; the police lose their grants
on every item (item 2, revoked per policy, the custody chain showing it) while the holds stay; nobody but the
referrals service acting for the bureau records a hand-back."""

from __future__ import annotations

import uuid

import grpc

from ecolink.cases.v1 import case_pb2, case_service_pb2
from ecolink.evidence.v1 import evidence_pb2, evidence_service_pb2
from ecolink.referrals.v1 import transfer_service_pb2
from ecolink_common.celery_app import RELAY_OUTBOX, make_celery
from ecolink_common.testing.worker import running_worker, task_result
from ecolink_referrals.testing import COUNTY, POLICE, police_details, refused, transfer_request

RESULT_SECONDS = 60


async def test_a_declined_transfer_comes_back_to_the_bureau_as_a_clue(
    walk,
    investigated_case,
    cases,
    cases_service,
    evidence,
    evidence_beside,
    transfers,
    referrals_service,
    platform,
    database_url,
):
    names = await investigated_case(walk, evidence, evidence_beside)
    sent = (
        await transfers.TransferCase(transfer_request(walk.name), metadata=referrals_service.metadata(COUNTY))
    ).transfer
    as_police = referrals_service.metadata(POLICE)
    await transfers.ReceiveTransfer(
        transfer_service_pb2.ReceiveTransferRequest(name=sent.name, details=police_details()), metadata=as_police
    )
    await transfers.DeclineToFile(
        transfer_service_pb2.DeclineToFileRequest(name=sent.name, details=police_details("情节显著轻微")),
        metadata=as_police,
    )
    await transfers.ReverseTransfer(
        transfer_service_pb2.ReverseTransferRequest(
            name=sent.name, details=police_details("移回行政处罚 back for penalty")
        ),
        metadata=as_police,
    )
    env = {
        "ECOLINK_VAR_DIR": str(platform.var_dir),
        "REFERRALS_DATABASE_URL": database_url,
        "REFERRALS_CASES_TARGET": cases_service.target,
        "REFERRALS_EVIDENCE_TARGET": evidence_beside.target,
    }
    client = make_celery("ecolink-test-client", platform, include=[])
    queue = f"test-{uuid.uuid4().hex[:8]}"
    with running_worker(env, queue=queue):
        first = await task_result(client, RELAY_OUTBOX, queue=queue, timeout=RESULT_SECONDS, service="referrals")
        again = await task_result(client, RELAY_OUTBOX, queue=queue, timeout=RESULT_SECONDS, service="referrals")
    assert first["published"] >= 5 and again["published"] == 0
    listed = await cases.ListCases(case_service_pb2.ListCasesRequest(), metadata=cases_service.metadata(COUNTY))
    clues = [c for c in listed.cases if c.source == case_pb2.CLUE_SOURCE_POLICE_HAND_BACK]
    assert [(c.source_ref, c.state, c.unit) for c in clues] == [(sent.name, case_pb2.CASE_STATE_CLUE, walk.case.unit)]

    back = await transfers.GetTransfer(transfer_service_pb2.GetTransferRequest(name=sent.name), metadata=as_police)
    assert all(item.HasField("grant_revoke_time") and item.hold_placed for item in back.transfer.evidence)
    for name in names:
        request = evidence_service_pb2.GetEvidenceRequest(name=name)
        gone = await refused(evidence.GetEvidence(request, metadata=evidence_beside.metadata(POLICE)))
        assert gone.code is grpc.StatusCode.NOT_FOUND
        held = (await evidence.GetEvidence(request, metadata=evidence_beside.metadata(COUNTY))).evidence
        assert held.legal_hold
        chain = await evidence.ListCustodyEvents(
            evidence_service_pb2.ListCustodyEventsRequest(name=name, page_size=500),
            metadata=evidence_beside.metadata(COUNTY),
        )
        revoked = [e for e in chain.events if e.action == evidence_pb2.CUSTODY_ACTION_REVOKE]
        assert len(revoked) == 1 and revoked[0].actor_agency_id == COUNTY

    by_hand = await refused(
        cases.RecordHandBack(
            case_service_pb2.RecordHandBackRequest(name=walk.name, transfer=sent.name, reason="x"),
            metadata=cases_service.metadata(COUNTY),
        )
    )
    assert (by_hand.code, by_hand.reason) == (grpc.StatusCode.PERMISSION_DENIED, "CASE_HAND_BACK_BY_REFERRALS_ONLY")
