"""Supervision against substituting fines for prosecution (以罚代刑, DOMAIN §4.6; issue 13 item 5): the cases of the
procuratorate's region marked suspected crimes that no transfer ever sent to the police, read-only and audited."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import PermissionDenied
from ecolink_referrals.domain.lifecycle import TransferState
from ecolink_referrals.service_layer.ports import SuspectedCase, SuspectedCases
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

ACTION = "ListUntransferredSuspects"
REASON_PROCURATORATES = "UNTRANSFERRED_FOR_PROCURATORATES"
# A transfer in these states never reached the police.
NOT_SENT = frozenset({TransferState.REPORTED, TransferState.NOT_APPROVED, TransferState.WITHDRAWN})


@dataclass(frozen=True)
class Untransferred:
    case: SuspectedCase
    pending_transfer: str


@dataclass(frozen=True)
class UntransferredPage:
    suspects: tuple[Untransferred, ...]
    next_page_token: str


async def untransferred_suspects(
    uow: ReferralsUnitOfWork, principal: Principal, cases: SuspectedCases, *, page_size: int, page_token: str
) -> UntransferredPage:
    if principal.agency.kind is not AgencyKind.PROCURATORATE:
        async with uow:
            await uow.commit_refusal(
                AuditEntry(principal.agency_id, ACTION, "cases", "PERMISSION_DENIED", REASON_PROCURATORATES)
            )
        raise PermissionDenied(
            "the untransferred suspected crimes are the procuratorate's", reason=REASON_PROCURATORATES
        )
    page = await cases.page(page_size=page_size, page_token=page_token)
    async with uow:
        transfers = await uow.transfers.of_cases([c.case for c in page.cases])
        sent = {t.case for t in transfers if t.state not in NOT_SENT}
        pending = {t.case: t.name for t in transfers if t.state is TransferState.REPORTED}
        suspects = tuple(Untransferred(c, pending.get(c.case, "")) for c in page.cases if c.case not in sent)
        details = {"read": len(page.cases), "untransferred": len(suspects)}
        await uow.audit.record(AuditEntry(principal.agency_id, ACTION, "cases", "OK", details=details))
        await uow.commit()
    return UntransferredPage(suspects, page.next_page_token)
