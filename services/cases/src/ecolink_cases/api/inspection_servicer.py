"""InspectionService: each method converts its request, calls one credit or draw use case, and converts the result."""

from __future__ import annotations

from collections.abc import Callable

import grpc

from ecolink.cases.v1 import inspection_service_pb2 as pb
from ecolink.cases.v1 import inspection_service_pb2_grpc
from ecolink_cases.api import inspection_convert as convert
from ecolink_cases.api.case_convert import calendar_day
from ecolink_cases.api.case_servicer import UnitsForCaller
from ecolink_cases.domain.credit_settings import InspectionDrawSettings
from ecolink_cases.service_layer import credit_grading, inspection_draws
from ecolink_cases.service_layer.credit_grading import CreditRulebook
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.auth.principal import current_principal
from ecolink_common.calls.credentials import caller_authorization
from ecolink_common.paging import page_request


class InspectionServicer(inspection_service_pb2_grpc.InspectionServiceServicer):
    def __init__(
        self,
        uow_factory: Callable[[], CasesUnitOfWork],
        *,
        rulebook: CreditRulebook,
        draw_settings: InspectionDrawSettings,
        units_for: UnitsForCaller,
    ):
        self._uow = uow_factory
        self._rulebook = rulebook
        self._draw_settings = draw_settings
        self._units_for = units_for

    async def RecordCreditFinding(
        self, request: pb.RecordCreditFindingRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordCreditFindingResponse:
        graded = await credit_grading.record_finding(
            self._uow(),
            current_principal(),
            self._units_for(caller_authorization(context)),
            convert.unit_id_from_name(request.unit),
            convert.finding(request.finding),
            self._rulebook,
        )
        return pb.RecordCreditFindingResponse(credit=convert.credit_to_proto(graded, self._rulebook.rules))

    async def GetUnitCredit(
        self, request: pb.GetUnitCreditRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetUnitCreditResponse:
        graded = await credit_grading.unit_credit(
            self._uow(),
            self._units_for(caller_authorization(context)),
            convert.unit_id_from_name(request.unit),
            self._rulebook,
            calendar_day(request.as_of, "as_of"),
        )
        return pb.GetUnitCreditResponse(credit=convert.credit_to_proto(graded, self._rulebook.rules))

    async def ListUnitCredits(
        self, request: pb.ListUnitCreditsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListUnitCreditsResponse:
        region = convert.region_code(request.region_code)
        assert region is not None
        graded = await credit_grading.region_credits(
            self._uow(),
            self._units_for(caller_authorization(context)),
            region,
            self._rulebook,
            calendar_day(request.as_of, "as_of"),
        )
        return pb.ListUnitCreditsResponse(
            credits=[convert.credit_to_proto(unit, self._rulebook.rules) for unit in graded],
            positive_list_candidates=[unit.unit.unit_id for unit in graded if unit.grade.positive_list_eligible],
        )

    async def RunInspectionDraw(
        self, request: pb.RunInspectionDrawRequest, context: grpc.aio.ServicerContext
    ) -> pb.RunInspectionDrawResponse:
        principal = current_principal()
        published = await inspection_draws.run_draw(
            self._uow(),
            principal,
            convert.run_draw_command(request, principal.agency_id),
            self._units_for(caller_authorization(context)),
            self._rulebook,
            self._draw_settings,
        )
        return pb.RunInspectionDrawResponse(draw=convert.draw_to_proto(published))

    async def GetInspectionDraw(
        self, request: pb.GetInspectionDrawRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetInspectionDrawResponse:
        published = await inspection_draws.get_draw(self._uow(), convert.draw_id_from_name(request.name))
        return pb.GetInspectionDrawResponse(draw=convert.draw_to_proto(published))

    async def ListInspectionDraws(
        self, request: pb.ListInspectionDrawsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListInspectionDrawsResponse:
        principal = current_principal()
        page = await inspection_draws.list_draws(
            self._uow(),
            convert.region_code(request.region_code, required=False),
            page_request(request, principal.agency_id),
        )
        return pb.ListInspectionDrawsResponse(
            draws=[convert.draw_to_proto(item) for item in page.items], next_page_token=page.next_page_token
        )

    async def VerifyInspectionDraw(
        self, request: pb.VerifyInspectionDrawRequest, context: grpc.aio.ServicerContext
    ) -> pb.VerifyInspectionDrawResponse:
        check = await inspection_draws.check_draw(self._uow(), convert.draw_id_from_name(request.name))
        return pb.VerifyInspectionDrawResponse(
            matches=not check.mismatches, mismatches=check.mismatches, algorithm=check.algorithm
        )
