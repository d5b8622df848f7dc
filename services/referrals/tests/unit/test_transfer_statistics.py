"""Yearly transfer figures (issue 13 item 10) as the pure tally of the steps taken: the seeds' Yongkang 2021 [002]
and Hefei 2023 [001] figures come out of transfers built to match them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ecolink_referrals.domain.deadlines import Duty
from ecolink_referrals.domain.lifecycle import Step, TransferKind, TransferState
from ecolink_referrals.domain.transfer import DeadlineRecord, Person, TransferRecord, TransferStepRecord
from ecolink_referrals.domain.transfer_statistics import TransferHistory, TransferStatistics, tally

NOW = datetime(2024, 3, 1, tzinfo=UTC)


def history(
    agency: str,
    n: int,
    kind: TransferKind,
    *,
    persons: int,
    held: int,
    year: int,
    filed: bool = True,
    late: bool = False,
) -> TransferHistory:
    sent = datetime(year, 5, 1 + n % 20, 2, tzinfo=UTC)
    transfer = TransferRecord(
        transfer_id=n,
        number=f"永环移[{year}]{n}号",
        kind=kind,
        case=f"cases/{n}",
        bureau_agency_id=agency,
        police_agency_id="psb-330784",
        procuratorate_agency_id="proc-330784",
        region_code="330784",
        unit="units/u",
        unit_display_name="u",
        facts="f",
        suspected_offence="",
        persons=tuple(Person(f"p{i}", "") for i in range(persons)),
        officer_ids=("a", "b"),
        state=TransferState.FILED,
        create_time=sent,
        update_time=sent,
        persons_held=held,
    )

    def step(name: Step, at: datetime) -> TransferStepRecord:
        return TransferStepRecord(0, name.value, TransferState.SENT, TransferState.SENT, agency, ("a",), at)

    steps = [step(Step.REPORT, sent), step(Step.APPROVE, sent), step(Step.RECEIVE, sent + timedelta(hours=2))]
    steps.append(step(Step.FILE if filed else Step.DECLINE, sent + timedelta(days=2)))
    due = sent + timedelta(days=3)
    deadline = DeadlineRecord(
        n,
        Duty.FILING_DECISION,
        "psb-330784",
        "regulation art. 8",
        due,
        True,
        met_time=due + timedelta(days=1) if late else sent + timedelta(days=2),
    )
    return TransferHistory(transfer, steps, [deadline])


def test_the_yongkang_2021_figures():
    yongkang = "eeb-330784"
    # 11 criminal transfers, 18 persons under compulsory measures; 5 detention transfers, 4 persons detained.
    held = [2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1]
    criminal = [history(yongkang, i, TransferKind.CRIMINAL, persons=2, held=held[i], year=2021) for i in range(11)]
    detention = [
        history(yongkang, 20 + i, TransferKind.DETENTION, persons=1, held=1 if i < 4 else 0, year=2021, filed=i < 4)
        for i in range(5)
    ]
    other_year = [history(yongkang, 40, TransferKind.CRIMINAL, persons=3, held=3, year=2020, late=True)]
    figures = tally(yongkang, 2021, [*criminal, *detention, *other_year], now=NOW)
    assert figures == TransferStatistics(
        agency_id=yongkang,
        year=2021,
        criminal_transfers=11,
        detention_transfers=5,
        persons_transferred=27,
        filed_cases=11,
        persons_under_compulsory_measures=18,
        persons_detained=4,
        refusals=1,
        reverse_transfers=0,
        overdue_steps=0,
    )


def test_the_hefei_2023_figures():
    hefei = "eeb-340100"
    # 4 criminal cases and 1 administrative detention; 12 persons transferred to the police.
    transfers = [
        history(hefei, i, TransferKind.CRIMINAL, persons=p, held=p, year=2023) for i, p in enumerate((3, 3, 2, 2))
    ]
    transfers.append(history(hefei, 9, TransferKind.DETENTION, persons=2, held=1, year=2023, late=True))
    figures = tally(hefei, 2023, transfers, now=NOW)
    assert (figures.criminal_transfers, figures.detention_transfers, figures.persons_transferred) == (4, 1, 12)
    assert (figures.persons_detained, figures.overdue_steps) == (1, 1)
