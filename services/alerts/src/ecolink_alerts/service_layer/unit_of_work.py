"""The alerts unit of work: the platform's (audit, directory) plus the registry."""

from __future__ import annotations

from ecolink_alerts.adapters.repository import RegistryRepository
from ecolink_common.unit_of_work import UnitOfWork


class AlertsUnitOfWork(UnitOfWork):
    """One transaction over the alerts database."""

    registry: RegistryRepository

    async def __aenter__(self) -> AlertsUnitOfWork:
        await super().__aenter__()
        self.registry = RegistryRepository(self.session)
        return self
