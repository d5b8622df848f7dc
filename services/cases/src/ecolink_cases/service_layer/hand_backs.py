"""A transferred case handed back for administrative penalty (反向移送, DOMAIN §4.2): the referrals service, acting for
the handling bureau once the police or the procuratorate end the transfer, opens a new clue of the bureau about the
same unit, linked to the transfer; the same transfer again returns that clue."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ecolink_cases.domain.case import CaseRecord, ClueSource
from ecolink_cases.service_layer.case_access import handled_case
from ecolink_cases.service_layer.case_view import CaseView, case_view
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.auth.service_identity import service_identity
from ecolink_common.errors import PermissionDenied

ACTION = "RecordHandBack"
REFERRALS_SERVICE = service_identity("referrals")
REASON_REFERRALS_ONLY = "CASE_HAND_BACK_BY_REFERRALS_ONLY"


@dataclass(frozen=True)
class HandBack:
    case_id: int
    transfer: str
    reason: str
    handed_back_by: str


async def record_hand_back(uow: CasesUnitOfWork, principal: Principal, command: HandBack) -> CaseView:
    async with uow:
        if principal.acting_service != REFERRALS_SERVICE:
            await uow.commit_refusal(
                AuditEntry(
                    principal.agency_id, ACTION, f"cases/{command.case_id}", "PERMISSION_DENIED", REASON_REFERRALS_ONLY
                )
            )
            raise PermissionDenied(
                "only the referrals service, acting for the handling bureau, records a hand-back",
                reason=REASON_REFERRALS_ONLY,
            )
        original = await handled_case(uow, principal, command.case_id, action=ACTION)
        earlier = await uow.cases.with_source(ClueSource.POLICE_HAND_BACK, command.transfer)
        if earlier is not None:
            await uow.commit()
            return await case_view(uow, earlier)
        now = uow.clock.now()
        clue = CaseRecord(
            case_id=0,
            handling_agency_id=original.handling_agency_id,
            handling_level=original.handling_level,
            region_code=original.region_code,
            unit_id=original.unit_id,
            unit_display_name=original.unit_display_name,
            source=ClueSource.POLICE_HAND_BACK,
            source_ref=command.transfer,
            violation_type=original.violation_type,
            legal_basis=original.legal_basis,
            handling_officer_ids=original.handling_officer_ids,
            create_time=now,
            update_time=now,
            enterprise_agency_id=original.enterprise_agency_id,
        )
        case_id = await uow.cases.add(clue)
        assert case_id is not None, "a hand-back clue has no alert to collide on"
        clue = replace(clue, case_id=case_id)
        details = {
            "from_case": original.name,
            "transfer": command.transfer,
            "reason": command.reason,
            "handed_back_by": command.handed_back_by,
        }
        await uow.audit.record(AuditEntry(principal.agency_id, ACTION, clue.name, "OK", details=details))
        await uow.commit()
        return await case_view(uow, clue)
