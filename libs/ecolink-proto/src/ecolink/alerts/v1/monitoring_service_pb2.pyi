from ecolink.alerts.v1 import monitoring_pb2 as _monitoring_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

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
