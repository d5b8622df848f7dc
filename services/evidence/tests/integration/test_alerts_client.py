"""The alerts adapter against a scripted AlertService on port 0: the caller's token passed on, UNAVAILABLE retried,
nothing else retried, and what each answer means for an upload."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import grpc
import pytest

from ecolink.alerts.v1 import alert_service_pb2, alert_service_pb2_grpc
from ecolink_common.calls.client import ServiceClient
from ecolink_common.calls.endpoint import Endpoint
from ecolink_common.errors import Unauthenticated, Unavailable
from ecolink_evidence.adapters.alerts_client import AlertsClient

TOKEN = "Bearer caller-token"


@dataclass
class ScriptedAlerts(alert_service_pb2_grpc.AlertServiceServicer):
    """Answers GetAlert with the scripted codes in turn (OK once they run out), keeping what it was sent."""

    codes: list[grpc.StatusCode]
    seen: list[tuple[str, list[str]]] = field(default_factory=list)

    async def GetAlert(self, request, context):
        tokens = [value for key, value in context.invocation_metadata() if key == "authorization"]
        self.seen.append((request.name, tokens))
        if self.codes:
            await context.abort(self.codes.pop(0), "scripted")
        return alert_service_pb2.GetAlertResponse()


@pytest.fixture
async def scripted() -> AsyncIterator[tuple[ScriptedAlerts, AlertsClient]]:
    servicer = ScriptedAlerts([])
    server = grpc.aio.server()
    alert_service_pb2_grpc.add_AlertServiceServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    endpoint = Endpoint("alerts", f"127.0.0.1:{port}", deadline_seconds=5, attempts=3, backoff_seconds=0)
    yield servicer, AlertsClient(ServiceClient(endpoint, tls=None))
    await server.stop(None)


async def test_the_callers_token_is_passed_on_and_unavailable_is_retried(scripted):
    servicer, endpoint = scripted
    servicer.codes[:] = [grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.UNAVAILABLE]
    assert await endpoint.for_caller([TOKEN]).may_see_alert("alerts/a-1")
    assert servicer.seen == [("alerts/a-1", [TOKEN])] * 3


async def test_unavailable_past_the_last_attempt_is_unavailable(scripted):
    servicer, endpoint = scripted
    servicer.codes[:] = [grpc.StatusCode.UNAVAILABLE] * 3
    with pytest.raises(Unavailable) as raised:
        await endpoint.for_caller([TOKEN]).may_see_alert("alerts/a-1")
    assert (raised.value.reason, len(servicer.seen)) == ("ALERTS_UNAVAILABLE", 3)


@pytest.mark.parametrize(
    "code", [grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.INVALID_ARGUMENT]
)
async def test_an_alert_the_caller_may_not_see_is_asked_once(scripted, code):
    servicer, endpoint = scripted
    servicer.codes[:] = [code]
    assert not await endpoint.for_caller([TOKEN]).may_see_alert("alerts/a-1")
    assert len(servicer.seen) == 1


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (grpc.StatusCode.INTERNAL, Unavailable),
        (grpc.StatusCode.DEADLINE_EXCEEDED, Unavailable),
        (grpc.StatusCode.UNAUTHENTICATED, Unauthenticated),
    ],
)
async def test_other_failures_are_not_retried(scripted, code, error):
    servicer, endpoint = scripted
    servicer.codes[:] = [code]
    with pytest.raises(error):
        await endpoint.for_caller([TOKEN]).may_see_alert("alerts/a-1")
    assert len(servicer.seen) == 1
