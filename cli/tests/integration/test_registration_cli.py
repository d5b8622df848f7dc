"""`ecolink units|outlets|devices|cameras create/update` as a bureau officer runs them, against a running service."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess

import pytest

from ecolink_cli.testing import ecolink as run_ecolink

UNIT, MN, OTHER_MN = "lingbi-cement", "88888880000077", "88888880000078"
BUREAU = "eeb-341323"


@pytest.fixture
def env(alerts_service, database_url) -> dict[str, str]:
    return {**os.environ, "ECOLINK_VAR_DIR": str(alerts_service.platform.var_dir), "ALERTS_DATABASE_URL": database_url}


@pytest.fixture
def officer(env, alerts_service):
    """Runs a command as the Lingbi county bureau against the service under test (in a thread, so it serves)."""

    async def run(*arguments: str, stdin: str = "", agency: str = BUREAU) -> subprocess.CompletedProcess[str]:
        command = [*arguments, "--as", agency, "--address", alerts_service.target]
        return await asyncio.to_thread(run_ecolink, env, *command, stdin=stdin)

    return run


def shown(result: subprocess.CompletedProcess[str]) -> dict:
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


async def test_a_bureau_registers_a_unit_its_outlet_device_and_camera_and_changes_them(officer):
    create_unit = ["units", "create", UNIT, "--name", "灵璧县某水泥有限公司", "--region", "341323"]
    created = shown(await officer(*create_unit, "--industry", "cement", "--request-id", "u-1", "--json"))
    again = shown(await officer(*create_unit, "--industry", "cement", "--request-id", "u-1", "--json"))
    assert (created["name"], created["region_code"], again) == (f"units/{UNIT}", "341323", created)
    updated = shown(await officer("units", "update", UNIT, "--industry", "cement clinker (水泥熟料)", "--json"))
    assert (updated["industry"], updated["display_name"]) == ("cement clinker (水泥熟料)", "灵璧县某水泥有限公司")

    outlet = shown(
        await officer(
            *("outlets", "create", "DA001", "--unit", UNIT, "--name", "1# kiln stack", "--medium", "flue-gas"),
            *("--factor", "a21026:mg/m3:35:0-200", "--factor", "a00000:m3/h::0-800000", "--json"),
        )
    )
    assert outlet["name"] == f"units/{UNIT}/outlets/DA001" and outlet["medium"] == "OUTLET_MEDIUM_FLUE_GAS"
    assert [(f["pollutant_code"], f.get("emission_limit"), f["range_upper"]) for f in outlet["factors"]] == [
        ("a21026", 35.0, 200.0),
        ("a00000", None, 800000.0),
    ]
    replaced = shown(
        await officer("outlets", "update", "DA001", "--unit", UNIT, "--factor", "a21026:mg/m3:50", "--json")
    )
    assert [(f["pollutant_code"], f["emission_limit"]) for f in replaced["factors"]] == [("a21026", 50.0)]

    device_options = ["--unit", UNIT, "--outlet", "DA001", "--json"]
    device = shown(await officer("devices", "create", MN, *device_options, "--password-stdin", stdin="s3cret-PW\n"))
    assert (device["name"], device["outlet"], device["password_set"]) == (
        f"devices/{MN}",
        f"units/{UNIT}/outlets/DA001",
        True,
    )
    assert device["protocol_version"] == "PROTOCOL_VERSION_HJ212_2017" and device["crc_mode"] == "CRC_MODE_HJ212"
    prompted = await officer("devices", "create", OTHER_MN, *device_options, "--protocol", "2005", stdin="pw-2\npw-2\n")
    assert shown(prompted)["password_set"] is True and "access password" in prompted.stderr
    changed = shown(
        await officer("devices", "update", MN, "--crc", "modbus", "--password-stdin", "--json", stdin="x\n")
    )
    assert (changed["crc_mode"], changed["protocol_version"]) == ("CRC_MODE_MODBUS", "PROTOCOL_VERSION_HJ212_2017")

    camera = shown(
        await officer(
            *("cameras", "create", "cam-01", "--unit", UNIT, "--name", "kiln stack, north (窑尾烟囱)"),
            *("--stream-url", "rtsp://10.0.0.8/cam-01", "--outlet", "DA001", "--json"),
        )
    )
    assert (camera["name"], camera["outlet"]) == (f"units/{UNIT}/videoChannels/cam-01", f"units/{UNIT}/outlets/DA001")

    unit = shown(await officer("units", "get", UNIT, "--json"))
    assert [d["mn"] for d in unit["devices"]] == [MN, OTHER_MN] and len(unit["video_channels"]) == 1
    for text in (json.dumps(unit), json.dumps(device), json.dumps(changed)):
        assert "s3cret-PW" not in text and "access_password" not in text


async def test_refusals_name_the_problem_and_a_password_is_never_taken_from_the_command_line(officer):
    outside = await officer("units", "create", UNIT, "--name", "x", "--region", "360823", "--industry", "cement")
    assert outside.returncode == 1 and "PERMISSION_DENIED" in outside.stderr
    shown(await officer("units", "create", UNIT, "--name", "x", "--region", "341323", "--industry", "cement", "--json"))
    hidden = await officer("units", "update", UNIT, "--industry", "glass", agency="eeb-360800")
    assert hidden.returncode == 1 and "NOT_FOUND" in hidden.stderr
    nothing = await officer("units", "update", UNIT)
    assert nothing.returncode == 2 and "nothing to change" in nothing.stderr

    factor = ["outlets", "create", "DA001", "--unit", UNIT, "--name", "stack", "--medium", "flue-gas", "--factor"]
    bad_spec = await officer(*factor, "a21026")
    assert bad_spec.returncode == 2 and "CODE:UNIT" in bad_spec.stderr
    bad_limit = await officer(*factor, "a21026:mg/m3:high")
    assert bad_limit.returncode == 2 and "not a number" in bad_limit.stderr
    bad_code = await officer(*factor, "SO2:mg/m3:35")
    assert bad_code.returncode == 1 and "INVALID_ARGUMENT" in bad_code.stderr and "pollutant_code" in bad_code.stderr

    on_argv = await officer("devices", "create", MN, "--unit", UNIT, "--outlet", "DA001", "--password", "123456")
    assert on_argv.returncode == 2 and "No such option" in on_argv.stderr
    no_outlet = await officer(
        "devices", "create", MN, "--unit", UNIT, "--outlet", "DA009", "--password-stdin", stdin="p\n"
    )
    assert no_outlet.returncode == 1 and "DA009" in no_outlet.stderr
    moved = await officer("devices", "update", MN, "--outlet", "DA002")
    assert moved.returncode == 2 and "--outlet needs --unit" in moved.stderr
