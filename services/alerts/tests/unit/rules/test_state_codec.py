"""The persisted rule-engine state: tagged where a field holds one of several types, and stored states still load."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_alerts.domain.rules.engine import STATE_CODEC, EngineState, KindState
from ecolink_alerts.domain.rules.run import RunState
from ecolink_alerts.domain.rules.state_codec import TYPE_TAG, Tagged

AT = datetime(2026, 1, 1, tzinfo=UTC)
ZERO = Reading("MN0000001", "u1", "o1", "a21026", DataKind.HOURLY, AT, 0.0, received_at=AT + timedelta(seconds=30))
STATE = EngineState(
    kinds={DataKind.HOURLY: KindState(last_judged=AT, series={"a21026": {"C2.zero": RunState(run=(ZERO,))}})}
)
# As the hand-rolled codec before pydantic stored it: every object tagged, times with +00:00.
STORED_BEFORE_PYDANTIC = """{"$type": "EngineState", "kinds": {"2061": {"$type": "KindState", "pending": [],
"pending_arrival": null, "last_judged": "2026-01-01T00:00:00+00:00", "process": {"$type": "ProcessState", "flows": []},
"future": {"$type": "RunState", "run": [], "episode": null}, "series": {"a21026": {"C2.zero": {"$type": "RunState",
"run": [{"$type": "Reading", "mn": "MN0000001", "unit_id": "u1", "outlet_id": "o1", "factor": "a21026", "kind": "2061",
"data_time": "2026-01-01T00:00:00+00:00", "value": 0.0, "flag": "N", "converted": null, "minimum": null,
"maximum": null,
"cumulative": null, "received_at": "2026-01-01T00:00:30+00:00", "reported_code": null}], "episode": null}}}}},
"offline": {"$type": "OfflineState", "last_arrival": null, "last_item": null, "gaps": [], "offline": null,
"long_term": null}, "malformed_qn": {"$type": "RunState", "run": [], "episode": null}, "protocol": {"$type": "RunState",
"run": [], "episode": null}}"""


def test_a_state_stored_before_pydantic_loads_unchanged():
    assert STATE_CODEC.load(json.loads(STORED_BEFORE_PYDANTIC)) == STATE


def test_a_state_survives_its_json_form():
    assert STATE_CODEC.load(json.loads(json.dumps(STATE_CODEC.dump(STATE)))) == STATE


def test_rule_states_and_evidence_are_written_with_their_type_tag():
    rule_state = STATE_CODEC.dump(STATE)["kinds"]["2061"]["series"]["a21026"]["C2.zero"]
    assert rule_state[TYPE_TAG] == "RunState"
    assert rule_state["run"][0][TYPE_TAG] == "Reading"


def test_a_tag_of_no_known_state_type_is_refused():
    stored = STORED_BEFORE_PYDANTIC.replace('"C2.zero": {"$type": "RunState"', '"C2.zero": {"$type": "Unheard"')
    assert "Unheard" in stored
    with pytest.raises(ValidationError, match="Unheard"):
        STATE_CODEC.load(json.loads(stored))


def test_two_state_types_of_one_name_are_refused():
    @dataclass(frozen=True)
    class RunState:
        run: tuple[int, ...] = ()

    with pytest.raises(ValueError, match="two state types are named RunState"):
        Tagged(RunState, globals()["RunState"])
