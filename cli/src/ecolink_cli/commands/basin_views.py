"""How a basin desk operator sees incidents (突发环境事件): the list, one incident with its notices (late ones in red),
measures, escalations and timeline, the agreements, and the line a change prints in `ecolink basin watch`."""

from __future__ import annotations

from collections.abc import Sequence

from google.protobuf.timestamp_pb2 import Timestamp
from rich.table import Table

from ecolink.referrals.v1 import basin_service_pb2 as pb
from ecolink_cli.commands.case_views import shown_time
from ecolink_cli.commands.referral_views import OVERDUE_STYLE, plain_table, styled_table

DRILL = "DRILL 演练"
STATE_TERMS = {"scheduled": "scheduled 待演练", "open": "open 处置中", "closed": "closed 已结束"}
LIST_COLUMNS = [
    "incident 事件",
    "basin 流域",
    "reporter 报告单位",
    "pollutant 污染物",
    "state 状态",
    "acked 已签收",
    "escalations 升级",
    "updated",
]
NOTICE_COLUMNS = [
    "agency 单位",
    "role 角色",
    "ack due 签收期限",
    "acked 签收",
    "measures due 措施期限",
    "measures 措施",
]
TIMELINE_COLUMNS = ["time 时间", "what 事项", "agency 单位", "detail 详情"]
DRILL_COLUMNS = [
    "agency 单位",
    "role 角色",
    "acknowledged after 签收用时",
    "measures after 措施用时",
    "escalated to level 升级",
]
AGREEMENT_COLUMNS = [
    "basin 流域",
    "name 协议",
    "desk 协调办公室",
    "members upstream→downstream 成员",
    "ack 签收",
    "measures 措施",
    "ladder 升级",
]
KIND_TERMS = {
    "reported": "reported 报告",
    "notified": "notified 通报",
    "acknowledged": "acknowledged 签收",
    "measures": "measures 处置措施",
    "escalated": "escalated 升级",
    "delivered": "delivered 推送",
    "closed": "closed 结束",
}


def _when(stamp: Timestamp, present: bool) -> str:
    return shown_time(stamp) if present else "—"


def _state(incident: pb.Incident) -> str:
    state = STATE_TERMS.get(incident.state, incident.state)
    return f"{state} · {DRILL}" if incident.drill else state


def acknowledged(incident: pb.Incident) -> str:
    done = sum(notice.HasField("acknowledge_time") for notice in incident.notices)
    return f"{done}/{len(incident.notices)}"


def list_table(incidents: Sequence[pb.Incident]) -> Table:
    rows = [
        [
            i.name,
            i.basin_id,
            i.reporter_agency_id,
            i.pollutant,
            _state(i),
            acknowledged(i),
            str(len(i.escalations)),
            shown_time(i.update_time),
        ]
        for i in incidents
    ]
    return plain_table(f"{len(incidents)} incidents 突发环境事件", LIST_COLUMNS, rows)


def incident_table(incident: pb.Incident) -> Table:
    rows = [
        ["state 状态", _state(incident)],
        ["basin 流域", f"{incident.basin_id} ({incident.agreement})"],
        ["reporter 报告单位", incident.reporter_agency_id],
        ["where 位置", incident.location],
        ["pollutant 污染物", f"{incident.pollutant} · {incident.estimated_quantity or '?'}"],
        ["occurred 发生时间", shown_time(incident.occur_time)],
        ["what 事件经过", incident.description],
        ["evidence 证据", ", ".join(incident.evidence) or "—"],
        [
            "all acknowledged 全部签收",
            _when(incident.all_acknowledged_time, incident.HasField("all_acknowledged_time")),
        ],
        [
            "closed 结束",
            f"{shown_time(incident.close_time)} by {incident.closed_by}: {incident.close_note}"
            if incident.HasField("close_time")
            else "—",
        ],
    ]
    return plain_table(incident.name, ["field", "value"], rows)


def notices_table(incident: pb.Incident, now: Timestamp) -> Table:
    """Each notified agency; a deadline passed unmet is red."""
    rows = []
    for n in incident.notices:
        late = (not n.HasField("acknowledge_time") and n.acknowledge_due_time.ToDatetime() <= now.ToDatetime()) or (
            n.HasField("measures_due_time")
            and not n.HasField("measures_time")
            and n.measures_due_time.ToDatetime() <= now.ToDatetime()
        )
        cells = [
            n.agency_id,
            n.role,
            shown_time(n.acknowledge_due_time),
            _when(n.acknowledge_time, n.HasField("acknowledge_time")),
            _when(n.measures_due_time, n.HasField("measures_due_time")),
            _when(n.measures_time, n.HasField("measures_time")),
        ]
        rows.append((cells, OVERDUE_STYLE if late and incident.state == "open" else None))
    return styled_table("notified 通报单位", NOTICE_COLUMNS, rows)


def timeline_table(incident: pb.Incident) -> Table:
    rows = [[shown_time(e.time), KIND_TERMS.get(e.kind, e.kind), e.agency_id, e.detail] for e in incident.timeline]
    return plain_table("timeline 时间线", TIMELINE_COLUMNS, rows)


def agreements_table(agreements: Sequence[pb.BasinAgreement]) -> Table:
    rows = [
        [
            a.basin_id,
            a.display_name,
            a.desk_agency_id,
            " → ".join(a.member_agency_ids),
            f"{a.acknowledge_minutes} min",
            f"{a.measures_minutes} min",
            " ; ".join(a.escalation) + f" (every {a.escalate_every_minutes} min)",
        ]
        for a in agreements
    ]
    return plain_table("basin agreements 流域联防联控协议", AGREEMENT_COLUMNS, rows)


def change_line(incident: pb.Incident) -> str:
    """One line per change a watching desk sees."""
    return (
        f"{shown_time(incident.update_time)} {incident.name} {incident.basin_id} · {incident.pollutant} @ "
        f"{incident.location} · {_state(incident)} · acknowledged {acknowledged(incident)} · "
        f"escalations {len(incident.escalations)}"
    )


def _duration(seconds: int | None) -> str:
    if seconds is None:
        return "never 未完成"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s"


def drill_table(report: pb.GetDrillReportResponse) -> Table:
    """Each notified agency's times; one that never acknowledged, or was escalated, in red."""
    rows = []
    for r in report.results:
        acked = r.acknowledged_after_seconds if r.HasField("acknowledged_after_seconds") else None
        measures = r.measures_after_seconds if r.HasField("measures_after_seconds") else None
        cells = [
            r.agency_id,
            r.role,
            _duration(acked),
            _duration(measures) if r.role == "member" else "—",
            str(r.highest_level or "—"),
        ]
        rows.append((cells, OVERDUE_STYLE if acked is None or r.highest_level else None))
    everyone = report.all_acknowledged_after_seconds if report.HasField("all_acknowledged_after_seconds") else None
    title = f"drill {report.name} from {shown_time(report.start_time)} · all acknowledged after {_duration(everyone)}"
    return styled_table(title, DRILL_COLUMNS, rows)


TASK_COLUMNS = [
    "task 任务",
    "kind 类型",
    "to 责任单位",
    "by 交办单位",
    "due 期限",
    "status 状态",
    "reports 报告",
    "escalated 升级",
]


def _task_status(task: pb.JointTask) -> str:
    if task.HasField("done_time"):
        return "done 已完成"
    return "OVERDUE 逾期" if task.overdue else "open 进行中"


def tasks_table(tasks: Sequence[pb.JointTask]) -> Table:
    rows = [
        (
            [
                t.name,
                t.kind,
                t.assignee_agency_id,
                t.assigned_by,
                shown_time(t.due_time),
                _task_status(t),
                str(len(t.reports)),
                str(len(t.escalations)),
            ],
            OVERDUE_STYLE if t.overdue else None,
        )
        for t in tasks
    ]
    return styled_table(f"{len(tasks)} joint tasks 联合任务", TASK_COLUMNS, rows)


def task_line(task: pb.JointTask) -> str:
    return f"{task.name} {task.kind} → {task.assignee_agency_id} due {shown_time(task.due_time)} · {_task_status(task)}"


def meeting_text(meeting: pb.JointMeeting) -> str:
    attended = ", ".join(meeting.attendee_agency_ids) or "—"
    decided = ", ".join(meeting.tasks) or "—"
    return (
        f"{meeting.name} {meeting.agreement} held {meeting.held_on} by {meeting.convened_by}; attended by {attended}"
        f"\n{meeting.minutes}\ndecided: {decided}"
    )
