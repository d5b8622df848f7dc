"""Scripted monitoring series for the rule tests: a device profile, readings hour by hour, their episodes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from ecolink_alerts.domain.batch import rescan
from ecolink_alerts.domain.factors import FLUE_GAS_FLOW, NO, NOX, OXYGEN, SO2
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.readings import DataKind, FactorLimits, Reading
from ecolink_alerts.domain.rules.engine import DeviceProfile, RuleEngine
from ecolink_alerts.domain.rules.events import Episode, RuleEvent

START = datetime(2024, 3, 4, 6, tzinfo=UTC)
"""14:00 China Standard Time: the middle of the day shift."""
DELAY = timedelta(seconds=5)

Value = float | tuple[float, DataFlag] | None
"""A scripted value: a number flagged N, a number with its flag, or no record at all."""

LIMITS = {
    SO2: FactorLimits("mg/m3", emission_limit=100.0, range_lower=0.0, range_upper=500.0),
    NOX: FactorLimits("mg/m3", emission_limit=200.0, range_lower=0.0, range_upper=1000.0),
    NO: FactorLimits("mg/m3", range_lower=0.0, range_upper=1000.0),
    OXYGEN: FactorLimits("%", range_lower=0.0, range_upper=25.0),
    FLUE_GAS_FLOW: FactorLimits("m3/s", range_lower=0.0, range_upper=200.0),
}


def steady_flow(hours: int) -> list[float]:
    """A running process: flow varying by a few percent, never constant."""
    return [60.0 + hour % 5 for hour in range(hours)]


@dataclass
class Scripted:
    """Builds a device's records hour by hour and evaluates them."""

    profile: DeviceProfile = field(default_factory=lambda: DeviceProfile("MN-1", "unit-1", "outlet-1", LIMITS))
    start: datetime = START

    def at(self, hour: float) -> datetime:
        return self.start + timedelta(hours=hour)

    def readings(
        self,
        values: Sequence[Value],
        factor: str = SO2,
        companions: Mapping[str, Sequence[float]] | None = None,
        kind: DataKind = DataKind.HOURLY,
        step: timedelta = timedelta(hours=1),
    ) -> list[Reading]:
        """One record per scripted value: the factor's reading and its companions' (steady flow by default)."""
        others = {FLUE_GAS_FLOW: steady_flow(len(values))} if companions is None else companions
        records = []
        for index, value in enumerate(values):
            if value is None:
                continue
            data_time = self.start + index * step
            number, flag = value if isinstance(value, tuple) else (value, DataFlag.NORMAL)
            records.append(self.reading(factor, data_time, number, flag, kind, data_time + step + DELAY))
            records.extend(
                self.reading(other, data_time, series[index], DataFlag.NORMAL, kind, data_time + step + DELAY)
                for other, series in others.items()
            )
        return records

    def reading(
        self,
        factor: str,
        data_time: datetime,
        value: float,
        flag: DataFlag = DataFlag.NORMAL,
        kind: DataKind = DataKind.HOURLY,
        received_at: datetime | None = None,
    ) -> Reading:
        return Reading(
            mn=self.profile.mn,
            unit_id=self.profile.unit_id,
            outlet_id=self.profile.outlet_id,
            factor=factor,
            kind=kind,
            data_time=data_time,
            value=value,
            flag=flag,
            received_at=received_at,
        )

    def receipt(self, received_at: datetime, qn: str | None = None, faults: tuple = ()) -> PacketReceipt:
        return PacketReceipt(self.profile.mn, self.profile.unit_id, self.profile.outlet_id, received_at, qn, faults)

    def engine(self) -> RuleEngine:
        return RuleEngine(self.profile)

    def episodes(
        self, readings: Sequence[Reading], packets: Sequence[PacketReceipt] = (), until: datetime | None = None
    ) -> list[Episode]:
        return rescan(self.engine(), readings, packets, until)

    def summary(self, episodes: Sequence[Episode]) -> set[tuple[str, str | None, datetime, datetime, bool]]:
        """What the tables compare: rule, factor, start, end and whether the episode closed."""
        return {(e.rule.value, e.key.factor, e.started_at, e.ended_at, e.closed) for e in episodes}

    def events(self, readings: Sequence[Reading]) -> list[RuleEvent]:
        """The events of feeding the readings one by one, then flushing."""
        engine = self.engine()
        state, events = engine.evaluate_all(engine.initial_state(), readings)
        return [*events, *engine.flush(state)[1]]


@pytest.fixture
def scripted() -> Scripted:
    return Scripted()
