"""Group commit: what arrives during a commit goes into the next one, and one bad item fails only itself."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from ecolink_alerts.adapters.group_commit import GroupCommit


class RecordingStore:
    """Stores groups after a pause (a transaction's round trip), refusing any group that holds `bad`."""

    def __init__(self, bad: str | None = None) -> None:
        self.groups: list[list[str]] = []
        self.bad = bad

    async def __call__(self, items: Sequence[str]) -> None:
        await asyncio.sleep(0.01)
        if self.bad in items:
            raise ValueError(f"{self.bad} cannot be stored")
        self.groups.append(list(items))


async def test_items_arriving_during_a_commit_share_the_next_one():
    store = RecordingStore()
    group = GroupCommit(store, max_items=10)
    first = asyncio.create_task(group.submit("a"))
    await asyncio.sleep(0)
    await asyncio.gather(first, *(group.submit(item) for item in "bcd"))
    assert store.groups == [["a"], ["b", "c", "d"]]


async def test_a_group_never_exceeds_its_limit():
    store = RecordingStore()
    group = GroupCommit(store, max_items=2)
    await asyncio.gather(*(group.submit(item) for item in "abcde"))
    assert store.groups == [["a", "b"], ["c", "d"], ["e"]]


async def test_a_failing_item_fails_alone_and_the_others_are_committed():
    store = RecordingStore(bad="c")
    group = GroupCommit(store, max_items=10)
    outcomes = await asyncio.gather(*(group.submit(item) for item in "abcd"), return_exceptions=True)
    assert [type(outcome) for outcome in outcomes] == [type(None), type(None), ValueError, type(None)]
    assert store.groups == [["a"], ["b"], ["d"]]


async def test_a_submitter_that_gives_up_does_not_stop_the_others():
    store = RecordingStore()
    group = GroupCommit(store, max_items=10)
    gives_up = asyncio.create_task(group.submit("a"))
    waits = asyncio.create_task(group.submit("b"))
    await asyncio.sleep(0)
    gives_up.cancel()
    await waits
    with pytest.raises(asyncio.CancelledError):
        await gives_up
    assert store.groups == [["a", "b"]]
