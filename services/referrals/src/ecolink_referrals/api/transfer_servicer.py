"""TransferService: each method converts its request, calls one use case, and converts the result."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

import grpc

from ecolink.referrals.v1 import transfer_service_pb2 as pb
from ecolink.referrals.v1 import transfer_service_pb2_grpc
from ecolink_common.auth.principal import current_principal
from ecolink_common.calls.credentials import caller_authorization
from ecolink_common.clock import Clock
from ecolink_common.errors import InvalidArgument
from ecolink_common.paging import page_request, page_size
from ecolink_referrals.api import request_convert as convert
from ecolink_referrals.api.transfer_proto import deadline_to_proto, record_to_proto, transfer_to_proto
from ecolink_referrals.domain.lifecycle import Step
from ecolink_referrals.service_layer import (
    transfer_decisions,
    transfer_reading,
    transfer_reporting,
    transfer_sending,
    untransferred_suspects,
)
from ecolink_referrals.service_layer.ports import DossiersForCaller, EvidenceHandover, RecordSigner, SuspectedCases
from ecolink_referrals.service_layer.transfer_steps import StepContext, TakeStep
from ecolink_referrals.service_layer.transfer_view import TransferView
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork
from ecolink_referrals.settings import ReferralsSettings

EvidenceForCaller = Callable[[Sequence[str]], EvidenceHandover]
SuspectsForCaller = Callable[[Sequence[str]], SuspectedCases]


class TransferServicer(transfer_service_pb2_grpc.TransferServiceServicer):
    def __init__(
        self,
        uow_factory: Callable[[], ReferralsUnitOfWork],
        settings: ReferralsSettings,
        clock: Clock,
        *,
        dossiers_for: DossiersForCaller,
        evidence_for: EvidenceForCaller,
        suspects_for: SuspectsForCaller,
        signer: RecordSigner,
    ):
        self._uow = uow_factory
        self._clock = clock
        self._grant_days = settings.grant_days
        self._dossiers_for = dossiers_for
        self._evidence_for = evidence_for
        self._suspects_for = suspects_for
        self._signer = signer
        self._context = StepContext(periods=settings.periods(), signer=signer)

    def _sending(self, context: grpc.aio.ServicerContext) -> transfer_sending.Sending:
        authorization = caller_authorization(context)
        return transfer_sending.Sending(
            self._dossiers_for(authorization), self._evidence_for(authorization), self._grant_days
        )

    def _transfer(self, view: TransferView) -> Any:
        return transfer_to_proto(view, self._clock.now())

    async def _decision(self, step: Step, request: Any) -> Any:
        principal = current_principal()
        decision = convert.decision_command(request, step, principal.agency_id)
        view = await transfer_decisions.decide(self._uow(), principal, decision, self._context)
        return self._transfer(view)

    async def TransferCase(
        self, request: pb.TransferCaseRequest, context: grpc.aio.ServicerContext
    ) -> pb.TransferCaseResponse:
        principal = current_principal()
        command = convert.report_command(request, principal.agency_id)
        view = await transfer_reporting.report_transfer(
            self._uow(), principal, command, self._sending(context), self._context
        )
        return pb.TransferCaseResponse(transfer=self._transfer(view))

    async def ApproveTransfer(
        self, request: pb.ApproveTransferRequest, context: grpc.aio.ServicerContext
    ) -> pb.ApproveTransferResponse:
        principal = current_principal()
        command = convert.approval_command(request, principal.agency_id)
        view = await transfer_sending.decide_approval(
            self._uow(), principal, command, self._sending(context), self._context
        )
        return pb.ApproveTransferResponse(transfer=self._transfer(view))

    async def ResendTransfer(
        self, request: pb.ResendTransferRequest, context: grpc.aio.ServicerContext
    ) -> pb.ResendTransferResponse:
        principal = current_principal()
        command = convert.resend_command(request, principal.agency_id)
        view = await transfer_sending.resend_transfer(
            self._uow(), principal, command, self._sending(context), self._context
        )
        return pb.ResendTransferResponse(transfer=self._transfer(view))

    async def WithdrawTransfer(
        self, request: pb.WithdrawTransferRequest, context: grpc.aio.ServicerContext
    ) -> pb.WithdrawTransferResponse:
        principal = current_principal()
        decision = convert.decision_command(request, Step.WITHDRAW, principal.agency_id)
        take = TakeStep(decision.transfer_id, Step.WITHDRAW, decision.etag, decision.details)
        view = await transfer_sending.withdraw_transfer(
            self._uow(), principal, take, self._sending(context), self._context
        )
        return pb.WithdrawTransferResponse(transfer=self._transfer(view))

    async def ReceiveTransfer(
        self, request: pb.ReceiveTransferRequest, context: grpc.aio.ServicerContext
    ) -> pb.ReceiveTransferResponse:
        return pb.ReceiveTransferResponse(transfer=await self._decision(Step.RECEIVE, request))

    async def ForwardTransfer(
        self, request: pb.ForwardTransferRequest, context: grpc.aio.ServicerContext
    ) -> pb.ForwardTransferResponse:
        return pb.ForwardTransferResponse(transfer=await self._decision(Step.FORWARD, request))

    async def AcceptTransfer(
        self, request: pb.AcceptTransferRequest, context: grpc.aio.ServicerContext
    ) -> pb.AcceptTransferResponse:
        return pb.AcceptTransferResponse(transfer=await self._decision(Step.ACCEPT, request))

    async def ReturnTransfer(
        self, request: pb.ReturnTransferRequest, context: grpc.aio.ServicerContext
    ) -> pb.ReturnTransferResponse:
        return pb.ReturnTransferResponse(transfer=await self._decision(Step.RETURN, request))

    async def FileCriminalCase(
        self, request: pb.FileCriminalCaseRequest, context: grpc.aio.ServicerContext
    ) -> pb.FileCriminalCaseResponse:
        return pb.FileCriminalCaseResponse(transfer=await self._decision(Step.FILE, request))

    async def DeclineToFile(
        self, request: pb.DeclineToFileRequest, context: grpc.aio.ServicerContext
    ) -> pb.DeclineToFileResponse:
        return pb.DeclineToFileResponse(transfer=await self._decision(Step.DECLINE, request))

    async def RequestReconsideration(
        self, request: pb.RequestReconsiderationRequest, context: grpc.aio.ServicerContext
    ) -> pb.RequestReconsiderationResponse:
        return pb.RequestReconsiderationResponse(transfer=await self._decision(Step.REQUEST_RECONSIDERATION, request))

    async def DecideReconsideration(
        self, request: pb.DecideReconsiderationRequest, context: grpc.aio.ServicerContext
    ) -> pb.DecideReconsiderationResponse:
        step = Step.RECONSIDER_AND_FILE if request.file else Step.UPHOLD_DECLINE
        return pb.DecideReconsiderationResponse(transfer=await self._decision(step, request))

    async def OpenSupervision(
        self, request: pb.OpenSupervisionRequest, context: grpc.aio.ServicerContext
    ) -> pb.OpenSupervisionResponse:
        return pb.OpenSupervisionResponse(transfer=await self._decision(Step.OPEN_SUPERVISION, request))

    async def AnswerSupervision(
        self, request: pb.AnswerSupervisionRequest, context: grpc.aio.ServicerContext
    ) -> pb.AnswerSupervisionResponse:
        return pb.AnswerSupervisionResponse(transfer=await self._decision(Step.ANSWER_SUPERVISION, request))

    async def CloseSupervision(
        self, request: pb.CloseSupervisionRequest, context: grpc.aio.ServicerContext
    ) -> pb.CloseSupervisionResponse:
        return pb.CloseSupervisionResponse(transfer=await self._decision(Step.CLOSE_SUPERVISION, request))

    async def RecordProsecution(
        self, request: pb.RecordProsecutionRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordProsecutionResponse:
        step = Step.PROSECUTE if request.prosecuted else Step.NOT_PROSECUTE
        return pb.RecordProsecutionResponse(transfer=await self._decision(step, request))

    async def RecordJudgment(
        self, request: pb.RecordJudgmentRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordJudgmentResponse:
        return pb.RecordJudgmentResponse(transfer=await self._decision(Step.RECORD_JUDGMENT, request))

    async def ReverseTransfer(
        self, request: pb.ReverseTransferRequest, context: grpc.aio.ServicerContext
    ) -> pb.ReverseTransferResponse:
        return pb.ReverseTransferResponse(transfer=await self._decision(Step.REVERSE, request))

    async def GetTransfer(
        self, request: pb.GetTransferRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetTransferResponse:
        transfer_id = convert.transfer_id_from_name(request.name)
        view = await transfer_reading.get_transfer(self._uow(), current_principal(), transfer_id)
        return pb.GetTransferResponse(transfer=self._transfer(view))

    async def ListTransfers(
        self, request: pb.ListTransfersRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListTransfersResponse:
        principal = current_principal()
        if request.since_watermark < 0:
            raise InvalidArgument.for_field("since_watermark", "0 or a watermark an earlier answer gave")
        changed = await transfer_reading.list_transfers(
            self._uow(),
            principal,
            page_request(request, principal.agency_id),
            since_watermark=request.since_watermark,
            state=convert.STATES.optional_from_proto(request.state, "state"),
        )
        now = self._clock.now()
        return pb.ListTransfersResponse(
            transfers=[transfer_to_proto(TransferView(t), now) for t in changed.page.items],
            next_page_token=changed.page.next_page_token,
            watermark=changed.watermark,
        )

    async def ListTransferRecords(
        self, request: pb.ListTransferRecordsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListTransferRecordsResponse:
        transfer_id = convert.transfer_id_from_name(request.name)
        records = await transfer_reading.transfer_records(self._uow(), current_principal(), transfer_id)
        return pb.ListTransferRecordsResponse(
            records=[record_to_proto(record) for record in records], public_key_pem=self._signer.public_key_pem()
        )

    async def ListTransferDueActions(
        self, request: pb.ListTransferDueActionsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListTransferDueActionsResponse:
        actions = await transfer_reading.due_actions(self._uow(), current_principal(), include_met=request.include_met)
        now = self._clock.now()
        return pb.ListTransferDueActionsResponse(
            actions=[
                pb.TransferDueAction(
                    transfer=action.transfer.name,
                    number=action.transfer.number,
                    deadline=deadline_to_proto(action.deadline, now),
                )
                for action in actions
            ]
        )

    async def GetTransferStatistics(
        self, request: pb.GetTransferStatisticsRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetTransferStatisticsResponse:
        principal = current_principal()
        agency_id, year = convert.statistics_query(request, principal.agency_id)
        figures = await transfer_reading.transfer_statistics(self._uow(), principal, agency_id, year)
        return pb.GetTransferStatisticsResponse(**asdict(figures))

    async def ListUntransferredSuspects(
        self, request: pb.ListUntransferredSuspectsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListUntransferredSuspectsResponse:
        principal = current_principal()
        page = await untransferred_suspects.untransferred_suspects(
            self._uow(),
            principal,
            self._suspects_for(caller_authorization(context)),
            page_size=page_size(request.page_size),
            page_token=request.page_token,
        )
        return pb.ListUntransferredSuspectsResponse(
            suspects=[
                pb.UntransferredSuspect(
                    case=item.case.case,
                    handling_agency_id=item.case.handling_agency_id,
                    unit=item.case.unit,
                    unit_display_name=item.case.unit_display_name,
                    criterion=item.case.criterion,
                    criterion_description=item.case.criterion_description,
                    marked_on=item.case.marked_on,
                    case_state=item.case.state,
                    pending_transfer=item.pending_transfer,
                )
                for item in page.suspects
            ],
            next_page_token=page.next_page_token,
        )
