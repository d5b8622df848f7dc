"""What the cases use cases need from outside their database, asked as the caller: the registry's key units, the
alert a case is opened from and the evidence items a step cites."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class KeyUnit:
    """A key unit as the alerts registry describes it."""

    unit_id: str
    display_name: str
    region_code: str
    enterprise_agency_id: str


class UnitDirectory(Protocol):
    """The alerts registry seen with one caller's credentials: None for a unit unknown or hidden from the caller."""

    async def key_unit(self, unit_id: str) -> KeyUnit | None: ...

    async def units_in_region(self, region_code: str) -> list[KeyUnit]:
        """Every unit of the region, by id; NotFound for a region outside the caller's own."""
        ...


@dataclass(frozen=True)
class CitedItem:
    """An evidence item as the evidence service shows it to the caller: what it was filed under and its hash."""

    name: str
    subject: str
    sha256: str


class EvidenceCatalog(Protocol):
    """The evidence service seen with one caller's credentials: None for an item unknown or hidden from the caller."""

    async def item(self, name: str) -> CitedItem | None: ...


@dataclass(frozen=True)
class SourceAlert:
    """An alert as the alerts service shows it to the caller: its rule, unit and the hash of its evidence window."""

    name: str
    rule: str
    unit_id: str
    evidence_sha256: str


class AlertSource(Protocol):
    """The alerts service seen with one caller's credentials: None for an alert unknown or hidden from the caller."""

    async def alert(self, name: str) -> SourceAlert | None: ...
