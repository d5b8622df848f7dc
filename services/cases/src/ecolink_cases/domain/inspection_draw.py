"""The double-random inspection draw (双随机、一公开, DOMAIN §3.4): units by stratum, officers per unit, re-runnable."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from itertools import pairwise
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, StringConstraints

from ecolink_cases.domain.credit import CreditColour
from ecolink_cases.domain.credit_settings import MIN_INSPECTORS_PER_UNIT, SamplingRatios
from ecolink_cases.domain.draw_random import RANKING_ALGORITHM, is_valid_seed, rank_key, ranked
from ecolink_cases.domain.positive_list import DrawStratum, draw_stratum, sampling_ratio
from ecolink_common.jurisdiction import region_contains

# The draw procedure below and its ranking; recorded in every draw and checked by `verify_draw`.
DRAW_ALGORITHM = f"ecolink-draw/1;{RANKING_ALGORITHM}"

REASON_SEED_INVALID = "DRAW_SEED_INVALID"
REASON_INSPECTORS_PER_UNIT_TOO_FEW = "DRAW_INSPECTORS_PER_UNIT_TOO_FEW"
REASON_ID_DUPLICATED = "DRAW_ID_DUPLICATED"
REASON_UNIT_OUTSIDE_REGION = "DRAW_UNIT_OUTSIDE_REGION"
REASON_INSPECTORS_INSUFFICIENT = "DRAW_INSPECTORS_INSUFFICIENT"

RecordId = Annotated[str, StringConstraints(min_length=1, max_length=200)]
RegionCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]


class _DrawRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DrawUnit(_DrawRecord):
    """A unit of the region as the draw sees it: its colour and whether the bureau listed it as positive."""

    unit_id: RecordId
    region_code: RegionCode
    colour: CreditColour
    positive_listed: bool = False

    @property
    def stratum(self) -> DrawStratum:
        return draw_stratum(self.colour, self.positive_listed)


class Inspector(_DrawRecord):
    """An officer holding an enforcement certificate, by the region of the agency he serves."""

    officer_id: RecordId
    region_code: RegionCode


class InspectionPair(_DrawRecord):
    """An officer sent to a unit by a draw."""

    unit_id: RecordId
    officer_id: RecordId


class StratumDraw(_DrawRecord):
    """How many units of a stratum there were, at which ratio, and how many were drawn: ceil(ratio × pool)."""

    stratum: DrawStratum
    ratio: Decimal
    pool: int
    drawn: int


class DrawnUnit(_DrawRecord):
    unit_id: RecordId
    stratum: DrawStratum
    inspector_ids: tuple[RecordId, ...]  # sorted


class InspectionDraw(_DrawRecord):
    """A draw as recorded and published: its inputs in canonical order (sorted by id), its seed and algorithm, and
    what it drew; `verify_draw` re-runs it from these fields alone."""

    algorithm: str
    region_code: RegionCode
    seed: str
    ratios: SamplingRatios
    inspectors_per_unit: int
    units: tuple[DrawUnit, ...]
    inspectors: tuple[Inspector, ...]  # the region's officers only
    previous_pairs: tuple[InspectionPair, ...]
    strata: tuple[StratumDraw, ...]
    drawn: tuple[DrawnUnit, ...]  # sorted by unit

    def pairs(self) -> tuple[InspectionPair, ...]:
        """The officer–unit pairs of this draw: the next draw's `previous_pairs`."""
        return tuple(
            InspectionPair(unit_id=unit.unit_id, officer_id=officer_id)
            for unit in self.drawn
            for officer_id in unit.inspector_ids
        )


class DrawRefused(Exception):
    """A draw the inputs do not allow; `reason` is the stable name of the rule."""

    def __init__(self, reason: str, message: str, **facts: str):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.facts = facts


def draw_inspection(
    region: str,
    units_with_colour: Iterable[DrawUnit],
    inspectors: Iterable[Inspector],
    ratios_by_colour: SamplingRatios,
    previous_pairs: Iterable[InspectionPair],
    seed: str,
    *,
    inspectors_per_unit: int = MIN_INSPECTORS_PER_UNIT,
) -> InspectionDraw:
    """Draw the region's units stratum by stratum and officers for each drawn unit (algorithm `ecolink-draw/1`).

    1. Units: for each stratum (positive list, green, yellow, red) take ceil(ratio × n) of its n units, those first
       in the seed's ranking (`ranked(seed, "unit", ids)`).
    2. Officers: the officers of agencies inside the region; for each drawn unit in the order of its id, the
       `inspectors_per_unit` eligible officers with the fewest units so far, ties broken by
       `rank_key(seed, "inspector", unit, officer)`. An officer who inspected the unit in the previous draw is not
       eligible for it (DOMAIN §3.4, proposed).
    Nothing depends on the order of the inputs, so the same inputs and seed always give the same draw."""
    if not is_valid_seed(seed):
        raise DrawRefused(REASON_SEED_INVALID, "the seed must be 16 to 64 bytes written as lowercase hex")
    if inspectors_per_unit < MIN_INSPECTORS_PER_UNIT:
        # Administrative Penalty Law art. 42: an inspection needs at least two officers.
        raise DrawRefused(
            REASON_INSPECTORS_PER_UNIT_TOO_FEW,
            f"an inspection needs at least {MIN_INSPECTORS_PER_UNIT} officers",
            inspectors_per_unit=str(inspectors_per_unit),
        )
    units = _by_id(units_with_colour, lambda unit: unit.unit_id, "unit")
    for unit in units:
        if not region_contains(region, unit.region_code):
            raise DrawRefused(
                REASON_UNIT_OUTSIDE_REGION,
                f"unit {unit.unit_id} of region {unit.region_code} is outside region {region}",
                unit_id=unit.unit_id,
                region_code=unit.region_code,
            )
    # DOMAIN §3.4: inspectors at random, from the officers of the region's agencies (issue 12 item 9).
    officers = tuple(
        officer
        for officer in _by_id(inspectors, lambda officer: officer.officer_id, "officer")
        if region_contains(region, officer.region_code)
    )
    previous = tuple(sorted(set(previous_pairs), key=lambda pair: (pair.unit_id, pair.officer_id)))
    strata, chosen = _draw_units(seed, units, ratios_by_colour)
    return InspectionDraw(
        algorithm=DRAW_ALGORITHM,
        region_code=region,
        seed=seed,
        ratios=ratios_by_colour,
        inspectors_per_unit=inspectors_per_unit,
        units=units,
        inspectors=officers,
        previous_pairs=previous,
        strata=strata,
        drawn=_assign_officers(seed, chosen, officers, previous, inspectors_per_unit),
    )


_Identified = TypeVar("_Identified", DrawUnit, Inspector)


def _by_id(
    records: Iterable[_Identified], record_id: Callable[[_Identified], str], what: str
) -> tuple[_Identified, ...]:
    ordered = sorted(records, key=record_id)
    for earlier, later in pairwise(ordered):
        if record_id(earlier) == record_id(later):
            raise DrawRefused(REASON_ID_DUPLICATED, f"{what} {record_id(later)} is given twice", id=record_id(later))
    return tuple(ordered)


def _draw_units(
    seed: str, units: tuple[DrawUnit, ...], ratios: SamplingRatios
) -> tuple[tuple[StratumDraw, ...], tuple[DrawnUnit, ...]]:
    strata: list[StratumDraw] = []
    chosen: list[DrawnUnit] = []
    for stratum in DrawStratum:
        pool = [unit.unit_id for unit in units if unit.stratum is stratum]
        ratio = sampling_ratio(ratios, stratum)
        # Rounding up (proposed): a stratum with any units and a ratio above 0 always has one drawn.
        count = int((ratio * len(pool)).to_integral_value(rounding=ROUND_CEILING))
        strata.append(StratumDraw(stratum=stratum, ratio=ratio, pool=len(pool), drawn=count))
        chosen.extend(
            DrawnUnit(unit_id=unit_id, stratum=stratum, inspector_ids=())
            for unit_id in ranked(seed, "unit", pool)[:count]
        )
    return tuple(strata), tuple(sorted(chosen, key=lambda unit: unit.unit_id))


def _assign_officers(
    seed: str,
    chosen: tuple[DrawnUnit, ...],
    officers: tuple[Inspector, ...],
    previous: tuple[InspectionPair, ...],
    per_unit: int,
) -> tuple[DrawnUnit, ...]:
    load = {officer.officer_id: 0 for officer in officers}
    drawn: list[DrawnUnit] = []
    for unit in chosen:
        # DOMAIN §3.4 (proposed): never an officer for a unit he inspected in the last draw.
        excluded = {pair.officer_id for pair in previous if pair.unit_id == unit.unit_id}
        eligible = [officer_id for officer_id in load if officer_id not in excluded]
        if len(eligible) < per_unit:
            raise DrawRefused(
                REASON_INSPECTORS_INSUFFICIENT,
                f"unit {unit.unit_id} needs {per_unit} officers and only {len(eligible)} of the region may go",
                unit_id=unit.unit_id,
                eligible=str(len(eligible)),
                needed=str(per_unit),
            )
        picked = sorted(
            eligible,
            key=lambda officer_id: (
                load[officer_id],
                rank_key(seed, "inspector", unit.unit_id, officer_id),
                officer_id,
            ),
        )[:per_unit]
        for officer_id in picked:
            load[officer_id] += 1
        drawn.append(unit.model_copy(update={"inspector_ids": tuple(sorted(picked))}))
    return tuple(drawn)


@dataclass(frozen=True)
class DrawVerification:
    """The outcome of re-running a recorded draw: no mismatches means the record is what its inputs and seed give."""

    mismatches: tuple[str, ...]

    @property
    def matches(self) -> bool:
        return not self.mismatches


def verify_draw(recorded: InspectionDraw) -> DrawVerification:
    """Re-run `recorded` from its own inputs and seed and describe every difference from what it says it drew."""
    if recorded.algorithm != DRAW_ALGORITHM:
        return DrawVerification((f"algorithm {recorded.algorithm!r} is not {DRAW_ALGORITHM!r}",))
    try:
        rerun = draw_inspection(
            recorded.region_code,
            recorded.units,
            recorded.inspectors,
            recorded.ratios,
            recorded.previous_pairs,
            recorded.seed,
            inspectors_per_unit=recorded.inspectors_per_unit,
        )
    except DrawRefused as refusal:
        return DrawVerification((f"the recorded inputs are refused: {refusal.reason}: {refusal.message}",))
    mismatches = [*_strata_mismatches(recorded, rerun), *_drawn_mismatches(recorded, rerun)]
    for name in ("units", "inspectors", "previous_pairs"):
        if getattr(recorded, name) != getattr(rerun, name):
            mismatches.append(f"the recorded {name} are not in the form the draw records them")
    if not mismatches and recorded != rerun:
        mismatches.append("the record differs from its re-run")
    return DrawVerification(tuple(mismatches))


def _strata_mismatches(recorded: InspectionDraw, rerun: InspectionDraw) -> list[str]:
    if recorded.strata == rerun.strata:
        return []
    return [
        f"strata recorded as {_strata_text(recorded.strata)}; the re-run gives {_strata_text(rerun.strata)}",
    ]


def _strata_text(strata: tuple[StratumDraw, ...]) -> str:
    return ", ".join(f"{s.stratum.value} {s.drawn} of {s.pool} at {s.ratio}" for s in strata)


def _drawn_mismatches(recorded: InspectionDraw, rerun: InspectionDraw) -> list[str]:
    recorded_units = {unit.unit_id: unit for unit in recorded.drawn}
    rerun_units = {unit.unit_id: unit for unit in rerun.drawn}
    mismatches: list[str] = []
    if len(recorded_units) != len(recorded.drawn):
        mismatches.append("a unit is recorded as drawn more than once")
    for unit_id in sorted(recorded_units.keys() | rerun_units.keys()):
        was, now = recorded_units.get(unit_id), rerun_units.get(unit_id)
        if now is None:
            mismatches.append(f"unit {unit_id} is recorded as drawn; the re-run does not draw it")
        elif was is None:
            mismatches.append(f"the re-run draws unit {unit_id}; the record does not")
        elif was != now:
            mismatches.append(
                f"unit {unit_id}: recorded {was.stratum.value} with {', '.join(was.inspector_ids)}; "
                f"the re-run gives {now.stratum.value} with {', '.join(now.inspector_ids)}"
            )
    return mismatches
