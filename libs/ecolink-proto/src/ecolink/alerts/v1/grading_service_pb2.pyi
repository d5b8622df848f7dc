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

class Grade(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    GRADE_UNSPECIFIED: _ClassVar[Grade]
    GRADE_NONE: _ClassVar[Grade]
    GRADE_BLUE: _ClassVar[Grade]
    GRADE_YELLOW: _ClassVar[Grade]
    GRADE_ORANGE: _ClassVar[Grade]
    GRADE_RED: _ClassVar[Grade]
GRADE_UNSPECIFIED: Grade
GRADE_NONE: Grade
GRADE_BLUE: Grade
GRADE_YELLOW: Grade
GRADE_ORANGE: Grade
GRADE_RED: Grade

class ExceedanceGrade(_message.Message):
    __slots__ = ("name", "unit", "factor_code", "region_code", "grade", "as_of_date", "exceedance_dates", "update_time", "change_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    FACTOR_CODE_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_DATE_FIELD_NUMBER: _ClassVar[int]
    EXCEEDANCE_DATES_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    unit: str
    factor_code: str
    region_code: str
    grade: Grade
    as_of_date: str
    exceedance_dates: _containers.RepeatedScalarFieldContainer[str]
    update_time: _timestamp_pb2.Timestamp
    change_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., unit: _Optional[str] = ..., factor_code: _Optional[str] = ..., region_code: _Optional[str] = ..., grade: _Optional[_Union[Grade, str]] = ..., as_of_date: _Optional[str] = ..., exceedance_dates: _Optional[_Iterable[str]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., change_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListExceedanceGradesRequest(_message.Message):
    __slots__ = ("unit", "region_code", "grade", "page_size", "page_token")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    unit: str
    region_code: str
    grade: Grade
    page_size: int
    page_token: str
    def __init__(self, unit: _Optional[str] = ..., region_code: _Optional[str] = ..., grade: _Optional[_Union[Grade, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListExceedanceGradesResponse(_message.Message):
    __slots__ = ("exceedance_grades", "next_page_token")
    EXCEEDANCE_GRADES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    exceedance_grades: _containers.RepeatedCompositeFieldContainer[ExceedanceGrade]
    next_page_token: str
    def __init__(self, exceedance_grades: _Optional[_Iterable[_Union[ExceedanceGrade, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DerivedMean(_message.Message):
    __slots__ = ("device", "data_kind", "factor_code", "period_start", "value", "converted", "flag", "valid", "valid_count", "total_count", "required_count", "compute_time")
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    DATA_KIND_FIELD_NUMBER: _ClassVar[int]
    FACTOR_CODE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_START_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    FLAG_FIELD_NUMBER: _ClassVar[int]
    VALID_FIELD_NUMBER: _ClassVar[int]
    VALID_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_COUNT_FIELD_NUMBER: _ClassVar[int]
    COMPUTE_TIME_FIELD_NUMBER: _ClassVar[int]
    device: str
    data_kind: _monitoring_pb2.DataKind
    factor_code: str
    period_start: _timestamp_pb2.Timestamp
    value: float
    converted: float
    flag: str
    valid: bool
    valid_count: int
    total_count: int
    required_count: int
    compute_time: _timestamp_pb2.Timestamp
    def __init__(self, device: _Optional[str] = ..., data_kind: _Optional[_Union[_monitoring_pb2.DataKind, str]] = ..., factor_code: _Optional[str] = ..., period_start: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., value: _Optional[float] = ..., converted: _Optional[float] = ..., flag: _Optional[str] = ..., valid: _Optional[bool] = ..., valid_count: _Optional[int] = ..., total_count: _Optional[int] = ..., required_count: _Optional[int] = ..., compute_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListDerivedMeansRequest(_message.Message):
    __slots__ = ("device", "data_kind", "factor_code", "start_time", "end_time", "page_size", "page_token")
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    DATA_KIND_FIELD_NUMBER: _ClassVar[int]
    FACTOR_CODE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    device: str
    data_kind: _monitoring_pb2.DataKind
    factor_code: str
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    page_size: int
    page_token: str
    def __init__(self, device: _Optional[str] = ..., data_kind: _Optional[_Union[_monitoring_pb2.DataKind, str]] = ..., factor_code: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListDerivedMeansResponse(_message.Message):
    __slots__ = ("derived_means", "next_page_token")
    DERIVED_MEANS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    derived_means: _containers.RepeatedCompositeFieldContainer[DerivedMean]
    next_page_token: str
    def __init__(self, derived_means: _Optional[_Iterable[_Union[DerivedMean, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
