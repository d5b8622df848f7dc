"""Conversion between identity protos and directory entries; the only module here touching `_pb2` classes."""

from __future__ import annotations

import re

from ecolink.common.v1 import agency_pb2, identity_service_pb2
from ecolink_common.directory import Agency, AgencyKind, AgencyLevel, is_region_code
from ecolink_common.errors import InvalidArgument
from ecolink_common.identity.handlers import WhoAmI
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_names import ResourceName
from ecolink_common.proto_time import timestamp_from_datetime

AGENCY_NAME_PREFIX = "agencies/"
AGENCY_NAME = ResourceName(
    re.compile(r"^agencies/(.+)\Z", re.S), "must look like agencies/{agency_id}, e.g. agencies/eeb-360800"
)

KINDS = EnumMap(
    {
        AgencyKind.ECO_BUREAU: agency_pb2.AGENCY_KIND_ECO_BUREAU,
        AgencyKind.ENFORCEMENT_BUREAU: agency_pb2.AGENCY_KIND_ENFORCEMENT_BUREAU,
        AgencyKind.POLICE: agency_pb2.AGENCY_KIND_POLICE,
        AgencyKind.PROCURATORATE: agency_pb2.AGENCY_KIND_PROCURATORATE,
        AgencyKind.COURT: agency_pb2.AGENCY_KIND_COURT,
        AgencyKind.BASIN_DESK: agency_pb2.AGENCY_KIND_BASIN_DESK,
        AgencyKind.ENTERPRISE: agency_pb2.AGENCY_KIND_ENTERPRISE,
    }
)
LEVELS = EnumMap(
    {
        AgencyLevel.PROVINCE: agency_pb2.AGENCY_LEVEL_PROVINCE,
        AgencyLevel.CITY: agency_pb2.AGENCY_LEVEL_CITY,
        AgencyLevel.COUNTY: agency_pb2.AGENCY_LEVEL_COUNTY,
    }
)


def agency_to_proto(agency: Agency) -> agency_pb2.Agency:
    return agency_pb2.Agency(
        name=AGENCY_NAME_PREFIX + agency.agency_id,
        agency_id=agency.agency_id,
        display_name=agency.display_name,
        english_name=agency.english_name,
        kind=KINDS.to_proto(agency.kind),
        level=LEVELS.to_proto(agency.level),
        region_code=agency.region_code,
        basin_ids=list(agency.basin_ids),
    )


def who_am_i_to_proto(who: WhoAmI) -> identity_service_pb2.WhoAmIResponse:
    return identity_service_pb2.WhoAmIResponse(
        agency=agency_to_proto(who.principal.agency),
        token_expire_time=timestamp_from_datetime(who.principal.token_expires_at),
        authentication_method=who.principal.authentication_method,
        directory_version=who.directory_version,
    )


def agency_id_from_name(name: str) -> str:
    """`agencies/{agency_id}` → agency_id; anything else is INVALID_ARGUMENT on `name`."""
    return AGENCY_NAME.id(name, "name")


def kind_filter(kind: int) -> AgencyKind | None:
    """The optional kind filter of ListAgencies."""
    if kind == agency_pb2.AGENCY_KIND_UNSPECIFIED:
        return None
    found = KINDS.get(kind)
    if found is None:
        raise InvalidArgument.for_field("kind", f"unknown agency kind {kind}")
    return found


def region_filter(region_code: str) -> str:
    """The optional region filter of ListAgencies: empty, or a six-digit code."""
    if region_code and not is_region_code(region_code):
        raise InvalidArgument.for_field("region_code", "must be a six-digit administrative division code")
    return region_code
