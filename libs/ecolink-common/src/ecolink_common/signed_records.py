"""Records that hold up years later (DOMAIN §5, the X-Road anchor): canonical JSON bytes signed with the platform's
Ed25519 key, the key named by its fingerprint, verified offline with the public key alone."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def canonical_json(record: Mapping[str, Any]) -> bytes:
    """The exact bytes that are signed: keys sorted, UTF-8 kept, one layout."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False, indent=1).encode()


def key_fingerprint(public_key: Ed25519PublicKey) -> str:
    """The SHA-256 of the raw public key: which key signed, without shipping the key."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def sign_record(record: Mapping[str, Any], key: Ed25519PrivateKey) -> tuple[bytes, bytes]:
    """The record's canonical bytes and their base64 signature."""
    body = canonical_json(record)
    return body, base64.b64encode(key.sign(body))


def signature_matches(body: bytes, signature: bytes, public_key: Ed25519PublicKey) -> bool:
    """True when `signature` (base64) is the key's signature of exactly `body`."""
    try:
        public_key.verify(base64.b64decode(signature, validate=True), body)
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True
