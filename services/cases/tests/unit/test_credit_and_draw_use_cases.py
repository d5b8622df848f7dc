"""The credit and draw use cases (DOMAIN §3.4) against an in-memory unit of work and registry: what they record,
audit and refuse, without a database or the alerts service."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ecolink_cases.domain.case import CaseRecord, ClueSource
from ecolink_cases.domain.credit import CreditColour, Finding
from ecolink_cases.domain.credit_rules import bundled_credit_rules
from ecolink_cases.domain.credit_settings import CreditSettings, InspectionDrawSettings
from ecolink_cases.domain.lifecycle import CaseState, Outcome, Step
from ecolink_cases.domain.records import StepRecord
from ecolink_cases.service_layer.credit_grading import CreditRulebook, record_finding, unit_credit
from ecolink_cases.service_layer.inspection_draws import RunDraw, check_draw, run_draw
from ecolink_cases.service_layer.ports import KeyUnit
from ecolink_common.clock import FakeClock
from ecolink_common.errors import FailedPrecondition, NotFound, PermissionDenied
from ecolink_common.request_records import RequestKey

from .fakes import FakeCasesUnitOfWork, FakeRegistry

NOW = datetime(2026, 11, 20, 2, tzinfo=UTC)
RULEBOOK = CreditRulebook(bundled_credit_rules(), CreditSettings())
DRAWS = InspectionDrawSettings()
SEED = "ab" * 32
UNITS = [
    KeyUnit("lingbi-jiancai", "灵璧县某新型建材有限公司", "341323", "ent-341323-jiancai"),
    KeyUnit("suzhou-power", "宿州某电厂", "341302", ""),
    *(KeyUnit(f"suzhou-unit-{n}", f"宿州企业{n}", "341302", "") for n in range(1, 9)),
]


@pytest.fixture
def uow() -> FakeCasesUnitOfWork:
    return FakeCasesUnitOfWork(FakeClock(NOW))


def registry(region: str = "341300") -> FakeRegistry:
    return FakeRegistry(UNITS, region)


def decided_penalty(unit_id: str, on: date) -> tuple[StepRecord, CaseRecord]:
    case = CaseRecord(
        case_id=7,
        handling_agency_id="eeb-341323",
        handling_level="county",
        region_code="341323",
        unit_id=unit_id,
        unit_display_name="",
        source=ClueSource.MANUAL,
        source_ref="",
        violation_type="",
        legal_basis="",
        handling_officer_ids=("off-341323-01",),
        create_time=NOW,
        update_time=NOW,
        state=CaseState.DECIDED,
        outcome=Outcome.PENALTY,
    )
    step = StepRecord(7, 5, Step.DECIDE, CaseState.NOTIFIED, CaseState.DECIDED, "eeb-341323", (), on, NOW, "", ())
    return step, case


async def test_a_finding_counts_once_and_is_audited(uow):
    county = uow.agencies.principal("eeb-341323")
    finding = Finding("petition_substantiated", date(2026, 11, 1), "12369-2026-0042")
    graded = await record_finding(uow, county, registry("341323"), "lingbi-jiancai", finding, RULEBOOK)
    again = await record_finding(uow, county, registry("341323"), "lingbi-jiancai", finding, RULEBOOK)
    assert (graded.grade.score, again.grade.score) == (95, 95)
    assert uow.audit.outcomes() == [("eeb-341323", "RecordCreditFinding", "OK", "")]


async def test_a_decided_penalty_counts_against_the_unit_without_being_recorded(uow):
    uow.cases.taken.append(decided_penalty("lingbi-jiancai", date(2026, 11, 10)))
    graded = await unit_credit(uow, registry(), "lingbi-jiancai", RULEBOOK, None)
    assert (graded.grade.score, graded.grade.colour) == (85, CreditColour.YELLOW)
    assert [d.finding.reference for d in graded.grade.deductions] == ["cases/7"]


async def test_only_a_bureau_of_the_units_region_records_findings(uow):
    finding = Finding("inspection_violation", date(2026, 11, 1), "x")
    with pytest.raises(PermissionDenied):
        await record_finding(
            uow, uow.agencies.principal("ent-341323-jiancai"), registry(), "lingbi-jiancai", finding, RULEBOOK
        )
    with pytest.raises(NotFound):
        await record_finding(
            uow, uow.agencies.principal("eeb-360800"), registry("360800"), "lingbi-jiancai", finding, RULEBOOK
        )
    assert uow.findings.rows == []


async def test_a_draw_is_recorded_audited_replayed_and_never_repeats_a_pair(uow):
    city = uow.agencies.principal("eeb-341300")
    request = RequestKey("eeb-341300", "draw-1", "RunInspectionDraw", "fingerprint")
    first = await run_draw(uow, city, RunDraw("341300", seed=SEED, request=request), registry(), RULEBOOK, DRAWS)
    assert first.draw.seed == SEED and len(first.draw.drawn) == 1  # ten green units at 10 %
    replay = await run_draw(uow, city, RunDraw("341300", seed=SEED, request=request), registry(), RULEBOOK, DRAWS)
    assert replay.stored.draw_id == first.stored.draw_id and len(uow.draws.stored) == 1
    second = await run_draw(uow, city, RunDraw("341300", seed=SEED), registry(), RULEBOOK, DRAWS)
    assert second.stored.previous_draw_id == first.stored.draw_id
    assert set(second.draw.pairs()).isdisjoint(first.draw.pairs())
    assert (await check_draw(uow, second.stored.draw_id)).mismatches == ()
    assert [o[1:3] for o in uow.audit.outcomes()] == [("RunInspectionDraw", "OK")] * 2


async def test_a_refused_draw_stores_nothing(uow):
    uow.cases.taken.append(decided_penalty("lingbi-jiancai", date(2026, 11, 10)))
    city = uow.agencies.principal("eeb-341300")
    with pytest.raises(FailedPrecondition) as refused:
        await run_draw(
            uow, city, RunDraw("341300", positive_list_unit_ids=("lingbi-jiancai",)), registry(), RULEBOOK, DRAWS
        )
    assert refused.value.reason == "DRAW_POSITIVE_LIST_NOT_GREEN"
    with pytest.raises(NotFound):
        await run_draw(
            uow, uow.agencies.principal("eeb-360800"), RunDraw("341300"), registry("360800"), RULEBOOK, DRAWS
        )
    assert uow.draws.stored == []
    assert uow.audit.outcomes() == [("eeb-360800", "RunInspectionDraw", "NOT_FOUND", "OUTSIDE_JURISDICTION")]
