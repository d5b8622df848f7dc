"""Parsing a data segment into a `Packet` (HJ212.md §3, §4 and §9)."""

from __future__ import annotations

import pytest

from ecolink_alerts.domain.hj212 import (
    FormatWarningKind,
    InvalidField,
    MalformedDataArea,
    MissingField,
    PacketFlag,
    PacketNotText,
    ProtocolVersion,
    QnRtn,
    code_2017,
    parse_data_area,
    parse_number,
    parse_packet,
)

HEADER_2017 = "QN=20160801085857223;ST=32;CN=2061;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
HOURLY = (
    HEADER_2017 + "CP=&&DataTime=20160801080000;w01018-Avg=22.5,w01018-Min=20.1,w01018-Max=25.0,w01018-Flag=N;"
    "w00000-Cou=1.25,w00000-Flag=N&&"
)


def kinds(packet) -> set[FormatWarningKind]:
    return {warning.kind for warning in packet.warnings}


def test_an_hourly_upload_parses_into_header_data_time_and_fields_per_factor():
    packet = parse_packet(HOURLY.encode())
    assert (packet.qn, packet.st, packet.cn, packet.pw, packet.mn) == (
        "20160801085857223",
        "32",
        "2061",
        "100000",
        "010000A8900016F000169DC0",
    )
    assert packet.cp.data_time == "20160801080000"
    assert packet.cp.factors == {
        "w01018": {"Avg": "22.5", "Min": "20.1", "Max": "25.0", "Flag": "N"},
        "w00000": {"Cou": "1.25", "Flag": "N"},
    }
    assert packet.cp.number("w01018", "Avg") == 22.5
    assert packet.cp.number("w01018", "Flag") is None
    assert packet.cp.number("a21026", "Rtd") is None
    assert packet.warnings == ()


def test_flag_5_is_2017_asking_for_a_reply_and_not_split():
    packet = parse_packet(HOURLY)
    assert packet.flag == PacketFlag(5)
    assert (packet.flag.version_bits, packet.flag.needs_reply, packet.flag.has_subpackets) == (1, True, False)
    assert packet.version is ProtocolVersion.HJ212_2017
    assert packet.needs_reply


@pytest.mark.parametrize(
    ("flag", "version", "needs_reply", "split"),
    [
        (0, ProtocolVersion.HJ212_2005, False, False),
        (1, ProtocolVersion.HJ212_2005, True, False),
        (4, ProtocolVersion.HJ212_2017, False, False),
        (7, ProtocolVersion.HJ212_2017, True, True),
        (8, ProtocolVersion.HJ212_2025, False, False),
        (9, ProtocolVersion.HJ212_2025, True, False),
    ],
)
def test_the_flag_bits_give_the_version_the_reply_bit_and_the_split_bit(flag, version, needs_reply, split):
    pnum = "PNUM=2;PNO=1;" if split else ""
    packet = parse_packet(f"ST=32;CN=2011;PW=1;MN=X1;Flag={flag};{pnum}CP=&&&&")
    assert (packet.version, packet.needs_reply, packet.is_subpacket) == (version, needs_reply, split)
    assert PacketFlag.of(version, needs_reply=needs_reply, has_subpackets=split) == PacketFlag(flag)


def test_a_flag_with_unknown_version_bits_is_a_flag_error():
    with pytest.raises(InvalidField) as refusal:
        parse_packet("ST=32;CN=2011;PW=1;MN=X1;Flag=12;CP=&&&&")
    assert (refusal.value.field, refusal.value.qn_rtn, refusal.value.reason) == (
        "Flag",
        QnRtn.FLAG_ERROR,
        "HJ212_FIELD_INVALID",
    )


def test_without_a_flag_a_2017_shaped_factor_code_means_2017():
    assert parse_packet("ST=32;CN=2011;PW=1;MN=X1;CP=&&w01018-Rtd=1&&").version is ProtocolVersion.HJ212_2017


def test_without_a_flag_2005_factor_codes_mean_2005_and_map_to_their_2017_codes():
    packet = parse_packet("ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&B01-Rtd=36.91;011-Rtd=231.0&&")
    assert packet.version is ProtocolVersion.HJ212_2005
    assert packet.needs_reply is False
    assert sorted(code_2017(code) for code in packet.cp.factors) == ["w00000", "w01018"]


def test_codes_without_a_2005_mapping_are_kept():
    assert (code_2017("02"), code_2017("a21026"), code_2017("831")) == ("a21026", "a21026", "831")


def test_2005_alarm_fields_in_a_2017_packet_are_warned_about():
    packet = parse_packet(HEADER_2017 + "CP=&&01-UpValue=50;01-Rtd=3&&")
    assert [(w.kind, w.detail) for w in packet.warnings] == [(FormatWarningKind.FIELD_OF_OTHER_VERSION, "UpValue")]


def test_2017_converted_values_in_a_2005_packet_are_warned_about():
    packet = parse_packet("ST=31;CN=2011;PW=1;MN=X1;Flag=1;CP=&&01-ZsRtd=3&&")
    assert FormatWarningKind.FIELD_OF_OTHER_VERSION in kinds(packet)


def test_the_non_data_forms_of_the_data_area_are_bare_parameters():
    assert parse_packet(HEADER_2017 + "CP=&&RtdInterval=30&&").cp.int_param("RtdInterval") == 30
    assert parse_packet(HEADER_2017 + "CP=&&QnRtn=1&&").cp.int_param("QnRtn") == 1
    assert parse_packet(HEADER_2017 + "CP=&&ExeRtn=100&&").cp.int_param("ExeRtn") == 100
    assert parse_packet(HEADER_2017 + "CP=&&PolId=w01018;SystemTime=20160801085857&&").cp.params == {
        "PolId": "w01018",
        "SystemTime": "20160801085857",
    }
    assert parse_packet(HEADER_2017 + "CP=&&ExeRtn=x&&").cp.int_param("ExeRtn") is None


def test_an_empty_data_area_is_allowed():
    packet = parse_packet(HEADER_2017 + "CP=&&&&")
    assert (packet.cp.data_time, packet.cp.factors, packet.cp.params) == (None, {}, {})


def test_the_comma_in_the_header_of_example_c18_is_tolerated_with_a_warning():
    packet = parse_packet("QN=20160801085857534,ST=32;CN=2011;PW=100000;MN=A1;Flag=5;CP=&&&&")
    assert (packet.qn, packet.st) == ("20160801085857534", "32")
    assert kinds(packet) == {FormatWarningKind.COMMA_IN_HEADER}


def test_the_missing_semicolon_of_example_c19_is_tolerated_with_a_warning():
    packet = parse_packet("QN=20160801085857534;ST=32;CN=2011;PW=100000;MN=A1;Flag=5CP=&&&&")
    assert packet.flag == PacketFlag(5)
    assert kinds(packet) == {FormatWarningKind.NO_SEMICOLON_BEFORE_CP}


def test_spaces_after_the_opening_ampersands_are_ignored():
    assert parse_packet(HEADER_2017 + "CP=&& PolId=w01018&&").cp.params == {"PolId": "w01018"}


def test_semicolons_and_commas_mixed_up_still_group_fields_by_factor():
    packet = parse_packet(HEADER_2017 + "CP=&&DataTime=20160801080000,a21026-Rtd=1;a21026-Flag=N,a21002-Rtd=2&&")
    assert packet.cp.factors == {"a21026": {"Rtd": "1", "Flag": "N"}, "a21002": {"Rtd": "2"}}


def test_an_info_value_wrapped_in_double_slashes_may_hold_separators_and_chinese():
    packet = parse_packet((HEADER_2017 + "CP=&&DataTime=20160801085857;i11001-Info=//调试;a=b,c//&&").encode())
    assert packet.cp.factors == {"i11001": {"Info": "调试;a=b,c"}}


def test_a_repeated_key_keeps_the_last_value_with_a_warning():
    packet = parse_packet(HEADER_2017 + "CP=&&a21-Rtd=0.00;a21-Rtd=0.01&&")
    assert packet.cp.factors == {"a21": {"Rtd": "0.01"}}
    assert [(w.kind, w.detail) for w in packet.warnings] == [(FormatWarningKind.REPEATED_KEY, "a21-Rtd")]


def test_a_data_time_that_is_not_n14_is_kept_with_a_warning():
    packet = parse_packet(HEADER_2017 + "CP=&&DataTime=20160824003817000&&")
    assert packet.cp.data_time == "20160824003817000"
    assert kinds(packet) == {FormatWarningKind.DATA_TIME_NOT_N14}


def test_items_without_a_value_or_a_key_are_skipped_with_warnings():
    area, warnings = parse_data_area("PolId;=5;;a21026-Rtd=1;")
    assert (area.params, area.factors) == ({}, {"a21026": {"Rtd": "1"}})
    assert [w.kind for w in warnings] == [FormatWarningKind.ITEM_WITHOUT_VALUE, FormatWarningKind.VALUE_WITHOUT_KEY]


def test_text_after_the_data_area_is_tolerated_with_a_warning():
    assert kinds(parse_packet(HEADER_2017 + "CP=&&&& junk")) == {FormatWarningKind.TEXT_AFTER_DATA_AREA}


def test_a_data_area_above_950_characters_is_tolerated_with_a_warning():
    packet = parse_packet(HEADER_2017 + "CP=&&" + ";".join(f"a{n:05d}-Rtd=1.000" for n in range(80)) + "&&")
    assert kinds(packet) == {FormatWarningKind.DATA_AREA_TOO_LONG}


def test_unknown_and_repeated_header_fields_are_tolerated_with_warnings():
    packet = parse_packet("ST=32;CN=2011;PW=1;MN=X1;MN=X1;Foo=1;Bar;CP=&&&&")
    assert kinds(packet) == {
        FormatWarningKind.REPEATED_HEADER_FIELD,
        FormatWarningKind.UNKNOWN_HEADER_FIELD,
        FormatWarningKind.HEADER_ITEM_WITHOUT_VALUE,
    }


def test_a_header_field_repeated_with_another_value_is_refused():
    with pytest.raises(InvalidField) as refusal:
        parse_packet("ST=32;CN=2011;PW=1;MN=X1;MN=X2;CP=&&&&")
    assert refusal.value.qn_rtn is QnRtn.MN_ERROR


def test_split_fields_parse_by_name_in_either_order():
    packet = parse_packet("QN=20191112091100598;ST=31;CN=2051;PW=1;MN=X1;Flag=7;PNO=0002;PNUM=0003;CP=&&&&")
    assert (packet.pnum, packet.pno, packet.is_subpacket) == (3, 2, True)
    assert packet.warnings == ()


def test_split_fields_and_the_d_bit_disagreeing_are_warned_about():
    assert kinds(parse_packet("ST=31;CN=2051;PW=1;MN=X1;Flag=5;PNUM=2;PNO=1;CP=&&&&")) == {
        FormatWarningKind.SPLIT_FIELDS_WITHOUT_FLAG_D
    }
    assert kinds(parse_packet("ST=31;CN=2051;PW=1;MN=X1;Flag=7;CP=&&&&")) == {
        FormatWarningKind.FLAG_D_WITHOUT_SPLIT_FIELDS
    }


@pytest.mark.parametrize(
    ("segment", "field"),
    [
        ("CN=2011;PW=1;MN=X1;CP=&&&&", "ST"),
        ("ST=32;PW=1;MN=X1;CP=&&&&", "CN"),
        ("ST=32;CN=2011;MN=X1;CP=&&&&", "PW"),
        ("ST=32;CN=2011;PW=1;CP=&&&&", "MN"),
        ("ST=32;CN=2011;PW=1;MN=X1;", "CP"),
        ("ST=32;CN=2011;PW=1;MN=X1;PNUM=2;CP=&&&&", "PNO"),
        ("ST=32;CN=2011;PW=1;MN=X1;PNO=2;CP=&&&&", "PNUM"),
    ],
)
def test_a_missing_field_is_refused_naming_it(segment, field):
    with pytest.raises(MissingField) as refusal:
        parse_packet(segment)
    assert (refusal.value.field, refusal.value.reason) == (field, "HJ212_FIELD_MISSING")


@pytest.mark.parametrize(
    ("field", "value", "qn_rtn"),
    [
        ("QN", "2016080108585722", QnRtn.QN_ERROR),
        ("QN", "２０１６０８０１０８５８５７２２３", QnRtn.QN_ERROR),
        ("ST", "3", QnRtn.ST_ERROR),
        ("CN", "20611", QnRtn.CN_ERROR),
        ("PW", "x" * 33, QnRtn.PASSWORD_ERROR),
        ("MN", "A B", QnRtn.MN_ERROR),
        ("Flag", "256", QnRtn.FLAG_ERROR),
        ("Flag", "-1", QnRtn.FLAG_ERROR),
        ("PNUM", "0", QnRtn.UNKNOWN_ERROR),
        ("PNO", "3", QnRtn.UNKNOWN_ERROR),
    ],
)
def test_a_field_in_the_wrong_format_is_refused_with_the_matching_return_code(field, value, qn_rtn):
    fields = {"QN": "20160801085857223", "ST": "32", "CN": "2061", "PW": "1", "MN": "X1", "Flag": "7"}
    fields |= {"PNUM": "2", "PNO": "1"} | {field: value}
    segment = ";".join(f"{key}={text}" for key, text in fields.items()) + ";CP=&&&&"
    with pytest.raises(InvalidField) as refusal:
        parse_packet(segment)
    assert (refusal.value.field, refusal.value.qn_rtn) == (field, qn_rtn)


def test_a_13_digit_epoch_millisecond_qn_is_accepted():
    assert parse_packet("QN=1617957600465;ST=21;CN=1011;PW=1;MN=X1;Flag=5;CP=&&&&").qn == "1617957600465"


def test_a_segment_that_is_not_utf8_is_refused():
    with pytest.raises(PacketNotText) as refusal:
        parse_packet(b"ST=32;CN=2011;PW=1;MN=\xff;CP=&&&&")
    assert (refusal.value.reason, refusal.value.qn_rtn) == ("HJ212_PACKET_NOT_UTF8", QnRtn.UNKNOWN_ERROR)


@pytest.mark.parametrize("segment", ["ST=32;CN=2011;PW=1;MN=X1;CP=DataTime=1", "ST=32;CN=2011;PW=1;MN=X1;CP=&&a=1"])
def test_a_data_area_not_delimited_by_double_ampersands_is_refused(segment):
    with pytest.raises(MalformedDataArea) as refusal:
        parse_packet(segment)
    assert refusal.value.reason == "HJ212_DATA_AREA_MALFORMED"


@pytest.mark.parametrize(
    ("text", "number"), [("1.5", 1.5), ("-0.25", -0.25), ("+3", 3.0), (".5", 0.5), ("1e3", 1000.0)]
)
def test_decimal_values_are_numbers(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["nan", "inf", "1_000", "", " 1", "N", "1.2.3", "١"])
def test_other_values_are_not_numbers(text):
    assert parse_number(text) is None
