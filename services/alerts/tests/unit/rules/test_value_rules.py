"""Run-shaped rules on hour values: C1, C2, C3, C8, C9, C11 (manual values) and E1 fire on their pattern only."""

from __future__ import annotations

import pytest

from ecolink_alerts.domain.factors import AMMONIA_NITROGEN, FLUE_GAS_FLOW, NO, NOX, OXYGEN, PH, SO2, TOTAL_NITROGEN
from ecolink_alerts.domain.flags import DataFlag

N = DataFlag.NORMAL

# (case, SO2 hour values, expected episodes as (rule, first hour, last hour, closed))
SO2_PATTERNS = [
    ("constant for seven hours", [50, 51, 52, 40, 40, 40, 40, 40, 40, 40, 55, 56], [("C1", 3, 9, True)]),
    ("constant for five hours only", [50, 51, 52, 40, 40, 40, 40, 40, 55, 56], []),
    ("zero for four hours", [50, 0, 0, 0, 0, 50], [("C2", 1, 4, True)]),
    ("zero for two hours only", [50, 0, 0, 50, 51], []),
    ("zero with an invalid hour between", [50, 0, 0, (7, DataFlag.MAINTENANCE), 0, 50], [("C2", 1, 4, True)]),
    ("a negative value", [50, -1, 50], [("C3", 1, 1, True)]),
    ("below the lower range for six hours", [50, 3, 3.5, 2, 4, 3, 4.5, 50], [("C8", 1, 6, True)]),
    ("below the lower range for five hours only", [50, 3, 3.5, 2, 4, 3, 50], []),
    ("above the range yet flagged N", [50, 600, 50], [("C9.flagged_normal", 1, 1, True)]),
    ("above the range and flagged T", [50, (600, DataFlag.OVER_RANGE), 50], []),
    ("a manually set value", [50, (50, DataFlag.MANUAL), 50], [("C11.manual_value", 1, 1, True)]),
    ("two hours above the limit", [50, 120, 130, 50], [("E1", 1, 2, True)]),
    ("exactly at the limit", [50, 100, 50], []),
    ("above the limit but in maintenance", [50, (120, DataFlag.MAINTENANCE), 50], []),
]


@pytest.mark.parametrize(("values", "expected"), [case[1:] for case in SO2_PATTERNS], ids=[c[0] for c in SO2_PATTERNS])
def test_each_run_rule_fires_on_its_pattern_and_nothing_else_does(scripted, values, expected):
    episodes = scripted.episodes(scripted.readings(values))
    assert scripted.summary(episodes) == {
        (rule, SO2, scripted.at(first), scripted.at(last), closed) for rule, first, last, closed in expected
    }


def test_zero_values_while_the_flow_has_stopped_are_a_shutdown_not_an_anomaly(scripted):
    readings = scripted.readings([50, 0, 0, 0, 0, 50], companions={FLUE_GAS_FLOW: [60, 0, 0, 0, 0, 60]})
    assert scripted.episodes(readings) == []


def test_zero_values_with_air_in_the_stack_are_a_shutdown_not_an_anomaly(scripted):
    readings = scripted.readings(
        [50, 0, 0, 0, 0, 50], companions={FLUE_GAS_FLOW: [60.0] * 6, OXYGEN: [9, 20.5, 20.6, 20.7, 20.8, 9]}
    )
    assert "C2" not in {episode.rule.value for episode in scripted.episodes(readings)}


def test_a_constant_value_while_the_process_is_stopped_is_not_constant_value(scripted):
    readings = scripted.readings([40] * 8, companions={FLUE_GAS_FLOW: [60.0] + [0.0] * 7})
    assert "C1" not in {episode.rule.value for episode in scripted.episodes(readings)}


# (case, factor, value, companions of the same record, impossible?)
IMPOSSIBLE = [
    ("negative concentration", SO2, -0.5, {}, True),
    ("pH above 14", PH, 15.0, {}, True),
    ("pH of 14", PH, 14.0, {}, False),
    ("O2 above 21 %", OXYGEN, 22.0, {}, True),
    ("O2 of 21 %", OXYGEN, 21.0, {}, False),
    ("NH3-N above total nitrogen", AMMONIA_NITROGEN, 6.0, {TOTAL_NITROGEN: 5.0}, True),
    ("NH3-N below total nitrogen", AMMONIA_NITROGEN, 4.0, {TOTAL_NITROGEN: 5.0}, False),
    ("NOx far below NO·46/30", NOX, 10.0, {NO: 20.0}, True),
    ("NOx within 10 % of NO·46/30", NOX, 28.0, {NO: 20.0}, False),
]


@pytest.mark.parametrize(
    ("factor", "value", "companions", "impossible"), [c[1:] for c in IMPOSSIBLE], ids=[c[0] for c in IMPOSSIBLE]
)
def test_impossible_values_alone_or_against_the_same_record_are_c3(scripted, factor, value, companions, impossible):
    readings = scripted.readings([value], factor=factor, companions={k: [v] for k, v in companions.items()})
    fired = {(episode.rule.value, episode.key.factor) for episode in scripted.episodes(readings)}
    assert (("C3", factor) in fired) is impossible
