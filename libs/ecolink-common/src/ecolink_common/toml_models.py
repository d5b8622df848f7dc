"""Versioned rule files a legal officer edits (credit rules, criminal thresholds): TOML validated by a pydantic model,
every problem named by its key path, so a file is corrected without a code change."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
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


def read_toml_model(
    path: Path, model: type[Model], invalid: Callable[[str, tuple[str, ...]], RuleFileInvalid]
) -> Model:
    """The model a rule file on disk holds (problems named by its path)."""
    return parse_toml_model(path.read_text(encoding="utf-8"), str(path), model, invalid)


def bundled_toml_model(
    package: str, name: str, model: type[Model], invalid: Callable[[str, tuple[str, ...]], RuleFileInvalid]
) -> Model:
    """The model of the rule file `name` a package ships in its `data/` folder."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return parse_toml_model(text, name, model, invalid)
