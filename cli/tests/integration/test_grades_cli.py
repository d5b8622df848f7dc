"""`ecolink grades list` as a person runs it, against a running alerts service after a roll-up."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import monitoring_pb2, monitoring_service_pb2, monitoring_service_pb2_grpc
from ecolink_alerts.domain.periods import day_start
from ecolink_alerts.domain.rollup import DEFAULT_ROLLUP
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.rollup import roll_up
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.testing import load_demo_registry
from ecolink_common.db import database_sessions
from ecolink_common.testing.channels import stubs

BIN = Path(sys.executable).parent
LINGBI, LINGBI_MN, SO2 = "units/lingbi-jiancai", "88888880000001", "a21026"


async def ecolink(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    """Runs the command in a thread, so the service under test keeps serving on this event loop."""
    command = [str(BIN / "ecolink"), *arguments]
    return await asyncio.to_thread(subprocess.run, command, env=env, capture_output=True, text=True, timeout=60)


def daily_so2(day: date, value: float) -> monitoring_pb2.MonitoringRecord:
    data_time = Timestamp()
    data_time.FromDatetime(day_start(day))
    return monitoring_pb2.MonitoringRecord(
        mn=LINGBI_MN,
        data_kind=monitoring_pb2.DATA_KIND_DAILY,
        data_time=data_time,
        values=[monitoring_pb2.FactorValue(factor_code=SO2, value=value, flag="N")],
    )


async def test_grades_list_shows_lingbi_so2_yellow_after_three_exceedance_days(alerts_service, database_url):
    await load_demo_registry(alerts_service)
    records = [daily_so2(date(2026, 11, day), 50.0) for day in (1, 2, 3)]
    async with stubs(alerts_service, monitoring_service_pb2_grpc.MonitoringServiceStub) as stub:
        request = monitoring_service_pb2.IngestMonitoringDataRequest(records=records)
        await stub.IngestMonitoringData(iter([request]), metadata=alerts_service.metadata("eeb-341323"))
    async with database_sessions(database_url) as sessions:
        now = day_start(date(2026, 11, 5)) + timedelta(hours=12)
        await roll_up(lambda: AlertsUnitOfWork(sessions), now=now, policy=DEFAULT_ROLLUP, thresholds=RuleThresholds())

    env = {**os.environ, "ECOLINK_VAR_DIR": str(alerts_service.platform.var_dir)}
    target = ["--as", "eeb-341323", "--address", alerts_service.target]
    listed = await ecolink(env, "grades", "list", "--unit", "lingbi-jiancai", "--json", *target)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    grades = {grade["factor_code"]: grade for grade in json.loads(listed.stdout)}
    assert grades[SO2]["grade"] == "GRADE_YELLOW"
    assert grades[SO2]["exceedance_dates"] == ["2026-11-01", "2026-11-02", "2026-11-03"]
    assert {grades[factor]["grade"] for factor in grades if factor != SO2} == {"GRADE_NONE"}

    table = await ecolink(
        {**env, "COLUMNS": "200"}, "grades", "list", "--region", "341323", "--grade", "yellow", *target
    )
    assert table.returncode == 0 and "lingbi-jiancai" in table.stdout and "yellow" in table.stdout
    outside = await ecolink(env, "grades", "list", "--json", "--as", "eeb-360800", "--address", alerts_service.target)
    seen = {grade["unit"] for grade in json.loads(outside.stdout)}
    assert seen and LINGBI not in seen, "Ji'an's bureau sees its own units' grades, not Lingbi's"
