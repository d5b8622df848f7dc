"""The asyncio TCP server of the HJ 212 gateway: accepts connections up to the cap, runs each, stops gracefully."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from ecolink_alerts.domain.device_passwords import DevicePasswords
from ecolink_alerts.gateway.connection import DeviceConnection
from ecolink_alerts.gateway.counters import CountersSnapshot, GatewayCounters, RefusalReason
from ecolink_alerts.gateway.password_guard import PasswordGuard
from ecolink_alerts.gateway.ports import DeviceDirectory, PacketSink
from ecolink_alerts.gateway.settings import GatewaySettings
from ecolink_alerts.gateway.status_file import GatewayStatus, write_status

log = logging.getLogger(__name__)


class RunningGateway:
    """A listening gateway: its bound port, its counters, its status file when given one, and `stop()`."""

    def __init__(
        self,
        settings: GatewaySettings,
        directory: DeviceDirectory,
        sink: PacketSink,
        passwords: DevicePasswords,
        status_file: Path | None = None,
    ) -> None:
        self._settings = settings
        self._passwords = passwords
        self._guard = PasswordGuard(settings.guard_limits())
        self._status_file = status_file
        self._started_at = datetime.now(UTC)
        self._directory = directory
        self._sink = sink
        self._counters = GatewayCounters()
        self._connections: dict[asyncio.Task[None], DeviceConnection] = {}
        self._server: asyncio.Server | None = None
        self._periodic: list[asyncio.Task[None]] = []
        self._port = settings.port

    @property
    def port(self) -> int:
        """The port the gateway listens on (the real one when the settings asked for port 0)."""
        return self._port

    def counters(self) -> CountersSnapshot:
        """The counters now."""
        return self._counters.snapshot()

    async def listen(self) -> None:
        """Bind and start accepting; used by `start_gateway`."""
        self._server = await asyncio.start_server(
            self._serve_connection, self._settings.host, self._settings.port, backlog=self._settings.listen_backlog
        )
        self._port = int(self._server.sockets[0].getsockname()[1])
        self._periodic = [
            asyncio.create_task(self._log_counters_periodically()),
            asyncio.create_task(self._expire_split_packets_periodically()),
            asyncio.create_task(self._record_password_failures_periodically()),
        ]
        if self._status_file is not None:
            self._periodic.append(asyncio.create_task(self._write_status_periodically()))
        log.info("hj212 gateway listening on %s:%d", self._settings.host, self.port)

    async def stop(self) -> None:
        """Stop accepting, let in-flight commits and their replies finish within the grace period, then close."""
        if self._server is None:
            return
        self._server.close()
        for task, connection in list(self._connections.items()):
            connection.stopping = True
            if not connection.busy:
                task.cancel()
        if self._connections:
            _, overdue = await asyncio.wait(list(self._connections), timeout=self._settings.shutdown_grace_seconds)
            for task in overdue:
                task.cancel()
            await asyncio.gather(*overdue, return_exceptions=True)
        await self._server.wait_closed()
        for task in self._periodic:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._log_counters("hj212 gateway stopped")
        self._server = None
        self.write_status()

    async def _serve_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._counters.connections_open >= self._settings.max_connections:
            self._counters.refuse(RefusalReason.CONNECTION_LIMIT)
            writer.close()
            return
        task = asyncio.current_task()
        assert task is not None
        connection = DeviceConnection(
            reader,
            writer,
            settings=self._settings,
            directory=self._directory,
            sink=self._sink,
            counters=self._counters,
            passwords=self._passwords,
            guard=self._guard,
        )
        self._counters.connections_opened += 1
        self._counters.connections_open += 1
        self._connections[task] = connection
        try:
            await connection.serve()
        except asyncio.CancelledError:
            # Only `stop()` cancels a connection; ending quietly matters because Python 3.11's stream callback
            # calls `task.exception()`, which raises (and logs an error) on a cancelled task.
            pass
        finally:
            self._counters.connections_open -= 1
            del self._connections[task]

    async def _log_counters_periodically(self) -> None:
        while True:
            await asyncio.sleep(self._settings.counters_log_interval_seconds)
            self._log_counters("hj212 gateway counters")

    async def _write_status_periodically(self) -> None:
        while True:
            self.write_status()
            await asyncio.sleep(self._settings.status_interval_seconds)

    def write_status(self) -> None:
        """Writes the status file now (listening while not stopped); a failed write is logged, never raised."""
        if self._status_file is None:
            return
        status = GatewayStatus(
            pid=os.getpid(),
            host=self._settings.host,
            port=self.port,
            listening=self._server is not None,
            started_at=self._started_at,
            written_at=datetime.now(UTC),
            interval_seconds=self._settings.status_interval_seconds,
            counters=self._counters.snapshot(),
        )
        try:
            write_status(self._status_file, status)
        except OSError:
            log.exception("hj212 gateway: cannot write its status file %s", self._status_file)

    async def expire_split_packets(self, now: datetime) -> int:
        """Give up the split packets older than the age limit at `now`, counting each; how many were given up."""
        dropped = await self._sink.expire_split_packets(now)
        self._counters.refused[RefusalReason.SUBPACKETS_DROPPED] += dropped
        return dropped

    async def _expire_split_packets_periodically(self) -> None:
        while True:
            await asyncio.sleep(self._settings.subpacket_sweep_seconds)
            try:
                await self.expire_split_packets(datetime.now(UTC))
            except Exception:
                log.exception("hj212 gateway: expiring split packets failed; trying again next time")

    async def record_password_failures(self, now: datetime) -> int:
        """Write the wrong passwords counted until `now` to the audit log (one row per source and MN) and raise them
        as C13; how many rows."""
        failures = self._guard.flush(now)
        if failures:
            await self._sink.record_password_failures(failures)
        return len(failures)

    async def _record_password_failures_periodically(self) -> None:
        while True:
            await asyncio.sleep(self._settings.password_audit_seconds)
            try:
                await self.record_password_failures(datetime.now(UTC))
            except Exception:
                log.exception("hj212 gateway: recording wrong passwords failed")

    def _log_counters(self, message: str) -> None:
        snapshot = self._counters.snapshot()
        log.info("%s: %s", message, asdict(snapshot))


async def start_gateway(
    settings: GatewaySettings,
    directory: DeviceDirectory,
    sink: PacketSink,
    passwords: DevicePasswords,
    status_file: Path | None = None,
) -> RunningGateway:
    """Start the gateway on `settings.host:settings.port` (0: any free port) and return it running; `passwords`
    checks each packet's PW against the digest the directory holds; with `status_file`, it writes its status there
    every `status_interval_seconds` and once more when stopped."""
    gateway = RunningGateway(settings, directory, sink, passwords, status_file)
    await gateway.listen()
    return gateway
