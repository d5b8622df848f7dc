"""Container healthcheck: exit 0 only when this container's service answers grpc.health.v1 SERVING.

Usage: `python infra/docker/grpc_healthcheck.py [HOST:PORT]`. Without an address it asks
127.0.0.1 on the port of the service named by SERVICE (`<SERVICE>_GRPC_PORT`, else its default port).
Plaintext unless ECOLINK_CLIENT_CA_FILE is set; then TLS, with ECOLINK_CLIENT_CERT_FILE and
ECOLINK_CLIENT_KEY_FILE as the client certificate when the service requires mTLS (the same variables
as `ecolink` CLI channels). Health calls need no token.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

DEFAULT_PORTS = {"alerts": 50051, "cases": 50052, "referrals": 50053, "evidence": 50054}
TIMEOUT_SECONDS = 3.0


def target_address() -> str:
    if len(sys.argv) > 1:
        return sys.argv[1]
    service = os.environ["SERVICE"]
    port = os.environ.get(f"{service.upper()}_GRPC_PORT") or str(DEFAULT_PORTS[service])
    return f"127.0.0.1:{port}"


def open_channel(target: str) -> grpc.Channel:
    ca, cert, key = (os.environ.get(f"ECOLINK_CLIENT_{part}_FILE") for part in ("CA", "CERT", "KEY"))
    if not ca:
        return grpc.insecure_channel(target)
    credentials = grpc.ssl_channel_credentials(
        root_certificates=Path(ca).read_bytes(),
        private_key=Path(key).read_bytes() if key else None,
        certificate_chain=Path(cert).read_bytes() if cert else None,
    )
    return grpc.secure_channel(target, credentials)


def main() -> int:
    target = target_address()
    with open_channel(target) as channel:
        try:
            response = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT_SECONDS
            )
        except grpc.RpcError as error:
            print(f"{target}: {error.code().name}", file=sys.stderr)
            return 1
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
    print(f"{target}: {status}")
    return 0 if response.status == health_pb2.HealthCheckResponse.SERVING else 1


if __name__ == "__main__":
    sys.exit(main())
