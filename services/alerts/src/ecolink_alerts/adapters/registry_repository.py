"""Reads and writes the registry (units, outlets with factors, devices, video channels); never commits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, delete, insert, or_, select, update
from sqlalchemy.engine import CursorResult, Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from ecolink_alerts.adapters.tables import (
    device_table,
    key_unit_table,
    outlet_factor_table,
    outlet_table,
    registry_revision_table,
    video_channel_table,
)
from ecolink_alerts.domain.hj212.crc import CrcMode
from ecolink_alerts.domain.hj212.version import ProtocolVersion
from ecolink_alerts.domain.registry_records import (
    REASON_CHANNEL_EXISTS,
    REASON_DEVICE_EXISTS,
    REASON_OUTLET_EXISTS,
    REASON_UNIT_EXISTS,
    Device,
    KeyUnit,
    MonitoredFactor,
    Outlet,
    OutletMedium,
    VideoChannel,
)
from ecolink_common.errors import AlreadyExists


def unit_from_row(row: Row) -> KeyUnit:
    return KeyUnit(
        unit_id=row.unit_id,
        display_name=row.display_name,
        region_code=row.region_code,
        industry=row.industry,
        enterprise_agency_id=row.enterprise_agency_id or "",
    )


def _factor(row: Row) -> MonitoredFactor:
    return MonitoredFactor(
        pollutant_code=row.pollutant_code,
        unit=row.unit,
        emission_limit=row.emission_limit,
        range_lower=row.range_lower,
        range_upper=row.range_upper,
    )


def _device(row: Row) -> Device:
    return Device(
        mn=row.mn,
        unit_id=row.unit_id,
        outlet_id=row.outlet_id,
        protocol_version=ProtocolVersion[row.protocol_version],
        crc_mode=CrcMode(row.crc_mode),
        access_password=row.access_password,
    )


def _channel(row: Row) -> VideoChannel:
    return VideoChannel(
        unit_id=row.unit_id,
        channel_id=row.channel_id,
        display_name=row.display_name,
        stream_url=row.stream_url,
        outlet_id=row.outlet_id or "",
    )


def _within_reach(region_prefix: str | None, agency_id: str) -> ColumnElement[bool]:
    """Units a caller may see: those of its own enterprise, and those within its region when it is a bureau."""
    reach = [key_unit_table.c.enterprise_agency_id == agency_id]
    if region_prefix is not None:
        reach.append(key_unit_table.c.region_code.startswith(region_prefix, autoescape=True))
    return or_(*reach)


class RegistryRepository:
    """Key units and everything registered under them."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def _put(
        self, table: Table, key: Mapping[str, Any], values: Mapping[str, Any], *, name: str, exists_reason: str
    ) -> None:
        """Updates the row with this key, or inserts it when there is none; counts the write in the revision. An
        insert that a concurrent create of the same record won is ALREADY_EXISTS (`exists_reason`)."""
        matches = [table.c[column] == value for column, value in key.items()]
        result = await self._session.execute(update(table).where(*matches).values(**values))
        assert isinstance(result, CursorResult)
        if result.rowcount == 0:
            try:
                await self._session.execute(insert(table).values(**key, **values))
            except IntegrityError as error:
                raise AlreadyExists(f"{name} already exists", reason=exists_reason) from error
        revisions = registry_revision_table
        await self._session.execute(
            update(revisions).where(revisions.c.id == 1).values(revision=revisions.c.revision + 1)
        )

    async def revision(self) -> int:
        """How many registry writes have committed: a copy of the registry read at this revision is still current."""
        query = select(registry_revision_table.c.revision).where(registry_revision_table.c.id == 1)
        return int((await self._session.execute(query)).scalar_one())

    async def get_unit(self, unit_id: str) -> KeyUnit | None:
        row = (await self._session.execute(select(key_unit_table).where(key_unit_table.c.unit_id == unit_id))).first()
        return unit_from_row(row) if row else None

    async def list_units(
        self, *, region_prefix: str | None, agency_id: str, within_region: str, after_id: str, limit: int
    ) -> Sequence[KeyUnit]:
        """By unit id: the units within the caller's reach, narrowed to a region prefix when one is given."""
        units = key_unit_table
        conditions = [_within_reach(region_prefix, agency_id), units.c.unit_id > after_id]
        if within_region:
            conditions.append(units.c.region_code.startswith(within_region, autoescape=True))
        query = select(units).where(and_(*conditions)).order_by(units.c.unit_id).limit(limit)
        return [unit_from_row(row) for row in (await self._session.execute(query)).all()]

    async def units_of_enterprise(self, agency_id: str) -> Sequence[KeyUnit]:
        """The units whose enterprise is this directory agency, by unit id."""
        units = key_unit_table
        query = select(units).where(units.c.enterprise_agency_id == agency_id).order_by(units.c.unit_id)
        return [unit_from_row(row) for row in (await self._session.execute(query)).all()]

    async def put_unit(self, unit: KeyUnit) -> None:
        await self._put(
            key_unit_table,
            {"unit_id": unit.unit_id},
            {
                "display_name": unit.display_name,
                "region_code": unit.region_code,
                "industry": unit.industry,
                "enterprise_agency_id": unit.enterprise_agency_id or None,
            },
            name=unit.name,
            exists_reason=REASON_UNIT_EXISTS,
        )

    async def _factors(self, unit_id: str, outlet_ids: Sequence[str]) -> dict[str, tuple[MonitoredFactor, ...]]:
        factors = outlet_factor_table
        query = (
            select(factors)
            .where(factors.c.unit_id == unit_id, factors.c.outlet_id.in_(outlet_ids))
            .order_by(factors.c.outlet_id, factors.c.pollutant_code)
        )
        by_outlet: dict[str, list[MonitoredFactor]] = {outlet_id: [] for outlet_id in outlet_ids}
        for row in (await self._session.execute(query)).all():
            by_outlet[row.outlet_id].append(_factor(row))
        return {outlet_id: tuple(found) for outlet_id, found in by_outlet.items()}

    async def _outlets(self, unit_id: str, rows: Sequence[Row]) -> list[Outlet]:
        factors = await self._factors(unit_id, [row.outlet_id for row in rows])
        return [
            Outlet(row.unit_id, row.outlet_id, row.display_name, OutletMedium(row.medium), factors[row.outlet_id])
            for row in rows
        ]

    async def get_outlet(self, unit_id: str, outlet_id: str) -> Outlet | None:
        query = select(outlet_table).where(outlet_table.c.unit_id == unit_id, outlet_table.c.outlet_id == outlet_id)
        row = (await self._session.execute(query)).first()
        return (await self._outlets(unit_id, [row]))[0] if row else None

    async def list_outlets(self, unit_id: str, *, after_id: str, limit: int) -> Sequence[Outlet]:
        query = (
            select(outlet_table)
            .where(outlet_table.c.unit_id == unit_id, outlet_table.c.outlet_id > after_id)
            .order_by(outlet_table.c.outlet_id)
            .limit(limit)
        )
        return await self._outlets(unit_id, (await self._session.execute(query)).all())

    async def put_outlet(self, outlet: Outlet) -> None:
        """Stores the outlet and replaces its factors with the ones it carries."""
        key: dict[str, Any] = {"unit_id": outlet.unit_id, "outlet_id": outlet.outlet_id}
        await self._put(
            outlet_table,
            key,
            {"display_name": outlet.display_name, "medium": outlet.medium.value},
            name=outlet.name,
            exists_reason=REASON_OUTLET_EXISTS,
        )
        factors = outlet_factor_table
        await self._session.execute(
            delete(factors).where(factors.c.unit_id == outlet.unit_id, factors.c.outlet_id == outlet.outlet_id)
        )
        if outlet.factors:
            await self._session.execute(
                insert(factors),
                [
                    key
                    | {
                        "pollutant_code": factor.pollutant_code,
                        "unit": factor.unit,
                        "emission_limit": factor.emission_limit,
                        "range_lower": factor.range_lower,
                        "range_upper": factor.range_upper,
                    }
                    for factor in outlet.factors
                ],
            )

    async def every_device(self) -> tuple[list[Device], dict[str, KeyUnit], dict[tuple[str, str], Outlet]]:
        """Every registered device, with every unit and every outlet (keyed by unit and outlet id), in four reads."""
        units = {row.unit_id: unit_from_row(row) for row in (await self._session.execute(select(key_unit_table))).all()}
        factor_rows = await self._session.execute(
            select(outlet_factor_table).order_by(outlet_factor_table.c.pollutant_code)
        )
        factors: dict[tuple[str, str], list[MonitoredFactor]] = {}
        for row in factor_rows.all():
            factors.setdefault((row.unit_id, row.outlet_id), []).append(_factor(row))
        outlets = {
            (row.unit_id, row.outlet_id): Outlet(
                row.unit_id,
                row.outlet_id,
                row.display_name,
                OutletMedium(row.medium),
                tuple(factors.get((row.unit_id, row.outlet_id), ())),
            )
            for row in (await self._session.execute(select(outlet_table))).all()
        }
        devices = [_device(row) for row in (await self._session.execute(select(device_table))).all()]
        return devices, units, outlets

    async def get_device(self, mn: str) -> Device | None:
        row = (await self._session.execute(select(device_table).where(device_table.c.mn == mn))).first()
        return _device(row) if row else None

    async def list_devices(
        self, *, region_prefix: str | None, agency_id: str, unit_id: str, after_mn: str, limit: int
    ) -> Sequence[Device]:
        """By MN: the devices of units within the caller's reach, only one unit's when `unit_id` is set."""
        devices = device_table
        conditions = [_within_reach(region_prefix, agency_id), devices.c.mn > after_mn]
        if unit_id:
            conditions.append(devices.c.unit_id == unit_id)
        query = (
            select(devices)
            .join(key_unit_table, key_unit_table.c.unit_id == devices.c.unit_id)
            .where(and_(*conditions))
            .order_by(devices.c.mn)
            .limit(limit)
        )
        return [_device(row) for row in (await self._session.execute(query)).all()]

    async def devices_of_unit(self, unit_id: str) -> Sequence[Device]:
        query = select(device_table).where(device_table.c.unit_id == unit_id).order_by(device_table.c.mn)
        return [_device(row) for row in (await self._session.execute(query)).all()]

    async def put_device(self, device: Device) -> None:
        await self._put(
            device_table,
            {"mn": device.mn},
            {
                "unit_id": device.unit_id,
                "outlet_id": device.outlet_id,
                "protocol_version": device.protocol_version.name,
                "crc_mode": device.crc_mode.value,
                "access_password": device.access_password,
            },
            name=device.name,
            exists_reason=REASON_DEVICE_EXISTS,
        )

    async def get_channel(self, unit_id: str, channel_id: str) -> VideoChannel | None:
        channels = video_channel_table
        query = select(channels).where(channels.c.unit_id == unit_id, channels.c.channel_id == channel_id)
        row = (await self._session.execute(query)).first()
        return _channel(row) if row else None

    async def list_channels(self, unit_id: str, *, after_id: str, limit: int) -> Sequence[VideoChannel]:
        channels = video_channel_table
        query = (
            select(channels)
            .where(channels.c.unit_id == unit_id, channels.c.channel_id > after_id)
            .order_by(channels.c.channel_id)
            .limit(limit)
        )
        return [_channel(row) for row in (await self._session.execute(query)).all()]

    async def put_channel(self, channel: VideoChannel) -> None:
        await self._put(
            video_channel_table,
            {"unit_id": channel.unit_id, "channel_id": channel.channel_id},
            {
                "display_name": channel.display_name,
                "outlet_id": channel.outlet_id or None,
                "stream_url": channel.stream_url,
            },
            name=channel.name,
            exists_reason=REASON_CHANNEL_EXISTS,
        )
