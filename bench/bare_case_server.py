"""The floor of bench/cases: CaseService's unary methods on a bare grpc.aio server, each call decoded, one PostgreSQL
INSERT and answered with the case's name and a new etag; no auth, rules, approvals, documents or audit."""

from __future__ import annotations

import asyncio
import sys
import uuid

import asyncpg
import grpc
from google.protobuf.message import Message

from bench import bare_server
from ecolink.cases.v1 import case_pb2, case_service_pb2

CASE_SERVICE = case_service_pb2.DESCRIPTOR.services_by_name["CaseService"]
# As many connections as a service's engine may open (ServiceSettings.database_pool_size 10, overflow as many again).
POOL_SIZE = 20


class BareCaseCalls:
    """Inserts one row per call into `table` (method, case) and answers with the case and the row's id as its etag."""

    def __init__(self, pool: asyncpg.Pool, table: str):
        self._pool = pool
        self._insert = f"INSERT INTO {table} (method, case_name) VALUES ($1, $2) RETURNING id"  # noqa: S608 - constant

    def handler(self, method: str, response_type: type[Message]) -> grpc.RpcMethodHandler:
        async def call(request: Message, context: grpc.aio.ServicerContext) -> Message:
            # CreateCase names a new case; every other method names the case it acts on.
            name = getattr(request, "name", "") or f"cases/{uuid.uuid4().hex}"
            row_id = await self._pool.fetchval(self._insert, method, name)
            return response_type(case=case_pb2.Case(name=name, etag=str(row_id)))

        request_type = getattr(case_service_pb2, CASE_SERVICE.methods_by_name[method].input_type.name)
        return grpc.unary_unary_rpc_method_handler(
            call, request_deserializer=request_type.FromString, response_serializer=response_type.SerializeToString
        )

    def generic_handler(self) -> grpc.GenericRpcHandler:
        """Every unary CaseService method whose response carries the case (CreateCase, ApproveCaseStep, each step)."""
        handlers = {
            method.name: self.handler(method.name, getattr(case_service_pb2, method.output_type.name))
            for method in CASE_SERVICE.methods
            if "case" in method.output_type.fields_by_name and not (method.client_streaming or method.server_streaming)
        }
        return grpc.method_handlers_generic_handler(CASE_SERVICE.full_name, handlers)


async def serve(port: int, dsn: str, table: str) -> None:
    pool = await asyncpg.create_pool(dsn, min_size=1, max_size=POOL_SIZE)
    calls = BareCaseCalls(pool, table)
    await bare_server.serve(port, lambda server: server.add_generic_rpc_handlers((calls.generic_handler(),)))


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), sys.argv[2], sys.argv[3]))
