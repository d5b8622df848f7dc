"""What the use cases need from the outside: an object store that keeps bytes immutable during retention, and
the services that own the records evidence is about."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class StoredObject:
    """Where an item's bytes are: a content-addressed key and the version the store gave it."""

    key: str
    version_id: str


class ByteSource(Protocol):
    """Where a store reads the bytes it writes: a file, a buffer, or an upload still arriving."""

    def read(self, size: int = -1, /) -> bytes:
        """Up to `size` bytes (all that is left when negative); b"" at the end."""


class ObjectStore(Protocol):
    """Immutable object storage with no delete: nothing in ecolink removes evidence. Blocking calls: the use
    cases run them in a thread."""

    def ensure_ready(self) -> None:
        """Creates the bucket (with object lock) or folder when missing."""

    def put(
        self, key: str, body: ByteSource, *, size: int, sha256: str, content_type: str, retain_until: datetime
    ) -> StoredObject:
        """Stores `size` bytes read from `body` under COMPLIANCE retention until `retain_until`; never replaces
        the bytes of an object already stored. If `body.read` raises, nothing is stored."""

    def read(self, stored: StoredObject, chunk_bytes: int) -> Generator[bytes, None, None]:
        """The stored bytes in chunks; closing the generator releases the connection."""

    def set_legal_hold(self, stored: StoredObject, on: bool) -> None:
        """Places or releases the legal hold on the stored object."""

    def download_url(self, stored: StoredObject, *, filename: str, ttl_seconds: int) -> str:
        """A URL that serves the object for `ttl_seconds`."""


class SubjectRecords(Protocol):
    """The owning services of evidence subjects, asked with the caller's own credentials."""

    async def may_see_alert(self, alert_name: str) -> bool:
        """Whether the caller may see `alerts/{id}` (False also when there is no such alert)."""


def content_key(sha256: str) -> str:
    """Content-addressed object key: equal bytes share one immutable object."""
    return f"sha256/{sha256[:2]}/{sha256}"
