"""`chain_hash`: the seal of one audit row changes with every sealed field and nothing else."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest

from ecolink_common.audit import GENESIS_HASH, AuditEntry, chain_hash

ENTRY = AuditEntry(
    actor_agency_id="eeb-360800",
    action="CloseOutOrder",
    resource="orders/so-2026-0001",
    outcome="ok",
    reason="",
    details={"verified_by": "inspector-7", "photos": 2},
)
ROW = {
    "seq": 7,
    "occurred_at": datetime(2026, 11, 22, 9, 30, 0, 123456, tzinfo=UTC),
    "entry": ENTRY,
    "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
    "prev_hash": GENESIS_HASH,
}


def hash_of(**changes: object) -> str:
    return chain_hash(**{**ROW, **changes})  # type: ignore[arg-type]


def test_the_hash_is_a_stable_sha256_hex_digest():
    assert hash_of() == hash_of()
    assert len(hash_of()) == 64
    assert int(hash_of(), 16) >= 0


def test_the_same_instant_in_another_time_zone_hashes_the_same():
    beijing = ROW["occurred_at"].astimezone(timezone(timedelta(hours=8)))  # type: ignore[attr-defined]
    assert hash_of(occurred_at=beijing) == hash_of()


def test_the_order_of_detail_keys_does_not_change_the_hash():
    reordered = dataclasses.replace(ENTRY, details=dict(reversed(list(ENTRY.details.items()))))
    assert hash_of(entry=reordered) == hash_of()


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"seq": 8}, id="seq"),
        pytest.param({"occurred_at": ROW["occurred_at"] + timedelta(microseconds=1)}, id="occurred_at"),  # type: ignore[operator]
        pytest.param({"trace_id": "0" * 32}, id="trace_id"),
        pytest.param({"prev_hash": "f" * 64}, id="prev_hash"),
        pytest.param({"entry": dataclasses.replace(ENTRY, actor_agency_id="eeb-360823")}, id="actor"),
        pytest.param({"entry": dataclasses.replace(ENTRY, action="VerifyOrder")}, id="action"),
        pytest.param({"entry": dataclasses.replace(ENTRY, resource="orders/so-2026-0002")}, id="resource"),
        pytest.param({"entry": dataclasses.replace(ENTRY, outcome="refused")}, id="outcome"),
        pytest.param({"entry": dataclasses.replace(ENTRY, reason="ORDER_NOT_VERIFIED")}, id="reason"),
        pytest.param({"entry": dataclasses.replace(ENTRY, details={"verified_by": "inspector-8"})}, id="details"),
        pytest.param({"entry": dataclasses.replace(ENTRY, details={})}, id="details emptied"),
    ],
)
def test_changing_any_sealed_field_changes_the_hash(changes):
    assert hash_of(**changes) != hash_of()
