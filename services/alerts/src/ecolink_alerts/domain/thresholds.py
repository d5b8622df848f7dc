"""Every threshold of the validity, anomaly and grading rules, with its documented default and its source."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from types import MappingProxyType

from ecolink_alerts.domain.factors import WATER_ANALYSER_FACTORS
from ecolink_alerts.domain.flags import DataFlag


@dataclass(frozen=True)
class ValidityThresholds:
    """R1–R6 and R10: which values count, and how many make a valid mean."""

    # ANOMALY_RULES §A R1: a flue-gas minute mean needs ≥ 12 valid instantaneous values (sampled every ≤ 5 s).
    min_valid_samples_per_minute: int = 12
    # ANOMALY_RULES §A R2: a flue-gas hourly mean needs ≥ 45 valid minute values (of 1-minute data).
    min_valid_minutes_per_hour: int = 45
    # ANOMALY_RULES §A R3: a flue-gas daily mean needs ≥ 20 valid hourly means.
    min_valid_hours_per_day: int = 20
    # ANOMALY_RULES §A R3: a monthly mean needs ≥ 25 valid days.
    min_valid_days_per_month: int = 25
    # ANOMALY_RULES §A R3: … February ≥ 23.
    min_valid_days_in_february: int = 23
    # ANOMALY_RULES §A R4: a flue-gas aggregate is flagged N when ≥ 75 % of its underlying values are N, else D.
    min_normal_share: float = 0.75
    # ANOMALY_RULES §A R6: a waste-water hour uses 1–6 ten-minute values and a day 1–24 hours, so 1 suffices.
    min_valid_values_per_water_period: int = 1
    # ANOMALY_RULES §A R10 (proposed) and §C3: pH outside 0–14 is impossible.
    ph_min: float = 0.0
    ph_max: float = 14.0


DEFAULT_VALIDITY = ValidityThresholds()


@dataclass(frozen=True)
class ProcessThresholds:
    """When the process counts as running (the C1, C2 and C8 rules only judge a running process)."""

    # ANOMALY_RULES §C1 (proposed): running while flow > 10 % of its 30-day median.
    running_flow_share_of_median: float = 0.10
    # ANOMALY_RULES §C1 (proposed): the median is taken over 30 days.
    flow_median_window: timedelta = timedelta(days=30)
    # ANOMALY_RULES §C2 (proposed): flue gas runs only while O2 < 19 %.
    stopped_oxygen_percent: float = 19.0


@dataclass(frozen=True)
class ConstantValueThresholds:
    """C1 constant value (恒值) and its near-constant variant."""

    # ANOMALY_RULES §C1 (proposed): N = 6 equal valid hour values for gas concentrations, O2, temperature, flow
    # (water COD / NH3-N / TP / TN use N = 12: see `water_analyser_overrides`).
    equal_hours: int = 6
    # ANOMALY_RULES §C1 (proposed) says "equal after rounding to the reported precision" without a number;
    # proposed here: 3 decimals, so that means computed by the platform compare like reported values.
    decimals: int = 3
    # ANOMALY_RULES §C1 (proposed): near-constant = max − min ≤ 1 % of the mean over 24 h.
    near_constant_window: timedelta = timedelta(hours=24)
    near_constant_relative_range: float = 0.01
    # Proposed here (no number in ANOMALY_RULES §C1): the 24 h must hold ≥ 18 valid hours (R4's 75 %).
    near_constant_min_hours: int = 18


@dataclass(frozen=True)
class ZeroValueThresholds:
    """C2 zero value (零值)."""

    # ANOMALY_RULES §C2 (proposed): ≥ 3 consecutive hours at or below zero (or the detection limit) while running.
    consecutive_hours: int = 3


@dataclass(frozen=True)
class ImpossibleValueThresholds:
    """C3 negative or physically impossible values (pH bounds are `ValidityThresholds.ph_min/ph_max`)."""

    # ANOMALY_RULES §C3 (proposed): O2 > 21 % is impossible.
    oxygen_max_percent: float = 21.0
    # ANOMALY_RULES §C3, HJ 212-2017 eq. 21: NOx = NO·46/30 + NO2, so NOx ≥ NO·46/30 …
    nox_per_no: float = 46 / 30
    # ANOMALY_RULES §C3 (proposed): … and NOx below it by more than 10 % is impossible.
    nox_tolerance: float = 0.10


@dataclass(frozen=True)
class SuddenDropThresholds:
    """C4 sudden drop (突降)."""

    # ANOMALY_RULES §C4 (proposed): an hour value < 50 % of the median …
    drop_share_of_baseline: float = 0.5
    # ANOMALY_RULES §C4 (proposed): … of the previous 6 valid hours …
    baseline_hours: int = 6
    # ANOMALY_RULES §C4 (proposed): … that stays below it for ≥ 3 h …
    min_hours: int = 3
    # ANOMALY_RULES §C4 (proposed, revised): … unless the process explains it: flow falls by ≥ 10 % against the same
    # baseline (a production cut) …
    explaining_flow_fall: float = 0.10
    # ANOMALY_RULES §C4 (proposed, revised): … or the unit reports a stop / maintenance flag (HJ 212-2017 Table 8:
    # F stopped, M maintenance) …
    explaining_flags: frozenset[DataFlag] = frozenset({DataFlag.STOPPED, DataFlag.MAINTENANCE})
    # ANOMALY_RULES §C4 (proposed, revised): … a rise of flow or O2 by ≥ 10 % with the drop is the dilution signature
    # and is recorded on the alert.
    recorded_rise: float = 0.10


@dataclass(frozen=True)
class SuddenJumpThresholds:
    """C5 sudden jump (突变/突升)."""

    # ANOMALY_RULES §C5 (proposed): an hour value > 3× the median …
    jump_multiple: float = 3.0
    # ANOMALY_RULES §C5 (proposed): … of the previous 24 valid hours …
    baseline_hours: int = 24
    # ANOMALY_RULES §C5 (proposed): … and > 0.5·L.
    min_share_of_limit: float = 0.5


@dataclass(frozen=True)
class StableLowThresholds:
    """C6 stable low value (稳定低值)."""

    # ANOMALY_RULES §C6 (proposed): over ≥ 72 h …
    window: timedelta = timedelta(hours=72)
    # ANOMALY_RULES §C6 (proposed): … the coefficient of variation of valid hour values < 5 % …
    max_cv: float = 0.05
    # ANOMALY_RULES §C6 (proposed): … and their mean < 20 % of L …
    max_mean_share_of_limit: float = 0.20
    # ANOMALY_RULES §C6 (proposed): … while the flow CV > 10 %.
    min_flow_cv: float = 0.10
    # Proposed here (no number in ANOMALY_RULES §C6): the 72 h must hold ≥ 54 valid hours (R4's 75 %).
    min_hours: int = 54


@dataclass(frozen=True)
class LimitHuggingThresholds:
    """C7 limit-hugging (贴限)."""

    # ANOMALY_RULES §C7 (proposed): over 7 days …
    window: timedelta = timedelta(days=7)
    # ANOMALY_RULES §C7 (proposed): … ≥ 80 % of valid hour values …
    min_share: float = 0.80
    # ANOMALY_RULES §C7 (proposed): … lie in [0.85·L, 1.0·L).
    band_low_share_of_limit: float = 0.85
    band_high_share_of_limit: float = 1.0
    # Proposed here (no number in ANOMALY_RULES §C7): the 7 days must hold ≥ 126 valid hours (R4's 75 %).
    min_hours: int = 126


@dataclass(frozen=True)
class MinimumValueThresholds:
    """C8 minimum value (极小值)."""

    # ANOMALY_RULES §C8 (proposed): below the lower range / detection limit for ≥ 6 h while running …
    consecutive_hours: int = 6
    # ANOMALY_RULES §C8 (proposed): … the lower bound defaulting to 1 % of the range when none is declared.
    default_share_of_range: float = 0.01


@dataclass(frozen=True)
class OverRangeThresholds:
    """C9 over-range."""

    # ANOMALY_RULES §C9 (the 5 % is proposed): more than 5 % of a day's values flagged T.
    max_over_range_share_per_day: float = 0.05


@dataclass(frozen=True)
class FlagAbuseThresholds:
    """C11 flag abuse."""

    # ANOMALY_RULES §C11 (proposed): the share of M/C/F/D/S-flagged hours in a calendar month …
    counted_flags: frozenset[DataFlag] = frozenset(
        {DataFlag.MAINTENANCE, DataFlag.CALIBRATION, DataFlag.STOPPED, DataFlag.FAULT, DataFlag.MANUAL}
    )
    # ANOMALY_RULES §C11 (proposed): … above 10 %.
    max_flagged_share_per_month: float = 0.10


@dataclass(frozen=True)
class OfflineThresholds:
    """C10 offline (脱机) and long-term offline (长期脱机)."""

    # ANOMALY_RULES §C10 (proposed): the expected interval between packets of an MN (2061: 1 h; a device that
    # streams 2011 data is given its RtdInterval, 30–3600 s, per device).
    expected_interval: timedelta = timedelta(hours=1)
    # ANOMALY_RULES §C10 (proposed): offline when no packet comes for > 2× the expected interval.
    gap_multiple: float = 2.0
    # ANOMALY_RULES §C10 (proposed): long-term offline when offline continuously ≥ 24 h …
    long_term_continuous: timedelta = timedelta(hours=24)
    # ANOMALY_RULES §C10 (proposed): … or ≥ 72 h cumulative in 7 days.
    long_term_cumulative: timedelta = timedelta(hours=72)
    cumulative_window: timedelta = timedelta(days=7)


@dataclass(frozen=True)
class TimeAnomalyThresholds:
    """C12 time anomalies."""

    # ANOMALY_RULES §C12 (proposed): DataTime more than 10 min in the future.
    max_future: timedelta = timedelta(minutes=10)
    # ANOMALY_RULES §C12 (proposed) and HJ212.md §3: a QN has 17 digits (YYYYMMDDhhmmsszzz).
    qn_digits: int = 17


@dataclass(frozen=True)
class ProtocolIntegrityThresholds:
    """C13 protocol integrity."""

    # ANOMALY_RULES §C13 gives no duration; proposed here: a C13 episode closes once no faulty packet has come for
    # 2 h (twice the hourly upload interval, as C10 counts a device offline), so a device whose firmware miscounts
    # the length of its packets, or of some of them, raises one alert, not one per packet.
    quiet: timedelta = timedelta(hours=2)


@dataclass(frozen=True)
class EngineThresholds:
    """How much the rule engine keeps (proposed here; ANOMALY_RULES names no numbers for these)."""

    # DOMAIN §2.2 "carrying the evidence window": bounded to the latest 240 items (ten days of hour values).
    evidence_limit: int = 240
    # A record's factor values may come in several batches: the frame is judged once no value has come for 2 min
    # or a later DataTime arrives.
    frame_settle: timedelta = timedelta(minutes=2)


@dataclass(frozen=True)
class GradingThresholds:
    """DOMAIN §2.3 exceedance grading over a rolling window."""

    # DOMAIN §2.3: a rolling 30-day window.
    window_days: int = 30
    # DOMAIN §2.3: 1–2 exceedance days → blue …
    blue_from_days: int = 1
    # DOMAIN §2.3: … 3–6 → yellow …
    yellow_from_days: int = 3
    # DOMAIN §2.3: … 7–9 → orange …
    orange_from_days: int = 7
    # DOMAIN §2.3: … 10 or more → red.
    red_from_days: int = 10


DEFAULT_GRADING = GradingThresholds()


@dataclass(frozen=True)
class FactorThresholds:
    """The thresholds of every per-factor rule family, overridable per factor code."""

    validity: ValidityThresholds = ValidityThresholds()
    constant: ConstantValueThresholds = ConstantValueThresholds()
    zero: ZeroValueThresholds = ZeroValueThresholds()
    impossible: ImpossibleValueThresholds = ImpossibleValueThresholds()
    sudden_drop: SuddenDropThresholds = SuddenDropThresholds()
    sudden_jump: SuddenJumpThresholds = SuddenJumpThresholds()
    stable_low: StableLowThresholds = StableLowThresholds()
    limit_hugging: LimitHuggingThresholds = LimitHuggingThresholds()
    minimum: MinimumValueThresholds = MinimumValueThresholds()
    over_range: OverRangeThresholds = OverRangeThresholds()
    flag_abuse: FlagAbuseThresholds = FlagAbuseThresholds()


@dataclass(frozen=True)
class DeviceThresholds:
    """The thresholds of the rules about a whole device (MN)."""

    process: ProcessThresholds = ProcessThresholds()
    offline: OfflineThresholds = OfflineThresholds()
    time: TimeAnomalyThresholds = TimeAnomalyThresholds()
    protocol: ProtocolIntegrityThresholds = ProtocolIntegrityThresholds()
    engine: EngineThresholds = EngineThresholds()


def water_analyser_overrides() -> Mapping[str, FactorThresholds]:
    """ANOMALY_RULES §C1 (proposed): water COD / NH3-N / TP / TN analysers run 1–2 h cycles, so N = 12 h."""
    water = FactorThresholds(constant=ConstantValueThresholds(equal_hours=12))
    return MappingProxyType(dict.fromkeys(sorted(WATER_ANALYSER_FACTORS), water))


@dataclass(frozen=True)
class RuleThresholds:
    """All rule thresholds: device-wide ones, per-factor defaults and per-factor overrides, and the grading."""

    device: DeviceThresholds = DeviceThresholds()
    factor_defaults: FactorThresholds = FactorThresholds()
    by_factor: Mapping[str, FactorThresholds] = field(default_factory=water_analyser_overrides)
    # DOMAIN §2.3: the grading the roll-up applies; the ALERTS_GRADE* settings an operator sets in the environment
    # take precedence over it (AlertsSettings.rollup_policy).
    grading: GradingThresholds = DEFAULT_GRADING

    def for_factor(self, factor: str) -> FactorThresholds:
        """The thresholds that apply to `factor`: its override if it has one, else the defaults."""
        return self.by_factor.get(factor, self.factor_defaults)

    def with_override(self, factor: str, thresholds: FactorThresholds) -> RuleThresholds:
        """These thresholds with `factor` overridden, keeping the other overrides (the water analysers')."""
        return replace(self, by_factor=MappingProxyType({**self.by_factor, factor: thresholds}))
