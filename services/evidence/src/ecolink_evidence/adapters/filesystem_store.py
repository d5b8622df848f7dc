"""The embedded object store: content-addressed read-only files under var/objects, retention kept beside them."""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Generator
from datetime import datetime
from pathlib import Path

from ecolink_evidence.service_layer.ports import ByteSource, StoredObject

VERSION = "file"
READ_ONLY = 0o444


class FilesystemObjectStore:
    """What `make run` uses: survives restarts on one machine. Files are read-only and never overwritten, but
    nothing below the adapter enforces retention, so production uses MinIO with object lock (see README)."""

    def __init__(self, root: Path):
        self._root = root

    def _path(self, key: str) -> Path:
        return self._root / key

    def _sidecar(self, key: str) -> Path:
        return self._root / f"{key}.retention.json"

    def ensure_ready(self) -> None:
        self._root.mkdir(parents=True, exist_ok=True)

    def put(
        self, key: str, body: ByteSource, *, size: int, sha256: str, content_type: str, retain_until: datetime
    ) -> StoredObject:
        target = self._path(key)
        if target.exists():
            return StoredObject(key, VERSION)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Two uploads of the same bytes may store them at once: each writes a file of its own, the first to link it
        # under the key wins, and the other's identical bytes are dropped.
        partial = _own(target, ".partial")
        try:
            with partial.open("wb") as handle:
                shutil.copyfileobj(body, handle)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        try:
            partial.chmod(READ_ONLY)
            self._write_retention(key, retain_until=retain_until, legal_hold=False)
            os.link(partial, target)
        except FileExistsError:
            pass
        finally:
            partial.unlink(missing_ok=True)
        return StoredObject(key, VERSION)

    def read(self, stored: StoredObject, chunk_bytes: int) -> Generator[bytes, None, None]:
        with self._path(stored.key).open("rb") as handle:
            while chunk := handle.read(chunk_bytes):
                yield chunk

    def set_legal_hold(self, stored: StoredObject, on: bool) -> None:
        retention = self._read_retention(stored.key)
        self._write_retention(stored.key, retain_until=retention[0], legal_hold=on)

    def download_url(self, stored: StoredObject, *, filename: str, ttl_seconds: int) -> str:
        # One machine, one user: a file:// URL. It does not expire; MinIO's presigned URLs do.
        return self._path(stored.key).resolve().as_uri()

    def _write_retention(self, key: str, *, retain_until: datetime, legal_hold: bool) -> None:
        sidecar = self._sidecar(key)
        temporary = _own(sidecar, ".tmp")
        temporary.write_text(json.dumps({"retain_until": retain_until.isoformat(), "legal_hold": legal_hold}))
        temporary.replace(sidecar)

    def _read_retention(self, key: str) -> tuple[datetime, bool]:
        data = json.loads(self._sidecar(key).read_text())
        return datetime.fromisoformat(data["retain_until"]), bool(data["legal_hold"])


def _own(path: Path, suffix: str) -> Path:
    """A name beside `path` that no concurrent writer uses."""
    return path.with_name(f"{path.name}.{secrets.token_hex(8)}{suffix}")
