"""How the CLI answers: Rich tables for a person, one JSON document for a script, errors on stderr."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

PIPED_WIDTH = 1000
"""Output that is not a terminal is not cut to Rich's 80 columns: tables keep their natural width."""


def _console(*, stderr: bool = False) -> Console:
    """A console at the terminal's width; piped or redirected (and COLUMNS unset), at PIPED_WIDTH."""
    probe = Console(stderr=stderr)
    if probe.is_terminal or "COLUMNS" in os.environ:
        return probe
    return Console(stderr=stderr, width=PIPED_WIDTH)


console = _console()
errors = _console(stderr=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON document for scripts instead of a table.")]


def emit(data: Any, *, as_json: bool, table: Table | None = None, text: str | None = None) -> None:
    """Prints `data` as JSON, or the table / text meant for a person."""
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    elif table is not None:
        console.print(table)
    elif text is not None:
        typer.echo(text)


def make_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Table:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(cell) for cell in row))
    return table


def fail(message: str, *, as_json: bool, details: Mapping[str, Any] | None = None, code: int = 1) -> NoReturn:
    """Reports a failure and exits non-zero."""
    if as_json:
        typer.echo(json.dumps({"error": {"message": message, **(details or {})}}, ensure_ascii=False, indent=2))
    else:
        errors.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)
