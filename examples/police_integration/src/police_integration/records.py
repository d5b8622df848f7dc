"""Checking a transfer's signed records with nothing but the platform's public key.

Each record is canonical JSON (keys sorted, UTF-8 kept, indent 1) signed with Ed25519; the signature travels base64
encoded and the record names the signing key by the SHA-256 of its raw bytes. Every record holds the SHA-256 of the
record before it (the first one 64 zeros), so a removed, reordered or altered record breaks the chain. The manifest is
the record of the send: its `content` lists the dossier's evidence with their SHA-256, and `manifest_version` is the
transfer version it was sent as.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

RECORD_FORMAT = "ecolink-transfer-record/1"
GENESIS = "0" * 64
EVIDENCE_NAME = re.compile(r"^evidence/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\Z")
SHA256_HEX = re.compile(r"^[0-9a-f]{64}\Z")


class RecordProblem(Exception):
    """A record that does not verify, or a manifest that does not fit the transfer; the message names the record."""


@dataclass(frozen=True)
class Record:
    """One signed record as `ListTransferRecords` returns it."""

    name: str
    kind: str
    body: bytes
    signature: bytes
    key_sha256: str


@dataclass(frozen=True)
class ManifestItem:
    """An evidence item the manifest lists: its name and the SHA-256 the bureau's dossier holds for it."""

    evidence: str
    sha256: str

    @property
    def evidence_id(self) -> str:
        return self.evidence.removeprefix("evidence/")


@dataclass(frozen=True)
class Manifest:
    """The signed manifest of the version of the transfer that was sent."""

    record: str
    version: int
    items: tuple[ManifestItem, ...]
    content: Mapping[str, Any]


def canonical_json(value: Any) -> bytes:
    """The one layout the platform signs."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1).encode()


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("the platform key is not an Ed25519 public key")
    return key


def key_fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, as records name their signer."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def verify_records(transfer: str, records: Sequence[Record], key: Ed25519PublicKey) -> list[dict[str, Any]]:
    """The records' bodies, parsed, once each is signed by `key`, canonical, in its place and chained to the one
    before; else RecordProblem naming the first record that is not."""
    fingerprint = key_fingerprint(key)
    previous = GENESIS
    bodies: list[dict[str, Any]] = []
    for position, record in enumerate(records, start=1):
        label = record.name or f"{transfer}/records/{position}"
        body = _verified_body(record, key, fingerprint, label)
        if body.get("format") != RECORD_FORMAT:
            raise RecordProblem(f"{label}: format {body.get('format')!r} is not {RECORD_FORMAT}")
        if body.get("transfer") != transfer or body.get("seq") != position:
            raise RecordProblem(
                f"{label}: out of place (it is seq {body.get('seq')} of {body.get('transfer')}, expected {position})"
            )
        if body.get("previous_sha256") != previous:
            raise RecordProblem(f"{label}: not signed after the record before it (a record was removed or changed)")
        previous = hashlib.sha256(record.body).hexdigest()
        bodies.append(body)
    return bodies


def _verified_body(record: Record, key: Ed25519PublicKey, fingerprint: str, label: str) -> dict[str, Any]:
    if record.key_sha256 != fingerprint:
        raise RecordProblem(
            f"{label}: signed by key {record.key_sha256[:16]}…, not the platform key {fingerprint[:16]}…"
        )
    try:
        key.verify(base64.b64decode(record.signature, validate=True), record.body)
    except (InvalidSignature, ValueError, binascii.Error):
        raise RecordProblem(
            f"{label}: the signature does not match its body (altered, or signed by another key)"
        ) from None
    try:
        body = json.loads(record.body.decode())
    except (UnicodeDecodeError, ValueError):
        raise RecordProblem(f"{label}: the body is not JSON") from None
    if not isinstance(body, dict):
        raise RecordProblem(f"{label}: the body is not a JSON object")
    if canonical_json(body) != record.body:
        raise RecordProblem(f"{label}: the body is not canonical JSON")
    return body


def latest_manifest(
    transfer: str, bodies: Sequence[Mapping[str, Any]], *, police_agency_id: str, version: int
) -> Manifest:
    """The manifest of the send of `version`: the last record whose content lists the evidence sent, addressed to
    `police_agency_id`."""
    for body in reversed(bodies):
        content = body.get("content")
        if isinstance(content, Mapping) and "manifest_version" in content:
            label = f"{transfer}/records/{body.get('seq')}"
            if content.get("manifest_version") != version:
                raise RecordProblem(
                    f"{label}: the latest manifest is of version {content.get('manifest_version')}, "
                    f"the transfer is at version {version}"
                )
            if content.get("police") != police_agency_id:
                raise RecordProblem(f"{label}: the manifest is addressed to {content.get('police')!r}")
            return Manifest(label, version, _items(label, content.get("evidence")), content)
    raise RecordProblem(f"{transfer}: no signed manifest among its {len(bodies)} records")


def _items(label: str, evidence: Any) -> tuple[ManifestItem, ...]:
    if not isinstance(evidence, list):
        raise RecordProblem(f"{label}: content.evidence is not a list")
    items = []
    for index, entry in enumerate(evidence):
        name = entry.get("evidence") if isinstance(entry, Mapping) else None
        sha256 = entry.get("sha256") if isinstance(entry, Mapping) else None
        if not isinstance(name, str) or not EVIDENCE_NAME.match(name):
            raise RecordProblem(f"{label}: content.evidence[{index}] has no evidence name of the form evidence/ID")
        if not isinstance(sha256, str) or not SHA256_HEX.match(sha256):
            raise RecordProblem(f"{label}: content.evidence[{index}] ({name}) has no lower-case hex SHA-256")
        items.append(ManifestItem(name, sha256))
    return tuple(items)
