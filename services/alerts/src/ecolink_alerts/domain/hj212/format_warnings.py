"""Deviations from the format that parsing tolerates and records (HJ212.md §3: be lenient, record a warning)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FormatWarningKind(StrEnum):
    """The stable names of tolerated deviations; counted by the protocol-integrity rule."""

    COMMA_IN_HEADER = "HJ212_COMMA_IN_HEADER"
    NO_SEMICOLON_BEFORE_CP = "HJ212_NO_SEMICOLON_BEFORE_CP"
    UNKNOWN_HEADER_FIELD = "HJ212_UNKNOWN_HEADER_FIELD"
    REPEATED_HEADER_FIELD = "HJ212_REPEATED_HEADER_FIELD"
    HEADER_ITEM_WITHOUT_VALUE = "HJ212_HEADER_ITEM_WITHOUT_VALUE"
    SPLIT_FIELDS_WITHOUT_FLAG_D = "HJ212_SPLIT_FIELDS_WITHOUT_FLAG_D"
    FLAG_D_WITHOUT_SPLIT_FIELDS = "HJ212_FLAG_D_WITHOUT_SPLIT_FIELDS"
    TEXT_AFTER_DATA_AREA = "HJ212_TEXT_AFTER_DATA_AREA"
    DATA_AREA_TOO_LONG = "HJ212_DATA_AREA_TOO_LONG"
    ITEM_WITHOUT_VALUE = "HJ212_ITEM_WITHOUT_VALUE"
    VALUE_WITHOUT_KEY = "HJ212_VALUE_WITHOUT_KEY"
    REPEATED_KEY = "HJ212_REPEATED_KEY"
    DATA_TIME_NOT_N14 = "HJ212_DATA_TIME_NOT_N14"
    FIELD_OF_OTHER_VERSION = "HJ212_FIELD_OF_OTHER_VERSION"
    SUBPACKET_CONFLICT = "HJ212_SUBPACKET_CONFLICT"


@dataclass(frozen=True, slots=True)
class FormatWarning:
    """One tolerated deviation and where it was seen (a field or key name, at most 40 characters)."""

    kind: FormatWarningKind
    detail: str = ""

    @classmethod
    def about(cls, kind: FormatWarningKind, detail: str = "") -> FormatWarning:
        """A warning whose detail is cut to 40 characters, so hostile input cannot make warnings large."""
        return cls(kind, detail[:40])
