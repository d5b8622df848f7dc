from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OutletMedium(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OUTLET_MEDIUM_UNSPECIFIED: _ClassVar[OutletMedium]
    OUTLET_MEDIUM_FLUE_GAS: _ClassVar[OutletMedium]
    OUTLET_MEDIUM_WASTE_WATER: _ClassVar[OutletMedium]

class ProtocolVersion(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PROTOCOL_VERSION_UNSPECIFIED: _ClassVar[ProtocolVersion]
    PROTOCOL_VERSION_HJ212_2005: _ClassVar[ProtocolVersion]
    PROTOCOL_VERSION_HJ212_2017: _ClassVar[ProtocolVersion]
    PROTOCOL_VERSION_HJ212_2025: _ClassVar[ProtocolVersion]

class CrcMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CRC_MODE_UNSPECIFIED: _ClassVar[CrcMode]
    CRC_MODE_HJ212: _ClassVar[CrcMode]
    CRC_MODE_MODBUS: _ClassVar[CrcMode]
OUTLET_MEDIUM_UNSPECIFIED: OutletMedium
OUTLET_MEDIUM_FLUE_GAS: OutletMedium
OUTLET_MEDIUM_WASTE_WATER: OutletMedium
PROTOCOL_VERSION_UNSPECIFIED: ProtocolVersion
PROTOCOL_VERSION_HJ212_2005: ProtocolVersion
PROTOCOL_VERSION_HJ212_2017: ProtocolVersion
PROTOCOL_VERSION_HJ212_2025: ProtocolVersion
CRC_MODE_UNSPECIFIED: CrcMode
CRC_MODE_HJ212: CrcMode
CRC_MODE_MODBUS: CrcMode

class KeyUnit(_message.Message):
    __slots__ = ("name", "unit_id", "display_name", "region_code", "industry", "enterprise_agency_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    ENTERPRISE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    unit_id: str
    display_name: str
    region_code: str
    industry: str
    enterprise_agency_id: str
    def __init__(self, name: _Optional[str] = ..., unit_id: _Optional[str] = ..., display_name: _Optional[str] = ..., region_code: _Optional[str] = ..., industry: _Optional[str] = ..., enterprise_agency_id: _Optional[str] = ...) -> None: ...

class MonitoredFactor(_message.Message):
    __slots__ = ("pollutant_code", "unit", "emission_limit", "range_lower", "range_upper")
    POLLUTANT_CODE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    EMISSION_LIMIT_FIELD_NUMBER: _ClassVar[int]
    RANGE_LOWER_FIELD_NUMBER: _ClassVar[int]
    RANGE_UPPER_FIELD_NUMBER: _ClassVar[int]
    pollutant_code: str
    unit: str
    emission_limit: float
    range_lower: float
    range_upper: float
    def __init__(self, pollutant_code: _Optional[str] = ..., unit: _Optional[str] = ..., emission_limit: _Optional[float] = ..., range_lower: _Optional[float] = ..., range_upper: _Optional[float] = ...) -> None: ...

class Outlet(_message.Message):
    __slots__ = ("name", "outlet_id", "display_name", "medium", "factors")
    NAME_FIELD_NUMBER: _ClassVar[int]
    OUTLET_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    MEDIUM_FIELD_NUMBER: _ClassVar[int]
    FACTORS_FIELD_NUMBER: _ClassVar[int]
    name: str
    outlet_id: str
    display_name: str
    medium: OutletMedium
    factors: _containers.RepeatedCompositeFieldContainer[MonitoredFactor]
    def __init__(self, name: _Optional[str] = ..., outlet_id: _Optional[str] = ..., display_name: _Optional[str] = ..., medium: _Optional[_Union[OutletMedium, str]] = ..., factors: _Optional[_Iterable[_Union[MonitoredFactor, _Mapping]]] = ...) -> None: ...

class Device(_message.Message):
    __slots__ = ("name", "mn", "outlet", "protocol_version", "crc_mode", "access_password", "password_set")
    NAME_FIELD_NUMBER: _ClassVar[int]
    MN_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_VERSION_FIELD_NUMBER: _ClassVar[int]
    CRC_MODE_FIELD_NUMBER: _ClassVar[int]
    ACCESS_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_SET_FIELD_NUMBER: _ClassVar[int]
    name: str
    mn: str
    outlet: str
    protocol_version: ProtocolVersion
    crc_mode: CrcMode
    access_password: str
    password_set: bool
    def __init__(self, name: _Optional[str] = ..., mn: _Optional[str] = ..., outlet: _Optional[str] = ..., protocol_version: _Optional[_Union[ProtocolVersion, str]] = ..., crc_mode: _Optional[_Union[CrcMode, str]] = ..., access_password: _Optional[str] = ..., password_set: _Optional[bool] = ...) -> None: ...

class VideoChannel(_message.Message):
    __slots__ = ("name", "channel_id", "display_name", "outlet", "stream_url")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    STREAM_URL_FIELD_NUMBER: _ClassVar[int]
    name: str
    channel_id: str
    display_name: str
    outlet: str
    stream_url: str
    def __init__(self, name: _Optional[str] = ..., channel_id: _Optional[str] = ..., display_name: _Optional[str] = ..., outlet: _Optional[str] = ..., stream_url: _Optional[str] = ...) -> None: ...
