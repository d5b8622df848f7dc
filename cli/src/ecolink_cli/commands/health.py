"""`ecolink health`: every service's gRPC health status in one table."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from ecolink_cli.client import open_channel
from ecolink_cli.output import JsonFlag, emit, fail, make_table
from ecolink_cli.services import SERVICES

CHECK_TIMEOUT_SECONDS = 2.0


@dataclass(frozen=True)
class HealthRow:
    """One service's answer to grpc.health.v1.Health/Check."""

    service: str
    address: str
    status: str


def check_service(name: str) -> HealthRow:
    """Asks one service for its overall health; an unreachable service is UNREACHABLE."""
    address = SERVICES[name].settings_type().address
    with open_channel(name, None) as channel:
        try:
            response = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=""), timeout=CHECK_TIMEOUT_SECONDS
            )
            status = health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
        except grpc.RpcError as error:
            status = "UNREACHABLE" if error.code() == grpc.StatusCode.UNAVAILABLE else error.code().name
    return HealthRow(name, address, status)


def health(as_json: JsonFlag = False) -> None:
    """Check every service; exits 1 unless all are SERVING."""
    rows = [check_service(name) for name in SERVICES]
    table = make_table("ecolink health", ["service", "address", "status"], [list(asdict(r).values()) for r in rows])
    emit([asdict(r) for r in rows], as_json=as_json, table=table)
    if any(r.status != "SERVING" for r in rows):
        fail("not every service is SERVING", as_json=False)
