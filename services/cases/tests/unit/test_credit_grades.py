"""DOMAIN §3.4 credit grades: 100 less the findings of the window; ≥ 90 green, 70 < score < 90 yellow, ≤ 70 red."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from ecolink_cases.domain.credit import (
    REASON_FINDING_KIND_UNKNOWN,
    CreditColour,
    Finding,
    UnknownFindingKind,
    colour_for,
    grade_unit,
    grading_window,
)
from ecolink_cases.domain.credit_rules import bundled_credit_rules
from ecolink_cases.domain.credit_settings import CreditSettings

RULES = bundled_credit_rules()
SETTINGS = CreditSettings()
AS_OF = date(2024, 6, 30)


def finding(kind: str, days_ago: int = 0, reference: str = "cases/1") -> Finding:
    return Finding(kind=kind, found_on=AS_OF - timedelta(days=days_ago), reference=reference)


@pytest.mark.parametrize(
    ("score", "colour"),
    [
        (100, CreditColour.GREEN),
        (90, CreditColour.GREEN),
        (89, CreditColour.YELLOW),
        (71, CreditColour.YELLOW),
        (70, CreditColour.RED),
        (0, CreditColour.RED),
    ],
)
def test_90_is_green_70_is_red_and_yellow_lies_strictly_between(score, colour):
    assert colour_for(score, SETTINGS) is colour


def test_the_colour_edges_are_settings():
    settings = CreditSettings(green_from=85, red_up_to=60)
    assert [colour_for(score, settings) for score in (85, 84, 61, 60)] == [
        CreditColour.GREEN,
        CreditColour.YELLOW,
        CreditColour.YELLOW,
        CreditColour.RED,
    ]


def test_the_defaults_are_documented_ones():
    assert (SETTINGS.green_from, SETTINGS.red_up_to, SETTINGS.window_days) == (90, 70, 365)


def test_a_red_edge_at_or_above_the_green_edge_is_refused():
    with pytest.raises(ValidationError, match="red_up_to"):
        CreditSettings(green_from=80, red_up_to=80)


def test_colours_carry_their_chinese_names():
    assert [colour.name_zh for colour in CreditColour] == ["绿", "黄", "红"]


def test_a_unit_without_findings_scores_100_and_is_green():
    grade = grade_unit("unit-1", [], RULES, SETTINGS, AS_OF)
    assert (grade.score, grade.colour, grade.deductions) == (100, CreditColour.GREEN, ())
    assert grade.positive_list_eligible
    assert grade.rules_version == "credit-rules/1"


def test_one_inspection_violation_leaves_a_unit_green_at_90_and_a_second_makes_it_yellow():
    one = grade_unit("unit-1", [finding("inspection_violation")], RULES, SETTINGS, AS_OF)
    two = grade_unit(
        "unit-1",
        [finding("inspection_violation"), finding("inspection_violation", 3, "cases/2")],
        RULES,
        SETTINGS,
        AS_OF,
    )
    assert (one.score, one.colour) == (90, CreditColour.GREEN)
    assert (two.score, two.colour) == (80, CreditColour.YELLOW)
    assert not two.positive_list_eligible


def test_one_falsification_takes_a_clean_unit_to_70_which_is_red():
    grade = grade_unit("unit-1", [finding("monitoring_data_falsified")], RULES, SETTINGS, AS_OF)
    assert (grade.score, grade.colour) == (70, CreditColour.RED)


def test_the_window_is_the_365_days_ending_on_the_day_graded():
    assert grading_window(AS_OF, SETTINGS) == (date(2023, 7, 2), AS_OF)


def test_a_finding_counts_on_the_first_day_of_the_window_and_not_the_day_before():
    inside = grade_unit("unit-1", [finding("petition_substantiated", 364)], RULES, SETTINGS, AS_OF)
    outside = grade_unit("unit-1", [finding("petition_substantiated", 365)], RULES, SETTINGS, AS_OF)
    assert (inside.score, outside.score) == (95, 100)


def test_a_finding_dated_after_the_day_graded_does_not_count_yet():
    grade = grade_unit("unit-1", [finding("administrative_penalty", -1)], RULES, SETTINGS, AS_OF)
    assert grade.score == 100


def test_a_shorter_window_setting_forgets_older_findings():
    settings = CreditSettings(window_days=30)
    grade = grade_unit(
        "unit-1",
        [finding("administrative_penalty", 29), finding("administrative_penalty", 30, "cases/2")],
        RULES,
        settings,
        AS_OF,
    )
    assert grade.score == 85
    assert [applied.finding.reference for applied in grade.deductions] == ["cases/1"]


def test_exceedance_days_deduct_two_points_each_up_to_their_cap_of_20():
    days = [finding("exceedance_day", day, f"alerts/{day}") for day in range(12)]
    grade = grade_unit("unit-1", days, RULES, SETTINGS, AS_OF)
    assert grade.score == 80
    assert [applied.points for applied in grade.deductions] == [2] * 10 + [0, 0]
    assert {applied.finding.found_on for applied in grade.deductions if applied.points == 0} == {
        AS_OF - timedelta(days=1),
        AS_OF,
    }


def test_the_score_stops_at_zero_and_keeps_every_deduction():
    findings = [finding("transferred_to_police", day, f"cases/{day}") for day in range(5)]
    grade = grade_unit("unit-1", findings, RULES, SETTINGS, AS_OF)
    assert (grade.score, grade.colour, len(grade.deductions)) == (0, CreditColour.RED, 5)


def test_the_grade_does_not_depend_on_the_order_of_the_findings():
    findings = [finding("exceedance_day", day, f"alerts/{day}") for day in range(11)] + [
        finding("supervision_order_overdue", 4),
        finding("inspection_violation", 100),
    ]
    assert grade_unit("unit-1", findings, RULES, SETTINGS, AS_OF) == grade_unit(
        "unit-1", list(reversed(findings)), RULES, SETTINGS, AS_OF
    )


def test_a_finding_of_a_kind_the_rules_do_not_name_is_refused_with_its_reason():
    with pytest.raises(UnknownFindingKind) as refused:
        grade_unit("unit-1", [finding("noise_complaint")], RULES, SETTINGS, AS_OF)
    assert refused.value.reason == REASON_FINDING_KIND_UNKNOWN
    assert refused.value.kind == "noise_complaint"
