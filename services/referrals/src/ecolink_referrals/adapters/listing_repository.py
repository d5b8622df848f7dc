"""Jointly listed cases of one referrals database, version-checked; tasks, reports and dues kept with the listing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.versioned_rows import save_if_unchanged
from ecolink_referrals.adapters.tables import listing_table
from ecolink_referrals.domain.listing import ListingRecord, ListingState, ListingTaskRecord, ProgressReportRecord


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _values(listing: ListingRecord) -> dict[str, Any]:
    return {
        "case_name": listing.case,
        "title": listing.title,
        "authority_agency_id": listing.authority_agency_id,
        "region_code": listing.region_code,
        "party_agency_ids": list(listing.party_agency_ids),
        "report_every_days": listing.report_every_days,
        "state": listing.state.value,
        "tasks": [
            {
                "seq": t.seq,
                "party": t.party_agency_id,
                "description": t.description,
                "due": t.due_time.isoformat(),
                "done": _iso(t.done_time),
                "note": t.note,
            }
            for t in listing.tasks
        ],
        "reports": [
            {
                "seq": r.seq,
                "agency": r.agency_id,
                "officers": list(r.officer_ids),
                "text": r.text,
                "task": r.task,
                "at": r.report_time.isoformat(),
            }
            for r in listing.reports
        ],
        "reports_due": {agency: due.isoformat() for agency, due in listing.reports_due.items()},
        "escalated": sorted(listing.escalated),
        "delist_reason": listing.delist_reason,
        "create_time": listing.create_time,
        "update_time": listing.update_time,
        "version": listing.version,
    }


def _listing(row: Any) -> ListingRecord:
    return ListingRecord(
        listing_id=row.listing_id,
        case=row.case_name,
        title=row.title,
        authority_agency_id=row.authority_agency_id,
        region_code=row.region_code,
        party_agency_ids=tuple(row.party_agency_ids),
        report_every_days=row.report_every_days,
        state=ListingState(row.state),
        create_time=row.create_time,
        update_time=row.update_time,
        tasks=tuple(
            ListingTaskRecord(
                seq=t["seq"],
                party_agency_id=t["party"],
                description=t["description"],
                due_time=datetime.fromisoformat(t["due"]),
                done_time=datetime.fromisoformat(t["done"]) if t["done"] else None,
                note=t["note"],
            )
            for t in row.tasks
        ),
        reports=tuple(
            ProgressReportRecord(
                seq=r["seq"],
                agency_id=r["agency"],
                officer_ids=tuple(r["officers"]),
                text=r["text"],
                task=r["task"],
                report_time=datetime.fromisoformat(r["at"]),
            )
            for r in row.reports
        ),
        reports_due={agency: datetime.fromisoformat(due) for agency, due in row.reports_due.items()},
        escalated=frozenset(row.escalated),
        delist_reason=row.delist_reason,
        version=row.version,
    )


class ListingRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def add(self, listing: ListingRecord) -> int:
        result = await self._session.execute(
            insert(listing_table).values(**_values(listing)).returning(listing_table.c.listing_id)
        )
        return int(result.scalar_one())

    async def get(self, listing_id: int) -> ListingRecord | None:
        row = (
            await self._session.execute(select(listing_table).where(listing_table.c.listing_id == listing_id))
        ).first()
        return _listing(row) if row else None

    async def save(self, listing: ListingRecord, *, expected_version: int) -> bool:
        return await save_if_unchanged(
            self._session, listing_table.c.listing_id, listing.listing_id, expected_version, _values(listing)
        )

    async def seen_by(
        self, *, agency_id: str, region_prefix: str | None, before_id: int | None, limit: int
    ) -> Sequence[ListingRecord]:
        """Newest first: the listings of the caller's authority or region; parties are filtered by the caller."""
        table = listing_table
        query = select(table)
        if region_prefix is not None:
            query = query.where(
                or_(table.c.region_code.startswith(region_prefix), table.c.authority_agency_id == agency_id)
            )
        if before_id is not None:
            query = query.where(table.c.listing_id < before_id)
        rows = await self._session.execute(query.order_by(table.c.listing_id.desc()))
        listings = [_listing(row) for row in rows]
        if region_prefix is None:
            listings = [x for x in listings if agency_id in x.party_agency_ids or x.authority_agency_id == agency_id]
        return listings[:limit]

    async def listed(self) -> Sequence[ListingRecord]:
        rows = await self._session.execute(
            select(listing_table).where(listing_table.c.state == ListingState.LISTED.value)
        )
        return [_listing(row) for row in rows]
