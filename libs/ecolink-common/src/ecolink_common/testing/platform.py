"""A started service for tests: its own var folder, key pair, migrated database and loaded directory."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from ecolink_common import operations
from ecolink_common.auth.keys import ensure_signing_key, load_private_key
from ecolink_common.auth.tokens import issue_token
from ecolink_common.clock import SYSTEM_CLOCK, Clock
from ecolink_common.directory import read_directory_file
from ecolink_common.grpc_server import RunningService, start_service
from ecolink_common.service_spec import ServiceSpec
from ecolink_common.settings import PlatformSettings, ServiceSettings
from ecolink_common.testing.channels import stubs

READY_POLL_SECONDS = 0.05


def platform_settings_for_tests(var_dir: Path, **overrides: Any) -> PlatformSettings:
    """Platform settings rooted in a temporary folder, checking readiness often; the relay is not woken after
    commits (a test runs it when it means to) unless `outbox_wake=True` is passed."""
    overrides.setdefault("outbox_wake", False)
    settings = PlatformSettings(var_dir=var_dir, readiness_interval_seconds=0.2, shutdown_grace_seconds=5, **overrides)
    ensure_signing_key(settings.private_key_path, settings.public_key_path)
    return settings


def token_for(
    platform: PlatformSettings, agency_id: str, ttl: timedelta = timedelta(minutes=10), *, officer_id: str | None = None
) -> str:
    """A token for a directory agency (or one of its officers), signed with the test platform's key."""
    directory, _ = read_directory_file(platform.directory_file)
    agency = next(a for a in directory.agencies if a.agency_id == agency_id)
    key = load_private_key(platform.private_key_path)
    return issue_token(agency, key=key, issuer=platform.token_issuer, ttl=ttl, officer_id=officer_id)


@dataclass
class ServiceUnderTest:
    """A running service with what a test needs to talk to it."""

    running: RunningService
    platform: PlatformSettings
    settings: ServiceSettings

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.running.port}"

    def token(self, agency_id: str, ttl: timedelta = timedelta(minutes=10), *, officer_id: str | None = None) -> str:
        return token_for(self.platform, agency_id, ttl, officer_id=officer_id)

    def metadata(self, agency_id: str, *, officer_id: str | None = None) -> list[tuple[str, str]]:
        return [("authorization", f"Bearer {self.token(agency_id, officer_id=officer_id)}")]


async def prepared_service(
    spec: ServiceSpec,
    platform: PlatformSettings,
    database_url: str,
    *,
    migrate: bool = True,
    clock: Clock = SYSTEM_CLOCK,
    **settings: Any,
) -> ServiceUnderTest:
    """Migrates, loads the demo directory and starts the service on a free port (extra settings as keywords), its
    use cases reading the time from `clock`."""
    service_settings = spec.settings_type(database_url=database_url, grpc_host="127.0.0.1", grpc_port=0, **settings)
    if migrate:
        await operations.migrate(spec, database_url)
        await operations.load_directory(spec, database_url, platform.directory_file)
    service = ServiceUnderTest(await start_service(spec, service_settings, platform, clock), platform, service_settings)
    if migrate and platform.tls_cert_file is None:
        await wait_until_serving(service.target)
    return service


async def wait_until_serving(target: str, seconds: float = 15) -> None:
    """Polls the standard health service until it answers SERVING."""
    async with stubs(target, health_pb2_grpc.HealthStub) as stub:
        for _ in range(int(seconds / READY_POLL_SECONDS)):
            with contextlib.suppress(grpc.aio.AioRpcError):
                if (await stub.Check(health_pb2.HealthCheckRequest())).status == health_pb2.HealthCheckResponse.SERVING:
                    return
            await asyncio.sleep(READY_POLL_SECONDS)
    raise TimeoutError(f"{target} did not become SERVING within {seconds} s")
