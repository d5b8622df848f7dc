"""DOMAIN §3.4 double-random draws: units by ratio per stratum, two officers each, re-runnable from the seed."""

from __future__ import annotations

import hashlib
import hmac
import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ecolink_cases.domain.credit import CreditColour
from ecolink_cases.domain.credit_settings import InspectionDrawSettings, SamplingRatios
from ecolink_cases.domain.draw_random import is_valid_seed, new_seed, rank_key
from ecolink_cases.domain.inspection_draw import (
    DRAW_ALGORITHM,
    REASON_ID_DUPLICATED,
    REASON_INSPECTORS_INSUFFICIENT,
    REASON_INSPECTORS_PER_UNIT_TOO_FEW,
    REASON_SEED_INVALID,
    REASON_UNIT_OUTSIDE_REGION,
    DrawnUnit,
    DrawRefused,
    DrawUnit,
    InspectionDraw,
    InspectionPair,
    Inspector,
    draw_inspection,
    verify_draw,
)
from ecolink_cases.domain.positive_list import DrawStratum

REGION = "360823"
SEED = "5e" * 32
OTHER_SEED = "a7" * 32
EVEN_RATIOS = SamplingRatios(green=Decimal("0.25"), yellow=Decimal("0.5"), red=Decimal("0.75"))


def units_of(colours: list[CreditColour], region: str = REGION) -> list[DrawUnit]:
    return [
        DrawUnit(unit_id=f"unit-{index}", region_code=region, colour=colour) for index, colour in enumerate(colours)
    ]


def officers(count: int, region: str = REGION) -> list[Inspector]:
    return [Inspector(officer_id=f"officer-{index}", region_code=region) for index in range(count)]


TWELVE_UNITS = units_of([CreditColour.GREEN] * 4 + [CreditColour.YELLOW] * 4 + [CreditColour.RED] * 4)


def draw(units=TWELVE_UNITS, inspectors=None, ratios=EVEN_RATIOS, previous=(), seed=SEED, **options) -> InspectionDraw:
    return draw_inspection(
        REGION, units, officers(6) if inspectors is None else inspectors, ratios, previous, seed, **options
    )


def test_the_ranking_is_hmac_sha256_of_length_prefixed_parts_under_the_seed_bytes():
    expected = hmac.new(bytes(16), b"4:unit2:u1", hashlib.sha256).digest()
    assert rank_key("00" * 16, "unit", "u1") == expected


def test_a_known_draw_stays_the_same_across_machines_and_versions():
    result = draw()
    assert result.algorithm == DRAW_ALGORITHM == "ecolink-draw/1;hmac-sha256-rank/1"
    assert [(unit.unit_id, unit.stratum.value, unit.inspector_ids) for unit in result.drawn] == [
        ("unit-10", "red", ("officer-2", "officer-3")),
        ("unit-3", "green", ("officer-4", "officer-5")),
        ("unit-4", "yellow", ("officer-0", "officer-1")),
        ("unit-6", "yellow", ("officer-0", "officer-5")),
        ("unit-8", "red", ("officer-3", "officer-4")),
        ("unit-9", "red", ("officer-1", "officer-2")),
    ]


def test_the_same_seed_and_inputs_give_the_same_draw():
    assert draw() == draw()


def test_another_seed_gives_another_draw():
    first, second = draw(seed=SEED), draw(seed=OTHER_SEED)
    assert first.drawn != second.drawn
    assert (first.seed, second.seed) == (SEED, OTHER_SEED)


def test_the_draw_does_not_depend_on_the_order_of_its_inputs():
    shuffler = random.Random(7)
    previous = [InspectionPair(unit_id="unit-9", officer_id="officer-1")]
    expected = draw(previous=previous)
    for _ in range(5):
        units, inspectors = list(TWELVE_UNITS), officers(6)
        shuffler.shuffle(units)
        shuffler.shuffle(inspectors)
        assert draw(units=units, inspectors=inspectors, previous=previous + previous) == expected


@pytest.mark.parametrize(
    ("pool", "ratio", "count"),
    [
        (10, "0.10", 1),
        (11, "0.10", 2),
        (30, "0.10", 3),
        (7, "0.30", 3),
        (3, "0.60", 2),
        (5, "0", 0),
        (4, "1", 4),
        (0, "0.5", 0),
    ],
)
def test_a_stratum_draws_its_ratio_of_units_rounded_up_and_computed_exactly(pool, ratio, count):
    ratios = SamplingRatios(positive_list=Decimal(0), green=Decimal(0), yellow=Decimal(ratio), red=Decimal(1))
    result = draw(units=units_of([CreditColour.YELLOW] * pool), inspectors=officers(8), ratios=ratios)
    yellow = next(stratum for stratum in result.strata if stratum.stratum is DrawStratum.YELLOW)
    assert (yellow.pool, yellow.drawn, len(result.drawn)) == (pool, count, count)


def test_each_stratum_is_sampled_at_its_own_ratio_and_the_positive_list_not_at_all_by_default():
    colours = [CreditColour.GREEN] * 20 + [CreditColour.YELLOW] * 10 + [CreditColour.RED] * 5
    units = units_of(colours)
    listed = [
        unit.model_copy(update={"positive_listed": True}) if index < 10 else unit for index, unit in enumerate(units)
    ]
    result = draw(units=listed, inspectors=officers(12), ratios=InspectionDrawSettings().ratios)
    assert [(s.stratum, s.pool, s.drawn) for s in result.strata] == [
        (DrawStratum.POSITIVE_LIST, 10, 0),
        (DrawStratum.GREEN, 10, 1),
        (DrawStratum.YELLOW, 10, 3),
        (DrawStratum.RED, 5, 3),
    ]
    assert all(unit.stratum is not DrawStratum.POSITIVE_LIST for unit in result.drawn)


def test_a_listed_unit_that_is_no_longer_green_is_drawn_with_its_colour():
    unit = DrawUnit(unit_id="unit-0", region_code=REGION, colour=CreditColour.RED, positive_listed=True)
    result = draw(units=[unit], ratios=SamplingRatios(red=Decimal(1)))
    assert [(drawn.unit_id, drawn.stratum) for drawn in result.drawn] == [("unit-0", DrawStratum.RED)]


def test_each_drawn_unit_gets_two_different_officers_of_the_region_and_work_is_spread_evenly():
    outsider = Inspector(officer_id="officer-from-360824", region_code="360824")
    result = draw(inspectors=[*officers(6), outsider])
    assert outsider not in result.inspectors
    assigned = [officer for unit in result.drawn for officer in unit.inspector_ids]
    assert all(len(set(unit.inspector_ids)) == 2 for unit in result.drawn)
    assert set(assigned) <= {f"officer-{index}" for index in range(6)}
    assert sorted(assigned.count(officer) for officer in set(assigned)) == [2] * 6


def test_a_city_draw_takes_officers_of_its_counties_too():
    result = draw_inspection(
        "360800", units_of([CreditColour.RED] * 2), officers(2, "360823"), SamplingRatios(red=Decimal(1)), [], SEED
    )
    assert all(unit.inspector_ids == ("officer-0", "officer-1") for unit in result.drawn)


def test_no_officer_goes_back_to_a_unit_he_inspected_in_the_last_draw():
    last = draw()
    again = draw(previous=last.pairs(), seed=OTHER_SEED)
    last_pairs = set(last.pairs())
    assert again.drawn
    assert not last_pairs & set(again.pairs())
    assert again.previous_pairs == tuple(sorted(last_pairs, key=lambda pair: (pair.unit_id, pair.officer_id)))


def test_three_officers_per_unit_when_the_bureau_sends_three():
    result = draw(inspectors_per_unit=3)
    assert all(len(unit.inspector_ids) == 3 for unit in result.drawn)
    assert result.inspectors_per_unit == 3


def test_fewer_than_two_officers_per_unit_is_refused():
    with pytest.raises(DrawRefused) as refused:
        draw(inspectors_per_unit=1)
    assert refused.value.reason == REASON_INSPECTORS_PER_UNIT_TOO_FEW
    with pytest.raises(ValidationError):
        InspectionDrawSettings(inspectors_per_unit=1)


def test_a_region_with_one_officer_cannot_draw():
    with pytest.raises(DrawRefused) as refused:
        draw(inspectors=officers(1))
    assert refused.value.reason == REASON_INSPECTORS_INSUFFICIENT
    assert refused.value.facts == {"unit_id": "unit-10", "eligible": "1", "needed": "2"}


def test_officers_excluded_by_the_last_draw_can_leave_a_unit_short():
    previous = [InspectionPair(unit_id="unit-0", officer_id="officer-0")]
    units = units_of([CreditColour.RED])
    with pytest.raises(DrawRefused) as refused:
        draw(units=units, inspectors=officers(2), ratios=SamplingRatios(red=Decimal(1)), previous=previous)
    assert refused.value.reason == REASON_INSPECTORS_INSUFFICIENT
    assert refused.value.facts["unit_id"] == "unit-0"


def test_a_draw_that_picks_no_unit_needs_no_officer():
    result = draw(inspectors=[], ratios=SamplingRatios(green=Decimal(0), yellow=Decimal(0), red=Decimal(0)))
    assert result.drawn == ()


def test_a_unit_outside_the_region_is_refused():
    lingbi = DrawUnit(unit_id="unit-lingbi", region_code="341323", colour=CreditColour.RED)
    with pytest.raises(DrawRefused) as refused:
        draw(units=[*TWELVE_UNITS, lingbi])
    assert (refused.value.reason, refused.value.facts) == (
        REASON_UNIT_OUTSIDE_REGION,
        {"unit_id": "unit-lingbi", "region_code": "341323"},
    )


def test_a_unit_given_twice_is_refused():
    with pytest.raises(DrawRefused) as refused:
        draw(units=[*TWELVE_UNITS, TWELVE_UNITS[0]])
    assert (refused.value.reason, refused.value.facts) == (REASON_ID_DUPLICATED, {"id": "unit-0"})


@pytest.mark.parametrize("seed", ["", "5E" * 32, "ab" * 8 + "a", "zz" * 32, "ab" * 65])
def test_a_seed_that_is_not_16_to_64_bytes_of_lowercase_hex_is_refused(seed):
    with pytest.raises(DrawRefused) as refused:
        draw(seed=seed)
    assert refused.value.reason == REASON_SEED_INVALID


def test_a_new_seed_is_valid_and_fresh():
    first, second = new_seed(), new_seed()
    assert is_valid_seed(first) and len(first) == 64 and first != second


def test_sampling_ratios_must_give_fewer_checks_to_better_grades():
    with pytest.raises(ValidationError, match="sampling ratios"):
        SamplingRatios(green=Decimal("0.5"), yellow=Decimal("0.3"))
    with pytest.raises(ValidationError):
        SamplingRatios(red=Decimal("1.5"))


def test_a_recorded_draw_verifies_also_after_a_json_round_trip():
    recorded = InspectionDraw.model_validate_json(draw().model_dump_json())
    assert verify_draw(recorded).matches


def test_verification_names_the_unit_whose_officers_were_changed():
    recorded = draw()
    first = recorded.drawn[0]
    forged = first.model_copy(update={"inspector_ids": ("officer-0", first.inspector_ids[1])})
    tampered = recorded.model_copy(update={"drawn": (forged, *recorded.drawn[1:])})
    verification = verify_draw(tampered)
    assert not verification.matches
    assert verification.mismatches == (
        f"unit {first.unit_id}: recorded red with officer-0, {first.inspector_ids[1]}; "
        f"the re-run gives red with {', '.join(first.inspector_ids)}",
    )


def test_verification_detects_a_swapped_unit_and_a_changed_seed():
    recorded = draw()
    swapped = recorded.model_copy(
        update={
            "drawn": (
                DrawnUnit(unit_id="unit-0", stratum=DrawStratum.GREEN, inspector_ids=("officer-4", "officer-5")),
                *recorded.drawn[:1],
                *recorded.drawn[2:],
            )
        }
    )
    assert verify_draw(swapped).mismatches == (
        "unit unit-0 is recorded as drawn; the re-run does not draw it",
        "the re-run draws unit unit-3; the record does not",
    )
    assert not verify_draw(recorded.model_copy(update={"seed": OTHER_SEED})).matches


def test_verification_detects_a_changed_count_and_an_unknown_algorithm():
    recorded = draw()
    strata = tuple(
        stratum.model_copy(update={"drawn": 0}) if stratum.stratum is DrawStratum.GREEN else stratum
        for stratum in recorded.strata
    )
    assert verify_draw(recorded.model_copy(update={"strata": strata})).mismatches[0].startswith("strata recorded as")
    assert verify_draw(recorded.model_copy(update={"algorithm": "python-random"})).mismatches == (
        f"algorithm 'python-random' is not {DRAW_ALGORITHM!r}",
    )


def test_verification_reports_recorded_inputs_the_draw_refuses():
    recorded = draw()
    verification = verify_draw(recorded.model_copy(update={"inspectors": recorded.inspectors[:1]}))
    assert verification.mismatches[0].startswith(f"the recorded inputs are refused: {REASON_INSPECTORS_INSUFFICIENT}")


@settings(max_examples=60, deadline=None)
@given(
    colours=st.lists(st.sampled_from(list(CreditColour)), max_size=25),
    officer_count=st.integers(min_value=4, max_value=9),
    seed=st.binary(min_size=16, max_size=32).map(bytes.hex),
    order=st.randoms(use_true_random=False),
)
def test_any_draw_is_order_independent_verifiable_and_keeps_its_rules(colours, officer_count, seed, order):
    units, inspectors = units_of(colours), officers(officer_count)
    previous = [InspectionPair(unit_id=unit.unit_id, officer_id="officer-0") for unit in units[::2]]
    result = draw(units=units, inspectors=inspectors, ratios=EVEN_RATIOS, previous=previous, seed=seed)
    order.shuffle(units)
    order.shuffle(inspectors)
    order.shuffle(previous)
    assert draw(units=units, inspectors=inspectors, ratios=EVEN_RATIOS, previous=previous, seed=seed) == result
    assert verify_draw(result).matches
    assert not set(result.pairs()) & set(previous)
    assert all(len(set(unit.inspector_ids)) == 2 for unit in result.drawn)
