"""Document numbers as printed (DOMAIN §3.2) and who approves a county's steps (DOMAIN §3.1)."""

from __future__ import annotations

import pytest

from ecolink_cases.domain.approvals import (
    REASON_APPROVER_IS_HANDLER,
    REASON_APPROVER_NOT_ABOVE,
    ApprovalPolicy,
    Approver,
    check_approver,
    parent_region,
    require_approval,
)
from ecolink_cases.domain.documents import DocumentKind, display_number, document_issued
from ecolink_cases.domain.lifecycle import Outcome, Step, StepRefused


def test_numbers_print_like_the_wengniute_documents():
    assert display_number("翁环", DocumentKind.PENALTY_DECISION, 2021, 3) == "翁环罚字[2021]3号"
    assert display_number("翁环", DocumentKind.PAYMENT_REMINDER, 2021, 20) == "翁环催告字[2021]20号"


def test_a_decision_issues_the_document_its_outcome_needs():
    assert document_issued(Step.DECIDE, Outcome.PENALTY) is DocumentKind.PENALTY_DECISION
    assert document_issued(Step.DECIDE, Outcome.NO_PENALTY) is DocumentKind.NO_PENALTY_DECISION
    assert document_issued(Step.START_INVESTIGATION) is None


@pytest.mark.parametrize(
    ("region", "parent"), [("341323", "341300"), ("341300", "340000"), ("340000", "340000"), ("360823", "360800")]
)
def test_the_region_one_level_up(region, parent):
    assert parent_region(region) == parent


def city(officer: str = "off-341300-01", region: str = "341300", kind: str = "eco-bureau") -> Approver:
    return Approver("eeb-341300", kind, region, officer)


def test_the_city_bureau_approves_a_county_registration():
    check_approver(
        city(), step=Step.REGISTER, policy=ApprovalPolicy(), handling_region="341323", handling_officers=frozenset()
    )


@pytest.mark.parametrize("approver", [city(region="340000"), city(kind="police"), city(region="360800")])
def test_nobody_but_the_eco_bureau_one_level_up_approves(approver):
    with pytest.raises(StepRefused) as refused:
        check_approver(
            approver, step=Step.DECIDE, policy=ApprovalPolicy(), handling_region="341323", handling_officers=frozenset()
        )
    assert refused.value.reason == REASON_APPROVER_NOT_ABOVE


def test_an_officer_handling_the_case_never_approves_it():
    with pytest.raises(StepRefused) as refused:
        check_approver(
            city(),
            step=Step.DECIDE,
            policy=ApprovalPolicy(),
            handling_region="341323",
            handling_officers=frozenset({"off-341300-01"}),
        )
    assert refused.value.reason == REASON_APPROVER_IS_HANDLER


def test_only_the_policys_steps_and_levels_need_an_approval():
    policy = ApprovalPolicy()
    require_approval(Step.REGISTER, policy=policy, handling_level="city", approved=False)
    require_approval(Step.START_INVESTIGATION, policy=policy, handling_level="county", approved=False)
    with pytest.raises(StepRefused):
        require_approval(Step.REGISTER, policy=policy, handling_level="county", approved=False)
