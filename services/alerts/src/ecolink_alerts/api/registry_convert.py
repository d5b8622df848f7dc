"""Conversion between registry protos and records: key units, outlets with factors, devices, video channels."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ecolink.alerts.v1 import (
    registry_pb2,
)
from ecolink_alerts.api.convert import (
    Changes,
    enum_from_proto,
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

MEDIUM_TO_PROTO = {
    OutletMedium.FLUE_GAS: registry_pb2.OUTLET_MEDIUM_FLUE_GAS,
    OutletMedium.WASTE_WATER: registry_pb2.OUTLET_MEDIUM_WASTE_WATER,
}


VERSION_TO_PROTO = {
    ProtocolVersion.HJ212_2005: registry_pb2.PROTOCOL_VERSION_HJ212_2005,
    ProtocolVersion.HJ212_2017: registry_pb2.PROTOCOL_VERSION_HJ212_2017,
    ProtocolVersion.HJ212_2025: registry_pb2.PROTOCOL_VERSION_HJ212_2025,
}


CRC_TO_PROTO = {CrcMode.HJ212: registry_pb2.CRC_MODE_HJ212, CrcMode.MODBUS: registry_pb2.CRC_MODE_MODBUS}


def _changes(paths: Iterable[str], readers: Mapping[str, Callable[[], Changes]]) -> Changes:
    """AIP-134: the new values of exactly the fields the update mask names; other fields are left alone."""
    named = list(paths)
    allowed = ", ".join(readers)
    if not named:
        raise InvalidArgument.for_field("update_mask", f"must name the fields to replace: {allowed}")
    changes: Changes = {}
    for path in named:
        if path not in readers:
            raise InvalidArgument.for_field("update_mask", f"{path} cannot be changed; choose from {allowed}")
        changes |= readers[path]()
    return changes


def key_unit_from_proto(unit: registry_pb2.KeyUnit) -> KeyUnit:
    return KeyUnit(
        unit_id=unit.unit_id,
        display_name=unit.display_name.strip(),
        region_code=unit.region_code,
        industry=unit.industry.strip(),
        enterprise_agency_id=unit.enterprise_agency_id,
    )


def key_unit_changes(unit: registry_pb2.KeyUnit, paths: Iterable[str]) -> Changes:
    return _changes(
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
        medium=enum_from_proto(outlet.medium, MEDIUM_TO_PROTO, "outlet.medium"),
        factors=_factors(outlet.factors),
    )


def outlet_changes(outlet: registry_pb2.Outlet, paths: Iterable[str]) -> Changes:
    return _changes(
        paths,
        {
            "display_name": lambda: {"display_name": outlet.display_name.strip()},
            "medium": lambda: {"medium": enum_from_proto(outlet.medium, MEDIUM_TO_PROTO, "outlet.medium")},
            "factors": lambda: {"factors": _factors(outlet.factors)},
        },
    )


def outlet_to_proto(outlet: Outlet) -> registry_pb2.Outlet:
    return registry_pb2.Outlet(
        name=outlet.name,
        outlet_id=outlet.outlet_id,
        display_name=outlet.display_name,
        medium=MEDIUM_TO_PROTO[outlet.medium],
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
        protocol_version=enum_from_proto(device.protocol_version, VERSION_TO_PROTO, "device.protocol_version"),
        crc_mode=enum_from_proto(device.crc_mode, CRC_TO_PROTO, "device.crc_mode"),
        access_password=device.access_password,
    )


def device_changes(device: registry_pb2.Device, paths: Iterable[str]) -> Changes:
    return _changes(
        paths,
        {
            "outlet": lambda: _device_outlet(device),
            "protocol_version": lambda: {
                "protocol_version": enum_from_proto(
                    device.protocol_version, VERSION_TO_PROTO, "device.protocol_version"
                )
            },
            "crc_mode": lambda: {"crc_mode": enum_from_proto(device.crc_mode, CRC_TO_PROTO, "device.crc_mode")},
            "access_password": lambda: {"access_password": device.access_password},
        },
    )


def device_to_proto(device: Device) -> registry_pb2.Device:
    """The access password is input only: the response says whether one is set, never what it is."""
    return registry_pb2.Device(
        name=device.name,
        mn=device.mn,
        outlet=device.outlet_name,
        protocol_version=VERSION_TO_PROTO[device.protocol_version],
        crc_mode=CRC_TO_PROTO[device.crc_mode],
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
