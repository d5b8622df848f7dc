"""Settings of the alerts service, read from `ALERTS_*` environment variables."""

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import ClassVar

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from ecolink_alerts.adapters.rule_thresholds_file import load_rule_thresholds
from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.rollup import DEFAULT_ROLLUP, RollupPolicy
from ecolink_alerts.domain.thresholds import DEFAULT_GRADING, RuleThresholds
from ecolink_alerts.domain.unit_visibility import DEFAULT_UNIT_VISIBLE_RULES, unknown_rule_names
from ecolink_common.settings import REPO_ROOT, PlatformSettings, ServiceSettings

GRADING_SETTINGS = {
    "window_days": "grading_window_days",
    "blue_from_days": "grade_blue_from_days",
    "yellow_from_days": "grade_yellow_from_days",
    "orange_from_days": "grade_orange_from_days",
    "red_from_days": "grade_red_from_days",
}
"""GradingThresholds field → the setting that sets it; a setting given (in the environment) wins over the file."""


class AlertsSettings(ServiceSettings):
    """`ALERTS_DATABASE_URL`, `ALERTS_GRPC_HOST`, `ALERTS_GRPC_PORT` (default 50051), `ALERTS_REGISTRY_FILE`."""

    service_name: ClassVar[str] = "alerts"
    default_port: ClassVar[int] = 50051
    model_config = SettingsConfigDict(env_prefix="ALERTS_", extra="ignore")

    registry_file: Path = Field(
        default=REPO_ROOT / "data" / "registry" / "demo-registry.json",
        description="The registry data file `ecolink units load-demo` and `make run` load.",
    )
    rule_tick_seconds: float = Field(
        default=60.0, description="How often beat ticks the rule engines (ANOMALY_RULES §C10 offline needs a clock)."
    )
    # DOMAIN.md / ANOMALY_RULES.md: every rule threshold is a setting with its documented default
    # (ecolink_alerts.domain.thresholds); this file changes the ones an operator names.
    rule_thresholds_file: Path | None = Field(
        default=None,
        description=(
            "A JSON file of rule-threshold overrides shaped like RuleThresholds (only the fields to change); none "
            "keeps the documented defaults; its `grading` yields to ALERTS_GRADE* settings given in the environment. "
            "An unknown key or a wrong type stops the process at startup."
        ),
    )
    device_password_key_file: Path | None = Field(
        default=None,
        description=(
            "The secret key of the device password digests (HMAC-SHA256); default var/keys/device-password.key, "
            "made on first run. Every process that writes or checks device passwords must read the same key."
        ),
    )
    registry_cache_seconds: float = Field(
        default=5.0,
        description=(
            "How long an ingesting process (the gateway, bulk ingest) trusts a device, its unit and outlet as read "
            "from the registry; a registry change (password, limits) applies within this time. 0 reads every time."
        ),
    )
    ingest_group_records: int = Field(
        default=1000,
        gt=0,
        description=(
            "Bulk ingest stores the batches of a stream that arrived while it stored the previous ones in one "
            "transaction, up to this many records (a larger batch goes alone)."
        ),
    )
    unit_visible_rules: frozenset[str] = Field(
        default=DEFAULT_UNIT_VISIBLE_RULES,
        description=(
            "DOMAIN §1: the rules (an id like C11.manual_value, or a section like C11) whose alerts a key unit's "
            "enterprise sees of its own units, as a JSON list; the others stay with the bureaus."
        ),
    )

    @field_validator("unit_visible_rules")
    @classmethod
    def _known_rules(cls, names: frozenset[str]) -> frozenset[str]:
        unknown = unknown_rule_names(names)
        if unknown:
            raise ValueError(f"unknown rules: {', '.join(unknown)}")
        return names

    # ANOMALY_RULES §C11 judges a calendar month and §C7 seven days: a 31-day range holds either window whole,
    # and bounds the values one RescanRange call replays (proposed here; no source sets a number).
    rescan_max_range: timedelta = Field(
        default=timedelta(days=31), description="The longest range RescanRange re-evaluates (ISO 8601 or seconds)."
    )
    # DOMAIN §2.1 counts records against those expected per device; ANOMALY_RULES §C10 (HJ 212-2017 Table 4): an
    # MN sends a 2061 hourly record every hour. The registry declares no per-device interval, so these apply to all.
    transmission_data_kind: DataKind = Field(
        default=DataKind.HOURLY, description="The data kind (CN) whose records the transmission rate counts."
    )
    transmission_interval: timedelta = Field(
        default=timedelta(hours=1), description="How often a device owes a record of that kind (DOMAIN §2.1)."
    )
    # DOMAIN §2.1 reports the rate over a period; a year (366 days) bounds one call (proposed here).
    transmission_max_period: timedelta = Field(
        default=timedelta(days=366), description="The longest period GetTransmissionRate counts over."
    )
    # A year of hourly values bounds one ListMonitoringValues filter, as for the transmission rate (proposed here).
    values_max_range: timedelta = Field(
        default=timedelta(days=366), description="The longest DataTime range ListMonitoringValues lists over."
    )
    # Proposed here (ANOMALY_RULES §A sets no number): how often beat runs the roll-up of derived means and grades.
    rollup_seconds: float = Field(default=300.0, description="How often beat runs the means and grades roll-up.")
    # Proposed here (ANOMALY_RULES §A R2/R3 name no delay): an hour or a day is complete 15 min after it ends, so
    # minute values a datalogger re-sends late still count in its derived mean.
    rollup_grace: timedelta = Field(
        default=DEFAULT_ROLLUP.grace, description="How long after its end an hour or day counts as complete."
    )
    # Proposed here: the last 24 h of complete hours are derived on a device's first run and as they complete; older
    # hours when they receive values, up to `rollup_backfill_days` back.
    rollup_hour_lookback: timedelta = Field(
        default=DEFAULT_ROLLUP.hour_lookback,
        description="How far back a device's first roll-up derives hourly means (later ones follow the new values).",
    )
    # Proposed here: ingest stamps a receipt time before it commits, so the hours of values received up to 10 min
    # before a device's last roll-up are looked at again.
    rollup_receipt_settle: timedelta = Field(
        default=DEFAULT_ROLLUP.receipt_settle, description="How far before the last roll-up receipts are re-read."
    )
    # Proposed here: a complete hour or local day that received values since a device's last roll-up is recomputed up
    # to 366 days back (a year of history a province forwards after an outage), with the grades of its window.
    rollup_backfill_days: int = Field(
        default=DEFAULT_ROLLUP.backfill_days,
        gt=0,
        description="How many days back an hour or day that received late or back-filled values gets its means again.",
    )
    # Proposed here: a device that sent its own hourly value of a factor in the 7 days before an hour sends its own
    # hours, so that factor's derived hour is not judged by the hourly rules (its own hour is on the way).
    rollup_own_hours_lookback: timedelta = Field(
        default=DEFAULT_ROLLUP.own_hours_lookback,
        description="How far back a device's own hourly value of a factor keeps its derived hours from the rules.",
    )
    # DOMAIN §2.3: a rolling 30-day window …
    grading_window_days: int = Field(default=DEFAULT_GRADING.window_days, description="The grading window (days).")
    # DOMAIN §2.3: … 1–2 exceedance days → blue …
    grade_blue_from_days: int = Field(default=DEFAULT_GRADING.blue_from_days, description="Fewest days for blue.")
    # DOMAIN §2.3: … 3–6 → yellow …
    grade_yellow_from_days: int = Field(default=DEFAULT_GRADING.yellow_from_days, description="Fewest for yellow.")
    # DOMAIN §2.3: … 7–9 → orange …
    grade_orange_from_days: int = Field(default=DEFAULT_GRADING.orange_from_days, description="Fewest for orange.")
    # DOMAIN §2.3: … 10 or more → red.
    grade_red_from_days: int = Field(default=DEFAULT_GRADING.red_from_days, description="Fewest days for red.")

    def device_password_key_path(self, platform: PlatformSettings) -> Path:
        """Where the device password key lives (like the token key, under the platform's var/keys)."""
        return self.device_password_key_file or platform.var_dir / "keys" / "device-password.key"

    def rule_thresholds(self) -> RuleThresholds:
        """The rule thresholds: the documented defaults with `rule_thresholds_file`'s overrides (read it once)."""
        return load_rule_thresholds(self.rule_thresholds_file)

    def rollup_policy(self, rules: RuleThresholds) -> RollupPolicy:
        """The roll-up's timing from these settings; its grading from `rules` (the thresholds file) with the
        `ALERTS_GRADE*` settings given here over it; R1–R6's validity thresholds as the online rules use them."""
        set_here = {
            threshold: getattr(self, setting)
            for threshold, setting in GRADING_SETTINGS.items()
            if setting in self.model_fields_set
        }
        grading = replace(rules.grading, **set_here)
        return replace(
            DEFAULT_ROLLUP,
            grace=self.rollup_grace,
            hour_lookback=self.rollup_hour_lookback,
            receipt_settle=self.rollup_receipt_settle,
            backfill_days=self.rollup_backfill_days,
            own_hours_lookback=self.rollup_own_hours_lookback,
            validity=rules.factor_defaults.validity,
            grading=grading,
        )
