"""The rule thresholds an operator's `ALERTS_RULE_THRESHOLDS_FILE` sets: its overrides merged into the defaults."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from datetime import timedelta
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from pydantic import TypeAdapter, ValidationError

from ecolink_alerts.domain.hj212.factor_codes import is_2017_code
from ecolink_alerts.domain.thresholds import FactorThresholds, RuleThresholds

T = TypeVar("T", int, float, timedelta)
_DURATION = TypeAdapter(timedelta)
BY_FACTOR = "by_factor"
_JSON_NAMES: Mapping[Any, str] = {int: "an integer", float: "a number"}


class ThresholdOverrideError(ValueError):
    """An override the thresholds do not have, or of the wrong type; the message names its key path."""


def load_rule_thresholds(path: Path | None) -> RuleThresholds:
    """The documented defaults with the overrides of the JSON file at `path` (none: the defaults)."""
    if path is None:
        return RuleThresholds()
    try:
        overrides = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as unreadable:
        raise ThresholdOverrideError(f"ALERTS_RULE_THRESHOLDS_FILE {path}: {unreadable}") from unreadable
    try:
        return rule_thresholds(overrides)
    except ThresholdOverrideError as wrong:
        raise ThresholdOverrideError(f"ALERTS_RULE_THRESHOLDS_FILE {path}: {wrong}") from wrong


def rule_thresholds(overrides: Any) -> RuleThresholds:
    """The documented defaults with `overrides` (shaped like `RuleThresholds`, only the fields to change) merged in.

    Durations are ISO 8601 (`"PT2H"`) or seconds, flag sets lists of HJ 212 flag codes. `by_factor` entries are
    changes relative to `factor_defaults` as overridden, so the built-in water-analyser C1 override keeps its
    N = 12 h when the operator changes another default, and a pollutant listed there changes only what it names.
    """
    defaults = RuleThresholds()
    changes = _object(overrides, "")
    if "grading" in changes:
        raise ThresholdOverrideError("grading: set by ALERTS_GRADING_WINDOW_DAYS and ALERTS_GRADE_* (DOMAIN §2.3)")
    per_factor = changes.pop(BY_FACTOR, {})
    merged = _merged(defaults, changes, RuleThresholds, "")
    factor_defaults = merged.factor_defaults
    by_factor = {
        factor: _rebased(built_in, FactorThresholds(), factor_defaults)
        for factor, built_in in defaults.by_factor.items()
    }
    for factor, factor_changes in _object(per_factor, BY_FACTOR).items():
        path = f"{BY_FACTOR}.{factor}"
        if not is_2017_code(factor):
            raise ThresholdOverrideError(f"{path}: not an HJ 212-2017 pollutant code like a21026")
        if "validity" in _object(factor_changes, path):
            # The roll-up's derived means judge validity for every factor alike (ANOMALY_RULES §A R1–R6); a
            # per-factor change would make the online rules and the means disagree.
            raise ThresholdOverrideError(f"{path}.validity: validity applies to every factor; set factor_defaults")
        by_factor[factor] = _merged(by_factor.get(factor, factor_defaults), factor_changes, FactorThresholds, path)
    return replace(merged, by_factor=MappingProxyType(by_factor))


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ThresholdOverrideError(f"{path or 'the file'}: expected a JSON object, got {_json_type(value)}")
    return dict(value)


def _merged(default: Any, override: Any, hint: Any, path: str) -> Any:
    """`default` (a value of type `hint`) with `override` (its JSON form) applied: objects field by field.

    Walks the dataclasses' own annotations, so every threshold is covered without a list of them; not through
    StateCodec's dump and load, which trust the types they are given and cannot encode a frozenset (C11's flags).
    """
    if isinstance(hint, type) and is_dataclass(hint):
        changes = _object(override, path)
        names = [field.name for field in fields(hint)]
        hints = get_type_hints(hint)
        values = {}
        for key, value in changes.items():
            key_path = f"{path}.{key}" if path else key
            if key not in names:
                raise ThresholdOverrideError(f"{key_path}: unknown threshold (known here: {', '.join(names)})")
            values[key] = _merged(getattr(default, key), value, hints[key], key_path)
        return replace(default, **values)
    return _leaf(override, hint, path)


def _leaf(value: Any, hint: Any, path: str) -> Any:
    """A threshold value of type `hint` from its JSON form."""
    if get_origin(hint) is frozenset:
        [member] = get_args(hint)
        if not isinstance(value, list):
            raise ThresholdOverrideError(f"{path}: expected a list, got {_json_type(value)}")
        return frozenset(_leaf(item, member, f"{path}[{index}]") for index, item in enumerate(value))
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(value)
        except ValueError:
            known = ", ".join(str(member.value) for member in hint)
            raise ThresholdOverrideError(f"{path}: {value!r} is not one of {known}") from None
    if hint is timedelta:
        return _not_negative(_duration(value, path), timedelta(0), path)
    if hint is float and _is_number(value):
        if not math.isfinite(value):
            raise ThresholdOverrideError(f"{path}: expected a finite number, got {value}")
        return _not_negative(float(value), 0.0, path)
    if hint is int and isinstance(value, int) and not isinstance(value, bool):
        return _not_negative(value, 0, path)
    if hint is int or hint is float:
        raise ThresholdOverrideError(f"{path}: expected {_JSON_NAMES[hint]}, got {_json_type(value)}")
    raise TypeError(f"{path}: thresholds of type {hint!r} cannot be set from a file")


def _not_negative(value: T, zero: T, path: str) -> T:
    """Every threshold is a count, a share, a multiple, a level or a duration: none of them below zero."""
    if value < zero:
        raise ThresholdOverrideError(f"{path}: must not be negative, got {value}")
    return value


def _duration(value: Any, path: str) -> timedelta:
    """ISO 8601 (`"PT2H"`) or seconds, as the `ALERTS_*` duration settings are read."""
    if _is_number(value):
        return timedelta(seconds=value)
    if isinstance(value, str):
        try:
            return _DURATION.validate_python(value)
        except ValidationError:
            raise ThresholdOverrideError(f"{path}: {value!r} is not an ISO 8601 duration like PT2H") from None
    raise ThresholdOverrideError(f"{path}: expected a duration (ISO 8601 or seconds), got {_json_type(value)}")


def _rebased(changed: Any, old_base: Any, new_base: Any) -> Any:
    """`new_base` with the fields in which `changed` differs from `old_base`, nested objects field by field."""
    if changed == old_base:
        return new_base
    if not is_dataclass(changed) or isinstance(changed, type):
        return changed
    values = {
        field.name: _rebased(getattr(changed, field.name), getattr(old_base, field.name), getattr(new_base, field.name))
        for field in fields(changed)
    }
    return replace(new_base, **values)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return f"the string {value!r}"
    return "a list" if isinstance(value, list) else "an object"
