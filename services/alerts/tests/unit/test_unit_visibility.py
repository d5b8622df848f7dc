"""Which rules' alerts a key unit's enterprise sees (DOMAIN §1, ALERTS_UNIT_VISIBLE_RULES), and the setting's check."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.unit_visibility import DEFAULT_UNIT_VISIBLE_RULES, rules_seen_by_unit, unknown_rule_names
from ecolink_alerts.settings import AlertsSettings


def test_by_default_the_unit_sees_exceedance_and_data_quality_but_no_falsification_clue():
    seen = rules_seen_by_unit(DEFAULT_UNIT_VISIBLE_RULES)
    assert {rule.section for rule in seen} == {"E1", "C9", "C10", "C11", "C12", "C13"}
    assert seen == {rule for rule in RuleId if rule.section in {"E1", "C9", "C10", "C11", "C12", "C13"}}
    assert not seen & {RuleId.CONSTANT_VALUE, RuleId.NEAR_CONSTANT_VALUE, RuleId.SUDDEN_DROP, RuleId.MINIMUM_VALUE}


def test_a_rule_is_named_by_its_id_or_by_its_section():
    assert rules_seen_by_unit({"C11.manual_value"}) == {RuleId.MANUAL_VALUE}
    assert rules_seen_by_unit({"C10"}) == {RuleId.OFFLINE, RuleId.LONG_TERM_OFFLINE}
    assert unknown_rule_names({"C10", "C99", "E1.x"}) == ["C99", "E1.x"]


def test_an_unknown_rule_in_the_setting_stops_the_start(monkeypatch):
    monkeypatch.setenv("ALERTS_UNIT_VISIBLE_RULES", '["E1", "C4", "C42"]')
    with pytest.raises(ValidationError, match="unknown rules: C42"):
        AlertsSettings()
    monkeypatch.setenv("ALERTS_UNIT_VISIBLE_RULES", '["E1", "C4"]')
    assert AlertsSettings().unit_visible_rules == {"E1", "C4"}
