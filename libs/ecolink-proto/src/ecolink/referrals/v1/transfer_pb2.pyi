import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TransferKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRANSFER_KIND_UNSPECIFIED: _ClassVar[TransferKind]
    TRANSFER_KIND_CRIMINAL: _ClassVar[TransferKind]
    TRANSFER_KIND_DETENTION: _ClassVar[TransferKind]

class TransferState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRANSFER_STATE_UNSPECIFIED: _ClassVar[TransferState]
    TRANSFER_STATE_REPORTED: _ClassVar[TransferState]
    TRANSFER_STATE_NOT_APPROVED: _ClassVar[TransferState]
    TRANSFER_STATE_SENT: _ClassVar[TransferState]
    TRANSFER_STATE_RECEIVED: _ClassVar[TransferState]
    TRANSFER_STATE_ACCEPTED: _ClassVar[TransferState]
    TRANSFER_STATE_RETURNED: _ClassVar[TransferState]
    TRANSFER_STATE_FILED: _ClassVar[TransferState]
    TRANSFER_STATE_DECLINED: _ClassVar[TransferState]
    TRANSFER_STATE_RECONSIDERING: _ClassVar[TransferState]
    TRANSFER_STATE_DECLINE_UPHELD: _ClassVar[TransferState]
    TRANSFER_STATE_PROSECUTION_DECIDED: _ClassVar[TransferState]
    TRANSFER_STATE_JUDGED: _ClassVar[TransferState]
    TRANSFER_STATE_REVERSED: _ClassVar[TransferState]
    TRANSFER_STATE_WITHDRAWN: _ClassVar[TransferState]
TRANSFER_KIND_UNSPECIFIED: TransferKind
TRANSFER_KIND_CRIMINAL: TransferKind
TRANSFER_KIND_DETENTION: TransferKind
TRANSFER_STATE_UNSPECIFIED: TransferState
TRANSFER_STATE_REPORTED: TransferState
TRANSFER_STATE_NOT_APPROVED: TransferState
TRANSFER_STATE_SENT: TransferState
TRANSFER_STATE_RECEIVED: TransferState
TRANSFER_STATE_ACCEPTED: TransferState
TRANSFER_STATE_RETURNED: TransferState
TRANSFER_STATE_FILED: TransferState
TRANSFER_STATE_DECLINED: TransferState
TRANSFER_STATE_RECONSIDERING: TransferState
TRANSFER_STATE_DECLINE_UPHELD: TransferState
TRANSFER_STATE_PROSECUTION_DECIDED: TransferState
TRANSFER_STATE_JUDGED: TransferState
TRANSFER_STATE_REVERSED: TransferState
TRANSFER_STATE_WITHDRAWN: TransferState

class TransferPerson(_message.Message):
    __slots__ = ("name", "role")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    name: str
    role: str
    def __init__(self, name: _Optional[str] = ..., role: _Optional[str] = ...) -> None: ...

class TransferDeadline(_message.Message):
    __slots__ = ("duty", "owed_by_agency_id", "basis", "due_time", "met_time", "overdue")
    DUTY_FIELD_NUMBER: _ClassVar[int]
    OWED_BY_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    DUE_TIME_FIELD_NUMBER: _ClassVar[int]
    MET_TIME_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    duty: str
    owed_by_agency_id: str
    basis: str
    due_time: _timestamp_pb2.Timestamp
    met_time: _timestamp_pb2.Timestamp
    overdue: bool
    def __init__(self, duty: _Optional[str] = ..., owed_by_agency_id: _Optional[str] = ..., basis: _Optional[str] = ..., due_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., met_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., overdue: _Optional[bool] = ...) -> None: ...

class TransferStep(_message.Message):
    __slots__ = ("seq", "step", "from_state", "to_state", "agency_id", "officer_ids", "record_time", "note", "record")
    SEQ_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    FROM_STATE_FIELD_NUMBER: _ClassVar[int]
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    RECORD_FIELD_NUMBER: _ClassVar[int]
    seq: int
    step: str
    from_state: TransferState
    to_state: TransferState
    agency_id: str
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    record_time: _timestamp_pb2.Timestamp
    note: str
    record: str
    def __init__(self, seq: _Optional[int] = ..., step: _Optional[str] = ..., from_state: _Optional[_Union[TransferState, str]] = ..., to_state: _Optional[_Union[TransferState, str]] = ..., agency_id: _Optional[str] = ..., officer_ids: _Optional[_Iterable[str]] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., note: _Optional[str] = ..., record: _Optional[str] = ...) -> None: ...

class TransferredEvidence(_message.Message):
    __slots__ = ("evidence", "sha256", "grant_id", "grant_expire_time", "hold_placed", "grant_revoke_time")
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    GRANT_ID_FIELD_NUMBER: _ClassVar[int]
    GRANT_EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    HOLD_PLACED_FIELD_NUMBER: _ClassVar[int]
    GRANT_REVOKE_TIME_FIELD_NUMBER: _ClassVar[int]
    evidence: str
    sha256: str
    grant_id: str
    grant_expire_time: _timestamp_pb2.Timestamp
    hold_placed: bool
    grant_revoke_time: _timestamp_pb2.Timestamp
    def __init__(self, evidence: _Optional[str] = ..., sha256: _Optional[str] = ..., grant_id: _Optional[str] = ..., grant_expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., hold_placed: _Optional[bool] = ..., grant_revoke_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Supervision(_message.Message):
    __slots__ = ("name", "procuratorate_agency_id", "reason", "open_time", "answer_due_time", "answer", "answer_time", "outcome", "close_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROCURATORATE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    OPEN_TIME_FIELD_NUMBER: _ClassVar[int]
    ANSWER_DUE_TIME_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    ANSWER_TIME_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CLOSE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    procuratorate_agency_id: str
    reason: str
    open_time: _timestamp_pb2.Timestamp
    answer_due_time: _timestamp_pb2.Timestamp
    answer: str
    answer_time: _timestamp_pb2.Timestamp
    outcome: str
    close_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., procuratorate_agency_id: _Optional[str] = ..., reason: _Optional[str] = ..., open_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., answer_due_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., answer: _Optional[str] = ..., answer_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., outcome: _Optional[str] = ..., close_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Transfer(_message.Message):
    __slots__ = ("name", "number", "kind", "case", "bureau_agency_id", "police_agency_id", "procuratorate_agency_id", "region_code", "unit", "unit_display_name", "facts", "suspected_offence", "persons", "officer_ids", "approver_officer_id", "state", "version", "evidence", "police_case_number", "timeline", "deadlines", "supervisions", "outcome", "create_time", "update_time", "etag", "change_seq", "persons_held")
    NAME_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CASE_FIELD_NUMBER: _ClassVar[int]
    BUREAU_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    POLICE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    PROCURATORATE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    SUSPECTED_OFFENCE_FIELD_NUMBER: _ClassVar[int]
    PERSONS_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    APPROVER_OFFICER_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    POLICE_CASE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_FIELD_NUMBER: _ClassVar[int]
    DEADLINES_FIELD_NUMBER: _ClassVar[int]
    SUPERVISIONS_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    CHANGE_SEQ_FIELD_NUMBER: _ClassVar[int]
    PERSONS_HELD_FIELD_NUMBER: _ClassVar[int]
    name: str
    number: str
    kind: TransferKind
    case: str
    bureau_agency_id: str
    police_agency_id: str
    procuratorate_agency_id: str
    region_code: str
    unit: str
    unit_display_name: str
    facts: str
    suspected_offence: str
    persons: _containers.RepeatedCompositeFieldContainer[TransferPerson]
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    approver_officer_id: str
    state: TransferState
    version: int
    evidence: _containers.RepeatedCompositeFieldContainer[TransferredEvidence]
    police_case_number: str
    timeline: _containers.RepeatedCompositeFieldContainer[TransferStep]
    deadlines: _containers.RepeatedCompositeFieldContainer[TransferDeadline]
    supervisions: _containers.RepeatedCompositeFieldContainer[Supervision]
    outcome: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    etag: str
    change_seq: int
    persons_held: int
    def __init__(self, name: _Optional[str] = ..., number: _Optional[str] = ..., kind: _Optional[_Union[TransferKind, str]] = ..., case: _Optional[str] = ..., bureau_agency_id: _Optional[str] = ..., police_agency_id: _Optional[str] = ..., procuratorate_agency_id: _Optional[str] = ..., region_code: _Optional[str] = ..., unit: _Optional[str] = ..., unit_display_name: _Optional[str] = ..., facts: _Optional[str] = ..., suspected_offence: _Optional[str] = ..., persons: _Optional[_Iterable[_Union[TransferPerson, _Mapping]]] = ..., officer_ids: _Optional[_Iterable[str]] = ..., approver_officer_id: _Optional[str] = ..., state: _Optional[_Union[TransferState, str]] = ..., version: _Optional[int] = ..., evidence: _Optional[_Iterable[_Union[TransferredEvidence, _Mapping]]] = ..., police_case_number: _Optional[str] = ..., timeline: _Optional[_Iterable[_Union[TransferStep, _Mapping]]] = ..., deadlines: _Optional[_Iterable[_Union[TransferDeadline, _Mapping]]] = ..., supervisions: _Optional[_Iterable[_Union[Supervision, _Mapping]]] = ..., outcome: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ..., change_seq: _Optional[int] = ..., persons_held: _Optional[int] = ...) -> None: ...

class SignedRecord(_message.Message):
    __slots__ = ("name", "kind", "body", "signature", "key_sha256")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    KEY_SHA256_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: str
    body: bytes
    signature: bytes
    key_sha256: str
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[str] = ..., body: _Optional[bytes] = ..., signature: _Optional[bytes] = ..., key_sha256: _Optional[str] = ...) -> None: ...
