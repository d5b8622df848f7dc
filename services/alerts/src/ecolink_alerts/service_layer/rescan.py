"""Rescanning stored values over a range with the online rule engine: the episodes, matched to the stored alerts."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta

from ecolink_alerts.domain.alert_records import Alert, AlertFilter
from ecolink_alerts.domain.batch import ComputedHours, rescan_devices
from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_alerts.domain.rules.events import Episode, RuleId
from ecolink_alerts.domain.thresholds import RuleThresholds
from ecolink_alerts.service_layer.device_rules import DeviceSite, device_site, rule_engine
from ecolink_alerts.service_layer.registry_access import OUTCOME_DENIED
from ecolink_alerts.service_layer.time_range import checked_range
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import InvalidArgument, NotFound, PermissionDenied
from ecolink_common.jurisdiction import RecordScope, may_see

RESCAN_ACTION = "RescanRange"
REASON_RESCAN_TARGET_INVALID = "RESCAN_TARGET_INVALID"
REASON_ALERTS_FOR_BUREAUS = "ALERTS_FOR_BUREAUS_ONLY"
ALERT_PAGE = 500

NOT_REPRODUCED = frozenset(
    {
        # ANOMALY_RULES §C10: arrivals that stored no value (heartbeats, repeats, refused records) count online,
        # and the online clock ticks at its own times.
        RuleId.OFFLINE,
        RuleId.LONG_TERM_OFFLINE,
        # ANOMALY_RULES §C12: ingest raises conflicts from the versions it keeps, not the engine from values.
        RuleId.CONFLICTING_VALUES,
        # ANOMALY_RULES §C12 QN and §C13: packet receipts are not stored.
        RuleId.MALFORMED_QN,
        RuleId.PROTOCOL_INTEGRITY,
    }
)
REPRODUCED = frozenset(RuleId) - NOT_REPRODUCED
"""The rules a rescan of stored values reproduces: E1, C1–C9, C11 and C12.future_data_time."""

EpisodeIdentity = tuple[RuleId, str, DataKind | None, str | None, datetime]


@dataclass(frozen=True)
class RescanTarget:
    """What to rescan: every device of a unit, or one device (exactly one is set)."""

    unit_id: str = ""
    mn: str = ""


@dataclass(frozen=True)
class RescannedEpisode:
    """An episode the rescan found, and the id of the stored alert it matches (None when there is none)."""

    episode: Episode
    matching_alert_id: str | None


@dataclass(frozen=True)
class RescanResult:
    """The episodes found, by start time, and the stored alerts of reproduced rules that none of them matches."""

    episodes: list[RescannedEpisode]
    unmatched_alert_ids: list[str]


def _identity_of_episode(episode: Episode) -> EpisodeIdentity:
    key = episode.key
    return episode.rule, key.mn, key.kind, key.factor, episode.started_at


def _identity_of_alert(alert: Alert) -> EpisodeIdentity:
    return alert.rule, alert.mn, alert.kind, alert.factor, alert.started_at


async def _sites(uow: AlertsUnitOfWork, principal: Principal, target: RescanTarget) -> list[DeviceSite]:
    """The devices to rescan; a unit or device the caller may not see is NOT_FOUND like an unknown one (audited)."""
    if bool(target.unit_id) == bool(target.mn):
        raise InvalidArgument.for_field(
            "unit", "set exactly one of unit and device", reason=REASON_RESCAN_TARGET_INVALID
        )
    if target.mn:
        site = await device_site(uow, target.mn)
        if site is None:
            raise NotFound(f"devices/{target.mn} was not found")
        unit, resource, mns, known = site.unit, site.device.name, [target.mn], {target.mn: site}
    else:
        found_unit = await uow.registry.get_unit(target.unit_id)
        if found_unit is None:
            raise NotFound(f"units/{target.unit_id} was not found")
        unit, resource = found_unit, found_unit.name
        mns, known = [device.mn for device in await uow.registry.devices_of_unit(unit.unit_id)], {}
    # DOMAIN §1: a rescan shows alerts, which are the bureaus' of the unit's region (as ListAlerts shows them).
    alerts_scope = RecordScope("", unit.region_code)
    if may_see(principal.viewer, unit.scope) and not may_see(principal.viewer, alerts_scope):
        # The unit's own enterprise sees the unit, not the clues against it: refused, not hidden.
        entry = AuditEntry(principal.agency_id, RESCAN_ACTION, resource, OUTCOME_DENIED, REASON_ALERTS_FOR_BUREAUS)
        await uow.commit_refusal(entry)
        raise PermissionDenied(
            f"{principal.agency_id} may not rescan {resource}: rescans are for the bureaus of the unit's region",
            reason=REASON_ALERTS_FOR_BUREAUS,
        )
    await require_visible(uow, principal, alerts_scope, action=RESCAN_ACTION, resource=resource)
    sites = [known[mn] if mn in known else await device_site(uow, mn) for mn in mns]
    return [site for site in sites if site is not None]


async def _stored_alerts(
    uow: AlertsUnitOfWork, unit_id: str, region_code: str, started_from: datetime, started_before: datetime
) -> list[Alert]:
    wanted = AlertFilter(unit_id=unit_id, started_from=started_from, started_before=started_before)
    alerts: list[Alert] = []
    after = None
    while True:
        page = await uow.alerts.list(wanted, within=region_code, after=after, limit=ALERT_PAGE)
        alerts.extend(page)
        if len(page) < ALERT_PAGE:
            return alerts
        after = (page[-1].started_at, page[-1].alert_id)


async def rescan_range(
    uow: AlertsUnitOfWork,
    principal: Principal,
    target: RescanTarget,
    start: datetime | None,
    end: datetime | None,
    *,
    longest: timedelta,
    thresholds: RuleThresholds,
) -> RescanResult:
    """Replays the stored values with a DataTime in [start, end) and the hour values the roll-up computed for that
    range through each device's rule engine, from an empty state, in the order they were received (computed), and
    matches the episodes of reproduced rules to the stored alerts (same rule, device, data kind, factor and start).
    Writes nothing but the audit of the read.

    A computed hour is stored as last computed: one the roll-up computed again with another value (minute values
    that came after the hour was complete) is replayed as of then only, so there a rescan can differ from what
    online evaluation judged of its first value.

    A reproduced rule's episode starts at the DataTime of its first matching value, so inside the range: the stored
    alerts that started inside it are all it can match.
    """
    start, end = checked_range(start, end, longest=longest)
    readings: list[Reading] = []
    computed: dict[str, list[ComputedHours]] = {}
    stored: list[Alert] = []
    async with uow:
        sites = await _sites(uow, principal, target)
        for site in sites:
            readings.extend(await uow.history.values_between(site.device, start, end))
            computed[site.device.mn] = await uow.history.computed_hours_between(site.device, start, end)
        for unit_id, region_code in sorted({(site.unit.unit_id, site.unit.region_code) for site in sites}):
            stored.extend(await _stored_alerts(uow, unit_id, region_code, start, end))
        await uow.commit()
    engines = {site.device.mn: rule_engine(site, thresholds) for site in sites}
    # Up to a month of values through the rules is CPU work: off the event loop, so other calls keep being served.
    replayed = await asyncio.to_thread(rescan_devices, engines, readings, computed=computed)
    episodes = [episode for episode in replayed if episode.rule in REPRODUCED]
    by_identity = {
        _identity_of_alert(alert): alert.alert_id
        for alert in stored
        if alert.mn in engines and alert.rule in REPRODUCED
    }
    found = [
        RescannedEpisode(episode, by_identity.get(_identity_of_episode(episode)))
        for episode in sorted(episodes, key=lambda e: (e.started_at, e.rule.value, str(e.key)))
    ]
    matched = {rescanned.matching_alert_id for rescanned in found}
    unmatched = [
        alert_id
        for _, alert_id in sorted(by_identity.items(), key=lambda item: (item[0][4], item[1]))
        if alert_id not in matched
    ]
    return RescanResult(found, unmatched)
