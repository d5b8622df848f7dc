"""Update masks (AIP-134): the new values of exactly the fields a mask names, other fields left alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ecolink_common.errors import InvalidArgument

Changes = dict[str, Any]


def masked_changes(
    paths: Iterable[str], readers: Mapping[str, Callable[[], Changes]], field: str = "update_mask"
) -> Changes:
    """The changes the readers of the named paths return; an empty mask or a path no reader holds is
    INVALID_ARGUMENT naming `field` and listing the paths that may be changed."""
    named = list(paths)
    allowed = ", ".join(readers)
    if not named:
        raise InvalidArgument.for_field(field, f"must name the fields to replace: {allowed}")
    changes: Changes = {}
    for path in named:
        if path not in readers:
            raise InvalidArgument.for_field(field, f"{path} cannot be changed; choose from {allowed}")
        changes |= readers[path]()
    return changes
