"""`ecolink health`: every service's gRPC health status, and the HJ 212 gateway's state and counters, in tables."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from ecolink_alerts.gateway.settings import GatewaySettings
from ecolink_alerts.gateway.status_file import judged_state, read_status, status_path
from ecolink_cli.client import open_channel
from ecolink_cli.output import JsonFlag, console, emit, fail, make_table
from ecolink_cli.services import SERVICE_NAMES, service_settings_type
from ecolink_common.settings import PlatformSettings

CHECK_TIMEOUT_SECONDS = 2.0
GATEWAY = "hj212-gateway"
GATEWAY_LISTENING = "LISTENING"
COUNTER_COLUMNS = [
    "connections open",
    "connections opened",
    "packets accepted",
    "replies sent",
    "refused",
    "unmapped 2005 codes",
    "sink failures",
    "connection errors",
    "as of",
]


@dataclass(frozen=True)
class HealthRow:
    """One service's answer to grpc.health.v1.Health/Check."""

    service: str
    address: str
    status: str


@dataclass(frozen=True)
class GatewayHealth:
    """The gateway's state as its status file (var/run/hj212-gateway.json) tells it, with its counters."""

    service: str
    address: str
    status: str
    pid: int | None
    written_at: str | None
    counters: dict[str, Any] | None


def check_service(name: str) -> HealthRow:
    """Asks one service for its overall health; an unreachable service is UNREACHABLE."""
    address = service_settings_type(name)().address
    with open_channel(name, None) as channel:
        try:
            response = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=""), timeout=CHECK_TIMEOUT_SECONDS
            )
            status = health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
        except grpc.RpcError as error:
            status = "UNREACHABLE" if error.code() == grpc.StatusCode.UNAVAILABLE else error.code().name
    return HealthRow(name, address, status)


def check_gateway(platform: PlatformSettings) -> GatewayHealth:
    """LISTENING, STOPPED, STALE or NOT_RUNNING, from the status file the gateway of this var directory writes."""
    status = read_status(status_path(platform.var_dir))
    state = judged_state(status, now=datetime.now(UTC))
    if status is None:
        settings = GatewaySettings()
        return GatewayHealth(GATEWAY, f"tcp://{settings.host}:{settings.port}", state, None, None, None)
    address = f"tcp://{status.host}:{status.port}"
    counters = asdict(status.counters)
    return GatewayHealth(GATEWAY, address, state, status.pid, status.written_at.isoformat(), counters)


def _counter_row(gateway: GatewayHealth) -> list[Any]:
    counters = gateway.counters or {}
    refused = counters.get("refused", {})
    by_reason = ", ".join(f"{reason} {count}" for reason, count in refused.items())
    return [
        counters.get("connections_open"),
        counters.get("connections_opened"),
        counters.get("packets_accepted"),
        counters.get("replies_sent"),
        f"{sum(refused.values())}" + (f" ({by_reason})" if by_reason else ""),
        counters.get("unmapped_factor_codes"),
        counters.get("sink_failures"),
        counters.get("connection_errors"),
        gateway.written_at,
    ]


def health(as_json: JsonFlag = False) -> None:
    """Check every service and the HJ 212 gateway; exits 1 unless all services are SERVING and it is LISTENING."""
    rows = [check_service(name) for name in SERVICE_NAMES]
    gateway = check_gateway(PlatformSettings())
    if as_json:
        emit([*(asdict(r) for r in rows), asdict(gateway)], as_json=True)
    else:
        listed = [[r.service, r.address, r.status] for r in rows] + [[gateway.service, gateway.address, gateway.status]]
        console.print(make_table("ecolink health", ["service", "address", "status"], listed))
        if gateway.counters is not None:
            console.print(make_table("HJ 212 gateway counters", COUNTER_COLUMNS, [_counter_row(gateway)]))
    if any(r.status != "SERVING" for r in rows):
        fail("not every service is SERVING", as_json=False)
    if gateway.status != GATEWAY_LISTENING:
        fail(f"the HJ 212 gateway is {gateway.status}", as_json=False)
