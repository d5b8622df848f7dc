"""The positive list (监督执法正面清单, DOMAIN §3.4): who is on it, may join or falls off; its draw stratum."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from ecolink_cases.domain.credit import CreditColour, CreditGrade
from ecolink_cases.domain.credit_settings import SamplingRatios


class DrawStratum(StrEnum):
    """The groups a double-random draw samples at their own ratio (DOMAIN §3.4: sampling ratios set by grade)."""

    POSITIVE_LIST = "positive_list"  # 正面清单: green and listed by the bureau
    GREEN = "green"  # 绿
    YELLOW = "yellow"  # 黄
    RED = "red"  # 红

    @property
    def name_zh(self) -> str:
        return STRATUM_NAMES_ZH[self]


STRATUM_NAMES_ZH: Mapping[DrawStratum, str] = MappingProxyType(
    {
        DrawStratum.POSITIVE_LIST: "正面清单",
        DrawStratum.GREEN: "绿",
        DrawStratum.YELLOW: "黄",
        DrawStratum.RED: "红",
    }
)
_COLOUR_STRATA: Mapping[CreditColour, DrawStratum] = MappingProxyType(
    {CreditColour.GREEN: DrawStratum.GREEN, CreditColour.YELLOW: DrawStratum.YELLOW, CreditColour.RED: DrawStratum.RED}
)


def draw_stratum(colour: CreditColour, positive_listed: bool) -> DrawStratum:
    """DOMAIN §3.4 [004]: only a green unit stands on the positive list; a listed unit that lost green is drawn by its
    colour until the bureau takes it off (dynamic management, 动态监管 [002])."""
    if positive_listed and colour is CreditColour.GREEN:
        return DrawStratum.POSITIVE_LIST
    return _COLOUR_STRATA[colour]


def sampling_ratio(ratios: SamplingRatios, stratum: DrawStratum) -> Decimal:
    """The share of `stratum`'s units a draw picks."""
    return {
        DrawStratum.POSITIVE_LIST: ratios.positive_list,
        DrawStratum.GREEN: ratios.green,
        DrawStratum.YELLOW: ratios.yellow,
        DrawStratum.RED: ratios.red,
    }[stratum]


@dataclass(frozen=True)
class PositiveListReview:
    """Where each unit stands against the bureau's list: members stay, candidates may join, lapsed ones must leave."""

    members: tuple[str, ...]  # listed and green
    candidates: tuple[str, ...]  # green, not listed: recommended for the list (推荐纳入) [004]
    lapsed: tuple[str, ...]  # listed, no longer green: to be taken off [002]


def review_positive_list(grades: Iterable[CreditGrade], listed_unit_ids: Iterable[str]) -> PositiveListReview:
    """DOMAIN §3.4: green makes a unit eligible; the bureau decides the list itself (Yongkang named 15 units [002]),
    so eligibility alone does not put a unit on it. A listed unit without a grade is reported lapsed."""
    listed = frozenset(listed_unit_ids)
    green = frozenset(grade.unit_id for grade in grades if grade.positive_list_eligible)
    return PositiveListReview(
        members=tuple(sorted(listed & green)),
        candidates=tuple(sorted(green - listed)),
        lapsed=tuple(sorted(listed - green)),
    )
