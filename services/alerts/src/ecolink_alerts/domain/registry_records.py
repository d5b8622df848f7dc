"""The registry's records (DOMAIN §2.1): key units, outlets and their factors, devices, video channels."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ecolink_alerts.domain.hj212.crc import CrcMode
from ecolink_alerts.domain.hj212.version import ProtocolVersion
from ecolink_alerts.domain.readings import FactorLimits
from ecolink_common.jurisdiction import RecordScope


class OutletMedium(StrEnum):
    """What an outlet (排放口) discharges: flue gas (废气) or waste water (废水)."""

    FLUE_GAS = "flue-gas"
    WASTE_WATER = "waste-water"


@dataclass(frozen=True)
class KeyUnit:
    """A key pollutant-discharging unit (重点排污单位)."""

    unit_id: str
    display_name: str
    region_code: str
    industry: str
    enterprise_agency_id: str = ""

    @property
    def name(self) -> str:
        return f"units/{self.unit_id}"

    @property
    def scope(self) -> RecordScope:
        """DOMAIN §1: the enterprise sees itself, bureaus see the units of their region."""
        return RecordScope(owner_agency_id=self.enterprise_agency_id, region_code=self.region_code)


@dataclass(frozen=True)
class MonitoredFactor:
    """A factor measured at an outlet: its pollutant code, unit, emission limit and instrument range."""

    pollutant_code: str
    unit: str
    emission_limit: float | None = None
    range_lower: float | None = None
    range_upper: float | None = None

    @property
    def limits(self) -> FactorLimits:
        """What the anomaly and exceedance rules compare values with."""
        return FactorLimits(
            unit=self.unit,
            emission_limit=self.emission_limit,
            range_lower=self.range_lower,
            range_upper=self.range_upper,
        )


@dataclass(frozen=True)
class Outlet:
    """An outlet of a key unit and the factors measured there."""

    unit_id: str
    outlet_id: str
    display_name: str
    medium: OutletMedium
    factors: tuple[MonitoredFactor, ...] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        return outlet_name(self.unit_id, self.outlet_id)


@dataclass(frozen=True)
class Device:
    """A data-acquisition device (数采仪) bound to one outlet, with what the gateway checks its packets by."""

    mn: str
    unit_id: str
    outlet_id: str
    protocol_version: ProtocolVersion
    crc_mode: CrcMode
    access_password: str
    """As given when registering (at most 64 characters); once registered, its HMAC-SHA256 digest
    (`domain/device_passwords.py`), which is all the registry stores."""

    @property
    def name(self) -> str:
        return f"devices/{self.mn}"

    @property
    def outlet_name(self) -> str:
        return outlet_name(self.unit_id, self.outlet_id)


@dataclass(frozen=True)
class VideoChannel:
    """A video monitoring channel (视频监控) of a key unit, optionally watching one outlet."""

    unit_id: str
    channel_id: str
    display_name: str
    stream_url: str
    outlet_id: str = ""

    @property
    def name(self) -> str:
        return f"units/{self.unit_id}/videoChannels/{self.channel_id}"


def outlet_name(unit_id: str, outlet_id: str) -> str:
    return f"units/{unit_id}/outlets/{outlet_id}"


# The stable reasons (ErrorInfo.reason) of a create refused because the record already exists.
REASON_UNIT_EXISTS = "KEY_UNIT_ALREADY_EXISTS"
REASON_OUTLET_EXISTS = "OUTLET_ALREADY_EXISTS"
REASON_DEVICE_EXISTS = "DEVICE_ALREADY_EXISTS"
REASON_CHANNEL_EXISTS = "VIDEO_CHANNEL_ALREADY_EXISTS"
