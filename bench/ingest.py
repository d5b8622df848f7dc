"""bench/ingest: factor values per second through gRPC IngestMonitoringData into PostgreSQL with every rule on,
against PostgreSQL COPY of the same rows into a scratch copy of `monitoring_value` in the same run."""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import groupby
from pathlib import Path

import asyncpg
import grpc
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy.engine import make_url

from bench.report import Figure, report
from ecolink.alerts.v1 import monitoring_pb2, monitoring_service_pb2_grpc
from ecolink.alerts.v1 import monitoring_service_pb2 as pb
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.domain.registry_records import MonitoredFactor
from ecolink_alerts.domain.simulation import FLUE_GAS_FACTORS, DeviceSimulation, FactorProfile, simulate
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.service_layer.registry_file import RegistryFile, read_registry_file
from ecolink_alerts.service_layer.registry_loading import load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_common import operations
from ecolink_common.testing.databases import (
    admin_url,
    create_postgres_database,
    drop_postgres_database,
    free_port,
    port_open,
)
from ecolink_common.testing.platform import platform_settings_for_tests, token_for, wait_until_serving

TOTAL_VALUES = 60_000
BATCH_RECORDS = 100
ROUNDS = 3
NATIONAL_AVERAGE = 8_000.0
START = datetime(2026, 11, 1, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
FLUE_GAS_DEVICES = {
    # The demo registry's flue-gas devices and the bureau of each one's region that forwards its data.
    "88888880000001": "eeb-341323",  # Lingbi, 6 factors
    "34130200000001": "eeb-341300",  # Suzhou, 6 factors
    "36032100000001": "eeb-360300",  # Pingxiang, 4 factors
}
COLUMNS = "mn, kind, data_time, factor, value, flag, converted, minimum, maximum, cumulative, received_at"
STORED_ROWS = f"SELECT {COLUMNS} FROM monitoring_value"  # noqa: S608 - constant column list, no input


@dataclass(frozen=True)
class DeviceStream:
    """One device's minute records, already cut into the batches of its ingest stream."""

    mn: str
    agency_id: str
    batches: list[pb.IngestMonitoringDataRequest]
    records: int
    values: int


def fitted(profile: FactorProfile, factor: MonitoredFactor) -> FactorProfile:
    """The simulation's profile of a factor, moved to the registered outlet's limits: concentrations run at 40 % of
    the emission limit, and a level far below the instrument range (flow in m3/h, not m3/s) is lifted into it."""
    limits = factor.limits
    typical = profile.typical
    if limits.emission_limit is not None:
        typical = 0.4 * limits.emission_limit
    elif limits.range_upper is not None and typical < 0.05 * limits.range_upper:
        typical = 0.36 * limits.range_upper
    return replace(profile, typical=typical, limits=limits)


def timestamp(moment: datetime) -> Timestamp:
    found = Timestamp()
    found.FromDatetime(moment)
    return found


def device_stream(registry: RegistryFile, mn: str, agency_id: str, values: int, seed: int) -> DeviceStream:
    """About `values` factor values of realistic minute data (2051) for the device, in batches of BATCH_RECORDS."""
    device = next(d for d in registry.devices if d.mn == mn)
    outlet = next(o for o in registry.outlets if (o.unit_id, o.outlet_id) == (device.unit_id, device.outlet_id))
    registered = {factor.pollutant_code: factor for factor in outlet.factors}
    profiles = tuple(fitted(p, registered[p.factor]) for p in FLUE_GAS_FACTORS if p.factor in registered)
    records = values // len(profiles)
    simulation = DeviceSimulation(
        mn=mn,
        unit_id=device.unit_id,
        outlet_id=device.outlet_id,
        start=START,
        duration=records * MINUTE,
        seed=seed,
        factors=profiles,
        minute_interval=MINUTE,
        hourly=False,
    )
    readings = simulate(simulation)
    messages = [
        monitoring_pb2.MonitoringRecord(
            mn=mn,
            data_kind=monitoring_pb2.DATA_KIND_MINUTE,
            data_time=timestamp(data_time),
            values=[monitoring_pb2.FactorValue(factor_code=r.factor, value=r.value, flag=r.flag.value) for r in group],
        )
        for data_time, group in groupby(readings, key=lambda reading: reading.data_time)
    ]
    assert len(messages) == records, (mn, len(messages), records)
    batches = [
        pb.IngestMonitoringDataRequest(records=messages[i : i + BATCH_RECORDS])
        for i in range(0, len(messages), BATCH_RECORDS)
    ]
    return DeviceStream(mn, agency_id, batches, records, len(readings))


def requests(stream: DeviceStream) -> Iterator[pb.IngestMonitoringDataRequest]:
    yield from stream.batches


async def grpc_rate(target: str, streams: list[DeviceStream], tokens: dict[str, str]) -> float:
    """Values per second of one client stream per device, all at once, from the first batch to the last response."""
    async with grpc.aio.insecure_channel(target) as channel:
        stub = monitoring_service_pb2_grpc.MonitoringServiceStub(channel)

        async def send(stream: DeviceStream) -> pb.IngestMonitoringDataResponse:
            metadata = [("authorization", f"Bearer {tokens[stream.agency_id]}")]
            return await stub.IngestMonitoringData(requests(stream), metadata=metadata)

        started = time.perf_counter()
        responses = await asyncio.gather(*(send(stream) for stream in streams))
        elapsed = time.perf_counter() - started
    for stream, response in zip(streams, responses, strict=True):
        outcome = (response.accepted, response.duplicates, response.conflicts, len(response.refusals))
        assert outcome == (stream.records, 0, 0, 0), f"{stream.mn}: {outcome} for {stream.records} records"
    return sum(stream.values for stream in streams) / elapsed


async def connect(database_url: str) -> asyncpg.Connection:
    url = make_url(database_url)
    return await asyncpg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, database=url.database
    )


async def copy_rate(database_url: str, expected: int) -> float:
    """Values per second of COPY of the rows the ingest stored into an empty table shaped like monitoring_value."""
    connection = await connect(database_url)
    try:
        stored = await connection.fetchval("SELECT count(*) FROM monitoring_value")
        assert stored == expected, f"monitoring_value holds {stored} values, {expected} were sent"
        rows = [tuple(row) for row in await connection.fetch(STORED_ROWS)]
        await connection.execute("CREATE TABLE copy_ref (LIKE monitoring_value INCLUDING ALL)")
        started = time.perf_counter()
        await connection.copy_records_to_table("copy_ref", records=rows, columns=COLUMNS.split(", "))
        elapsed = time.perf_counter() - started
        copied = await connection.fetchval("SELECT count(*) FROM copy_ref")
        assert copied == expected, f"copy_ref holds {copied} rows, {expected} were copied"
        return expected / elapsed
    finally:
        await connection.close()


async def bare_rate(database_url: str, streams: list[DeviceStream]) -> float:
    """Values per second of the same streams into bench/bare_ingest_server (decode and COPY, nothing else): the
    floor of any bulk ingest on grpc.aio into this database."""
    connection = await connect(database_url)
    try:
        await connection.execute("CREATE TABLE bare_value (LIKE monitoring_value INCLUDING ALL)")
    finally:
        await connection.close()
    port = free_port()
    dsn = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    command = [sys.executable, "-m", "bench.bare_ingest_server", str(port), dsn, "bare_value"]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        await wait_until_serving(f"127.0.0.1:{port}")
        return await grpc_rate(f"127.0.0.1:{port}", streams, {stream.agency_id: "unused" for stream in streams})
    finally:
        server.terminate()
        server.wait()


async def measure(var_dir: Path, database_url: str, streams: list[DeviceStream]) -> tuple[float, float, float]:
    platform = platform_settings_for_tests(var_dir)
    await operations.migrate(ALERTS, database_url)
    await operations.load_directory(ALERTS, database_url, platform.directory_file)
    passwords = device_passwords(AlertsSettings().device_password_key_path(platform))
    await load_registry_file(database_url, AlertsSettings().registry_file, passwords=passwords)
    port = free_port()
    env = {
        **os.environ,
        "ECOLINK_VAR_DIR": str(var_dir),
        "ALERTS_DATABASE_URL": database_url,
        "ALERTS_GRPC_PORT": str(port),
    }
    log = var_dir / "alerts.log"
    with log.open("wb") as sink:
        service = subprocess.Popen([sys.executable, "-m", "ecolink_alerts"], env=env, stdout=sink, stderr=sink)
    tokens = {agency: token_for(platform, agency) for agency in set(FLUE_GAS_DEVICES.values())}
    try:
        await wait_until_serving(f"127.0.0.1:{port}")
        ingest = await grpc_rate(f"127.0.0.1:{port}", streams, tokens)
    except BaseException:
        print(log.read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        service.terminate()
        service.wait()
    copy = await copy_rate(database_url, sum(stream.values for stream in streams))
    return ingest, copy, await bare_rate(database_url, streams)


async def main() -> None:
    admin = make_url(admin_url())
    if not port_open(admin.host or "127.0.0.1", admin.port or 5432):
        print(f"bench/ingest skipped: no PostgreSQL at {admin.host}:{admin.port} (set ECOLINK_TEST_POSTGRES_URL)")
        return
    load_before = os.getloadavg()[0]
    registry = read_registry_file(AlertsSettings().registry_file)
    share = TOTAL_VALUES // len(FLUE_GAS_DEVICES)
    streams = [
        device_stream(registry, mn, agency, share, seed) for seed, (mn, agency) in enumerate(FLUE_GAS_DEVICES.items())
    ]
    sent = sum(stream.values for stream in streams)
    rounds = []
    for _ in range(ROUNDS):
        database_url = await create_postgres_database("bench_ingest")
        try:
            with tempfile.TemporaryDirectory() as tmp:
                rounds.append(await measure(Path(tmp), database_url, streams))
        finally:
            await drop_postgres_database(database_url)
    ingest, copy, bare = (statistics.median(figures) for figures in zip(*rounds, strict=True))
    each = "; ".join(f"{i:,.0f} / {c:,.0f} / {b:,.0f}" for i, c, b in rounds)
    name = "factor values/s, gRPC ingest, rules on, PostgreSQL"
    figures = [
        Figure(name, ingest, "values/s", "PostgreSQL COPY of the same rows, same run", copy, "≥ 0.3×"),
        Figure(name, ingest, "values/s", "national average of all key units (issue 4)", NATIONAL_AVERAGE, "≥ 1×"),
        Figure(
            "factor values/s, bare grpc.aio decode + COPY (floor)",
            bare,
            "values/s",
            "PostgreSQL COPY of the same rows, same run",
            copy,
            "context",
        ),
    ]
    report(
        "ingest",
        figures,
        notes=(
            f"{sent:,} minute values (2051) from ecolink_alerts.domain.simulation for the demo registry's "
            f"{len(streams)} flue-gas devices (Lingbi, Suzhou, Pingxiang), profiles moved to the registered limits; "
            f"one IngestMonitoringData stream per device (its region's bureau token), all at once, "
            f"batches of {BATCH_RECORDS} records, timed until every response; every stored value counted in "
            "monitoring_value. COPY: asyncpg copy_records_to_table of the stored rows into an empty "
            "`LIKE monitoring_value INCLUDING ALL` table in the same database. The floor: the same streams "
            "into bench/bare_ingest_server (decode each batch and COPY it in one transaction; no auth, duplicate "
            "or conflict checks, no rules). Each figure is the median of "
            f"{ROUNDS} rounds, each on a new database (ingest / COPY / floor, values/s: {each}). "
            "Service, client and PostgreSQL "
            f"share the machine's {os.cpu_count()} cores (1-min load average {load_before:.1f} before the run)."
        ),
    )


if __name__ == "__main__":
    asyncio.run(main())
