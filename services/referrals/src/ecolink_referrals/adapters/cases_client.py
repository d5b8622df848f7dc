"""The cases service as a transfer reads its dossier: GetCaseDossier with the caller's own credentials, so the cases
service applies its own visibility rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from google.protobuf.json_format import MessageToDict

from ecolink.cases.v1 import case_pb2, case_service_pb2
from ecolink_common.calls.client import RemoteMethod, ServiceClient
from ecolink_common.calls.credentials import CallerCredentials
from ecolink_common.errors import NotFound
from ecolink_referrals.service_layer.ports import CaseDossier, DossierItem, SuspectedCase, SuspectedCasePage

LIST_SUSPECTED = RemoteMethod.of(
    case_service_pb2.DESCRIPTOR.services_by_name["CaseService"],
    "ListSuspectedCrimeCases",
    case_service_pb2.ListSuspectedCrimeCasesResponse,
)
GET_CASE_DOSSIER = RemoteMethod.of(
    case_service_pb2.DESCRIPTOR.services_by_name["CaseService"],
    "GetCaseDossier",
    case_service_pb2.GetCaseDossierResponse,
)


@dataclass(frozen=True)
class CasesClient:
    """The cases service at its endpoint (`REFERRALS_CASES_*`), over the platform's TLS."""

    client: ServiceClient

    def for_caller(self, authorization: Sequence[str]) -> CallerCases:
        return CallerCases(self.client, CallerCredentials(tuple(authorization)))


@dataclass(frozen=True)
class CallerCases:
    """The cases one caller may see."""

    client: ServiceClient
    credentials: CallerCredentials

    async def dossier(self, case: str) -> CaseDossier | None:
        try:
            response = await self.client.call(
                GET_CASE_DOSSIER,
                case_service_pb2.GetCaseDossierRequest(name=case),
                credentials=self.credentials,
                resource=case,
            )
        except NotFound:
            return None
        dossier = response.dossier
        return CaseDossier(
            case=dossier.case.name,
            handling_agency_id=dossier.case.handling_agency_id,
            state=case_pb2.CaseState.Name(dossier.case.state).removeprefix("CASE_STATE_").lower(),
            region_code=dossier.case.region_code,
            unit=dossier.case.unit,
            unit_display_name=dossier.case.unit_display_name,
            violation_type=dossier.case.violation_type,
            legal_basis=dossier.case.legal_basis,
            items=tuple(DossierItem(item.evidence, item.sha256) for item in dossier.evidence),
            summary=MessageToDict(dossier, preserving_proto_field_name=True),
        )

    async def page(self, *, page_size: int, page_token: str) -> SuspectedCasePage:
        request = case_service_pb2.ListSuspectedCrimeCasesRequest(page_size=page_size, page_token=page_token)
        response = await self.client.call(LIST_SUSPECTED, request, credentials=self.credentials, resource="cases")
        return SuspectedCasePage(
            cases=tuple(
                SuspectedCase(
                    case=case.name,
                    handling_agency_id=case.handling_agency_id,
                    unit=case.unit,
                    unit_display_name=case.unit_display_name,
                    criterion=case.suspected_crime.criterion,
                    criterion_description=case.suspected_crime.description,
                    marked_on=case.suspected_crime.marked_on,
                    state=case_pb2.CaseState.Name(case.state).removeprefix("CASE_STATE_").lower(),
                )
                for case in response.cases
            ),
            next_page_token=response.next_page_token,
        )
