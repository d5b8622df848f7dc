"""Reads and writes alerts, one row per rule episode; never commits."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, insert, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_alerts.adapters.evidence_json import dump_evidence, load_evidence
from ecolink_alerts.adapters.tables import alert_table
from ecolink_alerts.domain.alert_records import Alert, AlertFilter, AlertState
from ecolink_alerts.domain.readings import DataKind, SeriesKey
from ecolink_alerts.domain.rules.events import Evidence, RuleId
from ecolink_common.jurisdiction import region_prefix


def _alert(row: Row) -> Alert:
    return Alert(
        alert_id=row.alert_id,
        rule=RuleId(row.rule),
        unit_id=row.unit_id,
        outlet_id=row.outlet_id,
        mn=row.mn,
        kind=DataKind(row.kind) if row.kind else None,
        factor=row.factor,
        region_code=row.region_code,
        state=AlertState(row.state),
        started_at=row.started_at,
        ended_at=row.ended_at,
        evidence=load_evidence(row.evidence, mn=row.mn, unit_id=row.unit_id, outlet_id=row.outlet_id),
        opened_at=row.opened_at,
        updated_at=row.updated_at,
        case_name=row.case_name or "",
    )


def _same(column: ColumnElement[str], value: str | None) -> ColumnElement[bool]:
    return column.is_(None) if value is None else column == value


class AlertRepository:
    """Alerts by id, the open alert of an episode, and filtered pages of alerts."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def add(self, alert: Alert) -> None:
        await self._session.execute(
            insert(alert_table).values(
                alert_id=alert.alert_id,
                rule=alert.rule.value,
                unit_id=alert.unit_id,
                outlet_id=alert.outlet_id,
                mn=alert.mn,
                kind=alert.kind.value if alert.kind else None,
                factor=alert.factor,
                region_code=alert.region_code,
                state=alert.state.value,
                started_at=alert.started_at,
                ended_at=alert.ended_at,
                evidence=dump_evidence(alert.evidence),
                opened_at=alert.opened_at,
                updated_at=alert.updated_at,
            )
        )

    async def open_alert_id(self, rule: RuleId, key: SeriesKey) -> str | None:
        """The id of the open alert of this rule's episode about this key, if there is one."""
        alerts = alert_table
        query = select(alerts.c.alert_id).where(
            alerts.c.mn == key.mn,
            alerts.c.rule == rule.value,
            alerts.c.state == AlertState.OPEN.value,
            _same(alerts.c.kind, key.kind.value if key.kind else None),
            _same(alerts.c.factor, key.factor),
        )
        return (await self._session.execute(query)).scalars().first()

    async def update_episode(
        self, alert_id: str, *, ended_at: datetime, evidence: Sequence[Evidence], state: AlertState, at: datetime
    ) -> None:
        await self._session.execute(
            update(alert_table)
            .where(alert_table.c.alert_id == alert_id)
            .values(ended_at=ended_at, evidence=dump_evidence(evidence), state=state.value, updated_at=at)
        )

    async def link_case(self, alert_id: str, case_name: str) -> None:
        """Records the case the alert became; the episode's own columns stay as they are."""
        await self._session.execute(
            update(alert_table).where(alert_table.c.alert_id == alert_id).values(case_name=case_name)
        )

    async def get(self, alert_id: str) -> Alert | None:
        row = (await self._session.execute(select(alert_table).where(alert_table.c.alert_id == alert_id))).first()
        return _alert(row) if row else None

    async def list(
        self,
        wanted: AlertFilter,
        *,
        within: str,
        after: tuple[datetime, str] | None,
        limit: int,
        unit_ids: Collection[str] | None = None,
        rules: Collection[RuleId] | None = None,
    ) -> Sequence[Alert]:
        """By start time, then id: alerts of units under the region prefix `within` that match the filter, and only
        of `unit_ids` and `rules` when they are given."""
        alerts = alert_table
        conditions = [alerts.c.region_code.startswith(within, autoescape=True)]
        if unit_ids is not None:
            conditions.append(alerts.c.unit_id.in_(list(unit_ids)))
        if rules is not None:
            conditions.append(alerts.c.rule.in_(sorted(rule.value for rule in rules)))
        if wanted.unit_id:
            conditions.append(alerts.c.unit_id == wanted.unit_id)
        if wanted.region_code:
            conditions.append(alerts.c.region_code.startswith(region_prefix(wanted.region_code), autoescape=True))
        if wanted.rule:
            # ANOMALY_RULES §C: a section id (C10) also finds its alternative patterns (C10.long_term).
            conditions.append(
                or_(alerts.c.rule == wanted.rule, alerts.c.rule.startswith(f"{wanted.rule}.", autoescape=True))
            )
        if wanted.state is not None:
            conditions.append(alerts.c.state == wanted.state.value)
        if wanted.started_from is not None:
            conditions.append(alerts.c.started_at >= wanted.started_from)
        if wanted.started_before is not None:
            conditions.append(alerts.c.started_at < wanted.started_before)
        if after is not None:
            started_at, alert_id = after
            conditions.append(
                or_(
                    alerts.c.started_at > started_at,
                    and_(alerts.c.started_at == started_at, alerts.c.alert_id > alert_id),
                )
            )
        query = select(alerts).where(*conditions).order_by(alerts.c.started_at, alerts.c.alert_id).limit(limit)
        return [_alert(row) for row in (await self._session.execute(query)).all()]
