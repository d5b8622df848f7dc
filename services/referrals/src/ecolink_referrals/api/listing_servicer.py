"""ListingService: joint listing supervision (DOMAIN §4.3); each method converts, calls one use case, converts back."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import grpc

from ecolink.referrals.v1 import listing_service_pb2 as pb
from ecolink.referrals.v1 import listing_service_pb2_grpc
from ecolink_common.auth.principal import current_principal
from ecolink_common.calls.credentials import caller_authorization
from ecolink_common.clock import Clock
from ecolink_common.errors import InvalidArgument
from ecolink_common.etags import weak_etag
from ecolink_common.officers import checked_officer_ids
from ecolink_common.paging import page_request
from ecolink_common.proto_names import ResourceName
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_common.request_records import request_key
from ecolink_common.text_rules import MAX_NAME_CHARS, MAX_TEXT_CHARS, checked_text
from ecolink_referrals.domain.listing import ListingRecord
from ecolink_referrals.service_layer import joint_listings
from ecolink_referrals.service_layer.joint_listings import ListCase, NewTask
from ecolink_referrals.service_layer.ports import DossiersForCaller
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

LISTED_CASE = re.compile(r"^(cases|transfers)/[1-9][0-9]{0,17}\Z")
LISTING_NAME = ResourceName(
    re.compile(r"^listings/([1-9][0-9]{0,17})\Z"), "must be listings/{listing_id}, e.g. listings/2"
)
MAX_PARTIES = 10
MAX_TASKS = 50


def listing_to_proto(listing: ListingRecord, now: datetime) -> pb.Listing:
    return pb.Listing(
        name=listing.name,
        case=listing.case,
        title=listing.title,
        authority_agency_id=listing.authority_agency_id,
        region_code=listing.region_code,
        party_agency_ids=list(listing.party_agency_ids),
        report_every_days=listing.report_every_days,
        state=listing.state.value,
        tasks=[
            pb.ListingTask(
                seq=t.seq,
                party_agency_id=t.party_agency_id,
                description=t.description,
                due_time=timestamp_from_datetime(t.due_time),
                done_time=timestamp_from_datetime(t.done_time),
                note=t.note,
                overdue=t.overdue(now),
            )
            for t in listing.tasks
        ],
        reports=[
            pb.ProgressReport(
                seq=r.seq,
                agency_id=r.agency_id,
                officer_ids=list(r.officer_ids),
                text=r.text,
                task=r.task,
                report_time=timestamp_from_datetime(r.report_time),
            )
            for r in listing.reports
        ],
        reports_due=[
            pb.ReportDue(agency_id=agency, due_time=timestamp_from_datetime(due), overdue=now >= due)
            for agency, due in sorted(listing.reports_due.items())
        ],
        delist_reason=listing.delist_reason,
        create_time=timestamp_from_datetime(listing.create_time),
        update_time=timestamp_from_datetime(listing.update_time),
        etag=weak_etag(listing),
    )


def _listed_case(case: str) -> str:
    if not LISTED_CASE.match(case):
        raise InvalidArgument.for_field("case", "must be cases/{case_id} or transfers/{transfer_id}, e.g. cases/12")
    return case


def _create_command(request: pb.CreateListingRequest, agency_id: str, default_days: int) -> ListCase:
    if not request.party_agency_ids or len(request.party_agency_ids) > MAX_PARTIES:
        raise InvalidArgument.for_field("party_agency_ids", f"name 1 to {MAX_PARTIES} parties")
    if len(request.tasks) > MAX_TASKS:
        raise InvalidArgument.for_field("tasks", f"at most {MAX_TASKS} tasks")
    days = request.report_every_days or default_days
    if not 1 <= days <= 90:
        raise InvalidArgument.for_field("report_every_days", "1 to 90 days, or 0 for the setting")
    tasks = []
    for index, task in enumerate(request.tasks):
        if not 1 <= task.due_in_days <= 365:
            raise InvalidArgument.for_field(f"tasks[{index}].due_in_days", "1 to 365 days")
        description = checked_text(task.description, f"tasks[{index}].description", limit=MAX_TEXT_CHARS, required=True)
        tasks.append(NewTask(task.party_agency_id, description, task.due_in_days))
    return ListCase(
        case=_listed_case(request.case),
        title=checked_text(request.title, "title", limit=MAX_NAME_CHARS, required=True),
        party_agency_ids=tuple(dict.fromkeys(request.party_agency_ids)),
        report_every_days=days,
        tasks=tuple(tasks),
        request=request_key(agency_id, "CreateListing", request.request_id, request, "request_id"),
    )


class ListingServicer(listing_service_pb2_grpc.ListingServiceServicer):
    def __init__(
        self,
        uow_factory: Callable[[], ReferralsUnitOfWork],
        clock: Clock,
        *,
        report_every_days: int,
        dossiers_for: DossiersForCaller,
    ):
        self._uow = uow_factory
        self._clock = clock
        self._report_every_days = report_every_days
        self._dossiers_for = dossiers_for

    def _proto(self, listing: ListingRecord) -> pb.Listing:
        return listing_to_proto(listing, self._clock.now())

    async def CreateListing(
        self, request: pb.CreateListingRequest, context: grpc.aio.ServicerContext
    ) -> pb.CreateListingResponse:
        principal = current_principal()
        command = _create_command(request, principal.agency_id, self._report_every_days)
        cases = self._dossiers_for(caller_authorization(context))
        listing = await joint_listings.create_listing(self._uow(), principal, command, cases)
        return pb.CreateListingResponse(listing=self._proto(listing))

    async def GetListing(
        self, request: pb.GetListingRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetListingResponse:
        listing_id = LISTING_NAME.number(request.name, "name")
        return pb.GetListingResponse(
            listing=self._proto(await joint_listings.get_listing(self._uow(), current_principal(), listing_id))
        )

    async def ListListings(
        self, request: pb.ListListingsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListListingsResponse:
        principal = current_principal()
        page = await joint_listings.list_listings(self._uow(), principal, page_request(request, principal.agency_id))
        return pb.ListListingsResponse(
            listings=[self._proto(listing) for listing in page.items], next_page_token=page.next_page_token
        )

    async def FileProgressReport(
        self, request: pb.FileProgressReportRequest, context: grpc.aio.ServicerContext
    ) -> pb.FileProgressReportResponse:
        listing = await joint_listings.file_progress_report(
            self._uow(),
            current_principal(),
            LISTING_NAME.number(request.name, "name"),
            text=checked_text(request.text, "text", limit=MAX_TEXT_CHARS, required=True),
            task=max(request.task, 0),
            officer_ids=checked_officer_ids(request.officer_ids, "officer_ids"),
        )
        return pb.FileProgressReportResponse(listing=self._proto(listing))

    async def CompleteListingTask(
        self, request: pb.CompleteListingTaskRequest, context: grpc.aio.ServicerContext
    ) -> pb.CompleteListingTaskResponse:
        listing = await joint_listings.complete_task(
            self._uow(),
            current_principal(),
            LISTING_NAME.number(request.name, "name"),
            task=request.task,
            note=checked_text(request.note, "note", limit=MAX_TEXT_CHARS),
        )
        return pb.CompleteListingTaskResponse(listing=self._proto(listing))

    async def Delist(self, request: pb.DelistRequest, context: grpc.aio.ServicerContext) -> pb.DelistResponse:
        listing = await joint_listings.delist(
            self._uow(),
            current_principal(),
            LISTING_NAME.number(request.name, "name"),
            reason=checked_text(request.reason, "reason", limit=MAX_TEXT_CHARS, required=True),
        )
        return pb.DelistResponse(listing=self._proto(listing))
