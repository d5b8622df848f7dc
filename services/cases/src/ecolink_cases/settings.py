"""Settings of the cases service, read from `CASES_*` environment variables."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from ecolink_cases.domain.approvals import ApprovalPolicy
from ecolink_cases.domain.lifecycle import Step
from ecolink_common.calls.endpoint import Endpoint
from ecolink_common.settings import ServiceSettings

# (proposed) The highest fine the service accepts, in fen: ¥10,000,000. The statutes set lower caps per violation;
# this only catches a mistyped figure before it is printed on a decision.
DEFAULT_MAX_FINE_FEN = 1_000_000_000
# (proposed) The highest ecological damage or compensation amount accepted, in fen: ¥10,000,000,000 (DOMAIN §3.5).
# Damages run far above fines; this only catches a mistyped figure.
DEFAULT_MAX_COMPENSATION_FEN = 1_000_000_000_000


class CasesSettings(ServiceSettings):
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
    alerts_target: str = Field(
        default="127.0.0.1:50051", description="host:port of the alerts service, whose registry names the units."
    )
    alerts_deadline_seconds: float = Field(default=5.0, gt=0, description="Deadline of one registry call.")
    alerts_attempts: int = Field(default=3, ge=1, description="Registry call attempts while alerts is UNAVAILABLE.")
    alerts_retry_backoff_seconds: float = Field(
        default=0.2, ge=0, description="Wait before the first retry; doubled before each further one."
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

    def evidence_endpoint(self) -> Endpoint:
        """The evidence service as step citations call it (retried with the alerts backoff)."""
        return Endpoint(
            "evidence",
            self.evidence_target,
            deadline_seconds=self.evidence_deadline_seconds,
            attempts=self.evidence_attempts,
            backoff_seconds=self.alerts_retry_backoff_seconds,
        )

    def alerts_endpoint(self) -> Endpoint:
        """The alerts service as the registry reads call it."""
        return Endpoint(
            "alerts",
            self.alerts_target,
            deadline_seconds=self.alerts_deadline_seconds,
            attempts=self.alerts_attempts,
            backoff_seconds=self.alerts_retry_backoff_seconds,
        )

    def approval_policy(self) -> ApprovalPolicy:
        return ApprovalPolicy(
            steps=frozenset(Step(step) for step in self.approved_steps), levels=frozenset(self.approval_levels)
        )
