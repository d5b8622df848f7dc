"""The gateway's status file: written whole, read back, and judged LISTENING, STOPPED, STALE or NOT_RUNNING."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from ecolink_alerts.gateway.counters import CountersSnapshot
from ecolink_alerts.gateway.status_file import GatewayStatus, judged_state, read_status, status_path, write_status

WRITTEN = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
COUNTERS = CountersSnapshot(
    connections_opened=3,
    connections_open=1,
    packets_accepted=40,
    replies_sent=41,
    sink_failures=0,
    connection_errors=1,
    unmapped_factor_codes=2,
    refused={"crc": 2, "unknown_mn": 5},
)
STATUS = GatewayStatus(
    pid=os.getpid(),
    host="0.0.0.0",
    port=9212,
    listening=True,
    started_at=WRITTEN - timedelta(hours=1),
    written_at=WRITTEN,
    interval_seconds=5.0,
    counters=COUNTERS,
)


def a_finished_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_written_status_reads_back_the_same_and_leaves_no_partial_file(tmp_path):
    path = status_path(tmp_path)
    write_status(path, STATUS)
    write_status(path, replace(STATUS, written_at=WRITTEN + timedelta(seconds=5)))
    assert read_status(path) == replace(STATUS, written_at=WRITTEN + timedelta(seconds=5))
    assert [p.name for p in path.parent.iterdir()] == ["hj212-gateway.json"]


def test_no_file_or_an_unreadable_one_is_no_status(tmp_path):
    path = status_path(tmp_path)
    assert read_status(path) is None
    path.parent.mkdir(parents=True)
    path.write_text('{"pid": 1, "host": "x"')
    assert read_status(path) is None
    path.write_text('{"pid": 1}')
    assert read_status(path) is None


def test_the_state_is_judged_from_the_flag_the_process_and_the_age_of_the_status():
    assert judged_state(STATUS, now=WRITTEN + timedelta(seconds=15)) == "LISTENING"
    assert judged_state(STATUS, now=WRITTEN + timedelta(seconds=15.001)) == "STALE"
    assert judged_state(replace(STATUS, listening=False), now=WRITTEN + timedelta(days=1)) == "STOPPED"
    assert judged_state(replace(STATUS, pid=a_finished_pid()), now=WRITTEN) == "NOT_RUNNING"
    assert judged_state(None, now=WRITTEN) == "NOT_RUNNING"
