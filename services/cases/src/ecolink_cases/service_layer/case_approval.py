"""Approval of a step by the bureau one level up (DOMAIN §3.1): recorded with approver agency and officer, time
and opinion; the approver is never one of the case's handling officers."""

from __future__ import annotations

from dataclasses import replace

from ecolink_cases.domain.approvals import ApprovalPolicy, Approver, check_approver
from ecolink_cases.domain.lifecycle import REASON_TRANSITION_NOT_ALLOWED, TRANSITIONS, Step, StepRefused
from ecolink_cases.domain.records import ApprovalRecord
from ecolink_cases.service_layer.case_access import visible_case
from ecolink_cases.service_layer.case_steps import refusal, require_etag
from ecolink_cases.service_layer.case_view import CaseView, committed_case_view, stored_case_view
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import Aborted
from ecolink_common.officers import approving_officer, require_officers_of
from ecolink_common.request_records import RequestKey

REASON_ALREADY_APPROVED = "CASE_STEP_ALREADY_APPROVED"
ACTION = "ApproveCaseStep"


async def approve_step(
    uow: CasesUnitOfWork,
    principal: Principal,
    *,
    case_id: int,
    step: Step,
    approver_officer_id: str,
    opinion: str,
    etag: str,
    policy: ApprovalPolicy,
    request: RequestKey | None = None,
) -> CaseView:
    """Records the approval of `step`, which the handling agency may then take once."""
    async with uow:
        if request is not None and await uow.requests.replayed_resource(request) is not None:
            return await stored_case_view(uow, case_id)
        case = await visible_case(uow, principal, case_id, action=ACTION)
        require_etag(case, etag)
        approver_officer_id = approving_officer(principal, approver_officer_id)
        await require_officers_of(uow, principal.agency_id, (approver_officer_id,), field="approver_officer_id")
        handling = await uow.agencies.get(case.handling_agency_id)
        approvals = await uow.cases.approvals(case.case_id)
        try:
            check_approver(
                Approver(
                    principal.agency_id, principal.agency.kind.value, principal.agency.region_code, approver_officer_id
                ),
                step=step,
                policy=policy,
                handling_region=handling.region_code if handling else case.region_code,
                handling_officers=frozenset(case.handling_officer_ids),
            )
            if case.state not in TRANSITIONS[step][0]:
                raise StepRefused(
                    REASON_TRANSITION_NOT_ALLOWED,
                    f"{step.value} cannot follow {case.state.value}, so there is nothing to approve",
                    from_state=case.state.value,
                    to_state=TRANSITIONS[step][1].value,
                )
            if any(a.step is step and not a.used for a in approvals):
                raise StepRefused(REASON_ALREADY_APPROVED, f"{step.value} is already approved and not yet taken")
        except StepRefused as refused:
            await uow.commit_refusal(
                AuditEntry(principal.agency_id, ACTION, case.name, "FAILED_PRECONDITION", refused.reason)
            )
            raise refusal(refused) from refused
        now = uow.clock.now()
        bumped = replace(case, version=case.version + 1, update_time=now)
        if not await uow.cases.save_step_result(bumped, expected_version=case.version):
            raise Aborted(f"{case.name} changed while it was approved; read it again", reason="CASE_ETAG_MISMATCH")
        seq = len(approvals) + 1
        await uow.cases.add_approval(
            ApprovalRecord(case.case_id, seq, step, principal.agency_id, approver_officer_id, opinion, now)
        )
        await uow.audit.record(
            AuditEntry(
                principal.agency_id,
                ACTION,
                f"{case.name}/approvals/{seq}",
                "OK",
                details={"step": step.value, "officer": approver_officer_id},
            )
        )
        if request is not None:
            await uow.requests.remember(request, resource_name=case.name, at=now)
        return await committed_case_view(uow, case.case_id)
