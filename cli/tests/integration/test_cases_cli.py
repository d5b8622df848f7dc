"""`ecolink cases …` as the Lingbi county branch and its city bureau run it (issue 12, "Done when"): a demo alert
becomes a case, inspected by two officers on an uploaded photo, approved one level up, decided and served by public
notice, and `cases due` shows the dates the law sets; a step out of order is refused with its reason."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json
import os
import subprocess

import pytest

from ecolink_cli.demo_monitoring import DEMO_UNIT
from ecolink_cli.testing import ecolink, platform_environment, start_platform, stop_platform

COUNTY, CITY = "eeb-341323", "eeb-341300"  # 灵璧县生态环境分局, 宿州市生态环境局
INSPECTORS = ("off-341323-01", "off-341323-02")
APPROVER = "off-341300-01"
PHOTO = b"DA001 kiln stack, SO2 analyser reading 0 while the kiln runs"
VIOLATION = "篡改自动监控数据 falsified automatic monitoring data"
LEGAL_BASIS = "《中华人民共和国大气污染防治法》第九十九条"
APPROVAL = ["--approver", APPROVER, "--opinion", "同意 approved"]
FINE = "220000"  # yuan
ENTERPRISE = "ent-341323-jiancai"  # the Lingbi kiln's enterprise in the demo registry
POLICE = "psb-341300"  # 宿州市公安局


class Cli:
    """The `ecolink` command against the services under test, as one agency or another."""

    def __init__(self, env: dict[str, str], *, alerts: str, evidence: str, cases: str):
        self.env = env
        self.address = {"alerts": alerts, "evidence": evidence, "cases": cases}

    async def run(self, agency: str, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Runs in a thread, so that the services under test keep serving on this event loop."""
        service = self.address[arguments[0]]
        return await asyncio.to_thread(ecolink, self.env, *arguments, "--as", agency, "--address", service)

    async def json(self, agency: str, *arguments: str) -> dict | list:
        result = await self.run(agency, *arguments, "--json")
        assert result.returncode == 0, result.stdout + result.stderr
        return json.loads(result.stdout)

    async def step(self, agency: str, verb: str, case: str, *options: str) -> dict:
        found = await self.json(agency, "cases", verb, case, *options)
        assert isinstance(found, dict)
        return found


@pytest.fixture
def cli(cases_service, evidence_service, demo_alerts_service) -> Cli:
    return Cli(
        {**os.environ, "ECOLINK_VAR_DIR": str(cases_service.platform.var_dir)},
        alerts=demo_alerts_service.target,
        evidence=evidence_service.target,
        cases=cases_service.target,
    )


def officers(*ids: str) -> list[str]:
    return [part for officer in ids for part in ("--officer", officer)]


async def open_case_from_demo_alert(cli: Cli) -> dict:
    [alert] = await cli.json(COUNTY, "alerts", "list", "--unit", DEMO_UNIT, "--rule", "C2")
    return await cli.step(
        COUNTY,
        "create",
        "--unit",
        DEMO_UNIT,
        "--source",
        "alert",
        "--source-ref",
        alert["name"].removeprefix("alerts/"),
        "--violation-type",
        VIOLATION,
        "--legal-basis",
        LEGAL_BASIS,
        *officers(*INSPECTORS),
    )


async def register_and_start_investigation(cli: Cli, name: str) -> None:
    """Registration approved by the city bureau, registered and under investigation by the county branch."""
    await cli.step(CITY, "approve", name, "--step", "register", *APPROVAL)
    await cli.step(COUNTY, "register", name, *officers(INSPECTORS[0]))
    await cli.step(COUNTY, "start-investigation", name, *officers(INSPECTORS[0]))


async def notify_and_decide(cli: Cli, name: str) -> dict:
    """From an investigation recorded to a penalty of FINE yuan decided (approved by the city bureau)."""
    await cli.step(COUNTY, "submit-review", name, *officers(INSPECTORS[0]))
    await cli.step(COUNTY, "notify", name, *officers(INSPECTORS[0]), "--intended-fine", FINE)
    await cli.step(CITY, "approve", name, "--step", "decide", *APPROVAL)
    return await cli.step(COUNTY, "decide", name, *officers(INSPECTORS[0]), "--outcome", "penalty", "--fine", FINE)


async def test_a_demo_alert_becomes_a_case_decided_served_by_notice_and_due_shows_its_legal_dates(cli, tmp_path):
    case = await open_case_from_demo_alert(cli)
    name = case["name"]
    assert (case["state"], case["source"], case["unit_display_name"]) == (
        "CASE_STATE_CLUE",
        "CLUE_SOURCE_MONITORING_ALERT",
        "灵璧县某新型建材有限公司",
    )
    assert case["source_ref"].startswith("alerts/")

    await register_and_start_investigation(cli, name)
    photo_file = tmp_path / "da001-kiln-stack.jpg"
    photo_file.write_bytes(PHOTO)
    upload = ["--kind", "photo", "--case", name.removeprefix("cases/"), "--officer", INSPECTORS[0]]
    photo = await cli.json(COUNTY, "evidence", "upload", str(photo_file), *upload, "--content-type", "image/jpeg")
    inspection = ["--on", "2026-11-19", "--note", "现场检查 on-site inspection of DA001", "--evidence", photo["name"]]
    await cli.step(COUNTY, "investigate", name, *officers(*INSPECTORS), *inspection)
    decided = await notify_and_decide(cli, name)
    assert (decided["fine_fen"], decided["documents"][-1]["display_number"]) == ("22000000", "灵环罚字[2026]1号")
    served = await cli.step(
        COUNTY, "serve", name, *officers(INSPECTORS[0]), "--method", "public-notice", "--on", "2026-11-20"
    )
    assert served["state"] == "CASE_STATE_SERVED"

    # Published 2026-11-20 (the cases service's today): deemed served 30 days later (Civil Procedure Law art. 95 as
    # amended in 2021), the fine due 15 days after that (Administrative Penalty Law art. 67), and unpaid when the
    # reconsideration and lawsuit windows close, a reminder may issue from 2027-06-21 (Administrative Compulsion Law
    # art. 54): all in one `due`, which looks a year ahead.
    due = await cli.json(COUNTY, "cases", "due")
    assert [(a["action"], a["from_date"], a.get("until_date", ""), a["status"]) for a in due] == [
        ("deemed_served", "2026-12-20", "", "upcoming"),
        ("payment_due", "2026-12-20", "2027-01-04", "upcoming"),
        ("reminder_may_issue", "2027-06-21", "", "upcoming"),
    ]
    month = await cli.json(COUNTY, "cases", "due", "--horizon", "30")
    assert [a["action"] for a in month] == ["deemed_served", "payment_due"]
    # Six months after service both windows have closed unpaid: the reminder may issue from 2027-06-21
    # (Administrative Compulsion Law art. 54), and the surcharge of 3 % a day has reached the fine (art. 72).
    later = await cli.json(COUNTY, "cases", "due", "--on", "2027-06-01")
    assert [(a["action"], a["from_date"], a["status"]) for a in later] == [
        ("payment_due", "2026-12-20", "overdue"),
        ("reminder_may_issue", "2027-06-21", "upcoming"),
    ]
    assert "surcharge so far 22000000 fen" in later[0]["description"]
    table = await cli.run(COUNTY, "cases", "due", "--on", "2027-06-01")
    assert table.returncode == 0 and "reminder may issue" in table.stdout and "2027-06-21" in table.stdout

    shown = await cli.json(COUNTY, "cases", "get", name)
    assert [step["step"] for step in shown["timeline"]] == [
        "RegisterCase",
        "StartInvestigation",
        "RecordInvestigation",
        "SubmitForLegalReview",
        "NotifyIntendedPenalty",
        "DecideCase",
        "RecordService",
    ]
    investigation = shown["timeline"][2]
    assert investigation["officer_ids"] == list(INSPECTORS)
    assert investigation["evidence"] == [{"evidence": photo["name"], "sha256": hashlib.sha256(PHOTO).hexdigest()}]
    assert [(a["step"], a["approver_agency_id"]) for a in shown["approvals"]] == [
        ("RegisterCase", CITY),
        ("DecideCase", CITY),
    ]
    timeline = await cli.run(COUNTY, "cases", "get", name)
    assert timeline.returncode == 0, timeline.stderr
    for seen in ("灵环立字[2026]1号", "灵环检字[2026]1号", "灵环罚字[2026]1号", hashlib.sha256(PHOTO).hexdigest()[:12]):
        assert seen in timeline.stdout

    decisions = await cli.json(COUNTY, "cases", "documents", "--kind", "penalty-decision", "--year", "2026")
    assert [d["display_number"] for d in decisions] == ["灵环罚字[2026]1号"]
    listed = await cli.json(CITY, "cases", "list", "--state", "served")
    assert [c["name"] for c in listed] == [name]


async def test_a_step_out_of_order_prints_its_reason_exits_non_zero_and_writes_nothing(cli):
    case = await open_case_from_demo_alert(cli)
    decide = ["cases", "decide", case["name"], *officers(INSPECTORS[0]), "--outcome", "penalty", "--fine", "1000"]
    refused = await cli.run(COUNTY, *decide)
    assert refused.returncode == 1
    assert "FAILED_PRECONDITION (CASE_TRANSITION_NOT_ALLOWED)" in refused.stderr
    assert "DecideCase is not allowed from clue" in refused.stderr
    as_json = await cli.run(COUNTY, *decide, "--json")
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout)["error"]["reason"] == "CASE_TRANSITION_NOT_ALLOWED"
    unchanged = await cli.json(COUNTY, "cases", "get", case["name"])
    assert (unchanged["etag"], unchanged.get("timeline", []), unchanged.get("documents", [])) == (case["etag"], [], [])
    bad_amount = await cli.run(COUNTY, *decide[:-1], "12.345")
    assert bad_amount.returncode == 2 and "two decimals" in bad_amount.stderr


async def test_ecolink_run_forwards_the_demo_day_once_and_a_case_opens_from_its_alert(tmp_path):
    env = platform_environment(tmp_path / "var", demo_data=True)
    cli = Cli(
        env, **{name: f"127.0.0.1:{env[f'{name.upper()}_GRPC_PORT']}" for name in ("alerts", "evidence", "cases")}
    )
    first_run, second_run = tmp_path / "run.log", tmp_path / "rerun.log"
    process = await asyncio.to_thread(start_platform, env, first_run)
    try:
        case = await open_case_from_demo_alert(cli)
        assert case["state"] == "CASE_STATE_CLUE"
        alerts = [(a["name"], a["rule"]) for a in await cli.json(COUNTY, "alerts", "list", "--unit", DEMO_UNIT)]
    finally:
        assert await asyncio.to_thread(stop_platform, process) == 0
    assert "24 new hourly records, 0 already stored, 0 refused" in first_run.read_text()

    process = await asyncio.to_thread(start_platform, env, second_run)
    try:
        # The same alerts, no new ones (the first run's worker may meanwhile have told the alert its case).
        listed = await cli.json(COUNTY, "alerts", "list", "--unit", DEMO_UNIT)
        assert [(a["name"], a["rule"]) for a in listed] == alerts
    finally:
        assert await asyncio.to_thread(stop_platform, process) == 0
    assert "0 new hourly records, 24 already stored, 0 refused" in second_run.read_text()


async def test_a_sealing_is_ordered_extended_and_lifted_its_decision_served_on_the_enterprise_and_voided(cli):
    case = await open_case_from_demo_alert(cli)
    name = case["name"]
    await register_and_start_investigation(cli, name)
    sealed = await cli.step(COUNTY, "seal", name, *officers(INSPECTORS[0]), "--days", "10", "--note", "1# 窑 kiln")
    [decision] = [d for d in sealed["documents"] if d["kind"] == "DOCUMENT_KIND_SEALING_DECISION"]
    assert decision["display_number"] == "灵环封字[2026]1号"
    assert sealed["state"] == "CASE_STATE_INVESTIGATING"  # a supporting measure keeps the state
    again = await cli.run(COUNTY, "cases", "seal", name, *officers(INSPECTORS[0]))
    assert again.returncode == 1 and "(CASE_SEALING_ACTIVE)" in again.stderr
    await cli.step(COUNTY, "extend-sealing", name, *officers(INSPECTORS[0]), "--days", "5")
    lifted = await cli.step(COUNTY, "lift-sealing", name, *officers(INSPECTORS[0]))
    assert lifted["measures"] == {
        "sealing_on": "2026-11-20",
        "sealing_days": 10,
        "sealing_extension_days": 5,
        "sealing_until": "2026-12-05",
        "sealing_lifted_on": "2026-11-20",
    }
    shown = await cli.run(COUNTY, "cases", "get", name)
    assert shown.returncode == 0, shown.stderr
    provenance = lifted["alert_provenance"]
    assert provenance["alert"] == case["source_ref"] and provenance["rule"] == "C2"
    for seen in ("supporting measures 辅助措施", "from 2026-11-20, 10 days + 5 extended", "2026-12-05", "来源预警"):
        assert seen in shown.stdout
    assert provenance["evidence_sha256"] in shown.stdout

    # The sealing decision reaches the enterprise when issued; a bureau has no units of its own to be served on.
    served = await cli.json(ENTERPRISE, "cases", "served-documents")
    assert [d["display_number"] for d in served] == ["灵环封字[2026]1号"]
    refused = await cli.run(COUNTY, "cases", "served-documents")
    assert refused.returncode == 1 and "PERMISSION_DENIED" in refused.stderr

    voided = await cli.json(COUNTY, "cases", "void", decision["name"], "--reason", "查封物品写错 wrong items")
    assert (voided["void"], voided["void_reason"]) == (True, "查封物品写错 wrong items")
    twice = await cli.run(COUNTY, "cases", "void", decision["name"].removeprefix("documents/"), "--reason", "again")
    assert twice.returncode == 1 and "(DOCUMENT_ALREADY_VOID)" in twice.stderr
    listed = await cli.run(COUNTY, "cases", "documents", "--kind", "sealing-decision")
    assert "灵环封字[2026]1号" in listed.stdout and "VOID" in listed.stdout


async def test_measures_after_a_penalty_are_counted_in_the_years_statistics_as_csv(cli):
    case = await open_case_from_demo_alert(cli)
    name = case["name"]
    await register_and_start_investigation(cli, name)
    await cli.step(COUNTY, "investigate", name, *officers(*INSPECTORS), "--note", "现场检查")
    await cli.step(COUNTY, "restrict-production", name, *officers(INSPECTORS[0]), "--days", "30")
    await cli.step(COUNTY, "seal", name, *officers(INSPECTORS[0]))
    await notify_and_decide(cli, name)
    await cli.step(COUNTY, "order-correction", name, *officers(INSPECTORS[0]), "--on", "2026-11-10")
    # Still unmet on 2026-11-20: the fine for each of the 10 days after the order's service (EPL art. 59).
    reinspected = await cli.step(COUNTY, "reinspect", name, *officers(*INSPECTORS), "--still-unmet")
    handed = await cli.step(COUNTY, "hand-off-detention", name, *officers(INSPECTORS[0]), "--police", POLICE)
    measures = handed["measures"]
    assert (reinspected["measures"]["daily_penalty_days"], measures["daily_penalty_fen"]) == (10, "220000000")
    assert (measures["restriction_days"], measures["sealing_days"]) == (30, 30)  # no --days: the longest, 30
    assert (measures["detention_handed_off_on"], measures["detention_police_agency_id"]) == ("2026-11-20", POLICE)

    # The city bureau reads its county branch's figures; the columns are the API's, amounts in fen.
    figures = await cli.run(CITY, "cases", "stats", "--year", "2026", "--agency", COUNTY, "--csv")
    assert figures.returncode == 0, figures.stderr
    assert list(csv.DictReader(io.StringIO(figures.stdout))) == [
        {
            "agency_id": COUNTY,
            "year": "2026",
            "registered": "1",
            "decided": "1",
            "penalties": "1",
            "penalty_fen": "22000000",
            "no_penalty_decisions": "0",
            "daily_penalties": "1",
            "daily_penalty_fen": "220000000",
            "sealings": "1",
            "production_restrictions": "1",
            "detention_hand_offs": "1",
        }
    ]
    earlier = await cli.json(COUNTY, "cases", "stats", "--year", "2025")
    assert (earlier["registered"], earlier["penalty_fen"]) == (0, "0")
    table = await cli.run(COUNTY, "cases", "stats", "--year", "2026")
    for seen in ("sealings 查封扣押", "¥220,000.00", "¥2,200,000.00"):
        assert seen in table.stdout
    hidden = await cli.run("eeb-341300", "cases", "stats", "--year", "2026", "--agency", "eeb-360823")
    assert hidden.returncode == 1 and "NOT_FOUND" in hidden.stderr


async def test_a_city_draws_units_everyone_reads_the_draw_and_re_runs_it(cli, tmp_path):
    draw = await cli.json(CITY, "cases", "draw", "run", "--region", "341300", "--seed", "5eed" * 16)
    assert isinstance(draw, dict) and (draw["region_code"], draw["seed"]) == ("341300", "5eed" * 16)
    record = tmp_path / "draw.json"
    shown = await cli.json("ent-341323-jiancai", "cases", "draw", "show", draw["name"], "--record", str(record))
    assert isinstance(shown, dict) and shown["record_json"] == record.read_text(encoding="utf-8")
    assert await cli.json(CITY, "cases", "draw", "verify", draw["name"]) == {"matches": True, "mismatches": []}
    assert await cli.json(CITY, "cases", "draw", "verify", "--file", str(record)) == {"matches": True, "mismatches": []}
    tampered = json.loads(record.read_text(encoding="utf-8"))
    tampered["drawn"] = []
    record.write_text(json.dumps(tampered), encoding="utf-8")
    refused = await cli.run(CITY, "cases", "draw", "verify", "--file", str(record), "--json")
    assert refused.returncode == 1 and json.loads(refused.stdout)["matches"] is False
    [listed] = await cli.json(CITY, "cases", "draw", "list", "--region", "341300")
    assert listed["name"] == draw["name"]
    credits = await cli.json(CITY, "cases", "credit", "--region", "341300")
    assert [(c["unit"], c["score"]) for c in credits] == [("units/lingbi-jiancai", 100), ("units/suzhou-power", 100)]
    table = await cli.run(CITY, "cases", "credit", "lingbi-jiancai")
    assert table.returncode == 0 and "绿" in table.stdout


async def compensate(cli: Cli, verb: str, name: str, *options: str) -> dict:
    """One `ecolink cases compensation` verb as the county branch."""
    found = await cli.json(COUNTY, "cases", "compensation", verb, name, *options)
    assert isinstance(found, dict)
    return found


async def test_a_decided_cases_compensation_case_goes_from_open_to_closed_consulted_with_a_similar_case(cli):
    penalty = (await open_case_from_demo_alert(cli))["name"]
    await register_and_start_investigation(cli, penalty)
    await cli.step(COUNTY, "investigate", penalty, *officers(*INSPECTORS), "--note", "现场检查")
    await notify_and_decide(cli, penalty)
    # A similar case of the same unit (类案), registered: its compensation case is consulted together with the first.
    similar = await cli.step(
        COUNTY,
        "create",
        "--unit",
        DEMO_UNIT,
        "--source",
        "manual",
        "--violation-type",
        VIOLATION,
        "--legal-basis",
        LEGAL_BASIS,
        *officers(*INSPECTORS),
    )
    await cli.step(CITY, "approve", similar["name"], "--step", "register", *APPROVAL)
    await cli.step(COUNTY, "register", similar["name"], *officers(INSPECTORS[0]))

    opened = await compensate(cli, "open", penalty)
    name = opened["name"]
    assert (opened["state"], opened["penalty_case"]) == ("COMPENSATION_STATE_CLUE_SCREENING", penalty)
    assert (await compensate(cli, "open", penalty.removeprefix("cases/")))["name"] == name  # one per penalty case
    linked = await cli.json(COUNTY, "cases", "get", penalty)
    assert isinstance(linked, dict) and linked["compensation_case"] == name
    shown = await cli.run(COUNTY, "cases", "get", penalty)
    assert "生态环境损害赔偿案件" in shown.stdout and name in shown.stdout

    # Out of order: no agreement before the damage is appraised and consulted; nothing is written.
    agree = ["cases", "compensation", "agree", name, *officers(INSPECTORS[0]), "--amount", "300000"]
    refused = await cli.run(COUNTY, *agree, "--remedy", "payment")
    assert refused.returncode == 1
    assert "FAILED_PRECONDITION (COMPENSATION_TRANSITION_NOT_ALLOWED)" in refused.stderr
    assert f"ConcludeAgreement is not allowed on {name} from clue_screening" in refused.stderr
    unchanged = await compensate(cli, "get", name)
    assert (unchanged["etag"], unchanged.get("timeline", [])) == (opened["etag"], [])

    other = (await compensate(cli, "open", similar["name"]))["name"]
    appraisal = [*officers(INSPECTORS[0]), "--damage", "500000", "--body", "安徽省环境科学研究院 appraisal body"]
    for compensation_case in (name, other):
        await compensate(cli, "start-investigation", compensation_case, *officers(*INSPECTORS))
        appraised = await compensate(cli, "appraise", compensation_case, *appraisal)
        assert (appraised["state"], appraised["appraised_damage_fen"]) == ("COMPENSATION_STATE_APPRAISED", "50000000")
    parties = ["--party", "灵璧县某新型建材有限公司", "--party", COUNTY]
    consulted = await compensate(cli, "consult", name, *officers(*INSPECTORS), *parties, "--join", other)
    assert [(c["round"], c["joined_cases"]) for c in consulted["consultations"]] == [(1, [other])]
    joined = await compensate(cli, "get", other.removeprefix("compensationCases/"))
    assert joined["state"] == "COMPENSATION_STATE_CONSULTING" and len(joined["consultations"]) == 1

    agreed = await cli.json(COUNTY, *agree, "--remedy", "payment")
    assert isinstance(agreed, dict) and (agreed["state"], agreed["remedy"]) == (
        "COMPENSATION_STATE_AGREED",
        "COMPENSATION_REMEDY_PAYMENT",
    )
    paid = await compensate(cli, "pay", name, *officers(INSPECTORS[0]), "--amount", "100000")
    assert (paid["state"], paid["paid_fen"]) == ("COMPENSATION_STATE_AGREED", "10000000")
    paid = await compensate(cli, "pay", name, *officers(INSPECTORS[0]), "--amount", "200000")
    assert paid["state"] == "COMPENSATION_STATE_PERFORMED"
    closed = await compensate(cli, "close", name, *officers(INSPECTORS[0]))
    assert closed["state"] == "COMPENSATION_STATE_CLOSED"
    steps = [step["step"] for step in closed["timeline"]]
    assert steps[:4] == ["StartCompensationInvestigation", "RecordAppraisal", "RecordConsultation", "ConcludeAgreement"]
    assert steps[4:] == ["RecordCompensationPayment"] * 2 + ["CloseCompensationCase"]

    # The closed case refuses to join the similar case's next round, and the refusal names it.
    again = await cli.run(
        COUNTY, "cases", "compensation", "consult", other, *officers(INSPECTORS[0]), *parties, "--join", name
    )
    assert again.returncode == 1 and "(COMPENSATION_TRANSITION_NOT_ALLOWED)" in again.stderr and name in again.stderr

    table = await cli.run(COUNTY, "cases", "compensation", "get", name)
    assert table.returncode == 0, table.stderr
    for seen in ("生态环境损害赔偿", "鉴定评估", "¥500,000.00", "磋商", other, "赔偿金", "¥300,000.00 of ¥300,000.00"):
        assert seen in table.stdout
    listed = await cli.json(CITY, "cases", "compensation", "list", "--state", "closed")
    assert [c["name"] for c in listed] == [name]
    rows = await cli.run(CITY, "cases", "compensation", "list")
    assert rows.returncode == 0 and "2 compensation cases" in rows.stdout and "磋商" in rows.stdout


async def test_a_cases_dossier_lists_its_officers_with_certificates_and_each_cited_item_once(cli, tmp_path):
    name = (await open_case_from_demo_alert(cli))["name"]
    await register_and_start_investigation(cli, name)
    uploaded = []
    for file_name, content in (("kiln.jpg", PHOTO), ("record.txt", "现场检查笔录 inspection record".encode())):
        path = tmp_path / file_name
        path.write_bytes(content)
        upload = ["--kind", "photo", "--case", name.removeprefix("cases/"), "--officer", INSPECTORS[0]]
        uploaded.append((await cli.json(COUNTY, "evidence", "upload", str(path), *upload))["name"])
    photo, record = uploaded
    await cli.step(COUNTY, "investigate", name, *officers(*INSPECTORS), "--evidence", photo)
    again = ["--evidence", record, "--evidence", photo]
    await cli.step(COUNTY, "investigate", name, *officers(INSPECTORS[1], "off-341323-03"), *again)

    dossier = await cli.json(CITY, "cases", "dossier", name)  # the city above reads its county's case
    assert isinstance(dossier, dict) and dossier["case"]["name"] == name
    assert [(e["evidence"], e["sha256"], e["cited_at"]) for e in dossier["evidence"]] == [
        (photo, hashlib.sha256(PHOTO).hexdigest(), [3, 4]),
        (record, hashlib.sha256("现场检查笔录 inspection record".encode()).hexdigest(), [4]),
    ]
    assert [(o["officer_id"], o["certificate_number"]) for o in dossier["officers"]] == [
        ("off-341323-01", "343413230001"),
        ("off-341323-02", "343413230002"),
        (APPROVER, "343413000001"),
        ("off-341323-03", "343413230003"),
    ]
    assert dossier["read_time"] == "2026-11-20T10:00:00Z"

    table = await cli.run(COUNTY, "cases", "dossier", name.removeprefix("cases/"))
    assert table.returncode == 0, table.stderr
    for seen in (
        "officers 执法人员",
        "赵磊",
        "343413230003",
        "evidence list 证据清单",
        hashlib.sha256(PHOTO).hexdigest(),
    ):
        assert seen in table.stdout
    assert "3, 4" in table.stdout and "灵环立字[2026]1号" in table.stdout
    hidden = await cli.run("eeb-360800", "cases", "dossier", name)
    assert hidden.returncode == 1 and "NOT_FOUND" in hidden.stderr
