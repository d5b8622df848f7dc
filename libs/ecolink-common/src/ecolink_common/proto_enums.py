"""Proto enums to record values and back, one map per enum: a number the map does not hold is INVALID_ARGUMENT
naming the field, never a KeyError."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, TypeVar

from ecolink_common.errors import InvalidArgument

Record = TypeVar("Record")
Proto = TypeVar("Proto", bound=int)

LISTED_VALUES = "must be set to one of its listed values"


class EnumMap(Generic[Record, Proto]):
    """The proto number of each record value (a StrEnum member, mostly), and the record value of each number."""

    def __init__(self, to_proto: Mapping[Record, Proto], refusal: str = LISTED_VALUES):
        self._to_proto = dict(to_proto)
        self._from_proto: dict[int, Record] = {number: value for value, number in to_proto.items()}
        self.refusal = refusal

    def to_proto(self, value: Record) -> Proto:
        return self._to_proto[value]

    def get(self, number: int) -> Record | None:
        """The record value of `number`, None when the map does not hold it (bulk paths that name their own field)."""
        return self._from_proto.get(number)

    def from_proto(self, number: int, field: str) -> Record:
        """The record value of `number`; unspecified or unknown is INVALID_ARGUMENT naming `field`."""
        value = self._from_proto.get(number)
        if value is None:
            raise InvalidArgument.for_field(field, self.refusal)
        return value

    def optional_from_proto(self, number: int, field: str) -> Record | None:
        """None for the enum's zero value (the filter is not set), else as `from_proto`."""
        return None if number == 0 else self.from_proto(number, field)

    def __contains__(self, number: object) -> bool:
        return number in self._from_proto
