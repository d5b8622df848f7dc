"""A new user's monitoring journey: simulate the Lingbi kiln stack, replay it to the gateway, read the alerts."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecolink_cli.testing import ecolink, platform_environment, start_platform, stop_platform

UNIT = "lingbi-jiancai"
BUREAU = "eeb-341323"
SO2 = "a21026"
SO2_LIMIT = 35.0
CST = timedelta(hours=8)
REPLAY_SECONDS = 600
PACKETS = 10 * (144 + 24)
"""Ten days of minute uploads every 10 minutes and hourly uploads."""
START = (datetime.now(UTC) + CST).replace(hour=14, minute=0, second=0, microsecond=0) - CST - timedelta(days=12)
"""14:00 China Standard Time twelve days ago: mid-shift (ANOMALY_RULES §C4), the ten days wholly in the past."""
DROP = START + timedelta(days=7)


def at(moment: datetime) -> str:
    return moment.isoformat()


def simulate(env: dict[str, str], output: Path, *options: str) -> dict:
    """Minute (every 10 minutes) and hourly uploads, as the issue's journey asks."""
    result = ecolink(env, "hj212", "simulate", "--unit", UNIT, "-o", str(output), "--json", *options)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def send(env: dict[str, str], path: Path) -> dict:
    port = env["ALERTS_GATEWAY_PORT"]
    result = ecolink(env, "hj212", "send", str(path), "--port", port, "--json", timeout=REPLAY_SECONDS)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def alerts(env: dict[str, str]) -> list[dict]:
    result = ecolink(env, "alerts", "list", "--unit", UNIT, "--as", BUREAU, "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def episode(alert: dict) -> tuple[str, str, str, str, str]:
    return alert["rule"], alert["factor_code"], alert["state"], alert["start_time"], alert["end_time"]


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def monitoring_rows(env: dict[str, str]) -> int:
    with sqlite3.connect(Path(env["ECOLINK_VAR_DIR"]) / "alerts.db") as database:
        return int(database.execute("SELECT count(*) FROM monitoring_value").fetchone()[0])


@pytest.fixture
def platform_env(tmp_path) -> dict[str, str]:
    return platform_environment(tmp_path / "var")


def test_the_simulated_file_holds_ten_days_of_minute_and_hourly_uploads(tmp_path, platform_env):
    result = ecolink(
        platform_env, "hj212", "simulate", "--unit", UNIT, "--start", at(START), "-o", str(tmp_path / "f"), "--json"
    )
    summary = json.loads(result.stdout)
    assert (summary["minute_packets"], summary["hourly_packets"]) == (10 * 144, 10 * 24)
    assert summary["first_data_time"] == at(START)
    lines = (tmp_path / "f").read_bytes().splitlines()
    assert len(lines) == summary["packets"]
    assert len({line.split(b";")[0] for line in lines}) == len(lines), "every QN is unique"
    assert all(line.startswith(b"##") and b"Flag=5;" in line and b"MN=88888880000001;" in line for line in lines)


def test_the_suzhou_pattern_raises_limit_hugging_sudden_drop_and_stable_low_and_a_replay_adds_nothing(
    tmp_path, platform_env
):
    suzhou, next_day = tmp_path / "suzhou.hj212", tmp_path / "next-day.hj212"
    summary = simulate(platform_env, suzhou, "--start", at(START), "--days", "10", "--pattern", "suzhou", "--seed", "5")
    assert summary["packets"] == PACKETS
    simulate(platform_env, next_day, "--start", at(START + timedelta(days=10)), "--days", "1", "--seed", "5")
    process = start_platform(platform_env, tmp_path / "run.log")
    try:
        sent = send(platform_env, suzhou)
        assert (sent["sent"], sent["replied"], sent["refused"], sent["timeouts"]) == (PACKETS, PACKETS, 0, 0)
        # The service judges a record once a later one settles it (engine frame_settle, never ticked by a clock):
        # the device reporting on into day 11 lets the 72nd low hour, which completes the C6 window, be judged.
        assert send(platform_env, next_day)["replied"] == PACKETS // 10

        found = alerts(platform_env)
        # C4 goes on into day 11: normal SO2 (30 % of L) is still below half the level before the drop.
        assert {episode(a) for a in found} == {
            ("C7", SO2, "ALERT_STATE_CLOSED", stamp(START), stamp(DROP - timedelta(hours=1))),
            ("C4", SO2, "ALERT_STATE_OPEN", stamp(DROP), stamp(DROP + timedelta(days=3, hours=22))),
            ("C6", SO2, "ALERT_STATE_CLOSED", stamp(DROP), stamp(DROP + timedelta(hours=71))),
        }
        points = {a["rule"]: a["evidence_points"] for a in found}
        assert (points["C7"], points["C6"]) == (168, 72) and points["C4"] > 0

        stable_low = next(a for a in found if a["rule"] == "C6")
        shown = ecolink(platform_env, "alerts", "get", stable_low["name"], "--as", BUREAU, "--json")
        evidence = [point["reading"] for point in json.loads(shown.stdout)["evidence"]]
        assert len(evidence) == 72 and {r["factor_code"] for r in evidence} == {SO2}
        assert all(r["value"] < 0.2 * SO2_LIMIT for r in evidence)
        assert min(r["data_time"] for r in evidence) == stamp(DROP)
        table = ecolink(platform_env, "alerts", "get", stable_low["name"], "--as", BUREAU)
        assert "evidence window" in table.stdout

        rows = monitoring_rows(platform_env)
        again = send(platform_env, suzhou)
        assert again["replied"] == PACKETS
        assert monitoring_rows(platform_env) == rows
        assert [episode(a) for a in alerts(platform_env)] == [episode(a) for a in found]
    finally:
        assert stop_platform(process) == 0


def test_ten_normal_days_raise_nothing(tmp_path, platform_env):
    normal = tmp_path / "normal.hj212"
    simulate(platform_env, normal, "--start", at(START), "--days", "10", "--pattern", "normal", "--seed", "5")
    process = start_platform(platform_env, tmp_path / "run.log")
    try:
        assert send(platform_env, normal)["replied"] == PACKETS
        assert alerts(platform_env) == []
        assert monitoring_rows(platform_env) == PACKETS * 6
    finally:
        assert stop_platform(process) == 0
