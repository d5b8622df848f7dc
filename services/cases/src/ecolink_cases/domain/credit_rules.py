"""The versioned credit rules file: which findings deduct how many points, each rule with its source."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ecolink_common.toml_models import RuleFileInvalid, bundled_toml_model, parse_toml_model, read_toml_model

BUNDLED_RULES = "credit_rules_v1.toml"
REASON_RULES_INVALID = "CREDIT_RULES_INVALID"

FindingKind = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,62}$")]
Points = Annotated[int, Field(ge=0, le=100)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class FindingRule(BaseModel):
    """What one kind of finding costs a unit's score (DOMAIN §3.4: a score built from findings)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name_en: Text
    name_zh: Text
    deduction: Points
    # The most points findings of this kind may take within one window; none means every finding counts in full.
    cap: Points | None = None
    # The DOMAIN section or the regulation the rule rests on; a rule without one is refused.
    source: Text

    @model_validator(mode="after")
    def _cap_holds_one_finding(self) -> FindingRule:
        if self.cap is not None and self.cap < self.deduction:
            raise ValueError(f"cap ({self.cap}) is below the deduction of one finding ({self.deduction})")
        return self


class CreditRules(BaseModel):
    """One version of the rules: every finding kind the platform grades, by its stable name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    kinds: Mapping[FindingKind, FindingRule] = Field(min_length=1)


class CreditRulesInvalid(RuleFileInvalid):
    """A credit rules file that is not TOML or breaks the schema, each problem named by its key path."""

    reason = REASON_RULES_INVALID

    def __init__(self, origin: str, problems: tuple[str, ...]):
        super().__init__("credit rules", origin, problems)


def parse_credit_rules(text: str, origin: str) -> CreditRules:
    """The rules in `text` (TOML), or CreditRulesInvalid naming `origin` and the key path of every problem."""
    return parse_toml_model(text, origin, CreditRules, CreditRulesInvalid)


def read_credit_rules(path: Path) -> CreditRules:
    """A bureau's own rules file."""
    return read_toml_model(path, CreditRules, CreditRulesInvalid)


def bundled_credit_rules() -> CreditRules:
    """The rules shipped with the service (`ecolink_cases/data/credit_rules_v1.toml`)."""
    return bundled_toml_model("ecolink_cases", BUNDLED_RULES, CreditRules, CreditRulesInvalid)
