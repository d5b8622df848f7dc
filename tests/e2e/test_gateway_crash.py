"""kill -9 of the gateway in the middle of a replay, then restart and resend: every packet that got its data reply
is stored, and everything is stored exactly once (issue 4, "Done when")."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.adapters.tables import alert_table, monitoring_value_table, value_conflict_table
from ecolink_alerts.domain.hj212 import encode_frame
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.service_layer.registry_loading import load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_common import operations
from ecolink_common.db import create_engine
from ecolink_common.testing.databases import free_port

LINGBI_MN = "88888880000001"
PACKETS = 400
FACTORS = 6
KILL_AFTER_REPLIES = 60
START = datetime(2026, 11, 20, tzinfo=UTC)


def minute_frame(minute: int) -> tuple[str, bytes]:
    """The Lingbi device's minute upload (2051, Flag=5 asks for a 9014) for START + `minute` minutes; its QN too."""
    local = (START + timedelta(minutes=minute)).astimezone(CHINA_STANDARD_TIME).strftime("%Y%m%d%H%M%S")
    values = ";".join(
        f"{code}-Avg={typical + (minute % 7) * 0.1:.2f},{code}-Flag=N"
        for code, typical in (
            ("a21026", 14.0),
            ("a21002", 20.0),
            ("a34013", 4.0),
            ("a19001", 9.8),
            ("a00000", 240000.0),
            ("a01012", 120.0),
        )
    )
    qn = f"{local}000"
    segment = f"QN={qn};ST=31;CN=2051;PW=123456;MN={LINGBI_MN};Flag=5;CP=&&DataTime={local};{values}&&"
    return qn, encode_frame(segment.encode("ascii"))


def start_gateway(env: dict[str, str], log_path) -> subprocess.Popen:
    with log_path.open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "ecolink_alerts.gateway"], env=env, stdout=log, stderr=log)


async def connect(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    for _ in range(300):
        try:
            return await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.1)
    raise AssertionError(f"the gateway never listened on {port}")


async def replied_qns(reader: asyncio.StreamReader, wanted: int) -> list[str]:
    """The QNs of the data replies (9014) read until `wanted` came or the gateway went away."""
    replied = []
    while len(replied) < wanted:
        try:
            line = await asyncio.wait_for(reader.readuntil(b"\r\n"), timeout=60)
        except (asyncio.IncompleteReadError, ConnectionError):
            break
        text = line.decode("ascii")
        assert "CN=9014" in text, text
        replied.append(text.split("QN=", 1)[1].split(";", 1)[0])
    return replied


async def stored(database_url: str) -> tuple[set[datetime], int, int, int]:
    """The DataTimes with all six values stored, the number of values, of conflicting versions and of alerts."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            values = monitoring_value_table
            per_time = select(values.c.data_time, func.count()).group_by(values.c.data_time)
            complete = {row[0] for row in (await connection.execute(per_time)).all() if row[1] == FACTORS}
            counts = []
            for table in (values, value_conflict_table, alert_table):
                counts.append((await connection.execute(select(func.count()).select_from(table))).scalar_one())
        return complete, *counts  # type: ignore[return-value]
    finally:
        await engine.dispose()


async def test_every_replied_packet_survives_a_kill_9_and_a_resend_stores_nothing_twice(
    tmp_path, platform, database_url
):
    await operations.migrate(ALERTS, database_url)
    passwords = device_passwords(AlertsSettings().device_password_key_path(platform))
    await load_registry_file(database_url, AlertsSettings().registry_file, passwords=passwords)
    frames = [minute_frame(minute) for minute in range(PACKETS)]
    data_time_of = {qn: START + timedelta(minutes=minute) for minute, (qn, _) in enumerate(frames)}
    port = free_port()
    env = {
        **os.environ,
        "ECOLINK_VAR_DIR": str(platform.var_dir),
        "ALERTS_DATABASE_URL": database_url,
        "ALERTS_GATEWAY_PORT": str(port),
        "ALERTS_GATEWAY_MAX_PACKETS_PER_SECOND": "100000",
    }
    log = tmp_path / "gateway.log"
    gateway = start_gateway(env, log)
    try:
        reader, writer = await connect(port)
        writer.write(b"".join(frame for _, frame in frames))
        await writer.drain()
        before_kill = await replied_qns(reader, KILL_AFTER_REPLIES)
        gateway.send_signal(signal.SIGKILL)
        gateway.wait()
        before_kill += await replied_qns(reader, PACKETS)
        writer.close()
        assert KILL_AFTER_REPLIES <= len(before_kill) < PACKETS, log.read_text()

        complete, _, conflicts, _ = await stored(database_url)
        assert {data_time_of[qn] for qn in before_kill} <= complete
        assert conflicts == 0

        gateway = start_gateway(env, log)
        reader, writer = await connect(port)
        writer.write(b"".join(frame for _, frame in frames))
        await writer.drain()
        resent = await replied_qns(reader, PACKETS)
        writer.close()
        assert resent == [qn for qn, _ in frames]
    finally:
        gateway.send_signal(signal.SIGTERM)
        gateway.wait(timeout=30)

    complete, values, conflicts, alerts = await stored(database_url)
    assert complete == set(data_time_of.values())
    assert (values, conflicts) == (PACKETS * FACTORS, 0)
    assert alerts == 0
