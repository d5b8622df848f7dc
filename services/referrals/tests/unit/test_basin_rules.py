"""The pure rules of basin coordination (DOMAIN §4.5, issue 14 items 1–2): who an incident reaches in river order,
the bundled agreements against the demo directory, a bad agreements file named by key path, and the ladder climbed
one rung per interval, each rung once, never after a duty is met or the incident is closed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from ecolink_common.directory import AgencyKind, read_directory_file
from ecolink_common.outbox import OutboxEvent
from ecolink_common.settings import PlatformSettings
from ecolink_referrals.domain.basin_agreements import (
    BasinAgreementsInvalid,
    EscalationTarget,
    bundled_basin_agreements,
    parse_basin_agreements,
)
from ecolink_referrals.domain.escalation_ladder import Duty
from ecolink_referrals.domain.incident import (
    INCIDENT_DUTIES,
    IncidentFacts,
    IncidentRecord,
    IncidentState,
    due_rungs,
    notices_for,
)
from ecolink_referrals.service_layer.webhook_deliveries import queue_for_parties

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
GANJIANG = bundled_basin_agreements().get("ganjiang")
assert GANJIANG is not None


def incident(**changes: object) -> IncidentRecord:
    record = IncidentRecord(
        incident_id=1,
        agreement_id="ganjiang",
        basin_id="ganjiang",
        reporter_agency_id="eeb-360700",
        region_code="360700",
        facts=IncidentFacts("km 12", "硫酸", "20 t", AT, "tanker"),
        drill=False,
        state=IncidentState.OPEN,
        report_time=AT,
        update_time=AT,
        notices=notices_for(GANJIANG, "eeb-360700", AT),
    )
    return replace(record, **changes)  # type: ignore[arg-type]


def test_an_incident_reaches_every_member_below_the_reporter_and_the_desk():
    assert [n.agency_id for n in notices_for(GANJIANG, "eeb-360700", AT)] == [
        "eeb-360800",
        "eeb-360900",
        "basin-ganjiang",
    ]
    assert [n.agency_id for n in notices_for(GANJIANG, "eeb-360800", AT)] == ["eeb-360900", "basin-ganjiang"]
    assert [n.agency_id for n in notices_for(GANJIANG, "eeb-360900", AT)] == ["basin-ganjiang"]


def test_the_bundled_agreements_name_directory_members_of_their_basin_and_its_desk():
    directory, _ = read_directory_file(PlatformSettings().directory_file)
    agencies = {agency.agency_id: agency for agency in directory.agencies}
    for agreement in bundled_basin_agreements().agreements:
        desk = agencies[agreement.desk_agency_id]
        assert desk.kind is AgencyKind.BASIN_DESK and agreement.basin_id in desk.basin_ids
        for member in agreement.members:
            assert agreement.basin_id in agencies[member].basin_ids, member


def test_a_bad_agreements_file_names_each_problem_by_its_key_path():
    text = """
version = "x"
[[agreements]]
agreement_id = "b"
basin_id = "b"
name = "boundary"
kind = "boundary"
desk_agency_id = "basin-b"
members = ["eeb-1", "eeb-2", "eeb-3"]
acknowledge_minutes = 0
"""
    with pytest.raises(BasinAgreementsInvalid) as invalid:
        parse_basin_agreements(text, "test.toml")
    assert any(problem.startswith("agreements.0.acknowledge_minutes") for problem in invalid.value.problems)


def test_silence_climbs_one_rung_per_interval_once_and_stops_when_met_or_closed():
    silent = incident()
    assert due_rungs(silent, GANJIANG, AT + timedelta(minutes=29)) == []
    first = due_rungs(silent, GANJIANG, AT + timedelta(minutes=30))
    assert [(r.silent_agency_id, r.duty, r.level) for r in first] == [
        ("eeb-360800", Duty.ACKNOWLEDGE, 1),
        ("eeb-360900", Duty.ACKNOWLEDGE, 1),
    ]
    assert first[0].targets == (EscalationTarget.PARENT, EscalationTarget.DESK)
    # A sweep that ran late climbs every rung that came due meanwhile, the measures' too.
    late = due_rungs(silent, GANJIANG, AT + timedelta(hours=5))
    assert {(r.duty, r.level) for r in late} == {(d, level) for d in INCIDENT_DUTIES for level in (1, 2)}
    notices = list(silent.notices)
    notices[0] = replace(notices[0], acknowledge_time=AT, measures_time=AT)
    met = replace(silent, notices=tuple(notices))
    assert {r.silent_agency_id for r in due_rungs(met, GANJIANG, AT + timedelta(hours=5))} == {"eeb-360900"}
    assert due_rungs(replace(silent, state=IncidentState.CLOSED), GANJIANG, AT + timedelta(hours=5)) == []


class Queue:
    def __init__(self, webhooks: set[str]):
        self.webhooks = webhooks
        self.queued: list[tuple[str, str]] = []

    async def of_agencies(self, agency_ids):
        return {agency: object() for agency in agency_ids if agency in self.webhooks}

    async def queue(self, delivery):
        self.queued.append((delivery.agency_id, delivery.transfer))


async def test_an_incident_event_is_queued_for_each_recipient_with_a_webhook():
    queue = Queue({"eeb-360800", "basin-ganjiang"})
    payload = {"incident": "incidents/1", "recipients": ["eeb-360800", "eeb-360900", "basin-ganjiang"]}
    await queue_for_parties(OutboxEvent("incidents/1/reported", "referrals.basin_incident", payload, AT), queue, at=AT)
    assert queue.queued == [("basin-ganjiang", "incidents/1"), ("eeb-360800", "incidents/1")]
