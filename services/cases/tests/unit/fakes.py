"""In-memory cases repositories and registry, on top of ecolink_common's fake unit of work: what the credit, draw and
dossier use cases read and write, without a database or another service."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.domain.credit import Finding
from ecolink_cases.domain.draw_record import StoredDraw
from ecolink_cases.domain.lifecycle import Step
from ecolink_cases.domain.records import ApprovalRecord, DocumentRecord, StepRecord
from ecolink_cases.service_layer.ports import KeyUnit
from ecolink_common.clock import Clock
from ecolink_common.errors import NotFound
from ecolink_common.jurisdiction import region_contains
from ecolink_common.testing.fakes import FakeUnitOfWork


class InMemoryCaseSteps:
    """The steps of cases a test puts here (`taken`), as `CaseRepository.steps_of_units` reads them; and cases with
    their timelines and approvals (`put`), as `get`, `steps` and `approvals` read them."""

    def __init__(self) -> None:
        self.taken: list[tuple[StepRecord, CaseRecord]] = []
        self.stored: dict[int, CaseRecord] = {}
        self.timelines: dict[int, list[StepRecord]] = {}
        self.approval_rows: dict[int, list[ApprovalRecord]] = {}

    def put(self, case: CaseRecord, steps: Sequence[StepRecord] = (), approvals: Sequence[ApprovalRecord] = ()) -> None:
        self.stored[case.case_id] = case
        self.timelines[case.case_id] = list(steps)
        self.approval_rows[case.case_id] = list(approvals)

    async def get(self, case_id: int) -> CaseRecord | None:
        return self.stored.get(case_id)

    async def steps(self, case_id: int) -> Sequence[StepRecord]:
        return sorted(self.timelines.get(case_id, []), key=lambda step: step.seq)

    async def approvals(self, case_id: int) -> Sequence[ApprovalRecord]:
        return sorted(self.approval_rows.get(case_id, []), key=lambda approval: approval.seq)

    async def steps_of_units(
        self, unit_ids: Collection[str], kinds: Collection[Step]
    ) -> Sequence[tuple[StepRecord, CaseRecord]]:
        return [(step, case) for step, case in self.taken if case.unit_id in unit_ids and step.step in kinds]


class InMemoryFindings:
    def __init__(self) -> None:
        self.rows: list[tuple[str, Finding, str]] = []

    async def add(self, unit_id: str, finding: Finding, *, agency_id: str, at: datetime) -> bool:
        if any((u, f.kind, f.reference) == (unit_id, finding.kind, finding.reference) for u, f, _ in self.rows):
            return False
        self.rows.append((unit_id, finding, agency_id))
        return True

    async def of_units(self, unit_ids: Collection[str]) -> dict[str, list[Finding]]:
        found: dict[str, list[Finding]] = {unit_id: [] for unit_id in unit_ids}
        for unit_id, finding, _ in self.rows:
            if unit_id in found:
                found[unit_id].append(finding)
        return found


class InMemoryDraws:
    def __init__(self) -> None:
        self.stored: list[StoredDraw] = []

    async def add(
        self,
        *,
        region_code: str,
        agency_id: str,
        draw_time: datetime,
        graded_on: date,
        previous_draw_id: int | None,
        record: str,
    ) -> StoredDraw:
        stored = StoredDraw(
            len(self.stored) + 1, region_code, agency_id, draw_time, graded_on, previous_draw_id, record
        )
        self.stored.append(stored)
        return stored

    async def get(self, draw_id: int) -> StoredDraw | None:
        return next((draw for draw in self.stored if draw.draw_id == draw_id), None)

    async def latest_of_region(self, region_code: str) -> StoredDraw | None:
        return next((draw for draw in reversed(self.stored) if draw.region_code == region_code), None)

    async def listing(self, *, region_code: str | None, before_id: int | None, limit: int) -> Sequence[StoredDraw]:
        newest_first = [
            draw
            for draw in reversed(self.stored)
            if (region_code is None or draw.region_code == region_code)
            and (before_id is None or draw.draw_id < before_id)
        ]
        return newest_first[:limit]


class InMemoryDocuments:
    def __init__(self) -> None:
        self.issued: list[DocumentRecord] = []

    async def of_case(self, case_id: int) -> Sequence[DocumentRecord]:
        return sorted((d for d in self.issued if d.case_id == case_id), key=lambda d: d.document_id)


class InMemoryCompensations:
    """Which penalty case opened which compensation case (penalty case id → compensation case id)."""

    def __init__(self) -> None:
        self.opened: dict[int, int] = {}

    async def ids_of_penalty_cases(self, case_ids: Iterable[int]) -> Mapping[int, int]:
        return {case_id: self.opened[case_id] for case_id in case_ids if case_id in self.opened}


class FakeCasesUnitOfWork(FakeUnitOfWork):
    def __init__(self, clock: Clock, **kwargs: Any):
        super().__init__(clock, **kwargs)
        self.cases = InMemoryCaseSteps()
        self.documents = InMemoryDocuments()
        self.compensations = InMemoryCompensations()
        self.findings = InMemoryFindings()
        self.draws = InMemoryDraws()


class FakeRegistry:
    """The alerts registry as one caller in `caller_region` sees it: units outside are unknown, as the real one
    answers."""

    def __init__(self, units: Sequence[KeyUnit], caller_region: str):
        self.units = {unit.unit_id: unit for unit in units}
        self.caller_region = caller_region

    async def key_unit(self, unit_id: str) -> KeyUnit | None:
        unit = self.units.get(unit_id)
        return unit if unit is not None and region_contains(self.caller_region, unit.region_code) else None

    async def units_in_region(self, region_code: str) -> list[KeyUnit]:
        if not region_contains(self.caller_region, region_code):
            raise NotFound(f"regions/{region_code} was not found", reason="NOT_FOUND")
        return sorted(
            (unit for unit in self.units.values() if region_contains(region_code, unit.region_code)),
            key=lambda unit: unit.unit_id,
        )
