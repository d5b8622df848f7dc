"""Loading a registry data file into the alerts database: upserts what differs, audited as the operator."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from ecolink_alerts.domain.device_passwords import DevicePasswords
from ecolink_alerts.domain.registry_records import Outlet
from ecolink_alerts.service_layer.registry_file import RegistryFile, read_registry_file
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.db import database_sessions
from ecolink_common.operations import OPERATOR

Record = TypeVar("Record")


@dataclass(frozen=True)
class RegistryLoad:
    """What a registry load did: the file's version, how many units it holds, which records it changed."""

    version: str
    unit_count: int
    changed: tuple[str, ...]


def _factors_in_code_order(outlet: Outlet) -> Outlet:
    """The repository returns factors by pollutant code; compare the file's outlets in that order too."""
    return replace(outlet, factors=tuple(sorted(outlet.factors, key=lambda factor: factor.pollutant_code)))


async def _upsert(
    stored: Record | None, wanted: Record, put: Callable[[Record], Awaitable[None]], name: str
) -> list[str]:
    if stored == wanted:
        return []
    await put(wanted)
    return [name]


async def load_registry(uow: AlertsUnitOfWork, registry: RegistryFile, passwords: DevicePasswords) -> RegistryLoad:
    """Puts every record of the file in place (device passwords as digests); loading the same file twice changes
    nothing the second time."""
    changed: list[str] = []
    async with uow:
        repo = uow.registry
        for unit in registry.units:
            changed += await _upsert(await repo.get_unit(unit.unit_id), unit, repo.put_unit, unit.name)
        for outlet in map(_factors_in_code_order, registry.outlets):
            stored_outlet = await repo.get_outlet(outlet.unit_id, outlet.outlet_id)
            changed += await _upsert(stored_outlet, outlet, repo.put_outlet, outlet.name)
        for device in registry.devices:
            device = replace(device, access_password=passwords.digest(device.access_password))
            changed += await _upsert(await repo.get_device(device.mn), device, repo.put_device, device.name)
        for channel in registry.video_channels:
            stored_channel = await repo.get_channel(channel.unit_id, channel.channel_id)
            changed += await _upsert(stored_channel, channel, repo.put_channel, channel.name)
        if changed:
            await uow.audit.record(
                AuditEntry(
                    actor_agency_id=OPERATOR,
                    action="LoadRegistry",
                    resource=f"registries/{registry.version}",
                    outcome="OK",
                    details={"changed": changed},
                )
            )
        await uow.commit()
    return RegistryLoad(registry.version, len(registry.units), tuple(changed))


async def load_registry_file(database_url: str, path: Path, *, passwords: DevicePasswords) -> RegistryLoad:
    """Opens the alerts database, loads the file into it and closes the database again; device passwords are
    digested with `passwords` (the key `ALERTS_DEVICE_PASSWORD_KEY_FILE` names, var/keys by default)."""
    registry = read_registry_file(path)
    async with database_sessions(database_url) as sessions:
        return await load_registry(AlertsUnitOfWork(sessions), registry, passwords)
