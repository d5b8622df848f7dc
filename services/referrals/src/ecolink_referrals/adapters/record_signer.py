"""The platform's Ed25519 key as the signer of transfer records; the public key ships with every export."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from ecolink_common.auth.keys import load_private_key
from ecolink_common.signed_records import key_fingerprint, sign_record
from ecolink_referrals.service_layer.ports import Signature


class KeyFileSigner:
    """Signs with the key in `path` (read once)."""

    def __init__(self, path: Path):
        self._key = load_private_key(path)

    def sign(self, record: Mapping[str, Any]) -> Signature:
        body, signature = sign_record(record, self._key)
        return Signature(body, signature, key_fingerprint(self._key.public_key()))

    def public_key_pem(self) -> bytes:
        return self._key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
