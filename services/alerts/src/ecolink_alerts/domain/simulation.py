"""A seeded, deterministic generator of realistic flue-gas monitoring data, with anomalies injected on demand."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from random import Random

from ecolink_alerts.domain.batch import arrival_order
from ecolink_alerts.domain.factors import FLUE_GAS_FLOW, FLUE_GAS_TEMPERATURE, NOX, OXYGEN, PARTICULATE, SO2
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME, floor_to
from ecolink_alerts.domain.readings import DataKind, FactorLimits, Reading
from ecolink_alerts.domain.rules.flag_abuse import CalibrationWindow
from ecolink_alerts.domain.validity import ONE_HOUR, hourly_means


@dataclass(frozen=True)
class FactorProfile:
    """How one factor behaves in normal operation.

    A value is `typical`, scaled by the production load as far as `load_share` says (flow follows it fully),
    times a slow hour-to-hour wander (an AR(1) with relative standard deviation `wander`), times the noise of
    each minute value (relative standard deviation `noise`).
    """

    factor: str
    typical: float
    load_share: float
    wander: float
    noise: float
    decimals: int
    limits: FactorLimits
    calibrated: bool = False


FLUE_GAS_FACTORS: tuple[FactorProfile, ...] = (
    # Illustrative limits of a building-materials kiln stack (the GB 4915-2013 cement-kiln limits).
    FactorProfile(SO2, 60.0, 0.0, 0.08, 0.05, 2, FactorLimits("mg/m3", 200.0, 0.0, 1000.0), calibrated=True),
    FactorProfile(NOX, 250.0, 0.0, 0.06, 0.04, 2, FactorLimits("mg/m3", 400.0, 0.0, 2000.0), calibrated=True),
    FactorProfile(PARTICULATE, 8.0, 0.0, 0.10, 0.08, 2, FactorLimits("mg/m3", 30.0, 0.0, 200.0)),
    FactorProfile(OXYGEN, 9.0, 0.0, 0.03, 0.02, 2, FactorLimits("%", None, 0.0, 25.0), calibrated=True),
    FactorProfile(FLUE_GAS_FLOW, 60.0, 1.0, 0.03, 0.02, 2, FactorLimits("m3/s", None, 0.0, 200.0)),
    FactorProfile(FLUE_GAS_TEMPERATURE, 130.0, 0.3, 0.02, 0.01, 1, FactorLimits("°C", None, 0.0, 300.0)),
)
"""SO2, NOx, particulate, O2, flow and temperature of one flue-gas outlet."""

DAY_SHIFT = (time(8), time(20))
NIGHT_LOAD = 0.75
WANDER_PERSISTENCE = 0.9
DAILY_CALIBRATION = CalibrationWindow(time(2, 0), time(2, 10))
SPAN_SHARE_OF_RANGE = 0.8


def production_load(moment: datetime) -> float:
    """Two shifts: full load from 08:00 to 20:00 local time, three quarters at night."""
    clock = moment.astimezone(CHINA_STANDARD_TIME).time()
    return 1.0 if DAY_SHIFT[0] <= clock < DAY_SHIFT[1] else NIGHT_LOAD


@dataclass(frozen=True)
class Injected:
    """An anomaly active over [start, start + duration)."""

    start: datetime
    duration: timedelta

    def covers(self, moment: datetime) -> bool:
        return self.start <= moment < self.start + self.duration


@dataclass(frozen=True)
class Shaped(Injected, ABC):
    """An anomaly that reshapes the minute values of one factor."""

    factor: str

    @abstractmethod
    def reshape(self, value: float, limits: FactorLimits, draw: Random) -> tuple[float, DataFlag]:
        """The minute value and flag the anomaly puts in place of the normal `value`."""


def _limit(limits: FactorLimits) -> float:
    if limits.emission_limit is None:
        raise ValueError("this anomaly needs a factor with an emission limit")
    return limits.emission_limit


@dataclass(frozen=True)
class LimitHugging(Shaped):
    """ANOMALY_RULES §C7: values spread just under the limit."""

    low_share: float = 0.86
    high_share: float = 0.98

    def reshape(self, value: float, limits: FactorLimits, draw: Random) -> tuple[float, DataFlag]:
        return draw.uniform(self.low_share, self.high_share) * _limit(limits), DataFlag.NORMAL


@dataclass(frozen=True)
class StableLow(Shaped):
    """ANOMALY_RULES §C4 then §C6: a sudden drop to a low, barely varying value (the Suzhou pattern)."""

    share_of_limit: float = 0.075
    noise: float = 0.02

    def reshape(self, value: float, limits: FactorLimits, draw: Random) -> tuple[float, DataFlag]:
        return self.share_of_limit * _limit(limits) * (1 + self.noise * draw.gauss()), DataFlag.NORMAL


@dataclass(frozen=True)
class DilutionAir(Shaped):
    """ANOMALY_RULES §C4's dilution signature: air let into the stack raises the flow by `rise` (a share)."""

    rise: float = 0.25

    def reshape(self, value: float, limits: FactorLimits, draw: Random) -> tuple[float, DataFlag]:
        return value * (1 + self.rise), DataFlag.NORMAL


@dataclass(frozen=True)
class ConstantValue(Shaped):
    """ANOMALY_RULES §C1: one value repeated."""

    value: float = 42.0

    def reshape(self, value: float, limits: FactorLimits, draw: Random) -> tuple[float, DataFlag]:
        return self.value, DataFlag.NORMAL


@dataclass(frozen=True)
class ZeroValue(Shaped):
    """ANOMALY_RULES §C2: zeros while the process runs."""

    def reshape(self, value: float, limits: FactorLimits, draw: Random) -> tuple[float, DataFlag]:
        return 0.0, DataFlag.NORMAL


@dataclass(frozen=True)
class Spike(Shaped):
    """ANOMALY_RULES §C5: values several times their usual level."""

    multiple: float = 4.0

    def reshape(self, value: float, limits: FactorLimits, draw: Random) -> tuple[float, DataFlag]:
        return value * self.multiple, DataFlag.NORMAL


@dataclass(frozen=True)
class FlaggedValues(Shaped):
    """ANOMALY_RULES §C9/§C11: the device flags its values (maintenance, fault, manual, over-range …)."""

    flag: DataFlag = DataFlag.MAINTENANCE

    def reshape(self, value: float, limits: FactorLimits, draw: Random) -> tuple[float, DataFlag]:
        return value, self.flag


@dataclass(frozen=True)
class OfflineGap(Injected):
    """ANOMALY_RULES §C10: the device sends nothing."""


@dataclass(frozen=True)
class DeviceSimulation:
    """What to generate: one device's minute (2051) and hourly (2061) data over [start, start + duration)."""

    mn: str
    unit_id: str
    outlet_id: str
    start: datetime
    duration: timedelta
    seed: int = 0
    factors: tuple[FactorProfile, ...] = FLUE_GAS_FACTORS
    minute_interval: timedelta = timedelta(minutes=10)
    anomalies: tuple[Injected, ...] = ()
    calibration: CalibrationWindow | None = DAILY_CALIBRATION
    delivery_delay: timedelta = timedelta(seconds=5)
    hourly: bool = True

    @property
    def limits(self) -> dict[str, FactorLimits]:
        return {profile.factor: profile.limits for profile in self.factors}


def _wander(simulation: DeviceSimulation, profile: FactorProfile, hours: int) -> list[float]:
    draw = Random(f"{simulation.seed}/{profile.factor}/wander")
    innovation = profile.wander * (1 - WANDER_PERSISTENCE**2) ** 0.5
    level = profile.wander * draw.gauss()
    levels = []
    for _ in range(hours):
        levels.append(level)
        level = WANDER_PERSISTENCE * level + innovation * draw.gauss()
    return levels


def _minute_value(
    simulation: DeviceSimulation, profile: FactorProfile, moment: datetime, wander: float, draw: Random
) -> tuple[float, DataFlag]:
    load = 1 - profile.load_share + profile.load_share * production_load(moment)
    value = profile.typical * load * (1 + wander) * (1 + profile.noise * draw.gauss())
    flag = DataFlag.NORMAL
    for anomaly in simulation.anomalies:
        if isinstance(anomaly, Shaped) and anomaly.factor == profile.factor and anomaly.covers(moment):
            value, flag = anomaly.reshape(value, profile.limits, draw)
    calibrating = simulation.calibration is not None and simulation.calibration.holds(moment)
    if profile.calibrated and calibrating and profile.limits.range_upper is not None:
        value, flag = SPAN_SHARE_OF_RANGE * profile.limits.range_upper, DataFlag.CALIBRATION
    return max(0.0, round(value, profile.decimals)), flag


def simulate(simulation: DeviceSimulation) -> list[Reading]:
    """The device's minute values and the hourly means its datalogger derives from them (R2/R4), each received
    `delivery_delay` after its period ends, in arrival order. The same simulation always gives the same data."""
    interval = simulation.minute_interval
    hours = -(-simulation.duration // ONE_HOUR)
    wander = {profile.factor: _wander(simulation, profile, hours + 1) for profile in simulation.factors}
    draws: dict[tuple[str, int], Random] = {}
    minutes: list[Reading] = []
    for slot in range(simulation.duration // interval):
        moment = simulation.start + slot * interval
        if any(isinstance(a, OfflineGap) and a.covers(moment) for a in simulation.anomalies):
            continue
        hour = (floor_to(moment, ONE_HOUR) - floor_to(simulation.start, ONE_HOUR)) // ONE_HOUR
        for profile in simulation.factors:
            draw = draws.setdefault((profile.factor, hour), Random(f"{simulation.seed}/{profile.factor}/{hour}"))
            value, flag = _minute_value(simulation, profile, moment, wander[profile.factor][hour], draw)
            minutes.append(_minute_reading(simulation, profile.factor, moment, value, flag))
    if not simulation.hourly:
        return arrival_order(minutes)
    decimals = {profile.factor: profile.decimals for profile in simulation.factors}
    hourly = []
    for mean in hourly_means(minutes, simulation.limits, interval):
        reading = mean.as_reading()
        if reading is not None:
            rounded = round(reading.value, decimals[reading.factor])
            received_at = reading.data_time + ONE_HOUR + simulation.delivery_delay
            hourly.append(replace(reading, value=rounded, received_at=received_at))
    return arrival_order([*minutes, *hourly])


def _minute_reading(
    simulation: DeviceSimulation, factor: str, moment: datetime, value: float, flag: DataFlag
) -> Reading:
    return Reading(
        mn=simulation.mn,
        unit_id=simulation.unit_id,
        outlet_id=simulation.outlet_id,
        factor=factor,
        kind=DataKind.MINUTE,
        data_time=moment,
        value=value,
        flag=flag,
        received_at=moment + simulation.minute_interval + simulation.delivery_delay,
    )


def suzhou_pattern(
    mn: str,
    unit_id: str,
    outlet_id: str,
    start: datetime,
    seed: int = 0,
    hugging: timedelta = timedelta(days=7),
    low: timedelta = timedelta(days=3),
) -> DeviceSimulation:
    """DOMAIN §2.5: SO2 hugs its limit for `hugging`, then drops to a stable low for `low` while flow varies.

    The drop is a dilution: the flow rises by 25 % with it (ANOMALY_RULES §C4's dilution signature), and with the
    night shift's three-quarter load it swings by 20 % and more around the drop. §C4 counts a production cut (flow
    falling by 10 %) as an explanation, so start (and drop) in the middle of a shift, e.g. at 14:00 local time.
    """
    return DeviceSimulation(
        mn=mn,
        unit_id=unit_id,
        outlet_id=outlet_id,
        start=start,
        duration=hugging + low,
        seed=seed,
        anomalies=(
            LimitHugging(start=start, duration=hugging, factor=SO2),
            StableLow(start=start + hugging, duration=low, factor=SO2),
            DilutionAir(start=start + hugging, duration=low, factor=FLUE_GAS_FLOW),
        ),
    )
