"""A transfer's signed records (issue 13 item 3, the X-Road anchor): every step is a canonical JSON record naming the
acting agency, officers and credential, holding the SHA-256 of the record before it, signed with the platform's
Ed25519 key; the exported set is checked offline and each altered, missing or reordered record is named."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ecolink_common.hash_chain import canonical_time
from ecolink_common.signed_records import signature_matches

RECORD_FORMAT = "ecolink-transfer-record/1"
EXPORT_FORMAT = "ecolink-transfer-records/1"
GENESIS = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who took a step and with which credential: the agency, its officers, how it authenticated (token or mTLS), and
    the platform service that acted or relayed for it."""

    agency_id: str
    officer_ids: tuple[str, ...]
    authentication_method: str
    acting_service: str | None = None
    relayed_by: str | None = None


def record_body(
    *,
    transfer: str,
    number: str,
    seq: int,
    kind: str,
    at: datetime,
    actor: Actor,
    previous_sha256: str,
    content: Mapping[str, Any],
) -> dict[str, Any]:
    """The record as signed; `content` is what the step says (the manifest, a receipt, a decision)."""
    return {
        "format": RECORD_FORMAT,
        "transfer": transfer,
        "number": number,
        "seq": seq,
        "kind": kind,
        "at": canonical_time(at),
        "agency": actor.agency_id,
        "officers": list(actor.officer_ids),
        "credential": {
            "method": actor.authentication_method,
            "acting_service": actor.acting_service,
            "relayed_by": actor.relayed_by,
        },
        "previous_sha256": previous_sha256,
        "content": dict(content),
    }


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True)
class ExportedRecord:
    name: str
    kind: str
    body: bytes
    signature: bytes
    key_sha256: str


def export_document(transfer: str, records: Sequence[ExportedRecord], public_key_pem: bytes) -> dict[str, Any]:
    """The file `ecolink referrals export` writes: every record with its body as text, and the key to check them."""
    return {
        "format": EXPORT_FORMAT,
        "transfer": transfer,
        "public_key_pem": public_key_pem.decode(),
        "records": [
            {
                "name": record.name,
                "kind": record.kind,
                "body": record.body.decode(),
                "signature": record.signature.decode(),
                "key_sha256": record.key_sha256,
            }
            for record in records
        ],
    }


@dataclass(frozen=True)
class RecordSetReport:
    """What offline verification found; every problem names the record it is about."""

    records_checked: int
    problems: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def verify_record_set(document: Mapping[str, Any], public_key: Ed25519PublicKey) -> RecordSetReport:
    """Checks each record's signature, its position and its link to the record before it."""
    if document.get("format") != EXPORT_FORMAT or not isinstance(document.get("records"), list):
        return RecordSetReport(0, [f"not an {EXPORT_FORMAT} file"])
    problems: list[str] = []
    previous = GENESIS
    records = document["records"]
    for position, entry in enumerate(records, start=1):
        name = str(entry.get("name", f"record {position}")) if isinstance(entry, Mapping) else f"record {position}"
        problem, body = _record_problem(entry, position, previous, str(document.get("transfer", "")), public_key)
        if problem:
            problems.append(f"{name}: {problem}")
        previous = body_sha256(body) if body is not None else ""
    return RecordSetReport(len(records), problems)


def _record_problem(
    entry: Any, position: int, previous: str, transfer: str, public_key: Ed25519PublicKey
) -> tuple[str, bytes | None]:
    if not isinstance(entry, Mapping) or not isinstance(entry.get("body"), str):
        return "not a record", None
    body = entry["body"].encode()
    if not signature_matches(body, str(entry.get("signature", "")).encode(), public_key):
        return "the signature does not match (record altered or signed by another key)", body
    content = json.loads(body)
    if content.get("transfer") != transfer or content.get("seq") != position:
        return f"out of place: it is seq {content.get('seq')} of {content.get('transfer')}", body
    if previous and content.get("previous_sha256") != previous:
        return "the record before it is not the one it was signed after (a record was removed or changed)", body
    return "", body
