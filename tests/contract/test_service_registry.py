"""Every service is known through its spec alone: the worker's task modules and beat entries, the servers' gRPC
services and the API contract all come from the CLI's one registry, and nothing reads settings at import."""

from __future__ import annotations

import os
import subprocess
import sys

from ecolink_cli.services import service_settings_type, service_specs
from ecolink_cli.worker_app import app, beat_schedule


def test_the_worker_imports_the_task_modules_every_spec_declares():
    declared = [module for spec in service_specs().values() for module in spec.task_modules]
    assert declared == app.conf.include
    assert "ecolink_alerts.worker.tasks" in declared
    assert "ecolink_evidence.worker.tasks" in declared


def test_beat_runs_each_services_entries_and_the_platform_tasks_for_every_service(monkeypatch):
    monkeypatch.setenv("ALERTS_RULE_TICK_SECONDS", "17")
    schedule = beat_schedule()
    assert schedule["alerts-tick-rule-engines"]["schedule"] == 17.0
    assert schedule["evidence-integrity-sweep"]["task"] == "ecolink.evidence.integrity_sweep"
    for name in service_specs():
        assert schedule[f"relay-outbox-{name}"]["args"] == (name,)
        assert schedule[f"verify-audit-chain-{name}"]["args"] == (name,)


def test_importing_the_worker_reads_no_settings():
    # A setting that cannot be parsed fails only when Celery first needs its configuration, never at import.
    env = {**os.environ, "ALERTS_RULE_TICK_SECONDS": "not-a-number"}
    imported = subprocess.run(
        [sys.executable, "-c", "import ecolink_cli.worker_app"], env=env, capture_output=True, text=True
    )
    assert imported.returncode == 0, imported.stderr
    configured = subprocess.run(
        [sys.executable, "-c", "import ecolink_cli.worker_app as w; w.app.conf.beat_schedule"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert configured.returncode != 0
    assert "ALERTS_RULE_TICK_SECONDS" in configured.stderr or "rule_tick_seconds" in configured.stderr


def test_each_registry_line_names_the_settings_its_spec_runs_with():
    for name, spec in service_specs().items():
        assert service_settings_type(name) is spec.settings_type


def test_the_cli_starts_without_importing_any_service():
    # A client command needs only the address of a service: starting the CLI imports no servicer, worker or table.
    probe = "import sys, ecolink_cli.main; print(sorted(m for m in sys.modules if m.endswith('.service')))"
    imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "[]"
