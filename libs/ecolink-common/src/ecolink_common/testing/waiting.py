"""Waiting in tests for something another process does (a worker, a webhook sender): checked every `interval`
seconds until true, TimeoutError naming it after `timeout`. For outcomes, never for timing a speed."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable


async def eventually(check: Callable[[], bool], what: str, *, timeout: float = 30.0, interval: float = 0.05) -> None:
    for _ in range(max(1, math.ceil(timeout / interval))):
        if check():
            return
        await asyncio.sleep(interval)
    if not check():
        raise TimeoutError(f"{what} did not happen within {timeout:g} s")
