"""RescanRange through a real server on both databases: data ingested over gRPC, rescanned, compared to ListAlerts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import alert_pb2, monitoring_pb2
from ecolink.alerts.v1 import alert_service_pb2 as alerts_pb
from ecolink.alerts.v1 import monitoring_service_pb2 as pb
from ecolink_alerts.domain.factors import FLUE_GAS_FLOW, OXYGEN
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME
from ecolink_alerts.domain.readings import DataKind, FactorLimits, Reading
from ecolink_alerts.domain.simulation import FLUE_GAS_FACTORS, simulate, suzhou_pattern
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.service_layer.rule_clock import tick_rule_engines
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.clock import FakeClock
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.platform import ServiceUnderTest, prepared_service
from ecolink_common.testing.rpc import rpc_failure

LINGBI_MN = "88888880000001"
LINGBI_UNIT = "units/lingbi-jiancai"
LINGBI_BUREAU = "eeb-341323"
SO2, FLOW = "a21026", "a00000"
START = datetime(2026, 11, 1, 0, tzinfo=UTC)
# The service's "now" in these tests: fixed, so the rescan ranges and the future DataTime (C12) hold on any date.
NOW = START + timedelta(days=10, minutes=17)
NOT_REPRODUCED = ("C10", "C12.conflicting_values", "C12.malformed_qn", "C13")

# SO2 hour values (limit 35 mg/m3, range 0–200) that raise most reproducible rules: zero hours (C2), an exceedance
# and jump (E1, C5), a negative and an over-range value flagged N (C3, C9), a constant run (C1), a stable low run.
SO2_HOURS = [
    *[12.0 + (hour % 3) for hour in range(26)],
    60.0,
    *[12.0 + (hour % 3) for hour in range(3)],
    0.0,
    0.0,
    0.0,
    *[12.0 + (hour % 3) for hour in range(4)],
    -1.0,
    250.0,
    *[12.0 + (hour % 3) for hour in range(3)],
    *[20.0] * 7,
    *[12.0 + (hour % 3) for hour in range(6)],
]


@pytest.fixture
async def alerts_service(platform, database_url) -> AsyncIterator[ServiceUnderTest]:
    """The alerts service with its clock standing at NOW."""
    service = await prepared_service(ALERTS, platform, database_url, clock=FakeClock(NOW))
    yield service
    await service.running.stop()


def _stamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def hourly(so2: list[float], start: datetime, flag: str = "N") -> list[monitoring_pb2.MonitoringRecord]:
    """One hourly record per SO2 value, beside a varying flow (a running process)."""
    return [
        monitoring_pb2.MonitoringRecord(
            mn=LINGBI_MN,
            data_kind=monitoring_pb2.DATA_KIND_HOURLY,
            data_time=_stamp(start + timedelta(hours=hour)),
            values=[
                monitoring_pb2.FactorValue(factor_code=SO2, value=value, flag=flag),
                monitoring_pb2.FactorValue(factor_code=FLOW, value=300000.0 + 1000 * (hour % 5), flag="N"),
            ],
        )
        for hour, value in enumerate(so2)
    ]


async def ingest(monitoring_stub, alerts_service, records: list[monitoring_pb2.MonitoringRecord]) -> None:
    """Several streams of batches, as a forwarding platform sends them."""
    for begin in range(0, len(records), 10):
        requests = [pb.IngestMonitoringDataRequest(records=records[begin + cut : begin + cut + 4]) for cut in (0, 4, 8)]
        metadata = alerts_service.metadata(LINGBI_BUREAU)
        response = await monitoring_stub.IngestMonitoringData(iter(requests), metadata=metadata)
        assert list(response.refusals) == []


async def settle(database_url: str) -> None:
    """The rules' clock a few minutes on: the last record is judged (settled), no device is offline yet."""
    engine = create_engine(database_url)
    try:
        sessions = create_session_factory(engine)
        later = NOW + timedelta(minutes=5)
        await tick_rule_engines(lambda: AlertsUnitOfWork(sessions), now=later, thresholds=RuleThresholds())
    finally:
        await engine.dispose()


async def stored_alerts(alert_stub, alerts_service, agency: str = LINGBI_BUREAU) -> list[alert_pb2.Alert]:
    """Every alert ListAlerts shows for the unit, each with its evidence from GetAlert."""
    metadata = alerts_service.metadata(agency)
    listed = await alert_stub.ListAlerts(alerts_pb.ListAlertsRequest(unit=LINGBI_UNIT), metadata=metadata)
    return [
        (await alert_stub.GetAlert(alerts_pb.GetAlertRequest(name=alert.name), metadata=metadata)).alert
        for alert in listed.alerts
    ]


def rescan_request(start: datetime, end: datetime, **target: str) -> alerts_pb.RescanRangeRequest:
    return alerts_pb.RescanRangeRequest(start_time=_stamp(start), end_time=_stamp(end), **target)


async def rescan(alert_stub, alerts_service, request, agency: str = LINGBI_BUREAU) -> alerts_pb.RescanRangeResponse:
    return await alert_stub.RescanRange(request, metadata=alerts_service.metadata(agency))


def shown(item: alert_pb2.Alert | alerts_pb.RescannedEpisode) -> tuple:
    """What an alert and a rescanned episode both show."""
    return (
        item.rule,
        item.unit,
        item.outlet,
        item.device,
        item.data_kind,
        item.factor_code,
        item.state,
        item.start_time.ToDatetime(),
        item.end_time.ToDatetime(),
        [point.SerializeToString(deterministic=True) for point in item.evidence],
    )


async def test_a_rescan_of_ingested_data_returns_the_episodes_list_alerts_shows(
    monitoring_stub, alert_stub, alerts_service, database_url
):
    future = NOW.replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
    await ingest(monitoring_stub, alerts_service, hourly(SO2_HOURS, START))
    # C12: the same record with another value (a conflict, not reproduced) and a DataTime a day ahead (reproduced).
    await ingest(monitoring_stub, alerts_service, hourly([13.0], START) + hourly([12.0], future))
    await settle(database_url)

    alerts = await stored_alerts(alert_stub, alerts_service)
    reproduced = [alert for alert in alerts if not alert.rule.startswith(NOT_REPRODUCED)]
    assert {alert.rule for alert in reproduced} >= {"E1", "C1", "C2", "C3", "C5", "C9.flagged_normal"}
    assert {"C12.future_data_time", "C12.conflicting_values"} <= {alert.rule for alert in alerts}

    found = await rescan(
        alert_stub, alerts_service, rescan_request(START, future + timedelta(days=1), unit=LINGBI_UNIT)
    )
    assert sorted(map(shown, found.episodes)) == sorted(map(shown, reproduced))
    assert sorted(e.matching_alert for e in found.episodes) == sorted(alert.name for alert in reproduced)
    assert list(found.unmatched_alerts) == []
    by_device = await rescan(
        alert_stub, alerts_service, rescan_request(START, future + timedelta(days=1), device=f"devices/{LINGBI_MN}")
    )
    assert by_device == found


def suzhou_records() -> list[monitoring_pb2.MonitoringRecord]:
    """DOMAIN §2.5 for the Lingbi kiln: ten days of hour values in which SO2 hugs its limit (35 mg/m3) for seven days,
    then drops to a stable low for three while flow keeps varying; one record per hour, in arrival order."""
    lingbi_so2 = FactorLimits("mg/m3", 35.0, 0.0, 200.0)
    so2 = replace(FLUE_GAS_FACTORS[0], typical=FLUE_GAS_FACTORS[0].typical * 35.0 / 200.0, limits=lingbi_so2)
    others = tuple(profile for profile in FLUE_GAS_FACTORS if profile.factor in {OXYGEN, FLUE_GAS_FLOW})
    start = datetime(2026, 10, 1, 14, tzinfo=CHINA_STANDARD_TIME).astimezone(UTC)
    simulation = replace(suzhou_pattern(LINGBI_MN, "lingbi-jiancai", "DA001", start), factors=(so2, *others))
    by_hour: dict[datetime, list[Reading]] = {}
    for reading in simulate(simulation):
        if reading.kind is DataKind.HOURLY:
            by_hour.setdefault(reading.data_time, []).append(reading)
    return [
        monitoring_pb2.MonitoringRecord(
            mn=LINGBI_MN,
            data_kind=monitoring_pb2.DATA_KIND_HOURLY,
            data_time=_stamp(data_time),
            values=[
                monitoring_pb2.FactorValue(factor_code=r.factor, value=r.value, flag=r.flag.value) for r in readings
            ],
        )
        for data_time, readings in by_hour.items()
    ]


async def test_a_rescan_of_the_suzhou_pattern_returns_the_limit_hugging_drop_and_stable_low_alerts(
    monitoring_stub, alert_stub, alerts_service, database_url
):
    records = suzhou_records()
    await ingest(monitoring_stub, alerts_service, records)
    await settle(database_url)
    reproduced = [a for a in await stored_alerts(alert_stub, alerts_service) if not a.rule.startswith(NOT_REPRODUCED)]
    assert {"C4", "C6", "C7"} <= {alert.rule for alert in reproduced}
    start, end = records[0].data_time.ToDatetime(tzinfo=UTC), records[-1].data_time.ToDatetime(tzinfo=UTC)
    found = await rescan(alert_stub, alerts_service, rescan_request(start, end + timedelta(hours=1), unit=LINGBI_UNIT))
    assert sorted(map(shown, found.episodes)) == sorted(map(shown, reproduced))
    assert all(episode.matching_alert for episode in found.episodes) and list(found.unmatched_alerts) == []


async def test_a_rescan_writes_nothing_and_marks_what_it_finds_only_in_part_of_the_range(
    monitoring_stub, alert_stub, alerts_service, database_url
):
    await ingest(monitoring_stub, alerts_service, hourly(SO2_HOURS, START))
    await settle(database_url)
    before = await stored_alerts(alert_stub, alerts_service)
    c1 = next(alert for alert in before if alert.rule == "C1")
    # Starting inside the constant run: C1 needs six equal hours again, so it starts later and matches nothing,
    # while the stored C1 alert that started inside the range is reported unmatched.
    start = c1.start_time.ToDatetime(tzinfo=UTC) + timedelta(hours=1)
    found = await rescan(alert_stub, alerts_service, rescan_request(start, START + timedelta(days=3), unit=LINGBI_UNIT))
    assert [(e.rule, e.matching_alert) for e in found.episodes if e.rule == "C1"] == [("C1", "")]
    assert c1.name not in found.unmatched_alerts
    inside = await rescan(
        alert_stub, alerts_service, rescan_request(c1.start_time.ToDatetime(tzinfo=UTC), start, unit=LINGBI_UNIT)
    )
    assert [e.rule for e in inside.episodes] == [] and list(inside.unmatched_alerts) == [c1.name]
    assert await stored_alerts(alert_stub, alerts_service) == before


async def test_a_unit_outside_the_callers_jurisdiction_is_not_found_and_its_enterprise_is_refused_both_audited(
    alert_stub, alerts_service, database_url
):
    request = rescan_request(START, START + timedelta(days=1), unit=LINGBI_UNIT)
    for agency, code in (
        ("eeb-360800", grpc.StatusCode.NOT_FOUND),
        ("ent-341323-jiancai", grpc.StatusCode.PERMISSION_DENIED),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await rescan(alert_stub, alerts_service, request, agency=agency)
        assert rpc_failure(raised.value).code == code
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await rescan(alert_stub, alerts_service, rescan_request(START, START + timedelta(days=1), unit="units/nowhere"))
    assert rpc_failure(raised.value).code == grpc.StatusCode.NOT_FOUND
    refused = [
        (row["actor_agency_id"], row["action"], row["resource"], row["outcome"], row["reason"])
        for row in await audit_rows(database_url)
        if row["action"] == "RescanRange" and row["outcome"] != "ALLOWED"
    ]
    assert refused == [
        ("eeb-360800", "RescanRange", LINGBI_UNIT, "NOT_FOUND", "OUTSIDE_JURISDICTION"),
        ("ent-341323-jiancai", "RescanRange", LINGBI_UNIT, "PERMISSION_DENIED", "ALERTS_FOR_BUREAUS_ONLY"),
    ]
    assert (await rescan(alert_stub, alerts_service, request, agency="eeb-340000")).episodes == []


@pytest.mark.parametrize(
    ("request_fields", "field", "reason"),
    [
        ({"unit": LINGBI_UNIT, "end_time": _stamp(START)}, "start_time", "TIME_RANGE_INVALID"),
        ({"unit": LINGBI_UNIT, "start_time": _stamp(START)}, "end_time", "TIME_RANGE_INVALID"),
        (
            {"unit": LINGBI_UNIT, "start_time": _stamp(START), "end_time": _stamp(START)},
            "end_time",
            "TIME_RANGE_INVALID",
        ),
        (
            {"unit": LINGBI_UNIT, "start_time": _stamp(START), "end_time": _stamp(START + timedelta(days=32))},
            "end_time",
            "TIME_RANGE_TOO_LONG",
        ),
        ({"start_time": _stamp(START), "end_time": _stamp(START + timedelta(days=1))}, "unit", "RESCAN_TARGET_INVALID"),
        (
            {
                "unit": LINGBI_UNIT,
                "device": f"devices/{LINGBI_MN}",
                "start_time": _stamp(START),
                "end_time": _stamp(START + timedelta(days=1)),
            },
            "unit",
            "RESCAN_TARGET_INVALID",
        ),
        (
            {"device": "88888880000001", "start_time": _stamp(START), "end_time": _stamp(START + timedelta(days=1))},
            "device",
            "INVALID_ARGUMENT",
        ),
    ],
)
async def test_a_bad_rescan_request_is_invalid_argument_naming_the_field(
    alert_stub, alerts_service, request_fields, field, reason
):
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await rescan(alert_stub, alerts_service, alerts_pb.RescanRangeRequest(**request_fields))
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.fields, failure.reason) == (grpc.StatusCode.INVALID_ARGUMENT, [field], reason)
