"""A field that breaks a registry rule, in the domain's own terms: the service layer turns it into INVALID_ARGUMENT."""

from __future__ import annotations

import math
from dataclasses import dataclass

# The platform's limits of free text (ecolink_common.text_rules, whose errors carry gRPC codes and so stay out
# of the domain); tests/unit/test_registry_rules.py keeps the two equal.
MAX_NAME_CHARS = 200
MAX_URL_CHARS = 2048


@dataclass(frozen=True)
class RuleViolation:
    """One field of a record and what is wrong with it, e.g. `factors[0].unit` "is required"."""

    field: str
    description: str


def text_violations(value: str, field: str, *, limit: int, required: bool = False) -> list[RuleViolation]:
    """Why a free-text value is refused: missing when required, or longer than `limit` characters."""
    if required and not value.strip():
        return [RuleViolation(field, "is required")]
    if len(value) > limit:
        return [RuleViolation(field, f"must be at most {limit} characters")]
    return []


def finite_violations(value: float | None, field: str) -> list[RuleViolation]:
    """A NaN or infinite limit or range would silently turn off the comparisons made with it."""
    if value is not None and not math.isfinite(value):
        return [RuleViolation(field, "must be a finite number")]
    return []
