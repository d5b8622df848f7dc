"""Reading and verifying an item's custody chain, for those who may see the item."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_common.auth.principal import Principal
from ecolink_common.paging import decode_page_token, encode_page_token
from ecolink_evidence.domain.model import CustodyEvent
from ecolink_evidence.service_layer.access import visible_item
from ecolink_evidence.service_layer.custody import CustodyReport, verify_custody
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork


@dataclass(frozen=True)
class CustodyPage:
    events: list[CustodyEvent]
    next_page_token: str


async def list_custody_events(
    uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str, *, page_size: int, page_token: str
) -> CustodyPage:
    """The chain oldest first, a page at a time."""
    after = int(decode_page_token(page_token).get("after", "0") or 0)
    async with uow:
        await visible_item(uow, principal, evidence_id, action="ListCustodyEvents")
        events = list(await uow.custody.events(evidence_id, after_seq=after, limit=page_size + 1))
    page = events[:page_size]
    more = len(events) > page_size
    return CustodyPage(page, encode_page_token({"after": str(page[-1].seq)}) if more else "")


async def verify_custody_chain(uow: EvidenceUnitOfWork, principal: Principal, evidence_id: str) -> CustodyReport:
    """Walks the item's chain and names the first broken link."""
    async with uow:
        await visible_item(uow, principal, evidence_id, action="VerifyCustodyChain")
        return await verify_custody(uow, evidence_id)
