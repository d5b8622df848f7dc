"""Reply packets of HJ212.md §4, framed for the socket."""

from __future__ import annotations

import pytest

from ecolink_alerts.domain.hj212 import (
    CrcMode,
    ExeRtn,
    Frame,
    FrameDecoder,
    Packet,
    QnRtn,
    data_reply,
    execution_result,
    parse_packet,
    request_reply,
)

UPLOAD_2017 = parse_packet(
    "QN=20201015123632010;ST=80;CN=2011;PW=123456;MN=410183160889201000212505;Flag=5;CP=&&DataTime=20201015123000&&"
)
REQUEST_2017 = parse_packet(
    "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&"
)


def decoded(reply: bytes | None, mode: CrcMode = CrcMode.HJ212) -> Packet:
    assert reply is not None
    assert reply.endswith(b"\r\n")
    [frame] = FrameDecoder().feed(reply)
    assert isinstance(frame, Frame)
    assert frame.length_ok
    assert frame.crc_matches(mode)
    return parse_packet(frame.data)


def test_an_upload_asking_for_a_reply_gets_the_9014_the_recorded_platform_sent():
    # packets.jsonl line 25 is the real platform's answer to this device (line 24); it wrote the CRC as `f001`.
    expected = b"##0087QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&F001\r\n"
    assert data_reply(UPLOAD_2017) == expected


def test_an_upload_not_asking_for_a_reply_gets_none():
    upload = parse_packet("QN=20191012133710130;ST=22;CN=2011;PW=123456;MN=Y8;Flag=4;CP=&&&&")
    assert data_reply(upload) is None
    assert data_reply(parse_packet("ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&&&")) is None


def test_a_reply_asking_for_a_reply_is_not_answered():
    # packets.jsonl line 43: a virtual device's 9014 with Flag=5.
    reply = parse_packet("QN=20210412150404445;ST=21;CN=9014;PW=123456;MN=DXCBZ000000005;Flag=5;CP=&&&&")
    assert reply.needs_reply
    assert data_reply(reply) is None


def test_a_2025_upload_gets_a_reply_with_the_2025_version_bits():
    upload = parse_packet("QN=20210301111100112;ST=21;CN=2011;PW=123456;MN=ZLDSZ20210127;Flag=9;CP=&&&&")
    reply = decoded(data_reply(upload))
    assert (reply.cn, reply.st, reply.qn, reply.flag and reply.flag.value) == ("9014", "91", upload.qn, 8)


def test_a_2005_upload_gets_its_qn_and_cn_back_inside_the_data_area():
    upload = parse_packet("QN=20040516010101001;ST=32;CN=2011;PW=123456;MN=88888880000001;Flag=1;CP=&&&&")
    reply = decoded(data_reply(upload))
    assert reply.qn is None
    assert reply.cp.params == {"QN": "20040516010101001", "CN": "2011"}
    assert reply.flag is not None and reply.flag.value == 0


@pytest.mark.parametrize("qn_rtn", list(QnRtn))
def test_a_request_reply_carries_the_return_code_and_round_trips(qn_rtn):
    reply = decoded(request_reply(REQUEST_2017, qn_rtn))
    assert (reply.qn, reply.st, reply.cn, reply.pw, reply.mn) == (
        REQUEST_2017.qn,
        "91",
        "9011",
        REQUEST_2017.pw,
        REQUEST_2017.mn,
    )
    assert reply.cp.int_param("QnRtn") == qn_rtn.value
    assert not reply.needs_reply


def test_the_request_reply_of_the_standard_example_is_as_the_standard_shows():
    assert request_reply(REQUEST_2017, QnRtn.READY)[6:-6] == (
        b"QN=20160801085857223;ST=91;CN=9011;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&"
    )


@pytest.mark.parametrize("exe_rtn", list(ExeRtn))
def test_an_execution_result_carries_the_return_code_and_round_trips(exe_rtn):
    reply = decoded(execution_result(REQUEST_2017, exe_rtn))
    assert (reply.qn, reply.cn, reply.cp.int_param("ExeRtn")) == (REQUEST_2017.qn, "9012", exe_rtn.value)


def test_a_2005_request_reply_puts_the_qn_in_the_data_area_as_2005_platforms_do():
    request = parse_packet("QN=20040516010101001;ST=32;CN=1000;PW=123456;MN=88888880000001;Flag=3;CP=&&OverTime=5&&")
    assert request_reply(request, QnRtn.READY)[6:-6] == (
        b"ST=91;CN=9011;PW=123456;MN=88888880000001;Flag=0;CP=&&QN=20040516010101001;QnRtn=1&&"
    )


def test_a_device_registered_for_modbus_crc_gets_replies_with_a_modbus_crc():
    reply = decoded(data_reply(UPLOAD_2017, CrcMode.MODBUS), CrcMode.MODBUS)
    assert reply.cn == "9014"
