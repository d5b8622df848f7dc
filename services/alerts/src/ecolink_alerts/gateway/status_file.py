"""The gateway's status file under var/: where it listens and its counters, written atomically, read by health."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ecolink_alerts.gateway.counters import CountersSnapshot

STATUS_FILE_NAME = "hj212-gateway.json"
STALE_AFTER_INTERVALS = 3
"""A status not rewritten for this many intervals is stale: the gateway hangs or its disk is full."""


def status_path(var_dir: Path) -> Path:
    """Where the gateway of this var directory writes its status."""
    return var_dir / "run" / STATUS_FILE_NAME


@dataclass(frozen=True)
class GatewayStatus:
    """What the gateway last wrote of itself."""

    pid: int
    host: str
    port: int
    listening: bool
    started_at: datetime
    written_at: datetime
    interval_seconds: float
    counters: CountersSnapshot


def write_status(path: Path, status: GatewayStatus) -> None:
    """Replaces the file in one rename, so a reader never sees half a document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        **asdict(status),
        "started_at": status.started_at.isoformat(),
        "written_at": status.written_at.isoformat(),
    }
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(json.dumps(document, indent=2, sort_keys=True))
    os.replace(partial, path)


def read_status(path: Path) -> GatewayStatus | None:
    """The status last written, or None when there is none or it cannot be read as one."""
    try:
        document: dict[str, Any] = json.loads(path.read_text())
        return GatewayStatus(
            pid=int(document["pid"]),
            host=str(document["host"]),
            port=int(document["port"]),
            listening=bool(document["listening"]),
            started_at=datetime.fromisoformat(document["started_at"]),
            written_at=datetime.fromisoformat(document["written_at"]),
            interval_seconds=float(document["interval_seconds"]),
            counters=CountersSnapshot(**document["counters"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def judged_state(status: GatewayStatus | None, *, now: datetime) -> str:
    """LISTENING; STOPPED (it said so on its way out); NOT_RUNNING (no status, or its process is gone, e.g. after
    kill -9); STALE (its process lives but has not written for STALE_AFTER_INTERVALS intervals)."""
    if status is None or (status.listening and not _alive(status.pid)):
        return "NOT_RUNNING"
    if not status.listening:
        return "STOPPED"
    if now - status.written_at > timedelta(seconds=STALE_AFTER_INTERVALS * status.interval_seconds):
        return "STALE"
    return "LISTENING"
