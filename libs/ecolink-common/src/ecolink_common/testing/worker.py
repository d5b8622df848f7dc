"""A real Celery worker process of the platform app, for tests that send it tasks."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from celery import Celery

WORKER_APP = "ecolink_cli.worker_app"
STOP_SECONDS = 30


@contextmanager
def running_worker(env: Mapping[str, str], *, queue: str = "celery") -> Iterator[subprocess.Popen[bytes]]:
    """Starts `celery worker --pool=solo` with these environment overrides; stops it with SIGTERM (exit 0)."""
    command = [sys.executable, "-m", "celery", "-A", WORKER_APP, "worker", "--pool=solo", "-Q", queue]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"]
    # A test sends each task itself; a woken relay or sender would run beside it (unless the test asks for wakes).
    environment = {**os.environ, "ECOLINK_OUTBOX_WAKE": "false", **env}
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield process
    finally:
        process.terminate()
        exit_code = process.wait(timeout=STOP_SECONDS)
        if exit_code != 0:
            raise RuntimeError(f"the worker exited with {exit_code}")


async def task_result(client: Celery, task: str, *, queue: str, timeout: float, **kwargs: Any) -> Any:
    """Sends a task and waits for its result off the event loop, so a service the test runs in-process keeps
    serving (and finishes any transaction it holds) while the worker works."""

    def send_and_wait() -> Any:
        return client.send_task(task, kwargs=kwargs, queue=queue).get(timeout=timeout)

    return await asyncio.to_thread(send_and_wait)
