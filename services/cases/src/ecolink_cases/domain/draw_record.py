"""A draw's published record (DOMAIN §3.4, 一公开): canonical JSON, the same bytes for the same draw on every machine,
from which anyone can re-run it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import ValidationError

from ecolink_cases.domain.inspection_draw import InspectionDraw


class DrawRecordInvalid(ValueError):
    """Text that is not a draw record."""


def draw_record_json(draw: InspectionDraw) -> str:
    """Keys sorted, no spaces, decimals as strings, non-ASCII kept as UTF-8."""
    return json.dumps(draw.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def draw_from_record(text: str) -> InspectionDraw:
    try:
        return InspectionDraw.model_validate_json(text)
    except ValidationError as error:
        raise DrawRecordInvalid(f"not a draw record: {error.error_count()} problem(s)") from error


@dataclass(frozen=True)
class StoredDraw:
    """A published draw: who ran it, when, on which day's colours, after which draw, and its canonical record."""

    draw_id: int
    region_code: str
    agency_id: str
    draw_time: datetime
    graded_on: date
    previous_draw_id: int | None
    record: str

    @property
    def name(self) -> str:
        return f"inspectionDraws/{self.draw_id}"
