"""Reads and replaces a service's copy of the agency directory; never commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_common.directory import Agency, AgencyKind, AgencyLevel, DirectoryFile, Officer
from ecolink_common.platform_tables import agency_table, directory_load_table, officer_table


@dataclass(frozen=True)
class DirectoryVersion:
    """Which directory file a database holds."""

    version: str
    file_sha256: str


def _agency_from_row(row: Row) -> Agency:
    return Agency(
        agency_id=row.agency_id,
        display_name=row.display_name,
        english_name=row.english_name,
        kind=AgencyKind(row.kind),
        level=AgencyLevel(row.level),
        region_code=row.region_code,
        basin_ids=tuple(row.basin_ids),
        document_prefix=row.document_prefix,
    )


class AgencyRepository:
    """The directory as stored in one service's database."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def get(self, agency_id: str) -> Agency | None:
        row = (await self._session.execute(select(agency_table).where(agency_table.c.agency_id == agency_id))).first()
        return _agency_from_row(row) if row else None

    async def list_after(self, *, after_id: str, kind: AgencyKind | None, region_prefix: str) -> Sequence[Agency]:
        """Every agency with an id above `after_id`, in id order, optionally of one kind and region prefix."""
        query = select(agency_table).where(agency_table.c.agency_id > after_id).order_by(agency_table.c.agency_id)
        if kind is not None:
            query = query.where(agency_table.c.kind == kind.value)
        if region_prefix:
            query = query.where(agency_table.c.region_code.startswith(region_prefix))
        return [_agency_from_row(row) for row in (await self._session.execute(query)).all()]

    async def officer(self, officer_id: str) -> Officer | None:
        row = (
            await self._session.execute(select(officer_table).where(officer_table.c.officer_id == officer_id))
        ).first()
        return Officer.model_validate(row._asdict()) if row else None

    async def officers(self, officer_ids: Sequence[str]) -> dict[str, Officer]:
        """The directory's officers among `officer_ids`, by id, in one query."""
        if not officer_ids:
            return {}
        query = select(officer_table).where(officer_table.c.officer_id.in_(list(officer_ids)))
        return {row.officer_id: Officer.model_validate(row._asdict()) for row in await self._session.execute(query)}

    async def officers_of(self, agency_id: str) -> Sequence[Officer]:
        rows = await self._session.execute(
            select(officer_table).where(officer_table.c.agency_id == agency_id).order_by(officer_table.c.officer_id)
        )
        return [Officer.model_validate(row._asdict()) for row in rows]

    async def all_officers(self) -> Sequence[Officer]:
        rows = await self._session.execute(select(officer_table).order_by(officer_table.c.officer_id))
        return [Officer.model_validate(row._asdict()) for row in rows]

    async def latest_load(self) -> DirectoryVersion:
        """The version and file hash of the directory last loaded; empty strings before the first load."""
        row = (
            await self._session.execute(
                select(directory_load_table.c.version, directory_load_table.c.file_sha256)
                .order_by(directory_load_table.c.id.desc())
                .limit(1)
            )
        ).first()
        return DirectoryVersion(row.version, row.file_sha256) if row else DirectoryVersion("", "")

    async def replace_all(self, directory: DirectoryFile, *, file_sha256: str) -> None:
        """Makes the stored directory equal to the file, and records the load."""
        await self._session.execute(delete(agency_table))
        await self._session.execute(delete(officer_table))
        await self._session.execute(
            insert(agency_table),
            [agency.model_dump(mode="json") for agency in directory.agencies],
        )
        if directory.officers:
            await self._session.execute(
                insert(officer_table), [officer.model_dump(mode="json") for officer in directory.officers]
            )
        await self._session.execute(
            insert(directory_load_table).values(
                version=directory.version,
                file_sha256=file_sha256,
                agency_count=len(directory.agencies),
                loaded_at=datetime.now(UTC),
            )
        )
