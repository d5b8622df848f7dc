"""Versioned rule files a legal officer edits (credit rules, criminal thresholds): TOML validated by a pydantic model,
every problem named by its key path, so a file is corrected without a code change."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


class RuleFileInvalid(ValueError):
    """A rule file that is not TOML or breaks its schema; each problem names its key path (`kinds.x.deduction`)."""

    reason = "RULE_FILE_INVALID"

    def __init__(self, what: str, origin: str, problems: tuple[str, ...]):
        super().__init__(f"{what} {origin} are invalid: " + "; ".join(problems))
        self.origin = origin
        self.problems = problems


def parse_toml_model(
    text: str, origin: str, model: type[Model], invalid: Callable[[str, tuple[str, ...]], RuleFileInvalid]
) -> Model:
    """The model `text` (TOML) holds, or `invalid` naming `origin` and the key path of every problem."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise invalid(origin, (f"not TOML: {error}",)) from error
    try:
        return model.model_validate(document)
    except ValidationError as error:
        problems = tuple(
            f"{'.'.join(str(part) for part in problem['loc']) or '(top level)'}: {problem['msg']}"
            for problem in error.errors()
        )
        raise invalid(origin, problems) from error
