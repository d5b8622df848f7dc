"""Window- and baseline-shaped rules on hour values: C1 near-constant, C4, C5, C6 and C7."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ecolink_alerts.domain.factors import FLUE_GAS_FLOW, OXYGEN, SO2
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.events import CompanionRise, EpisodeOpened, RuleId


def shifts(hours: int) -> list[float]:
    """Production on two shifts: twelve hours near 60 m³/s, twelve near 45 (flow CV ≈ 14 %)."""
    return [(60.0 if (hour // 12) % 2 == 0 else 45.0) + hour % 3 for hour in range(hours)]


def rules_fired(scripted, readings) -> set[str]:
    return {episode.rule.value for episode in scripted.episodes(readings)}


def test_a_drop_below_half_the_recent_median_for_three_hours_is_a_sudden_drop(scripted):
    readings = scripted.readings([80, 82, 81, 79, 80, 83, 30, 31, 29, 30, 85])
    assert scripted.summary(scripted.episodes(readings)) == {("C4", SO2, scripted.at(6), scripted.at(9), True)}


def test_a_drop_for_two_hours_only_is_not_a_sudden_drop(scripted):
    assert rules_fired(scripted, scripted.readings([80, 82, 81, 79, 80, 83, 30, 31, 85])) == set()


def test_a_drop_that_follows_the_flow_is_a_load_change_not_a_sudden_drop(scripted):
    flow = [60.0 + hour % 2 for hour in range(6)] + [40.0 + hour % 2 for hour in range(5)]
    readings = scripted.readings([80, 82, 81, 79, 80, 83, 30, 31, 29, 30, 85], companions={FLUE_GAS_FLOW: flow})
    assert rules_fired(scripted, readings) == set()


DROP = [80, 82, 81, 79, 80, 83, 30, 31, 29, 30, 85]
"""Six baseline hours near 81, four hours near 30 (below half the baseline), then back."""


def test_a_drop_while_the_flow_rises_by_30_percent_is_a_sudden_drop_with_the_rise_recorded(scripted):
    flow = [60.0 + hour % 2 for hour in range(6)] + [78.6] * 4 + [60.0]
    oxygen = [9.0 + 0.1 * (hour % 3) for hour in range(11)]
    readings = scripted.readings(DROP, companions={FLUE_GAS_FLOW: flow, OXYGEN: oxygen})
    [drop] = scripted.episodes(readings)
    assert (drop.rule, drop.started_at) == (RuleId.SUDDEN_DROP, scripted.at(6))
    rises = [item for item in drop.evidence if isinstance(item, CompanionRise)]
    assert [(rise.factor, rise.data_time, rise.baseline, rise.value) for rise in rises] == [
        (FLUE_GAS_FLOW, scripted.at(hour), 60.5, 78.6) for hour in range(6, 10)
    ], "the flow's rise in each hour of the drop; O2 held, so it is not recorded"
    assert rises[0].relative_change == pytest.approx(0.299, abs=1e-3)
    assert [item.data_time for item in drop.evidence if isinstance(item, Reading)] == [
        scripted.at(hour) for hour in range(6, 10)
    ]


def test_a_drop_while_the_flow_falls_by_15_percent_is_a_production_cut_not_a_sudden_drop(scripted):
    flow = [60.0 + hour % 2 for hour in range(6)] + [51.4] * 4 + [60.0]
    assert rules_fired(scripted, scripted.readings(DROP, companions={FLUE_GAS_FLOW: flow})) == set()


def test_a_drop_while_only_o2_falls_is_still_a_sudden_drop(scripted):
    oxygen = [9.0 + 0.1 * (hour % 3) for hour in range(6)] + [7.0, 7.1, 7.2, 7.0, 9.0]
    flow = [60.0 + hour % 5 for hour in range(11)]
    readings = scripted.readings(DROP, companions={FLUE_GAS_FLOW: flow, OXYGEN: oxygen})
    assert rules_fired(scripted, readings) == {"C4"}


@pytest.mark.parametrize("flag", [DataFlag.STOPPED, DataFlag.MAINTENANCE])
def test_a_drop_the_unit_flags_as_stopped_or_in_maintenance_is_not_a_sudden_drop(scripted, flag):
    readings = scripted.readings(DROP)
    flagged_flow = [
        replace(reading, flag=flag)
        for reading in readings
        if reading.factor == FLUE_GAS_FLOW and reading.data_time == scripted.at(7)
    ]
    kept = [reading for reading in readings if reading.factor != FLUE_GAS_FLOW or reading.data_time != scripted.at(7)]
    assert rules_fired(scripted, [*kept, *flagged_flow]) == set(), "the flow of hour 7 is flagged"
    own = scripted.readings([80, 82, 81, 79, 80, 83, (30, flag), 31, 29, 30, 85])
    assert rules_fired(scripted, own) == set(), "SO2 of the first low hour is flagged; the hours after are no drop"


def test_a_drop_stays_one_episode_for_as_long_as_the_values_stay_low(scripted):
    readings = scripted.readings([80, 82, 81, 79, 80, 83, *([30.0, 31.0] * 10)])
    [drop] = scripted.episodes(readings)
    assert (drop.rule, drop.started_at, drop.ended_at, drop.closed) == (
        RuleId.SUDDEN_DROP,
        scripted.at(6),
        scripted.at(25),
        False,
    )
    assert len(drop.evidence) == 20


def test_a_value_above_three_times_the_daily_median_and_half_the_limit_is_a_sudden_jump(scripted):
    baseline = [20.0 + hour % 3 for hour in range(24)]
    readings = scripted.readings([*baseline, 80, 21])
    assert scripted.summary(scripted.episodes(readings)) == {("C5", SO2, scripted.at(24), scripted.at(24), True)}


def test_a_jump_that_stays_below_half_the_limit_is_not_a_sudden_jump(scripted):
    baseline = [10.0 + hour % 3 for hour in range(24)]
    assert rules_fired(scripted, scripted.readings([*baseline, 45, 11])) == set()


def test_a_jump_before_a_full_day_of_history_is_not_judged(scripted):
    baseline = [20.0 + hour % 3 for hour in range(10)]
    assert rules_fired(scripted, scripted.readings([*baseline, 80, 21])) == set()


def test_low_values_that_barely_vary_while_the_flow_varies_are_a_stable_low_value(scripted):
    values = [10.0 + 0.1 * (hour % 3) for hour in range(80)]
    events = scripted.events(scripted.readings(values, companions={FLUE_GAS_FLOW: shifts(80)}))
    [opened] = [event for event in events if isinstance(event, EpisodeOpened)]
    assert (opened.rule, opened.started_at, opened.ended_at) == (
        RuleId.STABLE_LOW_VALUE,
        scripted.at(0),
        scripted.at(53),
    )


def test_low_steady_values_with_a_steady_flow_are_not_a_stable_low_value(scripted):
    values = [10.0 + 0.1 * (hour % 3) for hour in range(80)]
    assert rules_fired(scripted, scripted.readings(values)) == set()


def test_values_hugging_the_limit_for_most_of_a_week_are_limit_hugging(scripted):
    values = [86.0 + hour % 13 for hour in range(130)]
    events = scripted.events(scripted.readings(values))
    [opened] = [event for event in events if isinstance(event, EpisodeOpened)]
    assert (opened.rule, opened.started_at, opened.ended_at) == (RuleId.LIMIT_HUGGING, scripted.at(0), scripted.at(125))
    assert len(opened.evidence) == 126


def test_values_near_the_limit_only_seventy_percent_of_the_time_are_not_limit_hugging(scripted):
    values = [60.0 if hour % 10 < 3 else 86.0 + hour % 13 for hour in range(170)]
    assert rules_fired(scripted, scripted.readings(values)) == set()


def test_limit_hugging_ends_with_the_last_hugging_hour(scripted):
    values = [86.0 + hour % 13 for hour in range(168)] + [50.0 + hour % 7 for hour in range(48)]
    [hugging] = scripted.episodes(scripted.readings(values))
    assert (hugging.rule, hugging.started_at, hugging.ended_at, hugging.closed) == (
        RuleId.LIMIT_HUGGING,
        scripted.at(0),
        scripted.at(167),
        True,
    )


def test_a_day_of_values_within_one_percent_is_near_constant(scripted):
    values = [50.0 + 0.1 * (hour % 3) for hour in range(24)]
    assert scripted.summary(scripted.episodes(scripted.readings(values))) == {
        ("C1.near_constant", SO2, scripted.at(0), scripted.at(23), False)
    }


def test_a_day_of_values_varying_by_a_few_percent_is_not_near_constant(scripted):
    values = [50.0 + hour % 3 for hour in range(24)]
    assert rules_fired(scripted, scripted.readings(values)) == set()
