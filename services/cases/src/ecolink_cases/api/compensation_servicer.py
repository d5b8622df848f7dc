"""CompensationService (DOMAIN §3.5): each method converts its request, calls one use case, and converts the result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc

from ecolink.cases.v1 import compensation_service_pb2 as pb
from ecolink.cases.v1 import compensation_service_pb2_grpc
from ecolink_cases.api import case_convert
from ecolink_cases.api import compensation_convert as convert
from ecolink_cases.api.case_servicer import EvidenceForCaller
from ecolink_cases.domain.compensation import CompensationFacts, CompensationStep
from ecolink_cases.service_layer import compensation_cases, compensation_steps
from ecolink_cases.service_layer.compensation_steps import TakeCompensationStep
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_cases.settings import CasesSettings
from ecolink_common.auth.principal import current_principal
from ecolink_common.calls.credentials import caller_authorization
from ecolink_common.paging import page_request

NO_FACTS = CompensationFacts()
Message = Any


class CompensationServicer(compensation_service_pb2_grpc.CompensationServiceServicer):
    def __init__(
        self, uow_factory: Callable[[], CasesUnitOfWork], settings: CasesSettings, *, evidence_for: EvidenceForCaller
    ):
        self._uow = uow_factory
        self._settings = settings
        self._evidence_for = evidence_for

    async def _step(
        self,
        step: CompensationStep,
        request: Message,
        context: grpc.aio.ServicerContext,
        facts: CompensationFacts = NO_FACTS,
        joined_cases: tuple[str, ...] = (),
    ) -> Message:
        """The compensation case after `step`, as a message."""
        principal = current_principal()
        compensation_id = convert.compensation_id_from_name(request.name)
        command = TakeCompensationStep(
            compensation_id=compensation_id,
            step=step,
            etag=request.etag,
            details=case_convert.step_details(request.details),
            facts=facts,
            joined_ids=convert.joined_ids(joined_cases, compensation_id),
            request=case_convert.request_key(
                principal.agency_id, step.value, request.details.request_id, request, "details.request_id"
            ),
        )
        evidence = self._evidence_for(caller_authorization(context))
        view = await compensation_steps.take_compensation_step(self._uow(), principal, command, evidence=evidence)
        return convert.compensation_to_proto(view)

    async def OpenCompensationCase(
        self, request: pb.OpenCompensationCaseRequest, context: grpc.aio.ServicerContext
    ) -> pb.OpenCompensationCaseResponse:
        principal = current_principal()
        key = case_convert.request_key(
            principal.agency_id, "OpenCompensationCase", request.request_id, request, "request_id"
        )
        view = await compensation_cases.open_compensation_case(
            self._uow(), principal, convert.penalty_case_id(request.penalty_case), key
        )
        return pb.OpenCompensationCaseResponse(compensation_case=convert.compensation_to_proto(view))

    async def GetCompensationCase(
        self, request: pb.GetCompensationCaseRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetCompensationCaseResponse:
        view = await compensation_cases.get_compensation_case(
            self._uow(), current_principal(), convert.compensation_id_from_name(request.name)
        )
        return pb.GetCompensationCaseResponse(compensation_case=convert.compensation_to_proto(view))

    async def ListCompensationCases(
        self, request: pb.ListCompensationCasesRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListCompensationCasesResponse:
        state = convert.STATES.optional_from_proto(request.state, "state")
        principal = current_principal()
        page = await compensation_cases.list_compensation_cases(
            self._uow(), principal, page_request(request, principal.agency_id), state=state
        )
        return pb.ListCompensationCasesResponse(
            compensation_cases=[convert.compensation_to_proto(view) for view in page.items],
            next_page_token=page.next_page_token,
        )

    async def StartCompensationInvestigation(
        self, request: pb.StartCompensationInvestigationRequest, context: grpc.aio.ServicerContext
    ) -> pb.StartCompensationInvestigationResponse:
        case = await self._step(CompensationStep.START_INVESTIGATION, request, context)
        return pb.StartCompensationInvestigationResponse(compensation_case=case)

    async def RecordAppraisal(
        self, request: pb.RecordAppraisalRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordAppraisalResponse:
        facts = convert.appraisal_facts(request, maximum=self._settings.max_compensation_fen)
        case = await self._step(CompensationStep.RECORD_APPRAISAL, request, context, facts)
        return pb.RecordAppraisalResponse(compensation_case=case)

    async def RecordConsultation(
        self, request: pb.RecordConsultationRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordConsultationResponse:
        facts = CompensationFacts(parties=convert.parties(request.parties))
        case = await self._step(
            CompensationStep.RECORD_CONSULTATION, request, context, facts, tuple(request.joined_cases)
        )
        return pb.RecordConsultationResponse(compensation_case=case)

    async def ConcludeAgreement(
        self, request: pb.ConcludeAgreementRequest, context: grpc.aio.ServicerContext
    ) -> pb.ConcludeAgreementResponse:
        facts = convert.agreement_facts(request, maximum=self._settings.max_compensation_fen)
        case = await self._step(CompensationStep.CONCLUDE_AGREEMENT, request, context, facts)
        return pb.ConcludeAgreementResponse(compensation_case=case)

    async def RecordRestoration(
        self, request: pb.RecordRestorationRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordRestorationResponse:
        case = await self._step(CompensationStep.RECORD_RESTORATION, request, context)
        return pb.RecordRestorationResponse(compensation_case=case)

    async def RecordCompensationPayment(
        self, request: pb.RecordCompensationPaymentRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordCompensationPaymentResponse:
        facts = CompensationFacts(
            amount_fen=convert.compensation_fen(
                request.amount_fen, "amount_fen", maximum=self._settings.max_compensation_fen
            )
        )
        case = await self._step(CompensationStep.RECORD_PAYMENT, request, context, facts)
        return pb.RecordCompensationPaymentResponse(compensation_case=case)

    async def CloseCompensationCase(
        self, request: pb.CloseCompensationCaseRequest, context: grpc.aio.ServicerContext
    ) -> pb.CloseCompensationCaseResponse:
        case = await self._step(CompensationStep.CLOSE, request, context)
        return pb.CloseCompensationCaseResponse(compensation_case=case)
