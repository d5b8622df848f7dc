"""One JSON object per line for everything the client does, for the police system's own log collection."""

from __future__ import annotations

import json
import sys
import threading
from datetime import UTC, datetime
from typing import Any, TextIO


class JsonLog:
    def __init__(self, stream: TextIO | None = None, **context: Any):
        self._stream = stream
        self._context = context
        self._lock = threading.Lock()

    def __call__(self, event: str, *, level: str = "info", **fields: Any) -> None:
        line = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": level,
            "event": event,
            **self._context,
            **fields,
        }
        with self._lock:
            stream = self._stream or sys.stdout
            stream.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
            stream.flush()
