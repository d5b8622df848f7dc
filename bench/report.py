"""Shared output of every benchmark: a Rich table for a person, a JSON file for the record."""

from __future__ import annotations

import json
import platform
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Figure:
    """One measured figure beside the reference it is judged against."""

    name: str
    value: float
    unit: str
    reference_name: str
    reference_value: float
    goal: str

    @property
    def ratio(self) -> float:
        return self.value / self.reference_value if self.reference_value else 0.0


def report(benchmark: str, figures: list[Figure], *, notes: str) -> None:
    """Prints the table and writes bench/results/<benchmark>.json."""
    table = Table(title=f"bench/{benchmark}")
    for column in ("figure", "value", "reference", "reference value", "ratio", "goal"):
        table.add_column(column)
    for f in figures:
        table.add_row(
            f.name,
            f"{f.value:,.0f} {f.unit}",
            f.reference_name,
            f"{f.reference_value:,.0f} {f.unit}",
            f"{f.ratio:.2f}×",
            f.goal,
        )
    Console().print(table)
    RESULTS.mkdir(exist_ok=True)
    document = {
        "benchmark": benchmark,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "notes": notes,
        "figures": [{**asdict(f), "ratio": round(f.ratio, 3)} for f in figures],
    }
    (RESULTS / f"{benchmark}.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
