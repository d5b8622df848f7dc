"""SIGTERM during a call: the call completes, health turns NOT_SERVING, the process exits 0."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import asynccontextmanager

import asyncpg
import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy.engine import make_url

from ecolink.common.v1 import identity_service_pb2, identity_service_pb2_grpc
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_common import operations
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.databases import free_port
from ecolink_common.testing.platform import token_for

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


@asynccontextmanager
async def agency_table_locked(database_url: str):
    """Holds a lock that makes every directory read of the service wait, until the block ends."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        connection = sqlite3.connect(url.database, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            connection.execute("COMMIT")
            connection.close()
        return
    connection = await asyncpg.connect(host=url.host, port=url.port, user=url.username, database=url.database)
    transaction = connection.transaction()
    await transaction.start()
    await connection.execute("LOCK TABLE agency IN ACCESS EXCLUSIVE MODE")
    try:
        yield
    finally:
        await transaction.commit()
        await connection.close()


async def wait_serving(stub, seconds: float = 30) -> None:
    for _ in range(int(seconds * 10)):
        try:
            if (await stub.Check(health_pb2.HealthCheckRequest())).status == SERVING:
                return
        except grpc.aio.AioRpcError:
            pass
        await asyncio.sleep(0.1)
    raise AssertionError("service never became SERVING")


async def test_sigterm_lets_the_call_in_flight_finish_then_exits_zero(tmp_path, platform, database_url):
    await operations.migrate(ALERTS, database_url)
    await operations.load_directory(ALERTS, database_url, platform.directory_file)
    port = free_port()
    env = {
        **os.environ,
        "ECOLINK_VAR_DIR": str(platform.var_dir),
        "ECOLINK_READINESS_INTERVAL_SECONDS": "0.2",
        "ECOLINK_SHUTDOWN_GRACE_SECONDS": "20",
        "ALERTS_DATABASE_URL": database_url,
        "ALERTS_GRPC_PORT": str(port),
    }
    process = subprocess.Popen([sys.executable, "-m", "ecolink_alerts"], env=env, stderr=subprocess.DEVNULL)
    metadata = [("authorization", f"Bearer {token_for(platform, 'psb-360800')}")]
    try:
        async with stubs(
            f"127.0.0.1:{port}", health_pb2_grpc.HealthStub, identity_service_pb2_grpc.IdentityServiceStub
        ) as (health, identity):
            await wait_serving(health)
            watch = health.Watch(health_pb2.HealthCheckRequest())
            assert (await watch.read()).status == SERVING
            async with agency_table_locked(database_url):
                call = asyncio.ensure_future(identity.WhoAmI(identity_service_pb2.WhoAmIRequest(), metadata=metadata))
                await asyncio.sleep(0.5)
                assert not call.done()
                process.send_signal(signal.SIGTERM)
                assert (await watch.read()).status == NOT_SERVING
                watch.cancel()
            response = await call
        assert response.agency.agency_id == "psb-360800"
        assert await asyncio.to_thread(process.wait, 30) == 0
    finally:
        if process.poll() is None:
            process.kill()
