import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ClueSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CLUE_SOURCE_UNSPECIFIED: _ClassVar[ClueSource]
    CLUE_SOURCE_MONITORING_ALERT: _ClassVar[ClueSource]
    CLUE_SOURCE_PETITION: _ClassVar[ClueSource]
    CLUE_SOURCE_INSPECTION: _ClassVar[ClueSource]
    CLUE_SOURCE_POLICE_HAND_BACK: _ClassVar[ClueSource]
    CLUE_SOURCE_MANUAL: _ClassVar[ClueSource]

class CaseState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CASE_STATE_UNSPECIFIED: _ClassVar[CaseState]
    CASE_STATE_CLUE: _ClassVar[CaseState]
    CASE_STATE_REGISTERED: _ClassVar[CaseState]
    CASE_STATE_INVESTIGATING: _ClassVar[CaseState]
    CASE_STATE_LEGAL_REVIEW: _ClassVar[CaseState]
    CASE_STATE_NOTIFIED: _ClassVar[CaseState]
    CASE_STATE_DECIDED: _ClassVar[CaseState]
    CASE_STATE_SERVED: _ClassVar[CaseState]
    CASE_STATE_EXECUTING: _ClassVar[CaseState]
    CASE_STATE_CLOSED: _ClassVar[CaseState]
    CASE_STATE_WITHDRAWN: _ClassVar[CaseState]

class DecisionOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DECISION_OUTCOME_UNSPECIFIED: _ClassVar[DecisionOutcome]
    DECISION_OUTCOME_PENALTY: _ClassVar[DecisionOutcome]
    DECISION_OUTCOME_NO_PENALTY: _ClassVar[DecisionOutcome]

class ServiceMethod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SERVICE_METHOD_UNSPECIFIED: _ClassVar[ServiceMethod]
    SERVICE_METHOD_DIRECT: _ClassVar[ServiceMethod]
    SERVICE_METHOD_POST: _ClassVar[ServiceMethod]
    SERVICE_METHOD_PUBLIC_NOTICE: _ClassVar[ServiceMethod]

class DocumentKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DOCUMENT_KIND_UNSPECIFIED: _ClassVar[DocumentKind]
    DOCUMENT_KIND_REGISTRATION_APPROVAL: _ClassVar[DocumentKind]
    DOCUMENT_KIND_INSPECTION_RECORD: _ClassVar[DocumentKind]
    DOCUMENT_KIND_PENALTY_NOTICE: _ClassVar[DocumentKind]
    DOCUMENT_KIND_PENALTY_DECISION: _ClassVar[DocumentKind]
    DOCUMENT_KIND_NO_PENALTY_DECISION: _ClassVar[DocumentKind]
    DOCUMENT_KIND_SEALING_DECISION: _ClassVar[DocumentKind]
    DOCUMENT_KIND_PAYMENT_REMINDER: _ClassVar[DocumentKind]
    DOCUMENT_KIND_COURT_APPLICATION: _ClassVar[DocumentKind]
CLUE_SOURCE_UNSPECIFIED: ClueSource
CLUE_SOURCE_MONITORING_ALERT: ClueSource
CLUE_SOURCE_PETITION: ClueSource
CLUE_SOURCE_INSPECTION: ClueSource
CLUE_SOURCE_POLICE_HAND_BACK: ClueSource
CLUE_SOURCE_MANUAL: ClueSource
CASE_STATE_UNSPECIFIED: CaseState
CASE_STATE_CLUE: CaseState
CASE_STATE_REGISTERED: CaseState
CASE_STATE_INVESTIGATING: CaseState
CASE_STATE_LEGAL_REVIEW: CaseState
CASE_STATE_NOTIFIED: CaseState
CASE_STATE_DECIDED: CaseState
CASE_STATE_SERVED: CaseState
CASE_STATE_EXECUTING: CaseState
CASE_STATE_CLOSED: CaseState
CASE_STATE_WITHDRAWN: CaseState
DECISION_OUTCOME_UNSPECIFIED: DecisionOutcome
DECISION_OUTCOME_PENALTY: DecisionOutcome
DECISION_OUTCOME_NO_PENALTY: DecisionOutcome
SERVICE_METHOD_UNSPECIFIED: ServiceMethod
SERVICE_METHOD_DIRECT: ServiceMethod
SERVICE_METHOD_POST: ServiceMethod
SERVICE_METHOD_PUBLIC_NOTICE: ServiceMethod
DOCUMENT_KIND_UNSPECIFIED: DocumentKind
DOCUMENT_KIND_REGISTRATION_APPROVAL: DocumentKind
DOCUMENT_KIND_INSPECTION_RECORD: DocumentKind
DOCUMENT_KIND_PENALTY_NOTICE: DocumentKind
DOCUMENT_KIND_PENALTY_DECISION: DocumentKind
DOCUMENT_KIND_NO_PENALTY_DECISION: DocumentKind
DOCUMENT_KIND_SEALING_DECISION: DocumentKind
DOCUMENT_KIND_PAYMENT_REMINDER: DocumentKind
DOCUMENT_KIND_COURT_APPLICATION: DocumentKind

class Case(_message.Message):
    __slots__ = ("name", "handling_agency_id", "unit", "unit_display_name", "region_code", "source", "source_ref", "violation_type", "legal_basis", "state", "handling_officer_ids", "outcome", "fine_fen", "paid_fen", "no_penalty_ground", "create_time", "update_time", "etag", "timeline", "approvals", "documents", "alert_provenance", "measures", "compensation_case", "suspected_crime")
    NAME_FIELD_NUMBER: _ClassVar[int]
    HANDLING_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_REF_FIELD_NUMBER: _ClassVar[int]
    VIOLATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    LEGAL_BASIS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    HANDLING_OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    FINE_FEN_FIELD_NUMBER: _ClassVar[int]
    PAID_FEN_FIELD_NUMBER: _ClassVar[int]
    NO_PENALTY_GROUND_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_FIELD_NUMBER: _ClassVar[int]
    APPROVALS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    ALERT_PROVENANCE_FIELD_NUMBER: _ClassVar[int]
    MEASURES_FIELD_NUMBER: _ClassVar[int]
    COMPENSATION_CASE_FIELD_NUMBER: _ClassVar[int]
    SUSPECTED_CRIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    handling_agency_id: str
    unit: str
    unit_display_name: str
    region_code: str
    source: ClueSource
    source_ref: str
    violation_type: str
    legal_basis: str
    state: CaseState
    handling_officer_ids: _containers.RepeatedScalarFieldContainer[str]
    outcome: DecisionOutcome
    fine_fen: int
    paid_fen: int
    no_penalty_ground: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    etag: str
    timeline: _containers.RepeatedCompositeFieldContainer[CaseStep]
    approvals: _containers.RepeatedCompositeFieldContainer[Approval]
    documents: _containers.RepeatedCompositeFieldContainer[Document]
    alert_provenance: AlertProvenance
    measures: SupportingMeasures
    compensation_case: str
    suspected_crime: SuspectedCrime
    def __init__(self, name: _Optional[str] = ..., handling_agency_id: _Optional[str] = ..., unit: _Optional[str] = ..., unit_display_name: _Optional[str] = ..., region_code: _Optional[str] = ..., source: _Optional[_Union[ClueSource, str]] = ..., source_ref: _Optional[str] = ..., violation_type: _Optional[str] = ..., legal_basis: _Optional[str] = ..., state: _Optional[_Union[CaseState, str]] = ..., handling_officer_ids: _Optional[_Iterable[str]] = ..., outcome: _Optional[_Union[DecisionOutcome, str]] = ..., fine_fen: _Optional[int] = ..., paid_fen: _Optional[int] = ..., no_penalty_ground: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ..., timeline: _Optional[_Iterable[_Union[CaseStep, _Mapping]]] = ..., approvals: _Optional[_Iterable[_Union[Approval, _Mapping]]] = ..., documents: _Optional[_Iterable[_Union[Document, _Mapping]]] = ..., alert_provenance: _Optional[_Union[AlertProvenance, _Mapping]] = ..., measures: _Optional[_Union[SupportingMeasures, _Mapping]] = ..., compensation_case: _Optional[str] = ..., suspected_crime: _Optional[_Union[SuspectedCrime, _Mapping]] = ...) -> None: ...

class SuspectedCrime(_message.Message):
    __slots__ = ("criterion", "description", "source", "marked_on", "measured", "thresholds_version")
    CRITERION_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    MARKED_ON_FIELD_NUMBER: _ClassVar[int]
    MEASURED_FIELD_NUMBER: _ClassVar[int]
    THRESHOLDS_VERSION_FIELD_NUMBER: _ClassVar[int]
    criterion: str
    description: str
    source: str
    marked_on: str
    measured: float
    thresholds_version: str
    def __init__(self, criterion: _Optional[str] = ..., description: _Optional[str] = ..., source: _Optional[str] = ..., marked_on: _Optional[str] = ..., measured: _Optional[float] = ..., thresholds_version: _Optional[str] = ...) -> None: ...

class SupportingMeasures(_message.Message):
    __slots__ = ("sealing_on", "sealing_days", "sealing_extension_days", "sealing_until", "sealing_lifted_on", "restriction_on", "restriction_days", "correction_served_on", "reinspected_on", "daily_penalty_days", "daily_penalty_fen", "detention_handed_off_on", "detention_police_agency_id")
    SEALING_ON_FIELD_NUMBER: _ClassVar[int]
    SEALING_DAYS_FIELD_NUMBER: _ClassVar[int]
    SEALING_EXTENSION_DAYS_FIELD_NUMBER: _ClassVar[int]
    SEALING_UNTIL_FIELD_NUMBER: _ClassVar[int]
    SEALING_LIFTED_ON_FIELD_NUMBER: _ClassVar[int]
    RESTRICTION_ON_FIELD_NUMBER: _ClassVar[int]
    RESTRICTION_DAYS_FIELD_NUMBER: _ClassVar[int]
    CORRECTION_SERVED_ON_FIELD_NUMBER: _ClassVar[int]
    REINSPECTED_ON_FIELD_NUMBER: _ClassVar[int]
    DAILY_PENALTY_DAYS_FIELD_NUMBER: _ClassVar[int]
    DAILY_PENALTY_FEN_FIELD_NUMBER: _ClassVar[int]
    DETENTION_HANDED_OFF_ON_FIELD_NUMBER: _ClassVar[int]
    DETENTION_POLICE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    sealing_on: str
    sealing_days: int
    sealing_extension_days: int
    sealing_until: str
    sealing_lifted_on: str
    restriction_on: str
    restriction_days: int
    correction_served_on: str
    reinspected_on: str
    daily_penalty_days: int
    daily_penalty_fen: int
    detention_handed_off_on: str
    detention_police_agency_id: str
    def __init__(self, sealing_on: _Optional[str] = ..., sealing_days: _Optional[int] = ..., sealing_extension_days: _Optional[int] = ..., sealing_until: _Optional[str] = ..., sealing_lifted_on: _Optional[str] = ..., restriction_on: _Optional[str] = ..., restriction_days: _Optional[int] = ..., correction_served_on: _Optional[str] = ..., reinspected_on: _Optional[str] = ..., daily_penalty_days: _Optional[int] = ..., daily_penalty_fen: _Optional[int] = ..., detention_handed_off_on: _Optional[str] = ..., detention_police_agency_id: _Optional[str] = ...) -> None: ...

class AlertProvenance(_message.Message):
    __slots__ = ("alert", "rule", "evidence_sha256")
    ALERT_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_SHA256_FIELD_NUMBER: _ClassVar[int]
    alert: str
    rule: str
    evidence_sha256: str
    def __init__(self, alert: _Optional[str] = ..., rule: _Optional[str] = ..., evidence_sha256: _Optional[str] = ...) -> None: ...

class CaseStep(_message.Message):
    __slots__ = ("seq", "step", "from_state", "to_state", "agency_id", "officer_ids", "occurred_on", "record_time", "note", "evidence", "approval", "document")
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
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    seq: int
    step: str
    from_state: CaseState
    to_state: CaseState
    agency_id: str
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    occurred_on: str
    record_time: _timestamp_pb2.Timestamp
    note: str
    evidence: _containers.RepeatedCompositeFieldContainer[CitedEvidence]
    approval: str
    document: str
    def __init__(self, seq: _Optional[int] = ..., step: _Optional[str] = ..., from_state: _Optional[_Union[CaseState, str]] = ..., to_state: _Optional[_Union[CaseState, str]] = ..., agency_id: _Optional[str] = ..., officer_ids: _Optional[_Iterable[str]] = ..., occurred_on: _Optional[str] = ..., record_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., note: _Optional[str] = ..., evidence: _Optional[_Iterable[_Union[CitedEvidence, _Mapping]]] = ..., approval: _Optional[str] = ..., document: _Optional[str] = ...) -> None: ...

class CitedEvidence(_message.Message):
    __slots__ = ("evidence", "sha256")
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    evidence: str
    sha256: str
    def __init__(self, evidence: _Optional[str] = ..., sha256: _Optional[str] = ...) -> None: ...

class Approval(_message.Message):
    __slots__ = ("name", "step", "approver_agency_id", "approver_officer_id", "opinion", "approve_time", "used")
    NAME_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    APPROVER_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    APPROVER_OFFICER_ID_FIELD_NUMBER: _ClassVar[int]
    OPINION_FIELD_NUMBER: _ClassVar[int]
    APPROVE_TIME_FIELD_NUMBER: _ClassVar[int]
    USED_FIELD_NUMBER: _ClassVar[int]
    name: str
    step: str
    approver_agency_id: str
    approver_officer_id: str
    opinion: str
    approve_time: _timestamp_pb2.Timestamp
    used: bool
    def __init__(self, name: _Optional[str] = ..., step: _Optional[str] = ..., approver_agency_id: _Optional[str] = ..., approver_officer_id: _Optional[str] = ..., opinion: _Optional[str] = ..., approve_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., used: _Optional[bool] = ...) -> None: ...

class Document(_message.Message):
    __slots__ = ("name", "kind", "agency_id", "year", "number", "display_number", "case", "issue_time", "cites", "void", "void_reason", "void_time")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CASE_FIELD_NUMBER: _ClassVar[int]
    ISSUE_TIME_FIELD_NUMBER: _ClassVar[int]
    CITES_FIELD_NUMBER: _ClassVar[int]
    VOID_FIELD_NUMBER: _ClassVar[int]
    VOID_REASON_FIELD_NUMBER: _ClassVar[int]
    VOID_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: DocumentKind
    agency_id: str
    year: int
    number: int
    display_number: str
    case: str
    issue_time: _timestamp_pb2.Timestamp
    cites: _containers.RepeatedScalarFieldContainer[str]
    void: bool
    void_reason: str
    void_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[_Union[DocumentKind, str]] = ..., agency_id: _Optional[str] = ..., year: _Optional[int] = ..., number: _Optional[int] = ..., display_number: _Optional[str] = ..., case: _Optional[str] = ..., issue_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., cites: _Optional[_Iterable[str]] = ..., void: _Optional[bool] = ..., void_reason: _Optional[str] = ..., void_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class DueAction(_message.Message):
    __slots__ = ("case", "action", "description", "from_date", "until_date", "status", "legal_basis")
    CASE_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_DATE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LEGAL_BASIS_FIELD_NUMBER: _ClassVar[int]
    case: str
    action: str
    description: str
    from_date: str
    until_date: str
    status: str
    legal_basis: str
    def __init__(self, case: _Optional[str] = ..., action: _Optional[str] = ..., description: _Optional[str] = ..., from_date: _Optional[str] = ..., until_date: _Optional[str] = ..., status: _Optional[str] = ..., legal_basis: _Optional[str] = ...) -> None: ...

class CaseDossier(_message.Message):
    __slots__ = ("case", "officers", "evidence", "read_time")
    CASE_FIELD_NUMBER: _ClassVar[int]
    OFFICERS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    READ_TIME_FIELD_NUMBER: _ClassVar[int]
    case: Case
    officers: _containers.RepeatedCompositeFieldContainer[DossierOfficer]
    evidence: _containers.RepeatedCompositeFieldContainer[DossierEvidence]
    read_time: _timestamp_pb2.Timestamp
    def __init__(self, case: _Optional[_Union[Case, _Mapping]] = ..., officers: _Optional[_Iterable[_Union[DossierOfficer, _Mapping]]] = ..., evidence: _Optional[_Iterable[_Union[DossierEvidence, _Mapping]]] = ..., read_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class DossierOfficer(_message.Message):
    __slots__ = ("officer_id", "name", "agency_id", "certificate_number")
    OFFICER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    officer_id: str
    name: str
    agency_id: str
    certificate_number: str
    def __init__(self, officer_id: _Optional[str] = ..., name: _Optional[str] = ..., agency_id: _Optional[str] = ..., certificate_number: _Optional[str] = ...) -> None: ...

class DossierEvidence(_message.Message):
    __slots__ = ("evidence", "sha256", "cited_at")
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    CITED_AT_FIELD_NUMBER: _ClassVar[int]
    evidence: str
    sha256: str
    cited_at: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, evidence: _Optional[str] = ..., sha256: _Optional[str] = ..., cited_at: _Optional[_Iterable[int]] = ...) -> None: ...
