"""What a long-running ingest process remembers between batches: the registry's devices briefly, rule engines by
revision."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from ecolink_alerts.service_layer.device_rules import DeviceSite, HeldEngine, device_site, every_device_site
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork


@dataclass(frozen=True)
class RememberedSite:
    """What the registry said of one MN when it was last read: its site, or None when no such device exists."""

    site: DeviceSite | None


class DeviceMemory:
    """The whole registry of devices, read at once and trusted for `site_max_age` seconds (0: every lookup reads
    the one device), then kept while the registry's write counter has not moved; rule engines trusted while their
    stored revision holds.

    Reading every device at once costs four queries however many devices send, where reading one device per
    packet would cost four queries a packet; afterwards one query every `site_max_age` seconds tells whether a
    registry write requires reading them again. An engine is taken out while a transaction uses it and put back
    only after that transaction commits, so a rolled-back batch leaves nothing behind: the next batch reads the
    stored state again.
    """

    def __init__(self, site_max_age: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._site_max_age = site_max_age
        self._clock = clock
        self._sites: dict[str, DeviceSite] = {}
        self._sites_read_at: float | None = None
        self._sites_revision: int | None = None
        self._reading = asyncio.Lock()
        self._engines: dict[str, HeldEngine] = {}

    def _fresh(self) -> bool:
        read_at = self._sites_read_at
        return read_at is not None and self._clock() - read_at < self._site_max_age

    def remembered_site(self, mn: str) -> RememberedSite | None:
        """What the registry said of this MN within `site_max_age` seconds, if it was read that recently."""
        return RememberedSite(self._sites.get(mn)) if self._fresh() else None

    async def site(self, uow: AlertsUnitOfWork, mn: str) -> DeviceSite | None:
        """The registered device with its unit and outlet, from memory when fresh, else read through `uow`."""
        if self._site_max_age <= 0:
            return await device_site(uow, mn)
        if not self._fresh():
            async with self._reading:
                if not self._fresh():
                    revision = await uow.registry.revision()
                    if revision != self._sites_revision:
                        self._sites = await every_device_site(uow)
                        self._sites_revision = revision
                    self._sites_read_at = self._clock()
        return self._sites.get(mn)

    def take_engine(self, mn: str) -> HeldEngine | None:
        return self._engines.pop(mn, None)

    def keep_engine(self, mn: str, held: HeldEngine) -> None:
        """Called after the commit that stored `held.state` as `held.revision`."""
        self._engines[mn] = held
