import datetime

from ecolink.common.v1 import agency_pb2 as _agency_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WhoAmIRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class WhoAmIResponse(_message.Message):
    __slots__ = ("agency", "token_expire_time", "authentication_method", "directory_version")
    AGENCY_FIELD_NUMBER: _ClassVar[int]
    TOKEN_EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    AUTHENTICATION_METHOD_FIELD_NUMBER: _ClassVar[int]
    DIRECTORY_VERSION_FIELD_NUMBER: _ClassVar[int]
    agency: _agency_pb2.Agency
    token_expire_time: _timestamp_pb2.Timestamp
    authentication_method: str
    directory_version: str
    def __init__(self, agency: _Optional[_Union[_agency_pb2.Agency, _Mapping]] = ..., token_expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., authentication_method: _Optional[str] = ..., directory_version: _Optional[str] = ...) -> None: ...

class GetAgencyRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetAgencyResponse(_message.Message):
    __slots__ = ("agency",)
    AGENCY_FIELD_NUMBER: _ClassVar[int]
    agency: _agency_pb2.Agency
    def __init__(self, agency: _Optional[_Union[_agency_pb2.Agency, _Mapping]] = ...) -> None: ...

class ListAgenciesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "kind", "region_code")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    REGION_CODE_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    kind: _agency_pb2.AgencyKind
    region_code: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., kind: _Optional[_Union[_agency_pb2.AgencyKind, str]] = ..., region_code: _Optional[str] = ...) -> None: ...

class ListAgenciesResponse(_message.Message):
    __slots__ = ("agencies", "next_page_token")
    AGENCIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    agencies: _containers.RepeatedCompositeFieldContainer[_agency_pb2.Agency]
    next_page_token: str
    def __init__(self, agencies: _Optional[_Iterable[_Union[_agency_pb2.Agency, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
