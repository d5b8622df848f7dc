"""One telemetry setup for every ecolink process: tracing, instrumentation, and logs carrying the trace id."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

from opentelemetry import trace
from opentelemetry.instrumentation.celery import CeleryInstrumentor
from opentelemetry.instrumentation.grpc import GrpcAioInstrumentorClient, GrpcAioInstrumentorServer, filters
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter

_configured = False
_exporting = False


def current_trace_id() -> str:
    """The trace id of the active span as 32 hex digits, or 32 zeros outside a trace."""
    return format(trace.get_current_span().get_span_context().trace_id, "032x")


def configure_telemetry(
    process_name: str,
    *,
    otlp_endpoint: str = "",
    environment: str = "development",
    extra_exporter: SpanExporter | None = None,
) -> None:
    """Sets the tracer provider and instruments gRPC and Celery; call before any server or channel exists."""
    global _configured, _exporting
    if _configured:
        return
    resource = Resource.create(
        {"service.name": process_name, "service.namespace": "ecolink", "deployment.environment": environment}
    )
    provider = TracerProvider(resource=resource)
    if otlp_endpoint:
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=otlp_endpoint, insecure=True)))
    if extra_exporter is not None:
        provider.add_span_processor(BatchSpanProcessor(extra_exporter))
    trace.set_tracer_provider(provider)
    _exporting = bool(otlp_endpoint) or extra_exporter is not None
    # Health and reflection are not traced: they are noise, and the aio server interceptor assumes every
    # streaming handler is an async generator, which Health/Watch (it awaits context.write) is not.
    untraced = filters.any_of(filters.health_check(), filters.service_prefix("grpc.reflection"))
    GrpcAioInstrumentorServer(filter_=filters.negate(untraced)).instrument()
    GrpcAioInstrumentorClient().instrument()
    CeleryInstrumentor().instrument()
    _configured = True


def instrument_engine(sync_engine: Any) -> None:
    """Traces every statement of the process's engine (pass `async_engine.sync_engine`) when spans are exported; a
    span per statement that goes nowhere would cost about a twentieth of a service's CPU."""
    if not _exporting:
        return
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    SQLAlchemyInstrumentor().instrument(engine=sync_engine)


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line, with the trace id of the span that was active."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "trace_id": getattr(record, "trace_id", current_trace_id()),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class ConsoleLogFormatter(logging.Formatter):
    """Readable lines for a person at a terminal, still carrying the trace id."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s [trace %(trace_id)s] %(message)s", "%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        record.trace_id = current_trace_id()
        return super().format(record)


def configure_logging(*, level: str = "INFO", log_format: str = "json") -> None:
    """Routes the root logger to stderr in the chosen format."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLogFormatter() if log_format == "json" else ConsoleLogFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
