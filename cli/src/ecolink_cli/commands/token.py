"""`ecolink token issue`: sign a bearer token for a directory agency with the platform key."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated

import typer

from ecolink_cli.client import sign_token
from ecolink_cli.output import JsonFlag, emit, fail
from ecolink_common.settings import PlatformSettings

token_app = typer.Typer(help="Issue bearer tokens (development installs and the platform operator).")

DURATION = re.compile(r"^([0-9]+)([smhd])\Z")
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_ttl(text: str) -> timedelta:
    """`90s`, `15m`, `8h`, `30d` → a duration."""
    match = DURATION.match(text)
    if not match:
        raise typer.BadParameter("use a number and a unit: 90s, 15m, 8h, 30d")
    return timedelta(seconds=int(match.group(1)) * UNIT_SECONDS[match.group(2)])


@token_app.command("issue")
def issue(
    agency: Annotated[str, typer.Option("--agency", help="Directory agency id, e.g. psb-360800.")],
    ttl: Annotated[str, typer.Option("--ttl", help="How long the token is valid: 15m, 8h, 30d.")] = "1h",
    officer: Annotated[
        str | None,
        typer.Option("--officer", help="An enforcement officer (执法人员) of the agency: the token is his, as `sub`."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Sign a token naming the agency (or one of its officers), its kind, region and expiry; prints it alone, for
    `export ECOLINK_TOKEN=…`. Steps taken with an officer's token are recorded as his."""
    platform = PlatformSettings()
    lifetime = parse_ttl(ttl)
    if lifetime.total_seconds() > platform.token_max_ttl_seconds:
        fail(f"--ttl is longer than the allowed {platform.token_max_ttl_seconds} s", as_json=as_json)
    try:
        token = sign_token(agency, lifetime, officer_id=officer)
    except (KeyError, FileNotFoundError) as error:
        fail(str(error).strip("'\""), as_json=as_json)
    issued = {"agency": agency, "officer": officer or "", "ttl_seconds": int(lifetime.total_seconds()), "token": token}
    emit(issued, as_json=as_json, text=token)
