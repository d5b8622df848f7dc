import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class EvidenceKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EVIDENCE_KIND_UNSPECIFIED: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_PHOTO: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_VIDEO: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_DRONE_IMAGERY: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_MONITORING_DATA_EXPORT: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_INSPECTION_RECORD: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_RECTIFICATION_BEFORE: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_RECTIFICATION_AFTER: _ClassVar[EvidenceKind]
    EVIDENCE_KIND_DOCUMENT: _ClassVar[EvidenceKind]

class CustodyAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CUSTODY_ACTION_UNSPECIFIED: _ClassVar[CustodyAction]
    CUSTODY_ACTION_INTAKE: _ClassVar[CustodyAction]
    CUSTODY_ACTION_READ: _ClassVar[CustodyAction]
    CUSTODY_ACTION_DOWNLOAD: _ClassVar[CustodyAction]
    CUSTODY_ACTION_URL_ISSUED: _ClassVar[CustodyAction]
    CUSTODY_ACTION_GRANT: _ClassVar[CustodyAction]
    CUSTODY_ACTION_REVOKE: _ClassVar[CustodyAction]
    CUSTODY_ACTION_HOLD_PLACED: _ClassVar[CustodyAction]
    CUSTODY_ACTION_HOLD_RELEASED: _ClassVar[CustodyAction]
    CUSTODY_ACTION_VERIFIED: _ClassVar[CustodyAction]
    CUSTODY_ACTION_VERIFICATION_FAILED: _ClassVar[CustodyAction]
    CUSTODY_ACTION_EXPORTED: _ClassVar[CustodyAction]
    CUSTODY_ACTION_ACCESS_REFUSED: _ClassVar[CustodyAction]
    CUSTODY_ACTION_DELETE_REFUSED: _ClassVar[CustodyAction]
EVIDENCE_KIND_UNSPECIFIED: EvidenceKind
EVIDENCE_KIND_PHOTO: EvidenceKind
EVIDENCE_KIND_VIDEO: EvidenceKind
EVIDENCE_KIND_DRONE_IMAGERY: EvidenceKind
EVIDENCE_KIND_MONITORING_DATA_EXPORT: EvidenceKind
EVIDENCE_KIND_INSPECTION_RECORD: EvidenceKind
EVIDENCE_KIND_RECTIFICATION_BEFORE: EvidenceKind
EVIDENCE_KIND_RECTIFICATION_AFTER: EvidenceKind
EVIDENCE_KIND_DOCUMENT: EvidenceKind
CUSTODY_ACTION_UNSPECIFIED: CustodyAction
CUSTODY_ACTION_INTAKE: CustodyAction
CUSTODY_ACTION_READ: CustodyAction
CUSTODY_ACTION_DOWNLOAD: CustodyAction
CUSTODY_ACTION_URL_ISSUED: CustodyAction
CUSTODY_ACTION_GRANT: CustodyAction
CUSTODY_ACTION_REVOKE: CustodyAction
CUSTODY_ACTION_HOLD_PLACED: CustodyAction
CUSTODY_ACTION_HOLD_RELEASED: CustodyAction
CUSTODY_ACTION_VERIFIED: CustodyAction
CUSTODY_ACTION_VERIFICATION_FAILED: CustodyAction
CUSTODY_ACTION_EXPORTED: CustodyAction
CUSTODY_ACTION_ACCESS_REFUSED: CustodyAction
CUSTODY_ACTION_DELETE_REFUSED: CustodyAction

class GeoPoint(_message.Message):
    __slots__ = ("latitude", "longitude")
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    latitude: float
    longitude: float
    def __init__(self, latitude: _Optional[float] = ..., longitude: _Optional[float] = ...) -> None: ...

class Evidence(_message.Message):
    __slots__ = ("name", "evidence_id", "subject", "kind", "capture_time", "location", "collecting_officer", "original_filename", "content_type", "size_bytes", "sha256", "owner_agency_id", "region_code", "create_time", "retain_until_time", "legal_hold", "last_verify_time", "intact")
    NAME_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CAPTURE_TIME_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    COLLECTING_OFFICER_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    OWNER_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    RETAIN_UNTIL_TIME_FIELD_NUMBER: _ClassVar[int]
    LEGAL_HOLD_FIELD_NUMBER: _ClassVar[int]
    LAST_VERIFY_TIME_FIELD_NUMBER: _ClassVar[int]
    INTACT_FIELD_NUMBER: _ClassVar[int]
    name: str
    evidence_id: str
    subject: str
    kind: EvidenceKind
    capture_time: _timestamp_pb2.Timestamp
    location: GeoPoint
    collecting_officer: str
    original_filename: str
    content_type: str
    size_bytes: int
    sha256: str
    owner_agency_id: str
    region_code: str
    create_time: _timestamp_pb2.Timestamp
    retain_until_time: _timestamp_pb2.Timestamp
    legal_hold: bool
    last_verify_time: _timestamp_pb2.Timestamp
    intact: bool
    def __init__(self, name: _Optional[str] = ..., evidence_id: _Optional[str] = ..., subject: _Optional[str] = ..., kind: _Optional[_Union[EvidenceKind, str]] = ..., capture_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., location: _Optional[_Union[GeoPoint, _Mapping]] = ..., collecting_officer: _Optional[str] = ..., original_filename: _Optional[str] = ..., content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ..., sha256: _Optional[str] = ..., owner_agency_id: _Optional[str] = ..., region_code: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., retain_until_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., legal_hold: _Optional[bool] = ..., last_verify_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., intact: _Optional[bool] = ...) -> None: ...

class EvidenceGrant(_message.Message):
    __slots__ = ("grant_id", "evidence", "grantee_agency_id", "purpose", "expire_time", "granted_by_agency_id", "create_time", "revoke_time")
    GRANT_ID_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    GRANTEE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    GRANTED_BY_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    REVOKE_TIME_FIELD_NUMBER: _ClassVar[int]
    grant_id: str
    evidence: str
    grantee_agency_id: str
    purpose: str
    expire_time: _timestamp_pb2.Timestamp
    granted_by_agency_id: str
    create_time: _timestamp_pb2.Timestamp
    revoke_time: _timestamp_pb2.Timestamp
    def __init__(self, grant_id: _Optional[str] = ..., evidence: _Optional[str] = ..., grantee_agency_id: _Optional[str] = ..., purpose: _Optional[str] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., granted_by_agency_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., revoke_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CustodyEvent(_message.Message):
    __slots__ = ("sequence", "action", "occur_time", "actor_agency_id", "sha256_seen", "details", "trace_id", "previous_hash", "hash")
    class DetailsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    OCCUR_TIME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    SHA256_SEEN_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    TRACE_ID_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_HASH_FIELD_NUMBER: _ClassVar[int]
    HASH_FIELD_NUMBER: _ClassVar[int]
    sequence: int
    action: CustodyAction
    occur_time: _timestamp_pb2.Timestamp
    actor_agency_id: str
    sha256_seen: str
    details: _containers.ScalarMap[str, str]
    trace_id: str
    previous_hash: str
    hash: str
    def __init__(self, sequence: _Optional[int] = ..., action: _Optional[_Union[CustodyAction, str]] = ..., occur_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor_agency_id: _Optional[str] = ..., sha256_seen: _Optional[str] = ..., details: _Optional[_Mapping[str, str]] = ..., trace_id: _Optional[str] = ..., previous_hash: _Optional[str] = ..., hash: _Optional[str] = ...) -> None: ...
