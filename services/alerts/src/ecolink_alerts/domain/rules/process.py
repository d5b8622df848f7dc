"""Whether the process runs (ANOMALY_RULES §C1/§C2): flow against its 30-day median, and flue-gas O2."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from ecolink_alerts.domain.factors import FactorRole, Medium, factor_role, medium_of
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.observation import ProcessSnapshot
from ecolink_alerts.domain.thresholds import ProcessThresholds


@dataclass(frozen=True)
class FlowSample:
    """One valid hourly flow value, kept for the 30-day median."""

    data_time: datetime
    value: float


@dataclass(frozen=True)
class ProcessState:
    """The valid hourly flows of the last 30 days."""

    flows: tuple[FlowSample, ...] = ()


def _first(frame: Sequence[Reading], valid_factors: Collection[str], role: FactorRole) -> Reading | None:
    return next((r for r in frame if r.factor in valid_factors and factor_role(r.factor) is role), None)


def observe_process(
    state: ProcessState,
    frame: Sequence[Reading],
    valid_factors: Collection[str],
    thresholds: ProcessThresholds,
    track_flow: bool,
) -> tuple[ProcessState, ProcessSnapshot]:
    """The process snapshot of one record, and the flow history with the record's flow added when tracked.

    Running (§C1/§C2, proposed): waste water while flow > 0; flue gas while flow > 10 % of its 30-day median
    (of the flows tracked so far, this one included) and O2 < 19 %. Without a valid flow or O2 value the
    process cannot be shown to be stopped and counts as running.
    """
    flow_reading = _first(frame, valid_factors, FactorRole.FLOW)
    oxygen_reading = _first(frame, valid_factors, FactorRole.OXYGEN)
    flows = state.flows
    if track_flow and flow_reading is not None:
        since = flow_reading.data_time - thresholds.flow_median_window
        flows = (*(s for s in flows if s.data_time > since), FlowSample(flow_reading.data_time, flow_reading.value))
    running = True
    if flow_reading is not None:
        if medium_of(flow_reading.factor) is Medium.WASTE_WATER or not track_flow:
            running = flow_reading.value > 0
        else:
            running = flow_reading.value > thresholds.running_flow_share_of_median * median(s.value for s in flows)
    if oxygen_reading is not None and oxygen_reading.value >= thresholds.stopped_oxygen_percent:
        running = False
    snapshot = ProcessSnapshot(
        values={r.factor: r.value for r in frame if r.flag is DataFlag.NORMAL},
        flow=None if flow_reading is None else flow_reading.value,
        oxygen=None if oxygen_reading is None else oxygen_reading.value,
        running=running,
        flow_factor=None if flow_reading is None else flow_reading.factor,
        oxygen_factor=None if oxygen_reading is None else oxygen_reading.factor,
        flags=frozenset(r.flag for r in frame),
    )
    return ProcessState(flows), snapshot
