"""The IdentityService servicer: validate, convert, call the use case; no business rules here."""

from __future__ import annotations

from collections.abc import Callable

import grpc

from ecolink.common.v1 import identity_service_pb2, identity_service_pb2_grpc
from ecolink_common.auth.principal import current_principal
from ecolink_common.directory_snapshot import DirectoryCache
from ecolink_common.identity import convert, handlers
from ecolink_common.paging import page_request
from ecolink_common.unit_of_work import UnitOfWork


class IdentityServicer(identity_service_pb2_grpc.IdentityServiceServicer):
    """Answers who the caller is and reads the directory."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], directory: DirectoryCache):
        self._uow = uow_factory
        self._directory = directory

    async def WhoAmI(
        self, request: identity_service_pb2.WhoAmIRequest, context: grpc.aio.ServicerContext
    ) -> identity_service_pb2.WhoAmIResponse:
        return convert.who_am_i_to_proto(await handlers.who_am_i(self._directory, current_principal()))

    async def GetAgency(
        self, request: identity_service_pb2.GetAgencyRequest, context: grpc.aio.ServicerContext
    ) -> identity_service_pb2.GetAgencyResponse:
        agency_id = convert.agency_id_from_name(request.name)
        agency = await handlers.get_agency(self._uow(), current_principal(), agency_id)
        return identity_service_pb2.GetAgencyResponse(agency=convert.agency_to_proto(agency))

    async def ListAgencies(
        self, request: identity_service_pb2.ListAgenciesRequest, context: grpc.aio.ServicerContext
    ) -> identity_service_pb2.ListAgenciesResponse:
        page = await handlers.list_agencies(
            self._uow(),
            current_principal(),
            page=page_request(request, current_principal().agency_id),
            kind=convert.kind_filter(request.kind),
            region=convert.region_filter(request.region_code),
        )
        return identity_service_pb2.ListAgenciesResponse(
            agencies=[convert.agency_to_proto(agency) for agency in page.items],
            next_page_token=page.next_page_token,
        )
