"""Wakes a service's outbox relay right after a commit that queued events (issue 11 item 3), so side effects leave
in milliseconds rather than at the next beat; beat still runs the relay every `outbox_relay_seconds`, so a wake lost
with the broker only delays events to then."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from ecolink_common.celery_app import RELAY_OUTBOX, make_celery
from ecolink_common.settings import PlatformSettings

log = logging.getLogger(__name__)


class RelayWake:
    """Sends the wake off the event loop: at once when none went out in the last `window` seconds, else once at the
    end of that window for every commit in it, so a busy service sends at most one wake per window."""

    def __init__(self, send: Callable[[], None], *, window: float):
        self._send = send
        self._window = window
        self._scheduled = False
        self._last = float("-inf")

    def __call__(self) -> None:
        if self._scheduled:
            return
        self._scheduled = True
        loop = asyncio.get_running_loop()
        wait = self._last + self._window - loop.time()
        if wait <= 0:
            self._fire()
        else:
            loop.call_later(wait, self._fire)

    def _fire(self) -> None:
        loop = asyncio.get_running_loop()
        self._scheduled = False  # a commit from now on asks for a wake of its own
        self._last = loop.time()
        loop.run_in_executor(None, self._send_or_leave_to_beat)

    def _send_or_leave_to_beat(self) -> None:
        try:
            self._send()
        except Exception:  # the broker is down: beat relays these events at its next run
            log.warning("could not wake the outbox relay; beat will run it", exc_info=True)


def relay_wake(service: str, platform: PlatformSettings) -> RelayWake | None:
    """The wake of `service`'s relay through the platform's broker; None when the platform turns wakes off."""
    if not platform.outbox_wake:
        return None
    client = make_celery(f"ecolink-{service}-relay-wake", platform, include=[])
    return RelayWake(lambda: client.send_task(RELAY_OUTBOX, args=(service,)), window=platform.outbox_wake_seconds)
