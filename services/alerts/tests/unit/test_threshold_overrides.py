"""ALERTS_RULE_THRESHOLDS_FILE: overrides merged into the documented defaults; a typo or a wrong type is refused."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass, replace
from datetime import timedelta
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from ecolink_alerts.adapters.rule_thresholds_file import load_rule_thresholds
from ecolink_alerts.domain.factors import COD, SO2, WATER_ANALYSER_FACTORS
from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.threshold_overrides import ThresholdOverrideError, rule_thresholds
from ecolink_alerts.domain.thresholds import RuleThresholds, ZeroValueThresholds
from ecolink_alerts.settings import AlertsSettings

DEFAULTS = RuleThresholds()


def json_form(value: Any) -> Any:
    """A threshold value as an operator writes it in the file."""
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: json_form(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, frozenset):
        return sorted(json_form(member) for member in value)
    if isinstance(value, Enum):
        return value.value
    return value


def test_no_file_keeps_the_documented_defaults():
    assert load_rule_thresholds(None) == DEFAULTS
    assert rule_thresholds({}) == DEFAULTS


def test_every_threshold_can_be_set_from_the_file():
    every_field = {"device": json_form(DEFAULTS.device), "factor_defaults": json_form(DEFAULTS.factor_defaults)}
    assert rule_thresholds(every_field) == DEFAULTS


def test_an_override_changes_only_the_fields_it_names():
    changed = rule_thresholds({"factor_defaults": {"zero": {"consecutive_hours": 2}}})
    expected = replace(DEFAULTS.factor_defaults, zero=ZeroValueThresholds(consecutive_hours=2))
    assert changed.factor_defaults == expected
    assert changed.device == DEFAULTS.device
    assert changed.for_factor(SO2) == expected


def test_changed_defaults_reach_the_water_analysers_which_keep_their_own_c1_run():
    changed = rule_thresholds({"factor_defaults": {"zero": {"consecutive_hours": 2}, "constant": {"equal_hours": 8}}})
    assert set(changed.by_factor) == WATER_ANALYSER_FACTORS
    water = changed.for_factor(COD)
    assert (water.zero.consecutive_hours, water.constant.equal_hours) == (2, 12)
    assert changed.for_factor(SO2).constant.equal_hours == 8


def test_a_factor_override_changes_that_factor_only():
    changed = rule_thresholds({"by_factor": {SO2: {"sudden_jump": {"jump_multiple": 4}}, COD: {"zero": {}}}})
    assert changed.for_factor(SO2) == replace(
        DEFAULTS.factor_defaults, sudden_jump=replace(DEFAULTS.factor_defaults.sudden_jump, jump_multiple=4.0)
    )
    assert changed.for_factor(COD) == DEFAULTS.for_factor(COD)
    assert changed.for_factor("a21002") == DEFAULTS.factor_defaults


@pytest.mark.parametrize(
    ("written", "duration"),
    [("PT2H", timedelta(hours=2)), ("P7D", timedelta(days=7)), (5400, timedelta(minutes=90)), (0.5, timedelta(0, 0.5))],
)
def test_durations_are_iso_8601_or_seconds(written, duration):
    changed = rule_thresholds({"device": {"offline": {"expected_interval": written}}})
    assert changed.device.offline.expected_interval == duration


def test_flag_sets_are_lists_of_hj212_flag_codes():
    changed = rule_thresholds({"factor_defaults": {"flag_abuse": {"counted_flags": ["M", "C"]}}})
    assert changed.factor_defaults.flag_abuse.counted_flags == {DataFlag.MAINTENANCE, DataFlag.CALIBRATION}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"factor_defaults": {"zero": {"consecutive_hour": 2}}}, "factor_defaults.zero.consecutive_hour: unknown"),
        ({"factor_default": {}}, "factor_default: unknown"),
        ({"device": {"offline": {"gap": 2}}}, "device.offline.gap: unknown"),
        ({"by_factor": {SO2: {"zeros": {}}}}, f"by_factor.{SO2}.zeros: unknown"),
    ],
)
def test_an_unknown_key_is_refused_naming_its_path(overrides, message):
    with pytest.raises(ThresholdOverrideError, match=message):
        rule_thresholds(overrides)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"factor_defaults": {"zero": {"consecutive_hours": "3"}}},
            "factor_defaults.zero.consecutive_hours: expected an",
        ),
        ({"factor_defaults": {"zero": {"consecutive_hours": 2.5}}}, "consecutive_hours: expected an integer"),
        ({"factor_defaults": {"sudden_jump": {"jump_multiple": True}}}, "jump_multiple: expected a number"),
        ({"factor_defaults": {"zero": 3}}, "factor_defaults.zero: expected a JSON object"),
        ({"device": {"offline": {"expected_interval": "2 hours"}}}, "expected_interval: '2 hours' is not an ISO"),
        ({"device": {"offline": {"expected_interval": None}}}, "expected_interval: expected a duration"),
        ({"factor_defaults": {"flag_abuse": {"counted_flags": ["M", "X"]}}}, r"counted_flags\[1\]: 'X' is not one"),
        ({"factor_defaults": {"flag_abuse": {"counted_flags": "M"}}}, "counted_flags: expected a list"),
        ({"by_factor": {"SO2": {}}}, "by_factor.SO2: not an HJ 212-2017 pollutant code"),
        ({"by_factor": {SO2: {"validity": {"ph_max": 13}}}}, f"by_factor.{SO2}.validity: validity applies to every"),
        ({"grading": {"red_from_days": "ten"}}, "grading.red_from_days: expected an integer"),
        ({"by_factor": []}, "by_factor: expected a JSON object, got a list"),
        ([], "the file: expected a JSON object"),
        ({"factor_defaults": {"zero": {"consecutive_hours": -1}}}, "consecutive_hours: must not be negative, got -1"),
        ({"factor_defaults": {"stable_low": {"max_cv": -0.05}}}, "max_cv: must not be negative"),
        ({"device": {"offline": {"expected_interval": "-PT1H"}}}, "expected_interval: must not be negative"),
        ({"device": {"offline": {"long_term_continuous": -60}}}, "long_term_continuous: must not be negative"),
    ],
)
def test_a_wrong_type_or_a_negative_value_is_refused_naming_its_path(overrides, message):
    with pytest.raises(ThresholdOverrideError, match=message):
        rule_thresholds(overrides)


def test_the_file_sets_the_grading_thresholds():
    changed = rule_thresholds({"grading": {"window_days": 20, "red_from_days": 8}})
    assert changed.grading == replace(DEFAULTS.grading, window_days=20, red_from_days=8)
    assert changed.factor_defaults == DEFAULTS.factor_defaults


def test_the_files_grading_reaches_the_rollup_and_the_environment_takes_precedence(tmp_path: Path, monkeypatch):
    path = tmp_path / "thresholds.json"
    path.write_text(json.dumps({"grading": {"window_days": 20, "red_from_days": 8}}))
    from_file = AlertsSettings(rule_thresholds_file=path)
    assert from_file.rollup_policy(from_file.rule_thresholds()).grading == replace(
        DEFAULTS.grading, window_days=20, red_from_days=8
    )
    monkeypatch.setenv("ALERTS_GRADE_RED_FROM_DAYS", "12")
    with_environment = AlertsSettings(rule_thresholds_file=path)
    assert with_environment.rollup_policy(with_environment.rule_thresholds()).grading == replace(
        DEFAULTS.grading, window_days=20, red_from_days=12
    )


def test_the_file_named_by_the_setting_reaches_the_rules_and_the_rollups_validity(tmp_path: Path):
    path = tmp_path / "thresholds.json"
    path.write_text(json.dumps({"factor_defaults": {"validity": {"min_valid_minutes_per_hour": 40}}}))
    settings = AlertsSettings(rule_thresholds_file=path)
    rules = settings.rule_thresholds()
    assert rules.factor_defaults.validity.min_valid_minutes_per_hour == 40
    assert settings.rollup_policy(rules).validity == rules.factor_defaults.validity


def test_an_unreadable_file_is_refused_naming_it(tmp_path: Path):
    path = tmp_path / "thresholds.json"
    path.write_text('{"factor_defaults": ')
    with pytest.raises(ThresholdOverrideError, match=f"ALERTS_RULE_THRESHOLDS_FILE {path}"):
        load_rule_thresholds(path)
    with pytest.raises(ThresholdOverrideError, match=r"missing\.json"):
        load_rule_thresholds(tmp_path / "missing.json")
    path.write_text('{"device": {"engine": {"evidence_limit": "many"}}}')
    with pytest.raises(ThresholdOverrideError, match=f"{path}: device.engine.evidence_limit: expected an integer"):
        load_rule_thresholds(path)
