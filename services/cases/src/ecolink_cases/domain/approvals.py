"""Approval level by level (DOMAIN §3.1): which steps a county branch takes only after its city bureau approved
them, who may approve, and that approver and handler are never the same officer."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_cases.domain.lifecycle import Step, StepRefused

REASON_APPROVAL_MISSING = "CASE_APPROVAL_MISSING"
REASON_APPROVER_NOT_ABOVE = "CASE_APPROVER_NOT_ONE_LEVEL_UP"
REASON_APPROVER_IS_HANDLER = "CASE_APPROVER_IS_HANDLER"
REASON_STEP_NOT_APPROVABLE = "CASE_STEP_NOT_APPROVABLE"

# (proposed) Registration and decision of a county branch's case are approved by the bureau one level up.
DEFAULT_APPROVED_STEPS: frozenset[Step] = frozenset({Step.REGISTER, Step.DECIDE})


@dataclass(frozen=True)
class ApprovalPolicy:
    """Which steps need an approval, and for which handling level (a setting; DOMAIN §3.1, proposed)."""

    steps: frozenset[Step] = DEFAULT_APPROVED_STEPS
    levels: frozenset[str] = frozenset({"county"})

    def needs_approval(self, step: Step, handling_level: str) -> bool:
        return step in self.steps and handling_level in self.levels


def parent_region(region_code: str) -> str:
    """The city a county code belongs to (360823 → 360800), the province of a city (360800 → 360000)."""
    if region_code.endswith("0000"):
        return region_code
    if region_code.endswith("00"):
        return region_code[:2] + "0000"
    return region_code[:4] + "00"


@dataclass(frozen=True)
class Approver:
    """Who gives an approval: an eco-bureau and one of its officers."""

    agency_id: str
    agency_kind: str
    region_code: str
    officer_id: str


def check_approver(
    approver: Approver, *, step: Step, policy: ApprovalPolicy, handling_region: str, handling_officers: frozenset[str]
) -> None:
    """The approver is the eco-bureau one level above the handling agency, and not one of the case's handlers."""
    if step not in policy.steps:
        raise StepRefused(REASON_STEP_NOT_APPROVABLE, f"{step.value} is not a step that is approved", step=step.value)
    if approver.agency_kind != "eco-bureau" or approver.region_code != parent_region(handling_region):
        raise StepRefused(
            REASON_APPROVER_NOT_ABOVE,
            f"{step.value} is approved by the eco-bureau of region {parent_region(handling_region)}, "
            f"not by {approver.agency_id}",
            approver=approver.agency_id,
        )
    if approver.officer_id in handling_officers:
        raise StepRefused(
            REASON_APPROVER_IS_HANDLER,
            f"officer {approver.officer_id} handles this case and cannot approve it",
            officer=approver.officer_id,
        )


def require_approval(step: Step, *, policy: ApprovalPolicy, handling_level: str, approved: bool) -> None:
    """A step that needs an approval is refused until an unused one is on record."""
    if policy.needs_approval(step, handling_level) and not approved:
        raise StepRefused(
            REASON_APPROVAL_MISSING,
            f"{step.value} of a {handling_level} case needs the approval of the bureau one level up; "
            "ask it to ApproveCaseStep first",
            step=step.value,
        )
