import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreditColour(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CREDIT_COLOUR_UNSPECIFIED: _ClassVar[CreditColour]
    CREDIT_COLOUR_GREEN: _ClassVar[CreditColour]
    CREDIT_COLOUR_YELLOW: _ClassVar[CreditColour]
    CREDIT_COLOUR_RED: _ClassVar[CreditColour]

class DrawStratum(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DRAW_STRATUM_UNSPECIFIED: _ClassVar[DrawStratum]
    DRAW_STRATUM_POSITIVE_LIST: _ClassVar[DrawStratum]
    DRAW_STRATUM_GREEN: _ClassVar[DrawStratum]
    DRAW_STRATUM_YELLOW: _ClassVar[DrawStratum]
    DRAW_STRATUM_RED: _ClassVar[DrawStratum]
CREDIT_COLOUR_UNSPECIFIED: CreditColour
CREDIT_COLOUR_GREEN: CreditColour
CREDIT_COLOUR_YELLOW: CreditColour
CREDIT_COLOUR_RED: CreditColour
DRAW_STRATUM_UNSPECIFIED: DrawStratum
DRAW_STRATUM_POSITIVE_LIST: DrawStratum
DRAW_STRATUM_GREEN: DrawStratum
DRAW_STRATUM_YELLOW: DrawStratum
DRAW_STRATUM_RED: DrawStratum

class CreditFinding(_message.Message):
    __slots__ = ("kind", "found_on", "reference", "kind_name_zh")
    KIND_FIELD_NUMBER: _ClassVar[int]
    FOUND_ON_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    KIND_NAME_ZH_FIELD_NUMBER: _ClassVar[int]
    kind: str
    found_on: str
    reference: str
    kind_name_zh: str
    def __init__(self, kind: _Optional[str] = ..., found_on: _Optional[str] = ..., reference: _Optional[str] = ..., kind_name_zh: _Optional[str] = ...) -> None: ...

class CreditDeduction(_message.Message):
    __slots__ = ("finding", "rule_points", "points")
    FINDING_FIELD_NUMBER: _ClassVar[int]
    RULE_POINTS_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    finding: CreditFinding
    rule_points: int
    points: int
    def __init__(self, finding: _Optional[_Union[CreditFinding, _Mapping]] = ..., rule_points: _Optional[int] = ..., points: _Optional[int] = ...) -> None: ...

class UnitCredit(_message.Message):
    __slots__ = ("unit", "region_code", "as_of", "window_from", "rules_version", "score", "colour", "colour_zh", "positive_list_eligible", "deductions")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    WINDOW_FROM_FIELD_NUMBER: _ClassVar[int]
    RULES_VERSION_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    COLOUR_ZH_FIELD_NUMBER: _ClassVar[int]
    POSITIVE_LIST_ELIGIBLE_FIELD_NUMBER: _ClassVar[int]
    DEDUCTIONS_FIELD_NUMBER: _ClassVar[int]
    unit: str
    region_code: str
    as_of: str
    window_from: str
    rules_version: str
    score: int
    colour: CreditColour
    colour_zh: str
    positive_list_eligible: bool
    deductions: _containers.RepeatedCompositeFieldContainer[CreditDeduction]
    def __init__(self, unit: _Optional[str] = ..., region_code: _Optional[str] = ..., as_of: _Optional[str] = ..., window_from: _Optional[str] = ..., rules_version: _Optional[str] = ..., score: _Optional[int] = ..., colour: _Optional[_Union[CreditColour, str]] = ..., colour_zh: _Optional[str] = ..., positive_list_eligible: _Optional[bool] = ..., deductions: _Optional[_Iterable[_Union[CreditDeduction, _Mapping]]] = ...) -> None: ...

class DrawUnit(_message.Message):
    __slots__ = ("unit_id", "region_code", "colour", "positive_listed")
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    POSITIVE_LISTED_FIELD_NUMBER: _ClassVar[int]
    unit_id: str
    region_code: str
    colour: CreditColour
    positive_listed: bool
    def __init__(self, unit_id: _Optional[str] = ..., region_code: _Optional[str] = ..., colour: _Optional[_Union[CreditColour, str]] = ..., positive_listed: _Optional[bool] = ...) -> None: ...

class DrawInspector(_message.Message):
    __slots__ = ("officer_id", "region_code")
    OFFICER_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    officer_id: str
    region_code: str
    def __init__(self, officer_id: _Optional[str] = ..., region_code: _Optional[str] = ...) -> None: ...

class InspectionPair(_message.Message):
    __slots__ = ("unit_id", "officer_id")
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICER_ID_FIELD_NUMBER: _ClassVar[int]
    unit_id: str
    officer_id: str
    def __init__(self, unit_id: _Optional[str] = ..., officer_id: _Optional[str] = ...) -> None: ...

class StratumSample(_message.Message):
    __slots__ = ("stratum", "ratio", "pool", "drawn")
    STRATUM_FIELD_NUMBER: _ClassVar[int]
    RATIO_FIELD_NUMBER: _ClassVar[int]
    POOL_FIELD_NUMBER: _ClassVar[int]
    DRAWN_FIELD_NUMBER: _ClassVar[int]
    stratum: DrawStratum
    ratio: str
    pool: int
    drawn: int
    def __init__(self, stratum: _Optional[_Union[DrawStratum, str]] = ..., ratio: _Optional[str] = ..., pool: _Optional[int] = ..., drawn: _Optional[int] = ...) -> None: ...

class DrawnUnit(_message.Message):
    __slots__ = ("unit_id", "stratum", "inspector_ids")
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    STRATUM_FIELD_NUMBER: _ClassVar[int]
    INSPECTOR_IDS_FIELD_NUMBER: _ClassVar[int]
    unit_id: str
    stratum: DrawStratum
    inspector_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, unit_id: _Optional[str] = ..., stratum: _Optional[_Union[DrawStratum, str]] = ..., inspector_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class InspectionDraw(_message.Message):
    __slots__ = ("name", "region_code", "agency_id", "draw_time", "graded_on", "algorithm", "seed", "inspectors_per_unit", "strata", "drawn", "units", "inspectors", "previous_pairs", "previous_draw", "record_json")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    AGENCY_ID_FIELD_NUMBER: _ClassVar[int]
    DRAW_TIME_FIELD_NUMBER: _ClassVar[int]
    GRADED_ON_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    INSPECTORS_PER_UNIT_FIELD_NUMBER: _ClassVar[int]
    STRATA_FIELD_NUMBER: _ClassVar[int]
    DRAWN_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    INSPECTORS_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_PAIRS_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_DRAW_FIELD_NUMBER: _ClassVar[int]
    RECORD_JSON_FIELD_NUMBER: _ClassVar[int]
    name: str
    region_code: str
    agency_id: str
    draw_time: _timestamp_pb2.Timestamp
    graded_on: str
    algorithm: str
    seed: str
    inspectors_per_unit: int
    strata: _containers.RepeatedCompositeFieldContainer[StratumSample]
    drawn: _containers.RepeatedCompositeFieldContainer[DrawnUnit]
    units: _containers.RepeatedCompositeFieldContainer[DrawUnit]
    inspectors: _containers.RepeatedCompositeFieldContainer[DrawInspector]
    previous_pairs: _containers.RepeatedCompositeFieldContainer[InspectionPair]
    previous_draw: str
    record_json: str
    def __init__(self, name: _Optional[str] = ..., region_code: _Optional[str] = ..., agency_id: _Optional[str] = ..., draw_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., graded_on: _Optional[str] = ..., algorithm: _Optional[str] = ..., seed: _Optional[str] = ..., inspectors_per_unit: _Optional[int] = ..., strata: _Optional[_Iterable[_Union[StratumSample, _Mapping]]] = ..., drawn: _Optional[_Iterable[_Union[DrawnUnit, _Mapping]]] = ..., units: _Optional[_Iterable[_Union[DrawUnit, _Mapping]]] = ..., inspectors: _Optional[_Iterable[_Union[DrawInspector, _Mapping]]] = ..., previous_pairs: _Optional[_Iterable[_Union[InspectionPair, _Mapping]]] = ..., previous_draw: _Optional[str] = ..., record_json: _Optional[str] = ...) -> None: ...
