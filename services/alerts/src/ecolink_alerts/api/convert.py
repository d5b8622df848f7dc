"""Conversions every alerts API module shares: resource names, enums, optional numbers and times."""

from __future__ import annotations

from ecolink.alerts.v1 import (
    monitoring_pb2,
)
from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.registry_rules import REGION_CODE
from ecolink_common.errors import InvalidArgument
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_names import ResourceName

UNIT_NAME = ResourceName.shaped("units/{unit_id}")
OUTLET_NAME = ResourceName.shaped("units/{unit_id}/outlets/{outlet_id}")
DEVICE_NAME = ResourceName.shaped("devices/{mn}")
ALERT_NAME = ResourceName.shaped("alerts/{alert_id}")


def unit_id_from_name(name: str, field: str = "name") -> str:
    """`units/{unit_id}` → unit_id."""
    return UNIT_NAME.id(name, field)


def outlet_key_from_name(name: str, field: str = "name") -> tuple[str, str]:
    """`units/{unit_id}/outlets/{outlet_id}` → (unit_id, outlet_id)."""
    unit_id, outlet_id = OUTLET_NAME.ids(name, field)
    return unit_id, outlet_id


def mn_from_name(name: str, field: str = "name") -> str:
    """`devices/{mn}` → mn."""
    return DEVICE_NAME.id(name, field)


def alert_id_from_name(name: str, field: str = "name") -> str:
    """`alerts/{alert_id}` → alert_id."""
    return ALERT_NAME.id(name, field)


def region_filter(region_code: str) -> str:
    if region_code and not REGION_CODE.match(region_code):
        raise InvalidArgument.for_field("region_code", "must be a six-digit administrative division code")
    return region_code


KINDS = EnumMap(
    {
        DataKind.REALTIME: monitoring_pb2.DATA_KIND_REALTIME,
        DataKind.MINUTE: monitoring_pb2.DATA_KIND_MINUTE,
        DataKind.HOURLY: monitoring_pb2.DATA_KIND_HOURLY,
        DataKind.DAILY: monitoring_pb2.DATA_KIND_DAILY,
    }
)
