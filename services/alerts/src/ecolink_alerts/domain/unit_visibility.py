"""Which rules' alerts a key unit's enterprise sees of its own units (DOMAIN §1), named per rule in a setting."""

from __future__ import annotations

from collections.abc import Iterable

from ecolink_alerts.domain.rules.events import RuleId

# DOMAIN §1: a key unit sees its own alerts. Exceedance (E1) and the data-quality rules (C9–C13) are shown to it
# so it can fix its devices; the falsification clues (C1–C8) stay with the bureaus of its region (proposed split,
# issue 10 item 11; a later change shows them once an order or a case is issued).
DEFAULT_UNIT_VISIBLE_RULES = frozenset({"E1", "C9", "C10", "C11", "C12", "C13"})


def unknown_rule_names(names: Iterable[str]) -> list[str]:
    """The names that are neither a rule id (`C11.manual_value`) nor a rule's section (`C11`), sorted."""
    known = {rule.value for rule in RuleId} | {rule.section for rule in RuleId}
    return sorted(set(names) - known)


def rules_seen_by_unit(names: Iterable[str]) -> frozenset[RuleId]:
    """The rules whose alerts the unit sees: each named by its id or by its section (C11 names all C11 rules)."""
    named = set(names)
    return frozenset(rule for rule in RuleId if rule.value in named or rule.section in named)
