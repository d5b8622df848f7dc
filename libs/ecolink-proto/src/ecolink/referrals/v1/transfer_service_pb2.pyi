from ecolink.referrals.v1 import transfer_pb2 as _transfer_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListUntransferredSuspectsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListUntransferredSuspectsResponse(_message.Message):
    __slots__ = ("suspects", "next_page_token")
    SUSPECTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    suspects: _containers.RepeatedCompositeFieldContainer[UntransferredSuspect]
    next_page_token: str
    def __init__(self, suspects: _Optional[_Iterable[_Union[UntransferredSuspect, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UntransferredSuspect(_message.Message):
    __slots__ = ("case", "handling_agency_id", "unit", "unit_display_name", "criterion", "criterion_description", "marked_on", "case_state", "pending_transfer")
    CASE_FIELD_NUMBER: _ClassVar[int]
    HANDLING_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    CRITERION_FIELD_NUMBER: _ClassVar[int]
    CRITERION_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MARKED_ON_FIELD_NUMBER: _ClassVar[int]
    CASE_STATE_FIELD_NUMBER: _ClassVar[int]
    PENDING_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    case: str
    handling_agency_id: str
    unit: str
    unit_display_name: str
    criterion: str
    criterion_description: str
    marked_on: str
    case_state: str
    pending_transfer: str
    def __init__(self, case: _Optional[str] = ..., handling_agency_id: _Optional[str] = ..., unit: _Optional[str] = ..., unit_display_name: _Optional[str] = ..., criterion: _Optional[str] = ..., criterion_description: _Optional[str] = ..., marked_on: _Optional[str] = ..., case_state: _Optional[str] = ..., pending_transfer: _Optional[str] = ...) -> None: ...

class GetTransferStatisticsRequest(_message.Message):
    __slots__ = ("agency_id", "year")
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    agency_id: str
    year: int
    def __init__(self, agency_id: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class GetTransferStatisticsResponse(_message.Message):
    __slots__ = ("agency_id", "year", "criminal_transfers", "detention_transfers", "persons_transferred", "filed_cases", "persons_under_compulsory_measures", "persons_detained", "refusals", "reverse_transfers", "overdue_steps")
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    CRIMINAL_TRANSFERS_FIELD_NUMBER: _ClassVar[int]
    DETENTION_TRANSFERS_FIELD_NUMBER: _ClassVar[int]
    PERSONS_TRANSFERRED_FIELD_NUMBER: _ClassVar[int]
    FILED_CASES_FIELD_NUMBER: _ClassVar[int]
    PERSONS_UNDER_COMPULSORY_MEASURES_FIELD_NUMBER: _ClassVar[int]
    PERSONS_DETAINED_FIELD_NUMBER: _ClassVar[int]
    REFUSALS_FIELD_NUMBER: _ClassVar[int]
    REVERSE_TRANSFERS_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_STEPS_FIELD_NUMBER: _ClassVar[int]
    agency_id: str
    year: int
    criminal_transfers: int
    detention_transfers: int
    persons_transferred: int
    filed_cases: int
    persons_under_compulsory_measures: int
    persons_detained: int
    refusals: int
    reverse_transfers: int
    overdue_steps: int
    def __init__(self, agency_id: _Optional[str] = ..., year: _Optional[int] = ..., criminal_transfers: _Optional[int] = ..., detention_transfers: _Optional[int] = ..., persons_transferred: _Optional[int] = ..., filed_cases: _Optional[int] = ..., persons_under_compulsory_measures: _Optional[int] = ..., persons_detained: _Optional[int] = ..., refusals: _Optional[int] = ..., reverse_transfers: _Optional[int] = ..., overdue_steps: _Optional[int] = ...) -> None: ...

class TransferStepDetails(_message.Message):
    __slots__ = ("officer_ids", "note", "request_id")
    OFFICER_IDS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    officer_ids: _containers.RepeatedScalarFieldContainer[str]
    note: str
    request_id: str
    def __init__(self, officer_ids: _Optional[_Iterable[str]] = ..., note: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class TransferApproval(_message.Message):
    __slots__ = ("approver_officer_id", "opinion")
    APPROVER_OFFICER_ID_FIELD_NUMBER: _ClassVar[int]
    OPINION_FIELD_NUMBER: _ClassVar[int]
    approver_officer_id: str
    opinion: str
    def __init__(self, approver_officer_id: _Optional[str] = ..., opinion: _Optional[str] = ...) -> None: ...

class TransferCaseRequest(_message.Message):
    __slots__ = ("case", "police_agency_id", "kind", "facts", "suspected_offence", "persons", "details", "approval")
    CASE_FIELD_NUMBER: _ClassVar[int]
    POLICE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    SUSPECTED_OFFENCE_FIELD_NUMBER: _ClassVar[int]
    PERSONS_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    case: str
    police_agency_id: str
    kind: _transfer_pb2.TransferKind
    facts: str
    suspected_offence: str
    persons: _containers.RepeatedCompositeFieldContainer[_transfer_pb2.TransferPerson]
    details: TransferStepDetails
    approval: TransferApproval
    def __init__(self, case: _Optional[str] = ..., police_agency_id: _Optional[str] = ..., kind: _Optional[_Union[_transfer_pb2.TransferKind, str]] = ..., facts: _Optional[str] = ..., suspected_offence: _Optional[str] = ..., persons: _Optional[_Iterable[_Union[_transfer_pb2.TransferPerson, _Mapping]]] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ..., approval: _Optional[_Union[TransferApproval, _Mapping]] = ...) -> None: ...

class TransferCaseResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class ApproveTransferRequest(_message.Message):
    __slots__ = ("name", "etag", "approval", "approved", "request_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    approval: TransferApproval
    approved: bool
    request_id: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., approval: _Optional[_Union[TransferApproval, _Mapping]] = ..., approved: _Optional[bool] = ..., request_id: _Optional[str] = ...) -> None: ...

class ApproveTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class ReceiveTransferRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class ReceiveTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class ForwardTransferRequest(_message.Message):
    __slots__ = ("name", "etag", "police_agency_id", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    POLICE_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    police_agency_id: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., police_agency_id: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class ForwardTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class AcceptTransferRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class AcceptTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class ReturnTransferRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class ReturnTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class ResendTransferRequest(_message.Message):
    __slots__ = ("name", "etag", "facts", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    facts: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., facts: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class ResendTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class FileCriminalCaseRequest(_message.Message):
    __slots__ = ("name", "etag", "police_case_number", "detention_days", "details", "persons_held")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    POLICE_CASE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    DETENTION_DAYS_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    PERSONS_HELD_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    police_case_number: str
    detention_days: int
    details: TransferStepDetails
    persons_held: int
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., police_case_number: _Optional[str] = ..., detention_days: _Optional[int] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ..., persons_held: _Optional[int] = ...) -> None: ...

class FileCriminalCaseResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class DeclineToFileRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class DeclineToFileResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class RequestReconsiderationRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class RequestReconsiderationResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class DecideReconsiderationRequest(_message.Message):
    __slots__ = ("name", "etag", "file", "police_case_number", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    FILE_FIELD_NUMBER: _ClassVar[int]
    POLICE_CASE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    file: bool
    police_case_number: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., file: _Optional[bool] = ..., police_case_number: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class DecideReconsiderationResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class OpenSupervisionRequest(_message.Message):
    __slots__ = ("name", "etag", "answer_days", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    ANSWER_DAYS_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    answer_days: int
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., answer_days: _Optional[int] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class OpenSupervisionResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class AnswerSupervisionRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class AnswerSupervisionResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class CloseSupervisionRequest(_message.Message):
    __slots__ = ("name", "etag", "outcome", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    outcome: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., outcome: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class CloseSupervisionResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class RecordProsecutionRequest(_message.Message):
    __slots__ = ("name", "etag", "prosecuted", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROSECUTED_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    prosecuted: bool
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., prosecuted: _Optional[bool] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class RecordProsecutionResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class RecordJudgmentRequest(_message.Message):
    __slots__ = ("name", "etag", "judged_on", "court_agency_id", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    JUDGED_ON_FIELD_NUMBER: _ClassVar[int]
    COURT_AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    judged_on: str
    court_agency_id: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., judged_on: _Optional[str] = ..., court_agency_id: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class RecordJudgmentResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class ReverseTransferRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class ReverseTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class WithdrawTransferRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: TransferStepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[TransferStepDetails, _Mapping]] = ...) -> None: ...

class WithdrawTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class GetTransferRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetTransferResponse(_message.Message):
    __slots__ = ("transfer",)
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    transfer: _transfer_pb2.Transfer
    def __init__(self, transfer: _Optional[_Union[_transfer_pb2.Transfer, _Mapping]] = ...) -> None: ...

class ListTransfersRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "since_watermark", "state")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SINCE_WATERMARK_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    since_watermark: int
    state: _transfer_pb2.TransferState
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., since_watermark: _Optional[int] = ..., state: _Optional[_Union[_transfer_pb2.TransferState, str]] = ...) -> None: ...

class ListTransfersResponse(_message.Message):
    __slots__ = ("transfers", "next_page_token", "watermark")
    TRANSFERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    WATERMARK_FIELD_NUMBER: _ClassVar[int]
    transfers: _containers.RepeatedCompositeFieldContainer[_transfer_pb2.Transfer]
    next_page_token: str
    watermark: int
    def __init__(self, transfers: _Optional[_Iterable[_Union[_transfer_pb2.Transfer, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., watermark: _Optional[int] = ...) -> None: ...

class ListTransferRecordsRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListTransferRecordsResponse(_message.Message):
    __slots__ = ("records", "public_key_pem")
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_PEM_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[_transfer_pb2.SignedRecord]
    public_key_pem: bytes
    def __init__(self, records: _Optional[_Iterable[_Union[_transfer_pb2.SignedRecord, _Mapping]]] = ..., public_key_pem: _Optional[bytes] = ...) -> None: ...

class ListTransferDueActionsRequest(_message.Message):
    __slots__ = ("include_met",)
    INCLUDE_MET_FIELD_NUMBER: _ClassVar[int]
    include_met: bool
    def __init__(self, include_met: _Optional[bool] = ...) -> None: ...

class ListTransferDueActionsResponse(_message.Message):
    __slots__ = ("actions",)
    ACTIONS_FIELD_NUMBER: _ClassVar[int]
    actions: _containers.RepeatedCompositeFieldContainer[TransferDueAction]
    def __init__(self, actions: _Optional[_Iterable[_Union[TransferDueAction, _Mapping]]] = ...) -> None: ...

class TransferDueAction(_message.Message):
    __slots__ = ("transfer", "number", "deadline")
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    transfer: str
    number: str
    deadline: _transfer_pb2.TransferDeadline
    def __init__(self, transfer: _Optional[str] = ..., number: _Optional[str] = ..., deadline: _Optional[_Union[_transfer_pb2.TransferDeadline, _Mapping]] = ...) -> None: ...
