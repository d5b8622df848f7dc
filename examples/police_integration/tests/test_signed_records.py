"""The client's own check of signed records agrees with the platform's signing: records made by the referrals
service's code verify, and a changed byte, a removed record, another key or a manifest of another version or agency
is refused naming the record."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ecolink_common.signed_records import key_fingerprint as platform_fingerprint
from ecolink_common.signed_records import sign_record
from ecolink_referrals.domain.record_chain import GENESIS, Actor, record_body
from police_integration.records import (
    Record,
    RecordProblem,
    key_fingerprint,
    latest_manifest,
    verify_records,
)
from police_integration.state import State, StateFile, StateLocked

TRANSFER = "transfers/7"
SHA = [hashlib.sha256(item).hexdigest() for item in (b"photo", b"record", b"cems")]
MANIFEST = {
    "manifest_version": 1,
    "police": "psb-341300",
    "facts": "篡改自动监控数据",
    "evidence": [{"evidence": f"evidence/ev-{n}", "sha256": sha, "grant_id": f"g-{n}"} for n, sha in enumerate(SHA)],
}


def chain(key: Ed25519PrivateKey, contents: list[tuple[str, dict]]) -> list[Record]:
    """Records as the referrals service signs them."""
    records, previous = [], GENESIS
    for seq, (kind, content) in enumerate(contents, start=1):
        body = record_body(
            transfer=TRANSFER,
            number="灵环移[2026]7号",
            seq=seq,
            kind=kind,
            at=datetime(2026, 11, 20, 10, seq, tzinfo=UTC),
            actor=Actor("eeb-341323", ("off-341323-01",), "bearer+mtls"),
            previous_sha256=previous,
            content=content,
        )
        raw, signature = sign_record(body, key)
        records.append(
            Record(f"{TRANSFER}/records/{seq}", kind, raw, signature, platform_fingerprint(key.public_key()))
        )
        previous = hashlib.sha256(raw).hexdigest()
    return records


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def records(key) -> list[Record]:
    return chain(key, [("TransferCase", {"facts": "…"}), ("ApproveTransfer", MANIFEST), ("ReceiveTransfer", {})])


def test_the_platforms_records_verify_and_the_manifest_lists_the_evidence(key, records):
    assert key_fingerprint(key.public_key()) == platform_fingerprint(key.public_key())
    bodies = verify_records(TRANSFER, records, key.public_key())
    manifest = latest_manifest(TRANSFER, bodies, police_agency_id="psb-341300", version=1)
    assert manifest.record == f"{TRANSFER}/records/2"
    assert [(i.evidence, i.sha256) for i in manifest.items] == [(f"evidence/ev-{n}", s) for n, s in enumerate(SHA)]


def test_a_changed_byte_is_named(key, records):
    altered = records[1].body.replace("篡改".encode(), "修改".encode())
    records[1] = replace(records[1], body=altered)
    with pytest.raises(RecordProblem, match=rf"^{TRANSFER}/records/2: the signature does not match"):
        verify_records(TRANSFER, records, key.public_key())


def test_a_removed_record_breaks_the_chain(key, records):
    with pytest.raises(RecordProblem, match=rf"^{TRANSFER}/records/3: out of place"):
        verify_records(TRANSFER, [records[0], records[2]], key.public_key())


def test_records_of_another_key_are_refused(records):
    other = Ed25519PrivateKey.generate().public_key()
    with pytest.raises(RecordProblem, match=r"records/1: signed by key .*, not the platform key"):
        verify_records(TRANSFER, records, other)


def test_a_manifest_of_another_version_or_agency_is_refused(key, records):
    bodies = verify_records(TRANSFER, records, key.public_key())
    with pytest.raises(RecordProblem, match="latest manifest is of version 1, the transfer is at version 2"):
        latest_manifest(TRANSFER, bodies, police_agency_id="psb-341300", version=2)
    with pytest.raises(RecordProblem, match="addressed to 'psb-341300'"):
        latest_manifest(TRANSFER, bodies, police_agency_id="psb-360800", version=1)


def test_an_evidence_name_that_could_leave_the_download_folder_is_refused(key):
    bad = MANIFEST | {"evidence": [{"evidence": "evidence/../../etc/passwd", "sha256": SHA[0]}]}
    records = chain(key, [("ApproveTransfer", bad)])
    bodies = verify_records(TRANSFER, records, key.public_key())
    with pytest.raises(RecordProblem, match=r"content.evidence\[0\] has no evidence name"):
        latest_manifest(TRANSFER, bodies, police_agency_id="psb-341300", version=1)


def test_the_state_file_survives_a_restart_and_admits_one_client(tmp_path):
    state_file = StateFile(tmp_path / "state.json")
    state_file.save(State(watermark=12, pending={"transfers/7": {"version": 1, "attempts": 0}}))
    assert state_file.load() == State(watermark=12, pending={"transfers/7": {"version": 1, "attempts": 0}})
    with state_file.locked(), pytest.raises(StateLocked), StateFile(tmp_path / "state.json").locked():
        pass
