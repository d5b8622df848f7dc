"""The API as published: generated code matches protos/, and every RPC declared is implemented."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from ecolink.common.v1 import identity_service_pb2, identity_service_pb2_grpc
from ecolink_cli.services import service_specs
from ecolink_common.identity.servicer import IdentityServicer
from ecolink_common.service_spec import binding, bindings_of

ROOT = Path(__file__).resolve().parents[2]

# The generated base classes answer UNIMPLEMENTED; every RPC must be overridden by ours. The platform's identity
# service is on every server; the rest is what each service's spec declares.
BINDINGS = [
    binding(
        identity_service_pb2,
        "IdentityService",
        IdentityServicer,
        identity_service_pb2_grpc.add_IdentityServiceServicer_to_server,
    ),
    *bindings_of(service_specs().values()),
]


def test_committed_generated_code_matches_the_protos():
    result = subprocess.run(
        [sys.executable, "scripts/gen_protos.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("bound", BINDINGS, ids=[bound.service.name for bound in BINDINGS])
def test_every_rpc_is_implemented_by_its_servicer(bound):
    assert [m.name for m in bound.service.methods if not implemented(bound.servicer_type, m.name)] == []


def implemented(servicer_type: type, method: str) -> bool:
    """Defined by the servicer or a class it mixes in, not only by the generated base that answers UNIMPLEMENTED."""
    return any(method in klass.__dict__ for klass in servicer_type.__mro__ if not klass.__module__.endswith("_grpc"))


def declared_services() -> set[str]:
    """Every gRPC service in every generated module under libs/ecolink-proto."""
    generated = ROOT / "libs" / "ecolink-proto" / "src"
    names = set()
    for path in generated.rglob("*_pb2.py"):
        module = importlib.import_module(".".join(path.relative_to(generated).with_suffix("").parts))
        names |= {service.full_name for service in module.DESCRIPTOR.services_by_name.values()}
    return names


def test_every_declared_service_has_a_servicer():
    assert declared_services() == {bound.full_name for bound in BINDINGS}
