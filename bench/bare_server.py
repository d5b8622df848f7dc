"""The reference for bench/identity, and the server of the other benchmarks' floors: a bare grpc.aio server with
the standard health service and no interceptors."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable

import grpc
from grpc_health.v1 import _async as health_aio
from grpc_health.v1 import health_pb2_grpc


def no_servicers(server: grpc.aio.Server) -> None:
    """Health only: what bench/identity calls."""


async def serve(port: int, add_servicers: Callable[[grpc.aio.Server], None] = no_servicers) -> None:
    """Serves health and whatever `add_servicers` adds on 127.0.0.1:`port` until terminated."""
    server = grpc.aio.server()
    health_pb2_grpc.add_HealthServicer_to_server(health_aio.HealthServicer(), server)
    add_servicers(server)
    server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    await server.wait_for_termination()


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1])))
