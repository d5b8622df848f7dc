"""The state of one open episode and the events that open, extend and close it, with bounded evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.readings import SeriesKey
from ecolink_alerts.domain.rules.events import (
    EpisodeClosed,
    EpisodeExtended,
    EpisodeOpened,
    Evidence,
    RuleId,
)


def evidence_time(item: Evidence) -> datetime:
    """When an evidence item happened: a packet's receipt time, a reading's (or a companion rise's) DataTime."""
    return item.received_at if isinstance(item, PacketReceipt) else item.data_time


@dataclass(frozen=True)
class EpisodeState:
    """An open episode: its start, its latest matching time and its latest evidence (at most the limit)."""

    started_at: datetime
    ended_at: datetime
    evidence: tuple[Evidence, ...]


def open_episode(
    rule: RuleId,
    key: SeriesKey,
    evidence: Sequence[Evidence],
    limit: int,
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
) -> tuple[EpisodeState, EpisodeOpened]:
    """Open an episode on its matching items; times default to those of the first and last item."""
    kept = tuple(evidence)[-limit:]
    episode = EpisodeState(
        started_at=evidence_time(evidence[0]) if started_at is None else started_at,
        ended_at=evidence_time(evidence[-1]) if ended_at is None else ended_at,
        evidence=kept,
    )
    return episode, EpisodeOpened(rule, key, episode.started_at, episode.ended_at, kept)


def extend_episode(
    rule: RuleId,
    key: SeriesKey,
    episode: EpisodeState,
    new_evidence: Sequence[Evidence],
    limit: int,
    ended_at: datetime | None = None,
) -> tuple[EpisodeState, EpisodeExtended]:
    """Add matching items to an open episode, dropping the oldest evidence beyond the limit."""
    kept = (episode.evidence + tuple(new_evidence))[-limit:]
    end = ended_at if ended_at is not None else evidence_time(new_evidence[-1]) if new_evidence else episode.ended_at
    extended = EpisodeState(episode.started_at, end, kept)
    return extended, EpisodeExtended(rule, key, extended.started_at, extended.ended_at, kept)


def close_episode(
    rule: RuleId,
    key: SeriesKey,
    episode: EpisodeState,
    final_evidence: Sequence[Evidence] = (),
    limit: int = 1,
    ended_at: datetime | None = None,
) -> EpisodeClosed:
    """Close an episode, optionally with final evidence and end (the packet that ended an offline gap)."""
    kept = (episode.evidence + tuple(final_evidence))[-limit:] if final_evidence else episode.evidence
    return EpisodeClosed(rule, key, episode.started_at, episode.ended_at if ended_at is None else ended_at, kept)
