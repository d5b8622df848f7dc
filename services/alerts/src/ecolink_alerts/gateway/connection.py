"""One device connection: read, cut frames, check and hand packets to the sink, reply after the commit."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from ecolink_alerts.domain.device_passwords import DevicePasswords
from ecolink_alerts.domain.hj212 import (
    CommandCode,
    DropReason,
    Frame,
    FrameDecoder,
    FrameError,
    FrameResult,
    Packet,
    PacketError,
    QnRtn,
    data_reply,
    is_unmapped_2005_code,
    matching_crc_mode,
    parse_packet,
    request_reply,
    sends_2005_codes,
)
from ecolink_alerts.gateway.counters import REFUSAL_FOR_FRAME_ERROR, GatewayCounters, RefusalReason
from ecolink_alerts.gateway.password_guard import PasswordGuard
from ecolink_alerts.gateway.ports import DeviceCredentials, DeviceDirectory, PacketSink
from ecolink_alerts.gateway.settings import GatewaySettings

log = logging.getLogger(__name__)

READ_SIZE = 64 * 1024
LENGTH_MISMATCH = "HJ212_LENGTH_MISMATCH"
"""The fault passed to the sink when a frame's length field is wrong (HJ212.md §1: checked apart from the CRC)."""

_REPLY_COMMANDS = frozenset(
    {CommandCode.REQUEST_REPLY, CommandCode.EXECUTION_RESULT, CommandCode.NOTIFICATION_REPLY, CommandCode.DATA_REPLY}
)


class FrameRate:
    """A token bucket of frames per second: when it is empty the connection stops reading, so TCP slows the peer."""

    def __init__(self, per_second: float) -> None:
        self._per_second = per_second
        self._tokens = per_second
        self._refilled_at = asyncio.get_running_loop().time()

    async def take(self) -> None:
        """Use one token, waiting for it if the bucket is empty."""
        loop = asyncio.get_running_loop()
        now = loop.time()
        self._tokens = min(self._per_second, self._tokens + (now - self._refilled_at) * self._per_second)
        self._refilled_at = now
        if self._tokens < 1:
            await asyncio.sleep((1 - self._tokens) / self._per_second)
            self._tokens = 1.0
            self._refilled_at = loop.time()
        self._tokens -= 1


class DeviceConnection:
    """Serves one TCP connection until the peer leaves, a time-out fires, or the gateway stops.

    Packets are handled one at a time in stream order, so pipelined uploads get their replies in
    order and nothing more is read while a commit is in flight.
    """

    def __init__(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        *,
        settings: GatewaySettings,
        directory: DeviceDirectory,
        sink: PacketSink,
        counters: GatewayCounters,
        passwords: DevicePasswords,
        guard: PasswordGuard,
    ) -> None:
        self._reader = reader
        self._writer = writer
        self._settings = settings
        self._directory = directory
        self._sink = sink
        self._counters = counters
        self._decoder = FrameDecoder(settings.max_frame_data_bytes)
        self._frame_rate = FrameRate(settings.max_packets_per_second)
        self._peer = writer.get_extra_info("peername")
        self._source = str(self._peer[0]) if isinstance(self._peer, tuple) and self._peer else str(self._peer)
        self._passwords = passwords
        self._guard = guard
        self._verified: dict[str, tuple[str, str]] = {}
        """The password and digest last found to match, per MN: each packet is checked without a new HMAC."""
        self.busy = False
        """True while a chunk's frames are handled (a commit may be in flight): `stop()` then lets it finish."""
        self.stopping = False

    async def serve(self) -> None:
        """Run the connection; any failure is logged and closes this connection only."""
        try:
            await self._read_until_closed()
        except (ConnectionError, TimeoutError) as error:
            log.debug("hj212 connection %s lost: %r", self._peer, error)
        except Exception:
            self._counters.connection_errors += 1
            log.exception("hj212 connection %s failed; closing it", self._peer)
        finally:
            self._writer.close()

    async def _read_until_closed(self) -> None:
        loop = asyncio.get_running_loop()
        last_frame_at = loop.time()
        frame_started_at: float | None = None
        # Issue 4 "Bad input": only a complete frame counts as activity, and a begun frame must end within the
        # frame timeout, so a slow-loris peer is cut off while an hourly-only device keeps its connection.
        while not self.stopping:
            deadline, reason = last_frame_at + self._settings.idle_timeout_seconds, RefusalReason.IDLE_TIMEOUT
            if frame_started_at is not None and frame_started_at + self._settings.frame_timeout_seconds < deadline:
                deadline, reason = frame_started_at + self._settings.frame_timeout_seconds, RefusalReason.FRAME_TIMEOUT
            try:
                async with asyncio.timeout_at(deadline):
                    chunk = await self._reader.read(READ_SIZE)
            except TimeoutError:
                self._counters.refuse(reason)
                log.info("hj212 connection %s closed: %s", self._peer, reason.value)
                return
            now = loop.time()
            self.busy = True
            try:
                results = self._decoder.feed(chunk) if chunk else self._decoder.finish()
                for result in results:
                    await self._frame_rate.take()
                    await self._handle(result)
            finally:
                self.busy = False
            if not chunk:
                return
            if any(isinstance(result, Frame) for result in results):
                last_frame_at = now
                frame_started_at = now if self._decoder.buffered else None
            elif not self._decoder.buffered:
                frame_started_at = None
            elif frame_started_at is None:
                frame_started_at = now

    async def _handle(self, result: FrameResult) -> None:
        if isinstance(result, FrameError):
            self._counters.refuse(REFUSAL_FOR_FRAME_ERROR[result.kind])
            log.debug("hj212 connection %s: %s (%d bytes)", self._peer, result.reason, result.skipped)
            return
        received_at = datetime.now(UTC)
        if self._guard.blocked(self._source, received_at):
            self._counters.refuse(RefusalReason.THROTTLED)
            return
        try:
            packet = parse_packet(result.data)
        except PacketError as error:
            # Unparsed, the packet names no one to reply to. A CRC that fits neither mode means the bytes were damaged.
            corrupted = matching_crc_mode(result.data, result.crc_text) is None
            self._counters.refuse(RefusalReason.CRC if corrupted else RefusalReason.MALFORMED_PACKET)
            log.debug("hj212 connection %s: unparsable packet: %s", self._peer, error.message)
            return
        device = await self._directory.device(packet.mn)
        if device is None:
            # No reply: the MN is not registered here, so there is no CRC mode to answer in and no one to
            # authenticate; a 9011 QnRtn=4 would only tell a scanner that it reached an HJ 212 platform.
            self._counters.refuse(RefusalReason.UNKNOWN_MN)
            log.info("hj212 connection %s: unknown MN %r refused", self._peer, packet.mn)
            return
        # HJ212.md §2: the MODBUS CRC only for devices registered with it; a bad CRC is answered 9011 QnRtn=9.
        if not result.crc_matches(device.crc_mode):
            await self._refuse(packet, device, RefusalReason.CRC, QnRtn.CRC_ERROR)
            return
        if not self._password_matches(packet, device):
            delay = self._guard.failed(self._source, packet.mn, received_at)
            await self._refuse(packet, device, RefusalReason.PASSWORD, QnRtn.PASSWORD_ERROR)
            if delay:
                await asyncio.sleep(delay.total_seconds())
            return
        self._guard.succeeded(self._source)
        if packet.pnum is not None and packet.pnum > self._settings.max_subpackets:
            self._counters.refuse(RefusalReason.SUBPACKETS_DROPPED)
            log.info(
                "hj212 connection %s: split packet of %s QN=%s not held: %s",
                self._peer,
                packet.mn,
                packet.qn,
                DropReason.TOO_LARGE.value,
            )
            return
        # HJ212.md §3: a part of a split packet goes to the sink like a packet; it is held there by MN and QN.
        faults = () if result.length_ok else (LENGTH_MISMATCH,)
        await self._commit(packet, device, received_at, faults)

    async def _commit(
        self, packet: Packet, device: DeviceCredentials, received_at: datetime, faults: tuple[str, ...]
    ) -> None:
        """Issue 4: the data reply goes out only after the sink commits; a failed commit gets none."""
        try:
            await self._sink.accept(packet, device, received_at=received_at, faults=faults)
        except Exception:
            self._counters.sink_failures += 1
            log.exception(
                "hj212 connection %s: commit of %s QN=%s failed; no reply sent", self._peer, packet.mn, packet.qn
            )
            return
        self._counters.packets_accepted += 1
        self._count_unmapped_codes(packet, device)
        reply = data_reply(packet, device.crc_mode)
        if reply is not None:
            await self._send(reply)

    def _password_matches(self, packet: Packet, device: DeviceCredentials) -> bool:
        """Issue 10: the packet's PW against the stored digest; a match is remembered for this connection."""
        if self._verified.get(packet.mn) == (packet.pw, device.password_digest):
            return True
        if not self._passwords.matches(packet.pw, device.password_digest):
            return False
        self._verified[packet.mn] = (packet.pw, device.password_digest)
        return True

    def _count_unmapped_codes(self, packet: Packet, device: DeviceCredentials) -> None:
        """HJ212.md §7: a 2005 code with no 2017 code is stored as sent; the gateway counts and logs it."""
        if not sends_2005_codes(device.protocol, packet.version):
            return
        unmapped = sorted(code for code in packet.cp.factors if is_unmapped_2005_code(code))
        if unmapped:
            self._counters.unmapped_factor_codes += len(unmapped)
            log.info("hj212 connection %s: %s sent 2005 codes with no 2017 code: %s", self._peer, packet.mn, unmapped)

    async def _refuse(self, packet: Packet, device: DeviceCredentials, reason: RefusalReason, qn_rtn: QnRtn) -> None:
        """Count the refusal and, when the packet waits for a reply, answer 9011 with the return code (HJ212.md §4)."""
        self._counters.refuse(reason)
        log.info("hj212 connection %s: packet of %s refused: %s", self._peer, packet.mn, reason.value)
        if packet.needs_reply and packet.cn not in _REPLY_COMMANDS:
            await self._send(request_reply(packet, qn_rtn, device.crc_mode))

    async def _send(self, reply: bytes) -> None:
        self._writer.write(reply)
        async with asyncio.timeout(self._settings.write_timeout_seconds):
            await self._writer.drain()
        self._counters.replies_sent += 1
