"""`ecolink health` as an operator runs it: the services' health and the HJ 212 gateway's state and counters."""

from __future__ import annotations

import asyncio
import json
import os

import pytest

from ecolink_alerts.domain.hj212 import encode_frame
from ecolink_alerts.testing import load_demo_registry
from ecolink_cli.testing import SERVICES, ecolink
from ecolink_common.testing.databases import free_port

LINGBI_UPLOAD = (
    b"QN=20261101080000000;ST=22;CN=2061;PW=123456;MN=88888880000001;Flag=5;"
    b"CP=&&DataTime=20261101080000;a21026-Avg=12.5,a21026-Flag=N&&"
)


@pytest.fixture
async def env(alerts_service, database_url) -> dict[str, str]:
    """The alerts service under test; the other services' ports are free ones where nothing listens."""
    await load_demo_registry(alerts_service)
    ports = {f"{name.upper()}_GRPC_PORT": str(free_port()) for name in SERVICES}
    ports["ALERTS_GRPC_PORT"] = str(alerts_service.running.port)
    return {**os.environ, **ports, "ECOLINK_VAR_DIR": str(alerts_service.platform.var_dir)}


async def health(env: dict[str, str], *arguments: str):
    return await asyncio.to_thread(ecolink, env, "health", *arguments)


def gateway_row(result) -> dict:
    return next(row for row in json.loads(result.stdout) if row["service"] == "hj212-gateway")


async def test_health_shows_the_gateway_listening_with_its_counters_and_then_stopped(env, gateway, tmp_path):
    started = await health(env, "--json")
    assert {row["service"]: row["status"] for row in json.loads(started.stdout)} == {
        "alerts": "SERVING",
        "cases": "UNREACHABLE",
        "referrals": "UNREACHABLE",
        "evidence": "UNREACHABLE",
        "hj212-gateway": "LISTENING",
    }
    assert started.returncode == 1
    row = gateway_row(started)
    assert (row["address"], row["pid"]) == (f"tcp://127.0.0.1:{gateway.port}", os.getpid())
    assert (row["counters"]["connections_opened"], row["counters"]["packets_accepted"]) == (0, 0)

    # A good upload, and a frame whose packet does not parse (`hj212 send` gives it a connection of its own).
    (tmp_path / "upload.hj212").write_bytes(encode_frame(LINGBI_UPLOAD) + encode_frame(b"QN=1;CN=2061;MN=x&"))
    sent = await asyncio.to_thread(
        ecolink, env, "hj212", "send", str(tmp_path / "upload.hj212"), "--port", str(gateway.port), "--json"
    )
    assert json.loads(sent.stdout)["replied"] == 1, sent.stdout + sent.stderr
    gateway.write_status()
    counted = gateway_row(await health(env, "--json"))["counters"]
    assert (counted["connections_opened"], counted["packets_accepted"], counted["replies_sent"]) == (2, 1, 1)
    assert counted["refused"] == {"malformed_packet": 1}

    table = await health(env)
    assert "HJ 212 gateway counters" in table.stdout and "malformed_packet 1" in table.stdout
    # Piped, the tables keep their natural width instead of Rich's 80 columns.
    lines = table.stdout.splitlines()
    assert any("connections opened" in line and "connection errors" in line and "as of" in line for line in lines)
    assert any(
        "hj212-gateway" in line and f"tcp://127.0.0.1:{gateway.port}" in line and "LISTENING" in line for line in lines
    )

    await gateway.stop()
    stopped = await health(env, "--json")
    assert gateway_row(stopped)["status"] == "STOPPED" and gateway_row(stopped)["counters"]["packets_accepted"] == 1
