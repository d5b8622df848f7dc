"""Drives the Lingbi county case of the issue's walk-through through the API, step by step, for tests (and benchmarks)
that need a case at a given stage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ecolink.cases.v1 import case_pb2, case_service_pb2
from ecolink.cases.v1 import case_service_pb2_grpc as stubs

COUNTY = "eeb-341323"  # 宿州市灵璧县生态环境分局, handles the case
CITY = "eeb-341300"  # 宿州市生态环境局, approves registration and decision
COUNTY_OFFICERS = ("off-341323-01", "off-341323-02")
CITY_OFFICER = "off-341300-01"
FINE_FEN = 220_000_00


def details(*officers: str, on: str = "", note: str = "", request_id: str = "") -> case_service_pb2.StepDetails:
    return case_service_pb2.StepDetails(
        officer_ids=list(officers or COUNTY_OFFICERS[:1]), occurred_on=on, note=note, request_id=request_id
    )


class Credentials(Protocol):
    """The metadata of a call as an agency: a ServiceUnderTest's, or a benchmark's for a service in another process."""

    def metadata(self, agency_id: str) -> list[tuple[str, str]]: ...


@dataclass
class CaseWalk:
    """One case driven through the API as the county and the city would."""

    stub: stubs.CaseServiceStub
    service: Credentials
    case: case_pb2.Case | None = None

    def as_agency(self, agency: str) -> list[tuple[str, str]]:
        return self.service.metadata(agency)

    @property
    def name(self) -> str:
        assert self.case is not None
        return self.case.name

    async def create(self, request_id: str = "", *, alert: str = "", agency: str = COUNTY) -> case_pb2.Case:
        """Opens the case, from `alert` (`alerts/{id}`) when given, else as a manual clue."""
        request = case_service_pb2.CreateCaseRequest(
            case=case_pb2.Case(
                unit="units/lingbi-jiancai",
                source=case_pb2.CLUE_SOURCE_MONITORING_ALERT if alert else case_pb2.CLUE_SOURCE_MANUAL,
                source_ref=alert,
                violation_type="篡改自动监控数据 falsified automatic monitoring data",
                legal_basis="《中华人民共和国大气污染防治法》第九十九条",
                handling_officer_ids=list(COUNTY_OFFICERS if agency == COUNTY else (CITY_OFFICER,)),
            ),
            request_id=request_id,
        )
        self.case = (await self.stub.CreateCase(request, metadata=self.as_agency(agency))).case
        return self.case

    async def approve(self, step: str) -> case_pb2.Case:
        request = case_service_pb2.ApproveCaseStepRequest(
            name=self.name, step=step, approver_officer_id=CITY_OFFICER, opinion="同意 approved"
        )
        self.case = (await self.stub.ApproveCaseStep(request, metadata=self.as_agency(CITY))).case
        return self.case

    async def step(self, rpc: str, /, **fields: object) -> case_pb2.Case:
        request_type = getattr(case_service_pb2, f"{rpc}Request")
        fields.setdefault("details", details())
        request = request_type(name=self.name, etag=self.case.etag if self.case else "", **fields)
        self.case = (await getattr(self.stub, rpc)(request, metadata=self.as_agency(COUNTY))).case
        return self.case

    async def to_legal_review(self) -> case_pb2.Case:
        await self.create()
        await self.approve("RegisterCase")
        await self.step("RegisterCase")
        await self.step("StartInvestigation")
        await self.step("RecordInvestigation", details=details(*COUNTY_OFFICERS, note="现场检查 on-site inspection"))
        return await self.step("SubmitForLegalReview")

    async def to_decided(self, fine_fen: int = FINE_FEN) -> case_pb2.Case:
        await self.to_legal_review()
        await self.step("NotifyIntendedPenalty", intended_fine_fen=fine_fen)
        await self.approve("DecideCase")
        return await self.step("DecideCase", outcome=case_pb2.DECISION_OUTCOME_PENALTY, fine_fen=fine_fen)
