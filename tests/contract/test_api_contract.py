"""The API as published: generated code matches protos/, and every RPC declared is implemented."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from ecolink.alerts.v1 import alert_service_pb2, grading_service_pb2, monitoring_service_pb2, registry_service_pb2
from ecolink.common.v1 import identity_service_pb2
from ecolink.evidence.v1 import evidence_service_pb2
from ecolink_alerts.api.alert_servicer import AlertServicer
from ecolink_alerts.api.grading_servicer import GradingServicer
from ecolink_alerts.api.monitoring_servicer import MonitoringServicer
from ecolink_alerts.api.registry_servicer import RegistryServicer
from ecolink_common.identity.servicer import IdentityServicer
from ecolink_evidence.api.servicer import EvidenceServicer

ROOT = Path(__file__).resolve().parents[2]

# The generated base classes answer UNIMPLEMENTED; every RPC must be overridden by ours.
SERVICERS = [
    (identity_service_pb2, "IdentityService", IdentityServicer),
    (registry_service_pb2, "RegistryService", RegistryServicer),
    (monitoring_service_pb2, "MonitoringService", MonitoringServicer),
    (alert_service_pb2, "AlertService", AlertServicer),
    (grading_service_pb2, "GradingService", GradingServicer),
    (evidence_service_pb2, "EvidenceService", EvidenceServicer),
]


def test_committed_generated_code_matches_the_protos():
    result = subprocess.run(
        [sys.executable, "scripts/gen_protos.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("module", "service", "servicer"), SERVICERS, ids=[s for _, s, _ in SERVICERS])
def test_every_rpc_is_implemented_by_its_servicer(module, service, servicer):
    methods = module.DESCRIPTOR.services_by_name[service].methods
    assert [m.name for m in methods if m.name not in servicer.__dict__] == []


def declared_services() -> set[str]:
    """Every gRPC service in every generated module under libs/ecolink-proto."""
    generated = ROOT / "libs" / "ecolink-proto" / "src"
    names = set()
    for path in generated.rglob("*_pb2.py"):
        module = importlib.import_module(".".join(path.relative_to(generated).with_suffix("").parts))
        names |= {service.full_name for service in module.DESCRIPTOR.services_by_name.values()}
    return names


def test_every_declared_service_has_a_servicer():
    covered = {module.DESCRIPTOR.services_by_name[name].full_name for module, name, _ in SERVICERS}
    assert declared_services() == covered
