"""Opaque page tokens and page-size rules shared by every List method (AIP-158)."""

from __future__ import annotations

import base64
import binascii
import json

from ecolink_common.errors import InvalidArgument

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


def page_size(requested: int) -> int:
    """The page size to use; 0 means the default, above the maximum is refused."""
    if requested < 0 or requested > MAX_PAGE_SIZE:
        raise InvalidArgument.for_field("page_size", f"must be between 0 and {MAX_PAGE_SIZE}")
    return requested or DEFAULT_PAGE_SIZE


def encode_page_token(position: dict[str, str]) -> str:
    """Wraps the position after the last returned item."""
    return base64.urlsafe_b64encode(json.dumps(position, sort_keys=True).encode()).decode()


def decode_page_token(token: str) -> dict[str, str]:
    """Unwraps a token from a previous response; an empty token is the first page."""
    if not token:
        return {}
    try:
        position = json.loads(base64.urlsafe_b64decode(token.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError) as error:
        raise InvalidArgument.for_field("page_token", "is not a token this server issued") from error
    if not isinstance(position, dict) or not all(isinstance(v, str) for v in position.values()):
        raise InvalidArgument.for_field("page_token", "is not a token this server issued")
    return position
