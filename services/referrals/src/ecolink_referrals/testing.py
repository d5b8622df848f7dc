"""The Lingbi county transfer of the referrals tests (and benchmarks): who is who, the requests a county, its head
and the Suzhou police send, and a webhook receiver standing in for an agency's system."""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import grpc

from ecolink.referrals.v1 import transfer_pb2, transfer_service_pb2
from ecolink_common.testing.rpc import RpcFailure, rpc_failure

COUNTY = "eeb-341323"  # 灵璧县生态环境分局, handles and transfers the case
COUNTY_REPORTERS = ("off-341323-01", "off-341323-02")
HEAD = "off-341323-09"  # the county bureau's head, who approves transfers
POLICE = "psb-341300"
POLICE_OFFICERS = ("pol-341300-01", "pol-341300-02")
PROCURATORATE = "proc-341300"
OTHER_POLICE = "psb-360800"


def transfer_request(
    case: str,
    *,
    approve: bool = True,
    police: str = POLICE,
    officers: Sequence[str] = COUNTY_REPORTERS,
    request_id: str = "",
    kind: transfer_pb2.TransferKind = transfer_pb2.TRANSFER_KIND_CRIMINAL,
) -> transfer_service_pb2.TransferCaseRequest:
    """The county's report of `case` to the police, approved by its head in the same call unless `approve` is False."""
    request = transfer_service_pb2.TransferCaseRequest(
        case=case,
        police_agency_id=police,
        kind=kind,
        facts="2026年11月 篡改自动监控数据 tampered with the CEMS of the kiln stack",
        suspected_offence="破坏计算机信息系统罪",
        persons=[transfer_pb2.TransferPerson(name="张某", role="legal representative")],
        details=transfer_service_pb2.TransferStepDetails(officer_ids=list(officers), request_id=request_id),
    )
    if approve:
        request.approval.approver_officer_id = HEAD
        request.approval.opinion = "同意移送 approved"
    return request


def police_details(note: str = "") -> transfer_service_pb2.TransferStepDetails:
    return transfer_service_pb2.TransferStepDetails(officer_ids=list(POLICE_OFFICERS[:1]), note=note)


async def refused(call: Awaitable[object]) -> RpcFailure:
    """The status of a call that must fail."""
    try:
        await call
    except grpc.aio.AioRpcError as error:
        return rpc_failure(error)
    raise AssertionError("the call succeeded")


@dataclass
class Receiver:
    """An agency's webhook endpoint for tests: refuses while `down`, records what it accepted (path, headers, body)."""

    down: bool = True
    accepted: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)
    refused: int = 0


@contextmanager
def webhook_receiver(*, down: bool = True) -> Iterator[tuple[Receiver, str]]:
    """A real HTTP server on a free loopback port, and its base URL (each agency posts under its own path)."""
    state = Receiver(down=down)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if state.down:
                state.refused += 1
                self.send_response(503)
            else:
                state.accepted.append((self.path, dict(self.headers.items()), body))
                self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
