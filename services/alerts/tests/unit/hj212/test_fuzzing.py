"""Property-based fuzzing of the frame decoder, the packet and data-area parsers, and reply round trips."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from ecolink_alerts.domain.hj212 import (
    CrcMode,
    ExeRtn,
    Frame,
    FrameDecoder,
    FrameError,
    Packet,
    PacketError,
    PacketFlag,
    ProtocolVersion,
    QnRtn,
    data_reply,
    encode_frame,
    execution_result,
    parse_data_area,
    parse_packet,
    request_reply,
)
from ecolink_alerts.domain.hj212.crc import is_crc_text

FUZZ = settings(max_examples=200, deadline=None)
ROUND_TRIPS = settings(max_examples=100, deadline=None)

PROTOCOL_BYTES = st.sampled_from(
    [b"##", b"#", b"0101", b"0004", b"9999", b"0", b"&&", b"CP=&&", b"1C80", b"cc01", b"\r\n", b"\n", b"\r", b";"]
)
STREAM_PIECES = st.lists(PROTOCOL_BYTES | st.binary(max_size=24), max_size=40).map(b"".join)
CHUNKED_STREAMS = st.lists(STREAM_PIECES, min_size=1, max_size=8)

PROTOCOL_TEXT = st.sampled_from(
    [
        "QN=",
        "ST=",
        "CN=",
        "PW=",
        "MN=",
        "Flag=",
        "PNUM=",
        "PNO=",
        "CP=&&",
        "&&",
        ";",
        ",",
        "=",
        "-",
        "//",
        " ",
        "20160801085857223",
        "1617957600465",
        "32",
        "2011",
        "5",
        "7",
        "9",
        "12",
        "256",
        "0002",
        "X1",
        "a21026",
        "Rtd",
        "Flag",
        "DataTime",
        "QnRtn",
        "1.5",
        "调试",
    ]
)
PACKET_TEXT = st.lists(PROTOCOL_TEXT | st.text(max_size=8), max_size=40).map("".join)


def assert_well_formed(results, decoder: FrameDecoder) -> None:
    for result in results:
        assert isinstance(result, Frame | FrameError)
        if isinstance(result, Frame):
            assert len(result.data) <= decoder.max_data_length
            assert is_crc_text(result.crc_text.encode())
        else:
            assert result.skipped > 0
    assert decoder.buffered <= decoder.max_buffered


@FUZZ
@given(chunks=CHUNKED_STREAMS, limit=st.integers(min_value=1, max_value=300))
def test_any_byte_stream_yields_only_frames_and_frame_errors_within_a_bounded_buffer(chunks, limit):
    decoder = FrameDecoder(max_data_length=limit)
    for chunk in chunks:
        assert_well_formed(decoder.feed(chunk), decoder)
    assert_well_formed(decoder.finish(), decoder)
    assert decoder.buffered == 0


@FUZZ
@given(chunks=st.lists(st.binary(max_size=2000), min_size=1, max_size=4))
def test_random_bytes_never_grow_the_buffer_beyond_the_limit(chunks):
    decoder = FrameDecoder(max_data_length=128)
    for chunk in chunks:
        assert_well_formed(decoder.feed(chunk), decoder)


SEGMENTS = st.binary(max_size=200).map(lambda data: data.replace(b"\n", b"") + b"&&")
GARBAGE = st.binary(max_size=12).map(lambda data: data.replace(b"#", b""))
TRAILERS = st.sampled_from([b"\r\n", b"\n", b""])


@FUZZ
@given(
    pieces=st.lists(st.tuples(GARBAGE, SEGMENTS, TRAILERS, st.sampled_from(list(CrcMode))), max_size=5),
    cuts=st.lists(st.integers(min_value=0, max_value=2000), max_size=6),
)
def test_frames_between_garbage_come_out_whole_however_the_stream_is_cut(pieces, cuts):
    stream = b"".join(
        garbage + encode_frame(data, mode).removesuffix(b"\r\n") + end for garbage, data, end, mode in pieces
    )
    decoder = FrameDecoder()
    bounds = [0, *sorted(cut % (len(stream) + 1) for cut in cuts), len(stream)]
    results = [result for start, end in pairwise(bounds) for result in decoder.feed(stream[start:end])]
    frames = [result for result in results if isinstance(result, Frame)]
    assert [frame.data for frame in frames] == [data for _, data, _, _ in pieces]
    assert all(
        frame.length_ok and frame.crc_matches(mode) for frame, (_, _, _, mode) in zip(frames, pieces, strict=True)
    )


@FUZZ
@given(segment=st.binary(max_size=600))
def test_parse_packet_on_any_bytes_returns_a_packet_or_raises_a_packet_error(segment):
    try:
        assert isinstance(parse_packet(segment), Packet)
    except PacketError as refusal:
        assert refusal.reason.startswith("HJ212_")


@FUZZ
@given(segment=PACKET_TEXT)
def test_parse_packet_on_protocol_like_text_returns_a_packet_or_raises_a_packet_error(segment):
    try:
        packet = parse_packet(segment)
    except PacketError as refusal:
        assert refusal.qn_rtn in QnRtn
    else:
        assert packet.mn and packet.cn.isdigit()


@FUZZ
@given(body=PACKET_TEXT)
def test_parse_data_area_never_raises_and_never_keeps_empty_names(body):
    area, _ = parse_data_area(body)
    assert all(code and fields and all(fields) for code, fields in area.factors.items())
    assert all(area.params)


QNS = st.from_regex(r"\A[0-9]{17}\Z") | st.from_regex(r"\A[0-9]{13}\Z")
MNS = st.from_regex(r"\A[0-9A-Za-z_-]{1,32}\Z")
PWS = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters=";,="), min_size=1, max_size=32
)


@ROUND_TRIPS
@given(
    qn=QNS,
    mn=MNS,
    pw=PWS,
    version=st.sampled_from(list(ProtocolVersion)),
    mode=st.sampled_from(list(CrcMode)),
    qn_rtn=st.sampled_from(list(QnRtn)),
    exe_rtn=st.sampled_from(list(ExeRtn)),
)
def test_replies_round_trip_through_the_decoder_and_the_parser_with_a_valid_crc(
    qn, mn, pw, version, mode, qn_rtn, exe_rtn
):
    flag = PacketFlag.of(version, needs_reply=True).value
    request = parse_packet(f"QN={qn};ST=32;CN=2011;PW={pw};MN={mn};Flag={flag};CP=&&&&")
    for reply in (
        data_reply(request, mode),
        request_reply(request, qn_rtn, mode),
        execution_result(request, exe_rtn, mode),
    ):
        assert reply is not None
        [frame] = FrameDecoder().feed(reply)
        assert isinstance(frame, Frame)
        assert frame.length_ok and frame.crc_matches(mode)
        answer = parse_packet(frame.data)
        assert (answer.st, answer.pw, answer.mn, answer.version) == ("91", pw, mn, version)
        assert qn in (answer.qn, answer.cp.params.get("QN"))
        assert not answer.needs_reply
