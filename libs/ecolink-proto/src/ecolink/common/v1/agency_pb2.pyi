from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AgencyKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AGENCY_KIND_UNSPECIFIED: _ClassVar[AgencyKind]
    AGENCY_KIND_ECO_BUREAU: _ClassVar[AgencyKind]
    AGENCY_KIND_ENFORCEMENT_BUREAU: _ClassVar[AgencyKind]
    AGENCY_KIND_POLICE: _ClassVar[AgencyKind]
    AGENCY_KIND_PROCURATORATE: _ClassVar[AgencyKind]
    AGENCY_KIND_COURT: _ClassVar[AgencyKind]
    AGENCY_KIND_BASIN_DESK: _ClassVar[AgencyKind]
    AGENCY_KIND_ENTERPRISE: _ClassVar[AgencyKind]

class AgencyLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AGENCY_LEVEL_UNSPECIFIED: _ClassVar[AgencyLevel]
    AGENCY_LEVEL_PROVINCE: _ClassVar[AgencyLevel]
    AGENCY_LEVEL_CITY: _ClassVar[AgencyLevel]
    AGENCY_LEVEL_COUNTY: _ClassVar[AgencyLevel]
AGENCY_KIND_UNSPECIFIED: AgencyKind
AGENCY_KIND_ECO_BUREAU: AgencyKind
AGENCY_KIND_ENFORCEMENT_BUREAU: AgencyKind
AGENCY_KIND_POLICE: AgencyKind
AGENCY_KIND_PROCURATORATE: AgencyKind
AGENCY_KIND_COURT: AgencyKind
AGENCY_KIND_BASIN_DESK: AgencyKind
AGENCY_KIND_ENTERPRISE: AgencyKind
AGENCY_LEVEL_UNSPECIFIED: AgencyLevel
AGENCY_LEVEL_PROVINCE: AgencyLevel
AGENCY_LEVEL_CITY: AgencyLevel
AGENCY_LEVEL_COUNTY: AgencyLevel

class Agency(_message.Message):
    __slots__ = ("name", "agency_id", "display_name", "english_name", "kind", "level", "region_code", "basin_ids")
    NAME_FIELD_NUMBER: _ClassVar[int]
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ENGLISH_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    BASIN_IDS_FIELD_NUMBER: _ClassVar[int]
    name: str
    agency_id: str
    display_name: str
    english_name: str
    kind: AgencyKind
    level: AgencyLevel
    region_code: str
    basin_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., agency_id: _Optional[str] = ..., display_name: _Optional[str] = ..., english_name: _Optional[str] = ..., kind: _Optional[_Union[AgencyKind, str]] = ..., level: _Optional[_Union[AgencyLevel, str]] = ..., region_code: _Optional[str] = ..., basin_ids: _Optional[_Iterable[str]] = ...) -> None: ...
