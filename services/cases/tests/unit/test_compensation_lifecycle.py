"""DOMAIN §3.5: a compensation case runs clue screening → investigation → appraisal → consultation → agreement →
restoration or payment → closed, and names the rule a refused step breaks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecolink_cases.domain.compensation import (
    REASON_PAYMENT_EXCEEDS_OWED,
    REASON_PENALTY_CASE_NOT_OPEN,
    REASON_REMEDY_MISMATCH,
    REASON_TRANSITION_NOT_ALLOWED,
    TRANSITIONS,
    CompensationFacts,
    CompensationRecord,
    CompensationState,
    CompensationStep,
    Remedy,
    advance_compensation,
    check_penalty_case_opens,
    consultation_of,
)
from ecolink_cases.domain.lifecycle import CaseState, StepRefused

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
DAY = date(2026, 11, 20)
S = CompensationState


def opened() -> CompensationRecord:
    return CompensationRecord(
        compensation_id=1,
        penalty_case_id=7,
        handling_agency_id="eeb-341323",
        region_code="341323",
        unit_id="lingbi-jiancai",
        create_time=AT,
        update_time=AT,
    )


def walk(case: CompensationRecord, *steps: tuple[CompensationStep, CompensationFacts]) -> CompensationRecord:
    for step, facts in steps:
        case = advance_compensation(case, step, facts, at=AT)
    return case


def agreed(remedy: Remedy, amount_fen: int = 500_000_00) -> CompensationRecord:
    return walk(
        opened(),
        (CompensationStep.START_INVESTIGATION, CompensationFacts(occurred_on=DAY)),
        (CompensationStep.RECORD_APPRAISAL, CompensationFacts(occurred_on=DAY, amount_fen=600_000_00)),
        (CompensationStep.RECORD_CONSULTATION, CompensationFacts(occurred_on=DAY, parties=("灵璧建材",))),
        (CompensationStep.RECORD_CONSULTATION, CompensationFacts(occurred_on=DAY, parties=("灵璧建材",))),
        (
            CompensationStep.CONCLUDE_AGREEMENT,
            CompensationFacts(occurred_on=DAY, amount_fen=amount_fen, remedy=remedy, restoration_plan="补植复绿"),
        ),
    )


def test_a_compensation_case_runs_from_clue_screening_to_closed_by_restoration():
    case = agreed(Remedy.RESTORATION)
    assert (case.state, case.consultation_rounds, case.appraised_damage_fen) == (S.AGREED, 2, 600_000_00)
    assert (case.remedy, case.restoration_plan) == (Remedy.RESTORATION, "补植复绿")
    case = walk(
        case,
        (CompensationStep.RECORD_RESTORATION, CompensationFacts(occurred_on=DAY)),
        (CompensationStep.CLOSE, CompensationFacts(occurred_on=DAY)),
    )
    assert (case.state, case.restored_on, case.version) == (S.CLOSED, DAY, 8)


def test_a_payment_performs_the_agreement_only_once_paid_in_full():
    case = agreed(Remedy.PAYMENT, amount_fen=1000)
    assert case.restoration_plan == ""
    case = advance_compensation(case, CompensationStep.RECORD_PAYMENT, CompensationFacts(amount_fen=600), at=AT)
    assert (case.state, case.paid_fen) == (S.AGREED, 600)
    with pytest.raises(StepRefused) as refused:
        advance_compensation(case, CompensationStep.RECORD_PAYMENT, CompensationFacts(amount_fen=600), at=AT)
    assert (refused.value.reason, refused.value.facts["owed_fen"]) == (REASON_PAYMENT_EXCEEDS_OWED, "400")
    case = advance_compensation(case, CompensationStep.RECORD_PAYMENT, CompensationFacts(amount_fen=400), at=AT)
    assert (case.state, case.paid_fen) == (S.PERFORMED, 1000)


def test_the_performing_step_must_match_the_agreed_remedy():
    with pytest.raises(StepRefused) as refused:
        advance_compensation(
            agreed(Remedy.PAYMENT), CompensationStep.RECORD_RESTORATION, CompensationFacts(occurred_on=DAY), at=AT
        )
    assert (refused.value.reason, refused.value.facts["remedy"]) == (REASON_REMEDY_MISMATCH, "payment")


def test_an_agreement_before_any_consultation_is_refused_naming_both_states():
    case = walk(
        opened(),
        (CompensationStep.START_INVESTIGATION, CompensationFacts()),
        (CompensationStep.RECORD_APPRAISAL, CompensationFacts(amount_fen=100)),
    )
    with pytest.raises(StepRefused) as refused:
        advance_compensation(case, CompensationStep.CONCLUDE_AGREEMENT, CompensationFacts(amount_fen=100), at=AT)
    assert refused.value.reason == REASON_TRANSITION_NOT_ALLOWED
    assert refused.value.facts == {
        "from_state": "appraised",
        "to_state": "agreed",
        "compensation_case": "compensationCases/1",
    }


@given(st.sampled_from(list(CompensationState)), st.sampled_from(list(CompensationStep)))
def test_every_step_is_taken_only_from_its_states(state, step):
    case = replace(
        opened(),
        state=state,
        remedy=Remedy.RESTORATION if step is CompensationStep.RECORD_RESTORATION else Remedy.PAYMENT,
        agreed_amount_fen=100,
    )
    allowed_from, _ = TRANSITIONS[step]
    if state in allowed_from:
        assert advance_compensation(case, step, CompensationFacts(amount_fen=100), at=AT).version == 2
    else:
        with pytest.raises(StepRefused) as refused:
            advance_compensation(case, step, CompensationFacts(amount_fen=100), at=AT)
        assert refused.value.reason == REASON_TRANSITION_NOT_ALLOWED


def test_a_consultation_round_is_numbered_per_case_and_names_the_cases_joined():
    case = agreed(Remedy.PAYMENT)
    round_ = consultation_of(case, CompensationFacts(parties=("甲",)), ("compensationCases/2",))
    assert (round_.round, round_.parties, round_.joined_cases) == (3, ("甲",), ("compensationCases/2",))


@pytest.mark.parametrize("state", [CaseState.CLUE, CaseState.WITHDRAWN])
def test_only_a_registered_penalty_case_not_withdrawn_opens_a_compensation_case(state):
    with pytest.raises(StepRefused) as refused:
        check_penalty_case_opens("cases/7", state)
    assert (refused.value.reason, refused.value.facts) == (REASON_PENALTY_CASE_NOT_OPEN, {"penalty_case_state": state})
    check_penalty_case_opens("cases/7", CaseState.DECIDED)
