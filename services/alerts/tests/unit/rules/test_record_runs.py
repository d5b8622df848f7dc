"""The bulk-ingest fast path: records judged by columns give the state and events of judging them one by one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from hypothesis import event, given, settings
from hypothesis import strategies as st

from ecolink_alerts.domain.batch import arrival_order
from ecolink_alerts.domain.factors import (
    AMMONIA_NITROGEN,
    FLUE_GAS_FLOW,
    NO,
    NOX,
    OXYGEN,
    PH,
    SO2,
    TOTAL_NITROGEN,
)
from ecolink_alerts.domain.hj212.crc import CrcMode
from ecolink_alerts.domain.hj212.version import ProtocolVersion
from ecolink_alerts.domain.monitoring_records import FactorValue, MonitoringRecord
from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.registry_records import Device, KeyUnit, MonitoredFactor, Outlet, OutletMedium
from ecolink_alerts.domain.rules.engine import DeviceProfile, EngineState, RuleEngine
from ecolink_alerts.domain.rules.flag_abuse import CalibrationWindow
from ecolink_alerts.domain.thresholds import DeviceThresholds, EngineThresholds, RuleThresholds
from ecolink_alerts.service_layer.device_rules import DeviceSite
from ecolink_alerts.service_layer.record_runs import new_records, record_readings

START = datetime(2024, 3, 4, 15, 50, tzinfo=UTC)
"""23:50 China Standard Time: runs of a few dozen minutes cross a local day."""
MN = "MN-RUN"
FACTORS = (SO2, NOX, NO, OXYGEN, FLUE_GAS_FLOW, PH, AMMONIA_NITROGEN, TOTAL_NITROGEN)
SITE = DeviceSite(
    Device(MN, "unit-r", "outlet-r", ProtocolVersion.HJ212_2017, CrcMode.HJ212, "123456"),
    KeyUnit("unit-r", "Run unit", "eeb-341323", "building materials"),
    Outlet(
        "unit-r",
        "outlet-r",
        "Flue",
        OutletMedium.FLUE_GAS,
        (
            MonitoredFactor(SO2, "mg/m3", 100.0, 0.0, 500.0),
            MonitoredFactor(NOX, "mg/m3", 200.0, 0.0, 1000.0),
            MonitoredFactor(OXYGEN, "%", None, 0.0, 25.0),
        ),
    ),
)
PROFILE = DeviceProfile(
    MN,
    "unit-r",
    "outlet-r",
    limits={factor.pollutant_code: factor.limits for factor in SITE.outlet.factors},
    thresholds=RuleThresholds(device=DeviceThresholds(engine=EngineThresholds(evidence_limit=3))),
    calibration_windows=(CalibrationWindow(time(0), time(0, 20)),),
)
VALUES = (50.0, 50.0, 50.0, 0.0, -1.0, 7.0, 15.0, 22.0, 600.0, 1200.0)
"""Usual values, and values some rule judges: negative, beyond a range, a pH or O2 no instrument reports."""
FLAGS = ("N", "N", "N", "N", "N", "S", "T", "C", "M")
KINDS = {"minute": DataKind.MINUTE, "real-time": DataKind.REALTIME, "hourly": DataKind.HOURLY, "daily": DataKind.DAILY}
STEP_MINUTES = {DataKind.REALTIME: 1, DataKind.MINUTE: 1, DataKind.HOURLY: 60, DataKind.DAILY: 1440}
"""Minutes between consecutive records of a kind."""


@dataclass(frozen=True)
class Upload:
    """One upload of a device: its kind, when its first record is dated, its records' values and flags (factor by
    factor), and how long after its last DataTime it arrived."""

    kind: DataKind
    start_minute: int
    records: list[list[tuple[float, str]]]
    factors: tuple[str, ...]
    delay_minutes: int

    def monitoring_records(self) -> list[MonitoringRecord]:
        step = STEP_MINUTES[self.kind]
        return [
            MonitoringRecord(
                MN,
                self.kind,
                START + timedelta(minutes=self.start_minute + index * step),
                tuple(
                    FactorValue(factor, value, flag) for factor, (value, flag) in zip(self.factors, record, strict=True)
                ),
            )
            for index, record in enumerate(self.records)
        ]

    def received_at(self) -> datetime:
        step = STEP_MINUTES[self.kind]
        return START + timedelta(minutes=self.start_minute + (len(self.records) - 1) * step + self.delay_minutes)


@st.composite
def uploads(draw: st.DrawFn, start_minute: int) -> Upload:
    factors = tuple(sorted(draw(st.sets(st.sampled_from(FACTORS), min_size=1, max_size=5))))
    cell = st.tuples(st.sampled_from(VALUES), st.sampled_from(FLAGS))
    usual = st.just((50.0, "N"))
    records = draw(
        st.lists(
            st.lists(st.one_of(usual, usual, cell), min_size=len(factors), max_size=len(factors)),
            min_size=1,
            max_size=6,
        )
    )
    kind = KINDS[draw(st.sampled_from(("minute", "minute", "minute", "real-time", "hourly", "daily")))]
    delay = draw(st.sampled_from((0, 1, 1, 5, 120, -30, -12)))
    return Upload(kind, start_minute, records, factors, delay)


@st.composite
def upload_series(draw: st.DrawFn) -> list[Upload]:
    series, minute = [], 0
    for _ in range(draw(st.integers(1, 6))):
        upload = draw(uploads(minute))
        series.append(upload)
        minute += len(upload.records) * STEP_MINUTES[upload.kind] + draw(st.sampled_from((0, 0, 1, 30, -2)))
    return series


def one_by_one(engine: RuleEngine, state: EngineState, upload: Upload) -> tuple[EngineState, list]:
    readings = []
    for record in upload.monitoring_records():
        found = record_readings(record, SITE, upload.received_at())
        assert isinstance(found, list)
        readings.extend(found)
    return engine.evaluate_all(state, arrival_order(readings))


@settings(max_examples=400, deadline=None)
@given(upload_series())
def test_a_run_judged_by_columns_equals_judging_its_readings_one_by_one(series: list[Upload]) -> None:
    engine = RuleEngine(PROFILE)
    state = engine.initial_state()
    for upload in series:
        found = new_records(SITE, upload.monitoring_records(), upload.received_at())
        assert found is not None
        expected_state, expected_events = one_by_one(engine, state, upload)
        fast = engine.evaluate_run(state, found.run)
        event("judged by columns" if fast is not None else "judged one by one")
        if fast is not None:
            assert fast[1] == expected_events
            assert engine.dump_state(fast[0]) == engine.dump_state(expected_state)
        state = expected_state


def test_usual_minute_uploads_take_the_fast_path_and_keep_their_rows() -> None:
    engine = RuleEngine(PROFILE)
    state = engine.initial_state()
    for start in (0, 5, 10):
        upload = Upload(DataKind.MINUTE, start, [[(50.0, "N"), (60.0, "N")]] * 5, (SO2, FLUE_GAS_FLOW), 1)
        found = new_records(SITE, upload.monitoring_records(), upload.received_at())
        assert found is not None
        received_at = upload.received_at()
        assert found.rows == [
            (
                MN,
                "2051",
                record.data_time,
                value.factor,
                value.value,
                value.flag,
                None,
                None,
                None,
                None,
                received_at,
                None,
            )
            for record in upload.monitoring_records()
            for value in record.values
        ]
        fast = engine.evaluate_run(state, found.run)
        assert fast is not None
        assert fast[1] == []
        state = fast[0]
    assert state.kinds[DataKind.MINUTE].last_judged == START + timedelta(minutes=13)


def test_records_that_differ_in_kind_time_factors_or_validity_are_no_run() -> None:
    at = START + timedelta(hours=1)

    def record(minute: int, *values: FactorValue, kind: DataKind = DataKind.MINUTE) -> MonitoringRecord:
        return MonitoringRecord(MN, kind, START + timedelta(minutes=minute), values)

    so2, flow = FactorValue(SO2, 50.0), FactorValue(FLUE_GAS_FLOW, 60.0)
    assert new_records(SITE, [record(0, so2, flow), record(1, so2, flow)], at) is not None
    assert new_records(SITE, [record(0, so2), record(1, so2, kind=DataKind.REALTIME)], at) is None
    assert new_records(SITE, [record(0, so2), record(0, so2)], at) is None
    assert new_records(SITE, [record(0, so2, flow), record(1, so2, so2)], at) is None
    assert new_records(SITE, [record(0, so2), record(1, flow)], at) is None
    assert new_records(SITE, [record(0, so2), record(1, FactorValue(SO2, float("nan")))], at) is None
    assert new_records(SITE, [record(0, so2), record(1, FactorValue(SO2, 1.0, "Q"))], at) is None
    assert new_records(SITE, [record(0, so2), record(1, FactorValue(SO2, 1.0, converted=float("inf")))], at) is None
    assert new_records(SITE, [record(0)], at) is None
