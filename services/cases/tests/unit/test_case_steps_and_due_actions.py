"""What a step records on a case, and the dated actions of a served decision (DOMAIN §3.1, §3.3)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from ecolink_cases.domain.case import REASON_PAYMENT_EXCEEDS_OWED, CaseRecord, ClueSource, StepFacts, advance
from ecolink_cases.domain.due_actions import DueStatus, due_actions
from ecolink_cases.domain.execution import ServiceMethod
from ecolink_cases.domain.legal_periods import DEFAULT_PERIODS
from ecolink_cases.domain.lifecycle import CaseState, Outcome, Step, StepRefused
from ecolink_common.civil_days import china_day

AT = datetime(2026, 11, 20, 10, tzinfo=UTC)
CASE = CaseRecord(
    case_id=1,
    handling_agency_id="eeb-341323",
    handling_level="county",
    region_code="341323",
    unit_id="lingbi-jiancai",
    unit_display_name="灵璧县某新型建材有限公司",
    source=ClueSource.MANUAL,
    source_ref="",
    violation_type="篡改数据",
    legal_basis="大气法第九十九条",
    handling_officer_ids=("off-341323-01",),
    create_time=AT,
    update_time=AT,
)


def test_each_step_moves_the_version_on():
    registered = advance(CASE, Step.REGISTER, StepFacts(date(2026, 11, 20)), at=AT)
    assert (registered.state, registered.version) == (CaseState.REGISTERED, 2)


def test_a_penalty_decision_keeps_its_fine_and_payments_add_up_to_it_at_most():
    decided = CaseRecord(**{**CASE.__dict__, "state": CaseState.NOTIFIED})
    decided = advance(decided, Step.DECIDE, StepFacts(date(2026, 11, 20), Outcome.PENALTY, fine_fen=1000), at=AT)
    served = advance(
        decided, Step.RECORD_SERVICE, StepFacts(date(2026, 11, 20), service_method=ServiceMethod.POST), at=AT
    )
    assert (served.service_method, served.service_on) == (ServiceMethod.POST, date(2026, 11, 20))
    paid = advance(served, Step.RECORD_PAYMENT, StepFacts(date(2026, 11, 21), amount_fen=400), at=AT)
    assert (paid.state, paid.paid_fen) == (CaseState.EXECUTING, 400)
    with pytest.raises(StepRefused) as refused:
        advance(paid, Step.RECORD_PAYMENT, StepFacts(date(2026, 11, 21), amount_fen=601), at=AT)
    assert refused.value.reason == REASON_PAYMENT_EXCEEDS_OWED


def test_the_day_in_china_is_eight_hours_ahead_of_utc():
    assert china_day(datetime(2026, 11, 20, 16, 30, tzinfo=UTC)) == date(2026, 11, 21)


def served(method: ServiceMethod, on: date, *, paid: int = 0, **facts: object) -> CaseRecord:
    return replace(
        CASE,
        state=CaseState.SERVED,
        outcome=Outcome.PENALTY,
        fine_fen=220_000_00,
        paid_fen=paid,
        service_method=method,
        service_on=on,
        **facts,
    )


def test_the_wengniute_decision_by_newspaper_notice_counts_as_served_60_days_after_publication():
    actions = due_actions(served(ServiceMethod.PUBLIC_NOTICE, date(2021, 2, 9)), date(2021, 3, 1), DEFAULT_PERIODS)
    assert [(a.action, a.from_date, a.status) for a in actions] == [
        ("deemed_served", date(2021, 4, 10), DueStatus.UPCOMING)
    ]


def test_a_year_ahead_a_notice_served_today_shows_its_service_payment_and_reminder_days():
    case = served(ServiceMethod.PUBLIC_NOTICE, date(2026, 11, 20))
    actions = due_actions(case, date(2026, 11, 20), DEFAULT_PERIODS, horizon=timedelta(days=365))
    assert [(a.action, a.from_date, a.until_date) for a in actions] == [
        ("deemed_served", date(2026, 12, 20), None),
        ("payment_due", date(2026, 12, 20), date(2027, 1, 4)),
        ("reminder_may_issue", date(2027, 6, 21), None),
    ]
    assert [a.action for a in due_actions(case, date(2026, 11, 20), DEFAULT_PERIODS)] == [
        "deemed_served",
        "payment_due",
    ]


def test_after_the_windows_close_unpaid_a_reminder_may_issue():
    actions = due_actions(served(ServiceMethod.DIRECT, date(2023, 3, 1)), date(2023, 9, 5), DEFAULT_PERIODS)
    assert [(a.action, a.status) for a in actions] == [
        ("payment_due", DueStatus.OVERDUE),
        ("reminder_may_issue", DueStatus.DUE),
    ]
    assert actions[1].from_date == date(2023, 9, 2)


def test_a_paid_fine_leaves_nothing_due():
    assert (
        due_actions(served(ServiceMethod.DIRECT, date(2023, 3, 1), paid=220_000_00), date(2023, 9, 5), DEFAULT_PERIODS)
        == []
    )


def test_the_wengniute_reminder_published_2021_10_27_opens_the_court_from_2022_01_06():
    case = served(
        ServiceMethod.PUBLIC_NOTICE,
        date(2021, 2, 9),
        reminder_issued_on=date(2021, 10, 22),
        reminder_service_method=ServiceMethod.PUBLIC_NOTICE,
        reminder_service_on=date(2021, 10, 27),
    )
    on_notice = due_actions(case, date(2021, 12, 1), DEFAULT_PERIODS)
    assert ("reminder_deemed_served", date(2021, 12, 26)) in [(a.action, a.from_date) for a in on_notice]
    [court] = [a for a in due_actions(case, date(2022, 1, 6), DEFAULT_PERIODS) if a.action == "court_application"]
    assert (court.from_date, court.status) == (date(2022, 1, 6), DueStatus.DUE)
