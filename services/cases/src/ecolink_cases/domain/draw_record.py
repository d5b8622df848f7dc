"""A draw's published record (DOMAIN §3.4, 一公开): canonical JSON, the same bytes for the same draw on every machine,
from which anyone can re-run it."""

from __future__ import annotations

import json

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
