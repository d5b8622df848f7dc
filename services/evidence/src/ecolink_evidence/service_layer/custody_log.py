"""Reading and verifying an item's custody chain, for those who may see the item."""

from __future__ import annotations

from ecolink_common.auth.principal import Principal
from ecolink_common.paging import Page, PageRequest, page_token_invalid
from ecolink_evidence.domain.model import CustodyEvent
from ecolink_evidence.service_layer.access import visible_item
from ecolink_evidence.service_layer.custody import CustodyReport, verify_custody
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork


async def list_custody_events(
    uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str, *, page: PageRequest
) -> Page[CustodyEvent]:
    """The chain oldest first, a page at a time."""
    try:
        after = int(page.position.get("after", "0"))
    except ValueError:
        raise page_token_invalid() from None
    async with uow:
        await visible_item(uow, principal, evidence_id, action="ListCustodyEvents")
        events = list(await uow.custody.events(evidence_id, after_seq=after, limit=page.size + 1))
    return page.page_of(events, lambda last: {"after": str(last.seq)})


async def verify_custody_chain(uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str) -> CustodyReport:
    """Walks the item's chain and names the first broken link."""
    async with uow:
        await visible_item(uow, principal, evidence_id, action="VerifyCustodyChain")
        return await verify_custody(uow, evidence_id)
