"""A bureau's transfer figures for a year (issue 13 item 10, DOMAIN §4.2), tallied from the steps taken, each counted
in the year of its day in China: transfers and persons sent, filings and persons held, refusals, reverse transfers
and deadlines missed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from ecolink_common.civil_days import china_day
from ecolink_referrals.domain.lifecycle import Step, TransferKind
from ecolink_referrals.domain.transfer import DeadlineRecord, TransferRecord, TransferStepRecord


@dataclass(frozen=True)
class TransferStatistics:
    agency_id: str
    year: int
    criminal_transfers: int = 0
    detention_transfers: int = 0
    persons_transferred: int = 0
    filed_cases: int = 0
    persons_under_compulsory_measures: int = 0
    persons_detained: int = 0
    refusals: int = 0
    reverse_transfers: int = 0
    overdue_steps: int = 0


@dataclass(frozen=True)
class TransferHistory:
    """A transfer with its steps and deadlines."""

    transfer: TransferRecord
    steps: Sequence[TransferStepRecord]
    deadlines: Sequence[DeadlineRecord]


FILINGS = frozenset({Step.FILE.value, Step.RECONSIDER_AND_FILE.value})


def _missed(deadline: DeadlineRecord, now: datetime) -> bool:
    if not deadline.escalates:
        return False
    return deadline.met_time > deadline.due_time if deadline.met_time else now >= deadline.due_time


def tally(agency_id: str, year: int, histories: Iterable[TransferHistory], *, now: datetime) -> TransferStatistics:
    """The figures of `agency_id`'s transfers whose steps fall in `year`; a transfer sent again after a return is
    counted once, when first sent."""
    counts: dict[str, int] = dict.fromkeys(
        (
            "criminal_transfers",
            "detention_transfers",
            "persons_transferred",
            "filed_cases",
            "persons_under_compulsory_measures",
            "persons_detained",
            "refusals",
            "reverse_transfers",
            "overdue_steps",
        ),
        0,
    )
    for history in histories:
        transfer = history.transfer
        if transfer.bureau_agency_id != agency_id:
            continue
        criminal = transfer.kind is TransferKind.CRIMINAL
        for step in history.steps:
            if china_day(step.record_time).year != year:
                continue
            if step.step == Step.APPROVE.value:
                counts["criminal_transfers" if criminal else "detention_transfers"] += 1
                counts["persons_transferred"] += len(transfer.persons)
            elif step.step in FILINGS and criminal:
                counts["filed_cases"] += 1
                counts["persons_under_compulsory_measures"] += transfer.persons_held
            elif step.step in FILINGS:
                counts["persons_detained"] += transfer.persons_held
            elif step.step == Step.DECLINE.value:
                counts["refusals"] += 1
            elif step.step == Step.REVERSE.value:
                counts["reverse_transfers"] += 1
        counts["overdue_steps"] += sum(
            1 for d in history.deadlines if china_day(d.due_time).year == year and _missed(d, now)
        )
    return TransferStatistics(agency_id, year, **counts)
