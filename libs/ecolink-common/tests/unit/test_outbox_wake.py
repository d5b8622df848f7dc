"""The relay wake (issue 11 item 3): the first commit with events wakes the relay at once; every commit within the
window after it is one more wake at the window's end; a broker that refuses the wake leaves the events to beat."""

from __future__ import annotations

import asyncio
import threading

from ecolink_common.outbox_wake import RelayWake
from ecolink_common.testing.waiting import eventually


async def sends_reach(sent: list[int], count: int) -> None:
    await eventually(lambda: len(sent) >= count, f"{count} sends", timeout=5, interval=0.01)


async def test_a_burst_of_commits_is_one_wake_now_and_one_at_the_end_of_the_window():
    sent: list[int] = []
    lock = threading.Lock()

    def send() -> None:
        with lock:
            sent.append(1)

    wake = RelayWake(send, window=0.3)
    wake()
    await sends_reach(sent, 1)
    for _ in range(50):
        wake()
    await sends_reach(sent, 2)
    await asyncio.sleep(0.4)
    assert len(sent) == 2


async def test_a_broker_that_refuses_the_wake_fails_nothing():
    tried: list[int] = []

    def refuse() -> None:
        tried.append(1)
        raise ConnectionError("broker down")

    wake = RelayWake(refuse, window=0.01)
    wake()
    await sends_reach(tried, 1)
