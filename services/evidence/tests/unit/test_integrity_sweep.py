"""The integrity sweep and what a re-hash records, against an in-memory unit of work: one instance entered once per
transaction, least recently verified items first, altered bytes a custody link, a failed item and an audit row."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ecolink_evidence.domain.model import CustodyAction
from ecolink_evidence.service_layer.integrity import SWEEPER, SweepReport, items_failing_verification, sweep_integrity
from ecolink_evidence.service_layer.verification import REASON_STORED_BYTES_CHANGED

from .fakes import BYTES, NOW, RecordingStore, item


@pytest.fixture(autouse=True)
def second_item(uow) -> None:
    """ev-2: the same bytes as ev-1, filed again."""
    uow.evidence.items["ev-2"] = item(evidence_id="ev-2")


@pytest.fixture
def store() -> RecordingStore:
    fake = RecordingStore()
    fake.objects[item().object_key] = BYTES
    return fake


def custody_actions(uow, evidence_id: str) -> list[CustodyAction]:
    return [link.action for link in uow.custody.links.get(evidence_id, [])]


async def test_a_sweep_of_every_item_verifies_the_intact_one_and_records_the_altered_one(uow, store):
    store.objects["altered"] = b"outfall photo, retouched"
    uow.evidence.items["ev-2"] = item(evidence_id="ev-2", object_key="altered")

    report = await sweep_integrity(uow, store, share=1.0, chunk_bytes=4)

    assert report == SweepReport(2, ["evidence/ev-2"])
    assert custody_actions(uow, "ev-1") == [CustodyAction.VERIFIED]
    assert custody_actions(uow, "ev-2") == [CustodyAction.VERIFICATION_FAILED]
    assert [(i.evidence_id, i.intact, i.last_verified_at) for i in uow.evidence.items.values()] == [
        ("ev-1", True, NOW),
        ("ev-2", False, NOW),
    ]
    assert uow.audit.outcomes() == [(SWEEPER, "IntegritySweep", "DATA_LOSS", REASON_STORED_BYTES_CHANGED)]
    assert uow.commits == 2, "one transaction per re-hash, none for choosing the items"
    assert [i.evidence_id for i in await items_failing_verification(uow)] == ["ev-2"]


async def test_a_share_of_the_items_is_swept_per_run_the_least_recently_verified_first(uow, store, clock):
    first = await sweep_integrity(uow, store, share=0.5, chunk_bytes=1024)
    clock.advance(timedelta(hours=1))
    second = await sweep_integrity(uow, store, share=0.5, chunk_bytes=1024)
    clock.advance(timedelta(hours=1))
    third = await sweep_integrity(uow, store, share=0.5, chunk_bytes=1024)

    assert (first, second, third) == (SweepReport(1), SweepReport(1), SweepReport(1))
    assert custody_actions(uow, "ev-1") == [CustodyAction.VERIFIED, CustodyAction.VERIFIED]
    assert custody_actions(uow, "ev-2") == [CustodyAction.VERIFIED]
    assert uow.evidence.items["ev-1"].last_verified_at == NOW + timedelta(hours=2)
    assert uow.evidence.items["ev-2"].last_verified_at == NOW + timedelta(hours=1)


async def test_an_item_the_store_cannot_read_counts_as_failed(uow, store):
    uow.evidence.items["ev-2"] = item(evidence_id="ev-2", object_key="missing")

    report = await sweep_integrity(uow, store, share=1.0, chunk_bytes=1024)

    assert report.failed == ["evidence/ev-2"]
    assert uow.custody.links["ev-2"][0].sha256_seen == ""
