from ecolink.cases.v1 import inspection_pb2 as _inspection_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RecordCreditFindingRequest(_message.Message):
    __slots__ = ("unit", "finding")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    FINDING_FIELD_NUMBER: _ClassVar[int]
    unit: str
    finding: _inspection_pb2.CreditFinding
    def __init__(self, unit: _Optional[str] = ..., finding: _Optional[_Union[_inspection_pb2.CreditFinding, _Mapping]] = ...) -> None: ...

class RecordCreditFindingResponse(_message.Message):
    __slots__ = ("credit",)
    CREDIT_FIELD_NUMBER: _ClassVar[int]
    credit: _inspection_pb2.UnitCredit
    def __init__(self, credit: _Optional[_Union[_inspection_pb2.UnitCredit, _Mapping]] = ...) -> None: ...

class GetUnitCreditRequest(_message.Message):
    __slots__ = ("unit", "as_of")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    unit: str
    as_of: str
    def __init__(self, unit: _Optional[str] = ..., as_of: _Optional[str] = ...) -> None: ...

class GetUnitCreditResponse(_message.Message):
    __slots__ = ("credit",)
    CREDIT_FIELD_NUMBER: _ClassVar[int]
    credit: _inspection_pb2.UnitCredit
    def __init__(self, credit: _Optional[_Union[_inspection_pb2.UnitCredit, _Mapping]] = ...) -> None: ...

class ListUnitCreditsRequest(_message.Message):
    __slots__ = ("region_code", "as_of")
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    region_code: str
    as_of: str
    def __init__(self, region_code: _Optional[str] = ..., as_of: _Optional[str] = ...) -> None: ...

class ListUnitCreditsResponse(_message.Message):
    __slots__ = ("credits", "positive_list_candidates")
    CREDITS_FIELD_NUMBER: _ClassVar[int]
    POSITIVE_LIST_CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    credits: _containers.RepeatedCompositeFieldContainer[_inspection_pb2.UnitCredit]
    positive_list_candidates: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, credits: _Optional[_Iterable[_Union[_inspection_pb2.UnitCredit, _Mapping]]] = ..., positive_list_candidates: _Optional[_Iterable[str]] = ...) -> None: ...

class RunInspectionDrawRequest(_message.Message):
    __slots__ = ("region_code", "positive_list_unit_ids", "seed", "inspectors_per_unit", "request_id")
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    POSITIVE_LIST_UNIT_IDS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    INSPECTORS_PER_UNIT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    region_code: str
    positive_list_unit_ids: _containers.RepeatedScalarFieldContainer[str]
    seed: str
    inspectors_per_unit: int
    request_id: str
    def __init__(self, region_code: _Optional[str] = ..., positive_list_unit_ids: _Optional[_Iterable[str]] = ..., seed: _Optional[str] = ..., inspectors_per_unit: _Optional[int] = ..., request_id: _Optional[str] = ...) -> None: ...

class RunInspectionDrawResponse(_message.Message):
    __slots__ = ("draw",)
    DRAW_FIELD_NUMBER: _ClassVar[int]
    draw: _inspection_pb2.InspectionDraw
    def __init__(self, draw: _Optional[_Union[_inspection_pb2.InspectionDraw, _Mapping]] = ...) -> None: ...

class GetInspectionDrawRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetInspectionDrawResponse(_message.Message):
    __slots__ = ("draw",)
    DRAW_FIELD_NUMBER: _ClassVar[int]
    draw: _inspection_pb2.InspectionDraw
    def __init__(self, draw: _Optional[_Union[_inspection_pb2.InspectionDraw, _Mapping]] = ...) -> None: ...

class ListInspectionDrawsRequest(_message.Message):
    __slots__ = ("region_code", "page_size", "page_token")
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    region_code: str
    page_size: int
    page_token: str
    def __init__(self, region_code: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListInspectionDrawsResponse(_message.Message):
    __slots__ = ("draws", "next_page_token")
    DRAWS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    draws: _containers.RepeatedCompositeFieldContainer[_inspection_pb2.InspectionDraw]
    next_page_token: str
    def __init__(self, draws: _Optional[_Iterable[_Union[_inspection_pb2.InspectionDraw, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class VerifyInspectionDrawRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class VerifyInspectionDrawResponse(_message.Message):
    __slots__ = ("matches", "mismatches", "algorithm")
    MATCHES_FIELD_NUMBER: _ClassVar[int]
    MISMATCHES_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    matches: bool
    mismatches: _containers.RepeatedScalarFieldContainer[str]
    algorithm: str
    def __init__(self, matches: _Optional[bool] = ..., mismatches: _Optional[_Iterable[str]] = ..., algorithm: _Optional[str] = ...) -> None: ...
