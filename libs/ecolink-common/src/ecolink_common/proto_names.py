"""Resource names of requests (AIP-122): `collection/{id}` parsed into its ids, any other shape INVALID_ARGUMENT
naming the field."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ecolink_common.errors import InvalidArgument


@dataclass(frozen=True)
class ResourceName:
    """One shape of resource name: the pattern whose groups are its ids, and what a caller sending another shape is
    told."""

    pattern: re.Pattern[str]
    refusal: str

    @classmethod
    def shaped(cls, template: str) -> ResourceName:
        """The name `template` spells, each `{segment}` one path segment: `units/{unit_id}/outlets/{outlet_id}`."""
        pattern = re.sub(r"\\\{[a-z_]+\\\}", "([^/]+)", re.escape(template))
        return cls(re.compile(f"^{pattern}\\Z"), f"must look like {template}")

    def ids(self, name: str, field: str) -> tuple[str, ...]:
        """Every id the name holds, outermost first."""
        found = self.pattern.match(name)
        if found is None:
            raise InvalidArgument.for_field(field, self.refusal)
        return found.groups()

    def id(self, name: str, field: str) -> str:
        """The one id of a name of one collection."""
        return self.ids(name, field)[0]

    def number(self, name: str, field: str) -> int:
        """The id of a name whose pattern admits only digits, as a number."""
        return int(self.id(name, field))

    def holds(self, name: str) -> bool:
        """Whether `name` has this shape (for a check that refuses with its own words)."""
        return self.pattern.match(name) is not None
