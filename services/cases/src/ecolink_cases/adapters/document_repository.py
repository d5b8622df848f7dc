"""Numbered documents and their counters: a number is taken in the transaction of the step that issues it, so a
refused or rolled-back step uses none, and concurrent steps of one agency wait for each other's counter row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_cases.adapters.case_repository import PrefixedRow, case_from_row
from ecolink_cases.adapters.tables import case_document_table, case_table, document_counter_table
from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.domain.documents import DocumentKind, display_number
from ecolink_cases.domain.records import DocumentRecord
from ecolink_common.counters import next_number


def _document_from_row(row: Any) -> DocumentRecord:
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
        void_reason=row.void_reason,
    )


class DocumentRepository:
    """Documents of one cases database."""

    def __init__(self, session: AsyncSession):
        self._session = session

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
        number = await next_number(
            self._session, document_counter_table, {"agency_id": agency_id, "kind": kind.value, "year": year}
        )
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

    async def get(self, document_id: int) -> DocumentRecord | None:
        table = case_document_table
        row = (await self._session.execute(select(table).where(table.c.document_id == document_id))).first()
        return _document_from_row(row) if row else None

    async def void(self, document_id: int, *, at: datetime, reason: str) -> None:
        """Marks the document void; its number stays taken."""
        table = case_document_table
        await self._session.execute(
            update(table).where(table.c.document_id == document_id).values(void_time=at, void_reason=reason)
        )

    async def served_on_enterprise(
        self, enterprise_agency_id: str, kinds: Sequence[DocumentKind], *, after_id: int | None, limit: int
    ) -> Sequence[tuple[DocumentRecord, CaseRecord]]:
        """Documents of `kinds` in the cases of the enterprise's units, oldest first, each with its case."""
        documents, cases = case_document_table, case_table
        query = (
            select(documents, *[column.label(f"case__{column.name}") for column in cases.columns])
            .join(cases, cases.c.case_id == documents.c.case_id)
            .where(
                cases.c.enterprise_agency_id == enterprise_agency_id,
                documents.c.kind.in_([kind.value for kind in kinds]),
            )
            .order_by(documents.c.document_id)
            .limit(limit)
        )
        if after_id is not None:
            query = query.where(documents.c.document_id > after_id)
        rows = (await self._session.execute(query)).mappings()
        return [(_document_from_row(PrefixedRow(row, "")), case_from_row(PrefixedRow(row, "case__"))) for row in rows]

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
