"""Settings of a service that calls the alerts service (cases reads its registry and alerts, evidence asks whether
an alert subject is seen): where alerts listens and how it is called, under the calling service's env prefix."""

from __future__ import annotations

from pydantic import Field

from ecolink_common.calls.endpoint import Endpoint
from ecolink_common.settings import ServiceSettings


class AlertsCallerSettings(ServiceSettings):
    """`<PREFIX>_ALERTS_TARGET`, `…_ALERTS_DEADLINE_SECONDS`, `…_ALERTS_ATTEMPTS`, `…_ALERTS_RETRY_BACKOFF_SECONDS`."""

    alerts_target: str = Field(default="127.0.0.1:50051", description="host:port of the alerts service.")
    # Proposed: no source names these; one call must not hold a request long, and a restarting alerts service is
    # usually back within a second.
    alerts_deadline_seconds: float = Field(default=5.0, gt=0, description="Deadline of one call to alerts.")
    alerts_attempts: int = Field(default=3, ge=1, description="Attempts while the alerts service is UNAVAILABLE.")
    alerts_retry_backoff_seconds: float = Field(
        default=0.2, ge=0, description="Wait before the first retry; doubled before each further one."
    )

    def alerts_endpoint(self) -> Endpoint:
        """The alerts service as this service calls it."""
        return Endpoint(
            "alerts",
            self.alerts_target,
            deadline_seconds=self.alerts_deadline_seconds,
            attempts=self.alerts_attempts,
            backoff_seconds=self.alerts_retry_backoff_seconds,
        )
