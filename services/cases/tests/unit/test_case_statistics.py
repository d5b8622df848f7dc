"""Yearly statistics (issue 12 item 10) as the pure tally of the steps taken: the seed's Yongkang 2021 figures [002]
(165 registered, 131 penalty decisions for ¥12.33 million, 14 no-penalty decisions, 27 sealings, 2 production
restrictions, 5 hand-offs for detention) come out of a year of steps that produce them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from ecolink_cases.domain.case import CaseRecord, ClueSource
from ecolink_cases.domain.case_statistics import CaseStatistics, tally
from ecolink_cases.domain.lifecycle import CaseState, Outcome, Step
from ecolink_cases.domain.records import StepRecord

YONGKANG = "eeb-330784"
AT = datetime(2021, 12, 31, tzinfo=UTC)
PENALTY_FEN = 1233_0000_00  # 1233万元
BASE = CaseRecord(
    case_id=0,
    handling_agency_id=YONGKANG,
    handling_level="county",
    region_code="330784",
    unit_id="unit",
    unit_display_name="unit",
    source=ClueSource.INSPECTION,
    source_ref="",
    violation_type="",
    legal_basis="",
    handling_officer_ids=(),
    create_time=AT,
    update_time=AT,
)


def step(case: CaseRecord, kind: Step, on: date, seq: int = 1) -> tuple[StepRecord, CaseRecord]:
    record = StepRecord(
        case_id=case.case_id,
        seq=seq,
        step=kind,
        from_state=case.state,
        to_state=case.state,
        agency_id=case.handling_agency_id,
        officer_ids=(),
        occurred_on=on,
        record_time=AT,
        note="",
        evidence=(),
        approval_seq=None,
        document_id=None,
    )
    return record, case


def yongkang_2021() -> list[tuple[StepRecord, CaseRecord]]:
    taken = []
    fines = [PENALTY_FEN // 131] * 130 + [PENALTY_FEN - PENALTY_FEN // 131 * 130]
    for number in range(1, 166):
        outcome = Outcome.PENALTY if number <= 131 else Outcome.NO_PENALTY if number <= 145 else None
        fine = fines[number - 1] if outcome is Outcome.PENALTY else 0
        case = replace(BASE, case_id=number, state=CaseState.DECIDED, outcome=outcome, fine_fen=fine)
        taken.append(step(case, Step.REGISTER, date(2021, 1 + number % 12, 1)))
        if outcome is not None:
            taken.append(step(case, Step.DECIDE, date(2021, 1 + number % 12, 20), seq=5))
        if number <= 27:
            taken.append(step(case, Step.ORDER_SEALING, date(2021, 1 + number % 12, 2), seq=2))
        if number in (30, 31):
            taken.append(step(case, Step.RESTRICT_PRODUCTION, date(2021, 3, 3), seq=2))
        if number in range(40, 45):
            taken.append(step(case, Step.HAND_OFF_FOR_DETENTION, date(2021, 4, 4), seq=3))
    # A case registered late in 2020 and decided in 2021 counts its decision only; another agency's steps none.
    late = replace(BASE, case_id=900, state=CaseState.DECIDED, outcome=Outcome.NO_PENALTY)
    taken += [step(late, Step.REGISTER, date(2020, 12, 30))]
    other = replace(BASE, case_id=901, handling_agency_id="eeb-330700")
    taken += [step(other, Step.REGISTER, date(2021, 5, 5))]
    return taken


def test_the_yongkang_2021_figures():
    assert tally(YONGKANG, 2021, yongkang_2021()) == CaseStatistics(
        agency_id=YONGKANG,
        year=2021,
        registered=165,
        decided=145,
        penalties=131,
        penalty_fen=PENALTY_FEN,
        no_penalty_decisions=14,
        sealings=27,
        production_restrictions=2,
        detention_hand_offs=5,
    )


def test_a_daily_penalty_counts_once_per_case_in_the_year_of_its_reinspections():
    case = replace(
        BASE, case_id=7, outcome=Outcome.PENALTY, fine_fen=100, daily_penalty_days=13, daily_penalty_fen=1300
    )
    met = replace(BASE, case_id=8, outcome=Outcome.PENALTY, fine_fen=100)
    taken = [
        step(case, Step.RECORD_REINSPECTION, date(2021, 3, 1), seq=7),
        step(case, Step.RECORD_REINSPECTION, date(2021, 4, 1), seq=9),
        step(met, Step.RECORD_REINSPECTION, date(2021, 4, 1), seq=7),
    ]
    figures = tally(YONGKANG, 2021, taken)
    assert (figures.daily_penalties, figures.daily_penalty_fen) == (1, 1300)
