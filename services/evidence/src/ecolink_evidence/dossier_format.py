"""The dossier ZIP: items, a manifest of their hashes and custody, an Ed25519 signature; offline verification."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ecolink_common.signed_records import signature_matches

FORMAT = "ecolink-dossier/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class DossierReport:
    """What offline verification found: every problem names the entry it is about."""

    entries_checked: int
    problems: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def verify_dossier(path: Path, public_key: Ed25519PublicKey) -> DossierReport:
    """Checks the signature, then every entry's bytes against the manifest; names each entry that differs."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        return DossierReport(0, [f"{path.name}: not a readable ZIP ({error})"])
    with archive:
        names = set(archive.namelist())
        if MANIFEST not in names or SIGNATURE not in names:
            return DossierReport(0, [f"{MANIFEST} or {SIGNATURE} is missing"])
        try:
            body, signature = archive.read(MANIFEST), archive.read(SIGNATURE)
        except (zipfile.BadZipFile, OSError) as error:
            return DossierReport(0, [f"{MANIFEST}: altered or unreadable ({error})"])
        if not signature_matches(body, signature, public_key):
            return DossierReport(0, [f"{MANIFEST}: the signature does not match (manifest altered or other key)"])
        manifest = json.loads(body)
        problems: list[str] = []
        listed = {item["path"] for item in manifest["items"]}
        problems += [f"{extra}: not listed in the manifest" for extra in sorted(names - listed - {MANIFEST, SIGNATURE})]
        for item in manifest["items"]:
            problems += _entry_problems(archive, item, names)
        return DossierReport(len(manifest["items"]), problems)


def _entry_problems(archive: zipfile.ZipFile, item: Mapping[str, Any], names: set[str]) -> list[str]:
    entry = item["path"]
    if entry not in names:
        return [f"{entry}: listed in the manifest but missing"]
    digest = hashlib.sha256()
    try:
        with archive.open(entry) as handle:
            while chunk := handle.read(READ_CHUNK):
                digest.update(chunk)
    except (zipfile.BadZipFile, OSError) as error:
        return [f"{entry}: unreadable ({error})"]
    if digest.hexdigest() != item["sha256"]:
        return [f"{entry}: SHA-256 {digest.hexdigest()} differs from the manifest's {item['sha256']}"]
    return []
