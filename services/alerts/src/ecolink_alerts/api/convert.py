"""Conversions every alerts API module shares: resource names, enums, optional numbers and times."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

from ecolink.alerts.v1 import (
    monitoring_pb2,
)
from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.registry_rules import REGION_CODE
from ecolink_common.errors import InvalidArgument

Value = TypeVar("Value")


Changes = dict[str, Any]


UNIT_NAME = re.compile(r"^units/([^/]+)\Z")


OUTLET_NAME = re.compile(r"^units/([^/]+)/outlets/([^/]+)\Z")


DEVICE_NAME = re.compile(r"^devices/([^/]+)\Z")


def enum_from_proto(value: int, to_proto: Mapping[Value, int], field: str) -> Value:
    """The record value of a proto enum; unspecified or unknown values are INVALID_ARGUMENT naming the field."""
    for record_value, proto_value in to_proto.items():
        if proto_value == value:
            return record_value
    raise InvalidArgument.for_field(field, "must be set to one of its listed values")


def matched_name(pattern: re.Pattern[str], name: str, field: str, shape: str) -> tuple[str, ...]:
    found = pattern.match(name)
    if found is None:
        raise InvalidArgument.for_field(field, f"must look like {shape}")
    return found.groups()


def unit_id_from_name(name: str, field: str = "name") -> str:
    """`units/{unit_id}` → unit_id."""
    return matched_name(UNIT_NAME, name, field, "units/{unit_id}")[0]


def outlet_key_from_name(name: str, field: str = "name") -> tuple[str, str]:
    """`units/{unit_id}/outlets/{outlet_id}` → (unit_id, outlet_id)."""
    unit_id, outlet_id = matched_name(OUTLET_NAME, name, field, "units/{unit_id}/outlets/{outlet_id}")
    return unit_id, outlet_id


def mn_from_name(name: str, field: str = "name") -> str:
    """`devices/{mn}` → mn."""
    return matched_name(DEVICE_NAME, name, field, "devices/{mn}")[0]


def region_filter(region_code: str) -> str:
    if region_code and not REGION_CODE.match(region_code):
        raise InvalidArgument.for_field("region_code", "must be a six-digit administrative division code")
    return region_code


KIND_TO_PROTO = {
    DataKind.REALTIME: monitoring_pb2.DATA_KIND_REALTIME,
    DataKind.MINUTE: monitoring_pb2.DATA_KIND_MINUTE,
    DataKind.HOURLY: monitoring_pb2.DATA_KIND_HOURLY,
    DataKind.DAILY: monitoring_pb2.DATA_KIND_DAILY,
}


ALERT_NAME = re.compile(r"^alerts/([^/]+)\Z")


def alert_id_from_name(name: str, field: str = "name") -> str:
    """`alerts/{alert_id}` → alert_id."""
    return matched_name(ALERT_NAME, name, field, "alerts/{alert_id}")[0]
