"""JSON form of rule-engine state on pydantic, so the service can persist it between batches and resume exactly."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any, Generic, TypeVar, Union

from pydantic import Discriminator, GetCoreSchemaHandler, Tag, TypeAdapter, WrapSerializer
from pydantic_core import CoreSchema, core_schema

TYPE_TAG = "$type"
"""Names the dataclass of an encoded object, for fields whose type is a union or `object`."""

State = TypeVar("State")


def _type_tag(value: Any) -> str | None:
    """The tag of an encoded object, or the class name of a state value being encoded."""
    return value.get(TYPE_TAG) if isinstance(value, dict) else type(value).__name__


def _with_type_tag(value: Any, encode: core_schema.SerializerFunctionWrapHandler) -> Any:
    return {TYPE_TAG: type(value).__name__, **encode(value)}


class Tagged:
    """pydantic metadata for a field holding one of several dataclasses: each is written with its `$type` tag and
    read back by it; a value of any other class, or a tag of none of them, is refused."""

    def __init__(self, *types: type) -> None:
        twice = sorted(name for name, count in Counter(t.__name__ for t in types).items() if count > 1)
        if twice:
            raise ValueError(f"two state types are named {twice[0]}")
        self.types = types

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        members = tuple(Annotated[t, Tag(t.__name__), WrapSerializer(_with_type_tag)] for t in self.types)
        return handler.generate_schema(Annotated[Union[members], Discriminator(_type_tag)])  # noqa: UP007


class StateCodec(Generic[State]):
    """Encodes frozen-dataclass state to JSON-compatible values and back, guided by the field annotations (fields
    holding one of several dataclasses are annotated with `Tagged`)."""

    def __init__(self, root: type[State]) -> None:
        self._adapter = TypeAdapter(root)

    def dump(self, value: State) -> Any:
        """The JSON-compatible form of a state value."""
        return self._adapter.dump_python(value, mode="json")

    def load(self, data: Any) -> State:
        """The state value that `dump` encoded as `data`."""
        return self._adapter.validate_python(data)
