"""bench/gateway: the HJ 212 gateway holding 5,000 device connections that send minute packets; rate and p99 latency."""

from __future__ import annotations

import asyncio
import random
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime

from bench.report import Figure, report
from ecolink_alerts.domain.device_passwords import DevicePasswords
from ecolink_alerts.domain.hj212 import CrcMode, Packet, encode_frame
from ecolink_alerts.gateway import DeviceCredentials, GatewaySettings, start_gateway
from ecolink_alerts.gateway.password_guard import FailureCount

TARGET_CONNECTIONS = 5_000
PACKETS_PER_CONNECTION = 5
CONNECT_BATCH = 500
PACED_WINDOW_SECONDS = 5.0
"""The paced phase squeezes each device's minute into this window: 12x the real load of one packet a minute."""
PASSWORD = "123456"
PASSWORDS = DevicePasswords(b"bench-device-password-key-32-byt")
PASSWORD_DIGEST = PASSWORDS.digest(PASSWORD)
DEVICE_TIMEOUT_MS = 10_000.0
"""HJ212.md §4 (Table 1): a device waits 10 s for a reply before it retries."""


class EveryBenchDevice:
    """Knows every MN: the bench measures the gateway, not a registry."""

    async def device(self, mn: str) -> DeviceCredentials | None:
        return DeviceCredentials(mn, PASSWORD_DIGEST, CrcMode.HJ212, "bench-unit", "DA001")


class AcknowledgingSink:
    """Commits nothing: the bench measures the gateway, not storage."""

    async def accept(
        self, packet: Packet, device: DeviceCredentials, *, received_at: datetime, faults: tuple[str, ...]
    ) -> None:
        return None

    async def expire_split_packets(self, now: datetime) -> int:
        return 0

    async def record_password_failures(self, failures: Sequence[FailureCount]) -> None:
        return None


def raise_open_file_limit(wanted: int) -> int:
    """Raise the soft limit on open files towards `wanted` (capped by the hard limit); return the new soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = min(wanted, hard) if hard != resource.RLIM_INFINITY else wanted
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def minute_packet(device_number: int, minute: int) -> bytes:
    """A 2017 minute upload (CN=2051) of a flue-gas outlet asking for a data reply (Flag=5)."""
    mn = f"BENCH{device_number:019d}"
    segment = (
        f"QN=20240304{minute // 60:02d}{minute % 60:02d}00000;ST=31;CN=2051;PW={PASSWORD};MN={mn};Flag=5;"
        f"CP=&&DataTime=20240304{minute // 60:02d}{minute % 60:02d}00;a21026-Avg=35.2,a21026-Flag=N;"
        "a21002-Avg=80.1,a21002-Flag=N;a34013-Avg=4.2,a34013-Flag=N;a19001-Avg=9.8,a19001-Flag=N;"
        "a00000-Avg=61.3,a00000-Flag=N;a01012-Avg=48.0,a01012-Flag=N&&"
    )
    return encode_frame(segment.encode("ascii"))


async def serve(port: int) -> None:
    """The gateway process: listen until killed."""
    raise_open_file_limit(4 * TARGET_CONNECTIONS)
    settings = GatewaySettings(port=port, max_connections=2 * TARGET_CONNECTIONS, max_packets_per_second=1000)
    await start_gateway(settings, EveryBenchDevice(), AcknowledgingSink(), PASSWORDS)
    await asyncio.Event().wait()


async def wait_listening(port: int) -> None:
    for _ in range(300):
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.1)
            continue
        writer.close()
        return
    raise RuntimeError(f"the gateway never listened on {port}")


def p99(latencies_ms: list[float]) -> float:
    ordered = sorted(latencies_ms)
    return ordered[int(0.99 * (len(ordered) - 1))]


async def drive(port: int, connections: int) -> tuple[int, float, float, float]:
    """Open the connections, then two phases, each packet waiting for its 9014 reply.

    Flat out: each device sends its minute packets back to back (the most the gateway replies to per
    second; latency is then mostly queueing). Paced: each device sends one packet at a random instant
    of the window. Returns the connections held, packets per second flat out, and the p99 reply
    latency in ms of each phase.
    """
    streams = []
    for first in range(0, connections, CONNECT_BATCH):
        batch = range(first, min(first + CONNECT_BATCH, connections))
        streams += await asyncio.gather(*(asyncio.open_connection("127.0.0.1", port) for _ in batch))
    flat_out_ms: list[float] = []
    paced_ms: list[float] = []

    async def exchange(number: int, minute: int, latencies_ms: list[float]) -> None:
        reader, writer = streams[number]
        sent_at = time.perf_counter()
        writer.write(minute_packet(number, minute))
        await reader.readuntil(b"\r\n")
        latencies_ms.append((time.perf_counter() - sent_at) * 1000)

    async def flat_out(number: int) -> None:
        for minute in range(PACKETS_PER_CONNECTION):
            await exchange(number, minute, flat_out_ms)

    async def paced(number: int) -> None:
        await asyncio.sleep(random.uniform(0, PACED_WINDOW_SECONDS))
        await exchange(number, PACKETS_PER_CONNECTION, paced_ms)

    started = time.perf_counter()
    await asyncio.gather(*(flat_out(number) for number in range(len(streams))))
    packets_per_second = len(flat_out_ms) / (time.perf_counter() - started)
    await asyncio.gather(*(paced(number) for number in range(len(streams))))
    for _, writer in streams:
        writer.close()
    return len(streams), packets_per_second, p99(flat_out_ms), p99(paced_ms)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def main() -> None:
    open_files = raise_open_file_limit(4 * TARGET_CONNECTIONS)
    connections = min(TARGET_CONNECTIONS, open_files - 100)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "bench.gateway", "serve", str(port)])
    try:
        await wait_listening(port)
        held, packets_per_second, flat_out_p99, paced_p99 = await drive(port, connections)
    finally:
        process.terminate()
        process.wait()
    report(
        "gateway",
        [
            Figure(
                name="device connections held at once",
                value=held,
                unit="connections",
                reference_name="issue 4 target: 5,000 connections",
                reference_value=TARGET_CONNECTIONS,
                goal="≥ 1.0× (issue 4)",
            ),
            Figure(
                name=f"minute packets replied per second, {held:,} connections",
                value=packets_per_second,
                unit="packets/s",
                reference_name="load of 5,000 devices sending one minute packet a minute",
                reference_value=TARGET_CONNECTIONS / 60,
                goal="≥ 1.0× (issue 4 load)",
            ),
            Figure(
                name=f"p99 data reply latency, {held:,} devices in a {PACED_WINDOW_SECONDS:.0f} s window (12x load)",
                value=paced_p99,
                unit="ms",
                reference_name="HJ212.md §4: device reply timeout 10 s",
                reference_value=DEVICE_TIMEOUT_MS,
                goal="≤ 1.0× (lower is better)",
            ),
            Figure(
                name="p99 data reply latency, flat out (queueing)",
                value=flat_out_p99,
                unit="ms",
                reference_name="HJ212.md §4: device reply timeout 10 s",
                reference_value=DEVICE_TIMEOUT_MS,
                goal="≤ 1.0× (lower is better)",
            ),
        ],
        notes=(
            f"gateway in a subprocess with a sink that acknowledges at once and a directory that knows every MN; "
            f"{held:,} connections opened in batches of {CONNECT_BATCH}, then each sends {PACKETS_PER_CONNECTION} "
            f"minute packets (2051, 6 factors, Flag=5) back to back, then one more each at a random instant of a "
            f"{PACED_WINDOW_SECONDS:.0f} s window; every packet waits for its 9014; open-file soft limit "
            f"{open_files:,}; client and gateway share the machine's cores, so the client's Python bounds the rate."
        ),
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        asyncio.run(serve(int(sys.argv[2])))
    else:
        asyncio.run(main())
