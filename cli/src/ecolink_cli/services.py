"""The four ecolink services the CLI knows, by name: one registry line each, imported only when a command needs a
service's whole spec (a client command needs only where the service listens, from its settings)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecolink_common.service_spec import ServiceSpec
    from ecolink_common.settings import ServiceSettings


@dataclass(frozen=True)
class ServiceEntry:
    """Where a service's spec (`SPEC`) and its settings class live."""

    spec_module: str
    settings_module: str
    settings_class: str


REGISTRY: dict[str, ServiceEntry] = {
    "alerts": ServiceEntry("ecolink_alerts.service", "ecolink_alerts.settings", "AlertsSettings"),
    "cases": ServiceEntry("ecolink_cases.service", "ecolink_cases.settings", "CasesSettings"),
    "referrals": ServiceEntry("ecolink_referrals.service", "ecolink_referrals.settings", "ReferralsSettings"),
    "evidence": ServiceEntry("ecolink_evidence.service", "ecolink_evidence.settings", "EvidenceSettings"),
}
SERVICE_NAMES: tuple[str, ...] = tuple(REGISTRY)


def _entry(name: str) -> ServiceEntry:
    if name not in REGISTRY:
        raise KeyError(f"unknown service {name!r}; choose one of {', '.join(SERVICE_NAMES)}")
    return REGISTRY[name]


@cache
def service_spec(name: str) -> ServiceSpec:
    """The spec of a service named on the command line."""
    spec: ServiceSpec = importlib.import_module(_entry(name).spec_module).SPEC
    return spec


def service_specs() -> dict[str, ServiceSpec]:
    """Every service's spec, by name (the runner, the worker and the contract tests)."""
    return {name: service_spec(name) for name in SERVICE_NAMES}


def service_settings_type(name: str) -> type[ServiceSettings]:
    """A service's settings class, without importing the service itself."""
    entry = _entry(name)
    settings: type[ServiceSettings] = getattr(importlib.import_module(entry.settings_module), entry.settings_class)
    return settings
