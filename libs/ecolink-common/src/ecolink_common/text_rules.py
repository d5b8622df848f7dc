"""Limits every service applies to what callers type: free text has a documented maximum, numbers are finite."""

from __future__ import annotations

import math

from ecolink_common.errors import FieldViolation, InvalidArgument

# Proposed here (no source gives them): a name or a person fits on one line of a form; a purpose, reason or
# opinion fits on a page. Each proto field documents the limit it is held to.
MAX_NAME_CHARS = 200
MAX_TEXT_CHARS = 2000
MAX_URL_CHARS = 2048


def text_violations(value: str, field: str, *, limit: int, required: bool = False) -> list[FieldViolation]:
    """Why a free-text value is refused: missing when required, or longer than `limit` characters."""
    if required and not value.strip():
        return [FieldViolation(field, "is required")]
    if len(value) > limit:
        return [FieldViolation(field, f"must be at most {limit} characters")]
    return []


def finite_violations(value: float | None, field: str) -> list[FieldViolation]:
    """A NaN or infinite limit or range would silently turn off the comparisons made with it."""
    if value is not None and not math.isfinite(value):
        return [FieldViolation(field, "must be a finite number")]
    return []


def checked_text(value: str, field: str, *, limit: int, required: bool = False) -> str:
    """The value without surrounding white space; refused as INVALID_ARGUMENT naming `field` when missing (if
    required) or longer than `limit`."""
    violations = text_violations(value, field, limit=limit, required=required)
    if violations:
        raise InvalidArgument(f"{field}: {violations[0].description}", violations=violations)
    return value.strip()
