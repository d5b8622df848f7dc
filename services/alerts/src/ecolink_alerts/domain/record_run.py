"""Complete records of one device and data kind that arrived together, as the rule engine's fast path takes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_alerts.domain.rules.observation import RecordColumns


@dataclass(frozen=True)
class RecordRun:
    """Records received at one instant, in DataTime order (distinct DataTimes), each with the same factors (sorted):
    their columns, and the readings of the first and the last record, which the engine keeps as readings."""

    kind: DataKind
    received_at: datetime
    columns: RecordColumns
    first: tuple[Reading, ...]
    last: tuple[Reading, ...]

    @property
    def factors(self) -> tuple[str, ...]:
        return tuple(reading.factor for reading in self.first)

    def judged_columns(self) -> RecordColumns:
        """The columns of every record but the last, which stays pending until a later record or the clock."""
        columns = self.columns
        return RecordColumns(
            columns.data_times[:-1],
            {factor: values[:-1] for factor, values in columns.values.items()},
            {factor: flags[:-1] for factor, flags in columns.flags.items()},
        )
