"""Joint listing supervision (挂牌督办, DOMAIN §4.3; issue 13 item 8): the authority lists a case with its parties and
their tasks; parties report progress every N days and complete their tasks; the authority delists; what is overdue
is escalated to the authority once, through the outbox."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import Aborted, FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from ecolink_common.hash_chain import canonical_time
from ecolink_common.jurisdiction import RecordScope, bureau_reach
from ecolink_common.officers import attributed_officers, require_officers_of
from ecolink_common.outbox import OutboxEvent
from ecolink_common.paging import Page, PageRequest
from ecolink_common.request_records import RequestKey
from ecolink_referrals.domain.listing import (
    ListingRecord,
    ListingState,
    ListingTaskRecord,
    ProgressReportRecord,
    overdue_items,
)
from ecolink_referrals.service_layer.ports import CaseDossiers
from ecolink_referrals.service_layer.transfer_access import visible_transfer
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

LISTING_OVERDUE_EVENT = "referrals.listing_overdue"
REASON_NOT_FOUND = "LISTING_NOT_FOUND"
REASON_CASE_NOT_FOUND = "LISTING_CASE_NOT_FOUND"
REASON_NOT_AUTHORITY = "LISTING_NOT_AUTHORITY"
REASON_NOT_PARTY = "LISTING_NOT_PARTY"
REASON_DELISTED = "LISTING_DELISTED"
REASON_TASK_DONE = "LISTING_TASK_DONE"
LISTING_AUTHORITIES = frozenset({AgencyKind.ECO_BUREAU, AgencyKind.ENFORCEMENT_BUREAU})


@dataclass(frozen=True)
class NewTask:
    party_agency_id: str
    description: str
    due_in_days: int


@dataclass(frozen=True)
class ListCase:
    case: str
    title: str
    party_agency_ids: tuple[str, ...]
    report_every_days: int
    tasks: tuple[NewTask, ...]
    request: RequestKey | None = None


def listing_scope(listing: ListingRecord) -> RecordScope:
    return RecordScope(
        owner_agency_id=listing.authority_agency_id,
        region_code=listing.region_code,
        shared_with=frozenset(listing.party_agency_ids),
    )


async def visible_listing(
    uow: ReferralsUnitOfWork, principal: Principal, listing_id: int, *, action: str
) -> ListingRecord:
    listing = await uow.listings.get(listing_id)
    if listing is None:
        raise NotFound(f"listings/{listing_id} was not found", reason=REASON_NOT_FOUND)
    await require_visible(uow, principal, listing_scope(listing), action=action, resource=listing.name)
    return listing


async def create_listing(
    uow: ReferralsUnitOfWork, principal: Principal, command: ListCase, cases: CaseDossiers
) -> ListingRecord:
    """DOMAIN §4.3: listed by a bureau, the authority, with parties of the directory and each task a party's, on a
    case (read from the cases service as the caller) or a transfer the authority can see."""
    if principal.agency.kind not in LISTING_AUTHORITIES:
        raise PermissionDenied(
            f"{principal.agency_id} is not a bureau; bureaus list cases", reason=REASON_NOT_AUTHORITY
        )
    if command.case.startswith("cases/") and await cases.dossier(command.case) is None:
        raise NotFound(f"{command.case} was not found", reason=REASON_CASE_NOT_FOUND)
    async with uow:
        if command.request is not None:
            earlier = await uow.requests.replayed_resource(command.request)
            if earlier is not None:
                return await visible_listing(
                    uow, principal, int(earlier.removeprefix("listings/")), action="CreateListing"
                )
        if command.case.startswith("transfers/"):
            await visible_transfer(uow, principal, int(command.case.removeprefix("transfers/")), action="CreateListing")
        for index, agency_id in enumerate(command.party_agency_ids):
            if await uow.agencies.get(agency_id) is None:
                raise InvalidArgument.for_field(f"party_agency_ids[{index}]", f"{agency_id!r} is not in the directory")
        now = uow.clock.now()
        tasks = []
        for index, task in enumerate(command.tasks):
            if task.party_agency_id not in command.party_agency_ids:
                raise InvalidArgument.for_field(f"tasks[{index}].party_agency_id", "must be one of the parties")
            tasks.append(
                ListingTaskRecord(
                    index + 1, task.party_agency_id, task.description, now + timedelta(days=task.due_in_days)
                )
            )
        draft = ListingRecord(
            listing_id=0,
            case=command.case,
            title=command.title,
            authority_agency_id=principal.agency_id,
            region_code=principal.agency.region_code,
            party_agency_ids=command.party_agency_ids,
            report_every_days=command.report_every_days,
            state=ListingState.LISTED,
            create_time=now,
            update_time=now,
            tasks=tuple(tasks),
            reports_due={party: now + timedelta(days=command.report_every_days) for party in command.party_agency_ids},
        )
        listing = replace(draft, listing_id=await uow.listings.add(draft))
        await uow.audit.record(
            AuditEntry(principal.agency_id, "CreateListing", listing.name, "OK", details={"case": listing.case})
        )
        if command.request is not None:
            await uow.requests.remember(command.request, resource_name=listing.name, at=now)
        await uow.commit()
        return listing


async def get_listing(uow: ReferralsUnitOfWork, principal: Principal, listing_id: int) -> ListingRecord:
    async with uow:
        listing = await visible_listing(uow, principal, listing_id, action="GetListing")
        await uow.commit()
        return listing


async def list_listings(uow: ReferralsUnitOfWork, principal: Principal, page: PageRequest) -> Page[ListingRecord]:
    async with uow:
        rows = await uow.listings.seen_by(
            agency_id=principal.agency_id,
            region_prefix=bureau_reach(principal.viewer),
            before_id=int(page.position["before"]) if page.position else None,
            limit=page.size + 1,
        )
    return page.page_of(list(rows), lambda listing: {"before": str(listing.listing_id)})


Change = Callable[[ListingRecord], ListingRecord]


async def _change(
    uow: ReferralsUnitOfWork, principal: Principal, listing_id: int, action: str, *, authority: bool, change: Change
) -> ListingRecord:
    async with uow:
        listing = await visible_listing(uow, principal, listing_id, action=action)
        allowed = (
            principal.agency_id == listing.authority_agency_id
            if authority
            else principal.agency_id in listing.party_agency_ids
        )
        if not allowed:
            reason = REASON_NOT_AUTHORITY if authority else REASON_NOT_PARTY
            await uow.commit_refusal(AuditEntry(principal.agency_id, action, listing.name, "PERMISSION_DENIED", reason))
            raise PermissionDenied(
                f"{action} on {listing.name} is the {'authority' if authority else 'parties'}'", reason=reason
            )
        if listing.state is ListingState.DELISTED:
            raise FailedPrecondition(f"{listing.name} was delisted", reason=REASON_DELISTED)
        changed = replace(change(listing), version=listing.version + 1, update_time=uow.clock.now())
        if not await uow.listings.save(changed, expected_version=listing.version):
            raise Aborted(f"{listing.name} changed meanwhile; read it again", reason="LISTING_ETAG_MISMATCH")
        await uow.audit.record(AuditEntry(principal.agency_id, action, listing.name, "OK"))
        await uow.commit()
        return changed


async def file_progress_report(
    uow: ReferralsUnitOfWork,
    principal: Principal,
    listing_id: int,
    *,
    text: str,
    task: int,
    officer_ids: tuple[str, ...],
) -> ListingRecord:
    officers = attributed_officers(principal, officer_ids)
    async with uow:
        await require_officers_of(uow, principal.agency_id, officers, field="officer_ids")
    now = uow.clock.now()

    def reported(listing: ListingRecord) -> ListingRecord:
        if task and not any(t.seq == task and t.party_agency_id == principal.agency_id for t in listing.tasks):
            raise InvalidArgument.for_field("task", f"{listing.name} has no task {task} of {principal.agency_id}")
        report = ProgressReportRecord(len(listing.reports) + 1, principal.agency_id, officers, text, task, now)
        return replace(
            listing, reports=(*listing.reports, report), reports_due=listing.report_filed(principal.agency_id, now)
        )

    return await _change(uow, principal, listing_id, "FileProgressReport", authority=False, change=reported)


async def complete_task(
    uow: ReferralsUnitOfWork, principal: Principal, listing_id: int, *, task: int, note: str
) -> ListingRecord:
    now = uow.clock.now()

    def completed(listing: ListingRecord) -> ListingRecord:
        found = next((t for t in listing.tasks if t.seq == task and t.party_agency_id == principal.agency_id), None)
        if found is None:
            raise InvalidArgument.for_field("task", f"{listing.name} has no task {task} of {principal.agency_id}")
        if found.done_time is not None:
            raise FailedPrecondition(f"task {task} of {listing.name} is done already", reason=REASON_TASK_DONE)
        done = replace(found, done_time=now, note=note)
        return replace(listing, tasks=tuple(done if t.seq == task else t for t in listing.tasks))

    return await _change(uow, principal, listing_id, "CompleteListingTask", authority=False, change=completed)


async def delist(uow: ReferralsUnitOfWork, principal: Principal, listing_id: int, *, reason: str) -> ListingRecord:
    def delisted(listing: ListingRecord) -> ListingRecord:
        return replace(listing, state=ListingState.DELISTED, delist_reason=reason)

    return await _change(uow, principal, listing_id, "Delist", authority=True, change=delisted)


async def escalate_overdue_listings(uow_factory: Callable[[], ReferralsUnitOfWork]) -> int:
    """DOMAIN §4.3: an event to the authority (and the party) per overdue task or missed report, once each."""
    escalated = 0
    async with uow_factory() as uow:
        now = uow.clock.now()
        for listing in await uow.listings.listed():
            items = overdue_items(listing, now)
            if not items:
                continue
            for item in items:
                await uow.outbox.add(
                    OutboxEvent(
                        event_id=f"{listing.name}/{item.key}/overdue",
                        topic=LISTING_OVERDUE_EVENT,
                        payload={
                            "listing": listing.name,
                            "case": listing.case,
                            "duty": item.duty,
                            "owed_by": item.owed_by,
                            "authority": listing.authority_agency_id,
                            "due_time": canonical_time(item.due_time),
                        },
                        occurred_at=item.due_time,
                    ),
                    at=now,
                )
            marked = replace(listing, escalated=listing.escalated | {i.key for i in items}, version=listing.version + 1)
            if await uow.listings.save(marked, expected_version=listing.version):
                escalated += len(items)
        await uow.commit()
    return escalated
