import datetime

from ecolink.alerts.v1 import alert_pb2 as _alert_pb2
from ecolink.alerts.v1 import monitoring_pb2 as _monitoring_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RecordAlertCaseRequest(_message.Message):
    __slots__ = ("name", "case")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CASE_FIELD_NUMBER: _ClassVar[int]
    name: str
    case: str
    def __init__(self, name: _Optional[str] = ..., case: _Optional[str] = ...) -> None: ...

class RecordAlertCaseResponse(_message.Message):
    __slots__ = ("alert",)
    ALERT_FIELD_NUMBER: _ClassVar[int]
    alert: _alert_pb2.Alert
    def __init__(self, alert: _Optional[_Union[_alert_pb2.Alert, _Mapping]] = ...) -> None: ...

class ListAlertsRequest(_message.Message):
    __slots__ = ("unit", "region_code", "rule", "state", "start_time", "end_time", "page_size", "page_token")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    unit: str
    region_code: str
    rule: str
    state: _alert_pb2.AlertState
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    page_size: int
    page_token: str
    def __init__(self, unit: _Optional[str] = ..., region_code: _Optional[str] = ..., rule: _Optional[str] = ..., state: _Optional[_Union[_alert_pb2.AlertState, str]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListAlertsResponse(_message.Message):
    __slots__ = ("alerts", "next_page_token")
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    alerts: _containers.RepeatedCompositeFieldContainer[_alert_pb2.Alert]
    next_page_token: str
    def __init__(self, alerts: _Optional[_Iterable[_Union[_alert_pb2.Alert, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetAlertRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetAlertResponse(_message.Message):
    __slots__ = ("alert",)
    ALERT_FIELD_NUMBER: _ClassVar[int]
    alert: _alert_pb2.Alert
    def __init__(self, alert: _Optional[_Union[_alert_pb2.Alert, _Mapping]] = ...) -> None: ...

class RescanRangeRequest(_message.Message):
    __slots__ = ("unit", "device", "start_time", "end_time")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    unit: str
    device: str
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    def __init__(self, unit: _Optional[str] = ..., device: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RescannedEpisode(_message.Message):
    __slots__ = ("rule", "unit", "outlet", "device", "data_kind", "factor_code", "state", "start_time", "end_time", "evidence", "matching_alert")
    RULE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    DATA_KIND_FIELD_NUMBER: _ClassVar[int]
    FACTOR_CODE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    MATCHING_ALERT_FIELD_NUMBER: _ClassVar[int]
    rule: str
    unit: str
    outlet: str
    device: str
    data_kind: _monitoring_pb2.DataKind
    factor_code: str
    state: _alert_pb2.AlertState
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    evidence: _containers.RepeatedCompositeFieldContainer[_alert_pb2.EvidencePoint]
    matching_alert: str
    def __init__(self, rule: _Optional[str] = ..., unit: _Optional[str] = ..., outlet: _Optional[str] = ..., device: _Optional[str] = ..., data_kind: _Optional[_Union[_monitoring_pb2.DataKind, str]] = ..., factor_code: _Optional[str] = ..., state: _Optional[_Union[_alert_pb2.AlertState, str]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., evidence: _Optional[_Iterable[_Union[_alert_pb2.EvidencePoint, _Mapping]]] = ..., matching_alert: _Optional[str] = ...) -> None: ...

class RescanRangeResponse(_message.Message):
    __slots__ = ("episodes", "unmatched_alerts")
    EPISODES_FIELD_NUMBER: _ClassVar[int]
    UNMATCHED_ALERTS_FIELD_NUMBER: _ClassVar[int]
    episodes: _containers.RepeatedCompositeFieldContainer[RescannedEpisode]
    unmatched_alerts: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, episodes: _Optional[_Iterable[_Union[RescannedEpisode, _Mapping]]] = ..., unmatched_alerts: _Optional[_Iterable[str]] = ...) -> None: ...
