"""Where another service listens and how it is called: target, deadline per attempt, attempts and backoff."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_common.auth.service_identity import service_identity


@dataclass(frozen=True)
class Endpoint:
    """One service as its callers reach it; built once from the calling service's settings.

    `service` is the receiving service's name (`alerts`): the audience of service credentials sent to it and the
    stem of the reasons its failures are reported under (`ALERTS_UNAVAILABLE`, `TOKEN_REFUSED_BY_ALERTS`).
    Each attempt has the whole `deadline_seconds`; UNAVAILABLE is retried up to `attempts` in all, waiting
    `backoff_seconds` before the first retry and twice as long before each further one.
    """

    service: str
    target: str
    deadline_seconds: float = 5.0
    attempts: int = 3
    backoff_seconds: float = 0.2

    def __post_init__(self) -> None:
        if not self.service or not self.target:
            raise ValueError("an endpoint needs a service name and a target")
        if self.deadline_seconds <= 0 or self.attempts < 1 or self.backoff_seconds < 0:
            raise ValueError(
                f"endpoint {self.service}: deadline must be > 0, attempts >= 1 and backoff >= 0 "
                f"(got {self.deadline_seconds}, {self.attempts}, {self.backoff_seconds})"
            )

    @property
    def audience(self) -> str:
        return service_identity(self.service)

    @property
    def reason_stem(self) -> str:
        return self.service.upper()

    def backoff_before(self, retry: int) -> float:
        """Seconds to wait before retry number `retry` (1 for the first)."""
        return self.backoff_seconds * 2 ** (retry - 1)
