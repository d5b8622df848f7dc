"""The API as published: generated code matches protos/, and every RPC declared is implemented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ecolink.common.v1 import identity_service_pb2
from ecolink_common.identity.servicer import IdentityServicer

ROOT = Path(__file__).resolve().parents[2]


def test_committed_generated_code_matches_the_protos():
    result = subprocess.run(
        [sys.executable, "scripts/gen_protos.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_every_identity_rpc_is_implemented_by_the_servicer():
    service = identity_service_pb2.DESCRIPTOR.services_by_name["IdentityService"]
    missing = [m.name for m in service.methods if m.name not in IdentityServicer.__dict__]
    assert missing == []
