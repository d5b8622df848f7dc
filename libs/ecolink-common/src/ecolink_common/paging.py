"""AIP-158 paging shared by every List method: page-size rules and opaque, tamper-evident page tokens bound to the
caller and to the request's filters."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from ecolink_common.errors import InvalidArgument

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
REASON_PAGE_TOKEN_INVALID = "PAGE_TOKEN_INVALID"
MAC_BYTES = 16
# AIP-158: every field of a List request but these must be the same on the next page's request.
PAGING_FIELDS = ("page_token", "page_size")
NOT_ISSUED = "is not a token this server issued for this caller and these filters"

Item = TypeVar("Item")


def page_size(requested: int) -> int:
    """The page size to use; 0 means the default, above the maximum is refused."""
    if requested < 0 or requested > MAX_PAGE_SIZE:
        raise InvalidArgument.for_field("page_size", f"must be between 0 and {MAX_PAGE_SIZE}")
    return requested or DEFAULT_PAGE_SIZE


class _TokenKey:
    """The process's page-token MAC key: random until the server loads the platform's key file."""

    secret: bytes = secrets.token_bytes(32)


def use_page_token_key_file(path: Path) -> None:
    """Loads the key every replica of every service shares (made on first run, owner-readable only), so tokens
    survive a restart and work on any replica behind the load balancer."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(secrets.token_bytes(32))
    _TokenKey.secret = path.read_bytes()


def page_token_invalid() -> InvalidArgument:
    """The refusal of a token this server did not issue for the caller and filters (or issued in an older shape)."""
    return InvalidArgument.for_field("page_token", NOT_ISSUED, reason=REASON_PAGE_TOKEN_INVALID)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(binding: bytes, payload: bytes) -> bytes:
    return hmac.new(_TokenKey.secret, binding + b"\x00" + payload, hashlib.sha256).digest()[:MAC_BYTES]


@dataclass(frozen=True)
class PageRequest:
    """Which page a List call asks for: its size, the position after the previous page (empty for the first), and
    the binding (caller and filters) its next token is signed for."""

    size: int
    position: Mapping[str, str] = field(default_factory=dict)
    binding: bytes = b""

    def next_token(self, position: Mapping[str, str]) -> str:
        """The token of the page after `position`, valid only for the same caller and filters."""
        payload = json.dumps(dict(position), sort_keys=True, separators=(",", ":")).encode()
        return f"{_b64(payload)}.{_b64(_mac(self.binding, payload))}"

    def page_of(self, found: Sequence[Item], after: Callable[[Item], Mapping[str, str]]) -> Page[Item]:
        """The page of `found`, read with a limit of size + 1: an extra record only says another page follows, and
        the next token holds the position `after` gives for the page's last record."""
        items = list(found[: self.size])
        return Page(items, self.next_token(after(items[-1])) if len(found) > self.size else "")

    def following(self, token: str) -> PageRequest:
        """The request of the page a token of this request's binding points to; an empty token is the first page."""
        return PageRequest(self.size, decode_page_token(token, self.binding), self.binding)


def decode_page_token(token: str, binding: bytes) -> dict[str, str]:
    """The position a token carries, after checking it was issued for `binding`; anything else is INVALID_ARGUMENT
    `PAGE_TOKEN_INVALID`."""
    if not token:
        return {}
    payload_text, _, mac_text = token.partition(".")
    try:
        payload, mac = _unb64(payload_text), _unb64(mac_text)
    except (binascii.Error, ValueError):
        raise page_token_invalid() from None
    if not hmac.compare_digest(mac, _mac(binding, payload)):
        raise page_token_invalid()
    try:
        position = json.loads(payload)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise page_token_invalid() from None
    if not isinstance(position, dict) or not all(isinstance(v, str) for v in position.values()):
        raise page_token_invalid()
    return position


def request_binding(request: Any, caller: str) -> bytes:
    """What a page token is bound to: the caller and every field of the List request but the paging ones."""
    filters = type(request)()
    filters.CopyFrom(request)
    for name in PAGING_FIELDS:
        filters.ClearField(name)
    described = f"{request.DESCRIPTOR.full_name}\x00{caller}\x00".encode()
    return hashlib.sha256(described + filters.SerializeToString(deterministic=True)).digest()


def page_request(request: Any, caller: str) -> PageRequest:
    """The page a List request asks for, its size and token checked (INVALID_ARGUMENT naming the field)."""
    binding = request_binding(request, caller)
    return PageRequest(page_size(request.page_size), decode_page_token(request.page_token, binding), binding)


@dataclass(frozen=True)
class Page(Generic[Item]):
    """One page of a List result and the token of the next page (empty on the last)."""

    items: list[Item]
    next_page_token: str
