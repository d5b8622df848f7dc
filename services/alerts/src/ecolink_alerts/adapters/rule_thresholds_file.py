"""The operator's `ALERTS_RULE_THRESHOLDS_FILE` read: its JSON overrides merged into the documented defaults."""

from __future__ import annotations

import json
from pathlib import Path

from ecolink_alerts.domain.threshold_overrides import ThresholdOverrideError, rule_thresholds
from ecolink_alerts.domain.thresholds import RuleThresholds


def load_rule_thresholds(path: Path | None) -> RuleThresholds:
    """The documented defaults with the overrides of the JSON file at `path` (none: the defaults)."""
    if path is None:
        return RuleThresholds()
    try:
        overrides = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as unreadable:
        raise ThresholdOverrideError(f"ALERTS_RULE_THRESHOLDS_FILE {path}: {unreadable}") from unreadable
    try:
        return rule_thresholds(overrides)
    except ThresholdOverrideError as wrong:
        raise ThresholdOverrideError(f"ALERTS_RULE_THRESHOLDS_FILE {path}: {wrong}") from wrong
