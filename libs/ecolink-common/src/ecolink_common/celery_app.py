"""The Celery app factory every ecolink worker uses, and the bridge from sync tasks to async use cases."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from celery import Celery, Task
from celery.signals import worker_process_init

from ecolink_common.settings import PlatformSettings
from ecolink_common.telemetry import configure_telemetry
from ecolink_common.worker_resources import forget_worker_resources, platform_settings

T = TypeVar("T")

FILESYSTEM_POLL_SECONDS = 0.1
# The platform tasks every service gets, by name (the worker app defines them; services' tests send them).
VERIFY_AUDIT_CHAIN = "ecolink.platform.verify_audit_chain"
RELAY_OUTBOX = "ecolink.platform.relay_outbox"
VISIBILITY_TIMEOUT_SECONDS = 3600
TASK_SOFT_TIME_LIMIT_SECONDS = 600
RETRIED_TASK: dict[str, Any] = {
    "bind": True,
    "ignore_result": False,
    "acks_late": True,
    "autoretry_for": (ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_jitter": True,
}
"""Options of every platform task: acknowledged after it ran, its result kept, retried with backoff when a
server it needs is unreachable (`@shared_task(name=..., max_retries=..., **RETRIED_TASK)`)."""

_loop: asyncio.AbstractEventLoop | None = None


def make_celery(name: str, platform: PlatformSettings, *, include: list[str]) -> Celery:
    """A client or worker app configured from `platform` now (a CLI command, a test's client)."""
    app = Celery(name, include=include)
    app.conf.update(celery_configuration(platform))
    return app


def make_worker_celery(
    name: str, *, include: list[str], beat_schedule: Callable[[], dict[str, dict[str, Any]]]
) -> Celery:
    """The worker's app: its configuration and beat schedule are read from the environment when Celery first needs
    them, not when the module is imported."""
    app = Celery(name, include=include)
    app.add_defaults(lambda: {**celery_configuration(platform_settings()), "beat_schedule": beat_schedule()})
    return app


def celery_configuration(platform: PlatformSettings) -> dict[str, Any]:
    """JSON only, acks late, a lost worker requeues; embedded mode uses a filesystem broker under var/celery."""
    configuration: dict[str, Any] = {
        "broker_url": platform.broker_url,
        "result_backend": platform.result_backend,
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_ignore_result": True,
        "task_soft_time_limit": TASK_SOFT_TIME_LIMIT_SECONDS,
        "task_time_limit": TASK_SOFT_TIME_LIMIT_SECONDS + 60,
        "broker_connection_retry_on_startup": True,
        "broker_transport_options": {"visibility_timeout": VISIBILITY_TIMEOUT_SECONDS},
        "result_expires": 24 * 3600,
        "timezone": "UTC",
    }
    if platform.broker_url.startswith("filesystem://"):
        queue = _ensure_dir(platform.var_dir / "celery" / "queue")
        configuration["broker_transport_options"] = {
            "data_folder_in": str(queue),
            "data_folder_out": str(queue),
            "processed_folder": str(_ensure_dir(platform.var_dir / "celery" / "processed")),
            "control_folder": str(_ensure_dir(platform.var_dir / "celery" / "control")),
            "store_processed": False,
            "polling_interval": FILESYSTEM_POLL_SECONDS,
        }
    if platform.result_backend.startswith("file://"):
        _ensure_dir(Path(platform.result_backend.removeprefix("file://")))
    return configuration


def _ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Runs an async use case from a sync task on the worker process's one event loop."""
    global _loop
    if _loop is None or _loop.is_closed():
        _loop = asyncio.new_event_loop()
    return _loop.run_until_complete(coroutine)


@worker_process_init.connect
def _init_worker_process(**_: Any) -> None:
    forget_worker_resources()
    platform = platform_settings()
    configure_telemetry("ecolink-worker", otlp_endpoint=platform.otlp_endpoint, environment=platform.environment)


def follow_up(task: Task, name: str) -> None:
    """Sends the task `name` on the queue `task` came from (a woken relay's sender, a full batch's next run)."""
    task.app.send_task(name, queue=(task.request.delivery_info or {}).get("routing_key"))
