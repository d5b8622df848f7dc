"""The versioned credit rules file: the shipped one is valid and cites its sources; a bad one names the key path."""

from __future__ import annotations

import pytest

from ecolink_cases.domain.credit_rules import (
    REASON_RULES_INVALID,
    CreditRulesInvalid,
    bundled_credit_rules,
    parse_credit_rules,
    read_credit_rules,
)

GOOD_RULE = """
[kinds.exceedance_day]
name_en = "exceedance day"
name_zh = "超标排放日"
deduction = 2
cap = 20
source = "DOMAIN §2.3"
"""


def problems_of(text: str) -> tuple[str, ...]:
    with pytest.raises(CreditRulesInvalid) as refused:
        parse_credit_rules(text, "test.toml")
    assert refused.value.reason == REASON_RULES_INVALID
    assert "test.toml" in str(refused.value)
    return refused.value.problems


def test_the_shipped_rules_have_one_version_and_every_kind_cites_a_domain_section():
    rules = bundled_credit_rules()
    assert rules.version == "credit-rules/1"
    assert len(rules.kinds) == 9
    assert all(rule.source.startswith("DOMAIN §") for rule in rules.kinds.values())
    assert all(rule.name_zh and rule.name_en for rule in rules.kinds.values())


def test_a_minimal_file_parses():
    rules = parse_credit_rules('version = "local/1"\n' + GOOD_RULE, "test.toml")
    assert rules.kinds["exceedance_day"].cap == 20


def test_a_negative_deduction_is_named_by_its_key_path():
    problems = problems_of('version = "v"\n' + GOOD_RULE.replace("deduction = 2", "deduction = -2"))
    assert len(problems) == 1
    assert problems[0].startswith("kinds.exceedance_day.deduction: ")


def test_a_rule_without_its_source_is_refused():
    problems = problems_of('version = "v"\n' + GOOD_RULE.replace('source = "DOMAIN §2.3"', ""))
    assert problems == ("kinds.exceedance_day.source: Field required",)


def test_a_misspelt_key_is_refused_rather_than_ignored():
    problems = problems_of('version = "v"\n' + GOOD_RULE + "weight = 3\n")
    assert problems[0].startswith("kinds.exceedance_day.weight: ")


def test_a_missing_version_and_an_empty_kind_list_are_both_named():
    problems = problems_of("kinds = {}\n")
    assert [problem.split(":")[0] for problem in problems] == ["version", "kinds"]


def test_a_kind_name_that_is_not_snake_case_is_named():
    problems = problems_of('version = "v"\n' + GOOD_RULE.replace("kinds.exceedance_day", 'kinds."Exceedance-Day"'))
    assert problems[0].startswith("kinds.Exceedance-Day.[key]: ")


def test_a_cap_below_one_deduction_is_refused_at_its_rule():
    problems = problems_of('version = "v"\n' + GOOD_RULE.replace("cap = 20", "cap = 1"))
    assert problems[0].startswith("kinds.exceedance_day: ")
    assert "cap (1)" in problems[0]


def test_a_file_that_is_not_toml_says_so():
    assert problems_of("version = \n")[0].startswith("not TOML: ")


def test_a_bureau_file_is_read_from_its_path(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('version = "bureau/2"\n' + GOOD_RULE, encoding="utf-8")
    assert read_credit_rules(path).version == "bureau/2"
    path.write_text('version = "bureau/2"\n', encoding="utf-8")
    with pytest.raises(CreditRulesInvalid, match=str(path)):
        read_credit_rules(path)
