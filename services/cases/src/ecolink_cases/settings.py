"""Settings of the cases service, read from `CASES_*` environment variables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_settings import SettingsConfigDict

from ecolink_cases.domain.approvals import ApprovalPolicy
from ecolink_cases.domain.credit_rules import CreditRules, bundled_credit_rules, read_credit_rules
from ecolink_cases.domain.credit_settings import (
    MIN_INSPECTORS_PER_UNIT,
    CreditSettings,
    InspectionDrawSettings,
    SamplingRatios,
)
from ecolink_cases.domain.criminal_thresholds import (
    CriminalThresholds,
    bundled_criminal_thresholds,
    read_criminal_thresholds,
)
from ecolink_cases.domain.legal_periods import (
    DEFAULT_PERIODS,
    EARLIEST,
    PUBLIC_NOTICE_AMENDED,
    DatedPeriod,
    LegalPeriods,
    Period,
    PeriodUnit,
)
from ecolink_cases.domain.lifecycle import Step
from ecolink_common.alerts_caller_settings import AlertsCallerSettings
from ecolink_common.calls.endpoint import Endpoint

# (proposed) The highest fine the service accepts, in fen: ¥10,000,000. The statutes set lower caps per violation;
# this only catches a mistyped figure before it is printed on a decision.
DEFAULT_MAX_FINE_FEN = 1_000_000_000
# (proposed) The highest ecological damage or compensation amount accepted, in fen: ¥10,000,000,000 (DOMAIN §3.5).
# Damages run far above fines; this only catches a mistyped figure.
DEFAULT_MAX_COMPENSATION_FEN = 1_000_000_000_000


class PeriodOverride(BaseModel):
    """One dated rule of the legal periods table as a setting replaces or adds it (DOMAIN §3.3)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    period: Period
    amount: int = Field(gt=0, le=3660)
    unit: PeriodUnit = PeriodUnit.DAYS
    applies_from: date = EARLIEST
    source: str = Field(min_length=1, max_length=200)

    def rule(self) -> DatedPeriod:
        return DatedPeriod(self.period, self.amount, self.unit, self.applies_from, self.source)


class CasesSettings(AlertsCallerSettings):
    """`CASES_DATABASE_URL`, `CASES_GRPC_HOST`, `CASES_GRPC_PORT` (default 50052) and the rules below."""

    service_name: ClassVar[str] = "cases"
    default_port: ClassVar[int] = 50052
    model_config = SettingsConfigDict(env_prefix="CASES_", extra="ignore")

    max_fine_fen: int = Field(
        default=DEFAULT_MAX_FINE_FEN, gt=0, description="Largest fine or payment accepted, in fen (proposed)."
    )
    max_compensation_fen: int = Field(
        default=DEFAULT_MAX_COMPENSATION_FEN,
        gt=0,
        description="Largest appraised damage, agreed compensation or payment accepted, in fen (proposed).",
    )
    # DOMAIN §3.1 (proposed): registration and decision of a county branch's case are approved one level up.
    approved_steps: list[str] = Field(
        default=[Step.REGISTER.value, Step.DECIDE.value],
        description="Steps a case of an approval level takes only after the bureau one level up approved them.",
    )
    approval_levels: list[str] = Field(
        default=["county"], description="Levels of handling agency whose steps need approval (province, city, county)."
    )

    # DOMAIN §3.3: deadlines are days; an hourly scan sees each crossing on its day (repeats add nothing).
    deadline_scan_seconds: float = Field(
        default=3600.0, gt=0, description="How often beat scans served cases for deadlines crossed."
    )
    evidence_target: str = Field(
        default="127.0.0.1:50054", description="host:port of the evidence service, asked about each cited item."
    )
    evidence_deadline_seconds: float = Field(default=5.0, gt=0, description="Deadline of one evidence call.")
    evidence_attempts: int = Field(default=3, ge=1, description="Evidence call attempts while it is UNAVAILABLE.")

    # DOMAIN §3.3: public-notice service counts as served after 60 days for notices published before 2022-01-01
    # (Civil Procedure Law art. 92, 2017) and after 30 days from then on (art. 95 as amended in 2021).
    public_notice_days_before_2022: int = Field(
        default=60, gt=0, le=365, description="Days after publication a public notice before 2022 counts as served."
    )
    public_notice_days_from_2022: int = Field(
        default=30, gt=0, le=365, description="Days after publication a public notice from 2022 counts as served."
    )
    legal_period_overrides: list[PeriodOverride] = Field(
        default=[],
        description="Dated rules (period, amount, unit, applies_from, source) replacing or adding to the table.",
    )

    # DOMAIN §3.4 [004]: ≥ 90 green, ≤ 70 red; the rules file and window are proposed (CreditSettings).
    credit_green_from: int = Field(default=90, description="Lowest score graded green (绿), DOMAIN §3.4.")
    credit_red_up_to: int = Field(default=70, description="Highest score graded red (红), DOMAIN §3.4.")
    credit_window_days: int = Field(default=365, description="Days a finding counts against a score (proposed).")
    criminal_thresholds_file: Path | None = Field(
        default=None,
        description="DOMAIN §4.6: the dated table of criminal thresholds (TOML); default the bundled 2023 table.",
    )
    credit_rules_file: Path | None = Field(
        default=None, description="A versioned credit rules TOML file; the bundled credit-rules/1 when unset."
    )
    # DOMAIN §3.4: sampling ratios by grade (proposed), fewer checks for the positive list and green, most for red.
    draw_ratio_positive_list: Decimal = Field(default=Decimal("0"), description="Share of positive-list units drawn.")
    draw_ratio_green: Decimal = Field(default=Decimal("0.10"), description="Share of green units drawn.")
    draw_ratio_yellow: Decimal = Field(default=Decimal("0.30"), description="Share of yellow units drawn.")
    draw_ratio_red: Decimal = Field(default=Decimal("0.60"), description="Share of red units drawn.")
    # Administrative Penalty Law art. 42: at least two officers per inspected unit.
    draw_inspectors_per_unit: int = Field(
        default=MIN_INSPECTORS_PER_UNIT, description="Officers a draw sends to each unit (at least 2)."
    )

    @model_validator(mode="after")
    def _credit_and_draw_settings_hold(self) -> CasesSettings:
        self.credit_settings()
        self.draw_settings()
        return self

    def legal_periods(self) -> LegalPeriods:
        """The dated table of `legal_periods.py` with the public-notice settings and the overrides applied."""
        notices = (
            DatedPeriod(
                Period.PUBLIC_NOTICE_SERVICE,
                self.public_notice_days_before_2022,
                PeriodUnit.DAYS,
                EARLIEST,
                "Civil Procedure Law art. 92 (2017); CASES_PUBLIC_NOTICE_DAYS_BEFORE_2022",
            ),
            DatedPeriod(
                Period.PUBLIC_NOTICE_SERVICE,
                self.public_notice_days_from_2022,
                PeriodUnit.DAYS,
                PUBLIC_NOTICE_AMENDED,
                "Civil Procedure Law art. 95 (2021); CASES_PUBLIC_NOTICE_DAYS_FROM_2022",
            ),
        )
        return DEFAULT_PERIODS.replaced((*notices, *(override.rule() for override in self.legal_period_overrides)))

    def credit_settings(self) -> CreditSettings:
        return CreditSettings(
            green_from=self.credit_green_from, red_up_to=self.credit_red_up_to, window_days=self.credit_window_days
        )

    def criminal_thresholds(self) -> CriminalThresholds:
        if self.criminal_thresholds_file is None:
            return bundled_criminal_thresholds()
        return read_criminal_thresholds(self.criminal_thresholds_file)

    def credit_rules(self) -> CreditRules:
        return bundled_credit_rules() if self.credit_rules_file is None else read_credit_rules(self.credit_rules_file)

    def draw_settings(self) -> InspectionDrawSettings:
        ratios = SamplingRatios(
            positive_list=self.draw_ratio_positive_list,
            green=self.draw_ratio_green,
            yellow=self.draw_ratio_yellow,
            red=self.draw_ratio_red,
        )
        return InspectionDrawSettings(ratios=ratios, inspectors_per_unit=self.draw_inspectors_per_unit)

    def evidence_endpoint(self) -> Endpoint:
        """The evidence service as step citations call it (retried with the alerts backoff)."""
        return Endpoint(
            "evidence",
            self.evidence_target,
            deadline_seconds=self.evidence_deadline_seconds,
            attempts=self.evidence_attempts,
            backoff_seconds=self.alerts_retry_backoff_seconds,
        )

    def approval_policy(self) -> ApprovalPolicy:
        return ApprovalPolicy(
            steps=frozenset(Step(step) for step in self.approved_steps), levels=frozenset(self.approval_levels)
        )
