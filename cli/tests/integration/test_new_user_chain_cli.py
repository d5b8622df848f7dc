"""A new user's first day: register a unit and its device, send the device's packets, read the values back."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecolink_alerts.adapters.gateway_ports import RegistryBackedSink, RegistryDeviceDirectory
from ecolink_alerts.domain.hj212 import encode_frame
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.gateway.server import RunningGateway, start_gateway
from ecolink_alerts.gateway.settings import GatewaySettings
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_cli.testing import ecolink
from ecolink_common.db import create_engine, create_session_factory

UNIT, MN, PASSWORD = "lingbi-cement", "88888880000077", "Kiln-2026"
BUREAU = "eeb-341323"
DAY = datetime(2026, 11, 1, tzinfo=CHINA_STANDARD_TIME)
SO2 = [21.5, 22.0, 20.75]


@pytest.fixture
async def gateway(database_url) -> AsyncIterator[RunningGateway]:
    """The HJ 212 gateway as its process builds it, on a free port, reading the registry on every lookup (so a
    device registered a moment ago is known at once)."""
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    memory = DeviceMemory(site_max_age=0)

    def uow() -> AlertsUnitOfWork:
        return AlertsUnitOfWork(sessions)

    sink = RegistryBackedSink(uow, memory, thresholds=RuleThresholds(), max_packets_per_commit=100)
    running = await start_gateway(GatewaySettings(port=0), RegistryDeviceDirectory(uow, memory), sink)
    yield running
    await running.stop()
    await engine.dispose()


def device_log(path: Path) -> Path:
    """Three hourly uploads (2061) of SO2 as the new device sends them, each asking for a data reply (Flag=5)."""
    frames = []
    for hour, so2 in enumerate(SO2):
        local = f"{DAY + timedelta(hours=hour):%Y%m%d%H%M%S}"
        segment = (
            f"QN={local}000;ST=22;CN=2061;PW={PASSWORD};MN={MN};Flag=5;"
            f"CP=&&DataTime={local};a21026-Avg={so2},a21026-Flag=N&&"
        )
        frames.append(encode_frame(segment.encode()))
    path.write_bytes(b"".join(frames))
    return path


async def test_units_create_devices_create_hj212_send_and_monitoring_values_chain(
    alerts_service, gateway, database_url, tmp_path
):
    env = {**os.environ, "ECOLINK_VAR_DIR": str(alerts_service.platform.var_dir), "ALERTS_DATABASE_URL": database_url}
    service = ["--as", BUREAU, "--address", alerts_service.target]

    async def run(*arguments: str, stdin: str = "") -> dict | list:
        result = await asyncio.to_thread(ecolink, env, *arguments, "--json", stdin=stdin)
        assert result.returncode == 0, result.stdout + result.stderr
        return json.loads(result.stdout)

    unit = ["units", "create", UNIT, "--name", "灵璧县某水泥有限公司", "--region", "341323", "--industry", "cement"]
    await run(*unit, *service)
    outlet = ["outlets", "create", "DA001", "--unit", UNIT, "--name", "1# kiln stack", "--medium", "flue-gas"]
    await run(*outlet, "--factor", "a21026:mg/m3:35:0-200", *service)
    device = ["devices", "create", MN, "--unit", UNIT, "--outlet", "DA001", "--password-stdin"]
    assert (await run(*device, *service, stdin=f"{PASSWORD}\n"))["password_set"] is True

    sent = await run("hj212", "send", str(device_log(tmp_path / "device.hj212")), "--port", str(gateway.port))
    assert (sent["sent"], sent["replied"], sent["refused"], sent["timeouts"]) == (3, 3, 0, 0)

    period = ["--from", DAY.isoformat(), "--to", (DAY + timedelta(days=1)).isoformat()]
    values = await run("monitoring", "values", "--device", MN, "--kind", "hourly", *period, *service)
    assert [(v["mn"], v["factor_code"], v["value"], v["flag"]) for v in values] == [
        (MN, "a21026", so2, "N") for so2 in SO2
    ]
    by_unit = ["monitoring", "values", "--unit", UNIT, "--factor", "a21026", "--kind", "hourly", *period, *service]
    table = await asyncio.to_thread(ecolink, env, *by_unit, "--csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [(row["data_time"], float(row["value"])) for row in rows] == [
        ((DAY + timedelta(hours=hour)).astimezone(UTC).isoformat(), so2) for hour, so2 in enumerate(SO2)
    ]
