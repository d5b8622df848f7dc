"""`ecolink units` as a person runs it: load the demo registry, then read a unit through a running alerts service."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


async def ecolink(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    """Runs the command in a thread, so the service under test keeps serving on this event loop."""
    command = [str(BIN / "ecolink"), *arguments]
    return await asyncio.to_thread(subprocess.run, command, env=env, capture_output=True, text=True, timeout=60)


async def test_units_load_demo_then_get_shows_the_lingbi_outlet_device_and_camera(alerts_service, database_url):
    env = {**os.environ, "ECOLINK_VAR_DIR": str(alerts_service.platform.var_dir), "ALERTS_DATABASE_URL": database_url}
    first = json.loads((await ecolink(env, "units", "load-demo", "--json")).stdout)
    second = json.loads((await ecolink(env, "units", "load-demo", "--json")).stdout)
    assert (first["unit_count"], len(first["changed"]) > 0, second["changed"]) == (6, True, [])

    shown = await ecolink(
        env,
        "units",
        "get",
        "lingbi-jiancai",
        "--json",
        "--as",
        "ent-341323-jiancai",
        "--address",
        alerts_service.target,
    )
    assert shown.returncode == 0, shown.stdout + shown.stderr
    unit = json.loads(shown.stdout)
    assert unit["key_unit"]["region_code"] == "341323"
    assert {f["pollutant_code"] for f in unit["outlets"][0]["factors"]} >= {"a21026", "a21002", "a34013"}
    assert [(d["mn"], d["password_set"]) for d in unit["devices"]] == [("88888880000001", True)]
    assert "access_password" not in unit["devices"][0]
    assert len(unit["video_channels"]) == 1

    hidden = await ecolink(
        env, "units", "get", "lingbi-jiancai", "--as", "eeb-360800", "--address", alerts_service.target
    )
    assert hidden.returncode == 1 and "NOT_FOUND" in hidden.stderr
