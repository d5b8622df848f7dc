import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BasinAgreement(_message.Message):
    __slots__ = ("name", "basin_id", "display_name", "kind", "desk_agency_id", "member_agency_ids", "acknowledge_minutes", "measures_minutes", "escalate_every_minutes", "escalation")
    NAME_FIELD_NUMBER: _ClassVar[int]
    BASIN_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DESK_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_AGENCY_IDS_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGE_MINUTES_FIELD_NUMBER: _ClassVar[int]
    MEASURES_MINUTES_FIELD_NUMBER: _ClassVar[int]
    ESCALATE_EVERY_MINUTES_FIELD_NUMBER: _ClassVar[int]
    ESCALATION_FIELD_NUMBER: _ClassVar[int]
    name: str
    basin_id: str
    display_name: str
    kind: str
    desk_agency_id: str
    member_agency_ids: _containers.RepeatedScalarFieldContainer[str]
    acknowledge_minutes: int
    measures_minutes: int
    escalate_every_minutes: int
    escalation: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., basin_id: _Optional[str] = ..., display_name: _Optional[str] = ..., kind: _Optional[str] = ..., desk_agency_id: _Optional[str] = ..., member_agency_ids: _Optional[_Iterable[str]] = ..., acknowledge_minutes: _Optional[int] = ..., measures_minutes: _Optional[int] = ..., escalate_every_minutes: _Optional[int] = ..., escalation: _Optional[_Iterable[str]] = ...) -> None: ...

class IncidentNotice(_message.Message):
    __slots__ = ("agency_id", "role", "acknowledge_due_time", "acknowledge_time", "measures_due_time", "measures_time")
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGE_DUE_TIME_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGE_TIME_FIELD_NUMBER: _ClassVar[int]
    MEASURES_DUE_TIME_FIELD_NUMBER: _ClassVar[int]
    MEASURES_TIME_FIELD_NUMBER: _ClassVar[int]
    agency_id: str
    role: str
    acknowledge_due_time: _timestamp_pb2.Timestamp
    acknowledge_time: _timestamp_pb2.Timestamp
    measures_due_time: _timestamp_pb2.Timestamp
    measures_time: _timestamp_pb2.Timestamp
    def __init__(self, agency_id: _Optional[str] = ..., role: _Optional[str] = ..., acknowledge_due_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., acknowledge_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., measures_due_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., measures_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class IncidentMeasures(_message.Message):
    __slots__ = ("seq", "agency_id", "officer_ids", "text", "evidence", "monitoring", "report_time")
    SEQ_FIELD_NUMBER: _ClassVar[int]
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    MONITORING_FIELD_NUMBER: _ClassVar[int]
    REPORT_TIME_FIELD_NUMBER: _ClassVar[int]
    seq: int
    agency_id: str
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    text: str
    evidence: _containers.RepeatedScalarFieldContainer[str]
    monitoring: str
    report_time: _timestamp_pb2.Timestamp
    def __init__(self, seq: _Optional[int] = ..., agency_id: _Optional[str] = ..., officer_ids: _Optional[_Iterable[str]] = ..., text: _Optional[str] = ..., evidence: _Optional[_Iterable[str]] = ..., monitoring: _Optional[str] = ..., report_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class IncidentEscalation(_message.Message):
    __slots__ = ("seq", "silent_agency_id", "duty", "level", "to_agency_ids", "escalate_time")
    SEQ_FIELD_NUMBER: _ClassVar[int]
    SILENT_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    DUTY_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    TO_AGENCY_IDS_FIELD_NUMBER: _ClassVar[int]
    ESCALATE_TIME_FIELD_NUMBER: _ClassVar[int]
    seq: int
    silent_agency_id: str
    duty: str
    level: int
    to_agency_ids: _containers.RepeatedScalarFieldContainer[str]
    escalate_time: _timestamp_pb2.Timestamp
    def __init__(self, seq: _Optional[int] = ..., silent_agency_id: _Optional[str] = ..., duty: _Optional[str] = ..., level: _Optional[int] = ..., to_agency_ids: _Optional[_Iterable[str]] = ..., escalate_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class IncidentDelivery(_message.Message):
    __slots__ = ("agency_id", "event_id", "status", "attempts", "create_time", "delivered_time")
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DELIVERED_TIME_FIELD_NUMBER: _ClassVar[int]
    agency_id: str
    event_id: str
    status: str
    attempts: int
    create_time: _timestamp_pb2.Timestamp
    delivered_time: _timestamp_pb2.Timestamp
    def __init__(self, agency_id: _Optional[str] = ..., event_id: _Optional[str] = ..., status: _Optional[str] = ..., attempts: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., delivered_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class IncidentTimelineEntry(_message.Message):
    __slots__ = ("time", "kind", "agency_id", "detail")
    TIME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    time: _timestamp_pb2.Timestamp
    kind: str
    agency_id: str
    detail: str
    def __init__(self, time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., kind: _Optional[str] = ..., agency_id: _Optional[str] = ..., detail: _Optional[str] = ...) -> None: ...

class Incident(_message.Message):
    __slots__ = ("name", "agreement", "basin_id", "reporter_agency_id", "location", "pollutant", "estimated_quantity", "occur_time", "description", "evidence", "drill", "state", "report_time", "update_time", "notices", "measures", "escalations", "deliveries", "timeline", "close_time", "closed_by", "close_note", "all_acknowledged_time", "change_seq", "scheduled_by")
    NAME_FIELD_NUMBER: _ClassVar[int]
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    BASIN_ID_FIELD_NUMBER: _ClassVar[int]
    REPORTER_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    POLLUTANT_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    DRILL_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    REPORT_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    NOTICES_FIELD_NUMBER: _ClassVar[int]
    MEASURES_FIELD_NUMBER: _ClassVar[int]
    ESCALATIONS_FIELD_NUMBER: _ClassVar[int]
    DELIVERIES_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_FIELD_NUMBER: _ClassVar[int]
    CLOSE_TIME_FIELD_NUMBER: _ClassVar[int]
    CLOSED_BY_FIELD_NUMBER: _ClassVar[int]
    CLOSE_NOTE_FIELD_NUMBER: _ClassVar[int]
    ALL_ACKNOWLEDGED_TIME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_SEQ_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_BY_FIELD_NUMBER: _ClassVar[int]
    name: str
    agreement: str
    basin_id: str
    reporter_agency_id: str
    location: str
    pollutant: str
    estimated_quantity: str
    occur_time: _timestamp_pb2.Timestamp
    description: str
    evidence: _containers.RepeatedScalarFieldContainer[str]
    drill: bool
    state: str
    report_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    notices: _containers.RepeatedCompositeFieldContainer[IncidentNotice]
    measures: _containers.RepeatedCompositeFieldContainer[IncidentMeasures]
    escalations: _containers.RepeatedCompositeFieldContainer[IncidentEscalation]
    deliveries: _containers.RepeatedCompositeFieldContainer[IncidentDelivery]
    timeline: _containers.RepeatedCompositeFieldContainer[IncidentTimelineEntry]
    close_time: _timestamp_pb2.Timestamp
    closed_by: str
    close_note: str
    all_acknowledged_time: _timestamp_pb2.Timestamp
    change_seq: int
    scheduled_by: str
    def __init__(self, name: _Optional[str] = ..., agreement: _Optional[str] = ..., basin_id: _Optional[str] = ..., reporter_agency_id: _Optional[str] = ..., location: _Optional[str] = ..., pollutant: _Optional[str] = ..., estimated_quantity: _Optional[str] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., description: _Optional[str] = ..., evidence: _Optional[_Iterable[str]] = ..., drill: _Optional[bool] = ..., state: _Optional[str] = ..., report_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., notices: _Optional[_Iterable[_Union[IncidentNotice, _Mapping]]] = ..., measures: _Optional[_Iterable[_Union[IncidentMeasures, _Mapping]]] = ..., escalations: _Optional[_Iterable[_Union[IncidentEscalation, _Mapping]]] = ..., deliveries: _Optional[_Iterable[_Union[IncidentDelivery, _Mapping]]] = ..., timeline: _Optional[_Iterable[_Union[IncidentTimelineEntry, _Mapping]]] = ..., close_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., closed_by: _Optional[str] = ..., close_note: _Optional[str] = ..., all_acknowledged_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., change_seq: _Optional[int] = ..., scheduled_by: _Optional[str] = ...) -> None: ...

class ListBasinAgreementsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListBasinAgreementsResponse(_message.Message):
    __slots__ = ("agreements",)
    AGREEMENTS_FIELD_NUMBER: _ClassVar[int]
    agreements: _containers.RepeatedCompositeFieldContainer[BasinAgreement]
    def __init__(self, agreements: _Optional[_Iterable[_Union[BasinAgreement, _Mapping]]] = ...) -> None: ...

class ReportIncidentRequest(_message.Message):
    __slots__ = ("agreement", "incident", "request_id")
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    agreement: str
    incident: Incident
    request_id: str
    def __init__(self, agreement: _Optional[str] = ..., incident: _Optional[_Union[Incident, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class ReportIncidentResponse(_message.Message):
    __slots__ = ("incident",)
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    incident: Incident
    def __init__(self, incident: _Optional[_Union[Incident, _Mapping]] = ...) -> None: ...

class GetIncidentRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetIncidentResponse(_message.Message):
    __slots__ = ("incident",)
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    incident: Incident
    def __init__(self, incident: _Optional[_Union[Incident, _Mapping]] = ...) -> None: ...

class ListIncidentsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "since_watermark")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SINCE_WATERMARK_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    since_watermark: int
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., since_watermark: _Optional[int] = ...) -> None: ...

class ListIncidentsResponse(_message.Message):
    __slots__ = ("incidents", "next_page_token", "watermark")
    INCIDENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    WATERMARK_FIELD_NUMBER: _ClassVar[int]
    incidents: _containers.RepeatedCompositeFieldContainer[Incident]
    next_page_token: str
    watermark: int
    def __init__(self, incidents: _Optional[_Iterable[_Union[Incident, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., watermark: _Optional[int] = ...) -> None: ...

class AcknowledgeIncidentRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class AcknowledgeIncidentResponse(_message.Message):
    __slots__ = ("incident",)
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    incident: Incident
    def __init__(self, incident: _Optional[_Union[Incident, _Mapping]] = ...) -> None: ...

class ReportMeasuresRequest(_message.Message):
    __slots__ = ("name", "officer_ids", "text", "evidence", "monitoring")
    NAME_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    MONITORING_FIELD_NUMBER: _ClassVar[int]
    name: str
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    text: str
    evidence: _containers.RepeatedScalarFieldContainer[str]
    monitoring: str
    def __init__(self, name: _Optional[str] = ..., officer_ids: _Optional[_Iterable[str]] = ..., text: _Optional[str] = ..., evidence: _Optional[_Iterable[str]] = ..., monitoring: _Optional[str] = ...) -> None: ...

class ReportMeasuresResponse(_message.Message):
    __slots__ = ("incident",)
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    incident: Incident
    def __init__(self, incident: _Optional[_Union[Incident, _Mapping]] = ...) -> None: ...

class CloseIncidentRequest(_message.Message):
    __slots__ = ("name", "note")
    NAME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    name: str
    note: str
    def __init__(self, name: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class CloseIncidentResponse(_message.Message):
    __slots__ = ("incident",)
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    incident: Incident
    def __init__(self, incident: _Optional[_Union[Incident, _Mapping]] = ...) -> None: ...

class ScheduleDrillRequest(_message.Message):
    __slots__ = ("agreement", "incident", "start_time", "request_id")
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    agreement: str
    incident: Incident
    start_time: _timestamp_pb2.Timestamp
    request_id: str
    def __init__(self, agreement: _Optional[str] = ..., incident: _Optional[_Union[Incident, _Mapping]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class ScheduleDrillResponse(_message.Message):
    __slots__ = ("incident",)
    INCIDENT_FIELD_NUMBER: _ClassVar[int]
    incident: Incident
    def __init__(self, incident: _Optional[_Union[Incident, _Mapping]] = ...) -> None: ...

class GetDrillReportRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DrillResult(_message.Message):
    __slots__ = ("agency_id", "role", "acknowledged_after_seconds", "measures_after_seconds", "highest_level")
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGED_AFTER_SECONDS_FIELD_NUMBER: _ClassVar[int]
    MEASURES_AFTER_SECONDS_FIELD_NUMBER: _ClassVar[int]
    HIGHEST_LEVEL_FIELD_NUMBER: _ClassVar[int]
    agency_id: str
    role: str
    acknowledged_after_seconds: int
    measures_after_seconds: int
    highest_level: int
    def __init__(self, agency_id: _Optional[str] = ..., role: _Optional[str] = ..., acknowledged_after_seconds: _Optional[int] = ..., measures_after_seconds: _Optional[int] = ..., highest_level: _Optional[int] = ...) -> None: ...

class GetDrillReportResponse(_message.Message):
    __slots__ = ("name", "start_time", "results", "all_acknowledged_after_seconds")
    NAME_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    ALL_ACKNOWLEDGED_AFTER_SECONDS_FIELD_NUMBER: _ClassVar[int]
    name: str
    start_time: _timestamp_pb2.Timestamp
    results: _containers.RepeatedCompositeFieldContainer[DrillResult]
    all_acknowledged_after_seconds: int
    def __init__(self, name: _Optional[str] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., results: _Optional[_Iterable[_Union[DrillResult, _Mapping]]] = ..., all_acknowledged_after_seconds: _Optional[int] = ...) -> None: ...

class JointTaskReport(_message.Message):
    __slots__ = ("seq", "agency_id", "officer_ids", "text", "report_time")
    SEQ_FIELD_NUMBER: _ClassVar[int]
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    REPORT_TIME_FIELD_NUMBER: _ClassVar[int]
    seq: int
    agency_id: str
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    text: str
    report_time: _timestamp_pb2.Timestamp
    def __init__(self, seq: _Optional[int] = ..., agency_id: _Optional[str] = ..., officer_ids: _Optional[_Iterable[str]] = ..., text: _Optional[str] = ..., report_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class JointTask(_message.Message):
    __slots__ = ("name", "agreement", "assigned_by", "assignee_agency_id", "kind", "description", "due_time", "create_time", "done_time", "overdue", "meeting", "reports", "escalations")
    NAME_FIELD_NUMBER: _ClassVar[int]
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_BY_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DUE_TIME_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DONE_TIME_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    MEETING_FIELD_NUMBER: _ClassVar[int]
    REPORTS_FIELD_NUMBER: _ClassVar[int]
    ESCALATIONS_FIELD_NUMBER: _ClassVar[int]
    name: str
    agreement: str
    assigned_by: str
    assignee_agency_id: str
    kind: str
    description: str
    due_time: _timestamp_pb2.Timestamp
    create_time: _timestamp_pb2.Timestamp
    done_time: _timestamp_pb2.Timestamp
    overdue: bool
    meeting: str
    reports: _containers.RepeatedCompositeFieldContainer[JointTaskReport]
    escalations: _containers.RepeatedCompositeFieldContainer[IncidentEscalation]
    def __init__(self, name: _Optional[str] = ..., agreement: _Optional[str] = ..., assigned_by: _Optional[str] = ..., assignee_agency_id: _Optional[str] = ..., kind: _Optional[str] = ..., description: _Optional[str] = ..., due_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., done_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., overdue: _Optional[bool] = ..., meeting: _Optional[str] = ..., reports: _Optional[_Iterable[_Union[JointTaskReport, _Mapping]]] = ..., escalations: _Optional[_Iterable[_Union[IncidentEscalation, _Mapping]]] = ...) -> None: ...

class NewJointTask(_message.Message):
    __slots__ = ("assignee_agency_id", "kind", "description", "due_in_hours")
    ASSIGNEE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DUE_IN_HOURS_FIELD_NUMBER: _ClassVar[int]
    assignee_agency_id: str
    kind: str
    description: str
    due_in_hours: int
    def __init__(self, assignee_agency_id: _Optional[str] = ..., kind: _Optional[str] = ..., description: _Optional[str] = ..., due_in_hours: _Optional[int] = ...) -> None: ...

class JointMeeting(_message.Message):
    __slots__ = ("name", "agreement", "convened_by", "held_on", "attendee_agency_ids", "minutes", "tasks", "record_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    CONVENED_BY_FIELD_NUMBER: _ClassVar[int]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    ATTENDEE_AGENCY_IDS_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    TASKS_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    agreement: str
    convened_by: str
    held_on: str
    attendee_agency_ids: _containers.RepeatedScalarFieldContainer[str]
    minutes: str
    tasks: _containers.RepeatedScalarFieldContainer[str]
    record_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., agreement: _Optional[str] = ..., convened_by: _Optional[str] = ..., held_on: _Optional[str] = ..., attendee_agency_ids: _Optional[_Iterable[str]] = ..., minutes: _Optional[str] = ..., tasks: _Optional[_Iterable[str]] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AssignJointTaskRequest(_message.Message):
    __slots__ = ("agreement", "task")
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    agreement: str
    task: NewJointTask
    def __init__(self, agreement: _Optional[str] = ..., task: _Optional[_Union[NewJointTask, _Mapping]] = ...) -> None: ...

class AssignJointTaskResponse(_message.Message):
    __slots__ = ("task",)
    TASK_FIELD_NUMBER: _ClassVar[int]
    task: JointTask
    def __init__(self, task: _Optional[_Union[JointTask, _Mapping]] = ...) -> None: ...

class GetJointTaskRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetJointTaskResponse(_message.Message):
    __slots__ = ("task",)
    TASK_FIELD_NUMBER: _ClassVar[int]
    task: JointTask
    def __init__(self, task: _Optional[_Union[JointTask, _Mapping]] = ...) -> None: ...

class ListJointTasksRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListJointTasksResponse(_message.Message):
    __slots__ = ("tasks", "next_page_token")
    TASKS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tasks: _containers.RepeatedCompositeFieldContainer[JointTask]
    next_page_token: str
    def __init__(self, tasks: _Optional[_Iterable[_Union[JointTask, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ReportJointTaskRequest(_message.Message):
    __slots__ = ("name", "officer_ids", "text", "done")
    NAME_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    name: str
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    text: str
    done: bool
    def __init__(self, name: _Optional[str] = ..., officer_ids: _Optional[_Iterable[str]] = ..., text: _Optional[str] = ..., done: _Optional[bool] = ...) -> None: ...

class ReportJointTaskResponse(_message.Message):
    __slots__ = ("task",)
    TASK_FIELD_NUMBER: _ClassVar[int]
    task: JointTask
    def __init__(self, task: _Optional[_Union[JointTask, _Mapping]] = ...) -> None: ...

class RecordJointMeetingRequest(_message.Message):
    __slots__ = ("agreement", "held_on", "attendee_agency_ids", "minutes", "decisions")
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    ATTENDEE_AGENCY_IDS_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    DECISIONS_FIELD_NUMBER: _ClassVar[int]
    agreement: str
    held_on: str
    attendee_agency_ids: _containers.RepeatedScalarFieldContainer[str]
    minutes: str
    decisions: _containers.RepeatedCompositeFieldContainer[NewJointTask]
    def __init__(self, agreement: _Optional[str] = ..., held_on: _Optional[str] = ..., attendee_agency_ids: _Optional[_Iterable[str]] = ..., minutes: _Optional[str] = ..., decisions: _Optional[_Iterable[_Union[NewJointTask, _Mapping]]] = ...) -> None: ...

class RecordJointMeetingResponse(_message.Message):
    __slots__ = ("meeting", "tasks")
    MEETING_FIELD_NUMBER: _ClassVar[int]
    TASKS_FIELD_NUMBER: _ClassVar[int]
    meeting: JointMeeting
    tasks: _containers.RepeatedCompositeFieldContainer[JointTask]
    def __init__(self, meeting: _Optional[_Union[JointMeeting, _Mapping]] = ..., tasks: _Optional[_Iterable[_Union[JointTask, _Mapping]]] = ...) -> None: ...

class GetJointMeetingRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetJointMeetingResponse(_message.Message):
    __slots__ = ("meeting",)
    MEETING_FIELD_NUMBER: _ClassVar[int]
    meeting: JointMeeting
    def __init__(self, meeting: _Optional[_Union[JointMeeting, _Mapping]] = ...) -> None: ...
