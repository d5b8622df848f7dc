"""The four ecolink services the CLI knows, by name."""

from __future__ import annotations

from ecolink_alerts.service import SPEC as ALERTS
from ecolink_cases.service import SPEC as CASES
from ecolink_common.service_spec import ServiceSpec
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_referrals.service import SPEC as REFERRALS

SERVICES: dict[str, ServiceSpec] = {spec.name: spec for spec in (ALERTS, CASES, REFERRALS, EVIDENCE)}


def service_spec(name: str) -> ServiceSpec:
    """The spec of a service named on the command line."""
    if name not in SERVICES:
        raise KeyError(f"unknown service {name!r}; choose one of {', '.join(SERVICES)}")
    return SERVICES[name]
