"""An agency's enforcement statistics for a year (issue 12 item 10; the figures a bureau reports, as the seed's
Yongkang 2021 account gives them [002]): counted from the steps taken that year, by the day each took place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.domain.lifecycle import Outcome, Step
from ecolink_cases.domain.records import StepRecord


@dataclass(frozen=True)
class CaseStatistics:
    """立案, 处罚决定 (count and amount), 不予处罚, 按日连续处罚, 查封扣押, 限制生产, 移送行政拘留."""

    agency_id: str
    year: int
    registered: int = 0
    decided: int = 0
    penalties: int = 0
    penalty_fen: int = 0
    no_penalty_decisions: int = 0
    daily_penalties: int = 0
    daily_penalty_fen: int = 0
    sealings: int = 0
    production_restrictions: int = 0
    detention_hand_offs: int = 0


_COUNTED_STEPS = {
    Step.REGISTER: "registered",
    Step.ORDER_SEALING: "sealings",
    Step.RESTRICT_PRODUCTION: "production_restrictions",
    Step.HAND_OFF_FOR_DETENTION: "detention_hand_offs",
}


def tally(agency_id: str, year: int, taken: Iterable[tuple[StepRecord, CaseRecord]]) -> CaseStatistics:
    """The year's figures from each step the agency took in it with the case it was taken on. A decision counts
    its outcome and fine; a case counts one daily penalty (with its amount so far) in the year of its last
    re-inspection that found the violation going on."""
    counts: dict[str, int] = {}
    daily_penalty_cases: dict[int, CaseRecord] = {}
    for step, case in taken:
        if step.agency_id != agency_id or step.occurred_on.year != year:
            continue
        field = _COUNTED_STEPS.get(step.step)
        if field is not None:
            counts[field] = counts.get(field, 0) + 1
        elif step.step is Step.DECIDE:
            counts["decided"] = counts.get("decided", 0) + 1
            if case.outcome is Outcome.PENALTY:
                counts["penalties"] = counts.get("penalties", 0) + 1
                counts["penalty_fen"] = counts.get("penalty_fen", 0) + case.fine_fen
            else:
                counts["no_penalty_decisions"] = counts.get("no_penalty_decisions", 0) + 1
        elif step.step is Step.RECORD_REINSPECTION and case.daily_penalty_days:
            daily_penalty_cases[case.case_id] = case
    counts["daily_penalties"] = len(daily_penalty_cases)
    counts["daily_penalty_fen"] = sum(case.daily_penalty_fen for case in daily_penalty_cases.values())
    return CaseStatistics(agency_id, year, **counts)
