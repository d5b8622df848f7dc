"""The gateway's ports over the alerts database: devices from the registry, packets into ingest."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from ecolink_alerts.adapters.group_commit import GroupCommit
from ecolink_alerts.domain.hj212 import Packet
from ecolink_alerts.domain.packets import PacketReceipt, ProtocolFault
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.gateway.ports import DeviceCredentials
from ecolink_alerts.packet_records import records_from_packet
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.ingest import Arrival, ingest_arrivals
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork

GATEWAY_FAULTS = {"HJ212_LENGTH_MISMATCH": ProtocolFault.LENGTH_MISMATCH, **{f.value: f for f in ProtocolFault}}
"""ANOMALY_RULES §C13: the gateway's fault names as the rules know them; others are not integrity faults."""


class RegistryDeviceDirectory:
    """`DeviceDirectory` over the registry, through the process's device memory (a changed password applies within
    its site max age, `ALERTS_REGISTRY_CACHE_SECONDS`)."""

    def __init__(self, uow_factory: Callable[[], AlertsUnitOfWork], memory: DeviceMemory):
        self._uow = uow_factory
        self._memory = memory

    async def device(self, mn: str) -> DeviceCredentials | None:
        remembered = self._memory.remembered_site(mn)
        if remembered is not None:
            site = remembered.site
        else:
            async with self._uow() as uow:
                site = await self._memory.site(uow, mn)
        if site is None:
            return None
        device = site.device
        return DeviceCredentials(
            mn, device.access_password, device.crc_mode, device.unit_id, device.outlet_id, device.protocol_version
        )


class RegistryBackedSink:
    """`PacketSink` storing packets through `ingest_arrivals`, those arriving together in one transaction; each
    `accept` returns once its packet is committed."""

    def __init__(
        self,
        uow_factory: Callable[[], AlertsUnitOfWork],
        memory: DeviceMemory,
        *,
        thresholds: RuleThresholds,
        max_packets_per_commit: int,
    ):
        self._uow = uow_factory
        self._memory = memory
        self._thresholds = thresholds
        self._group = GroupCommit(self._store, max_items=max_packets_per_commit)

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
        await self._group.submit(Arrival(records_from_packet(packet), received_at, receipt))

    async def _store(self, arrivals: Sequence[Arrival]) -> None:
        await ingest_arrivals(self._uow, arrivals, source_agency=None, thresholds=self._thresholds, memory=self._memory)
