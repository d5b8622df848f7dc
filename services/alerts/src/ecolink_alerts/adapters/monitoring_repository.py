"""Reads and writes monitoring values, their conflicting versions and each device's rule state; never commits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Executable, Table, bindparam, insert, or_, select, update
from sqlalchemy.engine import Result, Row
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_alerts.adapters.tables import monitoring_value_table, rule_state_table, value_conflict_table
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.monitoring_records import RecordKey, ValueKey, ValueRow, value_key, value_row
from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_common.db import upsert_statement

Place = tuple[str, str]
"""Where a device measures: (unit id, outlet id)."""


@dataclass(frozen=True)
class StoredRuleState:
    """A device's stored rule-state revision and its JSON text: empty before the first data, None when the revision
    is the one the caller knew."""

    revision: int
    state: str | None


VALUE_COLUMNS = (
    "mn",
    "kind",
    "data_time",
    "factor",
    "value",
    "flag",
    "converted",
    "minimum",
    "maximum",
    "cumulative",
    "received_at",
    "reported_code",
)
"""The columns of a ValueRow."""


def _row(reading: Reading) -> dict[str, Any]:
    return dict(zip(VALUE_COLUMNS, value_row(reading), strict=True))


def reading_from_row(row: Row, unit_id: str, outlet_id: str) -> Reading:
    """A row of monitoring values (or of derived means, which have no receipt time) as a reading."""
    return Reading(
        mn=row.mn,
        unit_id=unit_id,
        outlet_id=outlet_id,
        factor=row.factor,
        kind=DataKind(row.kind),
        data_time=row.data_time,
        value=row.value,
        flag=DataFlag(row.flag),
        converted=row.converted,
        minimum=row.minimum,
        maximum=row.maximum,
        cumulative=row.cumulative,
        received_at=row._mapping.get("received_at"),
        reported_code=row._mapping.get("reported_code"),
    )


RECORD_SPAN_GAP = timedelta(hours=1)
"""DataTimes at most this far apart are looked up as one range: consecutive real-time, minute or hourly records."""


def _spans(data_times: Sequence[datetime]) -> list[tuple[datetime, datetime]]:
    """Sorted DataTimes as ranges whose consecutive DataTimes are at most RECORD_SPAN_GAP apart."""
    spans = [(data_times[0], data_times[0])]
    for moment in data_times[1:]:
        first, last = spans[-1]
        if moment - last <= RECORD_SPAN_GAP:
            spans[-1] = (first, moment)
        else:
            spans.append((moment, moment))
    return spans


class MonitoringRepository:
    """Monitoring values keyed by (MN, CN, DataTime, factor), the conflicting versions kept beside them, rule states."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def _execute(self, statement: Executable) -> Result[Any]:
        """Runs a Core statement on the session's connection, without the ORM's bookkeeping (every ingest asks)."""
        return await (await self._session.connection()).execute(statement)

    async def _versions(self, table: Table, places: Mapping[str, Place], records: Iterable[RecordKey]) -> list[Reading]:
        """The rows of these records, and of others of the same devices and kinds between two of them at most
        RECORD_SPAN_GAP apart; `places` maps each MN to its unit and outlet.

        DataTimes are asked for by spans, each a range of the key index (a batch of consecutive records is one
        span); a plan PostgreSQL made generic while the table was small still scans only those ranges.
        """
        keys = set(records)
        if not keys:
            return []
        spans = _spans(sorted({data_time for _, _, data_time in keys}))
        query = select(table).where(
            table.c.mn.in_(sorted({mn for mn, _, _ in keys})),
            table.c.kind.in_(sorted({kind.value for _, kind, _ in keys})),
            or_(*(table.c.data_time.between(first, last) for first, last in spans)),
        )
        rows = (await self._execute(query)).all()
        return [reading_from_row(row, *places[row.mn]) for row in rows]

    async def stored_values(self, places: Mapping[str, Place], records: Iterable[RecordKey]) -> dict[ValueKey, Reading]:
        """The stored values of these records."""
        found = await self._versions(monitoring_value_table, places, records)
        return {value_key(reading): reading for reading in found}

    async def conflicting_versions(
        self, places: Mapping[str, Place], records: Iterable[RecordKey]
    ) -> dict[ValueKey, list[Reading]]:
        """DOMAIN §2.1: the differing versions already kept for values of these records (C12); only stored values
        have any."""
        versions: dict[ValueKey, list[Reading]] = {}
        for reading in await self._versions(value_conflict_table, places, records):
            versions.setdefault(value_key(reading), []).append(reading)
        return versions

    async def add_value_rows(self, rows: Sequence[ValueRow]) -> None:
        """Inserts new values; on PostgreSQL by COPY in the session's transaction (the caller holds the devices'
        rule-state locks and has checked that none of these values is stored, so no key can collide)."""
        if not rows:
            return
        connection = await self._session.connection()
        if connection.dialect.name != "postgresql":
            await connection.execute(
                insert(monitoring_value_table), [dict(zip(VALUE_COLUMNS, row, strict=True)) for row in rows]
            )
            return
        raw = await connection.get_raw_connection()
        await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
            monitoring_value_table.name, records=rows, columns=VALUE_COLUMNS
        )

    async def add_conflicting_versions(self, readings: Sequence[Reading]) -> None:
        if readings:
            await self._session.execute(insert(value_conflict_table), [_row(reading) for reading in readings])

    async def lock_rule_states(
        self, known_revisions: Mapping[str, int | None], *, at: datetime
    ) -> dict[str, StoredRuleState]:
        """The devices' rule states, their rows locked (in MN order) until commit; a state whose stored revision is
        the known one comes back without its text.

        Rows of devices with no known revision are created first if missing, so that two first batches of one
        device also wait for each other; SQLite takes no row locks but serialises write transactions
        (ecolink_common.db).
        """
        table = rule_state_table
        unknown = sorted(mn for mn, revision in known_revisions.items() if revision is None)
        if unknown:
            rows = [{"mn": mn, "state": "", "updated_at": at, "revision": 0} for mn in unknown]
            await self._session.execute(upsert_statement(self._session, table).on_conflict_do_nothing(), rows)
        query = select(table.c.mn, table.c.revision).where(table.c.mn.in_(sorted(known_revisions)))
        revisions = dict((await self._execute(query.order_by(table.c.mn).with_for_update())).tuples().all())
        if missing := set(known_revisions) - set(revisions):
            raise LookupError(f"the rule states of {sorted(missing)} are gone although this process stored them")
        moved = sorted(mn for mn, revision in revisions.items() if revision != known_revisions[mn])
        texts: dict[str, str] = {}
        if moved:
            query = select(table.c.mn, table.c.state).where(table.c.mn.in_(moved))
            texts = dict((await self._execute(query)).tuples().all())
        return {mn: StoredRuleState(revision, texts.get(mn)) for mn, revision in revisions.items()}

    async def devices_with_rules(self) -> list[str]:
        """Every MN whose rule engine has state, i.e. that has sent data."""
        query = select(rule_state_table.c.mn).order_by(rule_state_table.c.mn)
        return list((await self._session.execute(query)).scalars())

    async def save_rule_states(self, states: Sequence[tuple[str, str, int]], *, at: datetime) -> None:
        """Stores each (MN, state JSON, revision)."""
        if not states:
            return
        table = rule_state_table
        statement = (
            update(table)
            .where(table.c.mn == bindparam("state_mn"))
            .values(state=bindparam("state_text"), revision=bindparam("state_revision"), updated_at=at)
        )
        rows = [{"state_mn": mn, "state_text": text, "state_revision": revision} for mn, text, revision in states]
        await (await self._session.connection()).execute(statement, rows)
