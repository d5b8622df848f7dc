"""`walk`: one pass over any hash chain names the first link edited, removed or reordered."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ecolink_common.hash_chain import GENESIS_HASH, ChainWalk, seal, walk


@dataclasses.dataclass(frozen=True)
class FakeLink:
    seq: int
    body: str
    prev_hash: str
    hash: str


def sealed_chain(bodies: list[str]) -> list[FakeLink]:
    links, prev = [], GENESIS_HASH
    for seq, body in enumerate(bodies, start=1):
        link = FakeLink(seq, body, prev, seal({"seq": seq, "body": body}, prev))
        links.append(link)
        prev = link.hash
    return links


async def walk_of(links: list[FakeLink], head: tuple[int, str], batch: int = 2) -> ChainWalk:
    async def links_after(seq: int, limit: int) -> Sequence[FakeLink]:
        return [link for link in links if link.seq > seq][:limit]

    async def recorded_head() -> tuple[int, str]:
        return head

    def recompute(link: FakeLink) -> str:
        return seal({"seq": link.seq, "body": link.body}, link.prev_hash)

    return await walk(links_after, recompute, recorded_head, noun="link", batch=batch)


async def test_an_untouched_chain_walks_to_its_head_across_batches():
    links = sealed_chain(["a", "b", "c", "d", "e"])
    outcome = await walk_of(links, (5, links[-1].hash))
    assert (outcome.checked, outcome.broken_seq, outcome.problem) == (5, None, "")


async def test_an_edited_link_is_named():
    links = sealed_chain(["a", "b", "c"])
    links[1] = dataclasses.replace(links[1], body="B")
    outcome = await walk_of(links, (3, links[-1].hash))
    assert (outcome.checked, outcome.broken_seq, outcome.problem) == (1, 2, "link 2 was altered after it was written")


async def test_a_removed_middle_link_is_named():
    links = sealed_chain(["a", "b", "c"])
    del links[1]
    outcome = await walk_of(links, (3, links[-1].hash))
    assert (outcome.broken_seq, outcome.problem) == (2, "link 2 is missing")


async def test_a_resealed_link_breaks_the_next_one():
    links = sealed_chain(["a", "b", "c"])
    links[0] = dataclasses.replace(links[0], hash="f" * 64)
    outcome = await walk_of(links, (3, links[-1].hash))
    assert outcome.broken_seq == 1


async def test_a_removed_newest_link_is_found_against_the_head():
    links = sealed_chain(["a", "b", "c"])
    head = (3, links[-1].hash)
    outcome = await walk_of(links[:2], head)
    assert (outcome.checked, outcome.broken_seq) == (2, 3)
    assert outcome.problem == "the chain ends at link 2 but the head records 3"
