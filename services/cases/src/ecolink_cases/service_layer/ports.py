"""What the cases use cases need from outside their database: the registry's key units, asked as the caller."""

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
