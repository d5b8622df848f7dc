"""The thresholds of credit grading and the sampling ratios of inspection draws, with their documented defaults."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Administrative Penalty Law art. 42: an inspection is made by at least two officers holding enforcement certificates.
MIN_INSPECTORS_PER_UNIT = 2


class CreditSettings(BaseModel):
    """Where the colours of a credit score begin and how long a finding counts (DOMAIN §3.4)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # DOMAIN §3.4 [004]: "≥ 90 green" — 90 itself is green (积分达到90分(含90分)).
    green_from: int = Field(default=90, ge=1, le=100)
    # DOMAIN §3.4 [004]: "≤ 70 red" — 70 itself is red (70分以下(含70分)); yellow is 70 < score < 90.
    red_up_to: int = Field(default=70, ge=0, le=99)
    # DOMAIN §3.4 is silent on how long a finding weighs (proposed): the 365 days ending on the day graded.
    window_days: int = Field(default=365, ge=1, le=3660)

    @model_validator(mode="after")
    def _red_below_green(self) -> CreditSettings:
        if self.red_up_to >= self.green_from:
            raise ValueError(f"red_up_to ({self.red_up_to}) must be below green_from ({self.green_from})")
        return self


# A share between 0 and 1 with at most four decimals (0.0125 = 1.25 %).
Ratio = Annotated[Decimal, Field(ge=0, le=1, max_digits=5, decimal_places=4)]


class SamplingRatios(BaseModel):
    """The share of each draw stratum's units a double-random draw picks (DOMAIN §3.4: ratios set by grade).

    The numbers are proposed; DOMAIN fixes only their order: the positive list and green fewer, yellow more, red most.
    The count drawn from a stratum of n units is ceil(ratio × n), computed exactly in decimal."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # DOMAIN §3.4 [002, 004]: positive-list units are supervised mainly off-site (online and electricity monitoring),
    # so the routine on-site draw leaves them out by default (proposed: 0); checks on petitions or orders still apply.
    positive_list: Ratio = Decimal("0")
    # DOMAIN §3.4 [004]: green, fewer on-site checks (proposed: 10 %).
    green: Ratio = Decimal("0.10")
    # DOMAIN §3.4 [004]: yellow, more checks (proposed: 30 %).
    yellow: Ratio = Decimal("0.30")
    # DOMAIN §3.4 [004]: red, most checks (proposed: 60 %).
    red: Ratio = Decimal("0.60")

    @model_validator(mode="after")
    def _fewer_checks_for_better_grades(self) -> SamplingRatios:
        # DOMAIN §3.4 [004]: fewer checks for green (and the positive list), more for yellow, most for red.
        if not self.positive_list <= self.green <= self.yellow <= self.red:
            raise ValueError("sampling ratios must not fall from positive_list to green, yellow and red")
        return self


class InspectionDrawSettings(BaseModel):
    """What a double-random draw (双随机、一公开) is run with, unless the request says otherwise."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ratios: SamplingRatios = SamplingRatios()
    # Administrative Penalty Law art. 42: two officers per inspected unit; a bureau may send more, never fewer.
    inspectors_per_unit: int = Field(default=MIN_INSPECTORS_PER_UNIT, ge=MIN_INSPECTORS_PER_UNIT, le=10)
