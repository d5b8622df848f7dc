"""Simulated device data: ten normal days raise nothing, the Suzhou pattern and each injected anomaly raise theirs."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from ecolink_alerts.domain.batch import rescan
from ecolink_alerts.domain.factors import SO2
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.rules.engine import DeviceProfile, RuleEngine
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.flag_abuse import CalibrationWindow
from ecolink_alerts.domain.simulation import (
    ConstantValue,
    DeviceSimulation,
    FlaggedValues,
    OfflineGap,
    Spike,
    ZeroValue,
    simulate,
    suzhou_pattern,
)

START = datetime(2024, 3, 4, 6, tzinfo=UTC)
"""14:00 China Standard Time, in the middle of the day shift."""
DEVICE = ("MN-LINGBI-1", "lingbi-building-materials", "kiln-stack-1")


def engine_for(simulation: DeviceSimulation) -> RuleEngine:
    declared = (CalibrationWindow(time(2, 0), time(2, 30)),)
    return RuleEngine(DeviceProfile(*DEVICE, limits=simulation.limits, calibration_windows=declared))


def normal(days: float, seed: int = 11, **changes) -> DeviceSimulation:
    return DeviceSimulation(*DEVICE, start=START, duration=timedelta(days=days), seed=seed, **changes)


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    assert simulate(normal(1)) == simulate(normal(1))
    assert simulate(normal(1)) != simulate(normal(1, seed=12))


def test_a_simulated_day_has_every_factor_of_every_minute_slot_and_hour():
    readings = simulate(normal(1))
    kinds = [reading.kind for reading in readings]
    assert (kinds.count(DataKind.MINUTE), kinds.count(DataKind.HOURLY)) == (6 * 144, 6 * 24)
    assert {r.flag for r in readings if r.kind is DataKind.HOURLY} == {DataFlag.NORMAL}
    assert DataFlag.CALIBRATION in {r.flag for r in readings if r.factor == SO2}


@pytest.mark.parametrize("seed", [11])
def test_ten_days_of_normal_operation_raise_nothing(seed):
    simulation = normal(10, seed=seed)
    assert rescan(engine_for(simulation), simulate(simulation)) == []


def test_the_suzhou_pattern_raises_limit_hugging_then_a_sudden_drop_and_a_stable_low_at_the_right_hours():
    simulation = suzhou_pattern(*DEVICE, start=START, seed=5)
    drop = START + timedelta(days=7)
    episodes = rescan(engine_for(simulation), simulate(simulation))
    assert {(e.rule, e.key.factor, e.started_at, e.ended_at, e.closed) for e in episodes} == {
        (RuleId.LIMIT_HUGGING, SO2, START, drop - timedelta(hours=1), True),
        (RuleId.SUDDEN_DROP, SO2, drop, drop + timedelta(hours=71), False),
        (RuleId.STABLE_LOW_VALUE, SO2, drop, drop + timedelta(hours=71), False),
    }
    hugging = next(e for e in episodes if e.rule is RuleId.LIMIT_HUGGING)
    assert len(hugging.evidence) == 168
    assert all(170 <= reading.value < 200 for reading in hugging.evidence)


ANOMALIES = [
    (ConstantValue(start=START + timedelta(days=2), duration=timedelta(hours=8), factor=SO2), RuleId.CONSTANT_VALUE),
    (ZeroValue(start=START + timedelta(days=2), duration=timedelta(hours=5), factor=SO2), RuleId.ZERO_VALUE),
    (Spike(start=START + timedelta(days=2), duration=timedelta(hours=1), factor=SO2), RuleId.SUDDEN_JUMP),
    (
        FlaggedValues(start=START + timedelta(days=2), duration=timedelta(hours=2), factor=SO2, flag=DataFlag.MANUAL),
        RuleId.MANUAL_VALUE,
    ),
    (OfflineGap(start=START + timedelta(days=2), duration=timedelta(hours=5)), RuleId.OFFLINE),
]


@pytest.mark.parametrize(("anomaly", "rule"), ANOMALIES, ids=[type(anomaly).__name__ for anomaly, _ in ANOMALIES])
def test_each_injected_anomaly_raises_its_rule_and_nothing_outside_its_time(anomaly, rule):
    simulation = normal(3, anomalies=(anomaly,))
    episodes = rescan(engine_for(simulation), simulate(simulation))
    assert rule in {episode.rule for episode in episodes}
    end = anomaly.start + anomaly.duration + timedelta(hours=1, minutes=1)
    assert all(anomaly.start - timedelta(hours=1) <= e.started_at <= end for e in episodes)
