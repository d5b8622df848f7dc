from ecolink.alerts.v1 import registry_pb2 as _registry_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateKeyUnitRequest(_message.Message):
    __slots__ = ("key_unit", "request_id")
    KEY_UNIT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    key_unit: _registry_pb2.KeyUnit
    request_id: str
    def __init__(self, key_unit: _Optional[_Union[_registry_pb2.KeyUnit, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateKeyUnitResponse(_message.Message):
    __slots__ = ("key_unit",)
    KEY_UNIT_FIELD_NUMBER: _ClassVar[int]
    key_unit: _registry_pb2.KeyUnit
    def __init__(self, key_unit: _Optional[_Union[_registry_pb2.KeyUnit, _Mapping]] = ...) -> None: ...

class GetKeyUnitRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetKeyUnitResponse(_message.Message):
    __slots__ = ("key_unit",)
    KEY_UNIT_FIELD_NUMBER: _ClassVar[int]
    key_unit: _registry_pb2.KeyUnit
    def __init__(self, key_unit: _Optional[_Union[_registry_pb2.KeyUnit, _Mapping]] = ...) -> None: ...

class ListKeyUnitsRequest(_message.Message):
    __slots__ = ("region_code", "page_size", "page_token")
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    region_code: str
    page_size: int
    page_token: str
    def __init__(self, region_code: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListKeyUnitsResponse(_message.Message):
    __slots__ = ("key_units", "next_page_token")
    KEY_UNITS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    key_units: _containers.RepeatedCompositeFieldContainer[_registry_pb2.KeyUnit]
    next_page_token: str
    def __init__(self, key_units: _Optional[_Iterable[_Union[_registry_pb2.KeyUnit, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateKeyUnitRequest(_message.Message):
    __slots__ = ("key_unit", "update_mask")
    KEY_UNIT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    key_unit: _registry_pb2.KeyUnit
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, key_unit: _Optional[_Union[_registry_pb2.KeyUnit, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateKeyUnitResponse(_message.Message):
    __slots__ = ("key_unit",)
    KEY_UNIT_FIELD_NUMBER: _ClassVar[int]
    key_unit: _registry_pb2.KeyUnit
    def __init__(self, key_unit: _Optional[_Union[_registry_pb2.KeyUnit, _Mapping]] = ...) -> None: ...

class CreateOutletRequest(_message.Message):
    __slots__ = ("parent", "outlet", "request_id")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    outlet: _registry_pb2.Outlet
    request_id: str
    def __init__(self, parent: _Optional[str] = ..., outlet: _Optional[_Union[_registry_pb2.Outlet, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateOutletResponse(_message.Message):
    __slots__ = ("outlet",)
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    outlet: _registry_pb2.Outlet
    def __init__(self, outlet: _Optional[_Union[_registry_pb2.Outlet, _Mapping]] = ...) -> None: ...

class GetOutletRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetOutletResponse(_message.Message):
    __slots__ = ("outlet",)
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    outlet: _registry_pb2.Outlet
    def __init__(self, outlet: _Optional[_Union[_registry_pb2.Outlet, _Mapping]] = ...) -> None: ...

class ListOutletsRequest(_message.Message):
    __slots__ = ("parent", "page_size", "page_token")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    parent: str
    page_size: int
    page_token: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListOutletsResponse(_message.Message):
    __slots__ = ("outlets", "next_page_token")
    OUTLETS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    outlets: _containers.RepeatedCompositeFieldContainer[_registry_pb2.Outlet]
    next_page_token: str
    def __init__(self, outlets: _Optional[_Iterable[_Union[_registry_pb2.Outlet, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateOutletRequest(_message.Message):
    __slots__ = ("outlet", "update_mask")
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    outlet: _registry_pb2.Outlet
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, outlet: _Optional[_Union[_registry_pb2.Outlet, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateOutletResponse(_message.Message):
    __slots__ = ("outlet",)
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    outlet: _registry_pb2.Outlet
    def __init__(self, outlet: _Optional[_Union[_registry_pb2.Outlet, _Mapping]] = ...) -> None: ...

class CreateDeviceRequest(_message.Message):
    __slots__ = ("device", "request_id")
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    device: _registry_pb2.Device
    request_id: str
    def __init__(self, device: _Optional[_Union[_registry_pb2.Device, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateDeviceResponse(_message.Message):
    __slots__ = ("device",)
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    device: _registry_pb2.Device
    def __init__(self, device: _Optional[_Union[_registry_pb2.Device, _Mapping]] = ...) -> None: ...

class GetDeviceRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetDeviceResponse(_message.Message):
    __slots__ = ("device",)
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    device: _registry_pb2.Device
    def __init__(self, device: _Optional[_Union[_registry_pb2.Device, _Mapping]] = ...) -> None: ...

class ListDevicesRequest(_message.Message):
    __slots__ = ("unit", "page_size", "page_token")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    unit: str
    page_size: int
    page_token: str
    def __init__(self, unit: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListDevicesResponse(_message.Message):
    __slots__ = ("devices", "next_page_token")
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    devices: _containers.RepeatedCompositeFieldContainer[_registry_pb2.Device]
    next_page_token: str
    def __init__(self, devices: _Optional[_Iterable[_Union[_registry_pb2.Device, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateDeviceRequest(_message.Message):
    __slots__ = ("device", "update_mask")
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    device: _registry_pb2.Device
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, device: _Optional[_Union[_registry_pb2.Device, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateDeviceResponse(_message.Message):
    __slots__ = ("device",)
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    device: _registry_pb2.Device
    def __init__(self, device: _Optional[_Union[_registry_pb2.Device, _Mapping]] = ...) -> None: ...

class CreateVideoChannelRequest(_message.Message):
    __slots__ = ("parent", "video_channel", "request_id")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    VIDEO_CHANNEL_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    parent: str
    video_channel: _registry_pb2.VideoChannel
    request_id: str
    def __init__(self, parent: _Optional[str] = ..., video_channel: _Optional[_Union[_registry_pb2.VideoChannel, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class CreateVideoChannelResponse(_message.Message):
    __slots__ = ("video_channel",)
    VIDEO_CHANNEL_FIELD_NUMBER: _ClassVar[int]
    video_channel: _registry_pb2.VideoChannel
    def __init__(self, video_channel: _Optional[_Union[_registry_pb2.VideoChannel, _Mapping]] = ...) -> None: ...

class ListVideoChannelsRequest(_message.Message):
    __slots__ = ("parent", "page_size", "page_token")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    parent: str
    page_size: int
    page_token: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListVideoChannelsResponse(_message.Message):
    __slots__ = ("video_channels", "next_page_token")
    VIDEO_CHANNELS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    video_channels: _containers.RepeatedCompositeFieldContainer[_registry_pb2.VideoChannel]
    next_page_token: str
    def __init__(self, video_channels: _Optional[_Iterable[_Union[_registry_pb2.VideoChannel, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
