"""The data area `CP=&&…&&`: DataTime, per-factor fields and the bare parameters (HJ212.md §3)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ecolink_alerts.domain.hj212.format_warnings import FormatWarning, FormatWarningKind

DATA_TIME_KEY = "DataTime"

# `;` separates items and `,` sub-values; both just end a `key=value` pair, since a factor's
# fields are grouped by the code in the key (HJ212.md §3: real devices mix the two up).
# An `Info` value may be wrapped in `//…//` and then hold separators (HJ 212-2017 log upload).
# The wrapped value cannot cross a `//`, which keeps matching linear on hostile input.
_ITEM = re.compile(
    r"(?P<key>[^=;,]*)(?:=(?://(?P<info>(?:(?!//).)*)//|(?P<value>[^;,]*)))?(?P<end>[;,]|\Z)",
    re.DOTALL | re.ASCII,
)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_N14 = re.compile(r"\d{14}", re.ASCII)


def parse_number(text: str) -> float | None:
    """A decimal as HJ 212 writes numbers (`N5.2`, optional sign); None for anything else, `nan` and `inf` included."""
    return float(text) if _NUMBER.fullmatch(text) else None


@dataclass(frozen=True, slots=True)
class DataArea:
    """What a data area says, values kept as sent: `a21026-Rtd=1.5,a21026-Flag=N` → factors["a21026"]["Rtd"]."""

    data_time: str | None
    factors: Mapping[str, Mapping[str, str]]
    params: Mapping[str, str]

    def number(self, code: str, field: str) -> float | None:
        """A factor field as a number (e.g. `number("a21026", "Rtd")`), None when absent or not numeric."""
        text = self.factors.get(code, {}).get(field)
        return None if text is None else parse_number(text)

    def int_param(self, key: str) -> int | None:
        """A bare parameter such as `QnRtn`, `ExeRtn` or `RtdInterval` as an integer, None when absent or not one."""
        text = self.params.get(key, "")
        return int(text) if text.isascii() and text.isdigit() else None


def parse_data_area(body: str) -> tuple[DataArea, tuple[FormatWarning, ...]]:
    """Parse the text between `CP=&&` and the closing `&&`; never raises, deviations become warnings."""
    data_time: str | None = None
    factors: dict[str, dict[str, str]] = {}
    params: dict[str, str] = {}
    seen: set[str] = set()
    warnings: list[FormatWarning] = []
    position = 0
    while position <= len(body):
        item = _ITEM.match(body, position)
        if item is None:  # the pattern matches at every position; this only satisfies the type checker
            break
        position = item.end() if item.group("end") else len(body) + 1
        key = item.group("key").strip()
        info, plain = item.group("info"), item.group("value")
        if info is None and plain is None:
            if key:
                warnings.append(FormatWarning.about(FormatWarningKind.ITEM_WITHOUT_VALUE, key))
            continue
        value = info if info is not None else plain.strip()
        if not key:
            warnings.append(FormatWarning.about(FormatWarningKind.VALUE_WITHOUT_KEY, value))
            continue
        if key in seen:
            warnings.append(FormatWarning.about(FormatWarningKind.REPEATED_KEY, key))
        seen.add(key)
        code, _, field = key.partition("-")
        if key == DATA_TIME_KEY:
            data_time = value
            if not _N14.fullmatch(value):
                warnings.append(FormatWarning.about(FormatWarningKind.DATA_TIME_NOT_N14, value))
        elif code and field:
            factors.setdefault(code, {})[field] = value
        else:
            params[key] = value
    return DataArea(data_time=data_time, factors=factors, params=params), tuple(warnings)
