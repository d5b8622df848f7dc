"""The import-layer contracts of pyproject.toml hold, and they do fail on a deliberate violation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path, extra_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH", "")]))
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True)


def test_the_repository_keeps_every_import_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_domain_module_importing_sqlalchemy_breaks_the_pure_domain_contract(tmp_path):
    """The same two kinds of contract as pyproject.toml's, over a sample service that breaks both."""
    package = tmp_path / "src" / "ecolink_sample"
    for layer in ("domain", "service_layer", "api"):
        (package / layer).mkdir(parents=True)
        (package / layer / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "domain" / "orders.py").write_text("import sqlalchemy\n")
    (package / "service_layer" / "closing.py").write_text("from ecolink_sample.api import servicer\n")
    (package / "api" / "servicer.py").write_text("")
    (tmp_path / ".importlinter").write_text(
        "[importlinter]\nroot_package = ecolink_sample\ninclude_external_packages = True\n\n"
        "[importlinter:contract:pure]\nname = pure domain\ntype = forbidden\nsource_modules = ecolink_sample.domain\n"
        "forbidden_modules = sqlalchemy\n\n"
        "[importlinter:contract:layers]\nname = layers\ntype = layers\ncontainers = ecolink_sample\n"
        "layers =\n    api\n    service_layer\n    domain\n"
    )
    result = lint_imports(tmp_path, tmp_path / "src")
    assert result.returncode != 0
    assert "ecolink_sample.domain.orders -> sqlalchemy" in result.stdout
    assert "ecolink_sample.service_layer.closing -> ecolink_sample.api.servicer" in result.stdout


def test_a_use_case_importing_an_adapter_breaks_the_ports_contract(tmp_path):
    """pyproject.toml's own contracts over a copy of the alerts package whose roll-up imports a table directly."""
    package = tmp_path / "src" / "ecolink_alerts"
    shutil.copytree(
        ROOT / "services" / "alerts" / "src" / "ecolink_alerts", package, ignore=shutil.ignore_patterns("__pycache__")
    )
    rollup = package / "service_layer" / "rollup.py"
    rollup.write_text(rollup.read_text() + "\nfrom ecolink_alerts.adapters.tables import key_unit_table\n")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    result = lint_imports(tmp_path, tmp_path / "src")
    assert result.returncode != 0
    assert "service_layer and domain import neither adapters nor api BROKEN" in " ".join(result.stdout.split())
    assert "ecolink_alerts.service_layer.rollup -> ecolink_alerts.adapters.tables" in result.stdout
