"""Reply packets of HJ212.md §4 (9014 data reply, 9011 request reply, 9012 execution result), framed for the socket."""

from __future__ import annotations

from collections.abc import Sequence

from ecolink_alerts.domain.hj212.codes import INTERACTION_SYSTEM_CODE, CommandCode, ExeRtn, QnRtn
from ecolink_alerts.domain.hj212.crc import CrcMode
from ecolink_alerts.domain.hj212.flag import PacketFlag
from ecolink_alerts.domain.hj212.framing import encode_frame
from ecolink_alerts.domain.hj212.packet import Packet
from ecolink_alerts.domain.hj212.version import ProtocolVersion

_REPLY_COMMANDS = frozenset(
    {CommandCode.REQUEST_REPLY, CommandCode.EXECUTION_RESULT, CommandCode.NOTIFICATION_REPLY, CommandCode.DATA_REPLY}
)


def data_reply(upload: Packet, crc_mode: CrcMode = CrcMode.HJ212) -> bytes | None:
    """The 9014 an upload whose Flag asks for a reply waits for (ST=91, same QN, `CP=&&&&`); None if none is asked.

    A reply (9011–9014) is never answered, even with bit A set (real 9014s with Flag=5 exist): that
    would ping-pong with the peer. A 2005 reply names the upload's CN in the data area
    (`CP=&&QN=…;CN=2011&&`), as 2005 platforms send it.
    """
    if not upload.needs_reply or upload.cn in _REPLY_COMMANDS:
        return None
    items = [("CN", upload.cn)] if upload.version is ProtocolVersion.HJ212_2005 else []
    return _reply(upload, CommandCode.DATA_REPLY, items, crc_mode)


def request_reply(request: Packet, qn_rtn: QnRtn, crc_mode: CrcMode = CrcMode.HJ212) -> bytes:
    """The 9011 answering a request: `QnRtn=1` to go ahead, otherwise why it is refused (9 for a bad CRC)."""
    return _reply(request, CommandCode.REQUEST_REPLY, [("QnRtn", str(qn_rtn.value))], crc_mode)


def execution_result(request: Packet, exe_rtn: ExeRtn, crc_mode: CrcMode = CrcMode.HJ212) -> bytes:
    """The 9012 closing a request: `ExeRtn=1` when it was carried out, otherwise why not."""
    return _reply(request, CommandCode.EXECUTION_RESULT, [("ExeRtn", str(exe_rtn.value))], crc_mode)


def _reply(to: Packet, command: CommandCode, items: Sequence[tuple[str, str]], crc_mode: CrcMode) -> bytes:
    """A reply in the edition of `to`: 2017 and 2025 echo QN in the header, 2005 inside the data area.

    Its Flag carries only the version bits: a reply asks for no reply and is never split (9014: Flag=4).
    """
    header = [
        ("ST", INTERACTION_SYSTEM_CODE),
        ("CN", command.value),
        ("PW", to.pw),
        ("MN", to.mn),
        ("Flag", str(PacketFlag.of(to.version).value)),
    ]
    if to.qn is not None:
        if to.version is ProtocolVersion.HJ212_2005:
            items = [("QN", to.qn), *items]
        else:
            header.insert(0, ("QN", to.qn))
    segment = ";".join(f"{key}={value}" for key, value in header)
    data_area = ";".join(f"{key}={value}" for key, value in items)
    return encode_frame(f"{segment};CP=&&{data_area}&&".encode("ascii"), crc_mode)
