"""Cutting HJ 212 frames out of a TCP byte stream (HJ212.md §1)."""

from __future__ import annotations

import pytest

from ecolink_alerts.domain.hj212 import (
    DEFAULT_MAX_DATA_LENGTH,
    CrcMode,
    Frame,
    FrameDecoder,
    FrameError,
    FrameErrorKind,
    FrameResult,
    encode_frame,
)

EXAMPLE = b"QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&"
EXAMPLE_FRAME = b"##0101" + EXAMPLE + b"1C80\r\n"
REAL_TIME = b"QN=20191012133710130;ST=22;CN=2011;PW=123456;MN=Y80110010000010;Flag=4;CP=&&DataTime=20191012133710&&"
DATA_REPLY = b"QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&"
WRONG_LENGTH = (
    b"##0139ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817;"
    b"B01-Rtd=36.91;011-Rtd=231.0,011-Flag=N;060-Rtd=1.803,060-Flag=N&&4980"
)

# Garbage first, then CRLF, a bare LF, no trailer, a wrong declared length, garbage ending in '#'.
STREAM = (
    b"\x00\xffboot noise"
    + EXAMPLE_FRAME
    + encode_frame(REAL_TIME)[:-2]
    + b"\n"
    + encode_frame(DATA_REPLY)[:-2]
    + WRONG_LENGTH
    + b"\r\n"
    + b"noise#"
    + encode_frame(REAL_TIME)
)
STREAM_GARBAGE = len(b"\x00\xffboot noise") + len(b"noise#")


def frames_of(results: list[FrameResult]) -> list[Frame]:
    return [result for result in results if isinstance(result, Frame)]


def errors_of(results: list[FrameResult]) -> list[FrameError]:
    return [result for result in results if isinstance(result, FrameError)]


def garbage_of(results: list[FrameResult]) -> int:
    return sum(error.skipped for error in errors_of(results) if error.kind is FrameErrorKind.GARBAGE)


EXPECTED = frames_of(FrameDecoder().feed(STREAM))


def test_the_reference_stream_yields_five_frames_one_with_a_wrong_length():
    assert [frame.data[:6] for frame in EXPECTED] == [b"QN=201", b"QN=201", b"QN=202", b"ST=32;", b"QN=201"]
    assert [frame.length_ok for frame in EXPECTED] == [True, True, True, False, True]
    assert all(frame.crc_matches() for frame in EXPECTED[:3] + EXPECTED[4:])


def test_pipelined_packets_in_one_chunk_all_come_out_in_order_with_the_garbage_counted():
    decoder = FrameDecoder()
    results = decoder.feed(STREAM)
    assert garbage_of(results) == STREAM_GARBAGE
    assert [type(result) for result in results] == [FrameError, Frame, Frame, Frame, Frame, FrameError, Frame]
    assert decoder.buffered == 0


def test_the_stream_split_at_any_point_gives_the_same_frames():
    for split in range(1, len(STREAM)):
        decoder = FrameDecoder()
        results = decoder.feed(STREAM[:split]) + decoder.feed(STREAM[split:])
        assert frames_of(results) == EXPECTED, f"split at {split}"
        assert garbage_of(results) == STREAM_GARBAGE, f"split at {split}"
        assert decoder.buffered == 0


def test_the_stream_split_at_any_two_points_gives_the_same_frames():
    for first in range(1, len(STREAM), 7):
        for second in range(first, len(STREAM), 5):
            decoder = FrameDecoder()
            results = decoder.feed(STREAM[:first]) + decoder.feed(STREAM[first:second]) + decoder.feed(STREAM[second:])
            assert frames_of(results) == EXPECTED, f"split at {first} and {second}"


def test_the_stream_fed_one_byte_at_a_time_gives_the_same_frames():
    decoder = FrameDecoder()
    results = [result for byte in STREAM for result in decoder.feed(bytes([byte]))]
    assert frames_of(results) == EXPECTED
    assert garbage_of(results) == STREAM_GARBAGE


def test_a_frame_is_cut_as_soon_as_its_crc_arrives_when_the_data_area_is_closed():
    decoder = FrameDecoder()
    assert frames_of(decoder.feed(EXAMPLE_FRAME[:-2])) == [Frame(EXAMPLE, 101, "1C80")]
    assert decoder.feed(b"\r\n") == []


def test_a_frame_whose_data_does_not_end_with_the_data_area_waits_for_its_trailer():
    decoder = FrameDecoder()
    assert decoder.feed(b"##0004abcd1234") == []
    assert decoder.feed(b"\r") == [Frame(b"abcd", 4, "1234")]


def test_a_frame_without_its_trailer_at_the_end_of_the_stream_is_reported_unterminated():
    decoder = FrameDecoder()
    decoder.feed(b"##0004abcd1234")
    assert decoder.finish() == [FrameError(FrameErrorKind.UNTERMINATED, 14, 4)]
    assert decoder.buffered == 0


def test_a_garbage_prefix_with_hashes_is_skipped_up_to_the_real_header():
    decoder = FrameDecoder()
    results = decoder.feed(b"#x##ab###" + EXAMPLE_FRAME)
    assert results == [FrameError(FrameErrorKind.GARBAGE, 9), Frame(EXAMPLE, 101, "1C80")]


def test_line_ends_between_frames_are_not_garbage():
    assert FrameDecoder().feed(b"\r\n\n" + EXAMPLE_FRAME + b"\r\n\r\n") == [Frame(EXAMPLE, 101, "1C80")]


def test_a_declared_length_too_short_is_cut_at_the_line_end_and_flagged():
    [frame] = FrameDecoder().feed(b"##0090" + EXAMPLE + b"1C80\r\n")
    assert isinstance(frame, Frame)
    assert (frame.data, frame.length_ok, frame.crc_matches()) == (EXAMPLE, False, True)


def test_a_declared_length_too_long_without_trailer_is_cut_at_the_next_header():
    results = FrameDecoder().feed(b"##0105" + EXAMPLE + b"1C80" + EXAMPLE_FRAME)
    assert results == [Frame(EXAMPLE, 105, "1C80"), Frame(EXAMPLE, 101, "1C80")]


def test_a_frame_end_without_a_hex_crc_before_it_is_malformed():
    assert FrameDecoder().feed(b"##0010abcdefghij\r\n") == [FrameError(FrameErrorKind.MALFORMED, 18, 10)]


def test_an_oversized_declared_length_is_refused_and_the_next_frame_still_comes_through():
    decoder = FrameDecoder(max_data_length=100)
    results = decoder.feed(EXAMPLE_FRAME + b"##0087" + DATA_REPLY + b"F001\r\n")
    assert results[0] == FrameError(FrameErrorKind.OVERSIZED, 6, 101)
    assert results[1] == FrameError(FrameErrorKind.GARBAGE, 105)
    assert results[2:] == [Frame(DATA_REPLY, 87, "F001")]


def test_a_length_field_of_9999_is_refused_at_once_by_the_default_limit():
    decoder = FrameDecoder()
    assert decoder.feed(b"##9999QN=") == [
        FrameError(FrameErrorKind.OVERSIZED, 6, 9999),
        FrameError(FrameErrorKind.GARBAGE, 3),
    ]
    assert decoder.buffered == 0


def test_the_default_limit_is_four_times_the_standard_and_holds_the_largest_real_packet():
    assert DEFAULT_MAX_DATA_LENGTH == 4096
    assert FrameDecoder().max_buffered == 4096 + 12


def test_a_frame_that_never_ends_is_reported_once_the_limit_is_reached_and_memory_stays_bounded():
    decoder = FrameDecoder(max_data_length=64)
    results = decoder.feed(b"##0050")
    for _ in range(1000):
        results += decoder.feed(b"x" * 20)
        assert decoder.buffered <= decoder.max_buffered
    assert results[0] == FrameError(FrameErrorKind.UNTERMINATED, 6, 50)
    assert {error.kind for error in errors_of(results[1:])} == {FrameErrorKind.GARBAGE}
    assert garbage_of(results) + decoder.buffered == 20_000


def test_headers_that_never_complete_are_refused_one_by_one_and_memory_stays_bounded():
    decoder = FrameDecoder(max_data_length=64)
    results = []
    for _ in range(1000):
        results += decoder.feed(b"##0050" + b"x" * 20)
        assert decoder.buffered <= decoder.max_buffered
    assert {error.kind for error in errors_of(results)} == {FrameErrorKind.MALFORMED}
    assert frames_of(results) == []


def test_a_slow_loris_frame_one_byte_at_a_time_never_holds_more_than_the_limit():
    decoder = FrameDecoder(max_data_length=32)
    for byte in b"##0030" + b"A" * 5000:
        decoder.feed(bytes([byte]))
        assert decoder.buffered <= decoder.max_buffered


def test_finish_reports_leftover_garbage():
    decoder = FrameDecoder()
    assert decoder.feed(b"abc#") == [FrameError(FrameErrorKind.GARBAGE, 3)]
    assert decoder.finish() == [FrameError(FrameErrorKind.GARBAGE, 1)]


@pytest.mark.parametrize("limit", [0, -1, 10_000])
def test_a_limit_outside_the_length_field_is_refused(limit):
    with pytest.raises(ValueError, match="max_data_length"):
        FrameDecoder(max_data_length=limit)


def test_encoding_counts_the_length_in_bytes_not_characters():
    data = "QN=20160801085857223;ST=32;CN=3020;PW=100000;MN=A1;Flag=4;CP=&&i11001-Info=//调试//&&".encode()
    frame = encode_frame(data)
    assert frame[2:6] == b"%04d" % len(data)
    assert FrameDecoder().feed(frame) == [Frame(data, len(data), frame[-6:-2].decode())]


def test_encoding_in_modbus_mode_writes_the_modbus_crc():
    [frame] = FrameDecoder().feed(encode_frame(EXAMPLE, CrcMode.MODBUS))
    assert isinstance(frame, Frame)
    assert frame.crc_matches(CrcMode.MODBUS)
    assert not frame.crc_matches(CrcMode.HJ212)


def test_a_segment_too_long_for_the_length_field_cannot_be_encoded():
    with pytest.raises(ValueError, match="4-digit"):
        encode_frame(b"x" * 10_000)
