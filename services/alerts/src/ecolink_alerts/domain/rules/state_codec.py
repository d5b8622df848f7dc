"""JSON form of rule-engine state, so the service can persist it between batches and resume exactly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import datetime, timedelta
from enum import Enum
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

TYPE_TAG = "$type"
"""Names the dataclass of an encoded object, for fields whose type is a union or `object`."""

PLAIN_TYPES = frozenset({bool, int, float, str})
"""Types encoded as they are (their subclasses, enums among them, are looked at more closely)."""


class StateCodec:
    """Encodes frozen-dataclass state to JSON-compatible values and back, guided by the field annotations.

    It knows the dataclasses reachable from its root types; a value of any other class is refused.
    """

    def __init__(self, *roots: type) -> None:
        self._types: dict[str, type] = {}
        self._hints: dict[type, dict[str, Any]] = {}
        self._field_names: dict[type, tuple[str, ...]] = {}
        for root in roots:
            self._collect(root)

    def _collect(self, hint: Any) -> None:
        for argument in get_args(hint):
            self._collect(argument)
        if not (isinstance(hint, type) and is_dataclass(hint)):
            return
        known = self._types.get(hint.__name__)
        if known is hint:
            return
        if known is not None:
            raise ValueError(f"two state types are named {hint.__name__}")
        self._types[hint.__name__] = hint
        self._hints[hint] = get_type_hints(hint)
        self._field_names[hint] = tuple(field.name for field in fields(hint))
        for field_hint in self._hints[hint].values():
            self._collect(field_hint)

    def dump(self, value: Any) -> Any:
        """The JSON-compatible form of a state value."""
        value_type = type(value)
        names = self._field_names.get(value_type)
        if names is not None:
            encoded = {name: self.dump(getattr(value, name)) for name in names}
            return {TYPE_TAG: value_type.__name__, **encoded}
        if value is None or value_type in PLAIN_TYPES:
            return value
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, bool | int | float | str):
            return value
        if isinstance(value, datetime):
            return value.isoformat()
        if isinstance(value, timedelta):
            return value.total_seconds()
        if is_dataclass(value) and not isinstance(value, type):
            raise TypeError(f"{value_type.__name__} is not a known state type")
        if isinstance(value, tuple | list):
            return [self.dump(item) for item in value]
        if isinstance(value, Mapping):
            return {str(self.dump(key)): self.dump(item) for key, item in value.items()}
        raise TypeError(f"cannot encode a {type(value).__name__} as state")

    def load(self, data: Any, hint: Any) -> Any:
        """The state value of type `hint` that `dump` encoded as `data`."""
        origin = get_origin(hint)
        arguments = get_args(hint)
        if hint is Any or hint is object:
            return self._load_tagged(data) if isinstance(data, dict) and TYPE_TAG in data else data
        if origin in (Union, UnionType):
            options = [option for option in arguments if option is not type(None)]
            if data is None and len(options) < len(arguments):
                return None
            return self.load(data, options[0]) if len(options) == 1 else self._load_tagged(data)
        if origin is tuple:
            if len(arguments) == 2 and arguments[1] is Ellipsis:
                return tuple(self.load(item, arguments[0]) for item in data)
            return tuple(self.load(item, argument) for item, argument in zip(data, arguments, strict=True))
        if origin in (dict, Mapping):
            key_hint, value_hint = arguments
            return {self.load(key, key_hint): self.load(item, value_hint) for key, item in data.items()}
        if isinstance(hint, type):
            return self._load_plain(data, hint)
        raise TypeError(f"cannot decode state of type {hint!r}")

    def _load_plain(self, data: Any, hint: type) -> Any:
        if is_dataclass(hint):
            return self._load_tagged(data) if TYPE_TAG in data else self._load_fields(data, hint)
        if issubclass(hint, Enum):
            return hint(data)
        if hint is datetime:
            return datetime.fromisoformat(data)
        if hint is timedelta:
            return timedelta(seconds=data)
        if hint is float:
            return float(data)
        if hint in (int, str, bool):
            return data
        raise TypeError(f"cannot decode state of type {hint.__name__}")

    def _load_tagged(self, data: dict[str, Any]) -> Any:
        state_type = self._types.get(data[TYPE_TAG])
        if state_type is None:
            raise TypeError(f"{data[TYPE_TAG]!r} is not a known state type")
        return self._load_fields(data, state_type)

    def _load_fields(self, data: dict[str, Any], state_type: type) -> Any:
        hints = self._hints[state_type]
        values = {f.name: self.load(data[f.name], hints[f.name]) for f in fields(state_type) if f.name in data}
        return state_type(**values)
