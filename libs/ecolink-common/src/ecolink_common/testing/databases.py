"""Throwaway databases for tests: a SQLite file, or a fresh PostgreSQL database on the local server."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

ADMIN_URL_ENV = "ECOLINK_TEST_POSTGRES_URL"
DEFAULT_ADMIN_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
BACKENDS_ENV = "ECOLINK_TEST_BACKENDS"


def admin_url() -> str:
    return os.environ.get(ADMIN_URL_ENV, DEFAULT_ADMIN_URL)


def port_open(host: str, port: int) -> bool:
    """True when something accepts TCP connections there."""
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def enabled_backends() -> list[str]:
    """Backends to run on: ECOLINK_TEST_BACKENDS if set (CI sets both), else SQLite plus PostgreSQL if it answers."""
    configured = os.environ.get(BACKENDS_ENV)
    if configured:
        return [b.strip() for b in configured.split(",") if b.strip()]
    url = make_url(admin_url())
    return ["sqlite", "postgres"] if port_open(url.host or "127.0.0.1", url.port or 5432) else ["sqlite"]


def sqlite_url(folder: Path, name: str) -> str:
    return f"sqlite+aiosqlite:///{folder / f'{name}.db'}"


async def _run_as_admin(statement: str) -> None:
    url = make_url(admin_url())
    connection = await asyncpg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, database=url.database
    )
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def create_postgres_database(prefix: str) -> str:
    """Creates an empty database and returns its SQLAlchemy URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    await _run_as_admin(f'CREATE DATABASE "{name}"')
    return make_url(admin_url()).set(database=name).render_as_string(hide_password=False)


async def drop_postgres_database(database_url: str) -> None:
    await _run_as_admin(f'DROP DATABASE IF EXISTS "{make_url(database_url).database}" WITH (FORCE)')


@asynccontextmanager
async def throwaway_database(backend: str, folder: Path, name: str) -> AsyncIterator[str]:
    """An empty database on `backend` for the life of the block (a SQLite file in `folder`, or a PostgreSQL
    database dropped afterwards)."""
    if backend == "sqlite":
        yield sqlite_url(folder, name)
        return
    url = await create_postgres_database(f"ecolink_test_{name}")
    try:
        yield url
    finally:
        await drop_postgres_database(url)


def free_port() -> int:
    """A TCP port nothing listens on right now, for a server started in another process."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def redis_required() -> bool:
    """CI sets ECOLINK_TEST_REDIS=required so a missing Redis fails instead of skipping."""
    return os.environ.get("ECOLINK_TEST_REDIS", "") == "required"


def rabbitmq_required() -> bool:
    """CI sets ECOLINK_TEST_RABBITMQ=required so a missing RabbitMQ fails instead of skipping."""
    return os.environ.get("ECOLINK_TEST_RABBITMQ", "") == "required"
