"""The escalation ladder of a basin agreement (DOMAIN §4.5; issue 14 items 1, 2 and 4): an obligation unmet past its
deadline climbs rung k at the deadline plus (k-1) intervals, each rung once, whatever number of sweeps see it; the
same ladder serves an incident's acknowledgements and measures and a joint task's completion."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from ecolink_referrals.domain.basin_agreements import BasinAgreement, EscalationTarget


class Duty(StrEnum):
    """What an agency owes (issue 14 items 2 and 4)."""

    ACKNOWLEDGE = "acknowledge"  # 签收
    REPORT_MEASURES = "report_measures"  # 报告处置措施
    COMPLETE_TASK = "complete_task"  # 完成联合任务


@dataclass(frozen=True)
class Obligation:
    """One duty of one agency, its deadline, and when it was met (None: not yet)."""

    agency_id: str
    duty: Duty
    due: datetime
    met: datetime | None


@dataclass(frozen=True)
class Escalation:
    """One rung climbed about one silent agency and duty: to whom, when."""

    seq: int
    silent_agency_id: str
    duty: Duty
    level: int
    to_agency_ids: tuple[str, ...]
    escalate_time: datetime


@dataclass(frozen=True)
class DueRung:
    """A rung whose time came: the silent agency, the duty, the level (from 1), who it reaches."""

    silent_agency_id: str
    duty: Duty
    level: int
    targets: tuple[EscalationTarget, ...]


def rungs_due(
    obligations: Iterable[Obligation], climbed: Iterable[Escalation], agreement: BasinAgreement, now: datetime
) -> list[DueRung]:
    """Every rung of every unmet obligation whose time came and that was not climbed yet; a rung missed while
    nothing ran is climbed when the sweep runs again."""
    done = {(e.silent_agency_id, e.duty, e.level) for e in climbed}
    rungs = []
    for obligation in obligations:
        if obligation.met is not None:
            continue
        for level, targets in enumerate(agreement.escalation, start=1):
            if now < obligation.due + agreement.escalate_every * (level - 1):
                break
            if (obligation.agency_id, obligation.duty, level) not in done:
                rungs.append(DueRung(obligation.agency_id, obligation.duty, level, targets))
    return rungs
