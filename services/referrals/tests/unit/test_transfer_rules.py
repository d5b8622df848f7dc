"""The pure rules of a transfer: which party takes which step from which state, the regulation's periods counted as
the law counts days, and the signed record chain verified offline."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ecolink_common.signed_records import key_fingerprint, sign_record
from ecolink_referrals.domain.deadlines import Duty, TransferPeriods, duties_met, duties_opened, end_of_days_after
from ecolink_referrals.domain.lifecycle import Step, StepRefused, TransferKind, TransferState, next_state
from ecolink_referrals.domain.record_chain import (
    GENESIS,
    Actor,
    ExportedRecord,
    body_sha256,
    export_document,
    record_body,
    verify_record_set,
)
from ecolink_referrals.domain.transfer import transfer_number

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # 18:00 on 2026-11-20 in China


def test_the_police_decide_only_on_a_transfer_they_received():
    assert next_state(TransferState.RECEIVED, Step.FILE, TransferKind.CRIMINAL) is TransferState.FILED
    with pytest.raises(StepRefused) as refused:
        next_state(TransferState.SENT, Step.FILE, TransferKind.CRIMINAL)
    assert refused.value.reason == "TRANSFER_TRANSITION_NOT_ALLOWED"
    assert refused.value.facts == {"from": "sent", "step": "FileCriminalCase"}


def test_a_detention_transfer_is_not_prosecuted():
    with pytest.raises(StepRefused) as refused:
        next_state(TransferState.FILED, Step.PROSECUTE, TransferKind.DETENTION)
    assert refused.value.reason == "TRANSFER_STEP_NOT_FOR_KIND"


def test_three_days_run_from_the_day_after_to_midnight_in_china():
    assert end_of_days_after(AT, 3) == datetime(2026, 11, 23, 16, 0, tzinfo=UTC)  # 24:00 on the 23rd in China


def test_receipt_opens_the_filing_decision_and_a_decision_meets_it():
    opened = duties_opened(Step.RECEIVE, AT, TransferPeriods())
    assert [(d.duty, d.basis) for d in opened] == [(Duty.FILING_DECISION, "regulation art. 8")]
    assert Duty.FILING_DECISION in duties_met(Step.DECLINE)
    assert [d.duty for d in duties_opened(Step.DECLINE, AT, TransferPeriods())] == [Duty.RECONSIDERATION_WINDOW]


def test_transfer_numbers_follow_the_bureaus_prefix():
    assert transfer_number("吉环", 2026, 3) == "吉环移[2026]3号"


def _chain(key: Ed25519PrivateKey, kinds: list[str]) -> list[ExportedRecord]:
    records: list[ExportedRecord] = []
    previous = GENESIS
    for seq, kind in enumerate(kinds, start=1):
        body = record_body(
            transfer="transfers/1",
            number="灵环移[2026]1号",
            seq=seq,
            kind=kind,
            at=AT,
            actor=Actor("eeb-341323", ("off-341323-01",), "token"),
            previous_sha256=previous,
            content={"step": kind},
        )
        raw, signature = sign_record(body, key)
        records.append(
            ExportedRecord(f"transfers/1/records/{seq}", kind, raw, signature, key_fingerprint(key.public_key()))
        )
        previous = body_sha256(raw)
    return records


def test_the_record_set_verifies_and_names_a_removed_record():
    key = Ed25519PrivateKey.generate()
    records = _chain(key, ["TransferCase", "ApproveTransfer", "ReceiveTransfer"])
    assert verify_record_set(export_document("transfers/1", records, b"pem"), key.public_key()).valid
    gapped = export_document("transfers/1", [records[0], records[2]], b"pem")
    problems = verify_record_set(gapped, key.public_key()).problems
    assert problems and problems[0].startswith("transfers/1/records/3: out of place")
    other = Ed25519PrivateKey.generate()
    assert not verify_record_set(export_document("transfers/1", records, b"pem"), other.public_key()).valid
