"""DOMAIN §3.4 positive list: green makes a unit eligible, the bureau lists it, and losing green takes it off."""

from __future__ import annotations

from datetime import date

import pytest

from ecolink_cases.domain.credit import CreditColour, CreditGrade
from ecolink_cases.domain.positive_list import DrawStratum, draw_stratum, review_positive_list


def grade(unit_id: str, score: int, colour: CreditColour) -> CreditGrade:
    return CreditGrade(
        unit_id=unit_id,
        as_of=date(2024, 6, 30),
        window_from=date(2023, 7, 2),
        rules_version="credit-rules/1",
        score=score,
        colour=colour,
        deductions=(),
    )


def test_listed_green_units_are_members_unlisted_ones_candidates_and_listed_non_green_ones_lapsed():
    grades = [
        grade("unit-a", 100, CreditColour.GREEN),
        grade("unit-b", 90, CreditColour.GREEN),
        grade("unit-c", 85, CreditColour.YELLOW),
        grade("unit-d", 60, CreditColour.RED),
    ]
    review = review_positive_list(grades, ["unit-c", "unit-a", "unit-gone"])
    assert review.members == ("unit-a",)
    assert review.candidates == ("unit-b",)
    assert review.lapsed == ("unit-c", "unit-gone")


@pytest.mark.parametrize(
    ("colour", "listed", "stratum"),
    [
        (CreditColour.GREEN, True, DrawStratum.POSITIVE_LIST),
        (CreditColour.GREEN, False, DrawStratum.GREEN),
        (CreditColour.YELLOW, True, DrawStratum.YELLOW),
        (CreditColour.RED, True, DrawStratum.RED),
        (CreditColour.RED, False, DrawStratum.RED),
    ],
)
def test_only_a_listed_green_unit_is_drawn_as_positive_list(colour, listed, stratum):
    assert draw_stratum(colour, listed) is stratum


def test_strata_carry_their_chinese_names():
    assert [stratum.name_zh for stratum in DrawStratum] == ["正面清单", "绿", "黄", "红"]
