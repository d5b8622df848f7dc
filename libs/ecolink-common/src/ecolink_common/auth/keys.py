"""The platform's Ed25519 token-signing key pair: made on first run, kept under var/keys, never committed."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def ensure_signing_key(private_path: Path, public_path: Path) -> None:
    """Creates the key pair when neither file exists (the private key readable by its owner only).

    A host holding only the public key (a production service) is left alone; a lost public key is
    derived again from the private one.
    """
    if not private_path.exists():
        if public_path.exists():
            return
        private_path.parent.mkdir(parents=True, exist_ok=True)
        private_pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(private_pem)
    if not public_path.exists():
        public_path.write_bytes(
            load_private_key(private_path)
            .public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        )


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """Reads the signing key; only the token issuer (the CLI on a development install) needs it."""
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 private key")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """Reads the verification key every service holds."""
    key = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError(f"{path} is not an Ed25519 public key")
    return key
