"""A case's dossier (DOMAIN §4.2): the officers it names and the evidence its steps cite, each once in the order first
named or cited, and the use case against an in-memory unit of work (who reads it, what is audited, the clock)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from ecolink_cases.domain.case import CaseRecord, ClueSource
from ecolink_cases.domain.dossier import DossierItem, OfficerMention, cited_evidence, named_officers
from ecolink_cases.domain.lifecycle import CaseState, Step
from ecolink_cases.domain.records import ApprovalRecord, CitedEvidence, StepRecord
from ecolink_cases.service_layer.case_dossier import DossierOfficer, get_case_dossier
from ecolink_common.clock import FakeClock
from ecolink_common.errors import NotFound

from .fakes import FakeCasesUnitOfWork

NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)
COUNTY, CITY = "eeb-341323", "eeb-341300"
PHOTO = CitedEvidence("evidence/ev-photo", "a" * 64)
RECORD = CitedEvidence("evidence/ev-record", "b" * 64)


def lingbi_case(*handling: str) -> CaseRecord:
    return CaseRecord(
        case_id=1,
        handling_agency_id=COUNTY,
        handling_level="county",
        region_code="341323",
        unit_id="lingbi-jiancai",
        unit_display_name="灵璧县某新型建材有限公司",
        source=ClueSource.MANUAL,
        source_ref="",
        violation_type="篡改自动监控数据",
        legal_basis="《大气污染防治法》第九十九条",
        handling_officer_ids=handling or ("off-341323-01", "off-341323-02"),
        create_time=NOW,
        update_time=NOW,
        state=CaseState.INVESTIGATING,
    )


def step(
    seq: int,
    kind: Step,
    *officers: str,
    evidence: tuple[CitedEvidence, ...] = (),
    at: datetime = NOW,
    approval_seq: int | None = None,
) -> StepRecord:
    return StepRecord(
        1,
        seq,
        kind,
        CaseState.CLUE,
        CaseState.REGISTERED,
        COUNTY,
        officers,
        date(2026, 11, 19),
        at,
        "",
        evidence,
        approval_seq=approval_seq,
    )


def approval(seq: int, kind: Step, officer: str = "off-341300-01", at: datetime = NOW) -> ApprovalRecord:
    return ApprovalRecord(1, seq, kind, CITY, officer, "同意", at, used=True)


def test_an_item_cited_twice_is_listed_once_with_its_first_hash_and_both_steps():
    steps = [
        step(3, Step.RECORD_INVESTIGATION, evidence=(RECORD, CitedEvidence(PHOTO.name, "c" * 64))),
        step(2, Step.RECORD_INVESTIGATION, evidence=(PHOTO, PHOTO)),
        step(4, Step.SUBMIT_FOR_LEGAL_REVIEW),
    ]
    assert cited_evidence(steps) == (
        DossierItem(PHOTO.name, PHOTO.sha256, (2, 3)),
        DossierItem(RECORD.name, RECORD.sha256, (3,)),
    )
    assert cited_evidence([]) == ()


def test_officers_are_named_once_in_the_order_the_case_first_names_them():
    case = lingbi_case("off-341323-01", "off-341323-02")
    steps = [
        step(1, Step.REGISTER, "off-341323-01", approval_seq=1),
        step(2, Step.START_INVESTIGATION, "off-341323-03", "off-341323-01"),
        step(3, Step.DECIDE, "off-341323-02", approval_seq=2),
    ]
    # Under one clock reading the approver comes just before the step taken under his approval; a pending approval
    # (not yet used) after every step.
    approvals = [approval(1, Step.REGISTER), approval(2, Step.DECIDE, "off-341300-02"), approval(3, Step.CLOSE, "o-3")]
    assert named_officers(case, steps, approvals) == (
        OfficerMention("off-341323-01", COUNTY),
        OfficerMention("off-341323-02", COUNTY),
        OfficerMention("off-341300-01", CITY),
        OfficerMention("off-341323-03", COUNTY),
        OfficerMention("off-341300-02", CITY),
        OfficerMention("o-3", CITY),
    )


def test_an_approval_recorded_before_a_step_is_named_before_it_even_when_a_later_step_uses_it():
    case = lingbi_case("off-341323-01")
    hour = timedelta(hours=1)
    steps = [
        step(1, Step.START_INVESTIGATION, "off-341323-02", at=NOW),
        step(2, Step.RECORD_HEARING, "off-341323-03", at=NOW + 2 * hour),
        step(3, Step.DECIDE, "off-341323-01", at=NOW + 3 * hour, approval_seq=1),
    ]
    named = named_officers(case, steps, [approval(1, Step.DECIDE, at=NOW + hour)])
    assert [m.officer_id for m in named] == ["off-341323-01", "off-341323-02", "off-341300-01", "off-341323-03"]


@pytest.fixture
def uow() -> FakeCasesUnitOfWork:
    uow = FakeCasesUnitOfWork(FakeClock(NOW))
    steps = [
        step(1, Step.REGISTER, "off-341323-01", approval_seq=1),
        step(2, Step.RECORD_INVESTIGATION, "off-341323-01", "off-341323-02", evidence=(PHOTO,)),
        step(3, Step.RECORD_INVESTIGATION, "off-341323-02", "off-unlisted", evidence=(PHOTO, RECORD)),
    ]
    uow.cases.put(lingbi_case(), steps, [approval(1, Step.REGISTER)])
    return uow


async def test_the_dossier_names_officers_as_the_directory_lists_them_and_reads_the_clock(uow):
    uow.clock.advance(timedelta(minutes=5))
    dossier = await get_case_dossier(uow, uow.agencies.principal(COUNTY), 1)
    assert dossier.officers == [
        DossierOfficer("off-341323-01", COUNTY, "赵磊", "343413230001"),
        DossierOfficer("off-341323-02", COUNTY, "钱芳", "343413230002"),
        DossierOfficer("off-341300-01", CITY, "张伟", "343413000001"),
        DossierOfficer("off-unlisted", COUNTY),  # no longer in the directory: his id and the agency he acted for
    ]
    assert [(item.name, item.cited_at) for item in dossier.evidence] == [(PHOTO.name, (2, 3)), (RECORD.name, (3,))]
    assert [s.seq for s in dossier.view.steps] == [1, 2, 3] and dossier.view.case.name == "cases/1"
    assert dossier.read_time == NOW + timedelta(minutes=5)
    assert uow.audit.outcomes() == []  # the handling bureau reads its own case


async def test_the_city_above_reads_it_audited_and_another_province_gets_not_found_audited(uow):
    await get_case_dossier(uow, uow.agencies.principal(CITY), 1)
    with pytest.raises(NotFound):
        await get_case_dossier(uow, uow.agencies.principal("eeb-360800"), 1)
    with pytest.raises(NotFound):
        await get_case_dossier(uow, uow.agencies.principal(COUNTY), 2)
    assert uow.audit.outcomes() == [
        (CITY, "GetCaseDossier", "ALLOWED", ""),
        ("eeb-360800", "GetCaseDossier", "NOT_FOUND", "OUTSIDE_JURISDICTION"),
    ]
