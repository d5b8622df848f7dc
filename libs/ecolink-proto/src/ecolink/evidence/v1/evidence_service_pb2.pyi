import datetime

from ecolink.evidence.v1 import evidence_pb2 as _evidence_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class EvidenceUpload(_message.Message):
    __slots__ = ("subject", "kind", "capture_time", "location", "collecting_officer", "original_filename", "content_type", "client_sha256", "request_id", "size_bytes")
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CAPTURE_TIME_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    COLLECTING_OFFICER_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_SHA256_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    subject: str
    kind: _evidence_pb2.EvidenceKind
    capture_time: _timestamp_pb2.Timestamp
    location: _evidence_pb2.GeoPoint
    collecting_officer: str
    original_filename: str
    content_type: str
    client_sha256: str
    request_id: str
    size_bytes: int
    def __init__(self, subject: _Optional[str] = ..., kind: _Optional[_Union[_evidence_pb2.EvidenceKind, str]] = ..., capture_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., location: _Optional[_Union[_evidence_pb2.GeoPoint, _Mapping]] = ..., collecting_officer: _Optional[str] = ..., original_filename: _Optional[str] = ..., content_type: _Optional[str] = ..., client_sha256: _Optional[str] = ..., request_id: _Optional[str] = ..., size_bytes: _Optional[int] = ...) -> None: ...

class UploadEvidenceRequest(_message.Message):
    __slots__ = ("metadata", "chunk")
    METADATA_FIELD_NUMBER: _ClassVar[int]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    metadata: EvidenceUpload
    chunk: bytes
    def __init__(self, metadata: _Optional[_Union[EvidenceUpload, _Mapping]] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class UploadEvidenceResponse(_message.Message):
    __slots__ = ("evidence",)
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    evidence: _evidence_pb2.Evidence
    def __init__(self, evidence: _Optional[_Union[_evidence_pb2.Evidence, _Mapping]] = ...) -> None: ...

class GetEvidenceRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetEvidenceResponse(_message.Message):
    __slots__ = ("evidence",)
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    evidence: _evidence_pb2.Evidence
    def __init__(self, evidence: _Optional[_Union[_evidence_pb2.Evidence, _Mapping]] = ...) -> None: ...

class ListEvidenceRequest(_message.Message):
    __slots__ = ("subject", "kind", "capture_start_time", "capture_end_time", "page_size", "page_token")
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CAPTURE_START_TIME_FIELD_NUMBER: _ClassVar[int]
    CAPTURE_END_TIME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    subject: str
    kind: _evidence_pb2.EvidenceKind
    capture_start_time: _timestamp_pb2.Timestamp
    capture_end_time: _timestamp_pb2.Timestamp
    page_size: int
    page_token: str
    def __init__(self, subject: _Optional[str] = ..., kind: _Optional[_Union[_evidence_pb2.EvidenceKind, str]] = ..., capture_start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., capture_end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListEvidenceResponse(_message.Message):
    __slots__ = ("evidence", "next_page_token")
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    evidence: _containers.RepeatedCompositeFieldContainer[_evidence_pb2.Evidence]
    next_page_token: str
    def __init__(self, evidence: _Optional[_Iterable[_Union[_evidence_pb2.Evidence, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DownloadEvidenceRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DownloadEvidenceResponse(_message.Message):
    __slots__ = ("evidence", "chunk")
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    evidence: _evidence_pb2.Evidence
    chunk: bytes
    def __init__(self, evidence: _Optional[_Union[_evidence_pb2.Evidence, _Mapping]] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class CreateDownloadUrlRequest(_message.Message):
    __slots__ = ("name", "ttl_minutes")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TTL_MINUTES_FIELD_NUMBER: _ClassVar[int]
    name: str
    ttl_minutes: int
    def __init__(self, name: _Optional[str] = ..., ttl_minutes: _Optional[int] = ...) -> None: ...

class CreateDownloadUrlResponse(_message.Message):
    __slots__ = ("url", "expire_time")
    URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    url: str
    expire_time: _timestamp_pb2.Timestamp
    def __init__(self, url: _Optional[str] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GrantEvidenceAccessRequest(_message.Message):
    __slots__ = ("name", "grantee_agency_id", "purpose", "expire_time", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRANTEE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    grantee_agency_id: str
    purpose: str
    expire_time: _timestamp_pb2.Timestamp
    request_id: str
    def __init__(self, name: _Optional[str] = ..., grantee_agency_id: _Optional[str] = ..., purpose: _Optional[str] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class GrantEvidenceAccessResponse(_message.Message):
    __slots__ = ("grant",)
    GRANT_FIELD_NUMBER: _ClassVar[int]
    grant: _evidence_pb2.EvidenceGrant
    def __init__(self, grant: _Optional[_Union[_evidence_pb2.EvidenceGrant, _Mapping]] = ...) -> None: ...

class RevokeEvidenceAccessRequest(_message.Message):
    __slots__ = ("name", "grant_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRANT_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    grant_id: str
    def __init__(self, name: _Optional[str] = ..., grant_id: _Optional[str] = ...) -> None: ...

class RevokeEvidenceAccessResponse(_message.Message):
    __slots__ = ("grant",)
    GRANT_FIELD_NUMBER: _ClassVar[int]
    grant: _evidence_pb2.EvidenceGrant
    def __init__(self, grant: _Optional[_Union[_evidence_pb2.EvidenceGrant, _Mapping]] = ...) -> None: ...

class ListEvidenceGrantsRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListEvidenceGrantsResponse(_message.Message):
    __slots__ = ("grants",)
    GRANTS_FIELD_NUMBER: _ClassVar[int]
    grants: _containers.RepeatedCompositeFieldContainer[_evidence_pb2.EvidenceGrant]
    def __init__(self, grants: _Optional[_Iterable[_Union[_evidence_pb2.EvidenceGrant, _Mapping]]] = ...) -> None: ...

class PlaceLegalHoldRequest(_message.Message):
    __slots__ = ("name", "reason")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class PlaceLegalHoldResponse(_message.Message):
    __slots__ = ("evidence",)
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    evidence: _evidence_pb2.Evidence
    def __init__(self, evidence: _Optional[_Union[_evidence_pb2.Evidence, _Mapping]] = ...) -> None: ...

class ReleaseLegalHoldRequest(_message.Message):
    __slots__ = ("name", "reason")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ReleaseLegalHoldResponse(_message.Message):
    __slots__ = ("evidence",)
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    evidence: _evidence_pb2.Evidence
    def __init__(self, evidence: _Optional[_Union[_evidence_pb2.Evidence, _Mapping]] = ...) -> None: ...

class DeleteEvidenceRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeleteEvidenceResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListCustodyEventsRequest(_message.Message):
    __slots__ = ("name", "page_size", "page_token")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    name: str
    page_size: int
    page_token: str
    def __init__(self, name: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListCustodyEventsResponse(_message.Message):
    __slots__ = ("events", "next_page_token")
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[_evidence_pb2.CustodyEvent]
    next_page_token: str
    def __init__(self, events: _Optional[_Iterable[_Union[_evidence_pb2.CustodyEvent, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class VerifyCustodyChainRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class VerifyCustodyChainResponse(_message.Message):
    __slots__ = ("intact", "events_checked", "broken_sequence", "problem")
    INTACT_FIELD_NUMBER: _ClassVar[int]
    EVENTS_CHECKED_FIELD_NUMBER: _ClassVar[int]
    BROKEN_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_FIELD_NUMBER: _ClassVar[int]
    intact: bool
    events_checked: int
    broken_sequence: int
    problem: str
    def __init__(self, intact: _Optional[bool] = ..., events_checked: _Optional[int] = ..., broken_sequence: _Optional[int] = ..., problem: _Optional[str] = ...) -> None: ...

class ExportDossierRequest(_message.Message):
    __slots__ = ("subject", "names")
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    NAMES_FIELD_NUMBER: _ClassVar[int]
    subject: str
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, subject: _Optional[str] = ..., names: _Optional[_Iterable[str]] = ...) -> None: ...

class ExportDossierResponse(_message.Message):
    __slots__ = ("chunk",)
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    chunk: bytes
    def __init__(self, chunk: _Optional[bytes] = ...) -> None: ...
