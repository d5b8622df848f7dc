"""When an administrative case is a suspected crime (DOMAIN §4.6): a dated, versioned table of criteria with their
source, read from a TOML file a legal officer can correct; a criterion applies on a day it is in force, and one with
a figure only when the measured amount reaches it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ecolink_common.toml_models import RuleFileInvalid, bundled_toml_model, parse_toml_model, read_toml_model

BUNDLED_THRESHOLDS = "criminal_thresholds_v1.toml"
CriterionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,62}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]

REASON_UNKNOWN = "CASE_CRIME_CRITERION_UNKNOWN"
REASON_NOT_IN_FORCE = "CASE_CRIME_CRITERION_NOT_IN_FORCE"
REASON_BELOW_THRESHOLD = "CASE_CRIME_THRESHOLD_NOT_MET"
REASON_MEASURE_MISSING = "CASE_CRIME_MEASURE_MISSING"


class Criterion(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name_zh: Text
    name_en: Text
    source: Text
    valid_from: date
    valid_until: date | None = None
    measure: Text | None = None
    at_least: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _figure_has_a_measure(self) -> Criterion:
        if (self.measure is None) != (self.at_least is None):
            raise ValueError("a criterion with a figure names its measure, and a measure has its figure")
        return self


class CriminalThresholds(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    criteria: Mapping[CriterionId, Criterion] = Field(min_length=1)


class CriminalThresholdsInvalid(RuleFileInvalid):
    reason = "CRIMINAL_THRESHOLDS_INVALID"

    def __init__(self, origin: str, problems: tuple[str, ...]):
        super().__init__("criminal thresholds", origin, problems)


def parse_criminal_thresholds(text: str, origin: str) -> CriminalThresholds:
    return parse_toml_model(text, origin, CriminalThresholds, CriminalThresholdsInvalid)


def read_criminal_thresholds(path: Path) -> CriminalThresholds:
    return read_toml_model(path, CriminalThresholds, CriminalThresholdsInvalid)


def bundled_criminal_thresholds() -> CriminalThresholds:
    return bundled_toml_model("ecolink_cases", BUNDLED_THRESHOLDS, CriminalThresholds, CriminalThresholdsInvalid)


@dataclass(frozen=True)
class CriterionRefused(Exception):
    message: str
    reason: str


def applying_criterion(
    thresholds: CriminalThresholds, criterion_id: str, on: date, measured: float | None
) -> Criterion:
    """The criterion if it applies on `on` with the amount measured; CriterionRefused naming why not."""
    criterion = thresholds.criteria.get(criterion_id)
    if criterion is None:
        known = ", ".join(sorted(thresholds.criteria))
        raise CriterionRefused(f"{criterion_id!r} is not a criterion of {thresholds.version} ({known})", REASON_UNKNOWN)
    if on < criterion.valid_from or (criterion.valid_until is not None and on > criterion.valid_until):
        raise CriterionRefused(f"{criterion_id} is not in force on {on.isoformat()}", REASON_NOT_IN_FORCE)
    if criterion.at_least is not None:
        if measured is None:
            raise CriterionRefused(
                f"{criterion_id} needs the amount measured in {criterion.measure}", REASON_MEASURE_MISSING
            )
        if measured < criterion.at_least:
            raise CriterionRefused(
                f"{measured:g} {criterion.measure} is below the {criterion.at_least:g} of {criterion_id}",
                REASON_BELOW_THRESHOLD,
            )
    return criterion
