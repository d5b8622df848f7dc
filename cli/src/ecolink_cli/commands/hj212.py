"""`ecolink hj212 …`: simulate a registered device's HJ 212 traffic into a file, and replay such a file to a gateway."""

from __future__ import annotations

import socket
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from ecolink_alerts.domain.hj212 import (
    CommandCode,
    Frame,
    FrameDecoder,
    Packet,
    PacketError,
    PacketFlag,
    encode_frame,
    parse_packet,
)
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME
from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_alerts.domain.registry_records import Device, MonitoredFactor
from ecolink_alerts.domain.simulation import (
    FLUE_GAS_FACTORS,
    DeviceSimulation,
    FactorProfile,
    simulate,
    suzhou_pattern,
)
from ecolink_alerts.service_layer.registry_file import RegistryFile, read_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_cli.output import JsonFlag, emit, errors, fail, make_table

hj212_app = typer.Typer(help="HJ 212 device traffic: simulate a registered device, replay packets to a gateway.")

DATA_TIME_FORMAT = "%Y%m%d%H%M%S"
SYSTEM_CODE_FLUE_GAS = "22"
"""HJ212.md §5: ST=22 for flue gas (大气环境污染源)."""
SUZHOU_LOW = timedelta(days=3)
"""DOMAIN §2.5: after the week of limit-hugging, three days of a stable low."""
REPLY_COMMANDS = {CommandCode.DATA_REPLY.value, CommandCode.REQUEST_REPLY.value, CommandCode.EXECUTION_RESULT.value}
RECEIVE_BYTES = 4096


class Pattern(StrEnum):
    NORMAL = "normal"
    SUZHOU = "suzhou"


def _profile(factor: MonitoredFactor) -> FactorProfile | None:
    """The simulation's behaviour of the factor, scaled to the registered limit (or range) and using its limits."""
    base = next((p for p in FLUE_GAS_FACTORS if p.factor == factor.pollutant_code), None)
    if base is None:
        return None
    limits = factor.limits
    if limits.emission_limit is not None and base.limits.emission_limit is not None:
        scale = limits.emission_limit / base.limits.emission_limit
    elif limits.range_upper is not None and base.limits.range_upper is not None:
        scale = limits.range_upper / base.limits.range_upper
    else:
        scale = 1.0
    return replace(base, typical=base.typical * scale, limits=limits)


def _simulation(
    registry: RegistryFile, device: Device, start: datetime, days: int, seed: int, pattern: Pattern
) -> DeviceSimulation:
    outlet = next(o for o in registry.outlets if o.unit_id == device.unit_id and o.outlet_id == device.outlet_id)
    profiles = tuple(p for f in outlet.factors if (p := _profile(f)) is not None)
    # The registry declares no calibration windows, so the simulated device does not calibrate (ANOMALY_RULES §C11).
    base = DeviceSimulation(
        device.mn, device.unit_id, device.outlet_id, start, timedelta(days=days), seed, profiles, calibration=None
    )
    if pattern is Pattern.NORMAL:
        return base
    suzhou = suzhou_pattern(
        device.mn, device.unit_id, device.outlet_id, start, seed, timedelta(days=days) - SUZHOU_LOW, SUZHOU_LOW
    )
    return replace(base, anomalies=suzhou.anomalies)


def _value(reading: Reading, decimals: dict[str, int]) -> str:
    return f"{reading.value:.{decimals.get(reading.factor, 2)}f}"


def _frames(device: Device, readings: list[Reading], decimals: dict[str, int]) -> list[tuple[datetime, bytes]]:
    """One data upload per record (MN, CN, DataTime), asking for a data reply, with a unique 17-digit QN."""
    records: dict[tuple[DataKind, datetime], list[Reading]] = defaultdict(list)
    for reading in readings:
        records[(reading.kind, reading.data_time)].append(reading)
    flag = PacketFlag.of(device.protocol_version, needs_reply=True).value
    frames = []
    for number, ((kind, data_time), values) in enumerate(records.items()):
        arrival = max(r.arrival for r in values).astimezone(CHINA_STANDARD_TIME)
        qn = f"{arrival:{DATA_TIME_FORMAT}}{number % 1000:03d}"
        area = ";".join(f"{r.factor}-Avg={_value(r, decimals)},{r.factor}-Flag={r.flag.value}" for r in values)
        local_time = data_time.astimezone(CHINA_STANDARD_TIME)
        segment = (
            f"QN={qn};ST={SYSTEM_CODE_FLUE_GAS};CN={kind.value};PW={device.access_password};MN={device.mn};"
            f"Flag={flag};CP=&&DataTime={local_time:{DATA_TIME_FORMAT}};{area}&&"
        )
        frames.append((data_time, encode_frame(segment.encode(), device.crc_mode)))
    return frames


@hj212_app.command("simulate")
def simulate_traffic(
    unit: Annotated[str, typer.Option("--unit", help="Registered key unit, e.g. lingbi-jiancai.")],
    start: Annotated[datetime, typer.Option(help="First DataTime, ISO 8601 with offset, e.g. 2026-11-01T14:00+08:00.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File of framed packets, one per line.")],
    days: Annotated[int, typer.Option(min=1, help="How many days of data.")] = 10,
    pattern: Annotated[Pattern, typer.Option(help="suzhou: SO2 hugs its limit, then drops (DOMAIN §2.5).")] = (
        Pattern.NORMAL
    ),
    seed: Annotated[int, typer.Option(help="Same seed, same data.")] = 0,
    minute: Annotated[bool, typer.Option(help="Include the minute (2051) uploads; --no-minute: hourly only.")] = True,
    registry_file: Annotated[
        Path | None, typer.Option("--registry", help="Registry file; default ALERTS_REGISTRY_FILE.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Generate minute (2051) and hourly (2061) uploads of the unit's registered devices (works offline)."""
    if start.tzinfo is None:
        raise typer.BadParameter("give the time zone, e.g. +08:00", param_hint="--start")
    if pattern is Pattern.SUZHOU and timedelta(days=days) <= SUZHOU_LOW:
        raise typer.BadParameter(f"the suzhou pattern needs more than {SUZHOU_LOW.days} days", param_hint="--days")
    start = start.astimezone(UTC)
    path = registry_file or AlertsSettings().registry_file
    registry = read_registry_file(path)
    devices = [d for d in registry.devices if d.unit_id == unit.removeprefix("units/")]
    if not devices:
        fail(f"unit {unit!r} has no registered device in {path}", as_json=as_json)
    frames: list[tuple[datetime, bytes]] = []
    counts: dict[str, int] = defaultdict(int)
    for device in devices:
        simulation = _simulation(registry, device, start, days, seed, pattern)
        readings = [r for r in simulate(simulation) if minute or r.kind is not DataKind.MINUTE]
        device_frames = _frames(device, readings, {p.factor: p.decimals for p in simulation.factors})
        frames.extend(device_frames)
        for kind in (DataKind.MINUTE, DataKind.HOURLY):
            counts[kind.value] += len({r.data_time for r in readings if r.kind is kind})
    with output.open("wb") as handle:
        handle.writelines(frame for _, frame in frames)
    first, last = min(t for t, _ in frames), max(t for t, _ in frames)
    data = {
        "file": str(output),
        "unit": unit,
        "pattern": pattern.value,
        "devices": [d.mn for d in devices],
        "packets": len(frames),
        "minute_packets": counts[DataKind.MINUTE.value],
        "hourly_packets": counts[DataKind.HOURLY.value],
        "first_data_time": first.isoformat(),
        "last_data_time": last.isoformat(),
    }
    row = [len(frames), counts[DataKind.MINUTE.value], counts[DataKind.HOURLY.value], first, last]
    table = make_table(f"{output} ({pattern.value})", ["packets", "minute", "hourly", "first", "last"], [row])
    emit(data, as_json=as_json, table=table)


@dataclass
class ReplayCounts:
    """What became of the replayed packets."""

    sent: int = 0
    replied: int = 0
    refused: int = 0
    timeouts: int = 0
    unreadable: int = 0
    refusals: dict[str, int] = field(default_factory=lambda: defaultdict(int))


class DeviceConnection:
    """One TCP connection as a device holds it: send a packet, read frames until the answer to its QN."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self._address = (host, port)
        self._timeout = timeout
        self._socket: socket.socket | None = None
        self._decoder = FrameDecoder()
        self._pending: list[Packet] = []

    def send(self, frame: bytes) -> None:
        """Sends on the open connection; one the gateway closed is opened again, as a device reconnects."""
        if self._socket is not None:
            try:
                self._socket.sendall(frame)
                return
            except OSError:
                self.close()
        self._socket = socket.create_connection(self._address, timeout=self._timeout)
        self._decoder = FrameDecoder()
        self._pending = []
        self._socket.sendall(frame)

    def answer(self, qn: str | None) -> Packet | None:
        """The reply (9011/9012/9014) carrying `qn`, or None when none came within the time-out."""
        deadline = time.monotonic() + self._timeout
        while True:
            found = next((p for p in self._pending if p.qn == qn and p.cn in REPLY_COMMANDS), None)
            if found is not None:
                self._pending.remove(found)
                return found
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._socket is None:
                return None
            self._socket.settimeout(remaining)
            try:
                chunk = self._socket.recv(RECEIVE_BYTES)
            except TimeoutError:
                return None
            if not chunk:
                self.close()
                return None
            self._pending.extend(_packets(self._decoder, chunk))

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
        self._socket = None


def _packets(decoder: FrameDecoder, chunk: bytes) -> list[Packet]:
    """The packets a chunk of the stream completes; frames that do not parse are skipped."""
    packets = []
    for result in decoder.feed(chunk):
        if isinstance(result, Frame):
            try:
                packets.append(parse_packet(result.data))
            except PacketError:
                continue
    return packets


def _sent_packet(frame: bytes) -> Packet | None:
    packets = _packets(FrameDecoder(), frame)
    return packets[0] if packets else None


def _count(counts: ReplayCounts, packet: Packet | None, reply: Packet | None) -> None:
    counts.sent += 1
    if packet is None:
        counts.unreadable += 1
    elif not packet.needs_reply:
        return
    elif reply is None:
        counts.timeouts += 1
    elif reply.cn == CommandCode.DATA_REPLY.value:
        counts.replied += 1
    else:
        counts.refused += 1
        reason = ";".join(f"{k}={v}" for k, v in reply.cp.params.items()) or reply.cn
        counts.refusals[reason] += 1


@hj212_app.command("send")
def send(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="Packets, one a line.")],
    host: Annotated[str, typer.Option(help="Gateway host.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Gateway port.")] = 9212,
    rate: Annotated[float, typer.Option(min=0, help="Packets per second at most; 0 = as fast as replies come.")] = 0,
    reply_timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for each reply.")] = 10.0,
    as_json: JsonFlag = False,
) -> None:
    """Replay FILE as devices would: one connection per MN, each packet waiting for its reply."""
    frames = [line for line in file.read_bytes().splitlines(keepends=True) if line.strip()]
    counts = ReplayCounts()
    connections: dict[str, DeviceConnection] = {}
    started = time.monotonic()
    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=errors,
    )
    try:
        with progress:
            task = progress.add_task("sending", total=len(frames))
            for frame in frames:
                if rate > 0:
                    time.sleep(max(0.0, started + counts.sent / rate - time.monotonic()))
                packet = _sent_packet(frame)
                mn = packet.mn if packet is not None else ""
                connection = connections.setdefault(mn, DeviceConnection(host, port, reply_timeout))
                connection.send(frame)
                reply = connection.answer(packet.qn) if packet is not None and packet.needs_reply else None
                _count(counts, packet, reply)
                progress.advance(task)
    except OSError as error:
        fail(f"cannot reach the gateway at {host}:{port}: {error}", as_json=as_json, details=_summary(counts, started))
    finally:
        for connection in connections.values():
            connection.close()
    data = _summary(counts, started)
    columns = ["sent", "replied", "refused", "timeouts", "unreadable", "seconds"]
    table = make_table(f"{file} → {host}:{port}", columns, [[data[c] for c in columns]])
    emit(data, as_json=as_json, table=table)


def _summary(counts: ReplayCounts, started: float) -> dict[str, object]:
    return {
        "sent": counts.sent,
        "replied": counts.replied,
        "refused": counts.refused,
        "timeouts": counts.timeouts,
        "unreadable": counts.unreadable,
        "refusals": dict(counts.refusals),
        "seconds": round(time.monotonic() - started, 2),
    }
