"""C10 offline and long-term offline, found when the gap ends or earlier by the clock, the same either way."""

from __future__ import annotations

from ecolink_alerts.domain.batch import replay, replay_order
from ecolink_alerts.domain.rules.events import EpisodeOpened, RuleId, fold_episodes


def offline_summary(scripted, episodes):
    return {(e.rule.value, e.key.factor, e.key.kind, e.started_at, e.ended_at, e.closed) for e in episodes}


def hours_with_records(scripted, hours):
    values = [50.0 + hour % 5 if hour in hours else None for hour in range(max(hours) + 1)]
    return scripted.readings(values)


def arrival(scripted, hour):
    return scripted.readings([50.0])[0].received_at + (scripted.at(hour) - scripted.start)


def test_no_packet_for_more_than_twice_the_interval_is_offline_from_the_last_arrival_to_the_next(scripted):
    readings = hours_with_records(scripted, {0, 1, 2, 5, 6})
    assert offline_summary(scripted, scripted.episodes(readings)) == {
        ("C10", None, None, arrival(scripted, 2), arrival(scripted, 5), True)
    }


def test_a_gap_of_exactly_twice_the_interval_is_not_offline(scripted):
    assert scripted.episodes(hours_with_records(scripted, {0, 1, 3, 4})) == []


def test_the_clock_opens_the_offline_episode_before_the_device_comes_back(scripted):
    engine = scripted.engine()
    state, _ = replay(engine, engine.initial_state(), replay_order(hours_with_records(scripted, {0, 1, 2})))
    state, quiet = engine.tick(state, arrival(scripted, 4))
    state, opened = engine.tick(state, arrival(scripted, 4.5))
    assert quiet == []
    assert [(type(event), event.rule, event.started_at) for event in opened] == [
        (EpisodeOpened, RuleId.OFFLINE, arrival(scripted, 2))
    ]
    assert engine.tick(state, arrival(scripted, 5))[1] == []


def test_ticking_the_clock_during_a_gap_finds_the_same_episodes_as_the_arrival_that_ends_it(scripted):
    readings = replay_order(hours_with_records(scripted, {0, 1, 2, 30, 31}))
    engine = scripted.engine()
    before, after = readings[:6], readings[6:]
    state, events = replay(engine, engine.initial_state(), before)
    for hour in range(3, 31):
        state, found = engine.tick(state, arrival(scripted, hour))
        events.extend(found)
    state, found = replay(engine, state, after)
    events.extend(found)
    events.extend(engine.flush(state)[1])
    assert fold_episodes(events) == scripted.episodes(readings)


def test_a_continuous_gap_of_a_day_is_long_term_offline(scripted):
    readings = hours_with_records(scripted, {0, 1, 26, 27})
    episodes = scripted.episodes(readings)
    assert offline_summary(scripted, episodes) == {
        ("C10", None, None, arrival(scripted, 1), arrival(scripted, 26), True),
        ("C10.long_term", None, None, arrival(scripted, 1), arrival(scripted, 26), True),
    }


def test_gaps_adding_up_to_three_days_within_a_week_are_long_term_offline(scripted):
    readings = hours_with_records(scripted, {0, 21, 42, 63, 84, 85})
    long_term = [e for e in scripted.episodes(readings) if e.rule is RuleId.LONG_TERM_OFFLINE]
    assert [(e.started_at, e.ended_at) for e in long_term] == [(arrival(scripted, 63), arrival(scripted, 84))]


def test_a_device_still_silent_at_the_end_of_a_rescan_is_offline(scripted):
    readings = hours_with_records(scripted, {0, 1, 2})
    [offline] = scripted.episodes(readings, until=arrival(scripted, 10))
    assert (offline.rule, offline.started_at, offline.closed) == (RuleId.OFFLINE, arrival(scripted, 2), False)


def test_packets_without_data_count_as_arrivals(scripted):
    readings = hours_with_records(scripted, {0, 1, 2, 5})
    packets = [scripted.receipt(arrival(scripted, hour)) for hour in (3, 4)]
    assert [item for item in replay_order(readings, packets) if item in packets] == packets
    assert scripted.episodes(readings, packets) == []
