"""Optimistic concurrency (AIP-154): a record's etag changes with every change, and a step sent with a stale etag is
ABORTED, so of two concurrent steps on one record exactly one wins."""

from __future__ import annotations

from typing import Protocol

from ecolink_common.errors import Aborted


class Versioned(Protocol):
    """A record with a name and a version every change bumps."""

    @property
    def name(self) -> str: ...
    @property
    def version(self) -> int: ...


def weak_etag(record: Versioned) -> str:
    """AIP-154: the etag of the record's current version."""
    return f'W/"{record.version}"'


def require_etag(record: Versioned, etag: str, *, reason: str) -> None:
    """An empty etag is not checked; another than the current one is ABORTED with `reason`."""
    if etag and etag != weak_etag(record):
        raise Aborted(
            f"{record.name} changed since it was read (etag {weak_etag(record)}, not {etag}); read it again",
            reason=reason,
        )
