"""Settings of the HJ 212 TCP gateway, read from `ALERTS_GATEWAY_*` environment variables."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from ecolink_alerts.domain.hj212 import DEFAULT_MAX_DATA_LENGTH
from ecolink_alerts.gateway.password_guard import GuardLimits


class GatewaySettings(BaseSettings):
    """Where the gateway listens and the limits that keep one connection from hurting the others."""

    model_config = SettingsConfigDict(env_prefix="ALERTS_GATEWAY_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(default=9212, description="Issue 4: default port 9212; 0 binds a free port (tests).")
    max_connections: int = Field(
        default=10_000, description="Connections beyond this are closed at once; issue 4 targets 5,000 devices."
    )
    listen_backlog: int = Field(default=4096, description="Pending connects the kernel queues (capped by somaxconn).")
    idle_timeout_seconds: float = Field(
        default=3900.0,
        description=(
            "A connection with no complete frame for this long is closed. HJ212.md §4: hourly data (2061) is the "
            "sparsest regular upload and RtdInterval is at most 3600 s, and 2017 has no heartbeat: an hour plus margin."
        ),
    )
    frame_timeout_seconds: float = Field(
        default=30.0,
        description=(
            "A frame once begun must end within this time, or the connection is closed (slow loris). A 4 KiB frame "
            "takes well under a second on cellular links; HJ212.md §4 gives devices a 10 s reply timeout."
        ),
    )
    write_timeout_seconds: float = Field(
        default=10.0, description="A reply not taken by the peer within this time closes it (HJ212.md §4: 10 s)."
    )
    max_frame_data_bytes: int = Field(
        default=DEFAULT_MAX_DATA_LENGTH,
        description="Longest data segment accepted; 4x the standard's 1024 (real devices exceed it, framing.py).",
    )
    max_packets_per_second: float = Field(
        default=200.0,
        description=(
            "Frames per second one connection may send; beyond it the gateway stops reading, so TCP slows the peer. "
            "A device sends a few packets a minute; `ecolink hj212 send` replays history faster."
        ),
    )
    subpacket_max_age_seconds: float = Field(
        default=600.0,
        description=(
            "Proposed: a split packet's parts must all arrive within 10 min of the first, over any connections "
            "(HJ212.md §4: 10 s timeout and 3 retries per part, and devices reconnect); then the group is given up, "
            "counted, logged and raised as C13."
        ),
    )
    subpacket_sweep_seconds: float = Field(
        default=60.0, description="How often split packets older than the age limit are looked for."
    )
    max_pending_subpacket_groups: int = Field(
        default=16, description="Split packets one device may have held at once; a new one gives up its oldest."
    )
    max_subpackets: int = Field(default=64, description="Largest PNUM accepted.")
    password_failures_per_source: int = Field(
        default=5,
        gt=0,
        description="Proposed: wrong device passwords from one address within the window that block the address.",
    )
    password_failures_per_mn: int = Field(
        default=20,
        gt=0,
        description=(
            "Proposed: wrong passwords for one MN (any address) within the window beyond which each further one "
            "holds its connection for the MN delay; the right password from another address still passes."
        ),
    )
    password_failure_window_seconds: float = Field(default=600.0, gt=0, description="Proposed: 10 min.")
    password_block_seconds: float = Field(
        default=900.0, gt=0, description="Proposed: a blocked address is dropped unchecked for 15 min."
    )
    password_mn_delay_seconds: float = Field(default=1.0, ge=0, description="Proposed: 1 s per wrong password.")
    password_audit_seconds: float = Field(
        default=300.0,
        gt=0,
        description=(
            "Wrong passwords are written to the audit log as one row per address, MN and this interval, with the "
            "count, and raised as C13 for the device (proposed: 5 min)."
        ),
    )
    max_packets_per_commit: int = Field(
        default=500,
        description=(
            "Packets arriving while a commit runs are stored together in the next transaction, up to this many; "
            "each still gets its reply only after that commit."
        ),
    )
    shutdown_grace_seconds: float = Field(
        default=10.0, description="How long `stop()` lets in-flight commits and their replies finish."
    )
    counters_log_interval_seconds: float = Field(default=60.0, description="How often the counters are logged.")
    status_interval_seconds: float = Field(
        default=5.0,
        description=(
            "How often the status file (var/run/hj212-gateway.json, read by `ecolink health`) is rewritten; "
            "proposed here: fresh enough for an operator, a few small writes a minute."
        ),
    )

    def guard_limits(self) -> GuardLimits:
        """The password-guessing limits of these settings."""
        return GuardLimits(
            source_failures=self.password_failures_per_source,
            mn_failures=self.password_failures_per_mn,
            window=timedelta(seconds=self.password_failure_window_seconds),
            source_block=timedelta(seconds=self.password_block_seconds),
            mn_delay=timedelta(seconds=self.password_mn_delay_seconds),
        )
