"""Sealing records into a hash chain, and walking one: each link's SHA-256 covers its fields and the previous hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

GENESIS_HASH = "0" * 64


def canonical_time(moment: datetime) -> str:
    """One spelling of an instant, whatever zone it was written in."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def seal(fields: Mapping[str, Any], prev_hash: str) -> str:
    """The SHA-256 of the fields (canonical JSON, keys sorted) followed by the previous hash."""
    canonical = json.dumps({**fields, "prev": prev_hash}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class Link(Protocol):
    """What the walk reads of a stored link: its place, the hash it follows and its own seal."""

    @property
    def seq(self) -> int: ...

    @property
    def prev_hash(self) -> str: ...

    @property
    def hash(self) -> str: ...


LinkT = TypeVar("LinkT", bound=Link)


@dataclass(frozen=True)
class ChainWalk:
    """How far a chain held: links checked, and the first broken one if any."""

    checked: int
    broken_seq: int | None = None
    problem: str = ""


async def walk(
    links_after: Callable[[int, int], Awaitable[Sequence[LinkT]]],
    recompute: Callable[[LinkT], str],
    head: Callable[[], Awaitable[tuple[int, str]]],
    *,
    noun: str,
    batch: int,
) -> ChainWalk:
    """Walks the links in order (fetched `batch` at a time after a sequence number) against the recorded head.

    Names the first link that was edited, removed or reordered; `noun` says what a link is called in the report.
    """
    expected_seq, expected_prev, checked = 1, GENESIS_HASH, 0
    while True:
        links = await links_after(expected_seq - 1, batch)
        for link in links:
            if link.seq != expected_seq:
                return ChainWalk(checked, expected_seq, f"{noun} {expected_seq} is missing")
            if link.prev_hash != expected_prev:
                return ChainWalk(checked, link.seq, f"{noun} {link.seq} does not follow {noun} {link.seq - 1}")
            if recompute(link) != link.hash:
                return ChainWalk(checked, link.seq, f"{noun} {link.seq} was altered after it was written")
            expected_seq, expected_prev, checked = link.seq + 1, link.hash, checked + 1
        if len(links) < batch:
            break
    head_seq, head_hash = await head()
    if head_seq != checked or head_hash != expected_prev:
        return ChainWalk(checked, checked + 1, f"the chain ends at {noun} {checked} but the head records {head_seq}")
    return ChainWalk(checked)
