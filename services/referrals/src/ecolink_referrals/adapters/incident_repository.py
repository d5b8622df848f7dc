"""Basin incidents of one referrals database, version-checked, each write with the next change watermark (series
`incidents`): notices, measures and escalations kept with the incident."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.counters import next_number
from ecolink_common.versioned_rows import save_if_unchanged
from ecolink_referrals.adapters.escalation_rows import escalation_values, escalations_from
from ecolink_referrals.adapters.tables import change_counter_table, incident_table
from ecolink_referrals.domain.incident import (
    IncidentFacts,
    IncidentRecord,
    IncidentState,
    MeasureReport,
    Notice,
    Role,
)

CHANGES = "incidents"


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _values(incident: IncidentRecord) -> dict[str, Any]:
    facts = incident.facts
    return {
        "agreement_id": incident.agreement_id,
        "basin_id": incident.basin_id,
        "reporter_agency_id": incident.reporter_agency_id,
        "region_code": incident.region_code,
        "facts": {
            "location": facts.location,
            "pollutant": facts.pollutant,
            "quantity": facts.estimated_quantity,
            "occurred": facts.occurred_time.isoformat(),
            "description": facts.description,
            "evidence": list(facts.evidence),
        },
        "drill": incident.drill,
        "state": incident.state.value,
        "report_time": incident.report_time,
        "update_time": incident.update_time,
        "notices": [
            {
                "agency": n.agency_id,
                "role": n.role.value,
                "ack_due": n.acknowledge_due.isoformat(),
                "measures_due": _iso(n.measures_due),
                "ack": _iso(n.acknowledge_time),
                "measures": _iso(n.measures_time),
            }
            for n in incident.notices
        ],
        "measures": [
            {
                "seq": m.seq,
                "agency": m.agency_id,
                "officers": list(m.officer_ids),
                "text": m.text,
                "evidence": list(m.evidence),
                "monitoring": m.monitoring,
                "at": m.report_time.isoformat(),
            }
            for m in incident.measures
        ],
        "escalations": escalation_values(incident.escalations),
        "close_time": incident.close_time,
        "closed_by": incident.closed_by,
        "close_note": incident.close_note,
        "scheduled_by": incident.scheduled_by,
        "version": incident.version,
    }


def _from_row(row: Any) -> IncidentRecord:
    facts = row.facts
    return IncidentRecord(
        incident_id=row.incident_id,
        agreement_id=row.agreement_id,
        basin_id=row.basin_id,
        reporter_agency_id=row.reporter_agency_id,
        region_code=row.region_code,
        facts=IncidentFacts(
            location=facts["location"],
            pollutant=facts["pollutant"],
            estimated_quantity=facts["quantity"],
            occurred_time=datetime.fromisoformat(facts["occurred"]),
            description=facts["description"],
            evidence=tuple(facts["evidence"]),
        ),
        drill=row.drill,
        state=IncidentState(row.state),
        report_time=row.report_time,
        update_time=row.update_time,
        notices=tuple(
            Notice(
                agency_id=n["agency"],
                role=Role(n["role"]),
                acknowledge_due=datetime.fromisoformat(n["ack_due"]),
                measures_due=_time(n["measures_due"]),
                acknowledge_time=_time(n["ack"]),
                measures_time=_time(n["measures"]),
            )
            for n in row.notices
        ),
        measures=tuple(
            MeasureReport(
                seq=m["seq"],
                agency_id=m["agency"],
                officer_ids=tuple(m["officers"]),
                text=m["text"],
                evidence=tuple(m["evidence"]),
                monitoring=m["monitoring"],
                report_time=datetime.fromisoformat(m["at"]),
            )
            for m in row.measures
        ),
        escalations=escalations_from(row.escalations),
        close_time=row.close_time,
        closed_by=row.closed_by,
        close_note=row.close_note,
        scheduled_by=row.scheduled_by,
        version=row.version,
    )


class IncidentRepository:
    """Never commits."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def _next_change(self) -> int:
        """Held until commit, so watermarks commit in order and a poller after the last one it saw misses none."""
        return await next_number(self._session, change_counter_table, {"series": CHANGES})

    async def add(self, incident: IncidentRecord) -> int:
        values = _values(incident) | {"change_seq": await self._next_change()}
        result = await self._session.execute(
            insert(incident_table).values(**values).returning(incident_table.c.incident_id)
        )
        return int(result.scalar_one())

    async def get(self, incident_id: int) -> IncidentRecord | None:
        query = select(incident_table).where(incident_table.c.incident_id == incident_id)
        row = (await self._session.execute(query)).first()
        return _from_row(row) if row else None

    async def change_seq(self, incident_id: int) -> int:
        query = select(incident_table.c.change_seq).where(incident_table.c.incident_id == incident_id)
        return int((await self._session.execute(query)).scalar_one())

    async def save(self, incident: IncidentRecord, *, expected_version: int) -> bool:
        """Writes the incident only if nobody changed it since `expected_version`, with the next change watermark."""
        values = _values(incident) | {"change_seq": await self._next_change()}
        return await save_if_unchanged(
            self._session, incident_table.c.incident_id, incident.incident_id, expected_version, values
        )

    async def changed(
        self, *, after_seq: int, limit: int, basin_ids: Collection[str], region_prefix: str | None
    ) -> Sequence[tuple[IncidentRecord, int]]:
        """Incidents of the caller's basins or under a bureau's region, in change order after `after_seq`, each with
        its change watermark."""
        table = incident_table
        seen: list[ColumnElement[bool]] = [table.c.basin_id.in_(list(basin_ids))]
        if region_prefix is not None:
            seen.append(table.c.region_code.startswith(region_prefix))
        query = select(table).where(table.c.change_seq > after_seq, or_(*seen)).order_by(table.c.change_seq)
        return [(_from_row(row), int(row.change_seq)) for row in await self._session.execute(query.limit(limit))]

    async def open_ids(self, *, after_id: int, limit: int) -> Sequence[int]:
        """Open incidents by id, for the escalation sweep."""
        table = incident_table
        query = (
            select(table.c.incident_id)
            .where(table.c.state == IncidentState.OPEN.value, table.c.incident_id > after_id)
            .order_by(table.c.incident_id)
            .limit(limit)
        )
        return [int(value) for value in (await self._session.execute(query)).scalars()]

    async def drills_due(self, now: datetime, *, limit: int) -> Sequence[int]:
        """Scheduled drills whose time came, oldest first."""
        table = incident_table
        query = (
            select(table.c.incident_id)
            .where(table.c.state == IncidentState.SCHEDULED.value, table.c.report_time <= now)
            .order_by(table.c.report_time, table.c.incident_id)
            .limit(limit)
        )
        return [int(value) for value in (await self._session.execute(query)).scalars()]
