"""The versioned registry data file (`data/registry/*.json`): parsed, checked and turned into records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ecolink_alerts.domain.hj212.crc import CrcMode
from ecolink_alerts.domain.hj212.version import ProtocolVersion
from ecolink_alerts.domain.registry_records import Device, KeyUnit, MonitoredFactor, Outlet, OutletMedium, VideoChannel
from ecolink_alerts.domain.registry_rules import (
    channel_violations,
    device_violations,
    outlet_violations,
    unit_violations,
)
from ecolink_alerts.domain.rule_violations import RuleViolation

VERSIONS = {"2005": ProtocolVersion.HJ212_2005, "2017": ProtocolVersion.HJ212_2017, "2025": ProtocolVersion.HJ212_2025}


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FactorEntry(_Entry):
    pollutant_code: str
    unit: str
    emission_limit: float | None = None
    range_lower: float | None = None
    range_upper: float | None = None


class OutletEntry(_Entry):
    outlet_id: str
    display_name: str
    medium: OutletMedium
    factors: tuple[FactorEntry, ...] = ()


class DeviceEntry(_Entry):
    mn: str
    outlet_id: str
    protocol_version: Literal["2005", "2017", "2025"]
    crc_mode: CrcMode
    access_password: str


class VideoChannelEntry(_Entry):
    channel_id: str
    display_name: str
    stream_url: str
    outlet_id: str = ""


class UnitEntry(_Entry):
    unit_id: str
    display_name: str
    region_code: str
    industry: str
    enterprise_agency_id: str = ""
    outlets: tuple[OutletEntry, ...] = ()
    devices: tuple[DeviceEntry, ...] = ()
    video_channels: tuple[VideoChannelEntry, ...] = ()


class RegistryFileEntries(_Entry):
    version: str = Field(min_length=1)
    units: tuple[UnitEntry, ...]


@dataclass(frozen=True)
class RegistryFile:
    """Every record of a registry file, parents before children."""

    version: str
    units: tuple[KeyUnit, ...]
    outlets: tuple[Outlet, ...]
    devices: tuple[Device, ...]
    video_channels: tuple[VideoChannel, ...]


def _outlet(unit_id: str, entry: OutletEntry) -> Outlet:
    factors = tuple(MonitoredFactor(**factor.model_dump()) for factor in entry.factors)
    return Outlet(unit_id, entry.outlet_id, entry.display_name, entry.medium, factors)


def _device(unit_id: str, entry: DeviceEntry) -> Device:
    return Device(
        mn=entry.mn,
        unit_id=unit_id,
        outlet_id=entry.outlet_id,
        protocol_version=VERSIONS[entry.protocol_version],
        crc_mode=entry.crc_mode,
        access_password=entry.access_password,
    )


def _problems(record_name: str, violations: list[RuleViolation]) -> list[str]:
    return [f"{record_name}: {v.field} {v.description}" for v in violations]


def _check(registry: RegistryFile) -> None:
    """Raises ValueError naming every malformed record, and every reference to an outlet the file lacks."""
    problems = [p for unit in registry.units for p in _problems(unit.name, unit_violations(unit))]
    problems += [p for outlet in registry.outlets for p in _problems(outlet.name, outlet_violations(outlet))]
    problems += [p for device in registry.devices for p in _problems(device.name, device_violations(device))]
    problems += [p for channel in registry.video_channels for p in _problems(channel.name, channel_violations(channel))]
    outlets = {outlet.name for outlet in registry.outlets}
    problems += [
        f"{d.name}: outlet {d.outlet_name} is not in the file" for d in registry.devices if d.outlet_name not in outlets
    ]
    for kind, names in (("unit", [u.name for u in registry.units]), ("device", [d.name for d in registry.devices])):
        problems += [f"{kind} {name} is listed twice" for name in sorted({n for n in names if names.count(n) > 1})]
    if problems:
        raise ValueError("the registry file is invalid: " + "; ".join(problems))


def read_registry_file(path: Path) -> RegistryFile:
    """Parses and checks a registry file."""
    entries = RegistryFileEntries.model_validate_json(path.read_bytes())
    registry = RegistryFile(
        version=entries.version,
        units=tuple(
            KeyUnit(u.unit_id, u.display_name, u.region_code, u.industry, u.enterprise_agency_id) for u in entries.units
        ),
        outlets=tuple(_outlet(u.unit_id, o) for u in entries.units for o in u.outlets),
        devices=tuple(_device(u.unit_id, d) for u in entries.units for d in u.devices),
        video_channels=tuple(
            VideoChannel(u.unit_id, c.channel_id, c.display_name, c.stream_url, c.outlet_id)
            for u in entries.units
            for c in u.video_channels
        ),
    )
    _check(registry)
    return registry
