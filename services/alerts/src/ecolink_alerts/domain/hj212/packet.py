"""Parse an HJ 212 data segment into a `Packet`: header fields, Flag, split fields, data area and edition."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ecolink_alerts.domain.hj212.data_area import DataArea, parse_data_area
from ecolink_alerts.domain.hj212.errors import InvalidField, MalformedDataArea, MissingField, PacketNotText
from ecolink_alerts.domain.hj212.flag import PacketFlag
from ecolink_alerts.domain.hj212.format_warnings import FormatWarning, FormatWarningKind
from ecolink_alerts.domain.hj212.version import ProtocolVersion, detect_version, fields_foreign_to

DATA_AREA_OPENING = "CP=&&"
DATA_AREA_CLOSING = "&&"
MAX_DATA_AREA_LENGTH = 950
"""HJ212.md §3: `CP=&&…&&` is at most 950 characters."""

# HJ212.md §3, with the tolerances it lists for real data: QN of 17 digits or 13 (epoch ms),
# ST of 2–3 characters, PW up to 24 characters and more, MN an opaque id of letters, digits and `_`.
_HEADER_FORMATS: dict[str, tuple[re.Pattern[str], str]] = {
    "QN": (re.compile(r"\d{17}|\d{13}", re.ASCII), "17 digits (YYYYMMDDhhmmsszzz) or 13 (epoch milliseconds)"),
    "ST": (re.compile(r"[0-9A-Za-z]{2,3}", re.ASCII), "a system code of 2 or 3 letters and digits"),
    "CN": (re.compile(r"\d{4}", re.ASCII), "a command code of 4 digits"),
    "PW": (re.compile(r"[!-~]{1,32}", re.ASCII), "a password of 1 to 32 printable ASCII characters"),
    "MN": (re.compile(r"[0-9A-Za-z_-]{1,32}", re.ASCII), "a device id of 1 to 32 letters, digits, '_' or '-'"),
    "Flag": (re.compile(r"\d{1,3}", re.ASCII), "a number from 0 to 255"),
    "PNUM": (re.compile(r"\d{1,4}", re.ASCII), "a packet count of 1 to 4 digits"),
    "PNO": (re.compile(r"\d{1,4}", re.ASCII), "a packet number of 1 to 4 digits"),
}
_REQUIRED = ("ST", "CN", "PW", "MN")
_HEADER_SEPARATORS = re.compile(r"[;,]")


@dataclass(frozen=True, slots=True)
class Packet:
    """One parsed data segment. QN and Flag may be absent (2005 style); PNUM/PNO only on split packets."""

    qn: str | None
    st: str
    cn: str
    pw: str
    mn: str
    flag: PacketFlag | None
    pnum: int | None
    pno: int | None
    cp: DataArea
    version: ProtocolVersion
    warnings: tuple[FormatWarning, ...] = ()

    @property
    def needs_reply(self) -> bool:
        """Flag bit A is set: the sender waits for a reply (HJ212.md §4)."""
        return self.flag is not None and self.flag.needs_reply

    @property
    def is_subpacket(self) -> bool:
        """The packet is one part of a split group (PNUM/PNO present)."""
        return self.pnum is not None


def parse_packet(segment: bytes | str) -> Packet:
    """Parse a data segment (without `##`, length, CRC and trailer).

    Lenient where HJ212.md §3 says real devices deviate (each deviation becomes a `FormatWarning`);
    raises only `PacketError` subclasses.
    """
    text = _as_text(segment)
    opening = text.find(DATA_AREA_OPENING)
    if opening == -1:
        if "CP=" in text:
            raise MalformedDataArea("the data area does not start with CP=&&")
        raise MissingField("CP")
    closing = text.rfind(DATA_AREA_CLOSING)
    body_start = opening + len(DATA_AREA_OPENING)
    if closing < body_start:
        raise MalformedDataArea("the data area has no closing &&")
    warnings: list[FormatWarning] = []
    header = _header_fields(text[:opening], warnings)
    for name in _REQUIRED:
        if name not in header:
            raise MissingField(name)
    if text[closing + len(DATA_AREA_CLOSING) :].strip():
        warnings.append(FormatWarning.about(FormatWarningKind.TEXT_AFTER_DATA_AREA))
    if closing + len(DATA_AREA_CLOSING) - opening > MAX_DATA_AREA_LENGTH:
        warnings.append(FormatWarning.about(FormatWarningKind.DATA_AREA_TOO_LONG))
    data_area, area_warnings = parse_data_area(text[body_start:closing])
    warnings.extend(area_warnings)
    flag = PacketFlag(int(header["Flag"])) if "Flag" in header else None
    pnum, pno = _split_fields(header, flag, warnings)
    try:
        version = detect_version(flag.version_bits if flag else None, data_area.factors)
    except ValueError:
        raise InvalidField("Flag", header["Flag"], "a Flag with version bits 0 (2005), 1 (2017) or 2 (2025)") from None
    field_names = {name for fields in data_area.factors.values() for name in fields}
    warnings.extend(
        FormatWarning.about(FormatWarningKind.FIELD_OF_OTHER_VERSION, name)
        for name in fields_foreign_to(version, field_names)
    )
    return Packet(
        qn=header.get("QN"),
        st=header["ST"],
        cn=header["CN"],
        pw=header["PW"],
        mn=header["MN"],
        flag=flag,
        pnum=pnum,
        pno=pno,
        cp=data_area,
        version=version,
        warnings=tuple(warnings),
    )


def _as_text(segment: bytes | str) -> str:
    if isinstance(segment, str):
        return segment
    try:
        return segment.decode("utf-8")
    except UnicodeDecodeError:
        raise PacketNotText("the data segment is not UTF-8 text") from None


def _header_fields(header: str, warnings: list[FormatWarning]) -> dict[str, str]:
    """The known header fields by name, each checked against its format; C.18/C.19 slips become warnings."""
    if header and not header.endswith(";"):
        warnings.append(FormatWarning.about(FormatWarningKind.NO_SEMICOLON_BEFORE_CP))
    if "," in header:
        warnings.append(FormatWarning.about(FormatWarningKind.COMMA_IN_HEADER))
    fields: dict[str, str] = {}
    for item in _HEADER_SEPARATORS.split(header):
        if not item.strip():
            continue
        name, equals, value = (part.strip() for part in item.partition("="))
        if not equals:
            warnings.append(FormatWarning.about(FormatWarningKind.HEADER_ITEM_WITHOUT_VALUE, name))
            continue
        if name not in _HEADER_FORMATS:
            warnings.append(FormatWarning.about(FormatWarningKind.UNKNOWN_HEADER_FIELD, name))
            continue
        if name in fields:
            if fields[name] != value:
                raise InvalidField(name, value, f"a repeat of {name}={fields[name][:40]!r}")
            warnings.append(FormatWarning.about(FormatWarningKind.REPEATED_HEADER_FIELD, name))
            continue
        pattern, expected = _HEADER_FORMATS[name]
        if not pattern.fullmatch(value) or (name == "Flag" and int(value) > 255):
            raise InvalidField(name, value, expected)
        fields[name] = value
    return fields


def _split_fields(
    header: dict[str, str], flag: PacketFlag | None, warnings: list[FormatWarning]
) -> tuple[int | None, int | None]:
    """PNUM and PNO: both or neither, 1 ≤ PNO ≤ PNUM; a disagreement with Flag bit D is only a warning."""
    if "PNUM" not in header and "PNO" not in header:
        if flag is not None and flag.has_subpackets:
            warnings.append(FormatWarning.about(FormatWarningKind.FLAG_D_WITHOUT_SPLIT_FIELDS))
        return None, None
    for name in ("PNUM", "PNO"):
        if name not in header:
            raise MissingField(name)
    pnum, pno = int(header["PNUM"]), int(header["PNO"])
    if pnum < 1:
        raise InvalidField("PNUM", header["PNUM"], "a packet count of at least 1")
    if not 1 <= pno <= pnum:
        raise InvalidField("PNO", header["PNO"], f"a packet number from 1 to PNUM={pnum}")
    if flag is not None and not flag.has_subpackets:
        warnings.append(FormatWarning.about(FormatWarningKind.SPLIT_FIELDS_WITHOUT_FLAG_D))
    return pnum, pno
