"""bench/gateway_storage: 5,000 registered devices sending minute packets to the real gateway process, every packet
stored in PostgreSQL with every rule on before its reply; sustained rate and p99 reply latency."""

from __future__ import annotations

import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import asyncpg
from sqlalchemy.engine import make_url

from bench.gateway import DEVICE_TIMEOUT_MS, PASSWORD, TARGET_CONNECTIONS, p99, raise_open_file_limit, wait_listening
from bench.report import Figure, report
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.domain.hj212 import encode_frame
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.service_layer.registry_loading import load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_common import operations
from ecolink_common.settings import PlatformSettings
from ecolink_common.testing.databases import (
    admin_url,
    create_postgres_database,
    drop_postgres_database,
    free_port,
    port_open,
)

UNITS = 500
OUTLETS_PER_UNIT = TARGET_CONNECTIONS // UNITS
REAL_MINUTE_SECONDS = 60.0
CONNECT_BATCH = 500
CHINA = ZoneInfo("Asia/Shanghai")
FACTORS = [
    # a21026 SO2, a21002 NOx, a34013 particulate, a19001 O2, a00000 flow, a01012 temperature (demo registry's Lingbi).
    {"pollutant_code": "a21026", "unit": "mg/m3", "emission_limit": 35, "range_lower": 0, "range_upper": 200},
    {"pollutant_code": "a21002", "unit": "mg/m3", "emission_limit": 50, "range_lower": 0, "range_upper": 500},
    {"pollutant_code": "a34013", "unit": "mg/m3", "emission_limit": 10, "range_lower": 0, "range_upper": 100},
    {"pollutant_code": "a19001", "unit": "%", "range_lower": 0, "range_upper": 25},
    {"pollutant_code": "a00000", "unit": "m3/h", "range_lower": 0, "range_upper": 600000},
    {"pollutant_code": "a01012", "unit": "℃", "range_lower": 0, "range_upper": 300},
]


def device_mn(number: int) -> str:
    return f"BENCH{number:019d}"


def registry_document() -> dict[str, object]:
    """UNITS flue-gas units in Lingbi county, each with OUTLETS_PER_UNIT outlets of one device each."""
    units = []
    for unit in range(UNITS):
        outlets = [f"DA{outlet:03d}" for outlet in range(OUTLETS_PER_UNIT)]
        units.append(
            {
                "unit_id": f"bench-unit-{unit:04d}",
                "display_name": f"bench unit {unit}",
                "region_code": "341323",
                "industry": "building materials",
                "outlets": [
                    {"outlet_id": outlet, "display_name": outlet, "medium": "flue-gas", "factors": FACTORS}
                    for outlet in outlets
                ],
                "devices": [
                    {
                        "mn": device_mn(unit * OUTLETS_PER_UNIT + number),
                        "outlet_id": outlet,
                        "protocol_version": "2017",
                        "crc_mode": "hj212",
                        "access_password": PASSWORD,
                    }
                    for number, outlet in enumerate(outlets)
                ],
                "video_channels": [],
            }
        )
    return {"version": "bench", "units": units}


def minute_packet(number: int, data_time: datetime, rng: random.Random) -> bytes:
    """A 2017 minute upload (CN=2051, Flag=5) with values varying around 40 % of each limit."""
    local = data_time.astimezone(CHINA).strftime("%Y%m%d%H%M%S")
    values = {"a21026": 14.0, "a21002": 20.0, "a34013": 4.0, "a19001": 9.8, "a00000": 240000.0, "a01012": 120.0}
    cp = ";".join(
        f"{code}-Avg={typical * rng.uniform(0.85, 1.15):.2f},{code}-Flag=N" for code, typical in values.items()
    )
    segment = f"QN={local}000;ST=31;CN=2051;PW={PASSWORD};MN={device_mn(number)};Flag=5;CP=&&DataTime={local};{cp}&&"
    return encode_frame(segment.encode("ascii"))


async def drive(port: int, connections: int, first_minute: datetime) -> tuple[float, float, float, float, float]:
    """Two real minutes paced (each device once at a random instant of each minute), then one packet per device
    flat out. Returns the paced packets per second, the p99 latency of the first minute (every device's first
    packet since the gateway started) and of the second, and the flat-out rate and p99 latency."""
    streams = []
    for first in range(0, connections, CONNECT_BATCH):
        batch = range(first, min(first + CONNECT_BATCH, connections))
        streams += await asyncio.gather(*(asyncio.open_connection("127.0.0.1", port) for _ in batch))
    rng = random.Random(212)

    async def exchange(number: int, minute: int, latencies_ms: list[float]) -> None:
        reader, writer = streams[number]
        sent_at = time.perf_counter()
        writer.write(minute_packet(number, first_minute + timedelta(minutes=minute), rng))
        await reader.readuntil(b"\r\n")
        latencies_ms.append((time.perf_counter() - sent_at) * 1000)

    async def paced(number: int, minute: int, latencies_ms: list[float]) -> None:
        await asyncio.sleep(rng.uniform(0, REAL_MINUTE_SECONDS))
        await exchange(number, minute, latencies_ms)

    paced_ms: list[list[float]] = [[], []]
    started = time.perf_counter()
    for minute, latencies_ms in enumerate(paced_ms):
        await asyncio.gather(*(paced(number, minute, latencies_ms) for number in range(len(streams))))
    paced_rate = sum(map(len, paced_ms)) / (time.perf_counter() - started)
    flat_ms: list[float] = []
    started = time.perf_counter()
    await asyncio.gather(*(exchange(number, 2, flat_ms) for number in range(len(streams))))
    flat_rate = len(flat_ms) / (time.perf_counter() - started)
    for _, writer in streams:
        writer.close()
    return paced_rate, p99(paced_ms[0]), p99(paced_ms[1]), flat_rate, p99(flat_ms)


async def stored_values(database_url: str) -> int:
    url = make_url(database_url)
    connection = await asyncpg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, database=url.database
    )
    try:
        return int(await connection.fetchval("SELECT count(*) FROM monitoring_value"))
    finally:
        await connection.close()


async def measure(var_dir: Path, database_url: str, connections: int) -> tuple[float, float, float, float, float]:
    await operations.migrate(ALERTS, database_url)
    registry = var_dir / "registry.json"
    registry.write_text(json.dumps(registry_document()))
    passwords = device_passwords(AlertsSettings().device_password_key_path(PlatformSettings(var_dir=var_dir)))
    await load_registry_file(database_url, registry, passwords=passwords)
    port = free_port()
    env = {
        **os.environ,
        "ECOLINK_VAR_DIR": str(var_dir),
        "ALERTS_DATABASE_URL": database_url,
        "ALERTS_GATEWAY_PORT": str(port),
        "ALERTS_GATEWAY_MAX_CONNECTIONS": str(2 * TARGET_CONNECTIONS),
    }
    log = var_dir / "gateway.log"
    with log.open("wb") as sink:
        gateway = subprocess.Popen([sys.executable, "-m", "ecolink_alerts.gateway"], env=env, stdout=sink, stderr=sink)
    first_minute = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=5)
    try:
        await wait_listening(port)
        figures = await drive(port, connections, first_minute)
    except BaseException:
        print(log.read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        gateway.terminate()
        gateway.wait()
    stored = await stored_values(database_url)
    assert stored == 3 * connections * len(FACTORS), f"{stored} values stored for {3 * connections} packets"
    return figures


async def main() -> None:
    admin = make_url(admin_url())
    if not port_open(admin.host or "127.0.0.1", admin.port or 5432):
        print(f"bench/gateway_storage skipped: no PostgreSQL at {admin.host}:{admin.port}")
        return
    open_files = raise_open_file_limit(4 * TARGET_CONNECTIONS)
    connections = min(TARGET_CONNECTIONS, open_files - 100)
    load_before = os.getloadavg()[0]
    database_url = await create_postgres_database("bench_gateway")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            paced_rate, first_p99, paced_p99, flat_rate, flat_p99 = await measure(Path(tmp), database_url, connections)
    finally:
        await drop_postgres_database(database_url)
    load = "load of 5,000 devices sending one minute packet a minute"
    timeout = "HJ212.md §4: device reply timeout 10 s"
    report(
        "gateway_storage",
        [
            Figure(
                f"packets stored and replied per second, {connections:,} devices at the real minute pace",
                paced_rate,
                "packets/s",
                load,
                TARGET_CONNECTIONS / REAL_MINUTE_SECONDS,
                "≥ 1.0× (issue 4 load)",
            ),
            Figure(
                "p99 data reply latency at the real pace, first minute after start",
                first_p99,
                "ms",
                timeout,
                DEVICE_TIMEOUT_MS,
                "≤ 1.0×",
            ),
            Figure(
                "p99 data reply latency at the real pace, second minute",
                paced_p99,
                "ms",
                timeout,
                DEVICE_TIMEOUT_MS,
                "≤ 1.0×",
            ),
            Figure(
                f"packets stored and replied per second, {connections:,} devices flat out",
                flat_rate,
                "packets/s",
                load,
                TARGET_CONNECTIONS / REAL_MINUTE_SECONDS,
                "≥ 1.0× (headroom)",
            ),
            Figure("p99 data reply latency flat out (queueing)", flat_p99, "ms", timeout, DEVICE_TIMEOUT_MS, "≤ 1.0×"),
        ],
        notes=(
            f"`python -m ecolink_alerts.gateway` (the process `make run` starts) on PostgreSQL, {connections:,} "
            f"devices registered ({UNITS} units × {OUTLETS_PER_UNIT} flue-gas outlets, 6 factors each), one TCP "
            f"connection each; two real minutes in which every device sends one 2051 packet (Flag=5) at a random "
            f"instant, then one more packet per device all at once; every packet waits for its 9014, and every "
            f"value is counted in monitoring_value afterwards. Client, gateway and PostgreSQL share the machine's "
            f"{os.cpu_count()} cores (1-min load average {load_before:.1f} before the run)."
        ),
    )


if __name__ == "__main__":
    asyncio.run(main())
