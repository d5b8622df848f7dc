"""The gateway's ports over the alerts database: devices from the registry, packets into ingest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ecolink_alerts.domain.hj212 import Packet
from ecolink_alerts.domain.packets import PacketReceipt, ProtocolFault
from ecolink_alerts.gateway.ports import DeviceCredentials
from ecolink_alerts.packet_records import records_from_packet
from ecolink_alerts.service_layer.ingest import ingest_records
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork

GATEWAY_FAULTS = {"HJ212_LENGTH_MISMATCH": ProtocolFault.LENGTH_MISMATCH, **{f.value: f for f in ProtocolFault}}
"""ANOMALY_RULES §C13: the gateway's fault names as the rules know them; others are not integrity faults."""


class RegistryDeviceDirectory:
    """`DeviceDirectory` reading the registry on every lookup, so a changed password applies at once."""

    def __init__(self, uow_factory: Callable[[], AlertsUnitOfWork]):
        self._uow = uow_factory

    async def device(self, mn: str) -> DeviceCredentials | None:
        async with self._uow() as uow:
            device = await uow.registry.get_device(mn)
        if device is None:
            return None
        return DeviceCredentials(mn, device.access_password, device.crc_mode, device.unit_id, device.outlet_id)


class RegistryBackedSink:
    """`PacketSink` storing a packet's record through `ingest_records`; returns once it is committed."""

    def __init__(self, uow_factory: Callable[[], AlertsUnitOfWork]):
        self._uow = uow_factory

    async def accept(
        self, packet: Packet, device: DeviceCredentials, *, received_at: datetime, faults: tuple[str, ...]
    ) -> None:
        receipt = PacketReceipt(
            mn=device.mn,
            unit_id=device.unit_id,
            outlet_id=device.outlet_id,
            received_at=received_at,
            qn=packet.qn,
            faults=tuple(GATEWAY_FAULTS[fault] for fault in faults if fault in GATEWAY_FAULTS),
        )
        await ingest_records(
            self._uow, records_from_packet(packet), received_at=received_at, source_agency=None, packets=(receipt,)
        )
