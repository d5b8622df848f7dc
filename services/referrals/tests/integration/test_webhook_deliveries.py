"""Push to the police's and the procuratorate's systems through a real Celery worker (issue 13 item 9b): each transfer
change reaches every party's webhook HMAC-signed with its secret, once per idempotency key; a webhook that is down is
retried until it is back, and nothing is lost; a deadline that passed unmet is pushed too."""

from __future__ import annotations

import asyncio
import json
import signal
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ecolink.referrals.v1 import webhook_service_pb2, webhook_service_pb2_grpc
from ecolink_common.celery_app import RELAY_OUTBOX, make_celery
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.worker import running_worker, task_result
from ecolink_referrals.domain.webhook_signing import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    signature_valid,
)
from ecolink_referrals.testing import COUNTY, POLICE, PROCURATORATE, transfer_request
from ecolink_referrals.worker.tasks import DELIVER_WEBHOOKS, RECORD_OVERDUE_DEADLINES

RESULT_SECONDS = 60


async def test_every_change_reaches_each_partys_webhook_signed_and_once(
    walk, investigated_case, evidence, evidence_beside, transfers, referrals_service, platform, database_url, receiver
):
    state, base = receiver
    secrets: dict[str, str] = {}
    async with stubs(referrals_service, webhook_service_pb2_grpc.WebhookServiceStub) as webhooks:
        for agency in (POLICE, PROCURATORATE):
            set_ = await webhooks.SetWebhook(
                webhook_service_pb2.SetWebhookRequest(url=f"{base}/{agency}"),
                metadata=referrals_service.metadata(agency),
            )
            secrets[agency] = set_.webhook.secret
        await investigated_case(walk, evidence, evidence_beside)
        sent = (
            await transfers.TransferCase(transfer_request(walk.name), metadata=referrals_service.metadata(COUNTY))
        ).transfer

        queue = f"test-{uuid.uuid4().hex[:8]}"
        env = {
            "ECOLINK_VAR_DIR": str(platform.var_dir),
            "REFERRALS_DATABASE_URL": database_url,
            "REFERRALS_WEBHOOK_FIRST_BACKOFF_SECONDS": "0.01",
            "REFERRALS_WEBHOOK_MAX_BACKOFF_SECONDS": "0.01",
        }
        client = make_celery("ecolink-test-client", platform, include=[])

        async def run(task: str, **kwargs: object) -> dict[str, object]:
            return await task_result(client, task, queue=queue, timeout=RESULT_SECONDS, **kwargs)

        with running_worker(env, queue=queue):
            relayed = await run(RELAY_OUTBOX, service="referrals")
            while_down = await run(DELIVER_WEBHOOKS)
            state.down = False
            when_back = await run(DELIVER_WEBHOOKS)
            again = await run(DELIVER_WEBHOOKS)
            overdue = await run(RECORD_OVERDUE_DEADLINES)
            await run(RELAY_OUTBOX, service="referrals")
            pushed_overdue = await run(DELIVER_WEBHOOKS)

        assert relayed["published"] == 2  # the report and the send
        assert while_down == {"sent": 4, "accepted": 0} and state.refused == 4
        assert when_back == {"sent": 4, "accepted": 4} and again == {"sent": 0, "accepted": 0}
        assert overdue["recorded"] >= 1 and pushed_overdue["accepted"] >= 1
        keys = [(path, headers[IDEMPOTENCY_HEADER]) for path, headers, _ in state.accepted]
        assert len(keys) == len(set(keys))
        for path, headers, body in state.accepted:
            agency = path.strip("/")
            assert signature_valid(secrets[agency], headers[TIMESTAMP_HEADER], body, headers[SIGNATURE_HEADER])
        steps = [json.loads(body)["payload"].get("step") for path, _, body in state.accepted if path == f"/{POLICE}"]
        assert steps[:2] == ["TransferCase", "ApproveTransfer"]
        duties = [json.loads(body)["payload"].get("duty") for _, _, body in state.accepted]
        assert "receipt" in duties

        listed = await webhooks.ListDeliveries(
            webhook_service_pb2.ListDeliveriesRequest(), metadata=referrals_service.metadata(POLICE)
        )
        first_two = sorted(listed.deliveries, key=lambda d: d.create_time.ToDatetime())[:2]
        assert [(d.status, d.attempts, d.transfer) for d in first_two] == [("delivered", 2, sent.name)] * 2


async def test_a_worker_killed_in_the_middle_of_a_delivery_loses_nothing(
    walk, investigated_case, evidence, evidence_beside, transfers, referrals_service, platform, database_url
):
    """kill -9 while the police's webhook is answering: the claim runs out, and the next worker sends the event again
    under the same idempotency key, so the police system records it once."""
    hit, release = threading.Event(), threading.Event()
    keys: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            keys.append(self.headers[IDEMPOTENCY_HEADER])
            hit.set()
            release.wait(timeout=30)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        async with stubs(referrals_service, webhook_service_pb2_grpc.WebhookServiceStub) as webhooks:
            url = f"http://127.0.0.1:{server.server_address[1]}/police"
            await webhooks.SetWebhook(
                webhook_service_pb2.SetWebhookRequest(url=url), metadata=referrals_service.metadata(POLICE)
            )
            await investigated_case(walk, evidence, evidence_beside)
            request = transfer_request(walk.name, approve=False)
            await transfers.TransferCase(request, metadata=referrals_service.metadata(COUNTY))
            env = {
                "ECOLINK_VAR_DIR": str(platform.var_dir),
                "REFERRALS_DATABASE_URL": database_url,
                "REFERRALS_WEBHOOK_LEASE_SECONDS": "0.5",
            }
            client = make_celery("ecolink-test-client", platform, include=[])
            queue = f"test-{uuid.uuid4().hex[:8]}"
            with pytest.raises(RuntimeError, match="exited with -9"), running_worker(env, queue=queue) as worker:
                await task_result(client, RELAY_OUTBOX, queue=queue, timeout=RESULT_SECONDS, service="referrals")
                client.send_task(DELIVER_WEBHOOKS, queue=queue)
                assert await asyncio.to_thread(hit.wait, RESULT_SECONDS)
                worker.send_signal(signal.SIGKILL)
                worker.wait(timeout=RESULT_SECONDS)
            release.set()
            # The lease of the killed worker's claim is half a second of the worker's own clock.
            await asyncio.sleep(0.6)
            with running_worker(env, queue=queue):
                runs = [
                    await task_result(client, DELIVER_WEBHOOKS, queue=queue, timeout=RESULT_SECONDS) for _ in range(2)
                ]
            listed = await webhooks.ListDeliveries(
                webhook_service_pb2.ListDeliveriesRequest(), metadata=referrals_service.metadata(POLICE)
            )
    finally:
        release.set()
        server.shutdown()
    assert sum(run["accepted"] for run in runs) == 1
    assert [(d.status, d.attempts) for d in listed.deliveries] == [("delivered", 1)]
    assert len(keys) == 2 and len(set(keys)) == 1
