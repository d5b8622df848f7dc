"""The GradingService servicer: validate, convert, call the use case; no business rules here."""

from __future__ import annotations

from collections.abc import Callable

import grpc

from ecolink.alerts.v1 import grading_service_pb2, grading_service_pb2_grpc
from ecolink_alerts.api import grading_convert
from ecolink_alerts.service_layer import grade_reading
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.auth.principal import current_principal
from ecolink_common.paging import page_request


class GradingServicer(grading_service_pb2_grpc.GradingServiceServicer):
    """Exceedance grades and derived means over gRPC."""

    def __init__(self, uow_factory: Callable[[], AlertsUnitOfWork]):
        self._uow = uow_factory

    async def ListExceedanceGrades(
        self, request: grading_service_pb2.ListExceedanceGradesRequest, context: grpc.aio.ServicerContext
    ) -> grading_service_pb2.ListExceedanceGradesResponse:
        page = await grade_reading.list_grades(
            self._uow(),
            current_principal(),
            grading_convert.grade_filter_from_proto(request),
            page=page_request(request, current_principal().agency_id),
        )
        return grading_service_pb2.ListExceedanceGradesResponse(
            exceedance_grades=[grading_convert.exceedance_grade_to_proto(grade) for grade in page.items],
            next_page_token=page.next_page_token,
        )

    async def ListDerivedMeans(
        self, request: grading_service_pb2.ListDerivedMeansRequest, context: grpc.aio.ServicerContext
    ) -> grading_service_pb2.ListDerivedMeansResponse:
        page = await grade_reading.list_derived_means(
            self._uow(),
            current_principal(),
            grading_convert.mean_filter_from_proto(request),
            page=page_request(request, current_principal().agency_id),
        )
        return grading_service_pb2.ListDerivedMeansResponse(
            derived_means=[grading_convert.derived_mean_to_proto(mean) for mean in page.items],
            next_page_token=page.next_page_token,
        )
