"""`ecolink certs`: write a development CA and certificates for mTLS between agencies and services."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ecolink_cli.dev_certs import issue_development_certificates
from ecolink_cli.output import JsonFlag, emit, make_table
from ecolink_common.directory import read_directory_file
from ecolink_common.settings import PLATFORM_SERVICES, PlatformSettings


def certs(
    out: Annotated[Path | None, typer.Option("--out", help="Folder; default var/certs.")] = None,
    agency: Annotated[list[str] | None, typer.Option("--agency", help="Only these agencies; default all.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Issue a development CA, a server certificate for localhost, one client certificate per agency and one per
    platform service (service-<name>, what each service presents when it calls another)."""
    platform = PlatformSettings()
    directory, _ = read_directory_file(platform.directory_file)
    agencies = agency or [a.agency_id for a in directory.agencies]
    folder = out or platform.var_dir / "certs"
    issued = issue_development_certificates(folder, agencies, PLATFORM_SERVICES)
    rows = [[stem, pair.cert_file, pair.key_file] for stem, pair in issued.items()]
    table = make_table(f"development certificates in {folder}", ["for", "certificate", "key"], rows)
    emit(
        {stem: {"cert": str(p.cert_file), "key": str(p.key_file)} for stem, p in issued.items()},
        as_json=as_json,
        table=table,
    )
    if not as_json:
        typer.echo(
            f"\nServe with mTLS: ECOLINK_TLS_CERT_FILE={folder}/server.crt ECOLINK_TLS_KEY_FILE={folder}/server.key "
            f"ECOLINK_TLS_CLIENT_CA_FILE={folder}/ca.crt make run"
        )
