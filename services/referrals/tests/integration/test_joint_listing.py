"""Joint listing supervision through a real server (DOMAIN §4.3): the city bureau lists the Lingbi case with the
county bureau, the police and the procuratorate; each has tasks and reports weekly; what is overdue is escalated
to the authority once; only parties act, only the authority delists, and nobody else sees the listing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import grpc
import pytest

from ecolink.referrals.v1 import listing_service_pb2 as pb
from ecolink.referrals.v1 import listing_service_pb2_grpc
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.testing.channels import stubs
from ecolink_referrals.service_layer.joint_listings import escalate_overdue_listings
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork
from ecolink_referrals.testing import COUNTY, OTHER_POLICE, POLICE, POLICE_OFFICERS, PROCURATORATE, refused

CITY = "eeb-341300"


@pytest.fixture
async def listings(referrals_service) -> AsyncIterator[listing_service_pb2_grpc.ListingServiceStub]:
    async with stubs(referrals_service, listing_service_pb2_grpc.ListingServiceStub) as stub:
        yield stub


async def test_a_listed_case_runs_to_its_delisting_and_silence_is_escalated_once(
    listings, walk, referrals_service, database_url, clock
):
    unknown = pb.CreateListingRequest(case="cases/999", title="x", party_agency_ids=[POLICE])
    missing = await refused(listings.CreateListing(unknown, metadata=referrals_service.metadata(CITY)))
    assert (missing.code, missing.reason) == (grpc.StatusCode.NOT_FOUND, "LISTING_CASE_NOT_FOUND")
    await walk.create()
    request = pb.CreateListingRequest(
        case=walk.name,
        title="灵璧某建材公司篡改自动监测数据案",
        party_agency_ids=[COUNTY, POLICE, PROCURATORATE],
        tasks=[
            pb.NewListingTask(party_agency_id=COUNTY, description="补充调查取证 further evidence", due_in_days=5),
            pb.NewListingTask(party_agency_id=POLICE, description="立案侦查 investigate", due_in_days=10),
        ],
    )
    listed = (await listings.CreateListing(request, metadata=referrals_service.metadata(CITY))).listing
    assert (listed.state, listed.report_every_days, len(listed.reports_due)) == ("listed", 7, 3)
    hidden = await refused(
        listings.GetListing(pb.GetListingRequest(name=listed.name), metadata=referrals_service.metadata(OTHER_POLICE))
    )
    assert hidden.code is grpc.StatusCode.NOT_FOUND
    as_police = referrals_service.metadata(POLICE)
    reported = (
        await listings.FileProgressReport(
            pb.FileProgressReportRequest(name=listed.name, text="已立案侦查", task=2, officer_ids=[POLICE_OFFICERS[0]]),
            metadata=as_police,
        )
    ).listing
    assert [(r.agency_id, r.task) for r in reported.reports] == [(POLICE, 2)]
    not_theirs = await refused(listings.Delist(pb.DelistRequest(name=listed.name, reason="x"), metadata=as_police))
    assert (not_theirs.code, not_theirs.reason) == (grpc.StatusCode.PERMISSION_DENIED, "LISTING_NOT_AUTHORITY")

    clock.advance(timedelta(days=8))
    engine = create_engine(database_url)
    try:
        sessions = create_session_factory(engine)
        escalated = await escalate_overdue_listings(lambda: ReferralsUnitOfWork(sessions, clock))
        again = await escalate_overdue_listings(lambda: ReferralsUnitOfWork(sessions, clock))
    finally:
        await engine.dispose()
    # The county's task (5 days) and every party's weekly report, the police's included (it reported on day 0).
    assert (escalated, again) == (4, 0)
    seen = (await listings.GetListing(pb.GetListingRequest(name=listed.name), metadata=as_police)).listing
    assert [(t.seq, t.overdue) for t in seen.tasks] == [(1, True), (2, False)]

    await listings.CompleteListingTask(
        pb.CompleteListingTaskRequest(name=listed.name, task=2, note="移送起诉"), metadata=as_police
    )
    delisted = (
        await listings.Delist(
            pb.DelistRequest(name=listed.name, reason="2023-09-12 判决"), metadata=referrals_service.metadata(CITY)
        )
    ).listing
    assert delisted.state == "delisted"
    late = await refused(
        listings.FileProgressReport(
            pb.FileProgressReportRequest(name=listed.name, text="x", officer_ids=[POLICE_OFFICERS[0]]),
            metadata=as_police,
        )
    )
    assert (late.code, late.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "LISTING_DELISTED")
    page = await listings.ListListings(pb.ListListingsRequest(), metadata=referrals_service.metadata(PROCURATORATE))
    assert [item.name for item in page.listings] == [listed.name]
