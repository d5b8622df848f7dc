"""BasinService: basin incidents (DOMAIN §4.5, issue 14); each method converts, calls one use case, converts back."""

from __future__ import annotations

from collections.abc import Callable

import grpc

from ecolink.referrals.v1 import basin_service_pb2 as pb
from ecolink.referrals.v1 import basin_service_pb2_grpc
from ecolink_common.auth.principal import current_principal
from ecolink_common.clock import Clock
from ecolink_common.directory import AgencyLevel
from ecolink_common.paging import page_request
from ecolink_referrals.api import basin_convert as convert
from ecolink_referrals.api import basin_task_convert as task_convert
from ecolink_referrals.domain.basin_agreements import BasinAgreements
from ecolink_referrals.service_layer import basin_drills, basin_incidents, basin_tasks
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork


class BasinServicer(basin_service_pb2_grpc.BasinServiceServicer):
    def __init__(self, uow: Callable[[], ReferralsUnitOfWork], agreements: BasinAgreements, clock: Clock):
        self._uow = uow
        self._agreements = agreements
        self._clock = clock

    async def ListBasinAgreements(
        self, request: pb.ListBasinAgreementsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListBasinAgreementsResponse:
        principal = current_principal()
        if principal.agency.level is AgencyLevel.PROVINCE:
            agreements = self._agreements.agreements
        else:
            agreements = self._agreements.of_agency(principal.agency_id)
        return pb.ListBasinAgreementsResponse(agreements=[convert.agreement_to_proto(a) for a in agreements])

    async def ReportIncident(
        self, request: pb.ReportIncidentRequest, context: grpc.aio.ServicerContext
    ) -> pb.ReportIncidentResponse:
        principal = current_principal()
        command = convert.report_command(request, principal.agency_id, self._clock.now())
        view = await basin_incidents.report_incident(self._uow(), principal, command, self._agreements)
        return pb.ReportIncidentResponse(incident=convert.incident_to_proto(view))

    async def GetIncident(
        self, request: pb.GetIncidentRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetIncidentResponse:
        view = await basin_incidents.get_incident(self._uow(), current_principal(), convert.incident_id(request.name))
        return pb.GetIncidentResponse(incident=convert.incident_to_proto(view))

    async def ListIncidents(
        self, request: pb.ListIncidentsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListIncidentsResponse:
        principal = current_principal()
        changed = await basin_incidents.list_incidents(
            self._uow(),
            principal,
            page_request(request, principal.agency_id),
            since_watermark=max(request.since_watermark, 0),
        )
        return pb.ListIncidentsResponse(
            incidents=[convert.incident_to_proto(view) for view in changed.page.items],
            next_page_token=changed.page.next_page_token,
            watermark=changed.watermark,
        )

    async def AcknowledgeIncident(
        self, request: pb.AcknowledgeIncidentRequest, context: grpc.aio.ServicerContext
    ) -> pb.AcknowledgeIncidentResponse:
        incident = convert.incident_id(request.name)
        view = await basin_incidents.acknowledge_incident(self._uow(), current_principal(), incident)
        return pb.AcknowledgeIncidentResponse(incident=convert.incident_to_proto(view))

    async def ReportMeasures(
        self, request: pb.ReportMeasuresRequest, context: grpc.aio.ServicerContext
    ) -> pb.ReportMeasuresResponse:
        command = convert.measures_command(request)
        view = await basin_incidents.report_measures(self._uow(), current_principal(), command)
        return pb.ReportMeasuresResponse(incident=convert.incident_to_proto(view))

    async def CloseIncident(
        self, request: pb.CloseIncidentRequest, context: grpc.aio.ServicerContext
    ) -> pb.CloseIncidentResponse:
        incident, note = convert.incident_id(request.name), convert.close_note(request)
        view = await basin_incidents.close_incident(self._uow(), current_principal(), incident, note)
        return pb.CloseIncidentResponse(incident=convert.incident_to_proto(view))

    async def ScheduleDrill(
        self, request: pb.ScheduleDrillRequest, context: grpc.aio.ServicerContext
    ) -> pb.ScheduleDrillResponse:
        principal = current_principal()
        command = convert.drill_command(request, principal.agency_id)
        view = await basin_drills.schedule_drill(self._uow(), principal, command, self._agreements)
        return pb.ScheduleDrillResponse(incident=convert.incident_to_proto(view))

    async def GetDrillReport(
        self, request: pb.GetDrillReportRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetDrillReportResponse:
        incident = convert.incident_id(request.name)
        report = await basin_drills.get_drill_report(self._uow(), current_principal(), incident)
        return convert.drill_report_to_proto(f"incidents/{incident}", report)

    async def AssignJointTask(
        self, request: pb.AssignJointTaskRequest, context: grpc.aio.ServicerContext
    ) -> pb.AssignJointTaskResponse:
        agreement, new = task_convert.assign_command(request)
        task = await basin_tasks.assign_task(self._uow(), current_principal(), agreement, new, self._agreements)
        return pb.AssignJointTaskResponse(task=task_convert.task_to_proto(task, self._clock.now()))

    async def GetJointTask(
        self, request: pb.GetJointTaskRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetJointTaskResponse:
        task = await basin_tasks.get_task(self._uow(), current_principal(), task_convert.task_id(request.name))
        return pb.GetJointTaskResponse(task=task_convert.task_to_proto(task, self._clock.now()))

    async def ListJointTasks(
        self, request: pb.ListJointTasksRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListJointTasksResponse:
        principal = current_principal()
        page = await basin_tasks.list_tasks(self._uow(), principal, page_request(request, principal.agency_id))
        now = self._clock.now()
        return pb.ListJointTasksResponse(
            tasks=[task_convert.task_to_proto(task, now) for task in page.items],
            next_page_token=page.next_page_token,
        )

    async def ReportJointTask(
        self, request: pb.ReportJointTaskRequest, context: grpc.aio.ServicerContext
    ) -> pb.ReportJointTaskResponse:
        command = task_convert.report_command(request)
        task = await basin_tasks.report_task(self._uow(), current_principal(), command, self._agreements)
        return pb.ReportJointTaskResponse(task=task_convert.task_to_proto(task, self._clock.now()))

    async def RecordJointMeeting(
        self, request: pb.RecordJointMeetingRequest, context: grpc.aio.ServicerContext
    ) -> pb.RecordJointMeetingResponse:
        command = task_convert.meeting_command(request)
        meeting, tasks = await basin_tasks.record_meeting(self._uow(), current_principal(), command, self._agreements)
        now = self._clock.now()
        return pb.RecordJointMeetingResponse(
            meeting=task_convert.meeting_to_proto(meeting), tasks=[task_convert.task_to_proto(t, now) for t in tasks]
        )

    async def GetJointMeeting(
        self, request: pb.GetJointMeetingRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetJointMeetingResponse:
        meeting_id = task_convert.meeting_id(request.name)
        meeting = await basin_tasks.get_meeting(self._uow(), current_principal(), meeting_id)
        return pb.GetJointMeetingResponse(meeting=task_convert.meeting_to_proto(meeting))
