"""Rescanning history with the online evaluators, in arrival order, so it yields the episodes online evaluation did."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.engine import EngineState, RuleEngine
from ecolink_alerts.domain.rules.events import Episode, RuleEvent, fold_episodes

T = TypeVar("T")


@dataclass(frozen=True)
class ComputedHours:
    """Hour values one roll-up computed from finer data, in DataTime order, and when it computed them."""

    computed_at: datetime
    readings: tuple[Reading, ...]


Item = Reading | PacketReceipt | ComputedHours
"""What the engine is fed, in arrival order."""


def arrival_order(readings: Iterable[Reading]) -> list[Reading]:
    """The order the engine expects: by arrival, then DataTime, data kind and factor. The service feeds each
    received batch in this order too, so that readings arriving together are judged the same way."""
    return sorted(readings, key=lambda r: (r.arrival, r.data_time, r.kind.value, r.factor))


def replay_order(
    readings: Iterable[Reading], packets: Iterable[PacketReceipt] = (), computed: Iterable[ComputedHours] = ()
) -> list[Item]:
    """Readings, packet receipts and computed hours merged by arrival; at the same instant a packet comes before its
    readings, and a roll-up's hours after what the devices sent."""
    items: list[tuple[datetime, int, Item]] = [(p.received_at, 0, p) for p in packets]
    items.extend((reading.arrival, 1, reading) for reading in arrival_order(readings))
    items.extend((hours.computed_at, 2, hours) for hours in computed)
    items.sort(key=lambda item: (item[0], item[1]))
    return [item for _, _, item in items]


def replay(engine: RuleEngine, state: EngineState, items: Iterable[Item]) -> tuple[EngineState, list[RuleEvent]]:
    """Feed readings, packet receipts and computed hours, in the given order, through the engine; readings that
    follow one another go in together."""
    events: list[RuleEvent] = []
    readings: list[Reading] = []
    for item in items:
        if isinstance(item, Reading):
            readings.append(item)
            continue
        if readings:
            state = _evaluated(engine, state, readings, events)
            readings = []
        if isinstance(item, PacketReceipt):
            state, found = engine.inspect_packet(state, item)
        else:
            state, found = engine.judge_computed_hours(state, item.readings)
        events.extend(found)
    return _evaluated(engine, state, readings, events) if readings else state, events


def _evaluated(engine: RuleEngine, state: EngineState, readings: list[Reading], events: list[RuleEvent]) -> EngineState:
    state, found = engine.evaluate_all(state, readings)
    events.extend(found)
    return state


def rescan(
    engine: RuleEngine,
    readings: Iterable[Reading],
    packets: Iterable[PacketReceipt] = (),
    until: datetime | None = None,
    computed: Iterable[ComputedHours] = (),
) -> list[Episode]:
    """The episodes of one device's stored readings, packet receipts and computed hours, replayed from an empty
    state.

    `until`, when given, is the end of the rescanned range: the clock is ticked to it, so a device still
    silent then is offline, as it was for the online evaluation.
    """
    state, events = replay(engine, engine.initial_state(), replay_order(readings, packets, computed))
    if until is not None:
        state, found = engine.tick(state, until)
        events.extend(found)
    _, found = engine.flush(state)
    events.extend(found)
    return fold_episodes(events)


def rescan_devices(
    engines: Mapping[str, RuleEngine],
    readings: Iterable[Reading],
    packets: Iterable[PacketReceipt] = (),
    until: datetime | None = None,
    computed: Mapping[str, Iterable[ComputedHours]] | None = None,
) -> list[Episode]:
    """`rescan` for several devices, each by the engine of its MN, with its computed hours by MN; data of an MN
    without an engine is refused."""
    readings_by_mn: dict[str, list[Reading]] = {mn: [] for mn in engines}
    packets_by_mn: dict[str, list[PacketReceipt]] = {mn: [] for mn in engines}
    for reading in readings:
        _device_list(readings_by_mn, reading.mn).append(reading)
    for packet in packets:
        _device_list(packets_by_mn, packet.mn).append(packet)
    computed = computed or {}
    if unknown := set(computed) - set(engines):
        raise KeyError(f"no rule engine for MN {sorted(unknown)[0]}")
    return [
        episode
        for mn, engine in sorted(engines.items())
        for episode in rescan(engine, readings_by_mn[mn], packets_by_mn[mn], until, computed.get(mn, ()))
    ]


def _device_list(by_mn: dict[str, list[T]], mn: str) -> list[T]:
    if mn not in by_mn:
        raise KeyError(f"no rule engine for MN {mn}")
    return by_mn[mn]
