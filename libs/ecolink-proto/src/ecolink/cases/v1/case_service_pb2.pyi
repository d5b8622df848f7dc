from ecolink.cases.v1 import case_pb2 as _case_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StepDetails(_message.Message):
    __slots__ = ("officer_ids", "occurred_on", "note", "evidence", "request_id")
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_ON_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    occurred_on: str
    note: str
    evidence: _containers.RepeatedScalarFieldContainer[str]
    request_id: str
    def __init__(self, officer_ids: _Optional[_Iterable[str]] = ..., occurred_on: _Optional[str] = ..., note: _Optional[str] = ..., evidence: _Optional[_Iterable[str]] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateCaseRequest(_message.Message):
    __slots__ = ("case", "request_id")
    CASE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    request_id: str
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateCaseResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class GetCaseRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetCaseResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class ListCasesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "state")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    state: _case_pb2.CaseState
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., state: _Optional[_Union[_case_pb2.CaseState, str]] = ...) -> None: ...

class ListCasesResponse(_message.Message):
    __slots__ = ("cases", "next_page_token")
    CASES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    cases: _containers.RepeatedCompositeFieldContainer[_case_pb2.Case]
    next_page_token: str
    def __init__(self, cases: _Optional[_Iterable[_Union[_case_pb2.Case, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ApproveCaseStepRequest(_message.Message):
    __slots__ = ("name", "step", "approver_officer_id", "opinion", "etag", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    APPROVER_OFFICER_ID_FIELD_NUMBER: _ClassVar[int]
    OPINION_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    step: str
    approver_officer_id: str
    opinion: str
    etag: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., step: _Optional[str] = ..., approver_officer_id: _Optional[str] = ..., opinion: _Optional[str] = ..., etag: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ApproveCaseStepResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class RegisterCaseRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class RegisterCaseResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class StartInvestigationRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class StartInvestigationResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class RecordInvestigationRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class RecordInvestigationResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class SubmitForLegalReviewRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class SubmitForLegalReviewResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class NotifyIntendedPenaltyRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "intended_fine_fen")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    INTENDED_FINE_FEN_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    intended_fine_fen: int
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ..., intended_fine_fen: _Optional[int] = ...) -> None: ...

class NotifyIntendedPenaltyResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class RecordHearingApplicationRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class RecordHearingApplicationResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class RecordHearingRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class RecordHearingResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class DecideCaseRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "outcome", "fine_fen", "no_penalty_ground")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    FINE_FEN_FIELD_NUMBER: _ClassVar[int]
    NO_PENALTY_GROUND_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    outcome: _case_pb2.DecisionOutcome
    fine_fen: int
    no_penalty_ground: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ..., outcome: _Optional[_Union[_case_pb2.DecisionOutcome, str]] = ..., fine_fen: _Optional[int] = ..., no_penalty_ground: _Optional[str] = ...) -> None: ...

class DecideCaseResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class RecordServiceRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "method")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    method: _case_pb2.ServiceMethod
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ..., method: _Optional[_Union[_case_pb2.ServiceMethod, str]] = ...) -> None: ...

class RecordServiceResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class RecordPaymentRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "amount_fen")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    amount_fen: int
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ..., amount_fen: _Optional[int] = ...) -> None: ...

class RecordPaymentResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class IssuePaymentReminderRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class IssuePaymentReminderResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class RecordReminderServiceRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "method")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    method: _case_pb2.ServiceMethod
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ..., method: _Optional[_Union[_case_pb2.ServiceMethod, str]] = ...) -> None: ...

class RecordReminderServiceResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class ApplyToCourtRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class ApplyToCourtResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class CloseCaseRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class CloseCaseResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class WithdrawCaseRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class WithdrawCaseResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class ListDocumentsRequest(_message.Message):
    __slots__ = ("agency_id", "kind", "year", "page_size", "page_token")
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    agency_id: str
    kind: _case_pb2.DocumentKind
    year: int
    page_size: int
    page_token: str
    def __init__(self, agency_id: _Optional[str] = ..., kind: _Optional[_Union[_case_pb2.DocumentKind, str]] = ..., year: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListDocumentsResponse(_message.Message):
    __slots__ = ("documents", "next_page_token")
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    documents: _containers.RepeatedCompositeFieldContainer[_case_pb2.Document]
    next_page_token: str
    def __init__(self, documents: _Optional[_Iterable[_Union[_case_pb2.Document, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListDueActionsRequest(_message.Message):
    __slots__ = ("as_of", "include_upcoming", "horizon_days")
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_UPCOMING_FIELD_NUMBER: _ClassVar[int]
    HORIZON_DAYS_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    include_upcoming: bool
    horizon_days: int
    def __init__(self, as_of: _Optional[str] = ..., include_upcoming: _Optional[bool] = ..., horizon_days: _Optional[int] = ...) -> None: ...

class ListDueActionsResponse(_message.Message):
    __slots__ = ("actions",)
    ACTIONS_FIELD_NUMBER: _ClassVar[int]
    actions: _containers.RepeatedCompositeFieldContainer[_case_pb2.DueAction]
    def __init__(self, actions: _Optional[_Iterable[_Union[_case_pb2.DueAction, _Mapping]]] = ...) -> None: ...

class OrderSealingRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "days")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    days: int
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ..., days: _Optional[int] = ...) -> None: ...

class OrderSealingResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class ExtendSealingRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "extension_days")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    EXTENSION_DAYS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    extension_days: int
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ..., extension_days: _Optional[int] = ...) -> None: ...

class ExtendSealingResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class LiftSealingRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class LiftSealingResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class RestrictProductionRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "days")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    days: int
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ..., days: _Optional[int] = ...) -> None: ...

class RestrictProductionResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class OrderCorrectionRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class OrderCorrectionResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class RecordReinspectionRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "still_unmet")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    STILL_UNMET_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    still_unmet: bool
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ..., still_unmet: _Optional[bool] = ...) -> None: ...

class RecordReinspectionResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class HandOffForDetentionRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "police_agency_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    POLICE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: StepDetails
    police_agency_id: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ..., police_agency_id: _Optional[str] = ...) -> None: ...

class HandOffForDetentionResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class GetCaseStatisticsRequest(_message.Message):
    __slots__ = ("agency_id", "year")
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    agency_id: str
    year: int
    def __init__(self, agency_id: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class GetCaseStatisticsResponse(_message.Message):
    __slots__ = ("agency_id", "year", "registered", "decided", "penalties", "penalty_fen", "no_penalty_decisions", "daily_penalties", "daily_penalty_fen", "sealings", "production_restrictions", "detention_hand_offs")
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_FIELD_NUMBER: _ClassVar[int]
    DECIDED_FIELD_NUMBER: _ClassVar[int]
    PENALTIES_FIELD_NUMBER: _ClassVar[int]
    PENALTY_FEN_FIELD_NUMBER: _ClassVar[int]
    NO_PENALTY_DECISIONS_FIELD_NUMBER: _ClassVar[int]
    DAILY_PENALTIES_FIELD_NUMBER: _ClassVar[int]
    DAILY_PENALTY_FEN_FIELD_NUMBER: _ClassVar[int]
    SEALINGS_FIELD_NUMBER: _ClassVar[int]
    PRODUCTION_RESTRICTIONS_FIELD_NUMBER: _ClassVar[int]
    DETENTION_HAND_OFFS_FIELD_NUMBER: _ClassVar[int]
    agency_id: str
    year: int
    registered: int
    decided: int
    penalties: int
    penalty_fen: int
    no_penalty_decisions: int
    daily_penalties: int
    daily_penalty_fen: int
    sealings: int
    production_restrictions: int
    detention_hand_offs: int
    def __init__(self, agency_id: _Optional[str] = ..., year: _Optional[int] = ..., registered: _Optional[int] = ..., decided: _Optional[int] = ..., penalties: _Optional[int] = ..., penalty_fen: _Optional[int] = ..., no_penalty_decisions: _Optional[int] = ..., daily_penalties: _Optional[int] = ..., daily_penalty_fen: _Optional[int] = ..., sealings: _Optional[int] = ..., production_restrictions: _Optional[int] = ..., detention_hand_offs: _Optional[int] = ...) -> None: ...

class VoidDocumentRequest(_message.Message):
    __slots__ = ("name", "reason", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    request_id: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class VoidDocumentResponse(_message.Message):
    __slots__ = ("document",)
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    document: _case_pb2.Document
    def __init__(self, document: _Optional[_Union[_case_pb2.Document, _Mapping]] = ...) -> None: ...

class ListServedDocumentsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListServedDocumentsResponse(_message.Message):
    __slots__ = ("documents", "next_page_token")
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    documents: _containers.RepeatedCompositeFieldContainer[_case_pb2.Document]
    next_page_token: str
    def __init__(self, documents: _Optional[_Iterable[_Union[_case_pb2.Document, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetCaseDossierRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetCaseDossierResponse(_message.Message):
    __slots__ = ("dossier",)
    DOSSIER_FIELD_NUMBER: _ClassVar[int]
    dossier: _case_pb2.CaseDossier
    def __init__(self, dossier: _Optional[_Union[_case_pb2.CaseDossier, _Mapping]] = ...) -> None: ...

class RecordHandBackRequest(_message.Message):
    __slots__ = ("name", "transfer", "reason", "handed_back_by")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    HANDED_BACK_BY_FIELD_NUMBER: _ClassVar[int]
    name: str
    transfer: str
    reason: str
    handed_back_by: str
    def __init__(self, name: _Optional[str] = ..., transfer: _Optional[str] = ..., reason: _Optional[str] = ..., handed_back_by: _Optional[str] = ...) -> None: ...

class RecordHandBackResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class MarkSuspectedCrimeRequest(_message.Message):
    __slots__ = ("name", "etag", "criterion", "measured", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    CRITERION_FIELD_NUMBER: _ClassVar[int]
    MEASURED_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    criterion: str
    measured: float
    details: StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., criterion: _Optional[str] = ..., measured: _Optional[float] = ..., details: _Optional[_Union[StepDetails, _Mapping]] = ...) -> None: ...

class MarkSuspectedCrimeResponse(_message.Message):
    __slots__ = ("case",)
    CASE_FIELD_NUMBER: _ClassVar[int]
    case: _case_pb2.Case
    def __init__(self, case: _Optional[_Union[_case_pb2.Case, _Mapping]] = ...) -> None: ...

class ListSuspectedCrimeCasesRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListSuspectedCrimeCasesResponse(_message.Message):
    __slots__ = ("cases", "next_page_token")
    CASES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    cases: _containers.RepeatedCompositeFieldContainer[_case_pb2.Case]
    next_page_token: str
    def __init__(self, cases: _Optional[_Iterable[_Union[_case_pb2.Case, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
