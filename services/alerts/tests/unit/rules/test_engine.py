"""The rule engine: records judged whole, late and duplicate readings, persisted state, per-factor thresholds."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from ecolink_alerts.domain.batch import replay_order
from ecolink_alerts.domain.factors import COD, FLUE_GAS_FLOW, NOX, SO2, WASTE_WATER_FLOW
from ecolink_alerts.domain.readings import DataKind, FactorLimits
from ecolink_alerts.domain.rules.events import EpisodeOpened, RuleId, fold_episodes
from ecolink_alerts.domain.thresholds import ConstantValueThresholds, FactorThresholds, RuleThresholds


def feed_one_by_one_with_persisted_state(scripted, readings):
    """Each reading in its own batch, the state stored as JSON in between, as the service does."""
    engine = scripted.engine()
    stored = json.dumps(engine.dump_state(engine.initial_state()))
    events = []
    for reading in readings:
        state, found = engine.evaluate(engine.load_state(json.loads(stored)), reading)
        stored = json.dumps(engine.dump_state(state))
        events.extend(found)
    events.extend(engine.flush(engine.load_state(json.loads(stored)))[1])
    return fold_episodes(events)


def test_a_record_whose_flow_arrives_in_a_later_batch_is_judged_with_its_flow(scripted):
    readings = replay_order(scripted.readings([50, 0, 0, 0, 0, 50], companions={FLUE_GAS_FLOW: [60, 0, 0, 0, 0, 60]}))
    by_factor_first = sorted(readings, key=lambda r: (r.data_time, r.factor != SO2))
    assert feed_one_by_one_with_persisted_state(scripted, by_factor_first) == []


def test_a_value_arriving_after_its_record_settled_is_not_judged_again(scripted):
    readings = scripted.readings([50, 0, 0, 0, 0, 50], companions={})
    late_flows = [
        scripted.reading(FLUE_GAS_FLOW, r.data_time, 0.0, received_at=r.received_at + timedelta(minutes=3))
        for r in readings
    ]
    fired = {e.rule for e in scripted.episodes([*readings, *late_flows])}
    assert fired == {RuleId.ZERO_VALUE}


def test_the_clock_judges_a_record_once_it_has_settled(scripted):
    engine = scripted.engine()
    state, _ = engine.evaluate_all(engine.initial_state(), replay_order(scripted.readings([150])))
    arrived = scripted.at(1) + timedelta(seconds=5)
    _, early = engine.tick(state, arrived + timedelta(minutes=1))
    _, settled = engine.tick(state, arrived + timedelta(minutes=3))
    assert early == []
    assert [(type(e), e.rule) for e in settled] == [(EpisodeOpened, RuleId.HOURLY_EXCEEDANCE)]


def test_a_back_filled_record_is_not_judged_again_online(scripted):
    readings = scripted.readings([50, 51, 52, 53])
    backfill = scripted.reading(SO2, scripted.at(1), 150.0, received_at=readings[-1].received_at + timedelta(hours=1))
    assert scripted.episodes([*readings, backfill]) == []


def test_a_value_repeated_within_its_record_is_judged_once(scripted):
    readings = scripted.readings([0, 0, 0, 50])
    duplicates = [replace(reading, value=50.0) for reading in readings if reading.factor == SO2]
    assert {e.rule for e in scripted.episodes(replay_order([*readings, *duplicates]))} == {RuleId.ZERO_VALUE}


def test_an_engine_refuses_data_of_another_device(scripted):
    engine = scripted.engine()
    with pytest.raises(ValueError, match="MN-2"):
        engine.evaluate(engine.initial_state(), replace(scripted.readings([50])[0], mn="MN-2"))


def test_the_persisted_state_loads_back_equal(scripted):
    values = [80, 82, 81, 79, 80, 83, 30, 31, 29, 0, 0, 0, 600, -1, 150]
    engine = scripted.engine()
    state, _ = engine.evaluate_all(engine.initial_state(), replay_order(scripted.readings(values)))
    state, _ = engine.inspect_packet(state, scripted.receipt(scripted.at(20), qn="123"))
    assert engine.load_state(json.loads(json.dumps(engine.dump_state(state)))) == state


def test_water_analysers_are_constant_only_after_twelve_equal_hours(scripted):
    water = replace(
        scripted.profile, limits={COD: FactorLimits("mg/L", 50.0, 0.0, 500.0), WASTE_WATER_FLOW: FactorLimits("L/s")}
    )
    scripted = replace(scripted, profile=water)
    flow = {WASTE_WATER_FLOW: [10.0 + hour % 3 for hour in range(14)]}
    six = scripted.readings([20, *[30] * 6, 20], factor=COD, companions=flow)
    twelve = scripted.readings([20, *[30] * 12, 20], factor=COD, companions=flow)
    assert [e.rule for e in scripted.episodes(six)] == []
    assert [(e.rule, e.started_at, e.ended_at) for e in scripted.episodes(twelve)] == [
        (RuleId.CONSTANT_VALUE, scripted.at(1), scripted.at(12))
    ]


def test_a_factor_override_replaces_the_defaults_for_that_factor_only(scripted):
    three_hours = FactorThresholds(constant=ConstantValueThresholds(equal_hours=3))
    profile = replace(scripted.profile, thresholds=RuleThresholds().with_override(SO2, three_hours))
    scripted = replace(scripted, profile=profile)
    assert profile.thresholds.for_factor(NOX) == FactorThresholds()
    assert profile.thresholds.for_factor(COD).constant.equal_hours == 12
    assert [e.rule for e in scripted.episodes(scripted.readings([20, 30, 30, 30, 20]))] == [RuleId.CONSTANT_VALUE]


def test_hours_computed_by_the_roll_up_are_judged_as_hour_values_but_are_no_arrival(scripted):
    engine = scripted.engine()
    minutes = scripted.readings([150, 151], kind=DataKind.MINUTE, step=timedelta(minutes=1))
    state, _ = engine.evaluate_all(engine.initial_state(), replay_order(minutes))
    computed_at = scripted.at(1.25)
    hour = [scripted.reading(SO2, scripted.at(0), 150.5, received_at=computed_at)]
    judged, events = engine.judge_computed_hours(state, hour)
    _, flushed = engine.flush(judged)
    assert judged.offline == state.offline
    assert [(type(e), e.rule, e.key.kind) for e in [*events, *flushed]] == [
        (EpisodeOpened, RuleId.HOURLY_EXCEEDANCE, DataKind.HOURLY)
    ]


def test_an_hour_computed_again_after_it_was_judged_is_left_alone(scripted):
    engine = scripted.engine()
    first = scripted.readings([50, 51])
    again = replace(first[0], value=150.0, received_at=first[-1].received_at + timedelta(hours=1))
    state, _ = engine.flush(engine.judge_computed_hours(engine.initial_state(), first)[0])
    assert engine.judge_computed_hours(state, [again]) == (state, [])


def test_only_hour_values_of_the_engine_s_device_can_be_computed_hours(scripted):
    engine = scripted.engine()
    minute = scripted.reading(SO2, scripted.at(1), 50.0, kind=DataKind.MINUTE)
    with pytest.raises(ValueError, match="kind 2061"):
        engine.judge_computed_hours(engine.initial_state(), [minute])
    with pytest.raises(ValueError, match="MN"):
        engine.judge_computed_hours(engine.initial_state(), [replace(minute, mn="OTHER", kind=DataKind.HOURLY)])
