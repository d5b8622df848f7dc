"""A new user's first day: register a unit and its device, send the device's packets, read the values back."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ecolink_alerts.domain.hj212 import encode_frame
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME
from ecolink_cli.testing import ecolink

UNIT, MN, PASSWORD = "lingbi-cement", "88888880000077", "Kiln-2026"
BUREAU = "eeb-341323"
DAY = datetime(2026, 11, 1, tzinfo=CHINA_STANDARD_TIME)
SO2 = [21.5, 22.0, 20.75]


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
