"""`ecolink run` as a new user meets it: every service SERVING, a token, WhoAmI, Ctrl-C, a restart, audit verify."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import subprocess
from pathlib import Path

import pytest

from ecolink_alerts.domain.hj212 import encode_frame
from ecolink_cli.testing import SERVICES, ecolink, platform_environment, start_platform, stop_platform

BUF = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "buf"


@pytest.fixture
def platform_env(tmp_path) -> dict[str, str]:
    return platform_environment(tmp_path / "var")


def test_platform_comes_up_answers_and_stops_cleanly_and_keeps_its_data(tmp_path, platform_env):
    log = tmp_path / "run.log"
    process = start_platform(platform_env, log)
    try:
        health = ecolink(platform_env, "health", "--json")
        assert health.returncode == 0, health.stderr
        statuses = {row["service"]: row["status"] for row in json.loads(health.stdout)}
        assert statuses == {**dict.fromkeys(SERVICES, "SERVING"), "hj212-gateway": "LISTENING"}
        # The start-up table, written to a file, is not cut to 80 columns: each row holds its whole log path.
        started = log.read_text().splitlines()
        for name in (*SERVICES, "hj212-gateway"):
            log_path = str(Path(platform_env["ECOLINK_VAR_DIR"]) / "log" / f"{name}.log")
            assert any(log_path in line for line in started), log.read_text()
        gateway_port = platform_env["ALERTS_GATEWAY_PORT"]
        assert any(f"tcp://127.0.0.1:{gateway_port}" in line and "LISTENING" in line for line in started)

        token = ecolink(platform_env, "token", "issue", "--agency", "psb-360800").stdout.strip()
        who = ecolink(platform_env, "whoami", "--token", token, "--service", "referrals", "--json")
        assert json.loads(who.stdout)["agency"]["agency_id"] == "psb-360800"

        anonymous = ecolink(platform_env, "whoami", "--json")
        assert anonymous.returncode == 1
        assert json.loads(anonymous.stdout)["error"]["reason"] == "TOKEN_MISSING"

        hidden = ecolink(platform_env, "agencies", "get", "ent-341323-jiancai", "--as", "eeb-360800", "--json")
        assert json.loads(hidden.stdout)["error"]["code"] == "NOT_FOUND"
    finally:
        assert stop_platform(process) == 0
    assert "evidence stopped (exit 0)" in log.read_text()

    restarted = start_platform(platform_env, tmp_path / "rerun.log")
    assert stop_platform(restarted) == 0
    assert "directory demo-2026.12.4 up to date" in (tmp_path / "rerun.log").read_text()

    verified = ecolink(platform_env, "audit", "verify", "--json")
    assert verified.returncode == 0
    alerts_report = next(r for r in json.loads(verified.stdout) if r["service"] == "alerts")
    assert alerts_report["intact"] and alerts_report["rows_checked"] >= 2


def test_editing_an_audit_row_by_hand_makes_audit_verify_fail_naming_it(tmp_path, platform_env):
    assert ecolink(platform_env, "migrate").returncode == 0
    assert ecolink(platform_env, "directory", "load").returncode == 0
    ecolink(platform_env, "agencies", "list", "--as", "eeb-360800")
    database = Path(platform_env["ECOLINK_VAR_DIR"]) / "cases.db"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE audit_event SET actor_agency_id = 'someone-else' WHERE seq = 1")
    result = ecolink(platform_env, "audit", "verify", "--service", "cases")
    assert result.returncode == 1
    assert "row 1 was altered" in result.stdout + result.stderr


@pytest.mark.skipif(not BUF.exists(), reason="buf comes from npm (make test installs it when npm is present)")
def test_buf_curl_sees_health_and_reflection(tmp_path, platform_env):
    process = start_platform(platform_env, tmp_path / "run.log")
    try:
        for name in SERVICES:
            base = f"http://127.0.0.1:{platform_env[f'{name.upper()}_GRPC_PORT']}"
            curl = [str(BUF), "curl", "--protocol", "grpc", "--http2-prior-knowledge"]
            check = subprocess.run([*curl, f"{base}/grpc.health.v1.Health/Check"], capture_output=True, text=True)
            assert json.loads(check.stdout)["status"] == "SERVING"
            listed = subprocess.run([*curl, "--list-services", base], capture_output=True, text=True)
            assert "ecolink.common.v1.IdentityService" in listed.stdout.split()
    finally:
        assert stop_platform(process) == 0


def test_evidence_travels_from_bureau_to_police_through_the_cli(tmp_path, platform_env):
    original = tmp_path / "stack-video.bin"
    original.write_bytes(os.urandom(5_000_000))
    process = start_platform(platform_env, tmp_path / "run.log")
    try:
        uploaded = ecolink(
            platform_env,
            "evidence",
            "upload",
            str(original),
            "--case",
            "jian-2026-007",
            "--kind",
            "video",
            "--as",
            "eeb-360800",
            "--json",
        )
        item = json.loads(uploaded.stdout)
        assert item["sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()
        name = item["name"]

        hidden = ecolink(platform_env, "evidence", "download", name, "-o", str(tmp_path / "x"), "--as", "psb-360800")
        assert hidden.returncode == 1 and "NOT_FOUND" in hidden.stderr
        granted = ecolink(
            platform_env,
            "evidence",
            "grant",
            name,
            "--to",
            "psb-360800",
            "--purpose",
            "移送",
            "--expires",
            "2030-01-01",
            "--as",
            "eeb-360800",
            "--json",
        )
        grant_id = json.loads(granted.stdout)["grant_id"]
        copy = tmp_path / "copy.bin"
        assert (
            ecolink(platform_env, "evidence", "download", name, "-o", str(copy), "--as", "psb-360800").returncode == 0
        )
        assert copy.read_bytes() == original.read_bytes()
        ecolink(platform_env, "evidence", "revoke", name, "--grant", grant_id, "--as", "eeb-360800")

        custody = json.loads(
            ecolink(platform_env, "evidence", "custody", name, "--verify", "--as", "eeb-360800", "--json").stdout
        )
        actions = [e["action"] for e in custody["events"]]
        assert actions[-3:] == ["CUSTODY_ACTION_GRANT", "CUSTODY_ACTION_DOWNLOAD", "CUSTODY_ACTION_REVOKE"]
        assert custody["verification"]["intact"]

        dossier = tmp_path / "dossier.zip"
        exported = ecolink(
            platform_env, "evidence", "export", "--case", "jian-2026-007", "-o", str(dossier), "--as", "eeb-360800"
        )
        assert exported.returncode == 0, exported.stderr
        assert ecolink(platform_env, "evidence", "verify-dossier", str(dossier)).returncode == 0
    finally:
        assert stop_platform(process) == 0


def test_a_device_packet_to_the_gateway_is_stored_before_its_data_reply(tmp_path, platform_env):
    segment = (
        "QN=20261122100000123;ST=22;CN=2061;PW=123456;MN=88888880000001;Flag=5;"
        "CP=&&DataTime=20261122100000;a21026-Avg=21.5,a21026-Flag=N;a21002-Avg=40.2,a21002-Flag=N&&"
    )
    process = start_platform(platform_env, tmp_path / "run.log")
    try:
        with socket.create_connection(("127.0.0.1", int(platform_env["ALERTS_GATEWAY_PORT"])), timeout=20) as device:
            device.sendall(encode_frame(segment.encode()))
            reply = device.makefile("rb").readline().decode()
        assert "CN=9014" in reply and "QN=20261122100000123" in reply
        with sqlite3.connect(Path(platform_env["ECOLINK_VAR_DIR"]) / "alerts.db") as database:
            stored = database.execute("SELECT factor, value FROM monitoring_value ORDER BY factor").fetchall()
        assert stored == [("a21002", 40.2), ("a21026", 21.5)]
    finally:
        assert stop_platform(process) == 0
