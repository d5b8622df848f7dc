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
