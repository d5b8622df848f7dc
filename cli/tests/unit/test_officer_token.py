"""`ecolink token issue --officer`: a token of one enforcement officer of the agency (issue 12 item 2), refused for
an officer the directory does not list under that agency."""

from __future__ import annotations

import json

import jwt
from typer.testing import CliRunner

from ecolink_cli.main import app
from ecolink_common.auth.keys import ensure_signing_key
from ecolink_common.settings import PlatformSettings


def test_an_officers_token_names_him_as_sub_and_his_agency(tmp_path, monkeypatch):
    monkeypatch.setenv("ECOLINK_VAR_DIR", str(tmp_path))
    platform = PlatformSettings()
    ensure_signing_key(platform.private_key_path, platform.public_key_path)
    issued = CliRunner().invoke(
        app, ["token", "issue", "--agency", "eeb-341323", "--officer", "off-341323-01", "--json"]
    )
    assert issued.exit_code == 0, issued.output
    claims = jwt.decode(json.loads(issued.output)["token"], options={"verify_signature": False})
    assert (claims["sub"], claims["agency"]) == ("off-341323-01", "eeb-341323")
    refused = CliRunner().invoke(app, ["token", "issue", "--agency", "eeb-341323", "--officer", "off-341300-01"])
    assert refused.exit_code == 1 and "off-341300-01" in refused.output
