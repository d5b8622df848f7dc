"""A response of figures (an agency's statistics for a year) as a person, a spreadsheet or a script reads it: a table of
its fields, a CSV of a header row and one row of figures, or JSON holding every figure, zeros too."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict
from google.protobuf.message import Message
from rich.table import Table

from ecolink_cli.output import emit, make_table

CsvFlag = Annotated[
    bool, typer.Option("--csv", help="Print a CSV (a header row, then the figures) instead of a table.")
]


def figures(response: Message) -> list[tuple[str, Any]]:
    """Every field of the response in its order, as the API names it (so a new figure shows without a change)."""
    return [(field.name, getattr(response, field.name)) for field in response.DESCRIPTOR.fields]


def _as_it_is(name: str, value: Any) -> Any:
    return value


def figures_table(
    title: str, response: Message, terms: Mapping[str, str], shown: Callable[[str, Any], Any] = _as_it_is
) -> Table:
    """One row per figure: its name with its Chinese term (`terms`; the API's name when it has none), and its value
    as `shown` (name, value) gives it."""
    rows = [[terms.get(name, name), shown(name, value)] for name, value in figures(response)]
    return make_table(title, ["figure", "value"], rows)


def figures_csv(response: Message) -> str:
    """A header row of the API's field names and one row of figures, as the API gives them (amounts in fen)."""
    found = figures(response)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in found])
    writer.writerow([value for _, value in found])
    return out.getvalue()


def emit_figures(response: Message, *, as_json: bool, as_csv: bool, table: Table) -> None:
    """The CSV (with --csv, unless --json), the JSON document or the table."""
    if as_csv and not as_json:
        typer.echo(figures_csv(response), nl=False)
        return
    # Every figure, zeros too: a zero is a count, not a field left out.
    shown = MessageToDict(response, preserving_proto_field_name=True, always_print_fields_with_no_presence=True)
    emit(shown, as_json=as_json, table=table)
