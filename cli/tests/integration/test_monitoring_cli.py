"""`ecolink monitoring rate` and `ecolink alerts rescan` as a person runs them, against a running alerts service."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import monitoring_pb2, monitoring_service_pb2_grpc
from ecolink.alerts.v1 import monitoring_service_pb2 as pb
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME
from ecolink_alerts.testing import load_demo_registry
from ecolink_common.testing.channels import stubs

BIN = Path(sys.executable).parent
LINGBI_MN, SUZHOU_MN = "88888880000001", "34130200000001"
DAY = datetime(2026, 11, 1, tzinfo=CHINA_STANDARD_TIME)
# Lingbi: 24 hours of SO2 with three zero hours in the middle (C2); Suzhou power: every other hour.
LINGBI_SO2 = [12.0 + hour % 3 for hour in range(10)] + [0.0] * 3 + [12.0 + hour % 3 for hour in range(11)]


async def ecolink(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    """Runs the command in a thread, so the service under test keeps serving on this event loop."""
    command = [str(BIN / "ecolink"), *arguments]
    return await asyncio.to_thread(subprocess.run, command, env=env, capture_output=True, text=True, timeout=60)


def record(mn: str, hour: int, so2: float) -> monitoring_pb2.MonitoringRecord:
    data_time = Timestamp()
    data_time.FromDatetime(DAY + timedelta(hours=hour))
    return monitoring_pb2.MonitoringRecord(
        mn=mn,
        data_kind=monitoring_pb2.DATA_KIND_HOURLY,
        data_time=data_time,
        values=[
            monitoring_pb2.FactorValue(factor_code="a21026", value=so2, flag="N"),
            monitoring_pb2.FactorValue(factor_code="a00000", value=300000.0 + 1000 * (hour % 5), flag="N"),
        ],
    )


@pytest.fixture
async def env(alerts_service, database_url) -> dict[str, str]:
    await load_demo_registry(alerts_service)
    records = [record(LINGBI_MN, hour, so2) for hour, so2 in enumerate(LINGBI_SO2)]
    records += [record(SUZHOU_MN, hour, 12.0 + hour % 3) for hour in range(0, 24, 2)]
    async with stubs(alerts_service, monitoring_service_pb2_grpc.MonitoringServiceStub) as stub:
        batches = [pb.IngestMonitoringDataRequest(records=records[i : i + 5]) for i in range(0, len(records), 5)]
        await stub.IngestMonitoringData(iter(batches), metadata=alerts_service.metadata("eeb-340000"))
    return {**os.environ, "ECOLINK_VAR_DIR": str(alerts_service.platform.var_dir), "ALERTS_DATABASE_URL": database_url}


async def test_monitoring_rate_shows_each_county_and_the_city_as_percentages(env, alerts_service):
    period = ["--region", "341300", "--from", "2026-11-01", "--to", "2026-11-01", "--address", alerts_service.target]
    shown = await ecolink(env, "monitoring", "rate", *period, "--level", "county", "--as", "eeb-341300", "--json")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    report = json.loads(shown.stdout)
    assert [(r["scope"], r["expected_records"], r["valid_records"]) for r in report["rates"]] == [
        ("341302", "24", "12"),
        ("341323", "24", "24"),
    ]
    table = await ecolink(env, "monitoring", "rate", *period, "--level", "city", "--as", "eeb-341300")
    assert table.returncode == 0, table.stdout + table.stderr
    assert "341300" in table.stdout and "75.00%" in table.stdout
    hidden = await ecolink(env, "monitoring", "rate", *period, "--as", "eeb-341323")
    assert hidden.returncode == 1 and "NOT_FOUND" in hidden.stderr


async def test_alerts_rescan_finds_the_zero_hours_and_the_stored_alert_they_match(env, alerts_service):
    since, until = DAY.isoformat(), (DAY + timedelta(days=1)).isoformat()
    common = ["--from", since, "--to", until, "--as", "eeb-341323", "--address", alerts_service.target]
    shown = await ecolink(env, "alerts", "rescan", "--unit", "lingbi-jiancai", *common, "--json")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    episodes = json.loads(shown.stdout)["episodes"]
    zero = [episode for episode in episodes if episode["rule"] == "C2"]
    assert len(zero) == 1 and zero[0]["matching_alert"].startswith("alerts/")
    listed = await ecolink(env, "alerts", "list", "--unit", "lingbi-jiancai", "--rule", "C2", *common[4:], "--json")
    assert [alert["name"] for alert in json.loads(listed.stdout)] == [zero[0]["matching_alert"]]
    table = await ecolink(env, "alerts", "rescan", "--mn", LINGBI_MN, *common)
    assert table.returncode == 0, table.stdout + table.stderr
    assert "episodes found by the rescan" in table.stdout and "C2" in table.stdout
    backwards = ["--from", until, "--to", since, *common[4:]]
    refused = await ecolink(env, "alerts", "rescan", "--unit", "lingbi-jiancai", *backwards)
    assert refused.returncode == 1 and "end_time" in refused.stderr


async def test_monitoring_values_lists_a_device_as_json_and_a_units_factor_as_csv_with_its_conflict(
    env, alerts_service
):
    async with stubs(alerts_service, monitoring_service_pb2_grpc.MonitoringServiceStub) as stub:
        again = pb.IngestMonitoringDataRequest(records=[record(LINGBI_MN, 4, 55.5)])
        resent = await stub.IngestMonitoringData(iter([again]), metadata=alerts_service.metadata("eeb-340000"))
        assert resent.conflicts == 1
    since, until = DAY.isoformat(), (DAY + timedelta(days=1)).isoformat()
    common = ["--kind", "hourly", "--from", since, "--to", until, "--address", alerts_service.target]
    shown = await ecolink(env, "monitoring", "values", "--device", LINGBI_MN, *common, "--as", "eeb-341323", "--json")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    values = json.loads(shown.stdout)
    assert len(values) == 48 and {value["factor_code"] for value in values} == {"a21026", "a00000"}

    listed = await ecolink(
        env,
        "monitoring",
        "values",
        "--unit",
        "lingbi-jiancai",
        "--factor",
        "a21026",
        *common,
        "--as",
        "eeb-341323",
        "--csv",
    )
    assert listed.returncode == 0, listed.stdout + listed.stderr
    rows = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert [float(row["value"]) for row in rows] == LINGBI_SO2
    assert [row["conflicts"].split(" at ")[0] for row in rows if row["conflicts"]] == ["55.5 N"]
    assert rows[4]["data_time"] == (DAY + timedelta(hours=4)).astimezone(UTC).isoformat()

    table = await ecolink(env, "monitoring", "values", "--device", LINGBI_MN, *common, "--as", "eeb-341323")
    assert table.returncode == 0 and "48 hourly values" in table.stdout
    hidden = await ecolink(env, "monitoring", "values", "--device", LINGBI_MN, *common, "--as", "eeb-360800")
    assert hidden.returncode == 1 and "NOT_FOUND" in hidden.stderr
    both = await ecolink(env, "monitoring", "values", "--device", LINGBI_MN, "--unit", "lingbi-jiancai", *common)
    assert both.returncode == 2 and "exactly one" in both.stderr
