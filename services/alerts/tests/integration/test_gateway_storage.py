"""The HJ 212 gateway over a real socket, storing through the registry and ingest into the database (both backends)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from ecolink.alerts.v1 import alert_pb2, alert_service_pb2_grpc
from ecolink.alerts.v1 import alert_service_pb2 as alerts_pb
from ecolink_alerts.adapters.gateway_ports import RegistryDeviceDirectory, gateway_sink
from ecolink_alerts.adapters.tables import device_table, monitoring_value_table, split_packet_part_table
from ecolink_alerts.domain.device_passwords import DevicePasswords, is_password_digest
from ecolink_alerts.domain.hj212 import ProtocolVersion, encode_frame
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.gateway import GatewaySettings, RefusalReason, RunningGateway, start_gateway
from ecolink_alerts.service_layer.device_memory import DeviceMemory
from ecolink_alerts.service_layer.registry_loading import load_registry_file
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_alerts.settings import AlertsSettings
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs

LINGBI_MN = "88888880000001"
LINGBI_BUREAU = "eeb-341323"
PASSWORD = "123456"
REPLY_WAIT = 10.0
SPLIT_MAX_AGE = timedelta(minutes=10)
PASSWORDS = DevicePasswords(b"test-device-password-key-32-byte")


@dataclass
class Storing:
    """A gateway storing into the test database, and what a test needs to look at the result."""

    gateway: RunningGateway
    database_url: str
    alerts: alert_service_pb2_grpc.AlertServiceStub
    metadata: Any

    async def alerts_of(self, rule: str) -> list:
        request = alerts_pb.ListAlertsRequest(unit="units/lingbi-jiancai", rule=rule)
        return list((await self.alerts.ListAlerts(request, metadata=self.metadata)).alerts)

    async def held_parts(self) -> int:
        """Parts held that wait for the rest of their group."""
        engine = create_engine(self.database_url)
        try:
            async with engine.connect() as connection:
                waiting = split_packet_part_table.c.joined.is_(False)
                query = select(func.count()).select_from(split_packet_part_table).where(waiting)
                return int((await connection.execute(query)).scalar_one())
        finally:
            await engine.dispose()

    async def stored_values(self) -> list[tuple[str, str | None, float]]:
        engine = create_engine(self.database_url)
        try:
            table = monitoring_value_table
            query = select(table.c.factor, table.c.reported_code, table.c.value).order_by(table.c.factor)
            async with engine.connect() as connection:
                return [tuple(row) for row in await connection.execute(query)]
        finally:
            await engine.dispose()


async def register_lingbi_as(database_url: str, protocol: ProtocolVersion) -> None:
    engine = create_engine(database_url)
    try:
        async with AlertsUnitOfWork(create_session_factory(engine)) as uow:
            device = await uow.registry.get_device(LINGBI_MN)
            assert device is not None
            await uow.registry.put_device(replace(device, protocol_version=protocol))
            await uow.commit()
    finally:
        await engine.dispose()


@pytest.fixture
async def storing(alerts_service, database_url) -> AsyncIterator[Storing]:
    """The demo registry with Lingbi's device registered as a 2005 device, and the gateway as its process runs it."""
    await load_registry_file(database_url, AlertsSettings().registry_file, passwords=PASSWORDS)
    await register_lingbi_as(database_url, ProtocolVersion.HJ212_2005)
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    memory = DeviceMemory(site_max_age=AlertsSettings().registry_cache_seconds)

    def uow() -> AlertsUnitOfWork:
        return AlertsUnitOfWork(sessions)

    settings = GatewaySettings(
        port=0,
        max_packets_per_second=100_000,
        max_packets_per_commit=100,
        subpacket_max_age_seconds=SPLIT_MAX_AGE.total_seconds(),
        max_pending_subpacket_groups=16,
        password_failures_per_source=5,
        password_mn_delay_seconds=0,
    )
    sink = gateway_sink(uow, memory, RuleThresholds(), settings)
    gateway = await start_gateway(settings, RegistryDeviceDirectory(uow, memory), sink, PASSWORDS)
    async with stubs(alerts_service, alert_service_pb2_grpc.AlertServiceStub) as stub:
        yield Storing(
            gateway,
            database_url,
            stub,
            alerts_service.metadata(LINGBI_BUREAU),
        )
    await gateway.stop()
    await engine.dispose()


def hourly_2005(hour: int, values: Sequence[tuple[str, float]]) -> bytes:
    """A 2005 hourly upload (CN=2061, Flag=1: 2005 with reply) of 2005 factor codes, DataTime in Beijing time."""
    area = ";".join(f"{code}-Avg={value},{code}-Flag=N" for code, value in values)
    local = f"20261120{8 + hour:02d}0000"
    segment = f"QN={local}000;ST=31;CN=2061;PW={PASSWORD};MN={LINGBI_MN};Flag=1;CP=&&DataTime={local};{area}&&"
    return encode_frame(segment.encode())


async def send_all(gateway: RunningGateway, frames: Sequence[bytes]) -> list[bytes]:
    """Each frame over one connection, waiting for its reply before the next."""
    reader, writer = await asyncio.open_connection("127.0.0.1", gateway.port)
    replies = []
    try:
        for frame in frames:
            writer.write(frame)
            replies.append(await asyncio.wait_for(reader.readuntil(b"\r\n"), REPLY_WAIT))
    finally:
        writer.close()
    return replies


async def test_a_2005_device_so2_above_its_limit_is_stored_under_a21026_and_raises_e1(storing: Storing) -> None:
    # Lingbi's SO2 limit is 35 mg/m³; `02` is the 2005 code of SO2 and `B02` of flue-gas flow (HJ212.md §7).
    frames = [hourly_2005(hour, [("02", 80.0), ("B02", 300000.0)]) for hour in range(2)]
    replies = await send_all(storing.gateway, frames)
    assert all(b"CN=9014" in reply for reply in replies)
    stored = await storing.stored_values()
    assert sorted({(factor, reported) for factor, reported, _ in stored}) == [("a00000", "B02"), ("a21026", "02")]
    [exceedance] = await storing.alerts_of("E1")
    assert exceedance.factor_code == "a21026"


async def test_a_2005_code_without_a_2017_code_is_stored_as_sent_and_counted(storing: Storing) -> None:
    await send_all(storing.gateway, [hourly_2005(0, [("02", 20.0), ("99", 1.5)])])
    assert await storing.stored_values() == [("99", None, 1.5), ("a21026", "02", 20.0)]
    assert storing.gateway.counters().unmapped_factor_codes == 1


def hourly_2017(hour: int, so2: float = 12.5, pw: str = PASSWORD) -> bytes:
    local = f"20261120{8 + hour:02d}0000"
    segment = (
        f"QN={local}000;ST=31;CN=2061;PW={pw};MN={LINGBI_MN};Flag=5;"
        f"CP=&&DataTime={local};a21026-Avg={so2},a21026-Flag=N;a00000-Avg=300000,a00000-Flag=N&&"
    )
    return encode_frame(segment.encode())


def with_wrong_length(frame: bytes) -> bytes:
    """The frame with its length field 3 too high (HJ212.md §1: a real fixture declares 0139 for 136 bytes)."""
    return frame[:2] + b"%04d" % (int(frame[2:6]) + 3) + frame[6:]


async def test_five_packets_in_a_row_with_a_wrong_length_field_raise_one_c13_alert(storing: Storing) -> None:
    replies = await send_all(storing.gateway, [with_wrong_length(hourly_2017(hour)) for hour in range(5)])
    assert all(b"CN=9014" in reply for reply in replies)
    [integrity] = await storing.alerts_of("C13")
    assert integrity.state == alert_pb2.ALERT_STATE_OPEN


async def test_packets_with_a_wrong_length_field_among_sound_ones_raise_one_c13_alert(storing: Storing) -> None:
    frames = [hourly_2017(hour) if hour % 2 else with_wrong_length(hourly_2017(hour)) for hour in range(9)]
    replies = await send_all(storing.gateway, frames)
    assert all(b"CN=9014" in reply for reply in replies)
    [integrity] = await storing.alerts_of("C13")
    assert integrity.state == alert_pb2.ALERT_STATE_OPEN


def split_part(pno: int, pnum: int, area: str, *, qn: str = "20261120080000000") -> bytes:
    """A part of a 2017 hourly upload split in `pnum` (Flag=7: split, reply asked), DataTime 08:00 Beijing time."""
    segment = (
        f"QN={qn};ST=31;CN=2061;PW={PASSWORD};MN={LINGBI_MN};Flag=7;PNUM={pnum};PNO={pno};"
        f"CP=&&DataTime=20261120080000;{area}&&"
    )
    return encode_frame(segment.encode())


SO2_PART = "a21026-Avg=12.5,a21026-Flag=N"
FLOW_PART = "a00000-Avg=300000,a00000-Flag=N"


async def test_parts_over_two_connections_are_each_answered_once_held_and_joined_into_one_stored_record(
    storing: Storing,
) -> None:
    [first_reply] = await send_all(storing.gateway, [split_part(1, 2, SO2_PART)])
    assert b"CN=9014" in first_reply
    assert (await storing.held_parts(), await storing.stored_values()) == (1, [])
    [second_reply] = await send_all(storing.gateway, [split_part(2, 2, FLOW_PART)])
    assert b"CN=9014" in second_reply
    assert await storing.stored_values() == [("a00000", None, 300000.0), ("a21026", None, 12.5)]
    assert await storing.held_parts() == 0


async def test_a_part_sent_again_after_a_lost_reply_is_held_once_and_the_record_stored_once(storing: Storing) -> None:
    replies = await send_all(storing.gateway, [split_part(1, 2, SO2_PART)] * 2 + [split_part(2, 2, FLOW_PART)])
    assert all(b"CN=9014" in reply for reply in replies)
    assert len(await storing.stored_values()) == 2


async def test_an_incomplete_split_packet_is_given_up_after_the_age_limit_counted_and_raised_as_c13(
    storing: Storing,
) -> None:
    await send_all(storing.gateway, [split_part(1, 3, SO2_PART), split_part(2, 3, FLOW_PART)])
    first_part_at = datetime.now(UTC)
    assert await storing.gateway.expire_split_packets(first_part_at + SPLIT_MAX_AGE - timedelta(minutes=1)) == 0
    assert await storing.gateway.expire_split_packets(first_part_at + SPLIT_MAX_AGE) == 1
    assert (await storing.held_parts(), await storing.stored_values()) == (0, [])
    assert storing.gateway.counters().refused_for(RefusalReason.SUBPACKETS_DROPPED) == 1
    [integrity] = await storing.alerts_of("C13")
    assert integrity.state == alert_pb2.ALERT_STATE_OPEN


async def test_a_device_starting_a_split_packet_over_gives_the_old_group_up_as_c13_and_joins_the_new(
    storing: Storing,
) -> None:
    frames = [split_part(1, 3, SO2_PART), split_part(1, 2, SO2_PART), split_part(2, 2, FLOW_PART)]
    assert all(b"CN=9014" in reply for reply in await send_all(storing.gateway, frames))
    assert len(await storing.stored_values()) == 2
    [integrity] = await storing.alerts_of("C13")
    assert integrity.state == alert_pb2.ALERT_STATE_OPEN


async def stored_password(database_url: str) -> str:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            query = select(device_table.c.access_password).where(device_table.c.mn == LINGBI_MN)
            return str((await connection.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def test_a_registered_password_is_stored_only_as_its_keyed_digest(storing: Storing) -> None:
    stored = await stored_password(storing.database_url)
    assert is_password_digest(stored) and "123456" not in stored
    assert stored == PASSWORDS.digest("123456") != DevicePasswords(b"another-key-of-thirty-two-bytes!").digest("123456")


async def test_1500_wrong_passwords_block_the_guessing_address_and_are_audited_once_and_raised_as_c13(
    storing: Storing,
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", storing.gateway.port)
    guesses = [hourly_2017(0, pw=f"{guess:06d}") for guess in range(1500)]
    writer.write(b"".join(guesses[:5]))
    answered = [await asyncio.wait_for(reader.readuntil(b"\r\n"), REPLY_WAIT) for _ in range(5)]
    assert all(b"QnRtn=3" in reply for reply in answered)
    writer.write(b"".join(guesses[5:]) + hourly_2017(0))  # the right password last, from the guessing address
    writer.write_eof()
    assert await asyncio.wait_for(reader.read(), REPLY_WAIT) == b""  # all read, none answered, then closed
    writer.close()
    [device_reply] = await send_all_from("127.0.0.2", storing.gateway, [hourly_2017(0)])
    assert b"CN=9014" in device_reply
    counters = storing.gateway.counters()
    assert (counters.refused_for(RefusalReason.PASSWORD), counters.refused_for(RefusalReason.THROTTLED)) == (5, 1496)
    assert await storing.gateway.record_password_failures(datetime.now(UTC)) == 1
    [row] = [row for row in await audit_rows(storing.database_url) if row["action"] == "HJ212Authenticate"]
    assert (row["resource"], row["reason"]) == (f"devices/{LINGBI_MN}", "DEVICE_PASSWORD_WRONG")
    assert (row["details"]["source"], row["details"]["failures"]) == ("127.0.0.1", 5)
    [integrity] = await storing.alerts_of("C13")
    assert integrity.region_code == "341323"


async def send_all_from(address: str, gateway: RunningGateway, frames: Sequence[bytes]) -> list[bytes]:
    """Each frame over one connection from another loopback address, waiting for its reply before the next."""
    reader, writer = await asyncio.open_connection("127.0.0.1", gateway.port, local_addr=(address, 0))
    replies = []
    try:
        for frame in frames:
            writer.write(frame)
            replies.append(await asyncio.wait_for(reader.readuntil(b"\r\n"), REPLY_WAIT))
    finally:
        writer.close()
    return replies


async def test_the_last_part_sent_again_after_its_reply_was_lost_is_answered_and_raises_nothing(
    storing: Storing,
) -> None:
    frames = [split_part(1, 2, SO2_PART), split_part(2, 2, FLOW_PART), split_part(2, 2, FLOW_PART)]
    assert all(b"CN=9014" in reply for reply in await send_all(storing.gateway, frames))
    assert await storing.gateway.expire_split_packets(datetime.now(UTC) + SPLIT_MAX_AGE) == 0
    assert (len(await storing.stored_values()), await storing.held_parts()) == (2, 0)
    assert await storing.alerts_of("C13") == []
