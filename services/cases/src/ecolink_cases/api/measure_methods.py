"""The supporting-measure methods of CaseService (DOMAIN §3.1): sealing, its extension and lifting, production
restriction, the correction order and its re-inspection (daily continuous penalty), the detention hand-off."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import grpc

from ecolink.cases.v1 import case_service_pb2 as pb
from ecolink_cases.api import case_convert as convert
from ecolink_cases.domain.lifecycle import Step
from ecolink_cases.service_layer.case_steps import StepFigures
from ecolink_cases.service_layer.case_view import CaseView


class SupportingMeasureMethods:
    """Mixed into the CaseService servicer, whose `_step` takes each as a state-keeping step."""

    _step: Callable[..., Awaitable[CaseView]]

    async def OrderSealing(
        self, request: pb.OrderSealingRequest, context: grpc.aio.ServicerContext
    ) -> pb.OrderSealingResponse:
        figures = StepFigures(measure_days=convert.measure_days(request.days, "days"))
        view = await self._step(Step.ORDER_SEALING, request, context, figures)
        return pb.OrderSealingResponse(case=convert.case_to_proto(view))

    async def ExtendSealing(
        self, request: pb.ExtendSealingRequest, context: grpc.aio.ServicerContext
    ) -> pb.ExtendSealingResponse:
        figures = StepFigures(measure_days=convert.measure_days(request.extension_days, "extension_days"))
        view = await self._step(Step.EXTEND_SEALING, request, context, figures)
        return pb.ExtendSealingResponse(case=convert.case_to_proto(view))

    async def LiftSealing(
        self, request: pb.LiftSealingRequest, context: grpc.aio.ServicerContext
    ) -> pb.LiftSealingResponse:
        return pb.LiftSealingResponse(case=convert.case_to_proto(await self._step(Step.LIFT_SEALING, request, context)))

    async def RestrictProduction(
        self, request: pb.RestrictProductionRequest, context: grpc.aio.ServicerContext
    ) -> pb.RestrictProductionResponse:
        figures = StepFigures(measure_days=convert.measure_days(request.days, "days"))
        view = await self._step(Step.RESTRICT_PRODUCTION, request, context, figures)
        return pb.RestrictProductionResponse(case=convert.case_to_proto(view))

    async def OrderCorrection(
        self, request: pb.OrderCorrectionRequest, context: grpc.aio.ServicerContext
    ) -> pb.OrderCorrectionResponse:
        view = await self._step(Step.ORDER_CORRECTION, request, context)
        return pb.OrderCorrectionResponse(case=convert.case_to_proto(view))

    async def RecordReinspection(
        self, request: pb.RecordReinspectionRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordReinspectionResponse:
        figures = StepFigures(still_unmet=request.still_unmet)
        view = await self._step(Step.RECORD_REINSPECTION, request, context, figures)
        return pb.RecordReinspectionResponse(case=convert.case_to_proto(view))

    async def HandOffForDetention(
        self, request: pb.HandOffForDetentionRequest, context: grpc.aio.ServicerContext
    ) -> pb.HandOffForDetentionResponse:
        figures = StepFigures(police_agency_id=request.police_agency_id)
        view = await self._step(Step.HAND_OFF_FOR_DETENTION, request, context, figures)
        return pb.HandOffForDetentionResponse(case=convert.case_to_proto(view))
