"""The reference of bench/basin's fan-out figure: a task that makes one HTTP POST of a JSON body with urllib (as the
referrals webhook sender does), with the options of every platform task (`RETRIED_TASK`: acknowledged late, its
result kept), imported into the platform's worker with `celery -I`."""

from __future__ import annotations

import urllib.request

from celery import Task, shared_task

from ecolink_common.celery_app import RETRIED_TASK

HTTP_POST = "bench.http_post"
TIMEOUT_SECONDS = 5.0


@shared_task(name=HTTP_POST, max_retries=3, **RETRIED_TASK)
def http_post(self: Task, url: str, body: str) -> int:
    """POSTs `body` as JSON to `url` (the bench's loopback receiver); the status it answered."""
    headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")  # noqa: S310 - bench URL
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - bench URL
        return int(response.status)
