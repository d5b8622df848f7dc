"""What a service tells the shared runner about itself: name, settings, migrations, extra servicers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import grpc
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ecolink_common.clock import SYSTEM_CLOCK, Clock
from ecolink_common.outbox_relay import Subscribers
from ecolink_common.settings import PlatformSettings, ServiceSettings
from ecolink_common.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ServiceDependencies:
    """What the runner builds once per process and hands to a service's servicers."""

    settings: ServiceSettings
    platform: PlatformSettings
    session_factory: async_sessionmaker[AsyncSession]
    clock: Clock = SYSTEM_CLOCK

    def uow_factory(self) -> Callable[[], UnitOfWork]:
        return lambda: UnitOfWork(self.session_factory, self.clock)


ReadinessCheck = Callable[[], Awaitable[bool]]


@dataclass(frozen=True)
class Registration:
    """What a service added to the server: its gRPC service names, and what must answer before SERVING."""

    service_names: list[str] = field(default_factory=list)
    readiness_checks: list[ReadinessCheck] = field(default_factory=list)


Registrar = Callable[[grpc.aio.Server, ServiceDependencies], Registration]


@dataclass(frozen=True)
class ServiceSpec:
    """One ecolink service as the runner, the CLI and the tests see it."""

    name: str
    settings_type: type[ServiceSettings]
    migrations_dir: Path  # the service's own Alembic versions; the platform revisions come first
    register_servicers: Registrar = field(default=lambda server, deps: Registration())
    metadata: MetaData | None = None  # the service's own tables, for autogenerate and the migration check
    # Who receives the service's outbox events, built where the relay runs (the worker); none by default.
    subscribers: Callable[[], Subscribers] = field(default=Subscribers)
