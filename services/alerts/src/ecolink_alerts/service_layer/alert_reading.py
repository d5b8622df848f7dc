"""Reading alerts: one with its evidence window, or a filtered page, only what the caller's jurisdiction covers."""

from __future__ import annotations

from datetime import datetime

from ecolink_alerts.domain.alert_records import Alert, AlertFilter
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.service_layer.unit_of_work import AlertsUnitOfWork
from ecolink_common.access import require_region_within_reach, require_visible
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import NotFound
from ecolink_common.jurisdiction import bureau_reach, may_see
from ecolink_common.paging import Page, PageRequest, page_token_invalid


async def get_alert(
    uow: AlertsUnitOfWork, principal: Principal, alert_id: str, *, unit_rules: frozenset[RuleId]
) -> Alert:
    """An alert; one outside the caller's jurisdiction is NOT_FOUND like an unknown id (audited). The unit's own
    enterprise sees it when its rule is one of `unit_rules` (DOMAIN §1)."""
    async with uow:
        alert = await uow.alerts.get(alert_id)
        if alert is None:
            raise NotFound(f"alerts/{alert_id} was not found")
        unit = await uow.registry.get_unit(alert.unit_id) if alert.rule in unit_rules else None
        scope = alert.scope(unit.enterprise_agency_id if unit else "", unit_rules)
        await require_visible(uow, principal, scope, action="GetAlert", resource=alert.name)
        await uow.commit()
        return alert


def _after(page: PageRequest) -> tuple[datetime, str] | None:
    position = page.position
    if not position:
        return None
    try:
        return datetime.fromisoformat(position["started_at"]), position["after"]
    except (KeyError, ValueError) as error:
        raise page_token_invalid() from error


async def list_alerts(
    uow: AlertsUnitOfWork,
    principal: Principal,
    wanted: AlertFilter,
    *,
    unit_rules: frozenset[RuleId],
    page: PageRequest,
) -> Page[Alert]:
    """By start time: the alerts of units in a bureau's region, or of an enterprise's own units for the rules in
    `unit_rules` (DOMAIN §1); other agencies see none. A region filter outside the caller's own is NOT_FOUND."""
    after = _after(page)
    async with uow:
        if wanted.region_code:
            await require_region_within_reach(uow, principal, wanted.region_code, action="ListAlerts")
        enterprise_of: dict[str, str] = {}
        reach = bureau_reach(principal.viewer)
        if reach is not None:
            found = await uow.alerts.list(wanted, within=reach, after=after, limit=page.size + 1)
        elif principal.agency.kind is AgencyKind.ENTERPRISE and unit_rules:
            own_units = await uow.registry.units_of_enterprise(principal.agency_id)
            enterprise_of = {unit.unit_id: principal.agency_id for unit in own_units}
            found = await uow.alerts.list(
                wanted, within="", unit_ids=sorted(enterprise_of), rules=unit_rules, after=after, limit=page.size + 1
            )
        else:
            return Page([], "")
    listed = page.page_of(found, lambda last: {"started_at": last.started_at.isoformat(), "after": last.alert_id})
    visible = [
        alert
        for alert in listed.items
        if may_see(principal.viewer, alert.scope(enterprise_of.get(alert.unit_id, ""), unit_rules))
    ]
    return Page(visible, listed.next_page_token)
