"""TransferService through real servers (issue 13): the Lingbi county bureau transfers its case to the Suzhou police
with three evidence items; the police receive it, see every item and file a criminal case; the procuratorate sees it,
another city's police does not; deadlines run on the fake clock; the signed records verify offline."""

from __future__ import annotations

import json
from datetime import timedelta

import grpc
import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from ecolink.evidence.v1 import evidence_service_pb2
from ecolink.referrals.v1 import transfer_pb2, transfer_service_pb2
from ecolink_cases.testing import COUNTY_OFFICERS
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_referrals.domain.record_chain import ExportedRecord, export_document, verify_record_set
from ecolink_referrals.testing import (
    COUNTY,
    HEAD,
    OTHER_POLICE,
    POLICE,
    PROCURATORATE,
    police_details,
    refused,
    transfer_request,
)


@pytest.fixture
def evidence_beside(evidence_on_s3):
    """These walks keep their evidence on the S3 server (the MinIO code path)."""
    return evidence_on_s3


async def test_a_case_goes_to_the_police_with_its_evidence_and_they_file_a_criminal_case(
    walk, investigated_case, evidence, evidence_beside, transfers, referrals_service, database_url
):
    names = await investigated_case(walk, evidence, evidence_beside)
    county = referrals_service.metadata(COUNTY)
    sent = (await transfers.TransferCase(transfer_request(walk.name), metadata=county)).transfer
    assert sent.state == transfer_pb2.TRANSFER_STATE_SENT
    assert sent.number == "灵环移[2026]1号"
    assert (sent.bureau_agency_id, sent.police_agency_id, sent.procuratorate_agency_id) == (
        COUNTY,
        POLICE,
        PROCURATORATE,
    )
    assert [item.evidence for item in sent.evidence] == names
    assert all(item.grant_id and item.hold_placed for item in sent.evidence)
    assert [step.step for step in sent.timeline] == ["TransferCase", "ApproveTransfer"]
    police = evidence_beside.metadata(POLICE)
    for item in sent.evidence:
        shown = (
            await evidence.GetEvidence(evidence_service_pb2.GetEvidenceRequest(name=item.evidence), metadata=police)
        ).evidence
        assert shown.sha256 == item.sha256 and shown.legal_hold

    as_police = referrals_service.metadata(POLICE)
    received = (
        await transfers.ReceiveTransfer(
            transfer_service_pb2.ReceiveTransferRequest(name=sent.name, etag=sent.etag, details=police_details()),
            metadata=as_police,
        )
    ).transfer
    filing = [d for d in received.deadlines if d.duty == "filing_decision"]
    assert filing and filing[0].owed_by_agency_id == POLICE and not filing[0].overdue
    filed = (
        await transfers.FileCriminalCase(
            transfer_service_pb2.FileCriminalCaseRequest(
                name=sent.name, etag=received.etag, police_case_number="宿公立字[2026]88号", details=police_details()
            ),
            metadata=as_police,
        )
    ).transfer
    assert filed.state == transfer_pb2.TRANSFER_STATE_FILED and filed.police_case_number == "宿公立字[2026]88号"
    assert all(d.met_time.seconds for d in filed.deadlines if d.duty == "filing_decision")

    seen = (
        await transfers.GetTransfer(
            transfer_service_pb2.GetTransferRequest(name=sent.name), metadata=referrals_service.metadata(PROCURATORATE)
        )
    ).transfer
    assert seen.state == transfer_pb2.TRANSFER_STATE_FILED
    hidden = await refused(
        transfers.GetTransfer(
            transfer_service_pb2.GetTransferRequest(name=sent.name), metadata=referrals_service.metadata(OTHER_POLICE)
        )
    )
    assert hidden.code is grpc.StatusCode.NOT_FOUND
    rows = await audit_rows(database_url)
    assert any(row["actor_agency_id"] == OTHER_POLICE and row["outcome"] == "NOT_FOUND" for row in rows)

    records = await transfers.ListTransferRecords(
        transfer_service_pb2.ListTransferRecordsRequest(name=sent.name), metadata=county
    )
    assert [r.kind for r in records.records] == [
        "TransferCase",
        "ApproveTransfer",
        "ReceiveTransfer",
        "FileCriminalCase",
    ]
    manifest = json.loads(records.records[1].body)
    assert [e["sha256"] for e in manifest["content"]["evidence"]] == [item.sha256 for item in sent.evidence]
    exported = export_document(
        sent.name,
        [ExportedRecord(r.name, r.kind, r.body, r.signature, r.key_sha256) for r in records.records],
        records.public_key_pem,
    )
    key = load_pem_public_key(records.public_key_pem)
    assert verify_record_set(exported, key).valid
    exported["records"][2]["body"] = exported["records"][2]["body"].replace("ReceiveTransfer", "ReceiveTransfeR", 1)
    report_of_change = verify_record_set(exported, key)
    assert not report_of_change.valid and report_of_change.problems[0].startswith(f"{sent.name}/records/3:")


async def test_a_refusal_runs_through_reconsideration_and_supervision_and_silence_is_overdue(
    walk, investigated_case, evidence, evidence_beside, transfers, referrals_service, clock
):
    await investigated_case(walk, evidence, evidence_beside)
    sent = (
        await transfers.TransferCase(transfer_request(walk.name), metadata=referrals_service.metadata(COUNTY))
    ).transfer
    as_police = referrals_service.metadata(POLICE)
    received = (
        await transfers.ReceiveTransfer(
            transfer_service_pb2.ReceiveTransferRequest(name=sent.name, details=police_details()), metadata=as_police
        )
    ).transfer
    clock.advance(timedelta(days=4))
    due = await transfers.ListTransferDueActions(
        transfer_service_pb2.ListTransferDueActionsRequest(), metadata=referrals_service.metadata(PROCURATORATE)
    )
    assert [(a.deadline.duty, a.deadline.overdue) for a in due.actions] == [("filing_decision", True)]
    declined = (
        await transfers.DeclineToFile(
            transfer_service_pb2.DeclineToFileRequest(
                name=sent.name, etag=received.etag, details=police_details("犯罪事实显著轻微 facts trivially minor")
            ),
            metadata=as_police,
        )
    ).transfer
    assert declined.state == transfer_pb2.TRANSFER_STATE_DECLINED
    county = referrals_service.metadata(COUNTY)
    reconsidering = (
        await transfers.RequestReconsideration(
            transfer_service_pb2.RequestReconsiderationRequest(
                name=sent.name,
                details=transfer_service_pb2.TransferStepDetails(
                    officer_ids=[COUNTY_OFFICERS[0]], note="数据造假 证据充分"
                ),
            ),
            metadata=county,
        )
    ).transfer
    assert reconsidering.state == transfer_pb2.TRANSFER_STATE_RECONSIDERING
    upheld = (
        await transfers.DecideReconsideration(
            transfer_service_pb2.DecideReconsiderationRequest(
                name=sent.name, file=False, details=police_details("维持")
            ),
            metadata=as_police,
        )
    ).transfer
    assert upheld.state == transfer_pb2.TRANSFER_STATE_DECLINE_UPHELD
    procuratorate = referrals_service.metadata(PROCURATORATE)
    opened = (
        await transfers.OpenSupervision(
            transfer_service_pb2.OpenSupervisionRequest(
                name=sent.name,
                details=transfer_service_pb2.TransferStepDetails(
                    officer_ids=["pro-341300-01"], note="要求说明不立案理由"
                ),
            ),
            metadata=procuratorate,
        )
    ).transfer
    assert opened.supervisions[0].answer_due_time.seconds > 0
    await transfers.AnswerSupervision(
        transfer_service_pb2.AnswerSupervisionRequest(name=sent.name, details=police_details("理由如下")),
        metadata=as_police,
    )
    await transfers.CloseSupervision(
        transfer_service_pb2.CloseSupervisionRequest(
            name=sent.name,
            outcome="通知立案 police notified to file",
            details=transfer_service_pb2.TransferStepDetails(officer_ids=["pro-341300-01"]),
        ),
        metadata=procuratorate,
    )
    reversed_ = (
        await transfers.ReverseTransfer(
            transfer_service_pb2.ReverseTransferRequest(name=sent.name, details=police_details("移回行政处罚")),
            metadata=as_police,
        )
    ).transfer
    assert reversed_.state == transfer_pb2.TRANSFER_STATE_REVERSED
    assert reversed_.supervisions[0].outcome.startswith("通知立案")


async def test_refusals_name_their_rule_and_write_nothing(
    walk, investigated_case, evidence, evidence_beside, transfers, referrals_service
):
    await investigated_case(walk, evidence, evidence_beside)
    county = referrals_service.metadata(COUNTY)
    not_police = await refused(
        transfers.TransferCase(transfer_request(walk.name, police=PROCURATORATE), metadata=county)
    )
    assert (not_police.code, not_police.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "TRANSFER_NOT_TO_POLICE")
    one_officer = await refused(
        transfers.TransferCase(transfer_request(walk.name, officers=COUNTY_OFFICERS[:1]), metadata=county)
    )
    assert one_officer.code is grpc.StatusCode.INVALID_ARGUMENT
    reported = (
        await transfers.TransferCase(transfer_request(walk.name, approve=False, request_id="r-1"), metadata=county)
    ).transfer
    assert reported.state == transfer_pb2.TRANSFER_STATE_REPORTED and reported.number == "灵环移[2026]1号"
    # Art. 5: a report the head has not approved is not the police's to read.
    unsent = await refused(
        transfers.GetTransfer(
            transfer_service_pb2.GetTransferRequest(name=reported.name), metadata=referrals_service.metadata(POLICE)
        )
    )
    assert unsent.code is grpc.StatusCode.NOT_FOUND
    polled = await transfers.ListTransfers(
        transfer_service_pb2.ListTransfersRequest(), metadata=referrals_service.metadata(POLICE)
    )
    assert list(polled.transfers) == []
    again = (
        await transfers.TransferCase(transfer_request(walk.name, approve=False, request_id="r-1"), metadata=county)
    ).transfer
    assert again.name == reported.name
    reporter = await refused(
        transfers.ApproveTransfer(
            transfer_service_pb2.ApproveTransferRequest(
                name=reported.name,
                approved=True,
                approval=transfer_service_pb2.TransferApproval(approver_officer_id=COUNTY_OFFICERS[0]),
            ),
            metadata=county,
        )
    )
    assert (reporter.code, reporter.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "TRANSFER_APPROVER_NOT_HEAD")
    await transfers.ApproveTransfer(
        transfer_service_pb2.ApproveTransferRequest(
            name=reported.name, approved=True, approval=transfer_service_pb2.TransferApproval(approver_officer_id=HEAD)
        ),
        metadata=county,
    )
    early = await refused(
        transfers.FileCriminalCase(
            transfer_service_pb2.FileCriminalCaseRequest(
                name=reported.name, police_case_number="x", details=police_details()
            ),
            metadata=referrals_service.metadata(POLICE),
        )
    )
    assert (early.code, early.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "TRANSFER_TRANSITION_NOT_ALLOWED")


async def test_with_the_evidence_service_down_nothing_is_sent_and_a_retry_sends_it(
    walk, investigated_case, evidence, evidence_beside, transfers, referrals_service
):
    await investigated_case(walk, evidence, evidence_beside)
    await evidence_beside.running.stop()
    county = referrals_service.metadata(COUNTY)
    down = await refused(transfers.TransferCase(transfer_request(walk.name, request_id="send-1"), metadata=county))
    assert down.code is grpc.StatusCode.UNAVAILABLE
    listed = await transfers.ListTransfers(transfer_service_pb2.ListTransfersRequest(), metadata=county)
    assert [(t.state, len(t.evidence)) for t in listed.transfers] == [(transfer_pb2.TRANSFER_STATE_REPORTED, 0)]


async def test_a_polling_police_system_sees_each_change_once(
    walk, investigated_case, evidence, evidence_beside, transfers, referrals_service
):
    await investigated_case(walk, evidence, evidence_beside)
    await transfers.TransferCase(transfer_request(walk.name), metadata=referrals_service.metadata(COUNTY))
    as_police = referrals_service.metadata(POLICE)
    first = await transfers.ListTransfers(transfer_service_pb2.ListTransfersRequest(), metadata=as_police)
    assert len(first.transfers) == 1
    nothing = await transfers.ListTransfers(
        transfer_service_pb2.ListTransfersRequest(since_watermark=first.watermark), metadata=as_police
    )
    assert not nothing.transfers and nothing.watermark == first.watermark
    await transfers.ReceiveTransfer(
        transfer_service_pb2.ReceiveTransferRequest(name=first.transfers[0].name, details=police_details()),
        metadata=as_police,
    )
    changed = await transfers.ListTransfers(
        transfer_service_pb2.ListTransfersRequest(since_watermark=first.watermark), metadata=as_police
    )
    assert [t.state for t in changed.transfers] == [transfer_pb2.TRANSFER_STATE_RECEIVED]
    other = await transfers.ListTransfers(
        transfer_service_pb2.ListTransfersRequest(), metadata=referrals_service.metadata(OTHER_POLICE)
    )
    assert not other.transfers


async def test_a_detention_transfer_counts_in_the_bureaus_figures(
    walk, investigated_case, evidence, evidence_beside, transfers, referrals_service
):
    await investigated_case(walk, evidence, evidence_beside)
    request = transfer_request(walk.name, kind=transfer_pb2.TRANSFER_KIND_DETENTION)
    sent = (await transfers.TransferCase(request, metadata=referrals_service.metadata(COUNTY))).transfer
    as_police = referrals_service.metadata(POLICE)
    await transfers.ReceiveTransfer(
        transfer_service_pb2.ReceiveTransferRequest(name=sent.name, details=police_details()), metadata=as_police
    )
    no_days = await refused(
        transfers.FileCriminalCase(
            transfer_service_pb2.FileCriminalCaseRequest(name=sent.name, details=police_details()), metadata=as_police
        )
    )
    assert no_days.code is grpc.StatusCode.INVALID_ARGUMENT
    detained = (
        await transfers.FileCriminalCase(
            transfer_service_pb2.FileCriminalCaseRequest(
                name=sent.name, detention_days=10, persons_held=1, details=police_details()
            ),
            metadata=as_police,
        )
    ).transfer
    assert (detained.state, detained.outcome, detained.persons_held) == (
        transfer_pb2.TRANSFER_STATE_FILED,
        "detained 10 days",
        1,
    )
    query = transfer_service_pb2.GetTransferStatisticsRequest(agency_id=COUNTY, year=2026)
    for reader in (COUNTY, "eeb-341300", PROCURATORATE):
        figures = await transfers.GetTransferStatistics(query, metadata=referrals_service.metadata(reader))
        assert (figures.detention_transfers, figures.persons_transferred, figures.persons_detained) == (1, 1, 1)
        assert (figures.criminal_transfers, figures.filed_cases) == (0, 0)
    hidden = await refused(transfers.GetTransferStatistics(query, metadata=referrals_service.metadata(OTHER_POLICE)))
    assert hidden.code is grpc.StatusCode.NOT_FOUND


async def test_a_filed_transfer_runs_to_its_judgment_as_the_lingbi_case_did(
    walk, investigated_case, evidence, evidence_beside, transfers, referrals_service
):
    """The seed's Lingbi case: the county court sentenced two persons on 2023-09-12 for damaging a computer
    information system (issue 13 item 4)."""
    await investigated_case(walk, evidence, evidence_beside)
    sent = (
        await transfers.TransferCase(transfer_request(walk.name), metadata=referrals_service.metadata(COUNTY))
    ).transfer
    as_police = referrals_service.metadata(POLICE)
    await transfers.ReceiveTransfer(
        transfer_service_pb2.ReceiveTransferRequest(name=sent.name, details=police_details()), metadata=as_police
    )
    await transfers.FileCriminalCase(
        transfer_service_pb2.FileCriminalCaseRequest(
            name=sent.name, police_case_number="宿公立字[2023]7号", details=police_details()
        ),
        metadata=as_police,
    )
    as_procuratorate = referrals_service.metadata(PROCURATORATE, officer_id="pro-341300-01")
    prosecuted = (
        await transfers.RecordProsecution(
            transfer_service_pb2.RecordProsecutionRequest(
                name=sent.name,
                prosecuted=True,
                details=transfer_service_pb2.TransferStepDetails(note="提起公诉 prosecuted at the county court"),
            ),
            metadata=as_procuratorate,
        )
    ).transfer
    assert (prosecuted.state, prosecuted.outcome) == (
        transfer_pb2.TRANSFER_STATE_PROSECUTION_DECIDED,
        "提起公诉 prosecuted at the county court",
    )
    sentence = "二人犯破坏计算机信息系统罪，分别判处有期徒刑十个月、有期徒刑七个月缓刑一年"
    judgment = transfer_service_pb2.RecordJudgmentRequest(
        name=sent.name,
        judged_on="2023-09-12",
        court_agency_id=POLICE,
        details=transfer_service_pb2.TransferStepDetails(note=sentence),
    )
    not_a_court = await refused(transfers.RecordJudgment(judgment, metadata=as_procuratorate))
    assert (not_a_court.code, not_a_court.fields) == (grpc.StatusCode.INVALID_ARGUMENT, ["court_agency_id"])
    judgment.court_agency_id = "court-341323"
    judged = (await transfers.RecordJudgment(judgment, metadata=as_procuratorate)).transfer
    assert judged.state == transfer_pb2.TRANSFER_STATE_JUDGED
    assert judged.outcome == f"judged 2023-09-12 by court-341323: {sentence}"
    assert [step.step for step in judged.timeline][-2:] == ["Prosecute", "RecordJudgment"]
    seen = (
        await transfers.GetTransfer(transfer_service_pb2.GetTransferRequest(name=sent.name), metadata=as_police)
    ).transfer
    assert seen.state == transfer_pb2.TRANSFER_STATE_JUDGED
