"""The client's memory between runs, in one small JSON file: the change watermark, the transfers it has taken on and
not finished (each with the verdict of its downloads), and the platform key it pinned on first use.

The file is written atomically (a temporary file renamed over it) and held with an exclusive lock while a client
runs, so two clients never answer the same transfer twice."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STATE_FORMAT = "ecolink-police-integration-state/1"


class StateLocked(Exception):
    """Another client holds the state file."""


@dataclass
class State:
    watermark: int = 0
    # transfer name → {"version", "queued", "attempts", "verdict"?}
    pending: dict[str, dict[str, Any]] = field(default_factory=dict)
    platform_key_sha256: str = ""


class StateFile:
    def __init__(self, path: Path):
        self.path = path

    def load(self) -> State:
        if not self.path.exists():
            return State()
        data = json.loads(self.path.read_text())
        if data.get("format") != STATE_FORMAT:
            raise ValueError(f"{self.path} is not a {STATE_FORMAT} file")
        return State(
            watermark=int(data.get("watermark", 0)),
            pending=dict(data.get("pending", {})),
            platform_key_sha256=str(data.get("platform_key_sha256", "")),
        )

    def save(self, state: State) -> None:
        document = {
            "format": STATE_FORMAT,
            "watermark": state.watermark,
            "pending": state.pending,
            "platform_key_sha256": state.platform_key_sha256,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with temporary.open("w") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(self.path)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Held for the life of the client: a second client on the same state file stops at once."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(f"{self.path.name}.lock")
        with lock_path.open("a") as lock:
            try:
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StateLocked(f"another client holds {lock_path}") from None
            try:
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
