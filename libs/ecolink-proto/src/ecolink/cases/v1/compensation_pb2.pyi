import datetime

from ecolink.cases.v1 import case_pb2 as _case_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CompensationState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COMPENSATION_STATE_UNSPECIFIED: _ClassVar[CompensationState]
    COMPENSATION_STATE_CLUE_SCREENING: _ClassVar[CompensationState]
    COMPENSATION_STATE_INVESTIGATING: _ClassVar[CompensationState]
    COMPENSATION_STATE_APPRAISED: _ClassVar[CompensationState]
    COMPENSATION_STATE_CONSULTING: _ClassVar[CompensationState]
    COMPENSATION_STATE_AGREED: _ClassVar[CompensationState]
    COMPENSATION_STATE_PERFORMED: _ClassVar[CompensationState]
    COMPENSATION_STATE_CLOSED: _ClassVar[CompensationState]

class CompensationRemedy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COMPENSATION_REMEDY_UNSPECIFIED: _ClassVar[CompensationRemedy]
    COMPENSATION_REMEDY_RESTORATION: _ClassVar[CompensationRemedy]
    COMPENSATION_REMEDY_PAYMENT: _ClassVar[CompensationRemedy]
COMPENSATION_STATE_UNSPECIFIED: CompensationState
COMPENSATION_STATE_CLUE_SCREENING: CompensationState
COMPENSATION_STATE_INVESTIGATING: CompensationState
COMPENSATION_STATE_APPRAISED: CompensationState
COMPENSATION_STATE_CONSULTING: CompensationState
COMPENSATION_STATE_AGREED: CompensationState
COMPENSATION_STATE_PERFORMED: CompensationState
COMPENSATION_STATE_CLOSED: CompensationState
COMPENSATION_REMEDY_UNSPECIFIED: CompensationRemedy
COMPENSATION_REMEDY_RESTORATION: CompensationRemedy
COMPENSATION_REMEDY_PAYMENT: CompensationRemedy

class CompensationCase(_message.Message):
    __slots__ = ("name", "penalty_case", "handling_agency_id", "unit", "region_code", "state", "appraised_damage_fen", "appraisal_body", "consultations", "agreed_amount_fen", "remedy", "restoration_plan", "paid_fen", "restored_on", "create_time", "update_time", "etag", "timeline")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PENALTY_CASE_FIELD_NUMBER: _ClassVar[int]
    HANDLING_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    APPRAISED_DAMAGE_FEN_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_BODY_FIELD_NUMBER: _ClassVar[int]
    CONSULTATIONS_FIELD_NUMBER: _ClassVar[int]
    AGREED_AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    REMEDY_FIELD_NUMBER: _ClassVar[int]
    RESTORATION_PLAN_FIELD_NUMBER: _ClassVar[int]
    PAID_FEN_FIELD_NUMBER: _ClassVar[int]
    RESTORED_ON_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_FIELD_NUMBER: _ClassVar[int]
    name: str
    penalty_case: str
    handling_agency_id: str
    unit: str
    region_code: str
    state: CompensationState
    appraised_damage_fen: int
    appraisal_body: str
    consultations: _containers.RepeatedCompositeFieldContainer[Consultation]
    agreed_amount_fen: int
    remedy: CompensationRemedy
    restoration_plan: str
    paid_fen: int
    restored_on: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    etag: str
    timeline: _containers.RepeatedCompositeFieldContainer[CompensationStep]
    def __init__(self, name: _Optional[str] = ..., penalty_case: _Optional[str] = ..., handling_agency_id: _Optional[str] = ..., unit: _Optional[str] = ..., region_code: _Optional[str] = ..., state: _Optional[_Union[CompensationState, str]] = ..., appraised_damage_fen: _Optional[int] = ..., appraisal_body: _Optional[str] = ..., consultations: _Optional[_Iterable[_Union[Consultation, _Mapping]]] = ..., agreed_amount_fen: _Optional[int] = ..., remedy: _Optional[_Union[CompensationRemedy, str]] = ..., restoration_plan: _Optional[str] = ..., paid_fen: _Optional[int] = ..., restored_on: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ..., timeline: _Optional[_Iterable[_Union[CompensationStep, _Mapping]]] = ...) -> None: ...

class Consultation(_message.Message):
    __slots__ = ("round", "occurred_on", "parties", "joined_cases")
    ROUND_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_ON_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    JOINED_CASES_FIELD_NUMBER: _ClassVar[int]
    round: int
    occurred_on: str
    parties: _containers.RepeatedScalarFieldContainer[str]
    joined_cases: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, round: _Optional[int] = ..., occurred_on: _Optional[str] = ..., parties: _Optional[_Iterable[str]] = ..., joined_cases: _Optional[_Iterable[str]] = ...) -> None: ...

class CompensationStep(_message.Message):
    __slots__ = ("seq", "step", "from_state", "to_state", "agency_id", "officer_ids", "occurred_on", "record_time", "note", "evidence")
    SEQ_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    FROM_STATE_FIELD_NUMBER: _ClassVar[int]
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_ON_FIELD_NUMBER: _ClassVar[int]
    RECORD_TIME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    seq: int
    step: str
    from_state: CompensationState
    to_state: CompensationState
    agency_id: str
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    occurred_on: str
    record_time: _timestamp_pb2.Timestamp
    note: str
    evidence: _containers.RepeatedCompositeFieldContainer[_case_pb2.CitedEvidence]
    def __init__(self, seq: _Optional[int] = ..., step: _Optional[str] = ..., from_state: _Optional[_Union[CompensationState, str]] = ..., to_state: _Optional[_Union[CompensationState, str]] = ..., agency_id: _Optional[str] = ..., officer_ids: _Optional[_Iterable[str]] = ..., occurred_on: _Optional[str] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., note: _Optional[str] = ..., evidence: _Optional[_Iterable[_Union[_case_pb2.CitedEvidence, _Mapping]]] = ...) -> None: ...
