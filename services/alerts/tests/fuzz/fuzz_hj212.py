"""Coverage-guided fuzzing (atheris) of the HJ 212 frame decoder and packet parser; a script, not a pytest module.

Run: `.venv/bin/python services/alerts/tests/fuzz/fuzz_hj212.py -atheris_runs=200000 [CORPUS_DIR]`.
A crash is any exception other than `PacketError`, or a decoder holding more than its limit.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    from ecolink_alerts.domain.hj212 import Frame, FrameDecoder, PacketError, parse_data_area, parse_packet


def fuzz_one_input(data: bytes) -> None:
    """Feed the input in fuzzer-chosen chunks to a decoder with a fuzzer-chosen limit; parse what comes out."""
    provider = atheris.FuzzedDataProvider(data)
    decoder = FrameDecoder(max_data_length=provider.ConsumeIntInRange(1, 512))
    while provider.remaining_bytes():
        chunk = provider.ConsumeBytes(provider.ConsumeIntInRange(1, 96))
        for result in decoder.feed(chunk):
            if isinstance(result, Frame):
                with contextlib.suppress(PacketError):
                    parse_packet(result.data)
        if decoder.buffered > decoder.max_buffered:
            raise AssertionError(f"the decoder holds {decoder.buffered} bytes, above {decoder.max_buffered}")
    decoder.finish()
    with contextlib.suppress(PacketError):
        parse_packet(data)
    parse_data_area(data.decode("utf-8", errors="replace"))


def main() -> None:
    atheris.Setup(sys.argv, fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
