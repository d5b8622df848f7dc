"""The process entrypoint every service's `__main__` calls: logging, telemetry, serve until signalled."""

from __future__ import annotations

import asyncio

from ecolink_common.grpc_server import serve_until_signalled
from ecolink_common.service_spec import ServiceSpec
from ecolink_common.settings import PlatformSettings
from ecolink_common.telemetry import configure_logging, configure_telemetry


def main(spec: ServiceSpec) -> None:
    """Runs one service in this process; returns (exit 0) after a clean SIGTERM/SIGINT drain."""
    platform = PlatformSettings()
    configure_logging(level=platform.log_level, log_format=platform.log_format)
    configure_telemetry(f"ecolink-{spec.name}", otlp_endpoint=platform.otlp_endpoint, environment=platform.environment)
    asyncio.run(serve_until_signalled(spec, spec.settings_type(), platform))
