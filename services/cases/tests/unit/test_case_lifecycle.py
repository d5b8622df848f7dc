"""DOMAIN §3.1: the case lifecycle allows only its own order of steps, and names the rule a refused step breaks."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecolink_cases.domain.lifecycle import (
    REASON_FINE_UNPAID,
    REASON_HEARING_PENDING,
    REASON_INVESTIGATION_RECORD_MISSING,
    REASON_TRANSITION_NOT_ALLOWED,
    STATE_KEEPING_STEPS,
    TRANSITIONS,
    CaseProgress,
    CaseState,
    Outcome,
    Step,
    StepRefused,
    next_state,
)

PENALTY_PATH = [
    (Step.REGISTER, CaseState.REGISTERED),
    (Step.START_INVESTIGATION, CaseState.INVESTIGATING),
    (Step.SUBMIT_FOR_LEGAL_REVIEW, CaseState.LEGAL_REVIEW),
    (Step.NOTIFY_INTENDED_PENALTY, CaseState.NOTIFIED),
    (Step.DECIDE, CaseState.DECIDED),
    (Step.RECORD_SERVICE, CaseState.SERVED),
    (Step.RECORD_PAYMENT, CaseState.EXECUTING),
    (Step.CLOSE, CaseState.CLOSED),
]


def test_a_penalty_case_runs_from_clue_to_closed():
    progress = CaseProgress(investigation_records=1, outcome=Outcome.PENALTY, fine_fen=100, paid_fen=100)
    for step, expected in PENALTY_PATH:
        state = next_state(progress, step, outcome=Outcome.PENALTY)
        assert state is expected
        progress = replace(progress, state=state)


def test_a_no_penalty_decision_may_follow_legal_review_and_a_penalty_may_not():
    review = CaseProgress(state=CaseState.LEGAL_REVIEW, investigation_records=1)
    assert next_state(review, Step.DECIDE, outcome=Outcome.NO_PENALTY) is CaseState.DECIDED
    with pytest.raises(StepRefused) as refused:
        next_state(review, Step.DECIDE, outcome=Outcome.PENALTY)
    assert refused.value.reason == REASON_TRANSITION_NOT_ALLOWED


def test_legal_review_needs_an_investigation_record():
    with pytest.raises(StepRefused) as refused:
        next_state(CaseProgress(state=CaseState.INVESTIGATING), Step.SUBMIT_FOR_LEGAL_REVIEW)
    assert refused.value.reason == REASON_INVESTIGATION_RECORD_MISSING


def test_a_requested_hearing_is_held_before_the_decision():
    notified = CaseProgress(state=CaseState.NOTIFIED, hearing_requested=True)
    with pytest.raises(StepRefused) as refused:
        next_state(notified, Step.DECIDE, outcome=Outcome.PENALTY)
    assert refused.value.reason == REASON_HEARING_PENDING
    held = replace(notified, hearing_held=True)
    assert next_state(held, Step.DECIDE, outcome=Outcome.PENALTY) is CaseState.DECIDED


def test_an_unpaid_fine_keeps_the_case_open():
    executing = CaseProgress(state=CaseState.EXECUTING, outcome=Outcome.PENALTY, fine_fen=220_000_00, paid_fen=1)
    with pytest.raises(StepRefused) as refused:
        next_state(executing, Step.CLOSE)
    assert refused.value.reason == REASON_FINE_UNPAID


def test_a_decided_case_cannot_be_withdrawn():
    with pytest.raises(StepRefused) as refused:
        next_state(CaseProgress(state=CaseState.DECIDED), Step.WITHDRAW)
    assert refused.value.facts == {"from_state": "decided", "to_state": "withdrawn"}


@given(st.sampled_from(list(CaseState)), st.sampled_from(list(Step)))
def test_a_step_is_allowed_only_from_the_states_its_row_lists(state, step):
    progress = CaseProgress(state=state, investigation_records=1, hearing_requested=True, hearing_held=True)
    allowed_from, target = TRANSITIONS[step]
    try:
        reached = next_state(progress, step, outcome=Outcome.NO_PENALTY)
    except StepRefused as refused:
        assert state not in allowed_from and refused.reason == REASON_TRANSITION_NOT_ALLOWED
    else:
        assert state in allowed_from and reached is (state if step in STATE_KEEPING_STEPS else target)


def test_closed_and_withdrawn_cases_take_no_further_step():
    for final in (CaseState.CLOSED, CaseState.WITHDRAWN):
        assert not any(final in allowed for allowed, _ in TRANSITIONS.values())
