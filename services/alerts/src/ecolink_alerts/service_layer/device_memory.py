"""What a long-running ingest process remembers between batches: registry sites briefly, rule engines by revision."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from ecolink_alerts.service_layer.device_rules import DeviceSite, HeldEngine, device_site
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork

MAX_REMEMBERED_SITES = 100_000
"""Bounds the site cache (unknown MNs are remembered too, so a scanner cannot grow it without limit)."""


@dataclass(frozen=True)
class _RememberedSite:
    site: DeviceSite | None
    read_at: float


class DeviceMemory:
    """Sites read from the registry, trusted for `site_max_age` seconds; engines trusted while their revision holds.

    An engine is taken out while a transaction uses it and put back only after that transaction commits, so a
    rolled-back batch leaves nothing behind: the next batch reads the stored state again.
    """

    def __init__(self, site_max_age: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._site_max_age = site_max_age
        self._clock = clock
        self._sites: dict[str, _RememberedSite] = {}
        self._engines: dict[str, HeldEngine] = {}

    def remembered_site(self, mn: str) -> _RememberedSite | None:
        """The site read for this MN within `site_max_age` seconds (holding None for an unknown MN), if any."""
        remembered = self._sites.get(mn)
        if remembered is None or self._clock() - remembered.read_at >= self._site_max_age:
            return None
        return remembered

    async def site(self, uow: AlertsUnitOfWork, mn: str) -> DeviceSite | None:
        """The registered device with its unit and outlet, from memory when fresh, else read through `uow`."""
        remembered = self.remembered_site(mn)
        if remembered is not None:
            return remembered.site
        site = await device_site(uow, mn)
        if self._site_max_age > 0:
            if len(self._sites) >= MAX_REMEMBERED_SITES:
                self._sites.clear()
            self._sites[mn] = _RememberedSite(site, self._clock())
        return site

    def take_engine(self, mn: str) -> HeldEngine | None:
        return self._engines.pop(mn, None)

    def keep_engine(self, mn: str, held: HeldEngine) -> None:
        """Called after the commit that stored `held.state` as `held.revision`."""
        self._engines[mn] = held
