"""CaseService: each method converts its request, calls one use case, and converts the result."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

import grpc

from ecolink.cases.v1 import case_service_pb2 as pb
from ecolink.cases.v1 import case_service_pb2_grpc
from ecolink_cases.api import case_convert as convert
from ecolink_cases.api.dossier_convert import dossier_to_proto
from ecolink_cases.api.measure_methods import SupportingMeasureMethods
from ecolink_cases.domain.legal_periods import LegalPeriods
from ecolink_cases.domain.lifecycle import Step
from ecolink_cases.service_layer import (
    case_approval,
    case_dossier,
    case_opening,
    case_reading,
    case_steps,
    document_keeping,
    hand_backs,
    suspected_crimes,
)
from ecolink_cases.service_layer.case_steps import StepFigures, TakeStep
from ecolink_cases.service_layer.case_view import CaseView
from ecolink_cases.service_layer.ports import AlertSource, EvidenceCatalog, UnitDirectory
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_cases.settings import CasesSettings
from ecolink_common.auth.principal import current_principal
from ecolink_common.calls.credentials import caller_authorization
from ecolink_common.paging import page_request

UnitsForCaller = Callable[[Sequence[str]], UnitDirectory]
AlertsForCaller = Callable[[Sequence[str]], AlertSource]
EvidenceForCaller = Callable[[Sequence[str]], EvidenceCatalog]
NO_FIGURES = StepFigures()


class CaseServicer(SupportingMeasureMethods, case_service_pb2_grpc.CaseServiceServicer):
    def __init__(
        self,
        uow_factory: Callable[[], CasesUnitOfWork],
        settings: CasesSettings,
        *,
        units_for: UnitsForCaller,
        alerts_for: AlertsForCaller,
        evidence_for: EvidenceForCaller,
        periods: LegalPeriods,
    ):
        self._uow = uow_factory
        self._settings = settings
        self._policy = settings.approval_policy()
        self._units_for = units_for
        self._alerts_for = alerts_for
        self._evidence_for = evidence_for
        self._periods = periods
        self._thresholds = settings.criminal_thresholds()

    async def _step(
        self, step: Step, request: Any, context: grpc.aio.ServicerContext, figures: StepFigures = NO_FIGURES
    ) -> CaseView:
        principal = current_principal()
        details = convert.step_details(request.details)
        command = TakeStep(
            case_id=convert.case_id_from_name(request.name),
            step=step,
            etag=request.etag,
            details=details,
            figures=figures,
            request=convert.request_key(
                principal.agency_id, step.value, request.details.request_id, request, "details.request_id"
            ),
        )
        evidence = self._evidence_for(caller_authorization(context))
        return await case_steps.take_step(
            self._uow(), principal, command, policy=self._policy, evidence=evidence, periods=self._periods
        )

    def _fen(self, value: int, field: str, *, positive: bool = False) -> int:
        return convert.fen(value, field, maximum=self._settings.max_fine_fen, positive=positive)

    async def CreateCase(
        self, request: pb.CreateCaseRequest, context: grpc.aio.ServicerContext
    ) -> pb.CreateCaseResponse:
        principal = current_principal()
        command = convert.open_case_command(request, principal.agency_id)
        authorization = caller_authorization(context)
        view = await case_opening.open_case(
            self._uow(), principal, command, self._units_for(authorization), self._alerts_for(authorization)
        )
        return pb.CreateCaseResponse(case=convert.case_to_proto(view))

    async def GetCase(self, request: pb.GetCaseRequest, context: grpc.aio.ServicerContext) -> pb.GetCaseResponse:
        view = await case_reading.get_case(self._uow(), current_principal(), convert.case_id_from_name(request.name))
        return pb.GetCaseResponse(case=convert.case_to_proto(view))

    async def GetCaseDossier(
        self, request: pb.GetCaseDossierRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetCaseDossierResponse:
        case_id = convert.case_id_from_name(request.name)
        dossier = await case_dossier.get_case_dossier(self._uow(), current_principal(), case_id)
        return pb.GetCaseDossierResponse(dossier=dossier_to_proto(dossier))

    async def RecordHandBack(
        self, request: pb.RecordHandBackRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordHandBackResponse:
        view = await hand_backs.record_hand_back(self._uow(), current_principal(), convert.hand_back_command(request))
        return pb.RecordHandBackResponse(case=convert.case_to_proto(view))

    async def MarkSuspectedCrime(
        self, request: pb.MarkSuspectedCrimeRequest, context: grpc.aio.ServicerContext
    ) -> pb.MarkSuspectedCrimeResponse:
        command = convert.suspected_crime_command(request)
        view = await suspected_crimes.mark_suspected_crime(self._uow(), current_principal(), command, self._thresholds)
        return pb.MarkSuspectedCrimeResponse(
            case=convert.described_suspicion(convert.case_to_proto(view), self._thresholds)
        )

    async def ListSuspectedCrimeCases(
        self, request: pb.ListSuspectedCrimeCasesRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListSuspectedCrimeCasesResponse:
        principal = current_principal()
        page = await suspected_crimes.list_suspected_crime_cases(
            self._uow(), principal, page_request(request, principal.agency_id)
        )
        cases = [convert.described_suspicion(convert.case_to_proto(CaseView(c)), self._thresholds) for c in page.items]
        return pb.ListSuspectedCrimeCasesResponse(cases=cases, next_page_token=page.next_page_token)

    async def ListCases(self, request: pb.ListCasesRequest, context: grpc.aio.ServicerContext) -> pb.ListCasesResponse:
        state = convert.STATES.get(request.state)
        principal = current_principal()
        page = await case_reading.list_cases(
            self._uow(), principal, page_request(request, principal.agency_id), state=state
        )
        return pb.ListCasesResponse(
            cases=[convert.case_to_proto(view) for view in page.items], next_page_token=page.next_page_token
        )

    async def ApproveCaseStep(
        self, request: pb.ApproveCaseStepRequest, context: grpc.aio.ServicerContext
    ) -> pb.ApproveCaseStepResponse:
        principal = current_principal()
        step = convert.approvable_step(request.step)
        view = await case_approval.approve_step(
            self._uow(),
            principal,
            case_id=convert.case_id_from_name(request.name),
            step=step,
            approver_officer_id=convert.optional_officer_id(request.approver_officer_id, "approver_officer_id"),
            opinion=convert.approval_opinion(request.opinion),
            etag=request.etag,
            policy=self._policy,
            request=convert.request_key(
                principal.agency_id, "ApproveCaseStep", request.request_id, request, "request_id"
            ),
        )
        return pb.ApproveCaseStepResponse(case=convert.case_to_proto(view))

    async def RegisterCase(
        self, request: pb.RegisterCaseRequest, context: grpc.aio.ServicerContext
    ) -> pb.RegisterCaseResponse:
        return pb.RegisterCaseResponse(case=convert.case_to_proto(await self._step(Step.REGISTER, request, context)))

    async def StartInvestigation(
        self, request: pb.StartInvestigationRequest, context: grpc.aio.ServicerContext
    ) -> pb.StartInvestigationResponse:
        view = await self._step(Step.START_INVESTIGATION, request, context)
        return pb.StartInvestigationResponse(case=convert.case_to_proto(view))

    async def RecordInvestigation(
        self, request: pb.RecordInvestigationRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordInvestigationResponse:
        view = await self._step(Step.RECORD_INVESTIGATION, request, context)
        return pb.RecordInvestigationResponse(case=convert.case_to_proto(view))

    async def SubmitForLegalReview(
        self, request: pb.SubmitForLegalReviewRequest, context: grpc.aio.ServicerContext
    ) -> pb.SubmitForLegalReviewResponse:
        view = await self._step(Step.SUBMIT_FOR_LEGAL_REVIEW, request, context)
        return pb.SubmitForLegalReviewResponse(case=convert.case_to_proto(view))

    async def NotifyIntendedPenalty(
        self, request: pb.NotifyIntendedPenaltyRequest, context: grpc.aio.ServicerContext
    ) -> pb.NotifyIntendedPenaltyResponse:
        figures = StepFigures(intended_fine_fen=self._fen(request.intended_fine_fen, "intended_fine_fen"))
        view = await self._step(Step.NOTIFY_INTENDED_PENALTY, request, context, figures)
        return pb.NotifyIntendedPenaltyResponse(case=convert.case_to_proto(view))

    async def RecordHearingApplication(
        self, request: pb.RecordHearingApplicationRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordHearingApplicationResponse:
        view = await self._step(Step.RECORD_HEARING_REQUEST, request, context)
        return pb.RecordHearingApplicationResponse(case=convert.case_to_proto(view))

    async def RecordHearing(
        self, request: pb.RecordHearingRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordHearingResponse:
        return pb.RecordHearingResponse(
            case=convert.case_to_proto(await self._step(Step.RECORD_HEARING, request, context))
        )

    async def DecideCase(
        self, request: pb.DecideCaseRequest, context: grpc.aio.ServicerContext
    ) -> pb.DecideCaseResponse:
        figures = convert.decision_figures(request, max_fine_fen=self._settings.max_fine_fen)
        view = await self._step(Step.DECIDE, request, context, figures)
        return pb.DecideCaseResponse(case=convert.case_to_proto(view))

    async def RecordService(
        self, request: pb.RecordServiceRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordServiceResponse:
        figures = StepFigures(service_method=convert.service_method(request.method))
        view = await self._step(Step.RECORD_SERVICE, request, context, figures)
        return pb.RecordServiceResponse(case=convert.case_to_proto(view))

    async def RecordPayment(
        self, request: pb.RecordPaymentRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordPaymentResponse:
        figures = StepFigures(amount_fen=self._fen(request.amount_fen, "amount_fen", positive=True))
        view = await self._step(Step.RECORD_PAYMENT, request, context, figures)
        return pb.RecordPaymentResponse(case=convert.case_to_proto(view))

    async def IssuePaymentReminder(
        self, request: pb.IssuePaymentReminderRequest, context: grpc.aio.ServicerContext
    ) -> pb.IssuePaymentReminderResponse:
        view = await self._step(Step.ISSUE_PAYMENT_REMINDER, request, context)
        return pb.IssuePaymentReminderResponse(case=convert.case_to_proto(view))

    async def RecordReminderService(
        self, request: pb.RecordReminderServiceRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordReminderServiceResponse:
        figures = StepFigures(service_method=convert.service_method(request.method))
        view = await self._step(Step.RECORD_REMINDER_SERVICE, request, context, figures)
        return pb.RecordReminderServiceResponse(case=convert.case_to_proto(view))

    async def ApplyToCourt(
        self, request: pb.ApplyToCourtRequest, context: grpc.aio.ServicerContext
    ) -> pb.ApplyToCourtResponse:
        view = await self._step(Step.APPLY_TO_COURT, request, context)
        return pb.ApplyToCourtResponse(case=convert.case_to_proto(view))

    async def CloseCase(self, request: pb.CloseCaseRequest, context: grpc.aio.ServicerContext) -> pb.CloseCaseResponse:
        return pb.CloseCaseResponse(case=convert.case_to_proto(await self._step(Step.CLOSE, request, context)))

    async def WithdrawCase(
        self, request: pb.WithdrawCaseRequest, context: grpc.aio.ServicerContext
    ) -> pb.WithdrawCaseResponse:
        return pb.WithdrawCaseResponse(case=convert.case_to_proto(await self._step(Step.WITHDRAW, request, context)))

    async def VoidDocument(
        self, request: pb.VoidDocumentRequest, context: grpc.aio.ServicerContext
    ) -> pb.VoidDocumentResponse:
        principal = current_principal()
        command = convert.void_request_to_command(request, principal.agency_id)
        document = await document_keeping.void_document(self._uow(), principal, command)
        return pb.VoidDocumentResponse(document=convert.document_to_proto(document))

    async def ListServedDocuments(
        self, request: pb.ListServedDocumentsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListServedDocumentsResponse:
        principal = current_principal()
        page = await document_keeping.list_served_documents(
            self._uow(), principal, page_request(request, principal.agency_id)
        )
        return pb.ListServedDocumentsResponse(
            documents=[convert.document_to_proto(d) for d in page.items], next_page_token=page.next_page_token
        )

    async def ListDocuments(
        self, request: pb.ListDocumentsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListDocumentsResponse:
        principal = current_principal()
        page = await case_reading.list_documents(
            self._uow(),
            principal,
            convert.document_query(request, principal.agency_id),
            page_request(request, principal.agency_id),
        )
        return pb.ListDocumentsResponse(
            documents=[convert.document_to_proto(d) for d in page.items], next_page_token=page.next_page_token
        )

    async def GetCaseStatistics(
        self, request: pb.GetCaseStatisticsRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetCaseStatisticsResponse:
        year = convert.year(request.year, "year")
        principal = current_principal()
        figures = await case_reading.case_statistics(
            self._uow(), principal, request.agency_id or principal.agency_id, year
        )
        return pb.GetCaseStatisticsResponse(**asdict(figures))

    async def ListDueActions(
        self, request: pb.ListDueActionsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListDueActionsResponse:
        actions = await case_reading.list_due_actions(
            self._uow(),
            current_principal(),
            as_of=convert.calendar_day(request.as_of, "as_of"),
            periods=self._periods,
            upcoming=request.include_upcoming,
            horizon=convert.horizon(request.horizon_days),
        )
        return pb.ListDueActionsResponse(actions=[convert.due_action_to_proto(a) for a in actions])
