"""The draw's randomness: HMAC-SHA256 keyed by the seed ranks candidates, the same on every machine and Python."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable

# The draw algorithm's name and version, recorded in every draw; a change of how ranks are made needs a new version.
RANKING_ALGORITHM = "hmac-sha256-rank/1"
SEED_BYTES = 32
_SEED = re.compile(r"(?:[0-9a-f]{2}){16,64}")


def new_seed() -> str:
    """A fresh seed: 32 random bytes from the operating system, as 64 lowercase hex digits."""
    return secrets.token_hex(SEED_BYTES)


def is_valid_seed(seed: str) -> bool:
    """16 to 64 bytes written as lowercase hex: enough that no one can guess a draw before it is made."""
    return _SEED.fullmatch(seed) is not None


def rank_key(seed: str, *parts: str) -> bytes:
    """HMAC-SHA256 under the seed's bytes of the parts, each written as its UTF-8 length in decimal, ':' and its UTF-8
    bytes, so no two different part lists give the same message."""
    message = b"".join(f"{len(encoded)}:".encode() + encoded for encoded in (part.encode() for part in parts))
    return hmac.new(bytes.fromhex(seed), message, hashlib.sha256).digest()


def ranked(seed: str, label: str, candidates: Iterable[str]) -> list[str]:
    """The candidates in the order of their keys under `label` (ties, never seen in practice, by the id itself): a
    uniformly random order that depends only on the seed and the ids, never on the order they came in."""
    return sorted(candidates, key=lambda candidate: (rank_key(seed, label, candidate), candidate))
