import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListingTask(_message.Message):
    __slots__ = ("seq", "party_agency_id", "description", "due_time", "done_time", "note", "overdue")
    SEQ_FIELD_NUMBER: _ClassVar[int]
    PARTY_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DUE_TIME_FIELD_NUMBER: _ClassVar[int]
    DONE_TIME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    seq: int
    party_agency_id: str
    description: str
    due_time: _timestamp_pb2.Timestamp
    done_time: _timestamp_pb2.Timestamp
    note: str
    overdue: bool
    def __init__(self, seq: _Optional[int] = ..., party_agency_id: _Optional[str] = ..., description: _Optional[str] = ..., due_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., done_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., note: _Optional[str] = ..., overdue: _Optional[bool] = ...) -> None: ...

class ProgressReport(_message.Message):
    __slots__ = ("seq", "agency_id", "officer_ids", "text", "task", "report_time")
    SEQ_FIELD_NUMBER: _ClassVar[int]
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    REPORT_TIME_FIELD_NUMBER: _ClassVar[int]
    seq: int
    agency_id: str
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    text: str
    task: int
    report_time: _timestamp_pb2.Timestamp
    def __init__(self, seq: _Optional[int] = ..., agency_id: _Optional[str] = ..., officer_ids: _Optional[_Iterable[str]] = ..., text: _Optional[str] = ..., task: _Optional[int] = ..., report_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReportDue(_message.Message):
    __slots__ = ("agency_id", "due_time", "overdue")
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    DUE_TIME_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    agency_id: str
    due_time: _timestamp_pb2.Timestamp
    overdue: bool
    def __init__(self, agency_id: _Optional[str] = ..., due_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., overdue: _Optional[bool] = ...) -> None: ...

class Listing(_message.Message):
    __slots__ = ("name", "case", "title", "authority_agency_id", "region_code", "party_agency_ids", "report_every_days", "state", "tasks", "reports", "reports_due", "delist_reason", "create_time", "update_time", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CASE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    AUTHORITY_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    PARTY_AGENCY_IDS_FIELD_NUMBER: _ClassVar[int]
    REPORT_EVERY_DAYS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TASKS_FIELD_NUMBER: _ClassVar[int]
    REPORTS_FIELD_NUMBER: _ClassVar[int]
    REPORTS_DUE_FIELD_NUMBER: _ClassVar[int]
    DELIST_REASON_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    case: str
    title: str
    authority_agency_id: str
    region_code: str
    party_agency_ids: _containers.RepeatedScalarFieldContainer[str]
    report_every_days: int
    state: str
    tasks: _containers.RepeatedCompositeFieldContainer[ListingTask]
    reports: _containers.RepeatedCompositeFieldContainer[ProgressReport]
    reports_due: _containers.RepeatedCompositeFieldContainer[ReportDue]
    delist_reason: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    etag: str
    def __init__(self, name: _Optional[str] = ..., case: _Optional[str] = ..., title: _Optional[str] = ..., authority_agency_id: _Optional[str] = ..., region_code: _Optional[str] = ..., party_agency_ids: _Optional[_Iterable[str]] = ..., report_every_days: _Optional[int] = ..., state: _Optional[str] = ..., tasks: _Optional[_Iterable[_Union[ListingTask, _Mapping]]] = ..., reports: _Optional[_Iterable[_Union[ProgressReport, _Mapping]]] = ..., reports_due: _Optional[_Iterable[_Union[ReportDue, _Mapping]]] = ..., delist_reason: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class NewListingTask(_message.Message):
    __slots__ = ("party_agency_id", "description", "due_in_days")
    PARTY_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DUE_IN_DAYS_FIELD_NUMBER: _ClassVar[int]
    party_agency_id: str
    description: str
    due_in_days: int
    def __init__(self, party_agency_id: _Optional[str] = ..., description: _Optional[str] = ..., due_in_days: _Optional[int] = ...) -> None: ...

class CreateListingRequest(_message.Message):
    __slots__ = ("case", "title", "party_agency_ids", "report_every_days", "tasks", "request_id")
    CASE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PARTY_AGENCY_IDS_FIELD_NUMBER: _ClassVar[int]
    REPORT_EVERY_DAYS_FIELD_NUMBER: _ClassVar[int]
    TASKS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    case: str
    title: str
    party_agency_ids: _containers.RepeatedScalarFieldContainer[str]
    report_every_days: int
    tasks: _containers.RepeatedCompositeFieldContainer[NewListingTask]
    request_id: str
    def __init__(self, case: _Optional[str] = ..., title: _Optional[str] = ..., party_agency_ids: _Optional[_Iterable[str]] = ..., report_every_days: _Optional[int] = ..., tasks: _Optional[_Iterable[_Union[NewListingTask, _Mapping]]] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateListingResponse(_message.Message):
    __slots__ = ("listing",)
    LISTING_FIELD_NUMBER: _ClassVar[int]
    listing: Listing
    def __init__(self, listing: _Optional[_Union[Listing, _Mapping]] = ...) -> None: ...

class GetListingRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetListingResponse(_message.Message):
    __slots__ = ("listing",)
    LISTING_FIELD_NUMBER: _ClassVar[int]
    listing: Listing
    def __init__(self, listing: _Optional[_Union[Listing, _Mapping]] = ...) -> None: ...

class ListListingsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListListingsResponse(_message.Message):
    __slots__ = ("listings", "next_page_token")
    LISTINGS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    listings: _containers.RepeatedCompositeFieldContainer[Listing]
    next_page_token: str
    def __init__(self, listings: _Optional[_Iterable[_Union[Listing, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class FileProgressReportRequest(_message.Message):
    __slots__ = ("name", "text", "task", "officer_ids")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    name: str
    text: str
    task: int
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., text: _Optional[str] = ..., task: _Optional[int] = ..., officer_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class FileProgressReportResponse(_message.Message):
    __slots__ = ("listing",)
    LISTING_FIELD_NUMBER: _ClassVar[int]
    listing: Listing
    def __init__(self, listing: _Optional[_Union[Listing, _Mapping]] = ...) -> None: ...

class CompleteListingTaskRequest(_message.Message):
    __slots__ = ("name", "task", "note")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    name: str
    task: int
    note: str
    def __init__(self, name: _Optional[str] = ..., task: _Optional[int] = ..., note: _Optional[str] = ...) -> None: ...

class CompleteListingTaskResponse(_message.Message):
    __slots__ = ("listing",)
    LISTING_FIELD_NUMBER: _ClassVar[int]
    listing: Listing
    def __init__(self, listing: _Optional[_Union[Listing, _Mapping]] = ...) -> None: ...

class DelistRequest(_message.Message):
    __slots__ = ("name", "reason")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class DelistResponse(_message.Message):
    __slots__ = ("listing",)
    LISTING_FIELD_NUMBER: _ClassVar[int]
    listing: Listing
    def __init__(self, listing: _Optional[_Union[Listing, _Mapping]] = ...) -> None: ...
