"""Factor (pollutant) codes: the 2017 code shape and the 2005 → 2017 mapping of HJ212.md §7."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

_CODE_2017 = re.compile(r"[a-z]\d{5}", re.ASCII)
# HJ212.md §7, §9: any code a device sends, 2017 (a21026) or 2005 (02, B01, 011), is a few ASCII letters and digits;
# 16 is room to spare, and what a caller may store or filter by.
ANY_FACTOR_CODE = re.compile(r"[A-Za-z0-9]{1,16}", re.ASCII)

CODES_2005_TO_2017: Mapping[str, str] = MappingProxyType(
    {
        "B02": "a00000",
        "S02": "a01011",
        "S03": "a01012",
        "S08": "a01013",
        "S05": "a01014",
        "S04": "a01017",
        "S01": "a19001",
        "02": "a21026",
        "03": "a21002",
        "04": "a21005",
        "08": "a21024",
        "01": "a34013",
        "B01": "w00000",
        "001": "w01001",
        "011": "w01018",
        "060": "w21003",
        "101": "w21011",
        "065": "w21001",
        "003": "w01012",
    }
)
"""HJ212.md §7: Appendix B "original code" of 2005 → 2017 code, for the common factors."""


def is_2017_code(code: str) -> bool:
    """HJ212.md §9: a code shaped `^[a-z]\\d{5}$` is a 2017 (or later) factor code."""
    return _CODE_2017.fullmatch(code) is not None


def code_2017(code: str) -> str:
    """The 2017 code of a factor: 2005 codes of the common factors are translated, anything else is kept."""
    return CODES_2005_TO_2017.get(code, code)


def is_unmapped_2005_code(code: str) -> bool:
    """A code of a 2005 device that is neither 2017-shaped nor in the table: kept as sent, and to be counted."""
    return code not in CODES_2005_TO_2017 and not is_2017_code(code)
