"""`ecolink migrate`, `ecolink directory load` and `ecolink audit verify`: operator work on the databases."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from ecolink_cli.output import JsonFlag, emit, fail, make_table
from ecolink_cli.services import SERVICE_NAMES, service_spec
from ecolink_common import operations
from ecolink_common.settings import PlatformSettings

directory_app = typer.Typer(help="The agency directory each service holds.")
audit_app = typer.Typer(help="The hash-chained audit log each service keeps.")

ServicesOption = Annotated[
    list[str] | None, typer.Option("--service", help="Only this service (repeatable); default all four.")
]


def _chosen(services: list[str] | None) -> list[str]:
    for name in services or []:
        if name not in SERVICE_NAMES:
            raise typer.BadParameter(f"unknown service {name!r}; choose from {', '.join(SERVICE_NAMES)}")
    return services or list(SERVICE_NAMES)


def migrate(service: ServicesOption = None, as_json: JsonFlag = False) -> None:
    """Bring each service's database to the newest schema."""
    platform = PlatformSettings()
    names = _chosen(service)
    for name in names:
        spec = service_spec(name)
        asyncio.run(operations.migrate(spec, operations.database_url(spec, platform)))
    emit({"migrated": names}, as_json=as_json, text=f"migrated: {', '.join(names)}")


@directory_app.command("load")
def load_directory(
    file: Annotated[Path | None, typer.Option("--file", help="Directory file; default ECOLINK_DIRECTORY_FILE.")] = None,
    service: ServicesOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Load a versioned directory file into each service (a file already loaded changes nothing)."""
    platform = PlatformSettings()
    path = file or platform.directory_file
    specs = [service_spec(n) for n in _chosen(service)]
    loads = [asyncio.run(operations.load_directory(s, operations.database_url(s, platform), path)) for s in specs]
    rows = [[d.service, d.version, d.agency_count, "loaded" if d.changed else "already loaded"] for d in loads]
    table = make_table(f"directory {path.name}", ["service", "version", "agencies", "result"], rows)
    emit([d.__dict__ for d in loads], as_json=as_json, table=table)


@audit_app.command("verify")
def verify(service: ServicesOption = None, as_json: JsonFlag = False) -> None:
    """Walk each service's audit chain; exits 1 and names the first broken row if one was altered or removed."""
    platform = PlatformSettings()
    reports = {
        n: asyncio.run(operations.verify_audit_chain(operations.database_url(service_spec(n), platform)))
        for n in _chosen(service)
    }
    rows = [
        [name, r.rows_checked, "intact" if r.intact else f"BROKEN at row {r.broken_seq}", r.problem]
        for name, r in reports.items()
    ]
    data = [
        {
            "service": n,
            "intact": r.intact,
            "rows_checked": r.rows_checked,
            "broken_seq": r.broken_seq,
            "problem": r.problem,
        }
        for n, r in reports.items()
    ]
    emit(data, as_json=as_json, table=make_table("audit chains", ["service", "rows", "chain", "problem"], rows))
    broken = [f"{n}: {r.problem}" for n, r in reports.items() if not r.intact]
    if broken:
        fail("; ".join(broken), as_json=False)
