"""Conversion between identity protos and directory entries; the only module here touching `_pb2` classes."""

from __future__ import annotations

from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.common.v1 import agency_pb2, identity_service_pb2
from ecolink_common.directory import Agency, AgencyKind, AgencyLevel, is_region_code
from ecolink_common.errors import InvalidArgument
from ecolink_common.identity.handlers import WhoAmI

AGENCY_NAME_PREFIX = "agencies/"

KIND_TO_PROTO = {
    AgencyKind.ECO_BUREAU: agency_pb2.AGENCY_KIND_ECO_BUREAU,
    AgencyKind.ENFORCEMENT_BUREAU: agency_pb2.AGENCY_KIND_ENFORCEMENT_BUREAU,
    AgencyKind.POLICE: agency_pb2.AGENCY_KIND_POLICE,
    AgencyKind.PROCURATORATE: agency_pb2.AGENCY_KIND_PROCURATORATE,
    AgencyKind.COURT: agency_pb2.AGENCY_KIND_COURT,
    AgencyKind.BASIN_DESK: agency_pb2.AGENCY_KIND_BASIN_DESK,
    AgencyKind.ENTERPRISE: agency_pb2.AGENCY_KIND_ENTERPRISE,
}
PROTO_TO_KIND = {value: key for key, value in KIND_TO_PROTO.items()}
LEVEL_TO_PROTO = {
    AgencyLevel.PROVINCE: agency_pb2.AGENCY_LEVEL_PROVINCE,
    AgencyLevel.CITY: agency_pb2.AGENCY_LEVEL_CITY,
    AgencyLevel.COUNTY: agency_pb2.AGENCY_LEVEL_COUNTY,
}


def agency_to_proto(agency: Agency) -> agency_pb2.Agency:
    return agency_pb2.Agency(
        name=AGENCY_NAME_PREFIX + agency.agency_id,
        agency_id=agency.agency_id,
        display_name=agency.display_name,
        english_name=agency.english_name,
        kind=KIND_TO_PROTO[agency.kind],
        level=LEVEL_TO_PROTO[agency.level],
        region_code=agency.region_code,
        basin_ids=list(agency.basin_ids),
    )


def who_am_i_to_proto(who: WhoAmI) -> identity_service_pb2.WhoAmIResponse:
    expires = Timestamp()
    expires.FromDatetime(who.principal.token_expires_at)
    return identity_service_pb2.WhoAmIResponse(
        agency=agency_to_proto(who.principal.agency),
        token_expire_time=expires,
        authentication_method=who.principal.authentication_method,
        directory_version=who.directory_version,
    )


def agency_id_from_name(name: str) -> str:
    """`agencies/{agency_id}` → agency_id; anything else is INVALID_ARGUMENT on `name`."""
    if not name.startswith(AGENCY_NAME_PREFIX) or not name[len(AGENCY_NAME_PREFIX) :]:
        raise InvalidArgument.for_field("name", "must look like agencies/{agency_id}, e.g. agencies/eeb-360800")
    return name[len(AGENCY_NAME_PREFIX) :]


def kind_filter(kind: int) -> AgencyKind | None:
    """The optional kind filter of ListAgencies."""
    if kind == agency_pb2.AGENCY_KIND_UNSPECIFIED:
        return None
    if kind not in PROTO_TO_KIND:
        raise InvalidArgument.for_field("kind", f"unknown agency kind {kind}")
    return PROTO_TO_KIND[kind]  # type: ignore[index]


def region_filter(region_code: str) -> str:
    """The optional region filter of ListAgencies: empty, or a six-digit code."""
    if region_code and not is_region_code(region_code):
        raise InvalidArgument.for_field("region_code", "must be a six-digit administrative division code")
    return region_code
