"""The floor of bench/referrals' webhook figure: a task that does nothing, with the options of every platform task
(`RETRIED_TASK`: acknowledged late, its result kept), imported into the platform's worker with `celery -I`."""

from __future__ import annotations

from celery import Task, shared_task

from ecolink_common.celery_app import RETRIED_TASK

NOOP = "bench.noop"


@shared_task(name=NOOP, max_retries=3, **RETRIED_TASK)
def noop(self: Task) -> None:
    return None
