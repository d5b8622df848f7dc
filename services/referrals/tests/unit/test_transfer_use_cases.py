"""The transfer use cases against an in-memory unit of work (cosmicpython's move): the report takes a gap-free number
and opens the head's deadline; the send hands every item over or none; the head is checked; a refusal writes nothing
but its audit row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ecolink_common.clock import FakeClock
from ecolink_common.errors import FailedPrecondition, InvalidArgument
from ecolink_referrals.domain.deadlines import Duty, TransferPeriods
from ecolink_referrals.domain.lifecycle import TransferKind, TransferState
from ecolink_referrals.domain.transfer import Person
from ecolink_referrals.service_layer.transfer_reporting import HeadApproval, ReportTransfer, report_transfer
from ecolink_referrals.service_layer.transfer_sending import Sending
from ecolink_referrals.service_layer.transfer_steps import StepContext, StepDetails

from .fakes import FakeDossiers, FakeEvidence, FakeReferralsUnitOfWork, KeySigner, dossier

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
CASE = "cases/7"
ITEMS = ("evidence/a", "evidence/b", "evidence/c")


@pytest.fixture
def uow() -> FakeReferralsUnitOfWork:
    return FakeReferralsUnitOfWork(FakeClock(NOW))


def context() -> StepContext:
    return StepContext(periods=TransferPeriods(), signer=KeySigner(Ed25519PrivateKey.generate()))


def command(*, approve: bool, officers: tuple[str, ...] = ("off-341323-01", "off-341323-02")) -> ReportTransfer:
    return ReportTransfer(
        case=CASE,
        police_agency_id="psb-341300",
        kind=TransferKind.CRIMINAL,
        facts="篡改自动监控数据",
        suspected_offence="破坏计算机信息系统罪",
        persons=(Person("张某", "legal representative"),),
        details=StepDetails(officer_ids=officers),
        approval=HeadApproval("off-341323-09", "同意") if approve else None,
    )


async def test_a_report_is_numbered_and_owes_the_heads_decision(uow):
    sending = Sending(FakeDossiers({CASE: dossier(CASE, *ITEMS)}), FakeEvidence(), grant_days=30)
    county = uow.agencies.principal("eeb-341323")
    view = await report_transfer(uow, county, command(approve=False), sending, context())
    assert (view.transfer.number, view.transfer.state) == ("灵环移[2026]1号", TransferState.REPORTED)
    assert view.transfer.procuratorate_agency_id == "proc-341300"
    assert [(d.duty, d.owed_by_agency_id) for d in view.deadlines] == [(Duty.HEAD_DECISION, "eeb-341323")]


async def test_the_send_hands_every_item_over(uow):
    evidence = FakeEvidence()
    sending = Sending(FakeDossiers({CASE: dossier(CASE, *ITEMS)}), evidence, grant_days=30)
    view = await report_transfer(uow, uow.agencies.principal("eeb-341323"), command(approve=True), sending, context())
    assert view.transfer.state is TransferState.SENT and view.transfer.approver_officer_id == "off-341323-09"
    assert [item.evidence for item in view.transfer.evidence] == list(ITEMS)
    assert evidence.held == set(ITEMS) and len(evidence.live_grants()) == 3
    assert [r.kind for r in await uow.transfers.records(view.transfer.transfer_id)] == [
        "TransferCase",
        "ApproveTransfer",
    ]


async def test_an_item_that_cannot_go_undoes_the_others_and_nothing_is_sent(uow):
    evidence = FakeEvidence(refuse="evidence/b")
    sending = Sending(FakeDossiers({CASE: dossier(CASE, *ITEMS)}), evidence, grant_days=30)
    with pytest.raises(FailedPrecondition) as refused:
        await report_transfer(uow, uow.agencies.principal("eeb-341323"), command(approve=True), sending, context())
    assert refused.value.reason == "TRANSFER_EVIDENCE_HANDOVER_FAILED"
    assert refused.value.metadata["evidence"] == "evidence/b"
    assert evidence.live_grants() == set() and evidence.held == set()
    assert [t.state for t in uow.transfers.rows.values()] == [TransferState.REPORTED]


async def test_one_officer_does_not_make_a_report(uow):
    sending = Sending(FakeDossiers({CASE: dossier(CASE, *ITEMS)}), FakeEvidence(), grant_days=30)
    with pytest.raises(InvalidArgument):
        await report_transfer(
            uow,
            uow.agencies.principal("eeb-341323"),
            command(approve=False, officers=("off-341323-01",)),
            sending,
            context(),
        )
    assert uow.transfers.rows == {}
