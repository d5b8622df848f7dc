"""A case as the service keeps it, and what one step does to it (DOMAIN §3.1): the state it leads to and the facts
it records (investigation records, hearing, decision, service, payments)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from ecolink_cases.domain.execution import ServiceMethod
from ecolink_cases.domain.lifecycle import CaseProgress, CaseState, Outcome, Step, StepRefused, next_state

REASON_PAYMENT_EXCEEDS_OWED = "CASE_PAYMENT_EXCEEDS_OWED"


class ClueSource(StrEnum):
    """Where a case came from (线索来源)."""

    MONITORING_ALERT = "monitoring_alert"  # 自动监控预警
    PETITION = "petition"  # 信访举报
    INSPECTION = "inspection"  # 现场检查
    POLICE_HAND_BACK = "police_hand_back"  # 公安移交
    MANUAL = "manual"


@dataclass(frozen=True)
class CaseRecord:
    """One case with the facts its steps recorded; `version` is its etag."""

    case_id: int
    handling_agency_id: str
    handling_level: str
    region_code: str
    unit_id: str
    unit_display_name: str
    source: ClueSource
    source_ref: str
    violation_type: str
    legal_basis: str
    handling_officer_ids: tuple[str, ...]
    create_time: datetime
    update_time: datetime
    state: CaseState = CaseState.CLUE
    outcome: Outcome | None = None
    intended_fine_fen: int = 0
    fine_fen: int = 0
    paid_fen: int = 0
    no_penalty_ground: str = ""
    investigation_records: int = 0
    hearing_requested: bool = False
    hearing_held: bool = False
    service_method: ServiceMethod | None = None
    service_on: date | None = None
    reminder_issued_on: date | None = None
    reminder_service_method: ServiceMethod | None = None
    reminder_service_on: date | None = None
    court_applied_on: date | None = None
    version: int = 1
    # Alert → case (DOMAIN §3.1): the rule and evidence-window hash of the alert (`source_ref`) as read when opened.
    alert_rule: str = ""
    alert_evidence_sha256: str = ""
    # Supporting measures (DOMAIN §3.1): the latest sealing, restriction and correction order, the daily penalty so
    # far, the detention hand-off.
    sealing_on: date | None = None
    sealing_days: int = 0
    sealing_extension_days: int = 0
    sealing_lifted_on: date | None = None
    restriction_on: date | None = None
    restriction_days: int = 0
    correction_served_on: date | None = None
    reinspected_on: date | None = None
    daily_penalty_days: int = 0
    daily_penalty_fen: int = 0
    detention_handed_off_on: date | None = None
    detention_police_agency_id: str = ""
    enterprise_agency_id: str = ""  # the unit's enterprise as the registry named it when the case was opened
    # DOMAIN §4.6: the criterion of the criminal thresholds table the bureau found met, the day, the amount measured.
    suspected_crime_criterion: str = ""
    suspected_crime_on: date | None = None
    suspected_crime_measured: float | None = None

    @property
    def name(self) -> str:
        return f"cases/{self.case_id}"

    @property
    def source_alert(self) -> str | None:
        """The alert the case was opened from, if it was: one case per alert."""
        return self.source_ref if self.source is ClueSource.MONITORING_ALERT else None

    @property
    def progress(self) -> CaseProgress:
        return CaseProgress(
            state=self.state,
            investigation_records=self.investigation_records,
            hearing_requested=self.hearing_requested,
            hearing_held=self.hearing_held,
            outcome=self.outcome,
            fine_fen=self.fine_fen,
            paid_fen=self.paid_fen,
            court_applied=self.court_applied_on is not None,
        )


@dataclass(frozen=True)
class StepFacts:
    """What a step brings beyond who and when: the figures and choices of the steps that have them."""

    occurred_on: date
    outcome: Outcome | None = None
    fine_fen: int = 0
    no_penalty_ground: str = ""
    intended_fine_fen: int = 0
    service_method: ServiceMethod | None = None
    amount_fen: int = 0
    measure_days: int = 0
    still_unmet: bool = False
    police_agency_id: str = ""


def advance(case: CaseRecord, step: Step, facts: StepFacts, *, at: datetime) -> CaseRecord:
    """The case after `step`, or StepRefused naming the rule the step breaks."""
    target = next_state(case.progress, step, outcome=facts.outcome)
    changed = replace(case, state=target, update_time=at, version=case.version + 1)
    if step is Step.RECORD_INVESTIGATION:
        return replace(changed, investigation_records=case.investigation_records + 1)
    if step is Step.NOTIFY_INTENDED_PENALTY:
        return replace(changed, intended_fine_fen=facts.intended_fine_fen)
    if step is Step.RECORD_HEARING_REQUEST:
        return replace(changed, hearing_requested=True)
    if step is Step.RECORD_HEARING:
        return replace(changed, hearing_held=True)
    if step is Step.DECIDE:
        penalty = facts.outcome is Outcome.PENALTY
        return replace(
            changed,
            outcome=facts.outcome,
            fine_fen=facts.fine_fen if penalty else 0,
            no_penalty_ground="" if penalty else facts.no_penalty_ground,
        )
    if step is Step.RECORD_SERVICE:
        return replace(changed, service_method=facts.service_method, service_on=facts.occurred_on)
    if step is Step.ISSUE_PAYMENT_REMINDER:
        return replace(changed, reminder_issued_on=facts.occurred_on)
    if step is Step.RECORD_REMINDER_SERVICE:
        return replace(changed, reminder_service_method=facts.service_method, reminder_service_on=facts.occurred_on)
    if step is Step.APPLY_TO_COURT:
        return replace(changed, court_applied_on=facts.occurred_on)
    if step is Step.RECORD_PAYMENT:
        owed = case.fine_fen - case.paid_fen
        if facts.amount_fen > owed:
            raise StepRefused(
                REASON_PAYMENT_EXCEEDS_OWED,
                f"the payment of {facts.amount_fen} fen exceeds the {owed} fen still owed",
                owed_fen=str(owed),
            )
        return replace(changed, paid_fen=case.paid_fen + facts.amount_fen)
    return changed
