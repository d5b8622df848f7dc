"""Read-ahead groups of a stream: order kept, groups bounded, a quiet stream one message at a time, errors last."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing

import pytest

from ecolink_alerts.api.stream_groups import read_ahead_groups


async def arriving(messages: list[list[int]], pause: float = 0.0) -> AsyncIterator[list[int]]:
    for message in messages:
        if pause:
            await asyncio.sleep(pause)
        yield message


async def grouped(stream: AsyncIterator[list[int]], limit: int, handling: float = 0.0) -> list[list[list[int]]]:
    groups = []
    async for group in read_ahead_groups(stream, limit=limit, size=len):
        groups.append(group)
        await asyncio.sleep(handling)
    return groups


async def test_what_arrives_while_a_group_is_handled_comes_together_in_order_within_the_limit() -> None:
    messages = [[index] * 3 for index in range(10)]
    groups = await grouped(arriving(messages), limit=9, handling=0.01)
    assert [message for group in groups for message in group] == messages
    assert all(sum(map(len, group)) <= 9 for group in groups)
    assert max(len(group) for group in groups) == 3


async def test_a_quiet_stream_is_handled_one_message_at_a_time() -> None:
    messages = [[1], [2], [3]]
    assert await grouped(arriving(messages, pause=0.01), limit=100) == [[[1]], [[2]], [[3]]]


async def test_a_message_larger_than_the_limit_comes_alone() -> None:
    messages = [[1], [2] * 10, [3]]
    groups = await grouped(arriving(messages), limit=4, handling=0.01)
    assert [message for group in groups for message in group] == messages
    assert [[2] * 10] in groups


async def test_an_error_of_the_stream_comes_after_the_messages_read_before_it() -> None:
    async def failing() -> AsyncIterator[list[int]]:
        yield [1]
        yield [2]
        raise ConnectionResetError("client went away")

    seen: list[list[int]] = []
    with pytest.raises(ConnectionResetError):
        async for group in read_ahead_groups(failing(), limit=10, size=len):
            seen.extend(group)
    assert seen == [[1], [2]]


async def test_leaving_early_stops_the_reading() -> None:
    read: list[int] = []

    async def endless() -> AsyncIterator[list[int]]:
        index = 0
        while True:
            read.append(index)
            yield [index]
            index += 1
            await asyncio.sleep(0)

    async with aclosing(read_ahead_groups(endless(), limit=1000, size=len)) as groups:
        async for _group in groups:
            break
    settled = len(read)
    await asyncio.sleep(0.05)
    assert len(read) == settled
