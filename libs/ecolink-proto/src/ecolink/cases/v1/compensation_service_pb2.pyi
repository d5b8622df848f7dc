from ecolink.cases.v1 import case_service_pb2 as _case_service_pb2
from ecolink.cases.v1 import compensation_pb2 as _compensation_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OpenCompensationCaseRequest(_message.Message):
    __slots__ = ("penalty_case", "request_id")
    PENALTY_CASE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    penalty_case: str
    request_id: str
    def __init__(self, penalty_case: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class OpenCompensationCaseResponse(_message.Message):
    __slots__ = ("compensation_case",)
    COMPENSATION_CASE_FIELD_NUMBER: _ClassVar[int]
    compensation_case: _compensation_pb2.CompensationCase
    def __init__(self, compensation_case: _Optional[_Union[_compensation_pb2.CompensationCase, _Mapping]] = ...) -> None: ...

class GetCompensationCaseRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetCompensationCaseResponse(_message.Message):
    __slots__ = ("compensation_case",)
    COMPENSATION_CASE_FIELD_NUMBER: _ClassVar[int]
    compensation_case: _compensation_pb2.CompensationCase
    def __init__(self, compensation_case: _Optional[_Union[_compensation_pb2.CompensationCase, _Mapping]] = ...) -> None: ...

class ListCompensationCasesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "state")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    state: _compensation_pb2.CompensationState
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., state: _Optional[_Union[_compensation_pb2.CompensationState, str]] = ...) -> None: ...

class ListCompensationCasesResponse(_message.Message):
    __slots__ = ("compensation_cases", "next_page_token")
    COMPENSATION_CASES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    compensation_cases: _containers.RepeatedCompositeFieldContainer[_compensation_pb2.CompensationCase]
    next_page_token: str
    def __init__(self, compensation_cases: _Optional[_Iterable[_Union[_compensation_pb2.CompensationCase, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class StartCompensationInvestigationRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: _case_service_pb2.StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[_case_service_pb2.StepDetails, _Mapping]] = ...) -> None: ...

class StartCompensationInvestigationResponse(_message.Message):
    __slots__ = ("compensation_case",)
    COMPENSATION_CASE_FIELD_NUMBER: _ClassVar[int]
    compensation_case: _compensation_pb2.CompensationCase
    def __init__(self, compensation_case: _Optional[_Union[_compensation_pb2.CompensationCase, _Mapping]] = ...) -> None: ...

class RecordAppraisalRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "appraised_damage_fen", "appraisal_body")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    APPRAISED_DAMAGE_FEN_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_BODY_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: _case_service_pb2.StepDetails
    appraised_damage_fen: int
    appraisal_body: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[_case_service_pb2.StepDetails, _Mapping]] = ..., appraised_damage_fen: _Optional[int] = ..., appraisal_body: _Optional[str] = ...) -> None: ...

class RecordAppraisalResponse(_message.Message):
    __slots__ = ("compensation_case",)
    COMPENSATION_CASE_FIELD_NUMBER: _ClassVar[int]
    compensation_case: _compensation_pb2.CompensationCase
    def __init__(self, compensation_case: _Optional[_Union[_compensation_pb2.CompensationCase, _Mapping]] = ...) -> None: ...

class RecordConsultationRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "parties", "joined_cases")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    JOINED_CASES_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: _case_service_pb2.StepDetails
    parties: _containers.RepeatedScalarFieldContainer[str]
    joined_cases: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[_case_service_pb2.StepDetails, _Mapping]] = ..., parties: _Optional[_Iterable[str]] = ..., joined_cases: _Optional[_Iterable[str]] = ...) -> None: ...

class RecordConsultationResponse(_message.Message):
    __slots__ = ("compensation_case",)
    COMPENSATION_CASE_FIELD_NUMBER: _ClassVar[int]
    compensation_case: _compensation_pb2.CompensationCase
    def __init__(self, compensation_case: _Optional[_Union[_compensation_pb2.CompensationCase, _Mapping]] = ...) -> None: ...

class ConcludeAgreementRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "agreed_amount_fen", "remedy", "restoration_plan")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    AGREED_AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    REMEDY_FIELD_NUMBER: _ClassVar[int]
    RESTORATION_PLAN_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: _case_service_pb2.StepDetails
    agreed_amount_fen: int
    remedy: _compensation_pb2.CompensationRemedy
    restoration_plan: str
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[_case_service_pb2.StepDetails, _Mapping]] = ..., agreed_amount_fen: _Optional[int] = ..., remedy: _Optional[_Union[_compensation_pb2.CompensationRemedy, str]] = ..., restoration_plan: _Optional[str] = ...) -> None: ...

class ConcludeAgreementResponse(_message.Message):
    __slots__ = ("compensation_case",)
    COMPENSATION_CASE_FIELD_NUMBER: _ClassVar[int]
    compensation_case: _compensation_pb2.CompensationCase
    def __init__(self, compensation_case: _Optional[_Union[_compensation_pb2.CompensationCase, _Mapping]] = ...) -> None: ...

class RecordRestorationRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: _case_service_pb2.StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[_case_service_pb2.StepDetails, _Mapping]] = ...) -> None: ...

class RecordRestorationResponse(_message.Message):
    __slots__ = ("compensation_case",)
    COMPENSATION_CASE_FIELD_NUMBER: _ClassVar[int]
    compensation_case: _compensation_pb2.CompensationCase
    def __init__(self, compensation_case: _Optional[_Union[_compensation_pb2.CompensationCase, _Mapping]] = ...) -> None: ...

class RecordCompensationPaymentRequest(_message.Message):
    __slots__ = ("name", "etag", "details", "amount_fen")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FEN_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: _case_service_pb2.StepDetails
    amount_fen: int
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[_case_service_pb2.StepDetails, _Mapping]] = ..., amount_fen: _Optional[int] = ...) -> None: ...

class RecordCompensationPaymentResponse(_message.Message):
    __slots__ = ("compensation_case",)
    COMPENSATION_CASE_FIELD_NUMBER: _ClassVar[int]
    compensation_case: _compensation_pb2.CompensationCase
    def __init__(self, compensation_case: _Optional[_Union[_compensation_pb2.CompensationCase, _Mapping]] = ...) -> None: ...

class CloseCompensationCaseRequest(_message.Message):
    __slots__ = ("name", "etag", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    details: _case_service_pb2.StepDetails
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., details: _Optional[_Union[_case_service_pb2.StepDetails, _Mapping]] = ...) -> None: ...

class CloseCompensationCaseResponse(_message.Message):
    __slots__ = ("compensation_case",)
    COMPENSATION_CASE_FIELD_NUMBER: _ClassVar[int]
    compensation_case: _compensation_pb2.CompensationCase
    def __init__(self, compensation_case: _Optional[_Union[_compensation_pb2.CompensationCase, _Mapping]] = ...) -> None: ...
