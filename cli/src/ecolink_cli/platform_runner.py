"""`ecolink run`: migrate, load the directory, start every service, the worker and beat; stop them all on Ctrl-C."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import IO

from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.service_layer.registry_loading import load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_cli.client import AS_AGENCY_TTL, sign_token
from ecolink_cli.commands.health import GATEWAY, GATEWAY_LISTENING, check_gateway, check_service
from ecolink_cli.demo_monitoring import DEMO_DAY, DEMO_UNIT, FORWARDING_AGENCY, send_demo_day
from ecolink_cli.output import console, make_table
from ecolink_cli.services import SERVICE_NAMES, service_settings_type, service_spec, service_specs
from ecolink_common import operations
from ecolink_common.auth.keys import ensure_signing_key
from ecolink_common.settings import PlatformSettings

READY_TIMEOUT_SECONDS = 60.0
POLL_SECONDS = 0.25
DEMO_TOKEN_TTL = timedelta(hours=8)


@dataclass
class Child:
    """One process the runner started, with its log file."""

    name: str
    process: subprocess.Popen[bytes]
    log_file: Path
    log_handle: IO[bytes]


def _start(name: str, command: list[str], log_dir: Path) -> Child:
    log_file = log_dir / f"{name}.log"
    handle = log_file.open("ab")
    process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
    return Child(name, process, log_file, handle)


def _celery(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "ecolink_cli.worker_app", *arguments]


def prepare(platform: PlatformSettings) -> None:
    """Key pair, migrations, the directory and the demo registry: everything the services need before they start."""
    ensure_signing_key(platform.private_key_path, platform.public_key_path)
    for spec in service_specs().values():
        url = operations.database_url(spec, platform)
        with console.status(f"migrating {spec.name}"):
            asyncio.run(operations.migrate(spec, url))
        load = asyncio.run(operations.load_directory(spec, url, platform.directory_file))
        state = "loaded" if load.changed else "up to date"
        console.print(f"[green]✓[/] {spec.name}: database migrated, directory {load.version} {state}")
    registry = asyncio.run(
        load_registry_file(
            operations.database_url(service_spec("alerts"), platform),
            AlertsSettings().registry_file,
            passwords=device_passwords(AlertsSettings().device_password_key_path(platform)),
        )
    )
    console.print(f"[green]✓[/] alerts: registry {registry.version} {'loaded' if registry.changed else 'up to date'}")


def start_all(platform: PlatformSettings) -> list[Child]:
    log_dir = platform.var_dir / "log"
    log_dir.mkdir(parents=True, exist_ok=True)
    children = [_start(name, [sys.executable, "-m", f"ecolink_{name}"], log_dir) for name in SERVICE_NAMES]
    children.append(_start(GATEWAY, [sys.executable, "-m", "ecolink_alerts.gateway"], log_dir))
    beat_schedule = platform.var_dir / "celery" / "beat-schedule"
    children.append(
        _start(
            "worker",
            _celery(
                "worker", "--pool=solo", "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"
            ),
            log_dir,
        )
    )
    children.append(_start("beat", _celery("beat", "-l", "info", "-s", str(beat_schedule), "--pidfile="), log_dir))
    return children


def _ready(name: str, platform: PlatformSettings) -> bool:
    if name == GATEWAY:
        return check_gateway(platform).status == GATEWAY_LISTENING
    return check_service(name).status == "SERVING"


def wait_until_serving(children: list[Child], platform: PlatformSettings) -> None:
    """Until every service reports SERVING and the gateway's status file says it listens."""
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    pending = {*SERVICE_NAMES, GATEWAY}
    with console.status("waiting for every service to report SERVING and the gateway to listen"):
        while pending and time.monotonic() < deadline:
            _raise_if_exited(children)
            pending = {name for name in pending if not _ready(name, platform)}
            time.sleep(POLL_SECONDS if pending else 0)
    if pending:
        raise RuntimeError(f"not SERVING after {READY_TIMEOUT_SECONDS:.0f} s: {', '.join(sorted(pending))}")


def _raise_if_exited(children: list[Child]) -> None:
    for child in children:
        if child.process.poll() is not None:
            raise RuntimeError(f"{child.name} exited with {child.process.returncode}; see {child.log_file}")


def stop_all(children: list[Child], grace_seconds: float) -> None:
    """SIGTERM to every child, then wait for the drain; SIGKILL only what outlives the grace period."""
    for child in children:
        if child.process.poll() is None:
            child.process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace_seconds + 5
    for child in children:
        try:
            child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.process.kill()
            child.process.wait()
        child.log_handle.close()
        console.print(f"[dim]{child.name} stopped (exit {child.process.returncode})[/]")


def _endpoint(child: Child, platform: PlatformSettings) -> tuple[str, str, str]:
    """What the endpoint table says of one child: its component name, where it listens, its status."""
    if child.name in SERVICE_NAMES:
        return child.name, service_settings_type(child.name)().address, check_service(child.name).status
    if child.name == GATEWAY:
        gateway = check_gateway(platform)
        return "HJ 212 gateway", gateway.address, gateway.status
    return f"celery {child.name}", platform.broker_url, "running"


def print_endpoints(platform: PlatformSettings, children: list[Child], demo_agency: str) -> None:
    rows = [[*_endpoint(child, platform), child.process.pid, child.log_file] for child in children]
    console.print(make_table("ecolink is up", ["component", "endpoint", "status", "pid", "log"], rows))
    token = sign_token(demo_agency, DEMO_TOKEN_TTL)
    console.print(f"\nDemo token for [bold]{demo_agency}[/] (valid 8 h):")
    console.print(token, soft_wrap=True)
    console.print(
        f"\nTry: [bold]export ECOLINK_TOKEN={token[:12]}…[/] then [bold]ecolink whoami[/], "
        "or [bold]ecolink whoami --as psb-360800[/]. Ctrl-C stops everything."
    )


def send_demo_data() -> None:
    """The demo day of monitoring data, once every service serves (again on a restart: stored once)."""
    with console.status(f"forwarding the demo day of {DEMO_UNIT}"):
        sent = send_demo_day(sign_token(FORWARDING_AGENCY, AS_AGENCY_TTL))
    console.print(
        f"[green]✓[/] alerts: demo day {DEMO_DAY:%Y-%m-%d} of {DEMO_UNIT} forwarded "
        f"({sent.accepted} new hourly records, {sent.duplicates} already stored, {sent.refused} refused); "
        f"see [bold]ecolink alerts list --unit {DEMO_UNIT} --as eeb-341323[/]"
    )


def run_platform(demo_agency: str, *, demo_data: bool = True) -> int:
    """Blocks until Ctrl-C or SIGTERM; returns the exit code."""
    platform = PlatformSettings()
    prepare(platform)
    children = start_all(platform)
    stop_requested = False

    def request_stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stop_requested
        stop_requested = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        wait_until_serving(children, platform)
        if demo_data:
            send_demo_data()
        print_endpoints(platform, children, demo_agency)
        while not stop_requested:
            _raise_if_exited(children)
            time.sleep(POLL_SECONDS)
    except RuntimeError as error:
        console.print(f"[bold red]error:[/] {error}")
        stop_all(children, platform.shutdown_grace_seconds)
        return 1
    console.print("\nstopping …")
    stop_all(children, platform.shutdown_grace_seconds)
    return 0
