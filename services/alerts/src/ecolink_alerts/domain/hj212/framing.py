"""HJ 212 framing `##LLLL<data>CCCC\r\n`: an incremental decoder for a byte stream, and the encoder."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from ecolink_alerts.domain.hj212.crc import CrcMode, crc_field, crc_matches, is_crc_text

HEADER = b"##"
TRAILER = b"\r\n"
_LENGTH_DIGITS = 4
_PREFIX = len(HEADER) + _LENGTH_DIGITS
_CRC_DIGITS = 4
_CP_END = b"&&"
_LINE_ENDS = (b"\r", b"\n")

STANDARD_MAX_DATA_LENGTH = 1024
"""HJ212.md §1: the data segment is 0–1024 bytes."""

DEFAULT_MAX_DATA_LENGTH = 4 * STANDARD_MAX_DATA_LENGTH
"""Four times the standard: real devices exceed 1024 (captured `rx.log` packets of 1025 and 1623 bytes carry
36 factors with Min/Avg/Max unsplit), and 4 KiB per connection keeps 5,000 connections within about 20 MB."""

MAX_LENGTH_FIELD = 10**_LENGTH_DIGITS - 1


class FrameErrorKind(StrEnum):
    """Why bytes of the stream did not become a frame; the value is the stable reason."""

    GARBAGE = "HJ212_FRAME_GARBAGE"
    """Bytes outside any frame (before a `##`, or a `##` not followed by four digits) were skipped."""
    OVERSIZED = "HJ212_FRAME_OVERSIZED"
    """The declared (or found) data length is above the decoder's limit; the header was skipped."""
    MALFORMED = "HJ212_FRAME_MALFORMED"
    """A frame end was found but no hex CRC precedes it (or, before a next `##`, no closing `&&` either)."""
    UNTERMINATED = "HJ212_FRAME_UNTERMINATED"
    """No frame end within the limit (or before the stream ended); the header was skipped."""


@dataclass(frozen=True, slots=True)
class FrameError:
    """A value (not an exception) the decoder returns so the gateway can count, reply or disconnect."""

    kind: FrameErrorKind
    skipped: int
    declared_length: int | None = None

    @property
    def reason(self) -> str:
        """The stable reason string of this error."""
        return self.kind.value


@dataclass(frozen=True, slots=True)
class Frame:
    """A data segment cut from the stream, with what the frame declared; CRC validity is checked separately."""

    data: bytes
    declared_length: int
    crc_text: str

    @property
    def length_ok(self) -> bool:
        """The declared length equals the data segment's length in bytes (HJ212.md §1: sometimes it does not)."""
        return len(self.data) == self.declared_length

    def crc_matches(self, mode: CrcMode = CrcMode.HJ212) -> bool:
        """The declared CRC is right for the data segment in `mode`."""
        return crc_matches(self.data, self.crc_text, mode)


FrameResult: TypeAlias = Frame | FrameError


def encode_frame(data: bytes, mode: CrcMode = CrcMode.HJ212) -> bytes:
    """`##`, the data length in bytes, the data, its CRC and CRLF: a frame ready for the socket."""
    if len(data) > MAX_LENGTH_FIELD:
        raise ValueError(f"a data segment of {len(data)} bytes does not fit the 4-digit length field")
    return b"%s%04d%s%s%s" % (HEADER, len(data), data, crc_field(data, mode).encode("ascii"), TRAILER)


class FrameDecoder:
    """Cuts frames out of one connection's byte stream, whatever the TCP segmentation.

    `feed` returns, in stream order, a `Frame` for each frame completed and a `FrameError` for bytes
    that could not be one. Where a frame ends (HJ212.md §1: length and CRC checked separately, CRLF,
    a bare LF or no trailer in the wild):

    1. at the declared length, when four hex digits follow and then CR or LF, or the data ends with
       the data area's closing `&&` (the no-trailer case, including the end of what has arrived);
    2. otherwise (the length is then wrong) at the first LF after a hex CRC, or, once the declared
       frame has fully arrived without checking out, before a following `##` preceded by `&&` and a CRC.

    The buffer never holds more than `max_buffered` bytes between calls: a stream that yields no frame
    end within the limit is reported and skipped, so a hostile stream cannot exhaust memory. A LF inside
    a data segment (which the standard's character set excludes) ends the frame early.
    """

    def __init__(self, max_data_length: int = DEFAULT_MAX_DATA_LENGTH) -> None:
        if not 0 < max_data_length <= MAX_LENGTH_FIELD:
            raise ValueError(f"max_data_length must be 1 to {MAX_LENGTH_FIELD}, not {max_data_length}")
        self._max_data_length = max_data_length
        self._buffer = bytearray()
        self._garbage = 0

    @property
    def max_data_length(self) -> int:
        """The longest data segment accepted, in bytes."""
        return self._max_data_length

    @property
    def max_buffered(self) -> int:
        """The most bytes held between calls: a whole frame of the maximal length with its CRLF."""
        return _PREFIX + self._max_data_length + _CRC_DIGITS + len(TRAILER)

    @property
    def buffered(self) -> int:
        """Bytes held now, waiting for the rest of a frame."""
        return len(self._buffer)

    def feed(self, chunk: bytes) -> list[FrameResult]:
        """Take the next bytes of the stream; return the frames and errors they complete, in stream order."""
        self._buffer += chunk
        results: list[FrameResult] = []
        position = 0
        while True:
            position = self._seek_header(position)
            consumed = self._cut(position, results)
            if not consumed:
                break
            position += consumed
        del self._buffer[:position]
        self._report_garbage(results)
        return results

    def finish(self) -> list[FrameResult]:
        """The stream has ended: report what is still buffered, then start afresh."""
        results: list[FrameResult] = []
        if self._buffer.startswith(HEADER):
            digits = self._buffer[len(HEADER) : _PREFIX]
            declared = int(digits) if len(digits) == _LENGTH_DIGITS else None
            self._emit(FrameError(FrameErrorKind.UNTERMINATED, len(self._buffer), declared), results)
        else:
            self._skip(0, len(self._buffer))
        self._buffer.clear()
        self._report_garbage(results)
        return results

    def _seek_header(self, position: int) -> int:
        """The offset of the next `##` followed by digits (possibly not all arrived yet), skipping what precedes it.

        With no such header, returns the end of the buffer less a last `#`, which may start one.
        """
        buffer = self._buffer
        while True:
            found = buffer.find(HEADER, position)
            if found == -1:
                end = len(buffer) - 1 if buffer.endswith(HEADER[:1]) else len(buffer)
                self._skip(position, max(end, position))
                return max(end, position)
            self._skip(position, found)
            digits = buffer[found + len(HEADER) : found + _PREFIX]
            if all(0x30 <= byte <= 0x39 for byte in digits):
                return found
            self._skip(found, found + 1)
            position = found + 1

    def _cut(self, position: int, results: list[FrameResult]) -> int:
        """Cut one frame (or one error) starting at the header at `position`; the bytes used, 0 to wait for more."""
        buffer = self._buffer
        if len(buffer) - position < _PREFIX:
            return 0
        declared = int(buffer[position + len(HEADER) : position + _PREFIX])
        if declared > self._max_data_length:
            self._emit(FrameError(FrameErrorKind.OVERSIZED, _PREFIX, declared), results)
            return _PREFIX
        data_start = position + _PREFIX
        data_end = data_start + declared
        crc_end = data_end + _CRC_DIGITS
        if len(buffer) >= crc_end and is_crc_text(buffer[data_end:crc_end]):
            follower = buffer[crc_end : crc_end + 1]
            if follower in _LINE_ENDS or buffer[data_end - len(_CP_END) : data_end] == _CP_END:
                self._emit(Frame(bytes(buffer[data_start:data_end]), declared, self._crc_text(data_end)), results)
                return crc_end - position
        window_end = min(len(buffer), position + self.max_buffered)
        line_feed = buffer.find(b"\n", data_start, window_end)
        next_header = buffer.find(HEADER, data_start, window_end)
        if line_feed != -1 and (next_header == -1 or line_feed < next_header):
            frame_end = line_feed - 1 if buffer[line_feed - 1 : line_feed] == b"\r" else line_feed
            used = line_feed + 1 - position
            self._emit(self._cut_at(position, frame_end, used, declared, needs_cp_end=False), results)
            return used
        if next_header != -1 and len(buffer) > crc_end:
            used = next_header - position
            self._emit(self._cut_at(position, next_header, used, declared, needs_cp_end=True), results)
            return used
        if len(buffer) - position >= self.max_buffered:
            self._emit(FrameError(FrameErrorKind.UNTERMINATED, _PREFIX, declared), results)
            return _PREFIX
        return 0

    def _cut_at(self, position: int, frame_end: int, skipped: int, declared: int, needs_cp_end: bool) -> FrameResult:
        """The frame (or error) whose declared length is wrong and which ends, CRC included, at `frame_end`."""
        data_start = position + _PREFIX
        data_end = frame_end - _CRC_DIGITS
        data = bytes(self._buffer[data_start : max(data_start, data_end)])
        shaped = data_end >= data_start and is_crc_text(self._buffer[data_end:frame_end])
        if not shaped or (needs_cp_end and not data.endswith(_CP_END)):
            return FrameError(FrameErrorKind.MALFORMED, skipped, declared)
        if len(data) > self._max_data_length:
            return FrameError(FrameErrorKind.OVERSIZED, skipped, declared)
        return Frame(data, declared, self._crc_text(data_end))

    def _crc_text(self, at: int) -> str:
        return self._buffer[at : at + _CRC_DIGITS].decode("ascii")

    def _skip(self, start: int, end: int) -> None:
        """Count `start:end` as garbage, except CR and LF: trailers after a frame cut without them are harmless."""
        line_ends = sum(self._buffer.count(line_end, start, end) for line_end in _LINE_ENDS)
        self._garbage += end - start - line_ends

    def _emit(self, result: FrameResult, results: list[FrameResult]) -> None:
        self._report_garbage(results)
        results.append(result)

    def _report_garbage(self, results: list[FrameResult]) -> None:
        if self._garbage:
            results.append(FrameError(FrameErrorKind.GARBAGE, self._garbage))
            self._garbage = 0
