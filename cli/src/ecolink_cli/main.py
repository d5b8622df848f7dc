"""The `ecolink` command: one Typer app gathering every subcommand."""

from __future__ import annotations

from typing import Annotated

import typer

from ecolink_cli.commands import (
    admin,
    alerts,
    basin,
    cameras,
    cases,
    certs,
    devices,
    evidence,
    grades,
    health,
    hj212,
    identity,
    monitoring,
    outlets,
    referrals,
    token,
    units,
)

app = typer.Typer(
    help="ecolink: monitoring clues, cases, referrals and evidence shared between agencies.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.command("health")(health.health)
app.command("whoami")(identity.whoami)
app.command("migrate")(admin.migrate)
app.command("certs")(certs.certs)
app.add_typer(token.token_app, name="token")
app.add_typer(identity.agencies_app, name="agencies")
app.add_typer(admin.directory_app, name="directory")
app.add_typer(admin.audit_app, name="audit")
app.add_typer(evidence.evidence_app, name="evidence")
app.add_typer(units.units_app, name="units")
app.add_typer(outlets.outlets_app, name="outlets")
app.add_typer(devices.devices_app, name="devices")
app.add_typer(cameras.cameras_app, name="cameras")
app.add_typer(hj212.hj212_app, name="hj212")
app.add_typer(alerts.alerts_app, name="alerts")
app.add_typer(monitoring.monitoring_app, name="monitoring")
app.add_typer(grades.grades_app, name="grades")
app.add_typer(cases.cases_app, name="cases")
app.add_typer(referrals.referrals_app, name="referrals")
app.add_typer(basin.basin_app, name="basin")


@app.command("run")
def run(
    demo_agency: Annotated[str, typer.Option(help="Agency whose demo token is printed.")] = "eeb-360800",
    demo_data: Annotated[
        bool,
        typer.Option(
            envvar="ECOLINK_DEMO_DATA",
            help="Forward the demo day of monitoring data (a Lingbi C2 alert to open a case from) once up.",
        ),
    ] = True,
) -> None:
    """Bring the whole platform up on this machine (embedded defaults unless env vars say otherwise)."""
    from ecolink_cli.platform_runner import run_platform

    raise typer.Exit(run_platform(demo_agency, demo_data=demo_data))
