"""`python -m ecolink_alerts.gateway`: the HJ 212 gateway process, storing into the alerts database."""

from __future__ import annotations

import asyncio

from ecolink_alerts.adapters.gateway_ports import RegistryDeviceDirectory, gateway_sink
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.gateway.server import start_gateway
from ecolink_alerts.gateway.settings import GatewaySettings
from ecolink_alerts.gateway.status_file import status_path
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.settings import AlertsSettings
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.gc_tuning import tune_garbage_collection
from ecolink_common.grpc_server import stop_signal
from ecolink_common.settings import PlatformSettings
from ecolink_common.telemetry import configure_logging, configure_telemetry, instrument_engine


async def serve() -> None:
    """Listens until SIGTERM/SIGINT, then lets commits in flight finish and their replies go out."""
    platform, alerts = PlatformSettings(), AlertsSettings()
    # Read once for the process; a bad ALERTS_RULE_THRESHOLDS_FILE stops the start here.
    thresholds = alerts.rule_thresholds()
    engine = create_engine(alerts.resolved_database_url(platform), pool_size=alerts.database_pool_size)
    instrument_engine(engine.sync_engine)
    sessions = create_session_factory(engine)

    def uow() -> AlertsUnitOfWork:
        return AlertsUnitOfWork(sessions)

    settings = GatewaySettings()
    memory = DeviceMemory(site_max_age=alerts.registry_cache_seconds)
    sink = gateway_sink(uow, memory, thresholds, settings)
    passwords = device_passwords(alerts.device_password_key_path(platform))
    status_file = status_path(platform.var_dir)
    gateway = await start_gateway(settings, RegistryDeviceDirectory(uow, memory), sink, passwords, status_file)
    tune_garbage_collection(platform.gc_young_threshold)
    await stop_signal()
    await gateway.stop()
    await engine.dispose()


def main() -> None:
    platform = PlatformSettings()
    configure_logging(level=platform.log_level, log_format=platform.log_format)
    configure_telemetry("ecolink-hj212-gateway", otlp_endpoint=platform.otlp_endpoint, environment=platform.environment)
    asyncio.run(serve())


main()
