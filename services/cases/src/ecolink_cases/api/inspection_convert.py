"""Requests of ecolink.cases.v1.InspectionService to commands, and grades and draws to messages."""

from __future__ import annotations

import re

from ecolink.cases.v1 import inspection_pb2 as pb
from ecolink.cases.v1 import inspection_service_pb2 as service_pb
from ecolink_cases.api.case_convert import UNIT_NAME, calendar_day, request_key
from ecolink_cases.domain.credit import AppliedDeduction, CreditColour, Finding
from ecolink_cases.domain.credit_rules import CreditRules
from ecolink_cases.domain.draw_random import is_valid_seed
from ecolink_cases.domain.inspection_draw import MIN_INSPECTORS_PER_UNIT
from ecolink_cases.domain.positive_list import DrawStratum
from ecolink_cases.service_layer.credit_grading import GradedUnit
from ecolink_cases.service_layer.inspection_draws import PublishedDraw, RunDraw
from ecolink_common.directory import is_region_code
from ecolink_common.errors import InvalidArgument
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_names import ResourceName
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_common.text_rules import checked_text

DRAW_NAME = ResourceName(
    re.compile(r"^inspectionDraws/([1-9][0-9]{0,17})\Z"), "must be inspectionDraws/{id}, e.g. inspectionDraws/3"
)
MAX_POSITIVE_LIST = 10_000
MAX_INSPECTORS_PER_UNIT = 10
MAX_REFERENCE_CHARS = 200
COLOURS = EnumMap(
    {
        CreditColour.GREEN: pb.CREDIT_COLOUR_GREEN,
        CreditColour.YELLOW: pb.CREDIT_COLOUR_YELLOW,
        CreditColour.RED: pb.CREDIT_COLOUR_RED,
    }
)
STRATA = EnumMap(
    {
        DrawStratum.POSITIVE_LIST: pb.DRAW_STRATUM_POSITIVE_LIST,
        DrawStratum.GREEN: pb.DRAW_STRATUM_GREEN,
        DrawStratum.YELLOW: pb.DRAW_STRATUM_YELLOW,
        DrawStratum.RED: pb.DRAW_STRATUM_RED,
    }
)


def unit_id_from_name(name: str, field: str = "unit") -> str:
    return UNIT_NAME.id(name, field)


def draw_id_from_name(name: str, field: str = "name") -> int:
    return DRAW_NAME.number(name, field)


def region_code(value: str, field: str = "region_code", *, required: bool = True) -> str | None:
    if not value and not required:
        return None
    if not is_region_code(value):
        raise InvalidArgument.for_field(field, "must be a six-digit region code, e.g. 341323")
    return value


def finding(message: pb.CreditFinding) -> Finding:
    found_on = calendar_day(message.found_on, "finding.found_on")
    if found_on is None:
        raise InvalidArgument.for_field("finding.found_on", "name the day the problem was found")
    if not message.kind:
        raise InvalidArgument.for_field("finding.kind", "name the kind, a key of the credit rules")
    reference = checked_text(message.reference, "finding.reference", limit=MAX_REFERENCE_CHARS, required=True)
    return Finding(message.kind, found_on, reference)


def run_draw_command(request: service_pb.RunInspectionDrawRequest, agency_id: str) -> RunDraw:
    region = region_code(request.region_code)
    assert region is not None
    if request.seed and not is_valid_seed(request.seed):
        raise InvalidArgument.for_field("seed", "must be 16 to 64 bytes written as lowercase hex")
    if request.inspectors_per_unit and not (
        MIN_INSPECTORS_PER_UNIT <= request.inspectors_per_unit <= MAX_INSPECTORS_PER_UNIT
    ):
        # Administrative Penalty Law art. 42: an inspection is made by at least two officers.
        raise InvalidArgument.for_field(
            "inspectors_per_unit", f"must be {MIN_INSPECTORS_PER_UNIT} to {MAX_INSPECTORS_PER_UNIT} (0: the setting)"
        )
    listed = tuple(request.positive_list_unit_ids)
    if len(listed) > MAX_POSITIVE_LIST or len(set(listed)) != len(listed):
        raise InvalidArgument.for_field("positive_list_unit_ids", f"name each unit once, at most {MAX_POSITIVE_LIST}")
    return RunDraw(
        region_code=region,
        positive_list_unit_ids=listed,
        seed=request.seed,
        inspectors_per_unit=request.inspectors_per_unit,
        request=request_key(agency_id, "RunInspectionDraw", request.request_id, request, "request_id"),
    )


def _finding_to_proto(found: Finding, rules: CreditRules) -> pb.CreditFinding:
    rule = rules.kinds.get(found.kind)
    return pb.CreditFinding(
        kind=found.kind,
        found_on=found.found_on.isoformat(),
        reference=found.reference,
        kind_name_zh=rule.name_zh if rule else "",
    )


def _deduction_to_proto(deduction: AppliedDeduction, rules: CreditRules) -> pb.CreditDeduction:
    return pb.CreditDeduction(
        finding=_finding_to_proto(deduction.finding, rules), rule_points=deduction.rule_points, points=deduction.points
    )


def credit_to_proto(graded: GradedUnit, rules: CreditRules) -> pb.UnitCredit:
    grade = graded.grade
    return pb.UnitCredit(
        unit=f"units/{graded.unit.unit_id}",
        region_code=graded.unit.region_code,
        as_of=grade.as_of.isoformat(),
        window_from=grade.window_from.isoformat(),
        rules_version=grade.rules_version,
        score=grade.score,
        colour=COLOURS.to_proto(grade.colour),
        colour_zh=grade.colour.name_zh,
        positive_list_eligible=grade.positive_list_eligible,
        deductions=[_deduction_to_proto(deduction, rules) for deduction in grade.deductions],
    )


def draw_to_proto(published: PublishedDraw) -> pb.InspectionDraw:
    stored, draw = published.stored, published.draw
    return pb.InspectionDraw(
        name=stored.name,
        region_code=stored.region_code,
        agency_id=stored.agency_id,
        draw_time=timestamp_from_datetime(stored.draw_time),
        graded_on=stored.graded_on.isoformat(),
        algorithm=draw.algorithm,
        seed=draw.seed,
        inspectors_per_unit=draw.inspectors_per_unit,
        strata=[
            pb.StratumSample(stratum=STRATA.to_proto(s.stratum), ratio=str(s.ratio), pool=s.pool, drawn=s.drawn)
            for s in draw.strata
        ],
        drawn=[
            pb.DrawnUnit(unit_id=unit.unit_id, stratum=STRATA.to_proto(unit.stratum), inspector_ids=unit.inspector_ids)
            for unit in draw.drawn
        ],
        units=[
            pb.DrawUnit(
                unit_id=unit.unit_id,
                region_code=unit.region_code,
                colour=COLOURS.to_proto(unit.colour),
                positive_listed=unit.positive_listed,
            )
            for unit in draw.units
        ],
        inspectors=[
            pb.DrawInspector(officer_id=officer.officer_id, region_code=officer.region_code)
            for officer in draw.inspectors
        ],
        previous_pairs=[
            pb.InspectionPair(unit_id=pair.unit_id, officer_id=pair.officer_id) for pair in draw.previous_pairs
        ],
        previous_draw=f"inspectionDraws/{stored.previous_draw_id}" if stored.previous_draw_id else "",
        record_json=stored.record,
    )
