"""Builds and runs one service's grpc.aio server: interceptors, health, reflection, readiness, graceful stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

import grpc
from grpc_health.v1 import _async as health_aio
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from sqlalchemy.ext.asyncio import AsyncEngine

from ecolink.common.v1 import identity_service_pb2, identity_service_pb2_grpc
from ecolink_common.auth.interceptor import AuthenticationInterceptor
from ecolink_common.auth.keys import ensure_signing_key, load_public_key
from ecolink_common.auth.refusal_audit import RefusalAudit
from ecolink_common.auth.service_identity import allowed_identities, service_identity
from ecolink_common.clock import SYSTEM_CLOCK, Clock
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.directory_snapshot import DirectoryCache
from ecolink_common.error_mapping import ErrorMappingInterceptor
from ecolink_common.gc_tuning import tune_garbage_collection
from ecolink_common.identity.servicer import IdentityServicer
from ecolink_common.migrations import is_at_head
from ecolink_common.outbox_wake import relay_wake
from ecolink_common.paging import use_page_token_key_file
from ecolink_common.service_spec import ReadinessCheck, ServiceDependencies, ServiceSpec
from ecolink_common.settings import PlatformSettings, ServiceSettings
from ecolink_common.telemetry import instrument_engine
from ecolink_common.tls import server_credentials

log = logging.getLogger(__name__)

OVERALL = ""
MAX_MESSAGE_BYTES = 8 * 1024 * 1024


@dataclass
class RunningService:
    """A started server: its bound port, and how to stop it."""

    spec: ServiceSpec
    server: grpc.aio.Server
    health: health_aio.HealthServicer
    engine: AsyncEngine
    port: int
    service_names: list[str]
    readiness: asyncio.Task[None]
    grace_seconds: float
    refusals: RefusalAudit
    refusal_flusher: asyncio.Task[None]

    async def stop(self) -> None:
        """Reports NOT_SERVING at once, lets in-flight calls finish within the grace period, then closes."""
        await self.health.enter_graceful_shutdown()
        self.readiness.cancel()
        await self.server.stop(self.grace_seconds)
        self.refusal_flusher.cancel()
        for task in (self.readiness, self.refusal_flusher):
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self.refusals.flush(everything=True)
        await self.engine.dispose()


async def start_service(
    spec: ServiceSpec, settings: ServiceSettings, platform: PlatformSettings, clock: Clock = SYSTEM_CLOCK
) -> RunningService:
    """Starts the server (port 0 picks a free port); health turns SERVING once the database is migrated. Use cases
    read the time from `clock` (tests pass a fake one)."""
    ensure_signing_key(platform.private_key_path, platform.public_key_path)
    use_page_token_key_file(platform.page_token_key_path)
    engine = create_engine(
        settings.resolved_database_url(platform),
        pool_size=settings.database_pool_size,
        pre_ping=settings.database_pre_ping,
    )
    instrument_engine(engine.sync_engine)
    session_factory = create_session_factory(engine)
    directory = DirectoryCache(session_factory, max_age_seconds=platform.directory_cache_seconds)
    credentials = server_credentials(platform)
    refusals = RefusalAudit(
        session_factory, interval=timedelta(seconds=platform.auth_refusal_audit_seconds), clock=clock
    )
    server = grpc.aio.server(
        interceptors=[
            ErrorMappingInterceptor(spec.name),
            AuthenticationInterceptor(
                public_key=load_public_key(platform.public_key_path),
                issuer=platform.token_issuer,
                refusals=refusals,
                directory=directory,
                require_client_certificate=platform.tls_client_ca_file is not None,
                audience=service_identity(spec.name),
                acting_services=allowed_identities(settings.acting_services_allowed),
            ),
        ],
        options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
        ],
    )
    deps = ServiceDependencies(settings, platform, session_factory, clock, relay_wake(spec.name, platform))
    identity_service_pb2_grpc.add_IdentityServiceServicer_to_server(
        IdentityServicer(deps.uow_factory(), directory), server
    )
    identity_name = identity_service_pb2.DESCRIPTOR.services_by_name["IdentityService"].full_name
    built = spec.bootstrap(deps)
    service_names = [identity_name, *spec.add_servicers(server, built)]
    health_servicer = health_aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    health_name = health_pb2.DESCRIPTOR.services_by_name["Health"].full_name
    reflection.enable_server_reflection([*service_names, health_name, reflection.SERVICE_NAME], server)
    if credentials is None:
        port = server.add_insecure_port(settings.address)
    else:
        port = server.add_secure_port(settings.address, credentials)
    await server.start()
    for name in [OVERALL, *service_names]:
        await health_servicer.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)
    readiness = asyncio.create_task(
        _track_readiness(
            [partial(is_at_head, engine, spec.migrations_dir), *built.readiness_checks],
            health_servicer,
            service_names,
            platform.readiness_interval_seconds,
        )
    )
    log.info("%s listening on %s:%d", spec.name, settings.grpc_host, port)
    return RunningService(
        spec,
        server,
        health_servicer,
        engine,
        port,
        service_names,
        readiness,
        platform.shutdown_grace_seconds,
        refusals,
        asyncio.create_task(refusals.flush_periodically()),
    )


async def _track_readiness(
    checks: list[ReadinessCheck],
    health_servicer: health_aio.HealthServicer,
    service_names: list[str],
    interval: float,
) -> None:
    """SERVING only while the database answers at head (and the service's own dependencies answer)."""
    serving: bool | None = None
    while True:
        try:
            ready = all([await check() for check in checks])
        except Exception as error:
            ready = False
            log.warning("a dependency is not reachable: %s", error.__class__.__name__)
        if ready != serving:
            status = health_pb2.HealthCheckResponse.SERVING if ready else health_pb2.HealthCheckResponse.NOT_SERVING
            for name in [OVERALL, *service_names]:
                await health_servicer.set(name, status)
            log.info("health: %s", "SERVING" if ready else "NOT_SERVING (a dependency is unreachable or not migrated)")
            serving = ready
        await asyncio.sleep(interval)


async def stop_signal() -> None:
    """Returns once the process receives SIGTERM or SIGINT (every ecolink server process stops on either)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()


async def serve_until_signalled(spec: ServiceSpec, settings: ServiceSettings, platform: PlatformSettings) -> None:
    """Runs the service until SIGTERM or SIGINT, then drains in-flight calls and returns."""
    running = await start_service(spec, settings, platform)
    tune_garbage_collection(platform.gc_young_threshold)
    await stop_signal()
    log.info("%s stopping: draining in-flight calls for up to %.0f s", spec.name, running.grace_seconds)
    await running.stop()
    log.info("%s stopped", spec.name)
