"""MonitoringService and AlertService through a real server and channel, and the gateway sink, on both databases."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import Table, func, select

from ecolink.alerts.v1 import alert_pb2, monitoring_pb2
from ecolink.alerts.v1 import alert_service_pb2 as alerts_pb
from ecolink.alerts.v1 import monitoring_service_pb2 as pb
from ecolink_alerts.adapters.gateway_ports import RegistryDeviceDirectory
from ecolink_alerts.adapters.tables import monitoring_value_table, rule_state_table, value_conflict_table
from ecolink_alerts.domain.hj212 import Packet, parse_packet
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.rule_clock import tick_rule_engines
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.testing import service_passwords
from ecolink_alerts.worker.tasks import TICK_RULE_ENGINES
from ecolink_common.celery_app import make_celery
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.rpc import rpc_failure
from ecolink_common.testing.worker import running_worker, task_result

LINGBI_MN = "88888880000001"
LINGBI_BUREAU = "eeb-341323"
SO2, FLOW, OXYGEN = "a21026", "a00000", "a19001"
START = datetime(2026, 11, 20, 0, tzinfo=UTC)


def records_of(
    kind: int, step: timedelta, so2: Sequence[tuple[float, str]], mn: str = LINGBI_MN, start: datetime = START
) -> list[monitoring_pb2.MonitoringRecord]:
    """One record every `step` per SO2 value and flag, with a running process's flow beside it."""
    records = []
    for index, (value, flag) in enumerate(so2):
        data_time = Timestamp()
        data_time.FromDatetime(start + index * step)
        records.append(
            monitoring_pb2.MonitoringRecord(
                mn=mn,
                data_kind=kind,
                data_time=data_time,
                values=[
                    monitoring_pb2.FactorValue(factor_code=SO2, value=value, flag=flag),
                    monitoring_pb2.FactorValue(factor_code=FLOW, value=300000.0 + 1000 * (index % 5), flag="N"),
                ],
            )
        )
    return records


def hourly(so2: Sequence[float], mn: str = LINGBI_MN, start: datetime = START) -> list[monitoring_pb2.MonitoringRecord]:
    """One hourly record per SO2 value flagged N."""
    return records_of(monitoring_pb2.DATA_KIND_HOURLY, timedelta(hours=1), [(value, "N") for value in so2], mn, start)


def minutes(count: int, *, manual_at: int | None = None) -> list[monitoring_pb2.MonitoringRecord]:
    """Minute records from START; the one at `manual_at` carries a manually set SO2 value (flag S)."""
    so2 = [(20.0 + minute % 7, "S" if minute == manual_at else "N") for minute in range(count)]
    return records_of(monitoring_pb2.DATA_KIND_MINUTE, timedelta(minutes=1), so2)


async def ingest(
    monitoring_stub, alerts_service, *batches: list[monitoring_pb2.MonitoringRecord], agency: str = LINGBI_BUREAU
) -> pb.IngestMonitoringDataResponse:
    requests = [pb.IngestMonitoringDataRequest(records=batch) for batch in batches]
    return await monitoring_stub.IngestMonitoringData(iter(requests), metadata=alerts_service.metadata(agency))


async def alerts_of(alert_stub, alerts_service, rule: str, agency: str = LINGBI_BUREAU) -> list:
    request = alerts_pb.ListAlertsRequest(unit="units/lingbi-jiancai", rule=rule)
    return list((await alert_stub.ListAlerts(request, metadata=alerts_service.metadata(agency))).alerts)


async def test_lingbi_hourly_values_are_accepted_and_the_same_batch_twice_is_stored_once(
    monitoring_stub, alerts_service
):
    first = await ingest(monitoring_stub, alerts_service, hourly([12.0, 13.5, 12.8, 14.1]))
    assert (first.accepted, first.duplicates, first.conflicts, list(first.refusals)) == (4, 0, 0, [])
    again = await ingest(monitoring_stub, alerts_service, hourly([12.0, 13.5, 12.8, 14.1]))
    assert (again.accepted, again.duplicates, again.conflicts) == (0, 4, 0)


async def test_records_hours_apart_in_one_batch_are_each_found_stored_when_resent(monitoring_stub, alerts_service):
    batch = hourly([12.0, 13.5]) + hourly([12.8], start=START + timedelta(hours=9))
    first = await ingest(monitoring_stub, alerts_service, batch)
    assert (first.accepted, first.duplicates) == (3, 0)
    again = await ingest(monitoring_stub, alerts_service, batch + hourly([9.9], start=START + timedelta(days=3)))
    assert (again.accepted, again.duplicates, again.conflicts) == (1, 3, 0)


async def test_the_same_record_with_other_values_is_a_conflict_raised_once_as_c12(
    monitoring_stub, alert_stub, alerts_service
):
    await ingest(monitoring_stub, alerts_service, hourly([12.0, 13.5]))
    changed = await ingest(monitoring_stub, alerts_service, hourly([12.0, 9.5]))
    assert (changed.accepted, changed.duplicates, changed.conflicts) == (0, 1, 1)
    resent = await ingest(monitoring_stub, alerts_service, hourly([12.0, 9.5]))
    assert (resent.duplicates, resent.conflicts) == (2, 0)
    conflicts = await alerts_of(alert_stub, alerts_service, "C12")
    assert [(a.rule, a.factor_code, a.state) for a in conflicts] == [
        ("C12.conflicting_values", SO2, alert_pb2.ALERT_STATE_CLOSED)
    ]


async def test_three_zero_hours_while_running_raise_one_c2_alert_seen_only_in_its_region(
    monitoring_stub, alert_stub, alerts_service, database_url
):
    outcome = await ingest(
        monitoring_stub,
        alerts_service,
        hourly([12.0, 0.0, 0.0]),
        hourly([0.0, 0.0, 13.0, 12.5], start=START + timedelta(hours=3)),
    )
    assert outcome.accepted == 7
    zero = await alerts_of(alert_stub, alerts_service, "C2")
    assert len(zero) == 1
    assert (zero[0].factor_code, zero[0].device, zero[0].region_code) == (SO2, f"devices/{LINGBI_MN}", "341323")
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    alert = (await alert_stub.GetAlert(alerts_pb.GetAlertRequest(name=zero[0].name), metadata=metadata)).alert
    assert [point.reading.value for point in alert.evidence] == [0.0] * 4
    assert await alerts_of(alert_stub, alerts_service, "C2", agency="eeb-360800") == []
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await alert_stub.GetAlert(
            alerts_pb.GetAlertRequest(name=zero[0].name), metadata=alerts_service.metadata("eeb-360800")
        )
    assert rpc_failure(raised.value).code == grpc.StatusCode.NOT_FOUND
    hidden = [
        (row["action"], row["resource"])
        for row in await audit_rows(database_url)
        if row["actor_agency_id"] == "eeb-360800" and row["outcome"] == "NOT_FOUND"
    ]
    assert hidden == [("GetAlert", zero[0].name)]


def hourly_process(so2: Sequence[float], flow: Sequence[float], oxygen: Sequence[float]) -> list:
    """One hourly record per hour with SO2, flow and O2, all flagged N."""
    records = []
    for index, values in enumerate(zip(so2, flow, oxygen, strict=True)):
        data_time = Timestamp()
        data_time.FromDatetime(START + timedelta(hours=index))
        factors = [
            monitoring_pb2.FactorValue(factor_code=code, value=value, flag="N")
            for code, value in zip((SO2, FLOW, OXYGEN), values, strict=True)
        ]
        records.append(
            monitoring_pb2.MonitoringRecord(
                mn=LINGBI_MN, data_kind=monitoring_pb2.DATA_KIND_HOURLY, data_time=data_time, values=factors
            )
        )
    return records


async def test_a_sudden_drop_while_flow_and_o2_rise_is_a_c4_alert_whose_evidence_shows_the_rises(
    monitoring_stub, alert_stub, alerts_service
):
    # ANOMALY_RULES §C4 (revised): SO2 falls to a third of its level while flow rises by 30 % and O2 by 22 %, the
    # dilution signature; the rises are recorded beside each hour of the drop.
    so2 = [30.0, 31.0, 29.5, 30.5, 30.0, 31.0, 10.0, 10.5, 9.8, 10.2, 30.0]
    flow = [300000.0 + 1000 * (hour % 3) for hour in range(6)] + [391300.0] * 4 + [300000.0]
    oxygen = [9.0 + 0.1 * (hour % 2) for hour in range(6)] + [11.0] * 4 + [9.0]
    assert (await ingest(monitoring_stub, alerts_service, hourly_process(so2, flow, oxygen))).accepted == 11
    [drop] = await alerts_of(alert_stub, alerts_service, "C4")
    request = alerts_pb.GetAlertRequest(name=drop.name)
    alert = (await alert_stub.GetAlert(request, metadata=alerts_service.metadata(LINGBI_BUREAU))).alert
    assert (alert.factor_code, alert.start_time.ToDatetime(tzinfo=UTC)) == (SO2, START + timedelta(hours=6))
    rises = [point.companion_rise for point in alert.evidence if point.HasField("companion_rise")]
    seen = [(rise.factor_code, rise.data_time.ToDatetime(tzinfo=UTC), rise.baseline, rise.value) for rise in rises]
    assert seen == [
        (factor, START + timedelta(hours=hour), baseline, value)
        for hour in range(6, 10)
        for factor, baseline, value in ((FLOW, 301000.0, 391300.0), (OXYGEN, 9.05, 11.0))
    ]
    assert [round(rise.relative_change, 3) for rise in rises[:2]] == [0.3, 0.215]
    readings = [point.reading.value for point in alert.evidence if point.HasField("reading")]
    assert readings == [10.0, 10.5, 9.8, 10.2]


async def test_an_unknown_mn_is_refused_per_record(monitoring_stub, alerts_service):
    unknown = await ingest(monitoring_stub, alerts_service, hourly([12.0]) + hourly([5.0], mn="99999990000009"))
    assert unknown.accepted == 1
    assert [(r.index, r.mn, r.reason) for r in unknown.refusals] == [(1, "99999990000009", "UNKNOWN_MN")]


async def test_a_device_outside_the_callers_reach_reads_as_an_unknown_mn_and_only_the_audit_knows(
    monitoring_stub, alerts_service, database_url
):
    batch = hourly([12.0]) + hourly([5.0], mn="99999990000009")
    for agency in ("eeb-360800", "psb-341300", "ent-360823-chem"):
        outcome = await ingest(monitoring_stub, alerts_service, batch, agency=agency)
        assert outcome.accepted == 0
        assert [(r.index, r.mn, r.reason) for r in outcome.refusals] == [
            (0, LINGBI_MN, "UNKNOWN_MN"),
            (1, "99999990000009", "UNKNOWN_MN"),
        ], agency
    audited = [
        (row["actor_agency_id"], row["action"], row["resource"], row["outcome"], row["reason"])
        for row in await audit_rows(database_url)
        if row["action"] == "IngestMonitoringData"
    ]
    assert audited == [
        (agency, "IngestMonitoringData", f"devices/{LINGBI_MN}", "NOT_FOUND", "OUTSIDE_JURISDICTION")
        for agency in ("eeb-360800", "psb-341300", "ent-360823-chem")
    ]


async def test_the_units_own_enterprise_sees_its_device_but_may_not_forward_its_data(
    monitoring_stub, alerts_service, database_url
):
    outcome = await ingest(monitoring_stub, alerts_service, hourly([12.0, 13.0]), agency="ent-341323-jiancai")
    assert [(r.index, r.reason) for r in outcome.refusals] == [
        (0, "FORWARDING_NOT_PERMITTED"),
        (1, "FORWARDING_NOT_PERMITTED"),
    ]
    denied = [
        (row["action"], row["resource"], row["outcome"], row["reason"])
        for row in await audit_rows(database_url)
        if row["actor_agency_id"] == "ent-341323-jiancai"
    ]
    assert denied == [("IngestMonitoringData", f"devices/{LINGBI_MN}", "PERMISSION_DENIED", "FORWARDING_NOT_PERMITTED")]


async def test_a_long_minute_stream_is_stored_once_and_its_one_manual_value_raises_one_c11_alert(
    monitoring_stub, alert_stub, alerts_service, database_url
):
    records = minutes(1200, manual_at=700)
    batches = [records[start : start + 50] for start in range(0, len(records), 50)]
    first = await ingest(monitoring_stub, alerts_service, *batches)
    assert (first.accepted, first.duplicates, first.conflicts, list(first.refusals)) == (1200, 0, 0, [])
    assert await row_count(database_url, monitoring_value_table) == 2400
    manual = await alerts_of(alert_stub, alerts_service, "C11.manual_value")
    assert [(a.factor_code, a.state) for a in manual] == [(SO2, alert_pb2.ALERT_STATE_CLOSED)]
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    alert = (await alert_stub.GetAlert(alerts_pb.GetAlertRequest(name=manual[0].name), metadata=metadata)).alert
    assert [point.reading.data_time.ToDatetime(tzinfo=UTC) for point in alert.evidence] == [
        START + timedelta(minutes=700)
    ]
    again = await ingest(monitoring_stub, alerts_service, *batches)
    assert (again.accepted, again.duplicates, again.conflicts) == (0, 1200, 0)
    assert await row_count(database_url, monitoring_value_table) == 2400
    assert len(await alerts_of(alert_stub, alerts_service, "C11")) == 1


async def test_a_stream_stops_at_a_record_without_data_time_after_storing_the_batches_before_it(
    monitoring_stub, alerts_service, database_url
):
    records = minutes(30)
    broken = monitoring_pb2.MonitoringRecord()
    broken.CopyFrom(records[22])
    broken.ClearField("data_time")
    batches = [records[:10], records[10:20], [*records[20:22], broken, *records[23:]]]
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await ingest(monitoring_stub, alerts_service, *batches)
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.reason, failure.fields) == (
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
        ["records[22].data_time"],
    )
    assert await row_count(database_url, monitoring_value_table) == 40


async def test_a_data_time_no_calendar_holds_is_invalid_argument_naming_it(
    monitoring_stub, alerts_service, database_url
):
    record = minutes(1)[0]
    record.data_time.seconds = 400_000_000_000
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await ingest(monitoring_stub, alerts_service, [record])
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.fields) == (grpc.StatusCode.INVALID_ARGUMENT, ["records[0].data_time"])
    assert await row_count(database_url, monitoring_value_table) == 0


def lingbi_packet(hour: int, so2: float = 12.5) -> Packet:
    """The Lingbi device's hourly upload for START + `hour` hours (DataTime is Beijing time, START + 8 h)."""
    local = f"20261120{8 + hour:02d}0000"
    return parse_packet(
        f"QN={local}000;ST=22;CN=2061;PW=123456;MN={LINGBI_MN};Flag=5;"
        f"CP=&&DataTime={local};a21026-Avg={so2},a21026-Flag=N;a00000-Avg=300000,a00000-Flag=N&&"
    )


async def test_the_gateway_sink_commits_a_parsed_packet_before_returning(
    monitoring_stub, alerts_service, gateway_ports
):
    directory, sink = gateway_ports
    device = await directory.device(LINGBI_MN)
    assert device is not None and service_passwords(alerts_service).matches("123456", device.password_digest)
    assert await directory.device("99999990000009") is None
    await sink.accept(lingbi_packet(0), device, received_at=START + timedelta(minutes=5), faults=())
    resent = await ingest(monitoring_stub, alerts_service, hourly([12.5]))
    assert (resent.accepted, resent.duplicates, resent.conflicts) == (0, 1, 0)


async def row_count(database_url: str, table: Table) -> int:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return int((await connection.execute(select(func.count()).select_from(table))).scalar_one())
    finally:
        await engine.dispose()


@pytest.mark.usefixtures("alerts_stubs")
async def test_a_changed_password_applies_once_the_remembered_site_is_older_than_its_max_age(
    alerts_service, database_url
):
    engine = create_engine(database_url)
    now = [0.0]
    memory = DeviceMemory(site_max_age=5.0, clock=lambda: now[0])
    directory = RegistryDeviceDirectory(lambda: AlertsUnitOfWork(create_session_factory(engine)), memory)
    try:
        passwords = service_passwords(alerts_service)
        old, new = passwords.digest("123456"), passwords.digest("654321")
        assert (await directory.device(LINGBI_MN)).password_digest == old  # type: ignore[union-attr]
        async with AlertsUnitOfWork(create_session_factory(engine)) as uow:
            device = await uow.registry.get_device(LINGBI_MN)
            assert device is not None
            await uow.registry.put_device(replace(device, access_password=new))
            await uow.commit()
        now[0] = 4.9
        assert (await directory.device(LINGBI_MN)).password_digest == old  # type: ignore[union-attr]
        now[0] = 5.0
        assert (await directory.device(LINGBI_MN)).password_digest == new  # type: ignore[union-attr]
    finally:
        await engine.dispose()


@pytest.mark.usefixtures("alerts_stubs")
async def test_packets_arriving_together_are_all_stored_each_once(gateway_ports, database_url):
    directory, sink = gateway_ports
    device = await directory.device(LINGBI_MN)
    assert device is not None
    arrived = [START + timedelta(hours=hour, minutes=5) for hour in range(6)]
    await asyncio.gather(
        *(sink.accept(lingbi_packet(hour), device, received_at=at, faults=()) for hour, at in enumerate(arrived))
    )
    await asyncio.gather(*(sink.accept(lingbi_packet(5), device, received_at=arrived[5], faults=()) for _ in range(3)))
    assert await row_count(database_url, monitoring_value_table) == 6 * 2
    assert await row_count(database_url, value_conflict_table) == 0


async def test_a_remembered_rule_state_gives_way_to_one_another_process_stored(
    alert_stub, alerts_service, gateway_ports, database_url
):
    """The gateway keeps each device's rule state in memory; after the rules clock (another process) finds the
    device offline, the next packet must close that C10 episode, which only the stored state knows of."""
    directory, sink = gateway_ports
    device = await directory.device(LINGBI_MN)
    assert device is not None
    await sink.accept(lingbi_packet(0), device, received_at=datetime.now(UTC) - timedelta(hours=4), faults=())
    await tick_at(database_url, datetime.now(UTC))
    [offline] = await alerts_of(alert_stub, alerts_service, "C10")
    assert offline.state == alert_pb2.ALERT_STATE_OPEN
    await sink.accept(lingbi_packet(1), device, received_at=datetime.now(UTC), faults=())
    [offline] = await alerts_of(alert_stub, alerts_service, "C10")
    assert offline.state == alert_pb2.ALERT_STATE_CLOSED


async def tick_at(database_url: str, now: datetime):
    engine = create_engine(database_url)
    try:
        sessions = create_session_factory(engine)
        return await tick_rule_engines(lambda: AlertsUnitOfWork(sessions), now=now, thresholds=RuleThresholds())
    finally:
        await engine.dispose()


async def stored_revision(database_url: str, mn: str) -> int:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            query = select(rule_state_table.c.revision).where(rule_state_table.c.mn == mn)
            return int((await connection.execute(query)).scalar_one())
    finally:
        await engine.dispose()


@pytest.mark.usefixtures("alerts_stubs")
async def test_a_tick_that_changes_nothing_keeps_the_stored_revision_so_the_gateway_copy_stays_valid(
    gateway_ports, database_url
):
    directory, sink = gateway_ports
    device = await directory.device(LINGBI_MN)
    assert device is not None
    received = datetime.now(UTC)
    await sink.accept(lingbi_packet(0), device, received_at=received, faults=())
    before = await stored_revision(database_url, LINGBI_MN)
    await tick_at(database_url, received + timedelta(seconds=30))
    assert await stored_revision(database_url, LINGBI_MN) == before
    await tick_at(database_url, received + timedelta(hours=3))
    assert await stored_revision(database_url, LINGBI_MN) == before + 1


async def test_the_rules_clock_finds_a_silent_device_offline_once(
    monitoring_stub, alert_stub, alerts_service, database_url
):
    await ingest(monitoring_stub, alerts_service, hourly([12.0, 13.5, 12.8]))
    later = datetime.now(UTC) + timedelta(hours=3)
    first = await tick_at(database_url, later)
    again = await tick_at(database_url, later)
    offline = await alerts_of(alert_stub, alerts_service, "C10")
    assert (first.devices, len(offline), offline[0].state) == (1, 1, alert_pb2.ALERT_STATE_OPEN)
    assert again.events == 0


async def test_beat_ticks_the_rules_through_a_real_worker(monitoring_stub, alerts_service, database_url, tmp_path):
    await ingest(monitoring_stub, alerts_service, hourly([12.0]))
    env = {"ECOLINK_VAR_DIR": str(alerts_service.platform.var_dir), "ALERTS_DATABASE_URL": database_url}
    env |= {"ECOLINK_CELERY_BROKER_URL": "", "ECOLINK_CELERY_RESULT_BACKEND": ""}
    client = make_celery("ecolink-test-client", alerts_service.platform, include=[])
    with running_worker(env, queue="alerts-tick"):
        result = await task_result(client, TICK_RULE_ENGINES, queue="alerts-tick", timeout=60)
    assert result["devices"] == 1
