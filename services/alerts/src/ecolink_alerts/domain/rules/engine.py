"""The rule engine of one device (MN): every rule of every series it sends, with explicit, persistable state."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Annotated, Any

from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.readings import DataKind, FactorLimits, Reading, SeriesKey
from ecolink_alerts.domain.record_run import RecordRun
from ecolink_alerts.domain.rules.catalogue import STATE_TYPES, series_rules
from ecolink_alerts.domain.rules.events import RuleEvent
from ecolink_alerts.domain.rules.flag_abuse import CalibrationWindow
from ecolink_alerts.domain.rules.observation import FactorColumn, Observation, SeriesRule
from ecolink_alerts.domain.rules.offline import OfflineRule, OfflineState
from ecolink_alerts.domain.rules.process import ProcessState, observe_process
from ecolink_alerts.domain.rules.protocol import protocol_integrity_rule
from ecolink_alerts.domain.rules.run import RunState
from ecolink_alerts.domain.rules.state_codec import StateCodec, Tagged
from ecolink_alerts.domain.rules.time_anomalies import future_data_time_rule, is_future, malformed_qn_rule
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.domain.validity import NO_LIMITS, is_valid


@dataclass(frozen=True)
class DeviceProfile:
    """What the registry knows of a device that the rules need: its outlet, limits, thresholds, declarations."""

    mn: str
    unit_id: str
    outlet_id: str
    limits: Mapping[str, FactorLimits] = field(default_factory=dict)
    thresholds: RuleThresholds = field(default_factory=RuleThresholds)
    calibration_windows: tuple[CalibrationWindow, ...] | None = None


RULE_STATES = Tagged(*STATE_TYPES)
"""What a series rule remembers: the state of one of the rules of the catalogue."""


@dataclass(frozen=True)
class KindState:
    """One data kind of the device: the record waiting to be judged, the last judged DataTime, the flow history,
    the future-DataTime rule and every factor's rule states (factor → rule id → state)."""

    pending: tuple[Reading, ...] = ()
    pending_arrival: datetime | None = None
    last_judged: datetime | None = None
    process: ProcessState = field(default_factory=ProcessState)
    future: RunState = field(default_factory=RunState)
    series: Mapping[str, Mapping[str, Annotated[object, RULE_STATES]]] = field(default_factory=dict)

    def with_pending(self, pending: tuple[Reading, ...], arrival: datetime | None) -> KindState:
        return KindState(pending, arrival, self.last_judged, self.process, self.future, self.series)

    def with_future(self, future: RunState) -> KindState:
        return KindState(self.pending, self.pending_arrival, self.last_judged, self.process, future, self.series)


@dataclass(frozen=True)
class EngineState:
    """Everything the engine remembers of one device between two calls."""

    kinds: Mapping[DataKind, KindState] = field(default_factory=dict)
    offline: OfflineState = field(default_factory=OfflineState)
    malformed_qn: RunState = field(default_factory=RunState)
    protocol: RunState = field(default_factory=RunState)


Step = tuple[EngineState, list[RuleEvent]]

STATE_CODEC = StateCodec(EngineState)
"""Built once: collecting the state types reads every annotation."""


class RuleEngine:
    """Feeds one device's readings and packets, in arrival order, through every rule that applies.

    Readings of one record (same data kind and DataTime) are judged together once the record is complete: when a
    later DataTime arrives, when nothing came for `frame_settle`, or on `flush`. A reading older than the last
    judged record of its kind (a back-filled upload) is not judged again online; a rescan in arrival order skips
    it the same way. Readings dated in the future (C12) only feed C12, so they cannot hold back later records.
    """

    def __init__(self, profile: DeviceProfile) -> None:
        self.profile = profile
        device = profile.thresholds.device
        self.evidence_limit = device.engine.evidence_limit
        self.offline = OfflineRule(
            SeriesKey(profile.unit_id, profile.outlet_id, profile.mn), device.offline, self.evidence_limit
        )
        self.future = future_data_time_rule(device.time, self.evidence_limit)
        self.malformed_qn = malformed_qn_rule(device.time, self.evidence_limit)
        self.protocol = protocol_integrity_rule(device.protocol, self.evidence_limit)
        self._rules: dict[tuple[str, DataKind], tuple[tuple[str, SeriesRule], ...]] = {}

    def initial_state(self) -> EngineState:
        return EngineState()

    def evaluate(self, state: EngineState, reading: Reading) -> Step:
        """One reading received: offline and future-time checks at once, the other rules when its record is."""
        return self.evaluate_all(state, (reading,))

    def evaluate_all(self, state: EngineState, readings: Iterable[Reading]) -> Step:
        """`evaluate` over readings in arrival order; the state of the device is built once, at the end."""
        events: list[RuleEvent] = []
        kinds = dict(state.kinds)
        offline = state.offline
        time_thresholds = self.profile.thresholds.device.time
        for reading in readings:
            self._check_device(reading.mn)
            offline, arrived = self.offline.arrive(offline, reading, reading.arrival)
            events.extend(arrived)
            kind_state = kinds.get(reading.kind) or KindState()
            future, future_events = self.future.evaluate(kind_state.future, reading)
            events.extend(future_events)
            if not is_future(reading, time_thresholds):
                kind_state, judged = self._accept(kind_state, reading)
                events.extend(judged)
            kinds[reading.kind] = kind_state if future is kind_state.future else kind_state.with_future(future)
        return EngineState(kinds, offline, state.malformed_qn, state.protocol), events

    def evaluate_run(self, state: EngineState, run: RecordRun) -> Step | None:
        """`evaluate_all` of the run's readings in arrival order, done by columns; None when it cannot be shown
        cheaply that the run raises no event beyond its arrival (C10) and the judging of the record waiting
        before it. Then the caller evaluates the readings one by one.

        Shown when: the kind is not hourly (whose flow history every record moves), nothing of the run is late or
        dated in the future and no future-DataTime episode is open, and every rule of every factor fast-forwards.
        """
        kind_state = state.kinds.get(run.kind) or KindState()
        data_times = run.columns.data_times
        pending, last_judged = kind_state.pending, kind_state.last_judged
        if (
            run.kind is DataKind.HOURLY
            or kind_state.future != RunState()
            or data_times[-1] - run.received_at > self.profile.thresholds.device.time.max_future
            or (pending and pending[0].data_time >= data_times[0])
            or (last_judged is not None and last_judged >= data_times[0])
        ):
            return None
        opening = run.first[0]
        self._check_device(opening.mn)
        offline, events = self.offline.arrive(state.offline, opening, run.received_at)
        kind_state, judged = self._accept(kind_state, opening)
        events.extend(judged)
        series = dict(kind_state.series)
        if len(data_times) > 1:
            columns = run.judged_columns()
            for factor in run.factors:
                key = SeriesKey(self.profile.unit_id, self.profile.outlet_id, self.profile.mn, run.kind, factor)
                column = FactorColumn(key, factor, self.profile.limits.get(factor, NO_LIMITS), columns)
                rule_states = dict(series.get(factor, {}))
                for rule_id, rule in self._series_rules(factor, run.kind):
                    previous = rule_states.get(rule_id)
                    forwarded = rule.fast_forward(rule.initial_state() if previous is None else previous, column)
                    if forwarded is None:
                        return None
                    rule_states[rule_id] = forwarded
                series[factor] = rule_states
            last_judged = data_times[-2]
        else:
            last_judged = kind_state.last_judged
        moved = KindState(run.last, run.received_at, last_judged, kind_state.process, kind_state.future, series)
        return EngineState({**state.kinds, run.kind: moved}, offline, state.malformed_qn, state.protocol), events

    def judge_computed_hours(self, state: EngineState, readings: Iterable[Reading]) -> Step:
        """Hour values the roll-up computed from finer data, in DataTime order (ANOMALY_RULES notation: an hour
        value is a 2061 `-Avg` or an hour computed from 2051/2011): judged like device-sent hour values, but they
        are no arrival of the device (C10) and never dated in the future (C12)."""
        events: list[RuleEvent] = []
        hourly = state.kinds.get(DataKind.HOURLY, KindState())
        for reading in readings:
            self._check_device(reading.mn)
            if reading.kind is not DataKind.HOURLY:
                raise ValueError(f"a computed hour value must be of kind 2061, got {reading.kind.value}")
            hourly, judged = self._accept(hourly, reading)
            events.extend(judged)
        return replace(state, kinds={**state.kinds, DataKind.HOURLY: hourly}), events

    def inspect_packet(self, state: EngineState, receipt: PacketReceipt) -> Step:
        """One packet received: an arrival for C10, its QN for C12, its framing for C13 (only C13 for a packet the
        device may not have sent)."""
        self._check_device(receipt.mn)
        protocol, protocol_events = self.protocol.evaluate(state.protocol, receipt)
        if not receipt.from_device:
            return replace(state, protocol=protocol), protocol_events
        offline, events = self.offline.arrive(state.offline, receipt, receipt.received_at)
        malformed_qn, qn_events = self.malformed_qn.evaluate(state.malformed_qn, receipt)
        events.extend((*qn_events, *protocol_events))
        return replace(state, offline=offline, malformed_qn=malformed_qn, protocol=protocol), events

    def tick(self, state: EngineState, now: datetime) -> Step:
        """The clock reached `now`: open offline episodes and judge records that have settled."""
        offline, events = self.offline.tick(state.offline, now)
        settle = self.profile.thresholds.device.engine.frame_settle
        kinds = dict(state.kinds)
        for kind in sorted(kinds):
            pending_arrival = kinds[kind].pending_arrival
            if pending_arrival is not None and now - pending_arrival > settle:
                kinds[kind], judged = self._judge(kinds[kind])
                events.extend(judged)
        return replace(state, offline=offline, kinds=kinds), events

    def flush(self, state: EngineState) -> Step:
        """Judge every waiting record now (the end of a rescan, or a shutdown)."""
        events: list[RuleEvent] = []
        kinds = dict(state.kinds)
        for kind in sorted(kinds):
            kinds[kind], judged = self._judge(kinds[kind])
            events.extend(judged)
        return replace(state, kinds=kinds), events

    def dump_state(self, state: EngineState) -> Any:
        """The state as JSON-compatible data, to persist between batches."""
        return STATE_CODEC.dump(state)

    def load_state(self, data: Any) -> EngineState:
        """The state `dump_state` encoded."""
        return STATE_CODEC.load(data)

    def _check_device(self, mn: str) -> None:
        if mn != self.profile.mn:
            raise ValueError(f"the engine of MN {self.profile.mn} was given data of MN {mn}")

    def _accept(self, state: KindState, reading: Reading) -> tuple[KindState, list[RuleEvent]]:
        events: list[RuleEvent] = []
        settle = self.profile.thresholds.device.engine.frame_settle
        settled = state.pending_arrival is not None and reading.arrival - state.pending_arrival > settle
        if state.pending and (settled or reading.data_time > state.pending[0].data_time):
            state, events = self._judge(state)
        if state.pending and reading.data_time == state.pending[0].data_time:
            if any(waiting.factor == reading.factor for waiting in state.pending):
                return state, events
            return state.with_pending((*state.pending, reading), state.pending_arrival), events
        late = state.pending or (state.last_judged is not None and reading.data_time <= state.last_judged)
        if late:
            return state, events
        return state.with_pending((reading,), reading.arrival), events

    def _judge(self, state: KindState) -> tuple[KindState, list[RuleEvent]]:
        if not state.pending:
            return state, []
        frame = sorted(state.pending, key=lambda reading: reading.factor)
        kind = frame[0].kind
        thresholds = self.profile.thresholds
        limits = {reading.factor: self.profile.limits.get(reading.factor, NO_LIMITS) for reading in frame}
        valid = {
            reading.factor
            for reading in frame
            if is_valid(reading, limits[reading.factor], thresholds.for_factor(reading.factor).validity)
        }
        process, snapshot = observe_process(
            state.process, frame, valid, thresholds.device.process, track_flow=kind is DataKind.HOURLY
        )
        series = dict(state.series)
        events: list[RuleEvent] = []
        for reading in frame:
            observation = Observation(reading, limits[reading.factor], reading.factor in valid, snapshot)
            rule_states = dict(series.get(reading.factor, {}))
            for rule_id, rule in self._series_rules(reading.factor, kind):
                previous = rule_states.get(rule_id)
                rule_states[rule_id], found = rule.evaluate(
                    rule.initial_state() if previous is None else previous, observation
                )
                events.extend(found)
            series[reading.factor] = rule_states
        judged = KindState(last_judged=frame[0].data_time, process=process, future=state.future, series=series)
        return judged, events

    def _series_rules(self, factor: str, kind: DataKind) -> tuple[tuple[str, SeriesRule], ...]:
        """The series' rules, each with the id its state is kept under."""
        rules = self._rules.get((factor, kind))
        if rules is None:
            found = series_rules(
                factor,
                kind,
                self.profile.thresholds.for_factor(factor),
                self.profile.calibration_windows,
                self.evidence_limit,
            )
            rules = tuple((rule.rule.value, rule) for rule in found)
            self._rules[factor, kind] = rules
        return rules
