"""End-to-end test helpers: an isolated `ecolink run` on free ports, driven through the `ecolink` command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ecolink_common.testing.databases import free_port

BIN = Path(sys.executable).parent
SERVICES = ("alerts", "cases", "referrals", "evidence")
CALLS = (("cases", "alerts"), ("cases", "evidence"), ("evidence", "alerts"))
STARTUP_SECONDS = 120
COMMAND_TIMEOUT_SECONDS = 60


def platform_environment(var_dir: Path, *, demo_data: bool = False) -> dict[str, str]:
    """This process's environment with its own var directory, free ports and the embedded defaults; without the
    demo day of monitoring data unless asked, so that a test counts only what it sent itself."""
    env = {**os.environ, "ECOLINK_VAR_DIR": str(var_dir), "ECOLINK_SHUTDOWN_GRACE_SECONDS": "3"}
    env["ECOLINK_DEMO_DATA"] = "true" if demo_data else "false"
    env.update({f"{name.upper()}_GRPC_PORT": str(free_port()) for name in SERVICES})
    # The services that call others find them on those ports, not on the default ones.
    for caller, callee in CALLS:
        env[f"{caller.upper()}_{callee.upper()}_TARGET"] = f"127.0.0.1:{env[f'{callee.upper()}_GRPC_PORT']}"
    env["ALERTS_GATEWAY_PORT"] = str(free_port())
    for name in SERVICES:
        env.pop(f"{name.upper()}_DATABASE_URL", None)
    env.pop("ECOLINK_CELERY_BROKER_URL", None)
    env.pop("ECOLINK_CELERY_RESULT_BACKEND", None)
    return env


def start_platform(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Starts `ecolink run` and waits until it says it is up."""
    process = subprocess.Popen([str(BIN / "ecolink"), "run"], env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + STARTUP_SECONDS
    while "ecolink is up" not in log.read_text(errors="replace"):
        assert process.poll() is None, log.read_text(errors="replace")
        assert time.monotonic() < deadline, log.read_text(errors="replace")
        time.sleep(0.2)
    return process


def stop_platform(process: subprocess.Popen[bytes]) -> int:
    """Ctrl-C, and the exit code."""
    process.send_signal(signal.SIGINT)
    return process.wait(timeout=60)


def ecolink(
    env: dict[str, str], *arguments: str, timeout: float = COMMAND_TIMEOUT_SECONDS, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Runs one `ecolink` command with `stdin` as its input and captures what it prints."""
    command = [str(BIN / "ecolink"), *arguments]
    return subprocess.run(command, env=env, input=stdin, capture_output=True, text=True, timeout=timeout)
