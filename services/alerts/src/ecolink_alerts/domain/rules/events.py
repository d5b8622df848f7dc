"""Rule ids and the episode events rules emit: opened, extended, closed, each with its evidence window."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.readings import Reading, SeriesKey
from ecolink_alerts.domain.rules.state_codec import Tagged


@dataclass(frozen=True)
class CompanionRise:
    """ANOMALY_RULES §C4: flow or O2 risen with a sudden drop, against its median over the drop's baseline hours (the
    dilution signature), in one hour of the drop."""

    factor: str
    data_time: datetime
    baseline: float
    value: float

    @property
    def relative_change(self) -> float:
        """(value − baseline) / baseline: 0.3 is a 30 % rise."""
        return (self.value - self.baseline) / self.baseline


Evidence = Annotated[Reading | PacketReceipt | CompanionRise, Tagged(Reading, PacketReceipt, CompanionRise)]
"""What an episode keeps as evidence: the readings (or, for C12 QN and C13, the packets) that matched, and for C4
the companion rises seen beside them."""


class RuleId(StrEnum):
    """ANOMALY_RULES §B–§C ids; where a section lists alternative patterns, each is its own rule (`C10.long_term`)."""

    HOURLY_EXCEEDANCE = "E1"
    CONSTANT_VALUE = "C1"
    NEAR_CONSTANT_VALUE = "C1.near_constant"
    ZERO_VALUE = "C2"
    IMPOSSIBLE_VALUE = "C3"
    SUDDEN_DROP = "C4"
    SUDDEN_JUMP = "C5"
    STABLE_LOW_VALUE = "C6"
    LIMIT_HUGGING = "C7"
    MINIMUM_VALUE = "C8"
    OVER_RANGE_FLAGGED_NORMAL = "C9.flagged_normal"
    OVER_RANGE_DAILY_SHARE = "C9.daily_share"
    OFFLINE = "C10"
    LONG_TERM_OFFLINE = "C10.long_term"
    FLAGGED_HOURS_SHARE = "C11.monthly_share"
    CALIBRATION_OUTSIDE_WINDOW = "C11.calibration_outside_window"
    MANUAL_VALUE = "C11.manual_value"
    FUTURE_DATA_TIME = "C12.future_data_time"
    CONFLICTING_VALUES = "C12.conflicting_values"
    MALFORMED_QN = "C12.malformed_qn"
    PROTOCOL_INTEGRITY = "C13"

    @property
    def section(self) -> str:
        """The ANOMALY_RULES id the rule belongs to (`C10` for both offline rules)."""
        return self.value.partition(".")[0]


@dataclass(frozen=True)
class EpisodeEvent:
    """A change to one episode of one rule about one key; `ended_at` is the time of the latest matching item."""

    rule: RuleId
    key: SeriesKey
    started_at: datetime
    ended_at: datetime
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class EpisodeOpened(EpisodeEvent):
    """The pattern was first seen: raise one alert."""


@dataclass(frozen=True)
class EpisodeExtended(EpisodeEvent):
    """The pattern goes on: update the alert's end and evidence."""


@dataclass(frozen=True)
class EpisodeClosed(EpisodeEvent):
    """The pattern stopped: the alert's episode is over."""


RuleEvent = EpisodeOpened | EpisodeExtended | EpisodeClosed


@dataclass(frozen=True)
class Episode:
    """An episode as its events leave it: what one alert shows."""

    rule: RuleId
    key: SeriesKey
    started_at: datetime
    ended_at: datetime
    evidence: tuple[Evidence, ...]
    closed: bool


def fold_episodes(events: Iterable[RuleEvent]) -> list[Episode]:
    """The episodes a stream of events describes, in the order they were opened."""
    episodes: list[Episode] = []
    open_at: dict[tuple[RuleId, SeriesKey], int] = {}
    for event in events:
        identity = (event.rule, event.key)
        episode = Episode(event.rule, event.key, event.started_at, event.ended_at, event.evidence, closed=False)
        if isinstance(event, EpisodeOpened):
            open_at[identity] = len(episodes)
            episodes.append(episode)
            continue
        index = open_at[identity]
        episodes[index] = replace(episode, closed=isinstance(event, EpisodeClosed))
        if isinstance(event, EpisodeClosed):
            del open_at[identity]
    return episodes
