"""Which evidence a step may cite (DOMAIN §3.1, §5): items filed under the case itself or under the record the case
came from (its alert); an item of another record is refused, so one case never borrows another's evidence."""

from __future__ import annotations

from ecolink_cases.domain.lifecycle import StepRefused

REASON_EVIDENCE_OF_ANOTHER_RECORD = "CASE_EVIDENCE_OF_ANOTHER_RECORD"


def check_citation(*, case_name: str, source_ref: str, evidence: str, subject: str) -> None:
    if subject == case_name or (source_ref and subject == source_ref):
        return
    raise StepRefused(
        REASON_EVIDENCE_OF_ANOTHER_RECORD,
        f"{evidence} is filed under {subject}, not under {case_name} or the record it came from",
        evidence=evidence,
        subject=subject,
    )
