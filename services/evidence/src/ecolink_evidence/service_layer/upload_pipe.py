"""A bounded hand-over of upload bytes to a store's blocking write that can never complete unverified bytes."""

from __future__ import annotations

import contextlib
import hashlib
import queue
import threading

POLL_SECONDS = 0.1


class UploadAborted(Exception):
    """The upload was refused or interrupted while the store was writing it."""


_END = b""


class UploadPipe:
    """Bytes fed from the event loop (through a worker thread) and read by the store's writer thread.

    The pipe hashes what it is fed and always holds the newest chunk back: the writer gets the last
    bytes only after `release_last` (called once the size and hash are checked), so an S3 multipart
    upload can never be completed with bytes that were refused; `abort` makes the writer's next read
    raise, and the SDK then aborts the multipart upload. If the writer stops reading early (the object
    already exists), feeding goes on into nothing so the hash can still be checked.
    """

    def __init__(self, max_chunks_waiting: int):
        self._waiting: queue.Queue[bytes | UploadAborted] = queue.Queue(max_chunks_waiting)
        self._held: bytes | None = None
        self._unread = b""
        self._ended = False
        self._writer_gone = threading.Event()
        self._digest = hashlib.sha256()

    def feed(self, chunk: bytes) -> None:
        """Hashes one chunk and passes the one before it on; blocks while the writer is behind."""
        if not chunk:
            return
        self._digest.update(chunk)
        if self._held is not None:
            self._hand_over(self._held)
        self._held = chunk

    def sha256(self) -> str:
        return self._digest.hexdigest()

    def release_last(self) -> None:
        """Lets the writer have the held-back chunk and the end of the stream."""
        if self._held is not None:
            self._hand_over(self._held)
            self._held = None
        self._hand_over(_END)

    def abort(self) -> None:
        """Makes the writer's next read fail; never blocks."""
        self._held = None
        while True:
            try:
                self._waiting.put_nowait(UploadAborted("the upload was refused or interrupted"))
                return
            except queue.Full:
                self._drop_one()

    def writer_finished(self) -> None:
        """Called when the writer returns or fails: from then on, fed bytes are only hashed."""
        self._writer_gone.set()

    def _hand_over(self, item: bytes) -> None:
        while not self._writer_gone.is_set():
            try:
                self._waiting.put(item, timeout=POLL_SECONDS)
                return
            except queue.Full:
                continue

    def _drop_one(self) -> None:
        with contextlib.suppress(queue.Empty):
            self._waiting.get_nowait()

    def read(self, size: int = -1, /) -> bytes:
        """What the store's writer calls, in its own thread: `size` bytes (fewer only at the end), b"" after."""
        pieces: list[bytes] = []
        wanted = size if size >= 0 else None
        while not self._ended and (wanted is None or wanted > 0):
            if not self._unread:
                item = self._waiting.get()
                if isinstance(item, UploadAborted):
                    raise item
                if item is _END:
                    self._ended = True
                    break
                self._unread = item
            piece = self._unread if wanted is None or wanted >= len(self._unread) else self._unread[:wanted]
            self._unread = self._unread[len(piece) :]
            pieces.append(piece)
            wanted = None if wanted is None else wanted - len(piece)
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)
