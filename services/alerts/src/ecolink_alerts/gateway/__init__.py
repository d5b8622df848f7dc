"""The HJ 212 TCP gateway: an asyncio adapter that takes device uploads and hands them to a `PacketSink`."""

from ecolink_alerts.gateway.counters import CountersSnapshot, GatewayCounters, RefusalReason
from ecolink_alerts.gateway.ports import DeviceCredentials, DeviceDirectory, PacketSink
from ecolink_alerts.gateway.server import RunningGateway, start_gateway
from ecolink_alerts.gateway.settings import GatewaySettings

__all__ = [
    "CountersSnapshot",
    "DeviceCredentials",
    "DeviceDirectory",
    "GatewayCounters",
    "GatewaySettings",
    "PacketSink",
    "RefusalReason",
    "RunningGateway",
    "start_gateway",
]
