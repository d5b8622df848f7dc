"""Garbage collection for long-running servers: what startup built is frozen, young collections come less often."""

from __future__ import annotations

import gc


def tune_garbage_collection(young_threshold: int) -> None:
    """Called once a server has started: the objects it built so far (modules, metadata, settings) live as long as
    the process, so they are moved out of the collector's sight (`gc.freeze`), and young collections wait for
    `young_threshold` new container objects instead of 700 (a bulk ingest allocates millions of short-lived ones,
    and each full collection used to walk everything startup had built). 0 keeps the interpreter's defaults."""
    if young_threshold <= 0:
        return
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(young_threshold, middle, old)
