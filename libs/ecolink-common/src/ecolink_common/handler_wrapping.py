"""Wraps every kind of grpc.aio method handler (unary or streaming) with one coroutine decorator."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import grpc

Behaviour = Callable[..., Any]
Guard = Callable[[grpc.aio.ServicerContext, str], Awaitable[None]]
Failure = Callable[[BaseException, grpc.aio.ServicerContext, str], Awaitable[None]]


def wrap_handler(
    handler: grpc.RpcMethodHandler, method: str, *, before: Guard | None = None, on_error: Failure | None = None
) -> grpc.RpcMethodHandler:
    """Returns a handler that awaits `before` ahead of the call and `on_error` when the call raises."""

    def unary(behaviour: Behaviour) -> Behaviour:
        async def call(request: Any, context: grpc.aio.ServicerContext) -> Any:
            try:
                if before:
                    await before(context, method)
                return await behaviour(request, context)
            except Exception as error:
                if on_error is None:
                    raise
                await on_error(error, context, method)
                raise

        return call

    def streaming(behaviour: Behaviour) -> Behaviour:
        async def call(request: Any, context: grpc.aio.ServicerContext) -> AsyncIterator[Any]:
            try:
                if before:
                    await before(context, method)
                async for response in behaviour(request, context):
                    yield response
            except Exception as error:
                if on_error is None:
                    raise
                await on_error(error, context, method)
                raise

        return call

    def responding(behaviour: Behaviour) -> Behaviour:
        # A streaming handler either yields its responses or awaits context.write(); wrap it in kind.
        return streaming(behaviour) if inspect.isasyncgenfunction(behaviour) else unary(behaviour)

    if handler.unary_unary:
        return grpc.unary_unary_rpc_method_handler(
            unary(handler.unary_unary), handler.request_deserializer, handler.response_serializer
        )
    if handler.stream_unary:
        return grpc.stream_unary_rpc_method_handler(
            unary(handler.stream_unary), handler.request_deserializer, handler.response_serializer
        )
    if handler.unary_stream:
        return grpc.unary_stream_rpc_method_handler(
            responding(handler.unary_stream), handler.request_deserializer, handler.response_serializer
        )
    if handler.stream_stream:
        return grpc.stream_stream_rpc_method_handler(
            responding(handler.stream_stream), handler.request_deserializer, handler.response_serializer
        )
    return handler
