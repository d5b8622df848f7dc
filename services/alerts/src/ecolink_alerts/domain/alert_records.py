"""Alerts as stored and listed: one per rule episode, with its key, state and evidence window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from ecolink_alerts.domain.readings import DataKind
from ecolink_alerts.domain.rules.events import Evidence, RuleId
from ecolink_common.jurisdiction import RecordScope


class AlertState(StrEnum):
    """An alert is open while its episode goes on and closed once the pattern stopped."""

    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class Alert:
    """ANOMALY_RULES §C: one alert per episode, carrying the rule, unit, outlet, factor and evidence window."""

    alert_id: str
    rule: RuleId
    unit_id: str
    outlet_id: str
    mn: str
    kind: DataKind | None
    factor: str | None
    region_code: str
    state: AlertState
    started_at: datetime
    ended_at: datetime
    evidence: tuple[Evidence, ...]
    opened_at: datetime
    updated_at: datetime
    case_name: str = ""  # the enforcement case it became, `cases/{id}`, once the cases service said so

    @property
    def name(self) -> str:
        return f"alerts/{self.alert_id}"

    def scope(self, enterprise_agency_id: str = "", unit_rules: frozenset[RuleId] = frozenset()) -> RecordScope:
        """DOMAIN §1: an alert is the bureaus' of the unit's region; the unit's enterprise (`enterprise_agency_id`)
        sees it too when its rule is one of `unit_rules` (ALERTS_UNIT_VISIBLE_RULES), never as its owner."""
        shared = frozenset({enterprise_agency_id}) if enterprise_agency_id and self.rule in unit_rules else frozenset()
        return RecordScope(owner_agency_id="", region_code=self.region_code, shared_with=shared)


@dataclass(frozen=True)
class AlertFilter:
    """What ListAlerts narrows to; empty fields do not narrow."""

    unit_id: str = ""
    region_code: str = ""
    rule: str = ""
    state: AlertState | None = None
    started_from: datetime | None = None
    started_before: datetime | None = None
