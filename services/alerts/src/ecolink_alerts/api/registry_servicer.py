"""The RegistryService servicer: validate, convert, call the use case; no business rules here."""

from __future__ import annotations

from collections.abc import Callable

import grpc

from ecolink.alerts.v1 import registry_service_pb2 as pb
from ecolink.alerts.v1 import registry_service_pb2_grpc
from ecolink_alerts.api import convert, registry_convert
from ecolink_alerts.domain.device_passwords import DevicePasswords
from ecolink_alerts.service_layer import registration, registry_reading
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.auth.principal import current_principal
from ecolink_common.paging import page_request


class RegistryServicer(registry_service_pb2_grpc.RegistryServiceServicer):
    """The registry of automatic monitoring over gRPC."""

    def __init__(self, uow_factory: Callable[[], AlertsUnitOfWork], passwords: DevicePasswords):
        self._uow = uow_factory
        self._passwords = passwords

    async def CreateKeyUnit(
        self, request: pb.CreateKeyUnitRequest, context: grpc.aio.ServicerContext
    ) -> pb.CreateKeyUnitResponse:
        unit = await registration.create_key_unit(
            self._uow(),
            current_principal(),
            registry_convert.key_unit_from_proto(request.key_unit),
            request_id=request.request_id,
        )
        return pb.CreateKeyUnitResponse(key_unit=registry_convert.key_unit_to_proto(unit))

    async def GetKeyUnit(
        self, request: pb.GetKeyUnitRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetKeyUnitResponse:
        unit = await registry_reading.get_key_unit(
            self._uow(), current_principal(), convert.unit_id_from_name(request.name)
        )
        return pb.GetKeyUnitResponse(key_unit=registry_convert.key_unit_to_proto(unit))

    async def ListKeyUnits(
        self, request: pb.ListKeyUnitsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListKeyUnitsResponse:
        page = await registry_reading.list_key_units(
            self._uow(),
            current_principal(),
            within_region=convert.region_filter(request.region_code),
            page=page_request(request, current_principal().agency_id),
        )
        return pb.ListKeyUnitsResponse(
            key_units=[registry_convert.key_unit_to_proto(u) for u in page.items], next_page_token=page.next_page_token
        )

    async def UpdateKeyUnit(
        self, request: pb.UpdateKeyUnitRequest, context: grpc.aio.ServicerContext
    ) -> pb.UpdateKeyUnitResponse:
        unit = await registration.update_key_unit(
            self._uow(),
            current_principal(),
            convert.unit_id_from_name(request.key_unit.name, "key_unit.name"),
            registry_convert.key_unit_changes(request.key_unit, request.update_mask.paths),
        )
        return pb.UpdateKeyUnitResponse(key_unit=registry_convert.key_unit_to_proto(unit))

    async def CreateOutlet(
        self, request: pb.CreateOutletRequest, context: grpc.aio.ServicerContext
    ) -> pb.CreateOutletResponse:
        unit_id = convert.unit_id_from_name(request.parent, "parent")
        outlet = await registration.create_outlet(
            self._uow(),
            current_principal(),
            registry_convert.outlet_from_proto(unit_id, request.outlet),
            request_id=request.request_id,
        )
        return pb.CreateOutletResponse(outlet=registry_convert.outlet_to_proto(outlet))

    async def GetOutlet(self, request: pb.GetOutletRequest, context: grpc.aio.ServicerContext) -> pb.GetOutletResponse:
        unit_id, outlet_id = convert.outlet_key_from_name(request.name)
        outlet = await registry_reading.get_outlet(self._uow(), current_principal(), unit_id, outlet_id)
        return pb.GetOutletResponse(outlet=registry_convert.outlet_to_proto(outlet))

    async def ListOutlets(
        self, request: pb.ListOutletsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListOutletsResponse:
        page = await registry_reading.list_outlets(
            self._uow(),
            current_principal(),
            convert.unit_id_from_name(request.parent, "parent"),
            page=page_request(request, current_principal().agency_id),
        )
        return pb.ListOutletsResponse(
            outlets=[registry_convert.outlet_to_proto(o) for o in page.items], next_page_token=page.next_page_token
        )

    async def UpdateOutlet(
        self, request: pb.UpdateOutletRequest, context: grpc.aio.ServicerContext
    ) -> pb.UpdateOutletResponse:
        unit_id, outlet_id = convert.outlet_key_from_name(request.outlet.name, "outlet.name")
        outlet = await registration.update_outlet(
            self._uow(),
            current_principal(),
            unit_id,
            outlet_id,
            registry_convert.outlet_changes(request.outlet, request.update_mask.paths),
        )
        return pb.UpdateOutletResponse(outlet=registry_convert.outlet_to_proto(outlet))

    async def CreateDevice(
        self, request: pb.CreateDeviceRequest, context: grpc.aio.ServicerContext
    ) -> pb.CreateDeviceResponse:
        device = registry_convert.device_from_proto(request.device)
        device = await registration.create_device(
            self._uow(), current_principal(), device, request_id=request.request_id, passwords=self._passwords
        )
        return pb.CreateDeviceResponse(device=registry_convert.device_to_proto(device))

    async def GetDevice(self, request: pb.GetDeviceRequest, context: grpc.aio.ServicerContext) -> pb.GetDeviceResponse:
        device = await registry_reading.get_device(self._uow(), current_principal(), convert.mn_from_name(request.name))
        return pb.GetDeviceResponse(device=registry_convert.device_to_proto(device))

    async def ListDevices(
        self, request: pb.ListDevicesRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListDevicesResponse:
        page = await registry_reading.list_devices(
            self._uow(),
            current_principal(),
            unit_id=convert.unit_id_from_name(request.unit, "unit") if request.unit else "",
            page=page_request(request, current_principal().agency_id),
        )
        return pb.ListDevicesResponse(
            devices=[registry_convert.device_to_proto(d) for d in page.items], next_page_token=page.next_page_token
        )

    async def UpdateDevice(
        self, request: pb.UpdateDeviceRequest, context: grpc.aio.ServicerContext
    ) -> pb.UpdateDeviceResponse:
        device = await registration.update_device(
            self._uow(),
            current_principal(),
            convert.mn_from_name(request.device.name, "device.name"),
            registry_convert.device_changes(request.device, request.update_mask.paths),
            passwords=self._passwords,
        )
        return pb.UpdateDeviceResponse(device=registry_convert.device_to_proto(device))

    async def CreateVideoChannel(
        self, request: pb.CreateVideoChannelRequest, context: grpc.aio.ServicerContext
    ) -> pb.CreateVideoChannelResponse:
        unit_id = convert.unit_id_from_name(request.parent, "parent")
        channel = await registration.create_video_channel(
            self._uow(),
            current_principal(),
            registry_convert.video_channel_from_proto(unit_id, request.video_channel),
            request_id=request.request_id,
        )
        return pb.CreateVideoChannelResponse(video_channel=registry_convert.video_channel_to_proto(channel))

    async def ListVideoChannels(
        self, request: pb.ListVideoChannelsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListVideoChannelsResponse:
        page = await registry_reading.list_video_channels(
            self._uow(),
            current_principal(),
            convert.unit_id_from_name(request.parent, "parent"),
            page=page_request(request, current_principal().agency_id),
        )
        return pb.ListVideoChannelsResponse(
            video_channels=[registry_convert.video_channel_to_proto(c) for c in page.items],
            next_page_token=page.next_page_token,
        )
