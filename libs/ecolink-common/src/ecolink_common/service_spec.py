"""What a service tells the shared runner about itself: name, settings, migrations, extra servicers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import grpc

from ecolink_common.settings import PlatformSettings, ServiceSettings
from ecolink_common.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ServiceDependencies:
    """What the runner builds once per process and hands to a service's servicers."""

    settings: ServiceSettings
    platform: PlatformSettings
    uow_factory: Callable[[], UnitOfWork]


Registrar = Callable[[grpc.aio.Server, ServiceDependencies], list[str]]


@dataclass(frozen=True)
class ServiceSpec:
    """One ecolink service as the runner, the CLI and the tests see it."""

    name: str
    settings_type: type[ServiceSettings]
    migrations_dir: Path  # the service's own Alembic versions; the platform revisions come first
    register_servicers: Registrar = field(default=lambda server, deps: [])
