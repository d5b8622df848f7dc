"""UploadPipe: the store's writer never gets the last bytes before they are released, and stops on abort."""

from __future__ import annotations

import threading

import pytest

from ecolink_evidence.service_layer.upload_pipe import UploadAborted, UploadPipe


def reading_in_background(pipe: UploadPipe, size: int) -> tuple[threading.Thread, list[bytes | Exception]]:
    read: list[bytes | Exception] = []

    def writer() -> None:
        try:
            read.append(pipe.read(size))
        except UploadAborted as aborted:
            read.append(aborted)

    thread = threading.Thread(target=writer)
    thread.start()
    return thread, read


def test_the_last_chunk_is_held_back_until_released():
    pipe = UploadPipe(4)
    pipe.feed(b"abc")
    pipe.feed(b"def")
    thread, read = reading_in_background(pipe, 6)
    thread.join(0.2)
    assert thread.is_alive() and read == []
    pipe.release_last()
    thread.join(1)
    assert read == [b"abcdef"] and pipe.read(10) == b""


def test_reads_are_cut_at_the_size_asked_and_the_hash_covers_every_byte():
    pipe = UploadPipe(4)
    for chunk in (b"0123", b"4567", b"89"):
        pipe.feed(chunk)
    pipe.release_last()
    assert [pipe.read(3), pipe.read(3), pipe.read(-1), pipe.read(3)] == [b"012", b"345", b"6789", b""]
    assert pipe.sha256() == "84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882"


def test_abort_makes_a_waiting_writer_fail():
    pipe = UploadPipe(4)
    pipe.feed(b"abc")
    thread, read = reading_in_background(pipe, 6)
    pipe.abort()
    thread.join(1)
    assert len(read) == 1 and isinstance(read[0], UploadAborted)


def test_abort_with_a_full_pipe_does_not_block_and_the_writer_fails():
    pipe = UploadPipe(1)
    pipe.feed(b"a")
    pipe.feed(b"b")
    pipe.abort()
    with pytest.raises(UploadAborted):
        pipe.read(2)


def test_feeding_goes_on_into_nothing_once_the_writer_has_finished():
    pipe = UploadPipe(1)
    pipe.writer_finished()
    for chunk in (b"a", b"b", b"c", b"d"):
        pipe.feed(chunk)
    pipe.release_last()
    assert pipe.sha256() == "88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589"
