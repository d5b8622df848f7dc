"""Derived means and exceedance grades: the roll-up on stored data, GradingService through a real server and
channel, and the roll-up task through a real Celery worker, on both databases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import (
    alert_service_pb2,
    monitoring_pb2,
    monitoring_service_pb2,
)
from ecolink.alerts.v1 import grading_service_pb2 as pb
from ecolink_alerts.domain.hj212 import Packet, parse_packet
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME, day_start
from ecolink_alerts.domain.rollup import DEFAULT_ROLLUP, RollupPolicy
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.rollup import GRADE_CHANGED_EVENT, RollupOutcome, roll_up
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.worker.tasks import ROLL_UP_MEANS_AND_GRADES
from ecolink_common.celery_app import make_celery
from ecolink_common.db import database_sessions
from ecolink_common.testing.rpc import rpc_failure
from ecolink_common.testing.worker import running_worker, task_result

LINGBI_MN = "88888880000001"
LINGBI_BUREAU, JIAN_BUREAU = "eeb-341323", "eeb-360800"
LINGBI = "units/lingbi-jiancai"
SO2 = "a21026"
DAY = date(2026, 11, 20)
ABOVE_LIMIT = 50.0
"""Lingbi's SO2 limit is 35 mg/m3 (data/registry/demo-registry.json)."""


def stamp(moment: datetime) -> Timestamp:
    value = Timestamp()
    value.FromDatetime(moment)
    return value


def record(kind: int, at: datetime, so2: float) -> monitoring_pb2.MonitoringRecord:
    value = monitoring_pb2.FactorValue(factor_code=SO2, value=so2, flag="N")
    return monitoring_pb2.MonitoringRecord(mn=LINGBI_MN, data_kind=kind, data_time=stamp(at), values=[value])


async def ingest(monitoring_stub, alerts_service, records: Sequence[monitoring_pb2.MonitoringRecord]) -> None:
    batches = [records[start : start + 500] for start in range(0, len(records), 500)]
    requests = [monitoring_service_pb2.IngestMonitoringDataRequest(records=batch) for batch in batches]
    outcome = await monitoring_stub.IngestMonitoringData(
        iter(requests), metadata=alerts_service.metadata(LINGBI_BUREAU)
    )
    assert (outcome.accepted, list(outcome.refusals)) == (len(records), [])


async def exceedance_days(monitoring_stub, alerts_service, days: Sequence[date]) -> None:
    """Device-sent daily means (CN 2031) above the limit on these local days."""
    await ingest(
        monitoring_stub,
        alerts_service,
        [record(monitoring_pb2.DATA_KIND_DAILY, day_start(d), ABOVE_LIMIT) for d in days],
    )


async def roll_up_at(database_url: str, now: datetime, policy: RollupPolicy = DEFAULT_ROLLUP) -> RollupOutcome:
    async with database_sessions(database_url) as sessions:
        return await roll_up(lambda: AlertsUnitOfWork(sessions), now=now, policy=policy, thresholds=RuleThresholds())


async def grade_events(database_url: str) -> list[dict]:
    async with database_sessions(database_url) as sessions, AlertsUnitOfWork(sessions) as uow:
        stored = await uow.outbox.all_events()
    assert all(s.event.topic == GRADE_CHANGED_EVENT and s.published_at is None for s in stored)
    return [s.event.payload for s in stored if s.event.payload["factor_code"] == SO2]


async def lingbi_so2_grade(grading_stub, alerts_service, agency: str = LINGBI_BUREAU) -> list[pb.ExceedanceGrade]:
    request = pb.ListExceedanceGradesRequest(unit=LINGBI)
    response = await grading_stub.ListExceedanceGrades(request, metadata=alerts_service.metadata(agency))
    return [grade for grade in response.exceedance_grades if grade.factor_code == SO2]


def local_noon(day: date) -> datetime:
    return day_start(day) + timedelta(hours=12)


async def test_a_device_sending_only_minute_data_gets_hourly_and_daily_means_with_their_validity(
    monitoring_stub, grading_stub, alerts_service, database_url
):
    start = day_start(DAY)
    minutes = [
        record(monitoring_pb2.DATA_KIND_MINUTE, start + timedelta(hours=hour, minutes=minute), 10.0 + hour)
        for hour in range(20)
        for minute in range(60)
    ]
    # ANOMALY_RULES §A R2: 30 valid minutes are short of the 45 an hour needs.
    minutes += [
        record(monitoring_pb2.DATA_KIND_MINUTE, start + timedelta(hours=20, minutes=m), 40.0) for m in range(30)
    ]
    device_hour = record(monitoring_pb2.DATA_KIND_HOURLY, start + timedelta(hours=5), 50.0)
    await ingest(monitoring_stub, alerts_service, [*minutes, device_hour])
    now = day_start(DAY + timedelta(days=1)) + timedelta(hours=1)
    policy = replace(DEFAULT_ROLLUP, hour_lookback=timedelta(hours=48))

    first = await roll_up_at(database_url, now, policy)
    again = await roll_up_at(database_url, now, policy)
    assert (first.means_changed, again.means_changed, again.grade_changes) == (21, 0, 0)

    metadata = alerts_service.metadata(LINGBI_BUREAU)
    hourly: list[pb.DerivedMean] = []
    request = pb.ListDerivedMeansRequest(
        device=f"devices/{LINGBI_MN}", data_kind=monitoring_pb2.DATA_KIND_HOURLY, page_size=7
    )
    while True:
        page = await grading_stub.ListDerivedMeans(request, metadata=metadata)
        hourly.extend(page.derived_means)
        if not page.next_page_token:
            break
        request.page_token = page.next_page_token
    by_hour = {(m.period_start.ToDatetime(tzinfo=UTC) - start) // timedelta(hours=1): m for m in hourly}
    assert sorted(by_hour) == [h for h in range(21) if h != 5], "the device's own hour 5 is never derived"
    assert (by_hour[0].value, by_hour[0].valid, by_hour[0].flag, by_hour[0].valid_count) == (10.0, True, "N", 60)
    short = by_hour[20]
    assert (short.value, short.valid, short.flag, short.valid_count, short.required_count) == (40.0, False, "D", 30, 45)

    daily_request = pb.ListDerivedMeansRequest(device=f"devices/{LINGBI_MN}", data_kind=monitoring_pb2.DATA_KIND_DAILY)
    [day] = (await grading_stub.ListDerivedMeans(daily_request, metadata=metadata)).derived_means
    # R3: 20 valid hours (hour 5 the device's own 50.0) make a valid day; R4: 20 of 21 hours N → N.
    expected = (sum(10.0 + h for h in range(20) if h != 5) + 50.0) / 20
    assert day.period_start.ToDatetime(tzinfo=UTC) == start
    assert (day.value, day.valid, day.flag, day.valid_count, day.total_count) == (expected, True, "N", 20, 21)

    # Late minute values (a datalogger re-sending after an outage) complete hour 20: its hour and its day change.
    late = [
        record(monitoring_pb2.DATA_KIND_MINUTE, start + timedelta(hours=20, minutes=m), 40.0) for m in range(30, 45)
    ]
    await ingest(monitoring_stub, alerts_service, late)
    assert (await roll_up_at(database_url, now + timedelta(minutes=5), policy)).means_changed == 2
    hour_20 = pb.ListDerivedMeansRequest(
        device=f"devices/{LINGBI_MN}",
        start_time=stamp(start + timedelta(hours=20)),
        end_time=stamp(start + timedelta(hours=21)),
    )
    [completed] = (await grading_stub.ListDerivedMeans(hour_20, metadata=metadata)).derived_means
    assert (completed.valid, completed.flag, completed.valid_count) == (True, "N", 45)

    with pytest.raises(grpc.aio.AioRpcError) as hidden:
        await grading_stub.ListDerivedMeans(hour_20, metadata=alerts_service.metadata(JIAN_BUREAU))
    assert rpc_failure(hidden.value).code == grpc.StatusCode.NOT_FOUND
    # A page token is bound to the caller it was issued to (AIP-158): another bureau cannot page on with it.
    with pytest.raises(grpc.aio.AioRpcError) as foreign:
        await grading_stub.ListDerivedMeans(request, metadata=alerts_service.metadata(JIAN_BUREAU))
    assert rpc_failure(foreign.value).reason == "PAGE_TOKEN_INVALID"


async def test_three_exceedance_days_are_yellow_ten_red_and_the_grade_is_recomputed_as_days_leave_the_window(
    monitoring_stub, grading_stub, alerts_service, database_url
):
    await exceedance_days(monitoring_stub, alerts_service, [date(2026, 11, d) for d in (1, 2, 3)])
    yellow = await roll_up_at(database_url, local_noon(date(2026, 11, 5)))
    unchanged = await roll_up_at(database_url, local_noon(date(2026, 11, 5)))
    [grade] = await lingbi_so2_grade(grading_stub, alerts_service)
    assert (yellow.grade_changes, unchanged.grade_changes) == (1, 0)
    assert (grade.grade, grade.as_of_date, list(grade.exceedance_dates)) == (
        pb.GRADE_YELLOW,
        "2026-11-05",
        ["2026-11-01", "2026-11-02", "2026-11-03"],
    )
    events = await grade_events(database_url)
    assert [(e["previous_grade"], e["grade"], e["as_of_date"]) for e in events] == [("none", "yellow", "2026-11-05")]

    await exceedance_days(monitoring_stub, alerts_service, [date(2026, 11, d) for d in range(4, 11)])
    await roll_up_at(database_url, local_noon(date(2026, 11, 11)))
    [grade] = await lingbi_so2_grade(grading_stub, alerts_service)
    assert (grade.grade, len(grade.exceedance_dates)) == (pb.GRADE_RED, 10)

    await roll_up_at(database_url, local_noon(date(2026, 12, 1)))
    [grade] = await lingbi_so2_grade(grading_stub, alerts_service)
    assert (grade.grade, grade.exceedance_dates[0]) == (pb.GRADE_ORANGE, "2026-11-02")
    await roll_up_at(database_url, local_noon(date(2026, 12, 10)))
    [grade] = await lingbi_so2_grade(grading_stub, alerts_service)
    assert (grade.grade, list(grade.exceedance_dates)) == (pb.GRADE_NONE, [])

    changes = [(e["grade"], e["as_of_date"]) for e in await grade_events(database_url)]
    assert changes == [
        ("yellow", "2026-11-05"),
        ("orange", "2026-11-07"),
        ("red", "2026-11-10"),
        ("orange", "2026-12-01"),
        ("yellow", "2026-12-04"),
        ("blue", "2026-12-08"),
        ("none", "2026-12-10"),
    ]
    assert await lingbi_so2_grade(grading_stub, alerts_service, agency=JIAN_BUREAU) == []
    red_only = pb.ListExceedanceGradesRequest(grade=pb.GRADE_RED)
    assert not (
        await grading_stub.ListExceedanceGrades(red_only, metadata=alerts_service.metadata(LINGBI_BUREAU))
    ).exceedance_grades


async def test_beat_rolls_up_means_and_grades_through_a_real_worker(
    monitoring_stub, grading_stub, alerts_service, database_url
):
    await exceedance_days(monitoring_stub, alerts_service, [date(2026, 11, d) for d in (1, 2, 3)])
    env = {"ECOLINK_VAR_DIR": str(alerts_service.platform.var_dir), "ALERTS_DATABASE_URL": database_url}
    env |= {"ECOLINK_CELERY_BROKER_URL": "", "ECOLINK_CELERY_RESULT_BACKEND": ""}
    client = make_celery("ecolink-test-client", alerts_service.platform, include=[])
    now = local_noon(date(2026, 11, 5)).isoformat()
    with running_worker(env, queue="alerts-rollup"):
        first = await task_result(client, ROLL_UP_MEANS_AND_GRADES, queue="alerts-rollup", timeout=60, now=now)
        again = await task_result(client, ROLL_UP_MEANS_AND_GRADES, queue="alerts-rollup", timeout=60, now=now)
    assert (first["grade_changes"], again["grade_changes"], again["means_changed"]) == (1, 0, 0)
    [grade] = await lingbi_so2_grade(grading_stub, alerts_service)
    assert grade.grade == pb.GRADE_YELLOW


async def test_a_day_of_device_sent_hours_above_the_limit_becomes_an_exceedance_day_and_a_blue_grade(
    monitoring_stub, grading_stub, alerts_service, database_url
):
    start = day_start(DAY)
    hours = [record(monitoring_pb2.DATA_KIND_HOURLY, start + timedelta(hours=h), ABOVE_LIMIT) for h in range(24)]
    await ingest(monitoring_stub, alerts_service, hours)
    outcome = await roll_up_at(database_url, day_start(DAY + timedelta(days=1)) + timedelta(hours=1))
    assert outcome.grade_changes == 1
    request = pb.ListDerivedMeansRequest(device=f"devices/{LINGBI_MN}")
    means = (
        await grading_stub.ListDerivedMeans(request, metadata=alerts_service.metadata(LINGBI_BUREAU))
    ).derived_means
    assert [(m.data_kind, m.value, m.valid, m.valid_count) for m in means] == [
        (monitoring_pb2.DATA_KIND_DAILY, ABOVE_LIMIT, True, 24)
    ], "the device's own hours are never derived; its day is"
    [grade] = await lingbi_so2_grade(grading_stub, alerts_service)
    assert (grade.grade, list(grade.exceedance_dates)) == (pb.GRADE_BLUE, [DAY.isoformat()])


async def test_hours_computed_from_minute_data_are_judged_by_the_hourly_rules_as_a_rescan_judges_them(
    monitoring_stub, alert_stub, alerts_service, database_url
):
    start = day_start(DAY)
    # ANOMALY_RULES E1 on hour values computed from minute data: hours 3 and 4 average 50 against a limit of 35.
    minutes = [
        record(monitoring_pb2.DATA_KIND_MINUTE, start + timedelta(hours=hour, minutes=minute), so2)
        for hour, so2 in enumerate([20.0, 21.0, 22.0, ABOVE_LIMIT, ABOVE_LIMIT])
        for minute in range(60)
    ]
    await ingest(monitoring_stub, alerts_service, minutes)
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    e1 = alert_service_pb2.ListAlertsRequest(unit=LINGBI, rule="E1")
    assert list((await alert_stub.ListAlerts(e1, metadata=metadata)).alerts) == [], "minute values alone: no E1"

    policy = replace(DEFAULT_ROLLUP, hour_lookback=timedelta(hours=12))
    await roll_up_at(database_url, start + timedelta(hours=6), policy)
    again = await roll_up_at(database_url, start + timedelta(hours=6), policy)
    assert again.means_changed == 0

    [alert] = (await alert_stub.ListAlerts(e1, metadata=metadata)).alerts
    assert (alert.data_kind, alert.factor_code, alert.start_time.ToDatetime(tzinfo=UTC)) == (
        monitoring_pb2.DATA_KIND_HOURLY,
        SO2,
        start + timedelta(hours=3),
    )
    got = await alert_stub.GetAlert(alert_service_pb2.GetAlertRequest(name=alert.name), metadata=metadata)
    assert [point.reading.value for point in got.alert.evidence] == [ABOVE_LIMIT], "hour 3's computed mean"

    rescan = alert_service_pb2.RescanRangeRequest(
        unit=LINGBI, start_time=stamp(start), end_time=stamp(start + timedelta(days=1))
    )
    episodes = (await alert_stub.RescanRange(rescan, metadata=metadata)).episodes
    assert [(e.rule, e.matching_alert) for e in episodes if e.factor_code == SO2] == [("E1", alert.name)]


async def test_a_device_sending_its_own_hours_keeps_its_derived_hours_out_of_the_rules(
    monitoring_stub, alert_stub, grading_stub, alerts_service, database_url
):
    start = day_start(DAY)
    # Hour 0 is the device's own (2061); hours 1 and 2 came only as minute values, above the limit, while the
    # device's hourly packets for them are, as in a replay, still on the way.
    own_hour = record(monitoring_pb2.DATA_KIND_HOURLY, start, 20.0)
    minutes = [
        record(monitoring_pb2.DATA_KIND_MINUTE, start + timedelta(hours=hour, minutes=minute), ABOVE_LIMIT)
        for hour in (1, 2)
        for minute in range(60)
    ]
    await ingest(monitoring_stub, alerts_service, [own_hour, *minutes])
    await roll_up_at(
        database_url, start + timedelta(hours=4), replace(DEFAULT_ROLLUP, hour_lookback=timedelta(hours=6))
    )

    metadata = alerts_service.metadata(LINGBI_BUREAU)
    request = pb.ListDerivedMeansRequest(device=f"devices/{LINGBI_MN}", data_kind=monitoring_pb2.DATA_KIND_HOURLY)
    derived = (await grading_stub.ListDerivedMeans(request, metadata=metadata)).derived_means
    assert [(m.period_start.ToDatetime(tzinfo=UTC), m.value) for m in derived if m.factor_code == SO2] == [
        (start + timedelta(hours=1), ABOVE_LIMIT),
        (start + timedelta(hours=2), ABOVE_LIMIT),
    ], "derived for the daily means"
    e1 = alert_service_pb2.ListAlertsRequest(unit=LINGBI, rule="E1")
    assert list((await alert_stub.ListAlerts(e1, metadata=metadata)).alerts) == [], "not judged"
    rescan = alert_service_pb2.RescanRangeRequest(
        unit=LINGBI, start_time=stamp(start), end_time=stamp(start + timedelta(days=1))
    )
    assert [e.rule for e in (await alert_stub.RescanRange(rescan, metadata=metadata)).episodes] == []


BACKFILL_START = date(2026, 9, 1)
BACKFILL_DAYS = [BACKFILL_START + timedelta(days=offset) for offset in range(40)]
BACKFILL_EXCEEDED = {BACKFILL_DAYS[3], BACKFILL_DAYS[6], BACKFILL_DAYS[30], BACKFILL_DAYS[35]}
"""Four days of the forty above the limit: two more than 30 days before the roll-up, two inside its window."""


def backfill_so2(day: date, hour: int) -> float:
    """Below the limit (35) and varying, except on the exceedance days."""
    return ABOVE_LIMIT + hour % 3 if day in BACKFILL_EXCEEDED else 12.0 + hour % 5


async def listed_daily_means(grading_stub, alerts_service) -> list[pb.DerivedMean]:
    request = pb.ListDerivedMeansRequest(
        device=f"devices/{LINGBI_MN}", data_kind=monitoring_pb2.DATA_KIND_DAILY, page_size=100
    )
    page = await grading_stub.ListDerivedMeans(request, metadata=alerts_service.metadata(LINGBI_BUREAU))
    assert not page.next_page_token
    return list(page.derived_means)


async def test_forty_days_of_history_forwarded_at_once_get_every_daily_mean_and_the_grade_they_imply(
    monitoring_stub, grading_stub, alerts_service, database_url
):
    # A province forwards forty days of hourly values after an outage, in one stream, before any roll-up.
    history = [
        record(monitoring_pb2.DATA_KIND_HOURLY, day_start(day) + timedelta(hours=hour), backfill_so2(day, hour))
        for day in BACKFILL_DAYS
        for hour in range(24)
    ]
    await ingest(monitoring_stub, alerts_service, history)
    today = BACKFILL_DAYS[-1] + timedelta(days=1)
    outcome = await roll_up_at(database_url, day_start(today) + timedelta(hours=1))
    assert (outcome.days_recomputed, outcome.means_changed, outcome.grade_changes) == (40, 40, 1)

    means = await listed_daily_means(grading_stub, alerts_service)
    assert [m.period_start.ToDatetime(tzinfo=UTC) for m in means] == [day_start(day) for day in BACKFILL_DAYS]
    assert all(m.valid and m.valid_count == 24 for m in means)
    exceeded = {day for day, mean in zip(BACKFILL_DAYS, means, strict=True) if mean.value > 35.0}
    assert exceeded == BACKFILL_EXCEEDED
    # DOMAIN §2.3: the window ending today holds the last two exceedance days only: blue.
    [grade] = await lingbi_so2_grade(grading_stub, alerts_service)
    assert (grade.grade, grade.as_of_date, list(grade.exceedance_dates)) == (
        pb.GRADE_BLUE,
        today.isoformat(),
        [BACKFILL_DAYS[30].isoformat(), BACKFILL_DAYS[35].isoformat()],
    )


def upload(at: datetime, so2: float, cn: str = "2061") -> Packet:
    """The Lingbi device's hourly (CN 2061) or minute (2051) upload for the period starting `at` (DataTime in
    Beijing time)."""
    local = at.astimezone(CHINA_STANDARD_TIME).strftime("%Y%m%d%H%M%S")
    return parse_packet(
        f"QN={local}000;ST=22;CN={cn};PW=123456;MN={LINGBI_MN};Flag=4;"
        f"CP=&&DataTime={local};a21026-Avg={so2},a21026-Flag=N&&"
    )


async def test_a_second_roll_up_without_new_data_recomputes_nothing_and_a_late_day_alone_is_recomputed(
    grading_stub, alerts_service, gateway_ports, database_url
):
    directory, sink = gateway_ports
    device = await directory.device(LINGBI_MN)
    assert device is not None
    now = day_start(BACKFILL_DAYS[-1] + timedelta(days=1)) + timedelta(hours=1)
    # The gateway receives a month-old day and the last day of hourly uploads an hour before the roll-up.
    for day in (BACKFILL_DAYS[5], BACKFILL_DAYS[-1]):
        for hour in range(24):
            packet = upload(day_start(day) + timedelta(hours=hour), 12.0 + hour % 5)
            await sink.accept(packet, device, received_at=now - timedelta(hours=1), faults=())
    first = await roll_up_at(database_url, now)
    again = await roll_up_at(database_url, now + timedelta(minutes=5))
    assert (first.days_recomputed, first.means_changed) == (2, 2)
    assert (again.hours_recomputed, again.days_recomputed, again.means_changed) == (0, 0, 0)

    # One late hour of a day three weeks back: that day alone is recomputed.
    late_day = BACKFILL_DAYS[20]
    late = upload(day_start(late_day) + timedelta(hours=3), 30.0)
    await sink.accept(late, device, received_at=now + timedelta(minutes=7), faults=())
    later = await roll_up_at(database_url, now + timedelta(minutes=10))
    assert (later.days_recomputed, later.means_changed) == (1, 1)
    means = await listed_daily_means(grading_stub, alerts_service)
    assert [(m.period_start.ToDatetime(tzinfo=UTC), m.valid, m.valid_count) for m in means] == [
        (day_start(BACKFILL_DAYS[5]), True, 24),
        (day_start(late_day), False, 1),
        (day_start(BACKFILL_DAYS[-1]), True, 24),
    ]


async def test_a_day_of_minute_values_forwarded_a_month_late_gets_its_hourly_and_daily_means(
    grading_stub, alerts_service, gateway_ports, database_url
):
    directory, sink = gateway_ports
    device = await directory.device(LINGBI_MN)
    assert device is not None
    now = day_start(BACKFILL_DAYS[-1] + timedelta(days=1)) + timedelta(minutes=30)
    await roll_up_at(database_url, now)
    # Ten-minute values (CN 2051) of a day a month back, received after that roll-up: beyond the 24 h hour lookback.
    late_day = BACKFILL_DAYS[9]
    for slot in range(24 * 6):
        at = day_start(late_day) + slot * timedelta(minutes=10)
        await sink.accept(
            upload(at, 20.0 + slot % 4, cn="2051"), device, received_at=now + timedelta(minutes=5), faults=()
        )
    outcome = await roll_up_at(database_url, now + timedelta(minutes=15))
    assert (outcome.hours_recomputed, outcome.days_recomputed, outcome.means_changed) == (24, 1, 25)

    request = pb.ListDerivedMeansRequest(device=f"devices/{LINGBI_MN}", page_size=100)
    page = await grading_stub.ListDerivedMeans(request, metadata=alerts_service.metadata(LINGBI_BUREAU))
    kinds = [(m.data_kind, m.valid) for m in page.derived_means]
    assert kinds.count((monitoring_pb2.DATA_KIND_HOURLY, True)) == 24
    [day] = [m for m in page.derived_means if m.data_kind == monitoring_pb2.DATA_KIND_DAILY]
    assert (day.period_start.ToDatetime(tzinfo=UTC), day.valid, day.valid_count) == (day_start(late_day), True, 24)
