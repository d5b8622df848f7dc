"""The secret key of device password digests: made on first run under var/keys, readable by its owner only."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from ecolink_alerts.domain.device_passwords import MIN_KEY_BYTES, DevicePasswords


def ensure_password_key(path: Path) -> None:
    """Creates the key file when it does not exist; an existing one is never replaced (its digests would break)."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process made it meanwhile
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(secrets.token_bytes(MIN_KEY_BYTES))


def device_passwords(path: Path) -> DevicePasswords:
    """The digests under the key at `path`, made first if missing."""
    ensure_password_key(path)
    return DevicePasswords(path.read_bytes())
