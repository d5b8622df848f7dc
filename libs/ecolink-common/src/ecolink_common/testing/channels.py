"""Stubs of a started service for tests: one channel to its target, the stubs asked for, the channel closed after."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TYPE_CHECKING, Any, TypeVar, overload

import grpc

if TYPE_CHECKING:
    from ecolink_common.testing.platform import ServiceUnderTest

First = TypeVar("First")
Second = TypeVar("Second")
Third = TypeVar("Third")
Fourth = TypeVar("Fourth")
# A generated `*Stub` class: built from a channel.
Stub = Callable[[Any], First]


@overload
def stubs(service: ServiceUnderTest | str, first: Stub[First], /) -> AbstractAsyncContextManager[First]: ...
@overload
def stubs(
    service: ServiceUnderTest | str, first: Stub[First], second: Stub[Second], /
) -> AbstractAsyncContextManager[tuple[First, Second]]: ...
@overload
def stubs(
    service: ServiceUnderTest | str, first: Stub[First], second: Stub[Second], third: Stub[Third], /
) -> AbstractAsyncContextManager[tuple[First, Second, Third]]: ...
@overload
def stubs(
    service: ServiceUnderTest | str,
    first: Stub[First],
    second: Stub[Second],
    third: Stub[Third],
    fourth: Stub[Fourth],
    /,
) -> AbstractAsyncContextManager[tuple[First, Second, Third, Fourth]]: ...
@overload
def stubs(service: ServiceUnderTest | str, *stub_types: Stub[Any]) -> AbstractAsyncContextManager[tuple[Any, ...]]: ...
def stubs(service: ServiceUnderTest | str, *stub_types: Stub[Any]) -> AbstractAsyncContextManager[Any]:
    """`async with stubs(service, AlertServiceStub) as alerts:`, or with several types a tuple of their stubs in
    order, all over one insecure channel to the service (or to a `host:port`)."""
    return _stubs(service if isinstance(service, str) else service.target, stub_types)


@asynccontextmanager
async def _stubs(target: str, stub_types: tuple[Stub[Any], ...]) -> AsyncIterator[Any]:
    async with grpc.aio.insecure_channel(target) as channel:
        opened = tuple(stub_type(channel) for stub_type in stub_types)
        yield opened[0] if len(opened) == 1 else opened
