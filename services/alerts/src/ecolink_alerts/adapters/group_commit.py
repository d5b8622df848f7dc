"""Group commit: items submitted while one transaction runs are stored together in the next one."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

Item = TypeVar("Item")


class GroupCommit(Generic[Item]):
    """`submit` returns once its item is committed, or raises what storing it raised.

    One transaction runs at a time; whatever arrives meanwhile waits and goes into the next one (up to
    `max_items`), so an idle system commits each item at once and a busy one commits many per round trip.
    When a group fails, each of its items is stored alone, so one bad item only fails itself.
    """

    def __init__(self, store: Callable[[Sequence[Item]], Awaitable[None]], *, max_items: int) -> None:
        self._store = store
        self._max_items = max_items
        self._waiting: list[tuple[Item, asyncio.Future[None]]] = []
        self._committer: asyncio.Task[None] | None = None

    async def submit(self, item: Item) -> None:
        committed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, committed))
        if self._committer is None or self._committer.done():
            self._committer = asyncio.create_task(self._commit_waiting())
        await committed

    async def _commit_waiting(self) -> None:
        while self._waiting:
            group = self._waiting[: self._max_items]
            del self._waiting[: self._max_items]
            try:
                await self._store([item for item, _ in group])
            except Exception as error:
                if len(group) == 1:
                    _settle(group[0][1], error)
                    continue
                log.warning("group commit of %d items failed (%r); storing them one by one", len(group), error)
                for item, committed in group:
                    try:
                        await self._store([item])
                    except Exception as alone:
                        _settle(committed, alone)
                    else:
                        _settle(committed, None)
            else:
                for _, committed in group:
                    _settle(committed, None)


def _settle(committed: asyncio.Future[None], error: Exception | None) -> None:
    """Resolves a submitter's future unless the submitter gave up (its connection closed or the gateway stopped)."""
    if committed.done():
        return
    if error is None:
        committed.set_result(None)
    else:
        committed.set_exception(error)
