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

class AlertState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ALERT_STATE_UNSPECIFIED: _ClassVar[AlertState]
    ALERT_STATE_OPEN: _ClassVar[AlertState]
    ALERT_STATE_CLOSED: _ClassVar[AlertState]
ALERT_STATE_UNSPECIFIED: AlertState
ALERT_STATE_OPEN: AlertState
ALERT_STATE_CLOSED: AlertState

class EvidenceReading(_message.Message):
    __slots__ = ("factor_code", "data_kind", "data_time", "value", "flag", "converted", "receive_time")
    FACTOR_CODE_FIELD_NUMBER: _ClassVar[int]
    DATA_KIND_FIELD_NUMBER: _ClassVar[int]
    DATA_TIME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    FLAG_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_FIELD_NUMBER: _ClassVar[int]
    RECEIVE_TIME_FIELD_NUMBER: _ClassVar[int]
    factor_code: str
    data_kind: _monitoring_pb2.DataKind
    data_time: _timestamp_pb2.Timestamp
    value: float
    flag: str
    converted: float
    receive_time: _timestamp_pb2.Timestamp
    def __init__(self, factor_code: _Optional[str] = ..., data_kind: _Optional[_Union[_monitoring_pb2.DataKind, str]] = ..., data_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., value: _Optional[float] = ..., flag: _Optional[str] = ..., converted: _Optional[float] = ..., receive_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class EvidencePacket(_message.Message):
    __slots__ = ("receive_time", "qn", "faults")
    RECEIVE_TIME_FIELD_NUMBER: _ClassVar[int]
    QN_FIELD_NUMBER: _ClassVar[int]
    FAULTS_FIELD_NUMBER: _ClassVar[int]
    receive_time: _timestamp_pb2.Timestamp
    qn: str
    faults: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, receive_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., qn: _Optional[str] = ..., faults: _Optional[_Iterable[str]] = ...) -> None: ...

class EvidenceCompanionRise(_message.Message):
    __slots__ = ("factor_code", "data_time", "baseline", "value", "relative_change")
    FACTOR_CODE_FIELD_NUMBER: _ClassVar[int]
    DATA_TIME_FIELD_NUMBER: _ClassVar[int]
    BASELINE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    RELATIVE_CHANGE_FIELD_NUMBER: _ClassVar[int]
    factor_code: str
    data_time: _timestamp_pb2.Timestamp
    baseline: float
    value: float
    relative_change: float
    def __init__(self, factor_code: _Optional[str] = ..., data_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., baseline: _Optional[float] = ..., value: _Optional[float] = ..., relative_change: _Optional[float] = ...) -> None: ...

class EvidencePoint(_message.Message):
    __slots__ = ("reading", "packet", "companion_rise")
    READING_FIELD_NUMBER: _ClassVar[int]
    PACKET_FIELD_NUMBER: _ClassVar[int]
    COMPANION_RISE_FIELD_NUMBER: _ClassVar[int]
    reading: EvidenceReading
    packet: EvidencePacket
    companion_rise: EvidenceCompanionRise
    def __init__(self, reading: _Optional[_Union[EvidenceReading, _Mapping]] = ..., packet: _Optional[_Union[EvidencePacket, _Mapping]] = ..., companion_rise: _Optional[_Union[EvidenceCompanionRise, _Mapping]] = ...) -> None: ...

class Alert(_message.Message):
    __slots__ = ("name", "rule", "unit", "outlet", "device", "data_kind", "factor_code", "region_code", "state", "start_time", "end_time", "create_time", "update_time", "evidence", "case")
    NAME_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    DATA_KIND_FIELD_NUMBER: _ClassVar[int]
    FACTOR_CODE_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    CASE_FIELD_NUMBER: _ClassVar[int]
    name: str
    rule: str
    unit: str
    outlet: str
    device: str
    data_kind: _monitoring_pb2.DataKind
    factor_code: str
    region_code: str
    state: AlertState
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    evidence: _containers.RepeatedCompositeFieldContainer[EvidencePoint]
    case: str
    def __init__(self, name: _Optional[str] = ..., rule: _Optional[str] = ..., unit: _Optional[str] = ..., outlet: _Optional[str] = ..., device: _Optional[str] = ..., data_kind: _Optional[_Union[_monitoring_pb2.DataKind, str]] = ..., factor_code: _Optional[str] = ..., region_code: _Optional[str] = ..., state: _Optional[_Union[AlertState, str]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., evidence: _Optional[_Iterable[_Union[EvidencePoint, _Mapping]]] = ..., case: _Optional[str] = ...) -> None: ...
