"""A unit's credit score and colour (三色信用评级, DOMAIN §3.4), built from its findings under a rules version."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from ecolink_cases.domain.credit_rules import CreditRules
from ecolink_cases.domain.credit_settings import CreditSettings

# DOMAIN §3.4 [004]: every unit's score starts from 100 points (积分).
FULL_SCORE = 100
REASON_FINDING_KIND_UNKNOWN = "CREDIT_FINDING_KIND_UNKNOWN"


class CreditColour(StrEnum):
    """DOMAIN §3.4 [004]: the three colour modules (红黄绿三色模块)."""

    GREEN = "green"  # 绿: eligible for the positive list, mainly non-site supervision
    YELLOW = "yellow"  # 黄: more on-site checks
    RED = "red"  # 红: most on-site checks

    @property
    def name_zh(self) -> str:
        return COLOUR_NAMES_ZH[self]


COLOUR_NAMES_ZH: Mapping[CreditColour, str] = MappingProxyType(
    {CreditColour.GREEN: "绿", CreditColour.YELLOW: "黄", CreditColour.RED: "红"}
)


@dataclass(frozen=True)
class Finding:
    """One problem found at a unit: its kind (a key of the rules file), the day found, and what records it."""

    kind: str
    found_on: date
    reference: str  # the record it comes from: `cases/{id}`, `alerts/{id}`, a petition, an inspection


@dataclass(frozen=True)
class AppliedDeduction:
    """A finding that counted and the points it took: the rule's, or fewer where the kind's cap was reached."""

    finding: Finding
    rule_points: int
    points: int


@dataclass(frozen=True)
class CreditGrade:
    """A unit's standing on `as_of`: score, colour and every deduction that made it, under `rules_version`."""

    unit_id: str
    as_of: date
    window_from: date
    rules_version: str
    score: int
    colour: CreditColour
    deductions: tuple[AppliedDeduction, ...]

    @property
    def positive_list_eligible(self) -> bool:
        """DOMAIN §3.4 [004]: a green unit may be put on the positive list (推荐纳入正面清单)."""
        return self.colour is CreditColour.GREEN


class UnknownFindingKind(ValueError):
    """A finding whose kind the rules version does not name."""

    reason = REASON_FINDING_KIND_UNKNOWN

    def __init__(self, kind: str, rules_version: str):
        super().__init__(f"finding kind {kind!r} is not in credit rules {rules_version}")
        self.kind = kind
        self.rules_version = rules_version


def colour_for(score: int, settings: CreditSettings) -> CreditColour:
    """DOMAIN §3.4 [004]: ≥ 90 green, 70 < score < 90 yellow, ≤ 70 red (the edges are settings)."""
    if score >= settings.green_from:
        return CreditColour.GREEN
    if score <= settings.red_up_to:
        return CreditColour.RED
    return CreditColour.YELLOW


def grading_window(as_of: date, settings: CreditSettings) -> tuple[date, date]:
    """The first and last day a finding counts on `as_of`: the `window_days` days ending that day, both included."""
    return as_of - timedelta(days=settings.window_days - 1), as_of


def grade_unit(
    unit_id: str, findings: Iterable[Finding], rules: CreditRules, settings: CreditSettings, as_of: date
) -> CreditGrade:
    """The unit's grade on `as_of` from its findings inside the window; findings after `as_of` do not count yet.

    Findings count oldest first (then by reference), so where a kind's cap cuts one short it is always the same one."""
    first_day, last_day = grading_window(as_of, settings)
    listed = list(findings)
    for finding in listed:
        if finding.kind not in rules.kinds:
            raise UnknownFindingKind(finding.kind, rules.version)
    counted = sorted(
        (finding for finding in listed if first_day <= finding.found_on <= last_day),
        key=lambda finding: (finding.found_on, finding.kind, finding.reference),
    )
    taken_by_kind: dict[str, int] = {}
    deductions: list[AppliedDeduction] = []
    for finding in counted:
        rule = rules.kinds[finding.kind]
        taken = taken_by_kind.get(finding.kind, 0)
        points = rule.deduction if rule.cap is None else max(0, min(rule.deduction, rule.cap - taken))
        taken_by_kind[finding.kind] = taken + points
        deductions.append(AppliedDeduction(finding, rule.deduction, points))
    # DOMAIN §3.4 is silent below zero (proposed): the score stops at 0, every deduction still listed.
    score = max(0, FULL_SCORE - sum(deduction.points for deduction in deductions))
    return CreditGrade(
        unit_id=unit_id,
        as_of=as_of,
        window_from=first_day,
        rules_version=rules.version,
        score=score,
        colour=colour_for(score, settings),
        deductions=tuple(deductions),
    )
