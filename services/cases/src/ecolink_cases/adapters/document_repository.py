"""Numbered documents and their counters: a number is taken in the transaction of the step that issues it, so a
refused or rolled-back step uses none, and concurrent steps of one agency wait for each other's counter row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, tuple_
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_cases.adapters.tables import case_document_table, document_counter_table
from ecolink_cases.domain.documents import DocumentKind, display_number
from ecolink_cases.domain.records import DocumentRecord
from ecolink_common.db import upsert_statement


def _document_from_row(row: Row[Any]) -> DocumentRecord:
    return DocumentRecord(
        document_id=row.document_id,
        agency_id=row.agency_id,
        kind=DocumentKind(row.kind),
        year=row.year,
        number=row.number,
        display_number=row.display_number,
        case_id=row.case_id,
        issue_time=row.issue_time,
        cites=tuple(row.cites),
        void_time=row.void_time,
    )


class DocumentRepository:
    """Documents of one cases database."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def _next_number(self, agency_id: str, kind: DocumentKind, year: int) -> int:
        counter = document_counter_table
        statement = upsert_statement(self._session, counter).values(
            agency_id=agency_id, kind=kind.value, year=year, last_number=1
        )
        statement = statement.on_conflict_do_update(
            index_elements=[counter.c.agency_id, counter.c.kind, counter.c.year],
            set_={"last_number": counter.c.last_number + 1},
        ).returning(counter.c.last_number)
        return int((await self._session.execute(statement)).scalar_one())

    async def issue(
        self,
        *,
        agency_id: str,
        prefix: str,
        kind: DocumentKind,
        case_id: int,
        at: datetime,
        year: int,
        cites: tuple[int, ...] = (),
    ) -> DocumentRecord:
        """Takes the agency's next number of `kind` in `year` and stores the document under it."""
        number = await self._next_number(agency_id, kind, year)
        record = DocumentRecord(
            document_id=0,
            agency_id=agency_id,
            kind=kind,
            year=year,
            number=number,
            display_number=display_number(prefix, kind, year, number),
            case_id=case_id,
            issue_time=at,
            cites=cites,
        )
        result = await self._session.execute(
            insert(case_document_table)
            .values(
                agency_id=agency_id,
                kind=kind.value,
                year=year,
                number=number,
                display_number=record.display_number,
                case_id=case_id,
                issue_time=at,
                cites=list(cites),
            )
            .returning(case_document_table.c.document_id)
        )
        return replace(record, document_id=int(result.scalar_one()))

    async def of_case(self, case_id: int) -> Sequence[DocumentRecord]:
        table = case_document_table
        query = select(table).where(table.c.case_id == case_id).order_by(table.c.document_id)
        return [_document_from_row(row) for row in await self._session.execute(query)]

    async def listing(
        self,
        *,
        agency_id: str,
        kind: DocumentKind | None,
        year: int | None,
        after: tuple[str, int, int] | None,
        limit: int,
    ) -> Sequence[DocumentRecord]:
        """By kind, year and number."""
        table = case_document_table
        query = (
            select(table)
            .where(table.c.agency_id == agency_id)
            .order_by(table.c.kind, table.c.year, table.c.number)
            .limit(limit)
        )
        if kind is not None:
            query = query.where(table.c.kind == kind.value)
        if year is not None:
            query = query.where(table.c.year == year)
        if after is not None:
            query = query.where(tuple_(table.c.kind, table.c.year, table.c.number) > after)
        return [_document_from_row(row) for row in await self._session.execute(query)]
