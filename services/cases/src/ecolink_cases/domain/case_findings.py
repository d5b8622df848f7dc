"""The findings a unit's enforcement cases make against its credit (DOMAIN §3.4): decided penalties and detention
hand-offs count by the day they were taken, without being recorded twice."""

from __future__ import annotations

from collections.abc import Iterable

from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.domain.credit import Finding
from ecolink_cases.domain.lifecycle import Outcome, Step
from ecolink_cases.domain.records import StepRecord

# Keys of the credit rules file (data/credit_rules_v1.toml) that the cases service itself supplies.
PENALTY_FINDING = "administrative_penalty"
POLICE_HAND_OFF_FINDING = "transferred_to_police"
# The steps whose records make a finding; the repository reads only these.
FINDING_STEPS = (Step.DECIDE, Step.HAND_OFF_FOR_DETENTION)


def case_findings(steps: Iterable[tuple[StepRecord, CaseRecord]]) -> list[Finding]:
    """DOMAIN §3.1, §3.4: a penalty decision (a no-penalty decision deducts nothing) and a hand-off to the police for
    detention (EPL art. 63; DOMAIN §4.2) each count against the case's unit on the day of the step."""
    findings: list[Finding] = []
    for step, case in steps:
        if step.step is Step.DECIDE and case.outcome is Outcome.PENALTY:
            findings.append(Finding(PENALTY_FINDING, step.occurred_on, case.name))
        elif step.step is Step.HAND_OFF_FOR_DETENTION:
            findings.append(Finding(POLICE_HAND_OFF_FINDING, step.occurred_on, case.name))
    return findings
