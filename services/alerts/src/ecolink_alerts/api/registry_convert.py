"""Conversion between registry protos and records: key units, outlets with factors, devices, video channels."""

from __future__ import annotations

from collections.abc import Iterable

from ecolink.alerts.v1 import (
    registry_pb2,
)
from ecolink_alerts.api.convert import (
    outlet_key_from_name,
)
from ecolink_alerts.domain.hj212.crc import CrcMode
from ecolink_alerts.domain.hj212.version import ProtocolVersion
from ecolink_alerts.domain.registry_records import (
    Device,
    KeyUnit,
    MonitoredFactor,
    Outlet,
    OutletMedium,
    VideoChannel,
    outlet_name,
)
from ecolink_common.errors import InvalidArgument
from ecolink_common.proto_enums import EnumMap
from ecolink_common.update_masks import Changes, masked_changes

MEDIA = EnumMap(
    {
        OutletMedium.FLUE_GAS: registry_pb2.OUTLET_MEDIUM_FLUE_GAS,
        OutletMedium.WASTE_WATER: registry_pb2.OUTLET_MEDIUM_WASTE_WATER,
    }
)


VERSIONS = EnumMap(
    {
        ProtocolVersion.HJ212_2005: registry_pb2.PROTOCOL_VERSION_HJ212_2005,
        ProtocolVersion.HJ212_2017: registry_pb2.PROTOCOL_VERSION_HJ212_2017,
        ProtocolVersion.HJ212_2025: registry_pb2.PROTOCOL_VERSION_HJ212_2025,
    }
)


CRC_MODES = EnumMap({CrcMode.HJ212: registry_pb2.CRC_MODE_HJ212, CrcMode.MODBUS: registry_pb2.CRC_MODE_MODBUS})


def key_unit_from_proto(unit: registry_pb2.KeyUnit) -> KeyUnit:
    return KeyUnit(
        unit_id=unit.unit_id,
        display_name=unit.display_name.strip(),
        region_code=unit.region_code,
        industry=unit.industry.strip(),
        enterprise_agency_id=unit.enterprise_agency_id,
    )


def key_unit_changes(unit: registry_pb2.KeyUnit, paths: Iterable[str]) -> Changes:
    return masked_changes(
        paths,
        {
            "display_name": lambda: {"display_name": unit.display_name.strip()},
            "industry": lambda: {"industry": unit.industry.strip()},
            "enterprise_agency_id": lambda: {"enterprise_agency_id": unit.enterprise_agency_id},
        },
    )


def key_unit_to_proto(unit: KeyUnit) -> registry_pb2.KeyUnit:
    return registry_pb2.KeyUnit(
        name=unit.name,
        unit_id=unit.unit_id,
        display_name=unit.display_name,
        region_code=unit.region_code,
        industry=unit.industry,
        enterprise_agency_id=unit.enterprise_agency_id,
    )


def _optional(factor: registry_pb2.MonitoredFactor, field: str) -> float | None:
    return float(getattr(factor, field)) if factor.HasField(field) else None


def _factors(factors: Iterable[registry_pb2.MonitoredFactor]) -> tuple[MonitoredFactor, ...]:
    return tuple(
        MonitoredFactor(
            pollutant_code=factor.pollutant_code,
            unit=factor.unit.strip(),
            emission_limit=_optional(factor, "emission_limit"),
            range_lower=_optional(factor, "range_lower"),
            range_upper=_optional(factor, "range_upper"),
        )
        for factor in factors
    )


def outlet_from_proto(unit_id: str, outlet: registry_pb2.Outlet) -> Outlet:
    return Outlet(
        unit_id=unit_id,
        outlet_id=outlet.outlet_id,
        display_name=outlet.display_name.strip(),
        medium=MEDIA.from_proto(outlet.medium, "outlet.medium"),
        factors=_factors(outlet.factors),
    )


def outlet_changes(outlet: registry_pb2.Outlet, paths: Iterable[str]) -> Changes:
    return masked_changes(
        paths,
        {
            "display_name": lambda: {"display_name": outlet.display_name.strip()},
            "medium": lambda: {"medium": MEDIA.from_proto(outlet.medium, "outlet.medium")},
            "factors": lambda: {"factors": _factors(outlet.factors)},
        },
    )


def outlet_to_proto(outlet: Outlet) -> registry_pb2.Outlet:
    return registry_pb2.Outlet(
        name=outlet.name,
        outlet_id=outlet.outlet_id,
        display_name=outlet.display_name,
        medium=MEDIA.to_proto(outlet.medium),
        factors=[
            registry_pb2.MonitoredFactor(
                pollutant_code=factor.pollutant_code,
                unit=factor.unit,
                emission_limit=factor.emission_limit,
                range_lower=factor.range_lower,
                range_upper=factor.range_upper,
            )
            for factor in outlet.factors
        ],
    )


def _device_outlet(device: registry_pb2.Device) -> Changes:
    unit_id, outlet_id = outlet_key_from_name(device.outlet, "device.outlet")
    return {"unit_id": unit_id, "outlet_id": outlet_id}


def device_from_proto(device: registry_pb2.Device) -> Device:
    return Device(
        mn=device.mn,
        **_device_outlet(device),
        protocol_version=VERSIONS.from_proto(device.protocol_version, "device.protocol_version"),
        crc_mode=CRC_MODES.from_proto(device.crc_mode, "device.crc_mode"),
        access_password=device.access_password,
    )


def device_changes(device: registry_pb2.Device, paths: Iterable[str]) -> Changes:
    return masked_changes(
        paths,
        {
            "outlet": lambda: _device_outlet(device),
            "protocol_version": lambda: {
                "protocol_version": VERSIONS.from_proto(device.protocol_version, "device.protocol_version")
            },
            "crc_mode": lambda: {"crc_mode": CRC_MODES.from_proto(device.crc_mode, "device.crc_mode")},
            "access_password": lambda: {"access_password": device.access_password},
        },
    )


def device_to_proto(device: Device) -> registry_pb2.Device:
    """The access password is input only: the response says whether one is set, never what it is."""
    return registry_pb2.Device(
        name=device.name,
        mn=device.mn,
        outlet=device.outlet_name,
        protocol_version=VERSIONS.to_proto(device.protocol_version),
        crc_mode=CRC_MODES.to_proto(device.crc_mode),
        password_set=bool(device.access_password),
    )


def video_channel_from_proto(unit_id: str, channel: registry_pb2.VideoChannel) -> VideoChannel:
    outlet_id = ""
    if channel.outlet:
        outlet_unit_id, outlet_id = outlet_key_from_name(channel.outlet, "video_channel.outlet")
        if outlet_unit_id != unit_id:
            raise InvalidArgument.for_field("video_channel.outlet", f"must be an outlet of units/{unit_id}")
    return VideoChannel(
        unit_id=unit_id,
        channel_id=channel.channel_id,
        display_name=channel.display_name.strip(),
        stream_url=channel.stream_url.strip(),
        outlet_id=outlet_id,
    )


def video_channel_to_proto(channel: VideoChannel) -> registry_pb2.VideoChannel:
    return registry_pb2.VideoChannel(
        name=channel.name,
        channel_id=channel.channel_id,
        display_name=channel.display_name,
        outlet=outlet_name(channel.unit_id, channel.outlet_id) if channel.outlet_id else "",
        stream_url=channel.stream_url,
    )
