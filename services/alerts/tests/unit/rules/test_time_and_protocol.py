"""C12 time anomalies (future DataTime, conflicting re-sends, malformed QN) and C13 protocol integrity."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from ecolink_alerts.domain.batch import rescan
from ecolink_alerts.domain.factors import FLUE_GAS_FLOW, SO2
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.packets import ProtocolFault
from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.rules.engine import RuleEngine
from ecolink_alerts.domain.rules.events import EpisodeClosed, EpisodeOpened, RuleId
from ecolink_alerts.domain.rules.time_anomalies import is_malformed_qn, value_conflict
from ecolink_alerts.domain.thresholds import ProtocolIntegrityThresholds, TimeAnomalyThresholds


def received_early(scripted, hour, received_at, value=50.0):
    """A record of `hour` that the platform received at `received_at`."""
    return [
        scripted.reading(SO2, scripted.at(hour), value, received_at=received_at),
        scripted.reading(FLUE_GAS_FLOW, scripted.at(hour), 60.0, received_at=received_at),
    ]


def test_a_record_dated_more_than_ten_minutes_ahead_of_its_receipt_is_a_future_data_time(scripted):
    normal = scripted.readings([50, None, 52])
    future = received_early(scripted, 1, scripted.at(1) - timedelta(minutes=11))
    [episode] = scripted.episodes([*normal, *future])
    assert (episode.rule, episode.key.kind, episode.key.factor, episode.closed) == (
        RuleId.FUTURE_DATA_TIME,
        DataKind.HOURLY,
        None,
        True,
    )
    assert [(r.factor, r.data_time) for r in episode.evidence] == [(FLUE_GAS_FLOW, scripted.at(1))]


def test_a_record_ten_minutes_ahead_is_within_tolerance(scripted):
    normal = scripted.readings([50, None, 52])
    assert scripted.episodes([*normal, *received_early(scripted, 1, scripted.at(1) - timedelta(minutes=10))]) == []


def test_a_future_record_does_not_hold_back_the_records_after_it(scripted):
    normal = scripted.readings([50, 51, 150, 160, 52])
    future = received_early(scripted, 10, normal[-1].received_at - timedelta(hours=3, minutes=30))
    fired = {(e.rule, e.started_at) for e in scripted.episodes([*normal, *future])}
    assert fired == {(RuleId.FUTURE_DATA_TIME, scripted.at(10)), (RuleId.HOURLY_EXCEEDANCE, scripted.at(2))}


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({}, None),
        ({"received_at": None}, None),
        ({"value": 51.0}, ("value",)),
        ({"flag": DataFlag.FAULT}, ("flag",)),
        ({"value": 51.0, "converted": 60.0}, ("value", "converted")),
    ],
    ids=["identical", "received again later", "other value", "other flag", "other value and converted value"],
)
def test_a_record_sent_again_conflicts_only_when_its_values_differ(scripted, change, fields):
    stored = scripted.readings([50.0])[0]
    conflict = value_conflict(stored, replace(stored, **change))
    assert (None if conflict is None else conflict.fields) == fields


def test_a_conflict_is_one_closed_episode_with_both_versions_as_evidence(scripted):
    stored = scripted.readings([50.0])[0]
    incoming = replace(stored, value=51.0)
    conflict = value_conflict(stored, incoming)
    assert conflict is not None
    opened, closed = conflict.events()
    assert (type(opened), type(closed), closed.rule, closed.evidence) == (
        EpisodeOpened,
        EpisodeClosed,
        RuleId.CONFLICTING_VALUES,
        (stored, incoming),
    )


def test_readings_of_different_records_cannot_conflict(scripted):
    first, second = scripted.readings([50.0, 50.0])[::2]
    with pytest.raises(ValueError, match="same MN"):
        value_conflict(first, second)


@pytest.mark.parametrize(
    ("qn", "malformed"),
    [("20240304140000123", False), (None, False), ("1709532000123", True), ("2024030414000012X", True), ("", True)],
)
def test_a_qn_must_have_seventeen_digits_when_present(qn, malformed):
    assert is_malformed_qn(qn, TimeAnomalyThresholds()) is malformed


def test_consecutive_packets_with_a_malformed_qn_are_one_episode(scripted):
    qns = ["20240304140000123", "1709532000123", "1709535600123", None, "20240304170000123"]
    packets = [scripted.receipt(scripted.at(hour), qn) for hour, qn in enumerate(qns)]
    assert scripted.summary(scripted.episodes([], packets)) == {
        ("C12.malformed_qn", None, scripted.at(1), scripted.at(2), True)
    }


def test_consecutive_faulty_packets_are_one_protocol_integrity_episode(scripted):
    faults = [(), (ProtocolFault.CRC_MISMATCH,), (ProtocolFault.LENGTH_MISMATCH, ProtocolFault.MODBUS_CRC), ()]
    hours = [0, 1, 2, 4]  # the sound packet comes once two hours have passed without a faulty one
    packets = [scripted.receipt(scripted.at(hour), faults=found) for hour, found in zip(hours, faults, strict=True)]
    [episode] = scripted.episodes([], packets)
    assert (episode.rule, episode.started_at, episode.ended_at, episode.closed) == (
        RuleId.PROTOCOL_INTEGRITY,
        scripted.at(1),
        scripted.at(2),
        True,
    )
    assert episode.evidence == tuple(packets[1:3])


def test_faulty_packets_with_sound_ones_between_stay_one_episode_until_two_hours_pass_without_a_fault(scripted):
    # A firmware that miscounts the length of some packets only (HJ212.md §1: non-ASCII text counted in characters).
    faulty = (ProtocolFault.LENGTH_MISMATCH,)
    hours = [0, 0.5, 1, 1.5, 2, 3, 4]
    faults = [faulty, (), faulty, (), faulty, (), ()]
    packets = [scripted.receipt(scripted.at(hour), faults=found) for hour, found in zip(hours, faults, strict=True)]
    [episode] = scripted.episodes([], packets)
    assert (episode.started_at, episode.ended_at, episode.closed) == (scripted.at(0), scripted.at(2), True)
    assert episode.evidence == (packets[0], packets[2], packets[4])


def test_a_faulty_packet_two_hours_after_the_last_one_opens_the_next_episode(scripted):
    faulty = (ProtocolFault.CRC_MISMATCH,)
    packets = [scripted.receipt(scripted.at(hour), faults=faulty) for hour in (0, 1, 3)]
    episodes = scripted.episodes([], packets)
    assert sorted((episode.started_at, episode.ended_at, episode.closed) for episode in episodes) == [
        (scripted.at(0), scripted.at(1), True),
        (scripted.at(3), scripted.at(3), False),
    ]


def test_the_quiet_time_of_c13_is_a_setting(scripted):
    thresholds = replace(
        scripted.profile.thresholds,
        device=replace(scripted.profile.thresholds.device, protocol=ProtocolIntegrityThresholds(quiet=timedelta(0))),
    )
    engine = RuleEngine(replace(scripted.profile, thresholds=thresholds))
    faulty = (ProtocolFault.CRC_MISMATCH,)
    packets = [scripted.receipt(scripted.at(hour), faults=found) for hour, found in ((0, faulty), (0.5, ()))]
    [episode] = rescan(engine, [], packets)
    assert episode.closed
