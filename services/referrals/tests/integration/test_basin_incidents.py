"""Basin incidents through a real referrals server on SQLite and PostgreSQL (DOMAIN §4.5, issue 14 items 2, 3 and 6):
Ganzhou reports a spill on the Ganjiang; Ji'an, Yichun and the Ganjiang desk are notified and see it, Pingxiang does
not; Ji'an acknowledges, Yichun stays silent and climbs the ladder one rung per interval, each once, as the fake
clock moves; measures, close-out, the watermark a desk polls with; the webhooks of the notified agencies get the
incident once each through a real Celery worker; a drill runs the same path at its time and reports its times."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.referrals.v1 import basin_service_pb2 as pb
from ecolink.referrals.v1 import basin_service_pb2_grpc, webhook_service_pb2, webhook_service_pb2_grpc
from ecolink_common.celery_app import RELAY_OUTBOX, make_celery
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import ServiceUnderTest, platform_settings_for_tests, prepared_service
from ecolink_common.testing.waiting import eventually
from ecolink_common.testing.worker import running_worker, task_result
from ecolink_referrals.domain.basin_agreements import bundled_basin_agreements
from ecolink_referrals.domain.webhook_signing import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    signature_valid,
)
from ecolink_referrals.service import SPEC as REFERRALS
from ecolink_referrals.service_layer.basin_drills import start_due_drills
from ecolink_referrals.service_layer.basin_incidents import escalate_silence
from ecolink_referrals.service_layer.basin_tasks import escalate_overdue_tasks
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork
from ecolink_referrals.testing import refused, webhook_receiver
from ecolink_referrals.worker.tasks import DELIVER_WEBHOOKS, ESCALATE_BASIN_INCIDENTS

GANZHOU, JIAN, YICHUN, PINGXIANG = "eeb-360700", "eeb-360800", "eeb-360900", "eeb-360300"
DESK, PROVINCE = "basin-ganjiang", "eeb-360000"


@pytest.fixture
async def basin_service(platform, database_url, clock) -> AsyncIterator[ServiceUnderTest]:
    service = await prepared_service(REFERRALS, platform, database_url, clock=clock)
    yield service
    await service.running.stop()


@pytest.fixture
async def basins(basin_service) -> AsyncIterator[basin_service_pb2_grpc.BasinServiceStub]:
    async with stubs(basin_service, basin_service_pb2_grpc.BasinServiceStub) as stub:
        yield stub


def spill(clock, **overrides: object) -> pb.ReportIncidentRequest:
    occurred = Timestamp()
    occurred.FromDatetime(clock.now() - timedelta(minutes=20))
    incident = pb.Incident(
        location="赣江章贡区段 Zhanggong reach, km 12",
        pollutant="硫酸 sulphuric acid",
        estimated_quantity="约20吨 about 20 t",
        occur_time=occurred,
        description="槽罐车侧翻泄漏 a tanker overturned",
    )
    request = pb.ReportIncidentRequest(agreement="basins/ganjiang", incident=incident)
    for key, value in overrides.items():
        setattr(request, key, value)
    return request


async def sweep(database_url: str, clock, use_case) -> int:
    """What beat runs (`use_case`: start the drills due, or escalate silence), on the service's database at the fake
    clock's time."""
    engine = create_engine(database_url)
    try:
        sessions = create_session_factory(engine)
        return await use_case(lambda: ReferralsUnitOfWork(sessions, clock), bundled_basin_agreements())
    finally:
        await engine.dispose()


async def escalate(database_url: str, clock) -> int:
    return await sweep(database_url, clock, escalate_silence)


async def start_drills(database_url: str, clock) -> int:
    return await sweep(database_url, clock, start_due_drills)


async def test_a_spill_reaches_downstream_and_the_desk_and_silence_climbs_the_ladder_once_per_rung(
    basins, basin_service, database_url, clock
):
    def as_(agency: str) -> list[tuple[str, str]]:
        return basin_service.metadata(agency)

    stranger = await refused(basins.ReportIncident(spill(clock), metadata=as_(PINGXIANG)))
    assert (stranger.code, stranger.reason) == (grpc.StatusCode.PERMISSION_DENIED, "BASIN_NOT_MEMBER")
    incident = (await basins.ReportIncident(spill(clock, request_id="spill-1"), metadata=as_(GANZHOU))).incident
    replay = (await basins.ReportIncident(spill(clock, request_id="spill-1"), metadata=as_(GANZHOU))).incident
    assert replay.name == incident.name
    assert [(n.agency_id, n.role) for n in incident.notices] == [(JIAN, "member"), (YICHUN, "member"), (DESK, "desk")]
    assert incident.notices[0].acknowledge_due_time.ToDatetime() - incident.report_time.ToDatetime() == timedelta(
        minutes=30
    )
    for agency in (JIAN, DESK, PROVINCE):
        listed = await basins.ListIncidents(pb.ListIncidentsRequest(), metadata=as_(agency))
        assert [i.name for i in listed.incidents] == [incident.name], agency
    hidden = await refused(basins.GetIncident(pb.GetIncidentRequest(name=incident.name), metadata=as_(PINGXIANG)))
    assert hidden.code is grpc.StatusCode.NOT_FOUND
    assert not (await basins.ListIncidents(pb.ListIncidentsRequest(), metadata=as_(PINGXIANG))).incidents
    polled = await basins.ListIncidents(pb.ListIncidentsRequest(), metadata=as_(DESK))

    acknowledged = (
        await basins.AcknowledgeIncident(pb.AcknowledgeIncidentRequest(name=incident.name), metadata=as_(JIAN))
    ).incident
    assert acknowledged.notices[0].HasField("acknowledge_time")
    not_notified = await refused(
        basins.AcknowledgeIncident(pb.AcknowledgeIncidentRequest(name=incident.name), metadata=as_(GANZHOU))
    )
    assert (not_notified.code, not_notified.reason) == (grpc.StatusCode.PERMISSION_DENIED, "INCIDENT_NOT_NOTIFIED")

    clock.advance(timedelta(minutes=29))
    assert await escalate(database_url, clock) == 0
    clock.advance(timedelta(minutes=2))
    assert (await escalate(database_url, clock), await escalate(database_url, clock)) == (1, 0)
    clock.advance(timedelta(minutes=30))
    assert await escalate(database_url, clock) == 1
    seen = (await basins.GetIncident(pb.GetIncidentRequest(name=incident.name), metadata=as_(DESK))).incident
    assert [(e.silent_agency_id, e.duty, e.level, list(e.to_agency_ids)) for e in seen.escalations] == [
        (YICHUN, "acknowledge", 1, [PROVINCE, DESK]),
        (YICHUN, "acknowledge", 2, [PROVINCE]),
    ]
    assert [entry.kind for entry in seen.timeline].count("escalated") == 2

    changes = await basins.ListIncidents(pb.ListIncidentsRequest(since_watermark=polled.watermark), metadata=as_(DESK))
    assert [i.name for i in changes.incidents] == [incident.name] and changes.watermark > polled.watermark
    quiet = await basins.ListIncidents(pb.ListIncidentsRequest(since_watermark=changes.watermark), metadata=as_(DESK))
    assert not quiet.incidents and quiet.watermark == changes.watermark

    measures = pb.ReportMeasuresRequest(
        name=incident.name,
        officer_ids=["off-360800-01"],
        text="关闭峡江取水口，投加石灰中和 intake closed, lime dosed",
        monitoring="下游断面 pH 6.8 downstream section",
    )
    measured = (await basins.ReportMeasures(measures, metadata=as_(JIAN))).incident
    assert [(m.agency_id, m.seq) for m in measured.measures] == [(JIAN, 1)]
    not_reporter = await refused(
        basins.CloseIncident(pb.CloseIncidentRequest(name=incident.name, note="x"), metadata=as_(JIAN))
    )
    assert not_reporter.reason == "INCIDENT_NOT_REPORTER_OR_DESK"
    closed = (
        await basins.CloseIncident(
            pb.CloseIncidentRequest(name=incident.name, note="处置完毕 done"), metadata=as_(DESK)
        )
    ).incident
    assert (closed.state, closed.closed_by) == ("closed", DESK)
    late = await refused(
        basins.AcknowledgeIncident(pb.AcknowledgeIncidentRequest(name=incident.name), metadata=as_(YICHUN))
    )
    assert (late.code, late.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "INCIDENT_CLOSED")
    clock.advance(timedelta(hours=5))
    assert await escalate(database_url, clock) == 0


async def test_bad_reports_name_their_field_and_write_nothing(basins, basin_service, clock):
    as_ganzhou = basin_service.metadata(GANZHOU)
    unknown = await refused(basins.ReportIncident(spill(clock, agreement="basins/yangtze"), metadata=as_ganzhou))
    assert (unknown.code, unknown.reason) == (grpc.StatusCode.NOT_FOUND, "BASIN_AGREEMENT_NOT_FOUND")
    no_pollutant = spill(clock)
    no_pollutant.incident.pollutant = ""
    missing = await refused(basins.ReportIncident(no_pollutant, metadata=as_ganzhou))
    assert (missing.code, missing.fields) == (grpc.StatusCode.INVALID_ARGUMENT, ["incident.pollutant"])
    future = spill(clock)
    future.incident.occur_time.FromDatetime(clock.now() + timedelta(hours=1))
    assert (await refused(basins.ReportIncident(future, metadata=as_ganzhou))).fields == ["incident.occur_time"]
    assert not (await basins.ListIncidents(pb.ListIncidentsRequest(), metadata=as_ganzhou)).incidents
    agreements = await basins.ListBasinAgreements(pb.ListBasinAgreementsRequest(), metadata=as_ganzhou)
    assert [(a.name, list(a.member_agency_ids)) for a in agreements.agreements] == [
        ("basins/ganjiang", [GANZHOU, JIAN, YICHUN])
    ]


async def test_a_scheduled_drill_runs_the_incident_path_at_its_time_and_reports_each_members_times(
    basins, basin_service, database_url, clock
):
    def as_(agency: str) -> list[tuple[str, str]]:
        return basin_service.metadata(agency)

    start = Timestamp()
    start.FromDatetime(clock.now() + timedelta(hours=1))
    drill = spill(clock).incident
    drill.reporter_agency_id = GANZHOU
    drill.ClearField("occur_time")
    request = pb.ScheduleDrillRequest(agreement="basins/ganjiang", incident=drill, start_time=start)
    scheduled = (await basins.ScheduleDrill(request, metadata=as_(DESK))).incident
    assert (scheduled.state, scheduled.drill, scheduled.scheduled_by, list(scheduled.notices)) == (
        "scheduled",
        True,
        DESK,
        [],
    )
    early = await refused(
        basins.AcknowledgeIncident(pb.AcknowledgeIncidentRequest(name=scheduled.name), metadata=as_(JIAN))
    )
    assert (early.code, early.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "DRILL_NOT_STARTED")
    assert await start_drills(database_url, clock) == 0

    clock.advance(timedelta(hours=1))
    assert (await start_drills(database_url, clock), await start_drills(database_url, clock)) == (1, 0)
    clock.advance(timedelta(minutes=10))
    await basins.AcknowledgeIncident(pb.AcknowledgeIncidentRequest(name=scheduled.name), metadata=as_(JIAN))
    clock.advance(timedelta(minutes=21))
    assert await escalate(database_url, clock) == 1
    listed = await basins.ListIncidents(pb.ListIncidentsRequest(), metadata=as_(YICHUN))
    assert [(i.name, i.drill, i.state) for i in listed.incidents] == [(scheduled.name, True, "open")]

    report = await basins.GetDrillReport(pb.GetDrillReportRequest(name=scheduled.name), metadata=as_(DESK))
    results = {r.agency_id: r for r in report.results}
    assert results[JIAN].acknowledged_after_seconds == 600 and results[JIAN].highest_level == 0
    assert not results[YICHUN].HasField("acknowledged_after_seconds") and results[YICHUN].highest_level == 1
    assert not report.HasField("all_acknowledged_after_seconds")
    real = (await basins.ReportIncident(spill(clock), metadata=as_(GANZHOU))).incident
    not_drill = await refused(basins.GetDrillReport(pb.GetDrillReportRequest(name=real.name), metadata=as_(DESK)))
    assert (not_drill.code, not_drill.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "INCIDENT_NOT_A_DRILL")


async def test_each_notified_agencys_webhook_gets_the_incident_once_signed_through_a_real_worker(
    basins, basin_service, database_url, platform, clock, receiver
):
    state, base = receiver
    state.down = False
    secrets = {}
    async with stubs(basin_service, webhook_service_pb2_grpc.WebhookServiceStub) as webhooks:
        for agency in (JIAN, DESK):
            request = webhook_service_pb2.SetWebhookRequest(url=f"{base}/{agency}")
            secrets[agency] = (
                await webhooks.SetWebhook(request, metadata=basin_service.metadata(agency))
            ).webhook.secret
    incident = (await basins.ReportIncident(spill(clock), metadata=basin_service.metadata(GANZHOU))).incident

    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {"ECOLINK_VAR_DIR": str(platform.var_dir), "REFERRALS_DATABASE_URL": database_url}
    client = make_celery("ecolink-test-client", platform, include=[])
    with running_worker(env, queue=queue):
        relayed = await task_result(client, RELAY_OUTBOX, queue=queue, timeout=60, service="referrals")
        sent = await task_result(client, DELIVER_WEBHOOKS, queue=queue, timeout=60)
        again = await task_result(client, DELIVER_WEBHOOKS, queue=queue, timeout=60)

    assert relayed["published"] >= 1 and sent == {"sent": 2, "accepted": 2} and again["sent"] == 0
    assert sorted(path for path, _, _ in state.accepted) == [f"/{DESK}", f"/{JIAN}"]
    for path, headers, body in state.accepted:
        agency = path.strip("/")
        assert headers[IDEMPOTENCY_HEADER] == f"{incident.name}/reported"
        assert signature_valid(secrets[agency], headers[TIMESTAMP_HEADER], body, headers[SIGNATURE_HEADER])
        payload = json.loads(body)["payload"]
        assert (payload["incident"], payload["event"], payload["drill"]) == (incident.name, "reported", False)
    seen = await basins.GetIncident(pb.GetIncidentRequest(name=incident.name), metadata=basin_service.metadata(DESK))
    assert sorted((d.agency_id, d.status) for d in seen.incident.deliveries) == [
        (DESK, "delivered"),
        (JIAN, "delivered"),
    ]
    assert [entry.kind for entry in seen.incident.timeline].count("delivered") == 2


async def test_deadlines_that_passed_while_beat_was_down_escalate_once_when_a_worker_is_back(
    basins, basin_service, database_url, platform, clock
):
    """The service's clock stands at 2026-11-20; the worker reads the machine's, hours later: every rung of every
    unmet duty came due while no beat ran. The first worker climbs each once; a restarted one climbs none again."""
    incident = (await basins.ReportIncident(spill(clock), metadata=basin_service.metadata(GANZHOU))).incident
    await basins.AcknowledgeIncident(
        pb.AcknowledgeIncidentRequest(name=incident.name), metadata=basin_service.metadata(JIAN)
    )
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {"ECOLINK_VAR_DIR": str(platform.var_dir), "REFERRALS_DATABASE_URL": database_url}
    client = make_celery("ecolink-test-client", platform, include=[])
    runs = []
    for _ in range(2):  # a worker, stopped, then another
        with running_worker(env, queue=queue):
            runs.append(await task_result(client, ESCALATE_BASIN_INCIDENTS, queue=queue, timeout=60))
    # Yichun: acknowledge and measures, two rungs each; Ji'an (acknowledged): its measures, two rungs.
    assert [run["escalated"] for run in runs] == [6, 0]
    seen = await basins.GetIncident(pb.GetIncidentRequest(name=incident.name), metadata=basin_service.metadata(DESK))
    climbed = sorted((e.silent_agency_id, e.duty, e.level) for e in seen.incident.escalations)
    assert climbed == sorted(
        [(YICHUN, duty, level) for duty in ("acknowledge", "report_measures") for level in (1, 2)]
        + [(JIAN, "report_measures", level) for level in (1, 2)]
    )


async def test_a_reported_incident_reaches_the_webhooks_with_no_beat_the_commit_wakes_the_relay_and_the_sender(
    tmp_path, database_url, clock
):
    """Issue 14 ("within seconds"), issue 11 item 3: nothing but the commit starts the fan-out: the service wakes its
    relay through the broker, the relay wakes the webhook sender, and a sender run that sent a full batch (one here)
    sends the next (no beat runs here)."""
    platform = platform_settings_for_tests(tmp_path / "woken", outbox_wake=True)
    service = await prepared_service(REFERRALS, platform, database_url, clock=clock)
    try:
        with webhook_receiver(down=False) as (state, base):
            async with stubs(service, webhook_service_pb2_grpc.WebhookServiceStub) as webhooks:
                for agency in (JIAN, DESK):
                    request = webhook_service_pb2.SetWebhookRequest(url=f"{base}/{agency}")
                    await webhooks.SetWebhook(request, metadata=service.metadata(agency))
            env = {
                "ECOLINK_VAR_DIR": str(platform.var_dir),
                "REFERRALS_DATABASE_URL": database_url,
                "ECOLINK_OUTBOX_WAKE": "true",
                "REFERRALS_WEBHOOK_BATCH": "1",  # each sender run sends one; a full batch sends the next run
            }
            with running_worker(env):
                async with stubs(service, basin_service_pb2_grpc.BasinServiceStub) as basins:
                    await basins.ReportIncident(spill(clock), metadata=service.metadata(GANZHOU))

                await eventually(lambda: len(state.accepted) >= 2, "both webhooks answered", timeout=60)
        assert sorted(path for path, _, _ in state.accepted) == [f"/{DESK}", f"/{JIAN}"]
    finally:
        await service.running.stop()


async def test_joint_tasks_are_assigned_reported_escalated_when_overdue_and_decided_by_a_joint_meeting(
    basins, basin_service, database_url, clock
):
    def as_(agency: str) -> list[tuple[str, str]]:
        return basin_service.metadata(agency)

    sampling = pb.NewJointTask(
        assignee_agency_id=YICHUN,
        kind="joint_sampling",
        description="赣江樟树断面联合采样 joint sampling",
        due_in_hours=24,
    )
    task = (
        await basins.AssignJointTask(
            pb.AssignJointTaskRequest(agreement="basins/ganjiang", task=sampling), metadata=as_(DESK)
        )
    ).task
    assert (task.assignee_agency_id, task.kind, task.overdue) == (YICHUN, "joint_sampling", False)
    stranger = await refused(basins.GetJointTask(pb.GetJointTaskRequest(name=task.name), metadata=as_(PINGXIANG)))
    assert stranger.code is grpc.StatusCode.NOT_FOUND
    not_theirs = await refused(
        basins.ReportJointTask(
            pb.ReportJointTaskRequest(name=task.name, text="x", officer_ids=["off-360800-01"]), metadata=as_(JIAN)
        )
    )
    assert (not_theirs.code, not_theirs.reason) == (grpc.StatusCode.PERMISSION_DENIED, "BASIN_TASK_NOT_ASSIGNEE")

    clock.advance(timedelta(hours=24))
    assert await sweep(database_url, clock, escalate_overdue_tasks) == 1
    assert await sweep(database_url, clock, escalate_overdue_tasks) == 0
    seen = (await basins.GetJointTask(pb.GetJointTaskRequest(name=task.name), metadata=as_(JIAN))).task
    assert seen.overdue and [(e.silent_agency_id, e.duty, e.level) for e in seen.escalations] == [
        (YICHUN, "complete_task", 1)
    ]

    meeting = await basins.RecordJointMeeting(
        pb.RecordJointMeetingRequest(
            agreement="basins/ganjiang",
            held_on="2026-11-20",
            attendee_agency_ids=[GANZHOU, JIAN, YICHUN, DESK],
            minutes="赣江流域联席会议纪要 joint meeting minutes",
            decisions=[
                pb.NewJointTask(
                    assignee_agency_id=JIAN, description="峡江断面加密监测 denser monitoring", due_in_hours=72
                ),
                pb.NewJointTask(
                    assignee_agency_id=GANZHOU, description="排查沿江企业 check riverside firms", due_in_hours=168
                ),
            ],
        ),
        metadata=as_(DESK),
    )
    assert [t.kind for t in meeting.tasks] == ["meeting_decision", "meeting_decision"]
    assert list(meeting.meeting.tasks) == [t.name for t in meeting.tasks]
    assert all(t.meeting == meeting.meeting.name for t in meeting.tasks)
    got = (
        await basins.GetJointMeeting(pb.GetJointMeetingRequest(name=meeting.meeting.name), metadata=as_(YICHUN))
    ).meeting
    assert got.held_on == "2026-11-20"
    hidden = await refused(
        basins.GetJointMeeting(pb.GetJointMeetingRequest(name=meeting.meeting.name), metadata=as_(PINGXIANG))
    )
    assert hidden.code is grpc.StatusCode.NOT_FOUND

    done = (
        await basins.ReportJointTask(
            pb.ReportJointTaskRequest(
                name=meeting.tasks[0].name, text="已加密至每2小时 every 2 h", officer_ids=["off-360800-01"], done=True
            ),
            metadata=as_(JIAN),
        )
    ).task
    assert done.HasField("done_time") and [r.seq for r in done.reports] == [1]
    listed = await basins.ListJointTasks(pb.ListJointTasksRequest(), metadata=as_(DESK))
    assert [t.name for t in listed.tasks] == [meeting.tasks[1].name, meeting.tasks[0].name, task.name]
    assert not (await basins.ListJointTasks(pb.ListJointTasksRequest(), metadata=as_(PINGXIANG))).tasks
