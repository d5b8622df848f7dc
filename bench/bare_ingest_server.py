"""The floor of bench/ingest: MonitoringService's bulk ingest on a bare grpc.aio server, with no auth, duplicate or
conflict checks and no rules; each batch's values decoded and copied into a table in one transaction."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import asyncpg
import grpc

from bench import bare_server
from ecolink.alerts.v1 import monitoring_pb2, monitoring_service_pb2_grpc
from ecolink.alerts.v1 import monitoring_service_pb2 as pb
from ecolink.alerts.v1.monitoring_service_pb2_grpc import add_MonitoringServiceServicer_to_server

COLUMNS = ["mn", "kind", "data_time", "factor", "value", "flag", "received_at"]
KINDS = {monitoring_pb2.DATA_KIND_MINUTE: "2051", monitoring_pb2.DATA_KIND_HOURLY: "2061"}


class BareIngest(monitoring_service_pb2_grpc.MonitoringServiceServicer):
    """Copies every value of every batch into `table`; counts records as accepted."""

    def __init__(self, pool: asyncpg.Pool, table: str):
        self._pool = pool
        self._table = table

    async def IngestMonitoringData(
        self, request_iterator: AsyncIterator[pb.IngestMonitoringDataRequest], context: grpc.aio.ServicerContext
    ) -> pb.IngestMonitoringDataResponse:
        accepted = 0
        async for batch in request_iterator:
            received_at = datetime.now(UTC)
            rows = [
                (
                    record.mn,
                    KINDS[record.data_kind],
                    record.data_time.ToDatetime(tzinfo=UTC),
                    value.factor_code,
                    value.value,
                    value.flag or "N",
                    received_at,
                )
                for record in batch.records
                for value in record.values
            ]
            async with self._pool.acquire() as connection, connection.transaction():
                await connection.copy_records_to_table(self._table, records=rows, columns=COLUMNS)
            accepted += len(batch.records)
        return pb.IngestMonitoringDataResponse(accepted=accepted)


async def serve(port: int, dsn: str, table: str) -> None:
    pool = await asyncpg.create_pool(dsn, min_size=1, max_size=4)
    servicer = BareIngest(pool, table)
    await bare_server.serve(port, lambda server: add_MonitoringServiceServicer_to_server(servicer, server))


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), sys.argv[2], sys.argv[3]))
