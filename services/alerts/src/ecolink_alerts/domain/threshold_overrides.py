"""The rule thresholds an operator's overrides set: a pydantic model of every threshold, merged into the defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from datetime import timedelta
from enum import Enum
from functools import cache
from types import MappingProxyType
from typing import Annotated, Any, get_args, get_origin, get_type_hints

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Strict,
    ValidationError,
    create_model,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from ecolink_alerts.domain.hj212.factor_codes import is_2017_code
from ecolink_alerts.domain.thresholds import FactorThresholds, RuleThresholds

BY_FACTOR = "by_factor"
VALIDITY = "validity"


class ThresholdOverrideError(ValueError):
    """An override the thresholds do not have, or of the wrong type; the message names its key path."""


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


def _not_negative(value: Any) -> Any:
    """Every threshold is a count, a share, a multiple, a level or a duration: none of them below zero."""
    if value < type(value)():
        raise PydanticCustomError("negative", "must not be negative, got {value}", {"value": str(value)})
    return value


def _no_boolean_duration(value: Any) -> Any:
    """pydantic reads `true` as one second; a duration is ISO 8601 or seconds, never a boolean."""
    if isinstance(value, bool):
        raise PydanticCustomError("time_delta_type", "expected a duration")
    return value


def _pollutant_code(code: str) -> str:
    if not is_2017_code(code):
        raise PydanticCustomError("pollutant_code", "not an HJ 212-2017 pollutant code like a21026")
    return code


def _leaf_type(hint: Any) -> Any:
    """The pydantic type of a threshold value as the file writes it (durations as in the `ALERTS_*` settings)."""
    if hint is int:
        return Annotated[int, Strict(), AfterValidator(_not_negative)]
    if hint is float:
        return Annotated[float, Strict(), AllowInfNan(False), AfterValidator(_not_negative)]
    if hint is timedelta:
        return Annotated[timedelta, BeforeValidator(_no_boolean_duration), AfterValidator(_not_negative)]
    if get_origin(hint) is frozenset or (isinstance(hint, type) and issubclass(hint, Enum)):
        return hint
    raise TypeError(f"thresholds of type {hint!r} cannot be set from a file")


def _field_type(hint: Any) -> Any:
    if isinstance(hint, type) and is_dataclass(hint):
        return _overrides_model(hint)
    if get_origin(hint) is Mapping:
        _, value_hint = get_args(hint)
        return dict[Annotated[str, AfterValidator(_pollutant_code)], _field_type(value_hint)]  # type: ignore[misc]
    return _leaf_type(hint)


@cache
def _overrides_model(thresholds: type) -> type[BaseModel]:
    """A model of `thresholds` (a dataclass) in which every field is optional: only what the file names is set."""
    hints = get_type_hints(thresholds)
    field_types: dict[str, Any] = {field.name: (_field_type(hints[field.name]), None) for field in fields(thresholds)}
    config = ConfigDict(extra="forbid", frozen=True)
    return create_model(f"{thresholds.__name__}Overrides", __config__=config, **field_types)


def _hint_at(location: tuple[int | str, ...]) -> Any:
    """The type of the threshold at `location` in RuleThresholds (a by_factor key or a list index steps inside)."""
    hint: Any = RuleThresholds
    for step in location:
        if isinstance(hint, type) and is_dataclass(hint):
            hint = get_type_hints(hint).get(str(step))
        elif get_origin(hint) in (Mapping, frozenset):
            hint = get_args(hint)[-1]
    return hint


def _path(location: tuple[int | str, ...]) -> str:
    path = ""
    for step in location:
        if isinstance(step, int):
            path += f"[{step}]"
        elif step != "[key]":
            path += f".{step}" if path else step
    return path


def _message(error: ErrorDetails) -> str:
    """The error as `key.path: what is wrong`, in the words the thresholds file's documentation uses."""
    location, kind, given = error["loc"], error["type"], error["input"]
    path = _path(location)
    if kind == "extra_forbidden":
        known = ", ".join(field.name for field in fields(_hint_at(location[:-1])))
        return f"{path}: unknown threshold (known here: {known})"
    if kind in ("model_type", "dict_type"):
        return f"{path or 'the file'}: expected a JSON object, got {_json_type(given)}"
    if kind == "int_type":
        return f"{path}: expected an integer, got {_json_type(given)}"
    if kind == "float_type":
        return f"{path}: expected a number, got {_json_type(given)}"
    if kind == "finite_number":
        return f"{path}: expected a finite number, got {given}"
    if kind == "frozen_set_type":
        return f"{path}: expected a list, got {_json_type(given)}"
    if kind == "enum":
        known = ", ".join(str(member.value) for member in _hint_at(location))
        return f"{path}: {given!r} is not one of {known}"
    if kind == "time_delta_type":
        return f"{path}: expected a duration (ISO 8601 or seconds), got {_json_type(given)}"
    if kind == "time_delta_parsing":
        return f"{path}: {given!r} is not an ISO 8601 duration like PT2H"
    return f"{path}: {error['msg']}"


def _merged(default: Any, changes: Mapping[str, Any]) -> Any:
    """`default` (a thresholds dataclass) with `changes` (the fields an override sets) applied, objects field by
    field."""
    values = {
        name: _merged(getattr(default, name), change) if isinstance(change, dict) else change
        for name, change in changes.items()
    }
    return replace(default, **values)


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


def parsed_overrides(overrides: Any) -> BaseModel:
    """`overrides` (the file's JSON) checked against every threshold's type; the first problem names its key path."""
    try:
        parsed = _overrides_model(RuleThresholds).model_validate(overrides)
    except ValidationError as wrong:
        raise ThresholdOverrideError(_message(wrong.errors()[0])) from None
    for factor, factor_overrides in (getattr(parsed, BY_FACTOR) or {}).items():
        if VALIDITY in factor_overrides.model_fields_set:
            # The roll-up's derived means judge validity for every factor alike (ANOMALY_RULES §A R1–R6); a
            # per-factor change would make the online rules and the means disagree.
            raise ThresholdOverrideError(
                f"{BY_FACTOR}.{factor}.{VALIDITY}: validity applies to every factor; set factor_defaults"
            )
    return parsed


def rule_thresholds(overrides: Any) -> RuleThresholds:
    """The documented defaults with `overrides` (shaped like `RuleThresholds`, only the fields to change) merged in.

    Durations are ISO 8601 (`"PT2H"`) or seconds, flag sets lists of HJ 212 flag codes. `by_factor` entries are
    changes relative to `factor_defaults` as overridden, so the built-in water-analyser C1 override keeps its
    N = 12 h when the operator changes another default, and a pollutant listed there changes only what it names.
    """
    defaults = RuleThresholds()
    changes = parsed_overrides(overrides).model_dump(exclude_unset=True)
    per_factor: dict[str, dict[str, Any]] = changes.pop(BY_FACTOR, {})
    merged = _merged(defaults, changes)
    factor_defaults = merged.factor_defaults
    by_factor: dict[str, FactorThresholds] = {
        factor: _rebased(built_in, FactorThresholds(), factor_defaults)
        for factor, built_in in defaults.by_factor.items()
    }
    for factor, factor_changes in per_factor.items():
        by_factor[factor] = _merged(by_factor.get(factor, factor_defaults), factor_changes)
    return replace(merged, by_factor=MappingProxyType(by_factor))
