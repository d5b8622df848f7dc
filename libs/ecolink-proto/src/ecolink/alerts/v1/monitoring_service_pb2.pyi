import datetime

from ecolink.alerts.v1 import monitoring_pb2 as _monitoring_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TransmissionRateLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRANSMISSION_RATE_LEVEL_UNSPECIFIED: _ClassVar[TransmissionRateLevel]
    TRANSMISSION_RATE_LEVEL_DEVICE: _ClassVar[TransmissionRateLevel]
    TRANSMISSION_RATE_LEVEL_UNIT: _ClassVar[TransmissionRateLevel]
    TRANSMISSION_RATE_LEVEL_COUNTY: _ClassVar[TransmissionRateLevel]
    TRANSMISSION_RATE_LEVEL_CITY: _ClassVar[TransmissionRateLevel]
TRANSMISSION_RATE_LEVEL_UNSPECIFIED: TransmissionRateLevel
TRANSMISSION_RATE_LEVEL_DEVICE: TransmissionRateLevel
TRANSMISSION_RATE_LEVEL_UNIT: TransmissionRateLevel
TRANSMISSION_RATE_LEVEL_COUNTY: TransmissionRateLevel
TRANSMISSION_RATE_LEVEL_CITY: TransmissionRateLevel

class GetTransmissionRateRequest(_message.Message):
    __slots__ = ("region_code", "start_time", "end_time", "level")
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    region_code: str
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    level: TransmissionRateLevel
    def __init__(self, region_code: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., level: _Optional[_Union[TransmissionRateLevel, str]] = ...) -> None: ...

class TransmissionRate(_message.Message):
    __slots__ = ("scope", "display_name", "region_code", "expected_records", "valid_records", "rate")
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_RECORDS_FIELD_NUMBER: _ClassVar[int]
    VALID_RECORDS_FIELD_NUMBER: _ClassVar[int]
    RATE_FIELD_NUMBER: _ClassVar[int]
    scope: str
    display_name: str
    region_code: str
    expected_records: int
    valid_records: int
    rate: float
    def __init__(self, scope: _Optional[str] = ..., display_name: _Optional[str] = ..., region_code: _Optional[str] = ..., expected_records: _Optional[int] = ..., valid_records: _Optional[int] = ..., rate: _Optional[float] = ...) -> None: ...

class GetTransmissionRateResponse(_message.Message):
    __slots__ = ("rates", "total")
    RATES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    rates: _containers.RepeatedCompositeFieldContainer[TransmissionRate]
    total: TransmissionRate
    def __init__(self, rates: _Optional[_Iterable[_Union[TransmissionRate, _Mapping]]] = ..., total: _Optional[_Union[TransmissionRate, _Mapping]] = ...) -> None: ...

class IngestMonitoringDataRequest(_message.Message):
    __slots__ = ("records",)
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[_monitoring_pb2.MonitoringRecord]
    def __init__(self, records: _Optional[_Iterable[_Union[_monitoring_pb2.MonitoringRecord, _Mapping]]] = ...) -> None: ...

class RecordRefusal(_message.Message):
    __slots__ = ("index", "mn", "reason")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    MN_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    index: int
    mn: str
    reason: str
    def __init__(self, index: _Optional[int] = ..., mn: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class IngestMonitoringDataResponse(_message.Message):
    __slots__ = ("accepted", "duplicates", "conflicts", "refusals")
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    DUPLICATES_FIELD_NUMBER: _ClassVar[int]
    CONFLICTS_FIELD_NUMBER: _ClassVar[int]
    REFUSALS_FIELD_NUMBER: _ClassVar[int]
    accepted: int
    duplicates: int
    conflicts: int
    refusals: _containers.RepeatedCompositeFieldContainer[RecordRefusal]
    def __init__(self, accepted: _Optional[int] = ..., duplicates: _Optional[int] = ..., conflicts: _Optional[int] = ..., refusals: _Optional[_Iterable[_Union[RecordRefusal, _Mapping]]] = ...) -> None: ...

class ListMonitoringValuesRequest(_message.Message):
    __slots__ = ("device", "unit", "factor_code", "data_kind", "start_time", "end_time", "page_size", "page_token")
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    FACTOR_CODE_FIELD_NUMBER: _ClassVar[int]
    DATA_KIND_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    device: str
    unit: str
    factor_code: str
    data_kind: _monitoring_pb2.DataKind
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    page_size: int
    page_token: str
    def __init__(self, device: _Optional[str] = ..., unit: _Optional[str] = ..., factor_code: _Optional[str] = ..., data_kind: _Optional[_Union[_monitoring_pb2.DataKind, str]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ConflictingVersion(_message.Message):
    __slots__ = ("value", "flag", "converted", "minimum", "maximum", "cumulative", "receive_time")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    FLAG_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    MINIMUM_FIELD_NUMBER: _ClassVar[int]
    MAXIMUM_FIELD_NUMBER: _ClassVar[int]
    CUMULATIVE_FIELD_NUMBER: _ClassVar[int]
    RECEIVE_TIME_FIELD_NUMBER: _ClassVar[int]
    value: float
    flag: str
    converted: float
    minimum: float
    maximum: float
    cumulative: float
    receive_time: _timestamp_pb2.Timestamp
    def __init__(self, value: _Optional[float] = ..., flag: _Optional[str] = ..., converted: _Optional[float] = ..., minimum: _Optional[float] = ..., maximum: _Optional[float] = ..., cumulative: _Optional[float] = ..., receive_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class MonitoringValue(_message.Message):
    __slots__ = ("mn", "data_kind", "data_time", "factor_code", "value", "flag", "converted", "minimum", "maximum", "cumulative", "receive_time", "conflicts")
    MN_FIELD_NUMBER: _ClassVar[int]
    DATA_KIND_FIELD_NUMBER: _ClassVar[int]
    DATA_TIME_FIELD_NUMBER: _ClassVar[int]
    FACTOR_CODE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    FLAG_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    MINIMUM_FIELD_NUMBER: _ClassVar[int]
    MAXIMUM_FIELD_NUMBER: _ClassVar[int]
    CUMULATIVE_FIELD_NUMBER: _ClassVar[int]
    RECEIVE_TIME_FIELD_NUMBER: _ClassVar[int]
    CONFLICTS_FIELD_NUMBER: _ClassVar[int]
    mn: str
    data_kind: _monitoring_pb2.DataKind
    data_time: _timestamp_pb2.Timestamp
    factor_code: str
    value: float
    flag: str
    converted: float
    minimum: float
    maximum: float
    cumulative: float
    receive_time: _timestamp_pb2.Timestamp
    conflicts: _containers.RepeatedCompositeFieldContainer[ConflictingVersion]
    def __init__(self, mn: _Optional[str] = ..., data_kind: _Optional[_Union[_monitoring_pb2.DataKind, str]] = ..., data_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., factor_code: _Optional[str] = ..., value: _Optional[float] = ..., flag: _Optional[str] = ..., converted: _Optional[float] = ..., minimum: _Optional[float] = ..., maximum: _Optional[float] = ..., cumulative: _Optional[float] = ..., receive_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., conflicts: _Optional[_Iterable[_Union[ConflictingVersion, _Mapping]]] = ...) -> None: ...

class ListMonitoringValuesResponse(_message.Message):
    __slots__ = ("values", "next_page_token")
    VALUES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedCompositeFieldContainer[MonitoringValue]
    next_page_token: str
    def __init__(self, values: _Optional[_Iterable[_Union[MonitoringValue, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
