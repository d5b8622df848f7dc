"""Tracing through a real server: the RPC is a span, and the audit row and log lines carry its trace id."""

from __future__ import annotations

import json
import logging

import grpc
import pytest
from opentelemetry import trace
from opentelemetry.instrumentation.grpc import GrpcAioInstrumentorClient
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from ecolink.common.v1 import identity_service_pb2
from ecolink_common.telemetry import JsonLogFormatter, configure_telemetry
from ecolink_common.testing.audit_rows import audit_rows

EXPORTER = InMemorySpanExporter()
WHO_AM_I = "/ecolink.common.v1.IdentityService/WhoAmI"


@pytest.fixture(scope="module", autouse=True)
def telemetry():
    configure_telemetry("ecolink-test", extra_exporter=EXPORTER)
    yield
    # The aio client interceptor keeps a cancelled client-streaming call open underneath; later tests
    # cancel uploads on purpose, so they get plain channels again (the CLI never instruments clients).
    GrpcAioInstrumentorClient().uninstrument()


async def test_a_refused_call_is_a_span_whose_trace_id_the_audit_row_carries(identity_stub, database_url):
    with pytest.raises(grpc.aio.AioRpcError):
        await identity_stub.WhoAmI(identity_service_pb2.WhoAmIRequest(), metadata=[("authorization", "Bearer x")])
    trace.get_tracer_provider().force_flush()
    server_spans = [s for s in EXPORTER.get_finished_spans() if s.name == WHO_AM_I and s.kind.name == "SERVER"]
    assert server_spans
    trace_id = format(server_spans[-1].context.trace_id, "032x")
    refused = [row for row in await audit_rows(database_url) if row["outcome"] == "UNAUTHENTICATED"]
    assert refused[-1]["trace_id"] == trace_id != "0" * 32


def test_json_log_lines_carry_the_active_trace_id():
    with trace.get_tracer("test").start_as_current_span("work") as span:
        record = logging.LogRecord("ecolink", logging.INFO, __file__, 1, "hello %s", ("bureau",), None)
        line = json.loads(JsonLogFormatter().format(record))
    assert line["message"] == "hello bureau"
    assert line["trace_id"] == format(span.get_span_context().trace_id, "032x")
