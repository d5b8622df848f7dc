"""Reading transfers (issue 13 items 9a and 11): one with its timeline, the caller's in change order after a
watermark (a poller sees each change once), a transfer's signed records, and the deadlines the caller owes or
watches."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_common.access import require_visible
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import NotFound
from ecolink_common.jurisdiction import RecordScope, bureau_reach, region_prefix
from ecolink_common.paging import Page, PageRequest
from ecolink_referrals.domain.lifecycle import TransferState
from ecolink_referrals.domain.transfer import DeadlineRecord, StoredRecord, TransferRecord
from ecolink_referrals.domain.transfer_statistics import TransferHistory, TransferStatistics, tally
from ecolink_referrals.service_layer.transfer_access import visible_transfer
from ecolink_referrals.service_layer.transfer_view import TransferView, transfer_view
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

DUE_LIST_LIMIT = 1000


async def get_transfer(uow: ReferralsUnitOfWork, principal: Principal, transfer_id: int) -> TransferView:
    async with uow:
        transfer = await visible_transfer(uow, principal, transfer_id, action="GetTransfer")
        view = await transfer_view(uow, transfer)
        await uow.commit()
        return view


@dataclass(frozen=True)
class ChangedPage:
    page: Page[TransferRecord]
    watermark: int


async def _visible_changes(
    uow: ReferralsUnitOfWork,
    principal: Principal,
    *,
    after_seq: int,
    limit: int,
    state: TransferState | None,
) -> list[TransferRecord]:
    oversight = principal.agency.kind is AgencyKind.PROCURATORATE
    return list(
        await uow.transfers.changed(
            after_seq=after_seq,
            limit=limit,
            region_prefix=bureau_reach(principal.viewer),
            party_agency_id=principal.agency_id,
            oversight_prefix=region_prefix(principal.agency.region_code) if oversight else None,
            state=state,
        )
    )


async def list_transfers(
    uow: ReferralsUnitOfWork,
    principal: Principal,
    page: PageRequest,
    *,
    since_watermark: int,
    state: TransferState | None,
) -> ChangedPage:
    """In change order after the watermark; the response's watermark is the last change listed."""
    after = int(page.position.get("after", since_watermark))
    async with uow:
        rows = await _visible_changes(uow, principal, after_seq=after, limit=page.size + 1, state=state)
    listed = page.page_of(rows, lambda transfer: {"after": str(transfer.change_seq)})
    watermark = listed.items[-1].change_seq if listed.items else after
    return ChangedPage(listed, watermark)


async def transfer_records(uow: ReferralsUnitOfWork, principal: Principal, transfer_id: int) -> list[StoredRecord]:
    async with uow:
        transfer = await visible_transfer(uow, principal, transfer_id, action="ListTransferRecords")
        records = await uow.transfers.records(transfer.transfer_id)
        await uow.commit()
        return records


@dataclass(frozen=True)
class DueAction:
    transfer: TransferRecord
    deadline: DeadlineRecord


async def due_actions(uow: ReferralsUnitOfWork, principal: Principal, *, include_met: bool) -> list[DueAction]:
    """The deadlines of every transfer the caller sees, ordered by due time."""
    async with uow:
        transfers = {
            t.transfer_id: t
            for t in await _visible_changes(uow, principal, after_seq=0, limit=DUE_LIST_LIMIT, state=None)
        }
        deadlines = await uow.transfers.deadlines_of(transfers, include_met=include_met)
    return [DueAction(transfers[d.transfer_id], d) for d in deadlines]


async def transfer_statistics(
    uow: ReferralsUnitOfWork, principal: Principal, agency_id: str, year: int
) -> TransferStatistics:
    """To the bureau, the bureaus above it and the procuratorate of its region; anyone else NOT_FOUND, audited."""
    async with uow:
        agency = await uow.agencies.get(agency_id)
        resource = f"agencies/{agency_id}/transferStatistics/{year}"
        if agency is None:
            raise NotFound(f"{resource} was not found", reason="AGENCY_NOT_FOUND")
        scope = RecordScope(owner_agency_id=agency.agency_id, region_code=agency.region_code, open_to_oversight=True)
        await require_visible(uow, principal, scope, action="GetTransferStatistics", resource=resource)
        histories = [
            TransferHistory(t, await uow.transfers.steps(t.transfer_id), await uow.transfers.deadlines(t.transfer_id))
            for t in await uow.transfers.of_bureau(agency.agency_id)
        ]
        now = uow.clock.now()
        await uow.commit()
    return tally(agency.agency_id, year, histories, now=now)
