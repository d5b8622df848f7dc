"""The HJ 212 protocol core: framing, CRC, packet parsing, replies and joining split packets (no I/O)."""

from ecolink_alerts.domain.hj212.codes import INTERACTION_SYSTEM_CODE, CommandCode, ExeRtn, QnRtn
from ecolink_alerts.domain.hj212.crc import (
    CrcMode,
    crc_field,
    crc_matches,
    hj212_crc16,
    matching_crc_mode,
    modbus_crc16,
)
from ecolink_alerts.domain.hj212.data_area import DataArea, parse_data_area, parse_number
from ecolink_alerts.domain.hj212.errors import InvalidField, MalformedDataArea, MissingField, PacketError, PacketNotText
from ecolink_alerts.domain.hj212.factor_codes import code_2017, is_2017_code, is_unmapped_2005_code
from ecolink_alerts.domain.hj212.flag import PacketFlag
from ecolink_alerts.domain.hj212.format_warnings import FormatWarning, FormatWarningKind
from ecolink_alerts.domain.hj212.framing import (
    DEFAULT_MAX_DATA_LENGTH,
    STANDARD_MAX_DATA_LENGTH,
    Frame,
    FrameDecoder,
    FrameError,
    FrameErrorKind,
    FrameResult,
    encode_frame,
)
from ecolink_alerts.domain.hj212.packet import Packet, parse_packet
from ecolink_alerts.domain.hj212.reassembly import DroppedGroup, DropReason, joined_parts
from ecolink_alerts.domain.hj212.replies import data_reply, execution_result, request_reply
from ecolink_alerts.domain.hj212.version import ProtocolVersion, detect_version, sends_2005_codes

__all__ = [
    "DEFAULT_MAX_DATA_LENGTH",
    "INTERACTION_SYSTEM_CODE",
    "STANDARD_MAX_DATA_LENGTH",
    "CommandCode",
    "CrcMode",
    "DataArea",
    "DropReason",
    "DroppedGroup",
    "ExeRtn",
    "FormatWarning",
    "FormatWarningKind",
    "Frame",
    "FrameDecoder",
    "FrameError",
    "FrameErrorKind",
    "FrameResult",
    "InvalidField",
    "MalformedDataArea",
    "MissingField",
    "Packet",
    "PacketError",
    "PacketFlag",
    "PacketNotText",
    "ProtocolVersion",
    "QnRtn",
    "code_2017",
    "crc_field",
    "crc_matches",
    "data_reply",
    "detect_version",
    "encode_frame",
    "execution_result",
    "hj212_crc16",
    "is_2017_code",
    "is_unmapped_2005_code",
    "joined_parts",
    "matching_crc_mode",
    "modbus_crc16",
    "parse_data_area",
    "parse_number",
    "parse_packet",
    "request_reply",
    "sends_2005_codes",
]
