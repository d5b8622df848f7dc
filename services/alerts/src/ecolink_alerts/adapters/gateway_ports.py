"""The gateway's ports over the alerts database: devices from the registry, packets into ingest."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from ecolink_alerts.adapters.group_commit import GroupCommit
from ecolink_alerts.domain.hj212 import Packet
from ecolink_alerts.domain.packet_records import records_from_packet
from ecolink_alerts.domain.packets import HeldPart, PacketReceipt, ProtocolFault
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.gateway.password_guard import FailureCount
from ecolink_alerts.gateway.ports import DeviceCredentials
from ecolink_alerts.gateway.settings import GatewaySettings
from ecolink_alerts.service_layer.arrivals import Arrival
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.ingest import ingest_arrivals
from ecolink_alerts.service_layer.registry_access import OUTCOME_DENIED
from ecolink_alerts.service_layer.split_packets import SplitPackets
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.audit import AuditEntry

GATEWAY_ACTOR = "hj212-gateway"
AUTHENTICATE_ACTION = "HJ212Authenticate"
WRONG_PASSWORD_REASON = "DEVICE_PASSWORD_WRONG"
"""Issue 10: the audit row of wrong device passwords, one per source address, MN and interval with the count."""

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
    `accept` returns once its packet (or split-packet part) is committed. Parts are held in the database by MN and
    QN, whatever connection they came over; `expire_split_packets` gives up the groups older than `split_max_age`."""

    def __init__(
        self,
        uow_factory: Callable[[], AlertsUnitOfWork],
        memory: DeviceMemory,
        *,
        thresholds: RuleThresholds,
        max_packets_per_commit: int,
        split_max_age: timedelta,
        max_pending_split_groups: int,
    ):
        self._uow = uow_factory
        self._memory = memory
        self._thresholds = thresholds
        self._split_max_age = split_max_age
        self._max_pending_split_groups = max_pending_split_groups
        self._group = GroupCommit(self._store, max_items=max_packets_per_commit)
        # One transaction at a time: the expiry of split packets never races a commit of their parts.
        self._storing = asyncio.Lock()

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
        if packet.is_subpacket:
            await self._group.submit(Arrival((), received_at, part=HeldPart(packet, receipt)))
        else:
            await self._group.submit(Arrival(records_from_packet(packet), received_at, receipt))

    async def expire_split_packets(self, now: datetime) -> int:
        split = SplitPackets(self._max_pending_split_groups, expire_before=now - self._split_max_age)
        async with self._storing:
            outcome = await ingest_arrivals(
                self._uow, [], source_agency=None, thresholds=self._thresholds, memory=self._memory, split_packets=split
            )
        return len(outcome.split_groups_dropped)

    async def record_password_failures(self, failures: Sequence[FailureCount]) -> None:
        async with self._storing:
            async with self._uow() as uow:
                for count in failures:
                    await uow.audit.record(
                        AuditEntry(
                            GATEWAY_ACTOR,
                            AUTHENTICATE_ACTION,
                            f"devices/{count.mn}",
                            OUTCOME_DENIED,
                            WRONG_PASSWORD_REASON,
                            details={
                                "source": count.source,
                                "failures": count.failures,
                                "first_at": count.first_at.isoformat(),
                                "last_at": count.last_at.isoformat(),
                            },
                        )
                    )
                await uow.commit()
            receipts = [await self._failure_receipt(count) for count in failures]
            arrivals = [Arrival((), receipt.received_at, receipt) for receipt in receipts if receipt is not None]
            await ingest_arrivals(
                self._uow, arrivals, source_agency=None, thresholds=self._thresholds, memory=self._memory
            )

    async def _failure_receipt(self, count: FailureCount) -> PacketReceipt | None:
        """ANOMALY_RULES §C13 for the device's bureau: the wrong passwords as one packet it may not have sent."""
        async with self._uow() as uow:
            site = await self._memory.site(uow, count.mn)
        if site is None:
            return None
        fault = (ProtocolFault.WRONG_PASSWORD,)
        device = site.device
        return PacketReceipt(count.mn, device.unit_id, device.outlet_id, count.last_at, None, fault, from_device=False)

    async def _store(self, arrivals: Sequence[Arrival]) -> None:
        async with self._storing:
            await ingest_arrivals(
                self._uow,
                arrivals,
                source_agency=None,
                thresholds=self._thresholds,
                memory=self._memory,
                split_packets=SplitPackets(self._max_pending_split_groups),
            )


def gateway_sink(
    uow_factory: Callable[[], AlertsUnitOfWork],
    memory: DeviceMemory,
    thresholds: RuleThresholds,
    settings: GatewaySettings,
) -> RegistryBackedSink:
    """The sink as the gateway process builds it from its settings (`ALERTS_GATEWAY_*`)."""
    return RegistryBackedSink(
        uow_factory,
        memory,
        thresholds=thresholds,
        max_packets_per_commit=settings.max_packets_per_commit,
        split_max_age=timedelta(seconds=settings.subpacket_max_age_seconds),
        max_pending_split_groups=settings.max_pending_subpacket_groups,
    )
