"""Device access passwords (HJ 212 `PW`) kept only as HMAC-SHA256 digests under the server's secret key."""

from __future__ import annotations

import hashlib
import hmac
import re

DIGEST_PREFIX = "hmac-sha256:"
_DIGEST = re.compile(r"hmac-sha256:[0-9a-f]{64}", re.ASCII)
MIN_KEY_BYTES = 32
"""Issue 10: a keyed hash, so a copy of the registry's rows does not give the passwords (RFC 2104: key ≥ output)."""


def is_password_digest(text: str) -> bool:
    """Whether a stored password is already a digest (a plain password is at most 64 characters, a digest 76)."""
    return _DIGEST.fullmatch(text) is not None


class DevicePasswords:
    """Digests device passwords and checks a packet's `PW` against a stored digest, in constant time."""

    def __init__(self, key: bytes) -> None:
        if len(key) < MIN_KEY_BYTES:
            raise ValueError(f"a device password key has at least {MIN_KEY_BYTES} bytes, not {len(key)}")
        self._key = key

    def digest(self, password: str) -> str:
        """The stored form of a password; a value that already is a digest is kept as it is."""
        if is_password_digest(password):
            return password
        return DIGEST_PREFIX + hmac.new(self._key, password.encode(), hashlib.sha256).hexdigest()

    def matches(self, password: str, digest: str) -> bool:
        """Whether `password` (as a packet sends it) is the one `digest` was made of."""
        return is_password_digest(digest) and hmac.compare_digest(self.digest(password), digest)
