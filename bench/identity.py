"""bench/identity: authenticated unary calls per second (WhoAmI) against a bare grpc.aio server's unary rate."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from bench.report import Figure, report
from ecolink.common.v1 import identity_service_pb2, identity_service_pb2_grpc
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_common import operations
from ecolink_common.testing.databases import (
    create_postgres_database,
    drop_postgres_database,
    enabled_backends,
    free_port,
    sqlite_url,
)
from ecolink_common.testing.platform import platform_settings_for_tests, token_for

CONCURRENCY = 50
WINDOW_SECONDS = 5.0
WARMUP_SECONDS = 1.0
NOTES = (
    f"{CONCURRENCY} concurrent aio callers, {WINDOW_SECONDS:.0f} s window after {WARMUP_SECONDS:.0f} s warm-up; "
    "server and client share the machine's 2 cores; the server traces with OpenTelemetry (no exporter)."
)


async def calls_per_second(call: Callable[[], Awaitable[object]]) -> float:
    """Runs CONCURRENCY callers for the window after a warm-up; returns completed calls per second."""
    done = 0
    counting = False
    stop_at = time.monotonic() + WARMUP_SECONDS + WINDOW_SECONDS

    async def caller() -> None:
        nonlocal done
        while time.monotonic() < stop_at:
            await call()
            if counting:
                done += 1

    workers = [asyncio.create_task(caller()) for _ in range(CONCURRENCY)]
    await asyncio.sleep(WARMUP_SECONDS)
    counting = True
    await asyncio.gather(*workers)
    return done / WINDOW_SECONDS


async def wait_ready(target: str) -> None:
    async with grpc.aio.insecure_channel(target) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        for _ in range(300):
            try:
                if (await stub.Check(health_pb2.HealthCheckRequest())).status == 1:
                    return
            except grpc.aio.AioRpcError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(f"{target} never became SERVING")


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def bare_rate() -> float:
    port = free_port()
    process = start([sys.executable, "-m", "bench.bare_server", str(port)], dict(os.environ))
    try:
        await wait_ready(f"127.0.0.1:{port}")
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = health_pb2_grpc.HealthStub(channel)
            return await calls_per_second(lambda: stub.Check(health_pb2.HealthCheckRequest()))
    finally:
        process.terminate()
        process.wait()


async def whoami_rate(var_dir: Path, database_url: str) -> float:
    platform = platform_settings_for_tests(var_dir)
    await operations.migrate(ALERTS, database_url)
    await operations.load_directory(ALERTS, database_url, platform.directory_file)
    port = free_port()
    env = {**os.environ, "ECOLINK_VAR_DIR": str(var_dir), "ALERTS_DATABASE_URL": database_url}
    env["ALERTS_GRPC_PORT"] = str(port)
    process = start([sys.executable, "-m", "ecolink_alerts"], env)
    metadata = [("authorization", f"Bearer {token_for(platform, 'eeb-360800')}")]
    try:
        await wait_ready(f"127.0.0.1:{port}")
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = identity_service_pb2_grpc.IdentityServiceStub(channel)
            return await calls_per_second(lambda: stub.WhoAmI(identity_service_pb2.WhoAmIRequest(), metadata=metadata))
    finally:
        process.terminate()
        process.wait()


async def main() -> None:
    reference = await bare_rate()
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        for backend in enabled_backends():
            url = sqlite_url(Path(tmp), backend) if backend == "sqlite" else await create_postgres_database("bench")
            try:
                rate = await whoami_rate(Path(tmp) / backend, url)
            finally:
                if backend != "sqlite":
                    await drop_postgres_database(url)
            figures.append(
                Figure(
                    name=f"WhoAmI, token + directory check, {backend}",
                    value=rate,
                    unit="calls/s",
                    reference_name="bare grpc.aio unary (Health/Check), same run",
                    reference_value=reference,
                    goal="track (no goal set by an issue yet)",
                )
            )
    report(
        "identity",
        figures,
        notes=NOTES,
    )


if __name__ == "__main__":
    asyncio.run(main())
