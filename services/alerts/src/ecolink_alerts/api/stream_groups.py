"""Read-ahead groups of a client stream: what arrived while the previous group was handled is handled together."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class _ReadAhead(Generic[T]):
    """Messages read from the stream and not yet taken, at most `limit` by size (one message may exceed it)."""

    def __init__(self, limit: int, size: Callable[[T], int]) -> None:
        self.limit = limit
        self.size = size
        self.messages: deque[T] = deque()
        self.held = 0
        self.finished = False
        self.error: BaseException | None = None
        self.changed = asyncio.Condition()

    async def read(self, stream: AsyncIterator[T]) -> None:
        try:
            async for message in stream:
                async with self.changed:
                    await self.changed.wait_for(lambda: self.held < self.limit)
                    self.messages.append(message)
                    self.held += self.size(message)
                    self.changed.notify_all()
        except Exception as error:
            self.error = error
        finally:
            async with self.changed:
                self.finished = True
                self.changed.notify_all()

    async def take(self) -> list[T]:
        """The messages read so far, up to `limit` by size (at least one); empty once the stream ended."""
        async with self.changed:
            await self.changed.wait_for(lambda: bool(self.messages) or self.finished)
            group: list[T] = []
            taken = 0
            while self.messages and (not group or taken + self.size(self.messages[0]) <= self.limit):
                message = self.messages.popleft()
                group.append(message)
                taken += self.size(message)
            self.held -= taken
            self.changed.notify_all()
            if not group and self.error is not None:
                raise self.error
            return group


async def read_ahead_groups(
    stream: AsyncIterator[T], *, limit: int, size: Callable[[T], int]
) -> AsyncGenerator[list[T], None]:
    """The stream's messages in order, in groups: each group holds what was read while the caller handled the
    previous one, at most `limit` by `size` (a larger message comes alone). A quiet stream yields one message at a
    time; a busy one, few large groups. Reading goes on meanwhile, up to `limit` ahead; an error of the stream is
    raised after the messages read before it."""
    ahead: _ReadAhead[T] = _ReadAhead(limit, size)
    reader = asyncio.create_task(ahead.read(stream))
    try:
        while group := await ahead.take():
            yield group
    finally:
        reader.cancel()
