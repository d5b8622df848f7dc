import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class DataKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DATA_KIND_UNSPECIFIED: _ClassVar[DataKind]
    DATA_KIND_REALTIME: _ClassVar[DataKind]
    DATA_KIND_MINUTE: _ClassVar[DataKind]
    DATA_KIND_HOURLY: _ClassVar[DataKind]
    DATA_KIND_DAILY: _ClassVar[DataKind]
DATA_KIND_UNSPECIFIED: DataKind
DATA_KIND_REALTIME: DataKind
DATA_KIND_MINUTE: DataKind
DATA_KIND_HOURLY: DataKind
DATA_KIND_DAILY: DataKind

class FactorValue(_message.Message):
    __slots__ = ("factor_code", "value", "flag", "converted", "minimum", "maximum", "cumulative")
    FACTOR_CODE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    FLAG_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    MINIMUM_FIELD_NUMBER: _ClassVar[int]
    MAXIMUM_FIELD_NUMBER: _ClassVar[int]
    CUMULATIVE_FIELD_NUMBER: _ClassVar[int]
    factor_code: str
    value: float
    flag: str
    converted: float
    minimum: float
    maximum: float
    cumulative: float
    def __init__(self, factor_code: _Optional[str] = ..., value: _Optional[float] = ..., flag: _Optional[str] = ..., converted: _Optional[float] = ..., minimum: _Optional[float] = ..., maximum: _Optional[float] = ..., cumulative: _Optional[float] = ...) -> None: ...

class MonitoringRecord(_message.Message):
    __slots__ = ("mn", "data_kind", "data_time", "values")
    MN_FIELD_NUMBER: _ClassVar[int]
    DATA_KIND_FIELD_NUMBER: _ClassVar[int]
    DATA_TIME_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    mn: str
    data_kind: DataKind
    data_time: _timestamp_pb2.Timestamp
    values: _containers.RepeatedCompositeFieldContainer[FactorValue]
    def __init__(self, mn: _Optional[str] = ..., data_kind: _Optional[_Union[DataKind, str]] = ..., data_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., values: _Optional[_Iterable[_Union[FactorValue, _Mapping]]] = ...) -> None: ...
