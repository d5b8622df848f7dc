"""The HJ 212 gateway through real TCP sockets on 127.0.0.1: framing, checks, replies after commit, limits, abuse."""

from __future__ import annotations

import asyncio
import os
import resource
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from ecolink_alerts.domain.device_passwords import DevicePasswords
from ecolink_alerts.domain.hj212 import CrcMode, Frame, FrameDecoder, Packet, encode_frame
from ecolink_alerts.gateway import (
    DeviceCredentials,
    GatewaySettings,
    RefusalReason,
    RunningGateway,
    start_gateway,
)
from ecolink_alerts.gateway.password_guard import FailureCount

MN = "010000A8900016F000169DC0"
MODBUS_MN = "41050022000017"
PASSWORD = "100000"
QN = "20160801085857223"
PASSWORDS = DevicePasswords(b"test-device-password-key-32-byte")
DEVICE = DeviceCredentials(MN, PASSWORDS.digest(PASSWORD), CrcMode.HJ212, "lingbi-jiancai", "DA001")
MODBUS_DEVICE = DeviceCredentials(MODBUS_MN, PASSWORDS.digest(PASSWORD), CrcMode.MODBUS, "lingbi-jiancai", "DA002")
REPLY_WAIT = 3.0
SILENCE = 0.3


def data_segment(
    *, qn: str = QN, mn: str = MN, pw: str = PASSWORD, flag: int = 5, split: str = "", cp: str = ""
) -> bytes:
    """A 2017 minute upload (CN=2051) of SO2 from a flue-gas outlet."""
    area = cp or "DataTime=20160801080000;a21026-Avg=12.5,a21026-Flag=N"
    return f"QN={qn};ST=31;CN=2051;PW={pw};MN={mn};Flag={flag};{split}CP=&&{area}&&".encode()


def upload(*, mode: CrcMode = CrcMode.HJ212, **fields: Any) -> bytes:
    return encode_frame(data_segment(**fields), mode)


def expected_data_reply(qn: str = QN, mn: str = MN, mode: CrcMode = CrcMode.HJ212) -> bytes:
    """HJ212.md §4: 9014 with ST=91, Flag=4, the upload's QN and an empty data area."""
    return encode_frame(f"QN={qn};ST=91;CN=9014;PW={PASSWORD};MN={mn};Flag=4;CP=&&&&".encode(), mode)


def expected_request_reply(qn_rtn: int, pw: str = PASSWORD) -> bytes:
    """HJ212.md §4: 9011 with the return code, echoing the refused packet's QN and PW."""
    return encode_frame(f"QN={QN};ST=91;CN=9011;PW={pw};MN={MN};Flag=4;CP=&&QnRtn={qn_rtn}&&".encode())


class MemoryDirectory:
    def __init__(self, *devices: DeviceCredentials) -> None:
        self._devices = {device.mn: device for device in devices}

    async def device(self, mn: str) -> DeviceCredentials | None:
        return self._devices.get(mn)


@dataclass
class RecordingSink:
    """Records what it commits; can wait for a release first, or fail."""

    stored: list[tuple[Packet, DeviceCredentials, tuple[str, ...]]] = field(default_factory=list)
    release: asyncio.Event | None = None
    entered: asyncio.Event = field(default_factory=asyncio.Event)
    failure: Exception | None = None
    password_failures: list[FailureCount] = field(default_factory=list)

    async def accept(
        self, packet: Packet, device: DeviceCredentials, *, received_at: datetime, faults: tuple[str, ...]
    ) -> None:
        self.entered.set()
        if self.release is not None:
            await self.release.wait()
        if self.failure is not None:
            raise self.failure
        self.stored.append((packet, device, faults))

    async def expire_split_packets(self, now: datetime) -> int:
        return 0

    async def record_password_failures(self, failures: Sequence[FailureCount]) -> None:
        self.password_failures.extend(failures)


Starter = Callable[..., Awaitable[RunningGateway]]


@pytest.fixture
async def start() -> AsyncIterator[Starter]:
    started: list[RunningGateway] = []

    async def start_one(sink: RecordingSink, **settings: Any) -> RunningGateway:
        directory = MemoryDirectory(DEVICE, MODBUS_DEVICE)
        gateway = await start_gateway(GatewaySettings(port=0, **settings), directory, sink, PASSWORDS)
        started.append(gateway)
        return gateway

    yield start_one
    for gateway in started:
        await gateway.stop()


async def connect(gateway: RunningGateway) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection("127.0.0.1", gateway.port)


async def next_reply(reader: asyncio.StreamReader) -> bytes:
    return await asyncio.wait_for(reader.readuntil(b"\r\n"), REPLY_WAIT)


async def assert_silent(reader: asyncio.StreamReader) -> None:
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(reader.read(1), SILENCE)


async def exchange(gateway: RunningGateway, payload: bytes) -> bytes:
    reader, writer = await connect(gateway)
    writer.write(payload)
    try:
        return await next_reply(reader)
    finally:
        writer.close()


async def assert_closed_by_gateway(reader: asyncio.StreamReader, within: float) -> None:
    assert await asyncio.wait_for(reader.read(), within) == b""


async def test_a_valid_upload_is_stored_once_and_answered_with_a_byte_exact_data_reply(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    reply = await exchange(gateway, upload())
    assert reply == expected_data_reply()
    (frame,) = FrameDecoder().feed(reply)
    assert isinstance(frame, Frame) and frame.crc_matches()
    (packet, device, faults) = sink.stored[0]
    assert (len(sink.stored), packet.mn, packet.cn, device, faults) == (1, MN, "2051", DEVICE, ())
    assert packet.cp.factors["a21026"] == {"Avg": "12.5", "Flag": "N"}
    assert (gateway.counters().packets_accepted, gateway.counters().replies_sent) == (1, 1)


async def test_an_upload_whose_flag_asks_no_reply_is_stored_without_a_reply(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    reader, writer = await connect(gateway)
    writer.write(upload(flag=4))
    await assert_silent(reader)
    writer.close()
    assert len(sink.stored) == 1


async def test_a_packet_sent_byte_by_byte_is_cut_from_the_stream(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    reader, writer = await connect(gateway)
    for byte in upload():
        writer.write(bytes([byte]))
        await writer.drain()
    assert await next_reply(reader) == expected_data_reply()
    writer.close()
    assert len(sink.stored) == 1


async def test_pipelined_packets_in_one_write_are_each_stored_and_answered_in_order(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    qns = [f"2016080108585722{digit}" for digit in range(5)]
    reader, writer = await connect(gateway)
    writer.write(b"".join(upload(qn=qn) for qn in qns))
    assert [await next_reply(reader) for _ in qns] == [expected_data_reply(qn) for qn in qns]
    writer.close()
    assert [packet.qn for packet, _, _ in sink.stored] == qns


async def test_a_flooding_connection_is_slowed_to_its_packet_rate_not_dropped(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink, max_packets_per_second=20)
    qns = [f"201608010858{number:05d}" for number in range(30)]
    reader, writer = await connect(gateway)
    started = asyncio.get_running_loop().time()
    writer.write(b"".join(upload(qn=qn) for qn in qns))
    assert [await next_reply(reader) for _ in qns] == [expected_data_reply(qn) for qn in qns]
    writer.close()
    assert asyncio.get_running_loop().time() - started >= 0.4  # 20 at once, then 10 more at 20 per second


async def test_a_wrong_password_is_refused_with_a_9011_qnrtn_3_and_not_stored(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    reply = await exchange(gateway, upload(pw="999999"))
    assert reply == expected_request_reply(3, pw="999999")
    (frame,) = FrameDecoder().feed(reply)
    assert isinstance(frame, Frame) and frame.crc_matches()
    assert sink.stored == []
    assert gateway.counters().refused_for(RefusalReason.PASSWORD) == 1


async def connect_from(gateway: RunningGateway, address: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A connection from another loopback address (127.0.0.0/8 is all local on Linux): another source."""
    return await asyncio.open_connection("127.0.0.1", gateway.port, local_addr=(address, 0))


async def test_an_address_guessing_passwords_is_blocked_while_the_device_elsewhere_gets_in(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink, password_failures_per_source=3, password_failures_per_mn=2, password_mn_delay_seconds=0)
    reader, writer = await connect(gateway)
    for guess in range(3):
        writer.write(upload(pw=f"99999{guess}"))
        assert b"QnRtn=3" in await next_reply(reader)
    writer.write(upload(pw="999993"))
    writer.write(upload())  # the right password, from the address that guessed: dropped unchecked
    await assert_silent(reader)
    writer.close()
    device_reader, device_writer = await connect_from(gateway, "127.0.0.2")
    device_writer.write(upload())
    assert await next_reply(device_reader) == expected_data_reply()
    device_writer.close()
    assert len(sink.stored) == 1
    counters = gateway.counters()
    assert (counters.refused_for(RefusalReason.PASSWORD), counters.refused_for(RefusalReason.THROTTLED)) == (3, 2)


async def test_wrong_passwords_are_handed_on_as_one_count_per_address_and_mn(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink, password_failures_per_source=100)
    reader, writer = await connect(gateway)
    for guess in range(4):
        writer.write(upload(pw=f"99999{guess}"))
        await next_reply(reader)
    writer.close()
    assert await gateway.record_password_failures(datetime.now(UTC)) == 1
    [(source, mn, failures)] = [(count.source, count.mn, count.failures) for count in sink.password_failures]
    assert (source, mn, failures) == ("127.0.0.1", MN, 4)
    assert await gateway.record_password_failures(datetime.now(UTC)) == 0


async def test_an_unknown_mn_is_refused_without_a_reply_and_counted(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    reader, writer = await connect(gateway)
    writer.write(upload(mn="99999999999999"))
    await assert_silent(reader)
    writer.write(upload())
    assert await next_reply(reader) == expected_data_reply()
    writer.close()
    assert [packet.mn for packet, _, _ in sink.stored] == [MN]
    assert gateway.counters().refused_for(RefusalReason.UNKNOWN_MN) == 1


async def test_a_bad_crc_is_refused_with_a_9011_qnrtn_9_and_not_stored(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    frame = upload()
    damaged = frame[:-6] + (b"0000" if frame[-6:-2] != b"0000" else b"1111") + b"\r\n"
    assert await exchange(gateway, damaged) == expected_request_reply(9)
    assert sink.stored == []
    assert gateway.counters().refused_for(RefusalReason.CRC) == 1


async def test_a_modbus_crc_is_accepted_only_from_a_device_registered_for_it(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    reply = await exchange(gateway, upload(mn=MODBUS_MN, mode=CrcMode.MODBUS))
    assert reply == expected_data_reply(mn=MODBUS_MN, mode=CrcMode.MODBUS)
    refusal = await exchange(gateway, upload(mode=CrcMode.MODBUS))
    assert b"QnRtn=9" in refusal
    assert [packet.mn for packet, _, _ in sink.stored] == [MODBUS_MN]


async def test_each_part_of_a_split_packet_that_asks_is_answered_once_the_sink_holds_it(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    first = upload(flag=7, split="PNUM=2;PNO=1;", cp="DataTime=20160801080000;a21026-Avg=12.5,a21026-Flag=N")
    second = upload(flag=7, split="PNUM=2;PNO=2;", cp="DataTime=20160801080000;a21002-Avg=80.1,a21002-Flag=N")
    reader, writer = await connect(gateway)
    writer.write(first)
    assert await next_reply(reader) == expected_data_reply()
    writer.write(second)
    assert await next_reply(reader) == expected_data_reply()
    writer.close()
    assert [(packet.pnum, packet.pno) for packet, _, _ in sink.stored] == [(2, 1), (2, 2)]


async def test_a_split_packet_of_more_parts_than_the_limit_is_not_held_and_counted(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink, max_subpackets=4)
    reader, writer = await connect(gateway)
    writer.write(upload(flag=7, split="PNUM=5;PNO=1;"))
    await assert_silent(reader)
    writer.close()
    assert sink.stored == []
    assert gateway.counters().refused_for(RefusalReason.SUBPACKETS_DROPPED) == 1


async def test_a_wrong_length_field_is_accepted_and_passed_to_the_sink_as_a_fault(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    frame = upload()
    wrong_length = frame[:2] + b"%04d" % (int(frame[2:6]) + 3) + frame[6:]
    assert await exchange(gateway, wrong_length) == expected_data_reply()
    assert sink.stored[0][2] == ("HJ212_LENGTH_MISMATCH",)


async def test_a_failed_commit_gets_no_reply_and_the_connection_keeps_serving(start: Starter) -> None:
    sink = RecordingSink(failure=RuntimeError("database down"))
    gateway = await start(sink)
    reader, writer = await connect(gateway)
    writer.write(upload())
    await assert_silent(reader)
    sink.failure = None
    writer.write(upload())
    assert await next_reply(reader) == expected_data_reply()
    writer.close()
    assert (gateway.counters().sink_failures, gateway.counters().replies_sent, len(sink.stored)) == (1, 1, 1)


async def test_the_data_reply_waits_for_the_commit(start: Starter) -> None:
    sink = RecordingSink(release=asyncio.Event())
    gateway = await start(sink)
    reader, writer = await connect(gateway)
    writer.write(upload())
    await asyncio.wait_for(sink.entered.wait(), REPLY_WAIT)
    await assert_silent(reader)
    assert sink.release is not None
    sink.release.set()
    assert await next_reply(reader) == expected_data_reply()
    writer.close()


async def test_stop_lets_an_in_flight_commit_finish_and_reply(start: Starter) -> None:
    sink = RecordingSink(release=asyncio.Event())
    gateway = await start(sink)
    reader, writer = await connect(gateway)
    writer.write(upload())
    await asyncio.wait_for(sink.entered.wait(), REPLY_WAIT)
    stopping = asyncio.create_task(gateway.stop())
    await asyncio.sleep(0.1)
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", gateway.port)
    assert sink.release is not None
    sink.release.set()
    assert await next_reply(reader) == expected_data_reply()
    await asyncio.wait_for(stopping, REPLY_WAIT)
    await assert_closed_by_gateway(reader, REPLY_WAIT)
    writer.close()


async def test_garbage_and_an_oversized_frame_leave_the_connection_serving(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    reader, writer = await connect(gateway)
    writer.write(b"\x00\xffGET / HTTP/1.1\r\n#x##ab" + os.urandom(2000).replace(b"#", b"") + b"##5000" + b"x" * 5000)
    writer.write(upload())
    assert await next_reply(reader) == expected_data_reply()
    writer.close()
    counters = gateway.counters()
    assert counters.refused_for(RefusalReason.GARBAGE) >= 1
    assert counters.refused_for(RefusalReason.OVERSIZED) == 1
    assert counters.connection_errors == 0


async def test_a_slow_loris_does_not_block_a_normal_device_and_is_cut_off(start: Starter) -> None:
    gateway = await start(RecordingSink(), frame_timeout_seconds=1.5)
    loris_reader, loris_writer = await connect(gateway)

    async def one_byte_per_second() -> None:
        for byte in upload():
            loris_writer.write(bytes([byte]))
            await asyncio.sleep(1.0)

    loris = asyncio.create_task(one_byte_per_second())
    await asyncio.sleep(0.2)
    assert await exchange(gateway, upload()) == expected_data_reply()
    await assert_closed_by_gateway(loris_reader, within=4.0)
    loris.cancel()
    loris_writer.close()
    assert gateway.counters().refused_for(RefusalReason.FRAME_TIMEOUT) == 1


async def test_a_silent_connection_is_closed_after_the_idle_timeout(start: Starter) -> None:
    gateway = await start(RecordingSink(), idle_timeout_seconds=0.5)
    reader, writer = await connect(gateway)
    await assert_closed_by_gateway(reader, within=3.0)
    writer.close()
    assert gateway.counters().refused_for(RefusalReason.IDLE_TIMEOUT) == 1


async def test_a_thousand_connections_opened_at_once_leave_a_normal_device_served(start: Starter) -> None:
    # Both ends of 1,000 connections live in this process: 2,000 descriptors, above the usual soft limit of 1,024.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 2100:
        pytest.skip(f"the hard limit of {hard} open files cannot hold both ends of 1,000 connections")
    if soft < 4096:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(4096, hard), hard))
    gateway = await start(RecordingSink())
    crowd = await asyncio.gather(*(connect(gateway) for _ in range(1000)))
    assert await exchange(gateway, upload()) == expected_data_reply()
    for _, writer in crowd:
        writer.close()


async def test_connections_beyond_the_cap_are_closed_at_once(start: Starter) -> None:
    gateway = await start(RecordingSink(), max_connections=2)
    admitted = [await connect(gateway) for _ in range(2)]
    for reader, writer in admitted:
        writer.write(upload())
        assert await next_reply(reader) == expected_data_reply()
    extra_reader, extra_writer = await connect(gateway)
    await assert_closed_by_gateway(extra_reader, within=REPLY_WAIT)
    for _, writer in [*admitted, (extra_reader, extra_writer)]:
        writer.close()
    assert gateway.counters().refused_for(RefusalReason.CONNECTION_LIMIT) == 1


async def test_the_gateway_still_serves_a_fresh_device_after_all_the_abuse(start: Starter) -> None:
    sink = RecordingSink()
    gateway = await start(sink)
    abuse = [
        os.urandom(64 * 1024),
        b"##" * 20_000,
        b"##0101" + b"\n" * 200,
        upload()[:40],
        upload(cp="a21026-Avg=" + "9" * 900) * 3,
        encode_frame(b"QN=1;ST=31;CN=2051;PW=;MN=;CP=&&&&"),
        encode_frame("QN=20160801085857223;ST=31;CN=2051;PW=100000;MN=é;CP=&&&&".encode()),
        encode_frame(b"\xff\xfe\x00" * 10),
    ]
    for payload in abuse:
        _, writer = await connect(gateway)
        writer.write(payload)
        await writer.drain()
        writer.close()
    _, reset = await connect(gateway)
    reset.transport.abort()
    assert await exchange(gateway, upload()) == expected_data_reply()
    assert gateway.counters().connection_errors == 0
