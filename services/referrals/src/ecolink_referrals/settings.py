"""Settings of the referrals service, read from `REFERRALS_*` environment variables: where the cases and evidence
services listen, the regulation's periods, how long the police's grants last and which key signs the records."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import ClassVar

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from ecolink_common.calls.endpoint import Endpoint
from ecolink_common.settings import ServiceSettings
from ecolink_referrals.domain.basin_agreements import BasinAgreements, bundled_basin_agreements, read_basin_agreements
from ecolink_referrals.domain.deadlines import TransferPeriods
from ecolink_referrals.service_layer.webhook_deliveries import DeliveryPolicy

DEFAULT_PERIODS = TransferPeriods()


class ReferralsSettings(ServiceSettings):
    """`REFERRALS_DATABASE_URL`, `REFERRALS_GRPC_HOST`, `REFERRALS_GRPC_PORT` (default 50053) and the rest below."""

    service_name: ClassVar[str] = "referrals"
    default_port: ClassVar[int] = 50053
    model_config = SettingsConfigDict(env_prefix="REFERRALS_", extra="ignore")

    cases_target: str = Field(default="127.0.0.1:50052", description="host:port of the cases service (dossiers).")
    evidence_target: str = Field(
        default="127.0.0.1:50054", description="host:port of the evidence service (grants and holds)."
    )
    # Proposed: a transfer of 50 items makes 100 evidence calls; each is short.
    call_deadline_seconds: float = Field(default=5.0, gt=0, description="Deadline of one call to cases or evidence.")
    call_attempts: int = Field(default=3, ge=1, description="Attempts while the other service is UNAVAILABLE.")
    call_retry_backoff_seconds: float = Field(default=0.2, ge=0, description="Wait before the first retry, doubled.")
    # Regulation on transfers of suspected crimes (2020), art. 5: the head decides within 3 days of the report.
    head_decision_days: int = Field(default=DEFAULT_PERIODS.head_decision_days, ge=1)
    # Proposed: the regulation sets no period for the police's receipt (art. 7).
    receipt_days: int = Field(default=DEFAULT_PERIODS.receipt_days, ge=1)
    # Art. 8: the police decide on filing within 3 days of accepting the transfer.
    filing_decision_days: int = Field(default=DEFAULT_PERIODS.filing_decision_days, ge=1)
    # Art. 9: the bureau may ask for reconsideration within 3 days of the refusal; the police answer within 3 days.
    reconsideration_request_days: int = Field(default=DEFAULT_PERIODS.reconsideration_request_days, ge=1)
    reconsideration_answer_days: int = Field(default=DEFAULT_PERIODS.reconsideration_answer_days, ge=1)
    # Proposed (issue 13 item 5): the police's reasons to the procuratorate within 7 days.
    supervision_answer_days: int = Field(default=DEFAULT_PERIODS.supervision_answer_days, ge=1)
    # Proposed: grants last five years from the report (the "a setting after the transfer ends": they are
    # revoked earlier when the transfer is withdrawn or resent).
    grant_days: int = Field(default=1826, ge=1, description="Days the police's grant on each item lasts.")
    # Issue 13 item 2: "revoked per policy when the case comes back"; proposed: the police lose their grants on a
    # reverse transfer (the holds stay with the administrative case).
    revoke_grants_on_reverse: bool = Field(
        default=True, description="Revoke the police's grants on every item when the case comes back."
    )
    signing_key_file: Path | None = Field(
        default=None, description="Ed25519 key that signs the transfer records; default the platform token key."
    )
    deadline_scan_seconds: float = Field(
        default=300.0, gt=0, description="How often beat records deadlines that passed unmet."
    )

    # DOMAIN §4.3; proposed: listed parties report progress weekly.
    listing_report_every_days: int = Field(default=7, ge=1, le=90)
    # Issue 13 item 9b; proposed: a webhook answers within 5 s, a run sends 100, 8 at once, a claim lasts a minute,
    # failures back off from 5 s doubling to 10 minutes, and beat sweeps every 10 s.
    webhook_timeout_seconds: float = Field(default=5.0, gt=0)
    webhook_batch: int = Field(default=100, ge=1)
    webhook_concurrency: int = Field(
        default=8, ge=1, description="Sequences (an agency and a transfer) a run POSTs to at once."
    )
    webhook_lease_seconds: float = Field(default=60.0, gt=0)
    webhook_first_backoff_seconds: float = Field(default=5.0, gt=0)
    webhook_max_backoff_seconds: float = Field(default=600.0, gt=0)
    webhook_sweep_seconds: float = Field(default=10.0, gt=0)

    # DOMAIN §4.5, issue 14 item 1: the agreements (members in river order, deadlines, ladder) are data.
    basin_agreements_file: Path | None = Field(
        default=None, description="The basin and boundary agreements (TOML); default the bundled Jiangxi ones."
    )
    # Proposed: deadlines are in minutes, so beat looks for silence every 30 s.
    basin_sweep_seconds: float = Field(default=30.0, gt=0, description="How often beat escalates silent members.")

    def basin_agreements(self) -> BasinAgreements:
        if self.basin_agreements_file is None:
            return bundled_basin_agreements()
        return read_basin_agreements(self.basin_agreements_file)

    def delivery_policy(self) -> DeliveryPolicy:
        return DeliveryPolicy(
            batch=self.webhook_batch,
            concurrency=self.webhook_concurrency,
            lease=timedelta(seconds=self.webhook_lease_seconds),
            first_backoff=timedelta(seconds=self.webhook_first_backoff_seconds),
            max_backoff=timedelta(seconds=self.webhook_max_backoff_seconds),
        )

    def periods(self) -> TransferPeriods:
        return TransferPeriods(
            head_decision_days=self.head_decision_days,
            receipt_days=self.receipt_days,
            filing_decision_days=self.filing_decision_days,
            reconsideration_request_days=self.reconsideration_request_days,
            reconsideration_answer_days=self.reconsideration_answer_days,
            supervision_answer_days=self.supervision_answer_days,
        )

    def _endpoint(self, service: str, target: str) -> Endpoint:
        return Endpoint(
            service,
            target,
            deadline_seconds=self.call_deadline_seconds,
            attempts=self.call_attempts,
            backoff_seconds=self.call_retry_backoff_seconds,
        )

    def cases_endpoint(self) -> Endpoint:
        return self._endpoint("cases", self.cases_target)

    def evidence_endpoint(self) -> Endpoint:
        return self._endpoint("evidence", self.evidence_target)
