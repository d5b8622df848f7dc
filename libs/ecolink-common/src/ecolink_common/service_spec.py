"""What a service tells the runner, the worker and the tests about itself: name, settings, migrations, the gRPC
services it implements, how its parts are built, its Celery task modules and its beat entries."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import grpc
from google.protobuf.descriptor import ServiceDescriptor
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ecolink_common.clock import SYSTEM_CLOCK, Clock
from ecolink_common.outbox_relay import Subscribers
from ecolink_common.settings import PlatformSettings, ServiceSettings
from ecolink_common.unit_of_work import UnitOfWork

S = TypeVar("S", bound=ServiceSettings)
U = TypeVar("U", bound=UnitOfWork)

ReadinessCheck = Callable[[], Awaitable[bool]]


@dataclass(frozen=True)
class ServiceDependencies(Generic[S]):
    """What the runner builds once per process (settings, database sessions, clock) and hands to a bootstrap."""

    settings: S
    platform: PlatformSettings
    session_factory: async_sessionmaker[AsyncSession]
    clock: Clock = SYSTEM_CLOCK
    wake_relay: Callable[[], None] | None = None  # wakes the service's outbox relay after a commit with events

    def units_of_work(self, uow_type: type[U]) -> Callable[[], U]:
        """The factory of the service's units of work, each reading this clock and waking the relay."""
        return lambda: uow_type(self.session_factory, self.clock, wake_relay=self.wake_relay)

    def uow_factory(self) -> Callable[[], UnitOfWork]:
        return self.units_of_work(UnitOfWork)


@dataclass(frozen=True)
class ServicerBinding:
    """One gRPC service of the published API, the class of ours that implements it, and its generated adder."""

    service: ServiceDescriptor
    servicer_type: type
    add_to_server: Callable[[Any, grpc.aio.Server], None]

    @property
    def full_name(self) -> str:
        return self.service.full_name


@dataclass(frozen=True)
class BuiltService:
    """What a service's bootstrap built: one servicer per binding, and what must answer before SERVING."""

    servicers: list[object] = field(default_factory=list)
    readiness_checks: list[ReadinessCheck] = field(default_factory=list)


@dataclass(frozen=True)
class BeatEntry(Generic[S]):
    """A task beat runs for the service, every `period(settings)` seconds, with fixed arguments."""

    name: str
    task: str
    period: Callable[[S], float]
    args: tuple[Any, ...] = ()


@dataclass(frozen=True)
class ServiceSpec(Generic[S]):
    """One ecolink service as the runner, the worker, the CLI and the tests see it; adding a service means writing
    its package and adding its SPEC to the CLI's registry of services."""

    name: str
    settings_type: type[S]
    migrations_dir: Path  # the service's own Alembic versions; the platform revisions come first
    servicers: tuple[ServicerBinding, ...] = ()
    # Builds the servicers once per process from what the runner built; the runner adds one per binding.
    bootstrap: Callable[[ServiceDependencies[S]], BuiltService] = field(default=lambda deps: BuiltService())
    metadata: MetaData | None = None  # the service's own tables, for autogenerate and the migration check
    task_modules: tuple[str, ...] = ()  # Celery task modules the platform worker imports
    beat: tuple[BeatEntry[S], ...] = ()
    # Who receives the service's outbox events, built where the relay runs (the worker); none by default.
    subscribers: Callable[[], Subscribers] = field(default=Subscribers)
    # Tasks sent when a relay run handed events to subscribers (the referrals webhook sender), so what the subscribers
    # queued leaves now rather than at the task's next beat.
    after_relay: tuple[str, ...] = ()

    def add_servicers(self, server: grpc.aio.Server, built: BuiltService) -> list[str]:
        """Adds the built servicer of each binding to `server`; returns the gRPC service names added."""
        for binding in self.servicers:
            matching = [servicer for servicer in built.servicers if isinstance(servicer, binding.servicer_type)]
            if len(matching) != 1:
                raise RuntimeError(
                    f"the {self.name} bootstrap built {len(matching)} {binding.servicer_type.__name__}, not one"
                )
            binding.add_to_server(matching[0], server)
        return [binding.full_name for binding in self.servicers]

    def beat_schedule(self) -> dict[str, dict[str, Any]]:
        """Celery beat entries of the service, their periods read from its settings now."""
        if not self.beat:
            return {}
        settings = self.settings_type()
        return {
            f"{self.name}-{entry.name}": {"task": entry.task, "schedule": entry.period(settings), "args": entry.args}
            for entry in self.beat
        }


def binding(module: Any, service_name: str, servicer_type: type, add_to_server: Callable[..., None]) -> ServicerBinding:
    """The binding of `service_name` declared in a generated `*_pb2` module."""
    return ServicerBinding(module.DESCRIPTOR.services_by_name[service_name], servicer_type, add_to_server)


def bindings_of(specs: Iterable[ServiceSpec[Any]]) -> list[ServicerBinding]:
    """Every binding of every service, for the contract test that each declared RPC is implemented."""
    return [binding for spec in specs for binding in spec.servicers]
