"""What a Celery worker process builds once and every task run reuses: each service's settings and its database
engine (one pool per process on the process's one event loop, not an engine per task run)."""

from __future__ import annotations

from functools import cache
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.settings import PlatformSettings, ServiceSettings

Settings = TypeVar("Settings", bound=ServiceSettings)


@cache
def platform_settings() -> PlatformSettings:
    return PlatformSettings()


@cache
def service_settings(settings_type: type[Settings]) -> Settings:
    """The service's settings as this process's environment gives them, read on first use."""
    return settings_type()


@cache
def service_sessions(settings_type: type[ServiceSettings]) -> async_sessionmaker[AsyncSession]:
    """Sessions on the service's database through one engine for the life of the worker process."""
    settings = service_settings(settings_type)
    engine = create_engine(settings.resolved_database_url(platform_settings()), pre_ping=settings.database_pre_ping)
    return create_session_factory(engine)


def forget_worker_resources() -> None:
    """A forked worker process starts without its parent's engines and settings."""
    for cached in (platform_settings, service_settings, service_sessions):
        cached.cache_clear()
