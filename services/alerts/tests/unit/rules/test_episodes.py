"""One alert per episode: events open, extend and close it, and its evidence stays bounded."""

from __future__ import annotations

from dataclasses import replace

from ecolink_alerts.domain.rules.events import (
    EpisodeClosed,
    EpisodeExtended,
    EpisodeOpened,
    RuleId,
    fold_episodes,
)
from ecolink_alerts.domain.thresholds import DeviceThresholds, EngineThresholds, RuleThresholds


def test_an_episode_opens_once_then_extends_then_closes(scripted):
    events = scripted.events(scripted.readings([50, 0, 0, 0, 0, 50]))
    assert [(type(event), event.rule, event.ended_at) for event in events] == [
        (EpisodeOpened, RuleId.ZERO_VALUE, scripted.at(3)),
        (EpisodeExtended, RuleId.ZERO_VALUE, scripted.at(4)),
        (EpisodeClosed, RuleId.ZERO_VALUE, scripted.at(4)),
    ]
    assert {event.started_at for event in events} == {scripted.at(1)}
    assert [len(event.evidence) for event in events] == [3, 4, 4]


def test_the_evidence_window_keeps_the_latest_readings_up_to_its_limit(scripted):
    thresholds = RuleThresholds(device=DeviceThresholds(engine=EngineThresholds(evidence_limit=3)))
    scripted = replace(scripted, profile=replace(scripted.profile, thresholds=thresholds))
    [zero] = scripted.episodes(scripted.readings([50, *[0] * 5, 50]))
    assert zero.started_at == scripted.at(1)
    assert [reading.data_time for reading in zero.evidence] == [scripted.at(3), scripted.at(4), scripted.at(5)]


def test_a_new_episode_of_the_same_rule_starts_after_the_previous_one_closed(scripted):
    episodes = scripted.episodes(scripted.readings([50, 0, 0, 0, 50, 0, 0, 0]))
    assert [(e.rule, e.started_at, e.closed) for e in episodes] == [
        (RuleId.ZERO_VALUE, scripted.at(1), True),
        (RuleId.ZERO_VALUE, scripted.at(5), False),
    ]


def test_folding_events_keeps_each_episode_as_its_last_event_left_it(scripted):
    events = scripted.events(scripted.readings([50, 0, 0, 0, 0, 50]))
    [episode] = fold_episodes(events)
    assert (episode.started_at, episode.ended_at, episode.closed, episode.evidence) == (
        events[-1].started_at,
        events[-1].ended_at,
        True,
        events[-1].evidence,
    )


def test_a_rule_id_names_its_anomaly_rules_section():
    assert (RuleId.LONG_TERM_OFFLINE.section, RuleId.OFFLINE.section, RuleId.HOURLY_EXCEEDANCE.section) == (
        "C10",
        "C10",
        "E1",
    )
