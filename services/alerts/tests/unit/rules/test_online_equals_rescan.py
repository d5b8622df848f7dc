"""Online evaluation in arbitrary batches, with the state persisted as JSON in between, equals the batch rescan."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from ecolink_alerts.domain.batch import ComputedHours, replay, replay_order, rescan
from ecolink_alerts.domain.factors import FLUE_GAS_FLOW, OXYGEN, SO2
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.packets import PacketReceipt, ProtocolFault
from ecolink_alerts.domain.readings import DataKind, FactorLimits, Reading
from ecolink_alerts.domain.rules.engine import DeviceProfile, RuleEngine
from ecolink_alerts.domain.rules.events import Episode, RuleId, fold_episodes
from ecolink_alerts.domain.rules.flag_abuse import CalibrationWindow
from ecolink_alerts.domain.thresholds import (
    ConstantValueThresholds,
    DeviceThresholds,
    EngineThresholds,
    FactorThresholds,
    LimitHuggingThresholds,
    MinimumValueThresholds,
    OfflineThresholds,
    RuleThresholds,
    StableLowThresholds,
    SuddenDropThresholds,
    SuddenJumpThresholds,
    ZeroValueThresholds,
)

START = datetime(2024, 3, 4, 16, tzinfo=UTC)
HOUR = timedelta(hours=1)

# Short windows and runs, so that a few dozen hours reach every rule.
QUICK = RuleThresholds(
    device=DeviceThresholds(
        offline=OfflineThresholds(
            long_term_continuous=timedelta(hours=6),
            long_term_cumulative=timedelta(hours=8),
            cumulative_window=timedelta(days=1),
        ),
        engine=EngineThresholds(evidence_limit=4),
    ),
    factor_defaults=FactorThresholds(
        constant=ConstantValueThresholds(
            equal_hours=3, near_constant_window=timedelta(hours=6), near_constant_min_hours=4
        ),
        zero=ZeroValueThresholds(consecutive_hours=2),
        sudden_drop=SuddenDropThresholds(baseline_hours=3, min_hours=2),
        sudden_jump=SuddenJumpThresholds(baseline_hours=4),
        stable_low=StableLowThresholds(window=timedelta(hours=8), min_hours=5),
        limit_hugging=LimitHuggingThresholds(window=timedelta(hours=8), min_hours=5),
        minimum=MinimumValueThresholds(consecutive_hours=2),
    ),
)
PROFILE = DeviceProfile(
    "MN-P",
    "unit-p",
    "outlet-p",
    limits={
        SO2: FactorLimits("mg/m3", 100.0, 0.0, 500.0),
        FLUE_GAS_FLOW: FactorLimits("m3/s", None, 0.0, 200.0),
        OXYGEN: FactorLimits("%", None, 0.0, 25.0),
    },
    thresholds=QUICK,
    calibration_windows=(CalibrationWindow(time(2), time(2, 30)),),
)


@dataclass(frozen=True)
class Step:
    """One scripted record: hours since the previous one, the SO2 value and flag, flow, O2, and its packet; a
    computed record reaches the rules from the roll-up, which computed it from minute values after the grace."""

    gap: int = 1
    so2: float = 50.0
    flag: DataFlag = DataFlag.NORMAL
    flow: float = 60.0
    oxygen: float = 9.0
    received_early: bool = False
    packet: str = "none"
    computed: bool = False


Streamed = tuple[list[Reading], list[PacketReceipt], list[ComputedHours]]


def stream(steps: list[Step]) -> Streamed:
    readings: list[Reading] = []
    packets: list[PacketReceipt] = []
    computed: list[ComputedHours] = []
    hour = 0
    for step in steps:
        hour += step.gap
        data_time = START + hour * HOUR
        received_at = data_time - HOUR if step.received_early else data_time + HOUR + timedelta(seconds=5)
        if step.computed:
            received_at = data_time + HOUR + timedelta(minutes=15)
        record = []
        for factor, value, flag in (
            (SO2, step.so2, step.flag),
            (FLUE_GAS_FLOW, step.flow, DataFlag.NORMAL),
            (OXYGEN, step.oxygen, DataFlag.NORMAL),
        ):
            record.append(
                Reading(
                    "MN-P",
                    "unit-p",
                    "outlet-p",
                    factor,
                    DataKind.HOURLY,
                    data_time,
                    value,
                    flag,
                    received_at=received_at,
                )
            )
        if step.computed:
            computed.append(ComputedHours(received_at, tuple(sorted(record, key=lambda reading: reading.factor))))
        else:
            readings.extend(record)
        if step.packet != "none":
            qn = "1709532000123" if step.packet == "bad_qn" else "20240304160000123"
            faults = (ProtocolFault.CRC_MISMATCH,) if step.packet == "bad_crc" else ()
            packets.append(PacketReceipt("MN-P", "unit-p", "outlet-p", received_at, qn, faults))
    return readings, packets, computed


def online(items: list, cuts: list[int], tick_fractions: list[float]) -> list[Episode]:
    """Feed the items batch by batch, each batch on a fresh engine whose state went through JSON."""
    bounds = sorted({0, len(items), *(cut % (len(items) + 1) for cut in cuts)})
    stored = json.dumps(RuleEngine(PROFILE).dump_state(RuleEngine(PROFILE).initial_state()))
    events = []
    for index, (begin, end) in enumerate(pairwise(bounds)):
        engine = RuleEngine(PROFILE)
        state, found = replay(engine, engine.load_state(json.loads(stored)), items[begin:end])
        events.extend(found)
        if end < len(items) and index < len(tick_fractions):
            last, following = arrival(items[end - 1]), arrival(items[end])
            state, found = engine.tick(state, last + (following - last) * tick_fractions[index])
            events.extend(found)
        stored = json.dumps(engine.dump_state(state))
    engine = RuleEngine(PROFILE)
    events.extend(engine.flush(engine.load_state(json.loads(stored)))[1])
    return fold_episodes(events)


def arrival(item: Reading | PacketReceipt | ComputedHours) -> datetime:
    if isinstance(item, ComputedHours):
        return item.computed_at
    return item.received_at if isinstance(item, PacketReceipt) else item.arrival


def ordered(episodes: list[Episode]) -> list[Episode]:
    return sorted(episodes, key=lambda e: (e.rule.value, str(e.key), e.started_at))


SO2_LEVELS = {
    "usual": lambda i: 50.0 + i % 3,
    "low": lambda i: 10.0 + 0.1 * (i % 3),
    "hugging": lambda i: 88.0 + i % 9,
    "zero": lambda i: 0.0,
    "constant": lambda i: 40.0,
    "tiny": lambda i: 2.0 + i % 3,
    "dropped": lambda i: 20.0 + i % 2,
    "jump": lambda i: 150.0,
    "impossible": lambda i: (600.0, -1.0)[i % 2],
}
FLOWS = {
    "steady": lambda i: 60.0 + i % 3,
    "shifts": lambda i: 40.0 + 20 * ((i // 3) % 2) + i % 2,
    "stopped": lambda i: 0.0,
}
INCIDENTS = {
    "gap": {"gap": 4},
    "long gap": {"gap": 9},
    "maintenance": {"flag": DataFlag.MAINTENANCE},
    "over range": {"flag": DataFlag.OVER_RANGE},
    "manual": {"flag": DataFlag.MANUAL},
    "calibration": {"flag": DataFlag.CALIBRATION},
    "air": {"oxygen": 20.5},
    "impossible O2": {"oxygen": 22.0},
    "early": {"received_early": True},
    "packet": {"packet": "ok"},
    "bad QN": {"packet": "bad_qn"},
    "bad CRC": {"packet": "bad_crc"},
    "computed": {"computed": True},
}

segments = st.tuples(st.sampled_from(sorted(SO2_LEVELS)), st.integers(1, 10), st.sampled_from(sorted(FLOWS)))
incidents = st.tuples(st.integers(min_value=0, max_value=200), st.sampled_from(sorted(INCIDENTS)))


def script_of(parts: list[tuple[str, int, str]], happenings: list[tuple[int, str]]) -> list[Step]:
    """Segments of a value pattern and a flow pattern, with incidents (gaps, flags, packets …) here and there."""
    script = [
        Step(so2=SO2_LEVELS[level](i), flow=FLOWS[flow](i)) for level, length, flow in parts for i in range(length)
    ]
    for position, incident in happenings:
        index = position % len(script)
        script[index] = replace(script[index], **INCIDENTS[incident])
    return script


@settings(max_examples=60, deadline=None)
@given(
    st.lists(segments, min_size=1, max_size=8),
    st.lists(incidents, max_size=6),
    st.lists(st.integers(min_value=0, max_value=400), max_size=8),
    st.lists(st.floats(min_value=0, max_value=1), max_size=8),
)
def test_online_evaluation_in_any_batches_yields_the_episodes_of_the_rescan(parts, happenings, cuts, tick_fractions):
    readings, packets, computed = stream(script_of(parts, happenings))
    items = replay_order(readings, packets, computed)
    expected = rescan(RuleEngine(PROFILE), readings, packets, computed=computed)
    assert ordered(online(items, cuts, tick_fractions)) == ordered(expected)


def test_the_property_script_reaches_most_rules():
    script = [
        *[Step(so2=50.0 + i % 3, flow=60.0 + i % 3) for i in range(5)],
        *[Step(so2=40.0, flow=60.0 + i % 3) for i in range(4)],
        *[Step(so2=0.0, flow=60.0 + i % 3) for i in range(3)],
        *[Step(so2=2.0 + i, flow=60.0 + i % 3) for i in range(3)],
        Step(so2=600.0),
        Step(so2=-1.0, packet="bad_qn"),
        Step(so2=50.0, flag=DataFlag.MANUAL, packet="bad_crc"),
        *[Step(so2=50.0 + i % 3, flow=60.0 + 20 * (i % 2)) for i in range(6)],
        Step(so2=150.0),
        Step(gap=9, so2=50.0, packet="ok"),
        *[Step(so2=90.0 + i % 5, flow=60.0 + 20 * (i % 2)) for i in range(8)],
        *[Step(so2=10.0 + 0.1 * (i % 3), flow=40.0 + 20 * (i % 2)) for i in range(9)],
        Step(so2=50.0, flag=DataFlag.CALIBRATION, received_early=True),
        *[Step(so2=150.0 + i % 3, computed=True) for i in range(2)],
    ]
    readings, packets, computed = stream(script)
    items = replay_order(readings, packets, computed)
    batched = online(items, list(range(0, len(items), 7)), [0.5] * 40)
    expected = rescan(RuleEngine(PROFILE), readings, packets, computed=computed)
    assert ordered(batched) == ordered(expected)
    assert len({episode.rule for episode in expected}) >= 12
    computed_start = computed[0].readings[0].data_time
    assert any(e.rule is RuleId.HOURLY_EXCEEDANCE and e.started_at == computed_start for e in expected)
