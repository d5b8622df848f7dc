"""Supervision against substituting fines for prosecution (以罚代刑, DOMAIN §4.6): a case the county marks a suspected
crime under the thresholds table shows in the procuratorate's list of untransferred suspects until it is sent to the
police; figures below a threshold do not mark a case; only the procuratorate reads the list."""

from __future__ import annotations

import grpc

from ecolink.cases.v1 import case_service_pb2
from ecolink.referrals.v1 import transfer_service_pb2
from ecolink_cases.testing import COUNTY_OFFICERS, details
from ecolink_referrals.testing import COUNTY, PROCURATORATE, refused, transfer_request


def mark(walk, criterion: str, measured: float | None = None) -> case_service_pb2.MarkSuspectedCrimeRequest:
    request = case_service_pb2.MarkSuspectedCrimeRequest(
        name=walk.name, criterion=criterion, details=details(COUNTY_OFFICERS[0], note="§4.6")
    )
    if measured is not None:
        request.measured = measured
    return request


async def test_a_marked_case_is_untransferred_until_it_is_sent(
    walk, investigated_case, cases, cases_service, evidence, evidence_beside, transfers, referrals_service
):
    await investigated_case(walk, evidence, evidence_beside)
    county = cases_service.metadata(COUNTY)
    below = await refused(cases.MarkSuspectedCrime(mark(walk, "hazardous_waste", 2.0), metadata=county))
    assert (below.code, below.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "CASE_CRIME_THRESHOLD_NOT_MET")
    unknown = await refused(cases.MarkSuspectedCrime(mark(walk, "jaywalking"), metadata=county))
    assert unknown.code is grpc.StatusCode.INVALID_ARGUMENT
    marked = (await cases.MarkSuspectedCrime(mark(walk, "monitoring_data_falsified"), metadata=county)).case
    assert (marked.suspected_crime.criterion, marked.suspected_crime.marked_on) == (
        "monitoring_data_falsified",
        "2026-11-20",
    )
    assert marked.suspected_crime.source.startswith("法释〔2023〕7号")
    as_procuratorate = cases_service.metadata(PROCURATORATE)
    seen = await cases.GetCase(case_service_pb2.GetCaseRequest(name=walk.name), metadata=as_procuratorate)
    assert seen.case.suspected_crime.criterion == "monitoring_data_falsified"

    listing = transfer_service_pb2.ListUntransferredSuspectsRequest()
    procuratorate = referrals_service.metadata(PROCURATORATE)
    before = await transfers.ListUntransferredSuspects(listing, metadata=procuratorate)
    assert [(s.case, s.criterion, s.case_state) for s in before.suspects] == [
        (walk.name, "monitoring_data_falsified", "investigating")
    ]
    bureau = await refused(transfers.ListUntransferredSuspects(listing, metadata=referrals_service.metadata(COUNTY)))
    assert (bureau.code, bureau.reason) == (grpc.StatusCode.PERMISSION_DENIED, "UNTRANSFERRED_FOR_PROCURATORATES")

    await transfers.TransferCase(transfer_request(walk.name), metadata=referrals_service.metadata(COUNTY))
    after = await transfers.ListUntransferredSuspects(listing, metadata=procuratorate)
    assert list(after.suspects) == []
