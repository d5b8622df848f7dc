"""Every packet of packets.jsonl (a copy of ../shared/hj212/packets.jsonl) is a case: issue 4, "Bad input"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ecolink_alerts.domain.hj212 import (
    CrcMode,
    Frame,
    FrameDecoder,
    FrameError,
    FrameErrorKind,
    Packet,
    QnRtn,
    crc_field,
    matching_crc_mode,
    parse_packet,
    request_reply,
)

RECORDED = [json.loads(line) for line in (Path(__file__).parent / "data" / "packets.jsonl").read_text().splitlines()]
CRC_VALID = [record for record in RECORDED if record["crc_ok"]]
CRC_INVALID = [record for record in RECORDED if not record["crc_ok"]]
MODBUS_CRC = [record for record in CRC_INVALID if "CRC-16/MODBUS" in record.get("notes", "")]
LENGTH_OK = [record for record in RECORDED if record["length_ok"]]
LENGTH_WRONG = [record for record in RECORDED if not record["length_ok"]]


def ids(records: list[dict[str, Any]]) -> list[str]:
    return [f"line-{RECORDED.index(record) + 1}" for record in records]


def framed(record: dict[str, Any]) -> Frame:
    decoder = FrameDecoder()
    results = decoder.feed(record["packet"].encode() + b"\r\n")
    assert len(results) == 1
    frame = results[0]
    assert isinstance(frame, Frame)
    assert decoder.buffered == 0
    return frame


def flattened_fields(packet: Packet) -> dict[str, str]:
    return {f"{code}-{name}": value for code, fields in packet.cp.factors.items() for name, value in fields.items()}


def assert_parses_to_the_recorded_fields(packet: Packet, expected: dict[str, Any]) -> None:
    assert packet.qn == expected["QN"]
    assert packet.st == expected["ST"]
    assert packet.cn == expected["CN"]
    assert packet.pw == expected["PW"]
    assert packet.mn == expected["MN"]
    assert (packet.flag.value if packet.flag else None) == (int(expected["Flag"]) if expected["Flag"] else None)
    assert packet.pnum == (int(expected["PNUM"]) if expected["PNUM"] else None)
    assert packet.pno == (int(expected["PNO"]) if expected["PNO"] else None)
    assert packet.cp.data_time == expected["DataTime"]
    for key, value in expected["values"].items():
        code, _, name = key.partition("-")
        assert packet.cp.number(code, name) == pytest.approx(value), key
    factor_fields = flattened_fields(packet)
    for key, value in expected["flags"].items():
        assert factor_fields[key] == value
    other_factor_fields = {key: value for key, value in expected["other"].items() if "-" in key}
    assert {key: factor_fields[key] for key in other_factor_fields} == other_factor_fields
    assert set(factor_fields) == set(expected["values"]) | set(expected["flags"]) | set(other_factor_fields)
    assert dict(packet.cp.params) == {key: value for key, value in expected["other"].items() if "-" not in key}


def test_the_fixture_holds_57_packets_48_with_a_valid_crc():
    assert (len(RECORDED), len(CRC_VALID)) == (57, 48)


def test_the_fixture_holds_three_modbus_crc_packets_and_one_with_a_wrong_length():
    assert (len(MODBUS_CRC), len(LENGTH_WRONG)) == (3, 1)


@pytest.mark.parametrize("record", RECORDED, ids=ids(RECORDED))
def test_a_recorded_packet_frames_with_its_recorded_length_check_and_crc(record):
    frame = framed(record)
    assert frame.length_ok is record["length_ok"]
    assert frame.crc_text.upper() == record["crc_declared"]
    assert crc_field(frame.data) == record["crc_computed"].upper()
    assert frame.crc_matches() is record["crc_ok"]


@pytest.mark.parametrize("record", LENGTH_OK, ids=ids(LENGTH_OK))
def test_a_recorded_packet_with_a_right_length_frames_the_same_without_its_trailer(record):
    decoder = FrameDecoder()
    assert decoder.feed(record["packet"].encode()) == [framed(record)]


@pytest.mark.parametrize("record", LENGTH_WRONG, ids=ids(LENGTH_WRONG))
def test_a_recorded_packet_with_a_wrong_length_and_no_trailer_is_reported_unterminated_at_the_end(record):
    decoder = FrameDecoder()
    assert decoder.feed(record["packet"].encode()) == []
    [error] = decoder.finish()
    assert isinstance(error, FrameError)
    assert (error.kind, error.skipped) == (FrameErrorKind.UNTERMINATED, len(record["packet"]))


@pytest.mark.parametrize("record", CRC_VALID, ids=ids(CRC_VALID))
def test_a_recorded_packet_with_a_valid_crc_parses_to_the_recorded_fields(record):
    frame = framed(record)
    assert frame.crc_matches(CrcMode.HJ212)
    assert_parses_to_the_recorded_fields(parse_packet(frame.data), record["expected"])


@pytest.mark.parametrize("record", CRC_INVALID, ids=ids(CRC_INVALID))
def test_a_recorded_packet_with_a_bad_crc_is_refused_unless_it_carries_a_modbus_crc(record):
    frame = framed(record)
    mode = matching_crc_mode(frame.data, frame.crc_text)
    assert not frame.crc_matches(CrcMode.HJ212)
    assert mode is (CrcMode.MODBUS if record in MODBUS_CRC else None)


@pytest.mark.parametrize("record", MODBUS_CRC, ids=ids(MODBUS_CRC))
def test_a_recorded_modbus_crc_packet_passes_in_modbus_mode_and_parses_to_the_recorded_fields(record):
    frame = framed(record)
    assert frame.crc_matches(CrcMode.MODBUS)
    assert_parses_to_the_recorded_fields(parse_packet(frame.data), record["expected"])


@pytest.mark.parametrize("record", CRC_INVALID, ids=ids(CRC_INVALID))
def test_a_refused_recorded_packet_gets_a_9011_reply_with_qnrtn_9(record):
    frame = framed(record)
    request = parse_packet(frame.data)
    reply_frame = FrameDecoder().feed(request_reply(request, QnRtn.CRC_ERROR))[0]
    assert isinstance(reply_frame, Frame)
    assert reply_frame.crc_matches()
    reply = parse_packet(reply_frame.data)
    assert (reply.cn, reply.st, reply.mn, reply.cp.int_param("QnRtn")) == ("9011", "91", request.mn, 9)
    assert reply.qn == request.qn or reply.cp.params.get("QN") == request.qn
