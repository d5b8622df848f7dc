"""Taking one step of a compensation case (DOMAIN §3.5): the lifecycle rule, the officers who take it, the evidence
it cites (filed under the compensation case or its penalty case), its audit row and event, all in one transaction.
A consultation round may join other compensation cases the caller handles ("similar cases consulted together"): the
round is recorded on each. A refused step writes nothing but the audit record of the refusal."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ecolink_cases.domain.citations import check_citation
from ecolink_cases.domain.compensation import (
    CompensationFacts,
    CompensationRecord,
    CompensationStep,
    CompensationStepRecord,
    advance_compensation,
    consultation_of,
)
from ecolink_cases.domain.lifecycle import StepRefused
from ecolink_cases.domain.records import CitedEvidence
from ecolink_cases.service_layer.case_access import handled_compensation_case
from ecolink_cases.service_layer.case_steps import (
    REASON_ETAG_MISMATCH,
    StepDetails,
    StepRecordSummary,
    announce_step,
    cited_items,
    refused_step,
    require_etag,
    step_day,
)
from ecolink_cases.service_layer.compensation_cases import CompensationView, stored_compensation_view
from ecolink_cases.service_layer.ports import EvidenceCatalog
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import Aborted
from ecolink_common.officers import attributed_officers, require_officers_of
from ecolink_common.request_records import RequestKey

COMPENSATION_STEP_TAKEN_EVENT = "cases.compensation_step_taken"


@dataclass(frozen=True)
class TakeCompensationStep:
    compensation_id: int
    step: CompensationStep
    etag: str
    details: StepDetails
    facts: CompensationFacts
    joined_ids: tuple[int, ...] = ()  # other compensation cases consulted in the same round
    request: RequestKey | None = None


async def take_compensation_step(
    uow: CasesUnitOfWork, principal: Principal, command: TakeCompensationStep, *, evidence: EvidenceCatalog
) -> CompensationView:
    """Records the step on the case (and a joint round on each joined case), or refuses it with its rule."""
    items = await cited_items(evidence, command.details.evidence)
    officers = attributed_officers(principal, command.details.officer_ids)
    command = replace(command, details=replace(command.details, officer_ids=officers))
    action = command.step.value
    async with uow:
        if command.request is not None:
            earlier = await uow.requests.replayed_resource(command.request)
            if earlier is not None:
                return await stored_compensation_view(uow, command.compensation_id)
        case = await handled_compensation_case(uow, principal, command.compensation_id, action=action)
        require_etag(case, command.etag)
        joined = [await handled_compensation_case(uow, principal, i, action=action) for i in command.joined_ids]
        now = uow.clock.now()
        facts = replace(command.facts, occurred_on=step_day(now, command.details.occurred_on))
        await require_officers_of(uow, principal.agency_id, command.details.officer_ids, field="details.officer_ids")
        together = [case, *joined]
        try:
            for item in items:
                check_citation(
                    case_name=case.name, source_ref=case.penalty_case, evidence=item.name, subject=item.subject
                )
            changed = [advance_compensation(each, command.step, facts, at=now) for each in together]
        except StepRefused as refused:
            raise await refused_step(uow, principal, action, case.name, refused) from refused
        cited = tuple(CitedEvidence(item.name, item.sha256) for item in items)
        # Written in id order, so two joint rounds over the same cases lock their rows in the same order.
        for before, after in sorted(zip(together, changed, strict=True), key=lambda pair: pair[0].compensation_id):
            others = tuple(other.name for other in together if other is not before)
            await _record(uow, principal, command, before, after, facts, cited if before is case else (), others)
        if command.request is not None:
            await uow.requests.remember(command.request, resource_name=case.name, at=now)
        await uow.commit()
        return await stored_compensation_view(uow, case.compensation_id)


async def _record(
    uow: CasesUnitOfWork,
    principal: Principal,
    command: TakeCompensationStep,
    before: CompensationRecord,
    after: CompensationRecord,
    facts: CompensationFacts,
    cited: tuple[CitedEvidence, ...],
    others: tuple[str, ...],
) -> None:
    """Saves one case's result of the step, its timeline entry, audit row and event."""
    if not await uow.compensations.save_step_result(after, expected_version=before.version):
        raise Aborted(f"{before.name} changed while this step was taken; read it again", reason=REASON_ETAG_MISMATCH)
    seq = await uow.compensations.next_step_seq(before.compensation_id)
    consultation = (
        consultation_of(before, facts, others) if command.step is CompensationStep.RECORD_CONSULTATION else None
    )
    assert facts.occurred_on is not None
    await uow.compensations.add_step(
        CompensationStepRecord(
            compensation_id=before.compensation_id,
            seq=seq,
            step=command.step,
            from_state=before.state,
            to_state=after.state,
            agency_id=principal.agency_id,
            officer_ids=command.details.officer_ids,
            occurred_on=facts.occurred_on,
            record_time=after.update_time,
            note=command.details.note,
            evidence=cited,
            consultation=consultation,
        )
    )
    summary = StepRecordSummary(before.name, command.step.value, seq, command.details.officer_ids, after.state.value)
    await announce_step(uow, principal, summary, topic=COMPENSATION_STEP_TAKEN_EVENT, now=after.update_time)
