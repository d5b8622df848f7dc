"""`ecolink referrals …` against real alerts, evidence, cases and referrals services (issue 13 item 12): the Lingbi
county branch transfers its case, approved by its head in the same call, to the Suzhou police with the photo it
cites; the police receive it, let the filing decision run overdue (seen by the procuratorate) and file; the police's
list gives its watermark; the exported record set verifies offline, and once one byte of a record body is changed
`verify` exits 1 naming that record. And the rest of the referrals CLI: the police register a webhook (its secret
shown once); the procuratorate sees a case marked a suspected crime among the untransferred until it is sent (以罚代刑
supervision); the city reads the county's figures as CSV; the police see the deliveries queued for their webhook; the
city lists the case (挂牌督办) with its parties, the police report on their task and the procuratorate sees it."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json
import os
import re
import subprocess
from datetime import timedelta

import pytest

from ecolink_cli.demo_monitoring import DEMO_UNIT
from ecolink_cli.testing import ecolink
from ecolink_common.clock import SYSTEM_CLOCK
from ecolink_common.db import database_sessions
from ecolink_common.outbox_relay import Subscribers, relay_outbox
from ecolink_common.unit_of_work import UnitOfWork
from ecolink_referrals.service_layer.transfer_steps import TRANSFER_CHANGED_EVENT
from ecolink_referrals.worker.subscribers import queue_webhook_deliveries

COUNTY, CITY = "eeb-341323", "eeb-341300"  # 灵璧县生态环境分局, 宿州市生态环境局
REPORTERS = ("off-341323-01", "off-341323-02")
HEAD = "off-341323-09"  # 杨光明, the county branch's head
POLICE, POLICE_OFFICER = "psb-341300", "pol-341300-01"  # 宿州市公安局
PROCURATORATE = "proc-341300"
OTHER_POLICE = "psb-360800"  # 吉安市公安局: sees nothing of Suzhou's transfers
PHOTO = b"DA001 kiln stack, SO2 analyser reading 0 while the kiln runs"
POLICE_CASE_NUMBER = "宿公立字[2026]88号"


class Cli:
    """The `ecolink` command against the services under test, as one agency or another."""

    def __init__(self, env: dict[str, str], address: dict[str, str]):
        self.env = env
        self.address = address

    async def run(self, agency: str, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Runs in a thread, so that the services under test keep serving on this event loop."""
        return await asyncio.to_thread(
            ecolink, self.env, *arguments, "--as", agency, "--address", self.address[arguments[0]]
        )

    async def offline(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        """A command that calls no service (`referrals verify`)."""
        return await asyncio.to_thread(ecolink, self.env, *arguments)

    async def json(self, agency: str, *arguments: str) -> dict | list:
        result = await self.run(agency, *arguments, "--json")
        assert result.returncode == 0, result.stdout + result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def cli(referrals_service, cases_service, evidence_service, demo_alerts_service) -> Cli:
    services = {
        "alerts": demo_alerts_service,
        "evidence": evidence_service,
        "cases": cases_service,
        "referrals": referrals_service,
    }
    env = {**os.environ, "ECOLINK_VAR_DIR": str(referrals_service.platform.var_dir)}
    return Cli(env, {name: service.target for name, service in services.items()})


def officers(*ids: str) -> list[str]:
    return [part for officer in ids for part in ("--officer", officer)]


async def registered_case(cli: Cli) -> str:
    """The demo C2 alert as a case registered with the city bureau's approval; its name."""
    [alert] = await cli.json(COUNTY, "alerts", "list", "--unit", DEMO_UNIT, "--rule", "C2")
    case = await cli.json(
        COUNTY,
        "cases",
        "create",
        "--unit",
        DEMO_UNIT,
        "--source",
        "alert",
        "--source-ref",
        alert["name"],
        "--violation-type",
        "篡改自动监控数据 falsified automatic monitoring data",
        "--legal-basis",
        "《中华人民共和国大气污染防治法》第九十九条",
        *officers(*REPORTERS),
    )
    name = case["name"]
    approval = ["--approver", "off-341300-01", "--opinion", "同意 approved"]
    await cli.json(CITY, "cases", "approve", name, "--step", "register", *approval)
    await cli.json(COUNTY, "cases", "register", name, *officers(REPORTERS[0]))
    return str(name)


async def investigated_case(cli: Cli, tmp_path) -> tuple[str, dict]:
    """The registered case, investigated by two officers on an uploaded photo; its name and the photo."""
    name = await registered_case(cli)
    await cli.json(COUNTY, "cases", "start-investigation", name, *officers(REPORTERS[0]))
    photo_file = tmp_path / "da001-kiln-stack.jpg"
    photo_file.write_bytes(PHOTO)
    upload = ["--kind", "photo", "--case", name.removeprefix("cases/"), "--officer", REPORTERS[0]]
    photo = await cli.json(COUNTY, "evidence", "upload", str(photo_file), *upload, "--content-type", "image/jpeg")
    inspection = ["--note", "现场检查 on-site inspection of DA001", "--evidence", photo["name"]]
    await cli.json(COUNTY, "cases", "investigate", name, *officers(*REPORTERS), *inspection)
    assert isinstance(photo, dict)
    return name, photo


def approved_transfer(case: str) -> list[str]:
    """`referrals transfer` of the case to the Suzhou police, one person named, approved by the head in the call."""
    return [
        "referrals",
        "transfer",
        case.removeprefix("cases/"),
        "--to",
        POLICE,
        *officers(*REPORTERS),
        "--facts",
        "2026年11月 篡改自动监控数据 tampered with the CEMS of the kiln stack",
        "--offence",
        "破坏计算机信息系统罪",
        "--person",
        "张某:法定代表人 legal representative",
        "--approve-as",
        HEAD,
        "--opinion",
        "同意移送 approved",
    ]


async def test_a_case_goes_to_the_police_is_filed_and_its_exported_records_verify_until_a_byte_changes(
    cli, tmp_path, referrals_clock, referrals_service
):
    case, photo = await investigated_case(cli, tmp_path)
    sha256 = hashlib.sha256(PHOTO).hexdigest()
    sent = await cli.json(COUNTY, *approved_transfer(case))
    name = sent["name"]
    assert (sent["state"], sent["number"], sent["approver_officer_id"]) == (
        "TRANSFER_STATE_SENT",
        "灵环移[2026]1号",
        HEAD,
    )
    assert (sent["police_agency_id"], sent["procuratorate_agency_id"]) == (POLICE, PROCURATORATE)
    assert [(e["evidence"], e["sha256"]) for e in sent["evidence"]] == [(photo["name"], sha256)]
    assert sent["persons"] == [{"name": "张某", "role": "法定代表人 legal representative"}]

    shown = await cli.run(COUNTY, "referrals", "get", name)
    assert shown.returncode == 0, shown.stderr
    for seen in ("灵环移[2026]1号", "sent 已移送", "ApproveTransfer", sha256, "receipt 接收回执", f"{name}/records/2"):
        assert seen in shown.stdout

    # A stale etag is refused and changes nothing; without --etag none is sent.
    stale = await cli.run(POLICE, "referrals", "receive", name, *officers(POLICE_OFFICER), "--etag", 'W/"1"')
    assert stale.returncode == 1 and "ABORTED" in stale.stderr
    received = await cli.json(POLICE, "referrals", "receive", name, *officers(POLICE_OFFICER), "--etag", sent["etag"])
    assert received["state"] == "TRANSFER_STATE_RECEIVED"

    # Four days without a filing decision (art. 8: three): overdue for the police, seen by the procuratorate.
    referrals_clock.advance(timedelta(days=4))
    due = await cli.json(PROCURATORATE, "referrals", "due")
    assert [(a["transfer"], a["deadline"]["duty"], a["deadline"]["overdue"]) for a in due] == [
        (name, "filing_decision", True)
    ]
    overdue = await cli.run(POLICE, "referrals", "get", name)
    assert overdue.returncode == 0 and "OVERDUE 逾期" in overdue.stdout
    due_table = await cli.run(PROCURATORATE, "referrals", "due")
    assert due_table.returncode == 0 and "1 overdue 逾期" in due_table.stdout

    filing = [*officers(POLICE_OFFICER), "--case-number", POLICE_CASE_NUMBER, "--persons-held", "2"]
    filed = await cli.json(POLICE, "referrals", "file", name, *filing, "--note", "涉嫌破坏计算机信息系统罪")
    assert (filed["state"], filed["police_case_number"], filed["persons_held"]) == (
        "TRANSFER_STATE_FILED",
        POLICE_CASE_NUMBER,
        2,
    )
    met_late = await cli.json(COUNTY, "referrals", "due", "--include-met")
    assert [(a["deadline"]["duty"], bool(a["deadline"].get("met_time"))) for a in met_late][-1] == (
        "filing_decision",
        True,
    )
    again = await cli.run(POLICE, "referrals", "accept", name, *officers(POLICE_OFFICER))
    assert again.returncode == 1 and "FAILED_PRECONDITION" in again.stderr

    listed = await cli.json(POLICE, "referrals", "list")
    assert [(t["name"], t["state"]) for t in listed["transfers"]] == [(name, "TRANSFER_STATE_FILED")]
    watermark = listed["watermark"]
    assert watermark == int(listed["transfers"][0]["change_seq"])
    polled = await cli.json(POLICE, "referrals", "list", "--since", str(watermark))
    assert (polled["transfers"], polled["watermark"]) == ([], watermark)
    hidden = await cli.run(OTHER_POLICE, "referrals", "get", name)
    assert hidden.returncode == 1 and "NOT_FOUND" in hidden.stderr

    exported = tmp_path / "transfer-1.json"
    written = await cli.json(COUNTY, "referrals", "export", name, "-o", str(exported))
    assert (written["path"], written["records"]) == (str(exported), 4)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert [r["kind"] for r in document["records"]] == [
        "TransferCase",
        "ApproveTransfer",
        "ReceiveTransfer",
        "FileCriminalCase",
    ]
    valid = await cli.offline("referrals", "verify", str(exported))
    assert valid.returncode == 0, valid.stdout + valid.stderr
    assert f"valid: 4 signed records of {name}" in valid.stdout
    platform_key = str(referrals_service.platform.public_key_path)
    with_key = await cli.offline("referrals", "verify", str(exported), "--public-key", platform_key, "--json")
    assert with_key.returncode == 0 and json.loads(with_key.stdout)["key"] == platform_key

    # One byte of the receipt's signed body changed: that record no longer verifies, nor does the one chained to it.
    raw = exported.read_bytes()
    body = raw.index(b'"body"', raw.index(f'"{name}/records/3"'.encode()))
    at = raw.index(b"ReceiveTransfer", body) + len(b"ReceiveTransfe")
    exported.write_bytes(raw[:at] + b"R" + raw[at + 1 :])
    changed = await cli.offline("referrals", "verify", str(exported))
    assert changed.returncode == 1
    named = [line.split(":")[0] for line in changed.stderr.splitlines() if line.startswith(f"{name}/records/")]
    assert named == [f"{name}/records/3", f"{name}/records/4"]
    assert f"{name}/records/3: the signature does not match" in changed.stderr
    as_json = await cli.offline("referrals", "verify", str(exported), "--public-key", platform_key, "--json")
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout)["problems"][0].startswith(f"{name}/records/3:")


async def relay_webhook_deliveries(referrals_service) -> None:
    """What the worker's outbox relay does for webhooks: each committed transfer change queued for its parties'."""
    subscribers = Subscribers({TRANSFER_CHANGED_EVENT: [queue_webhook_deliveries]})
    async with database_sessions(referrals_service.settings.database_url) as sessions:
        await relay_outbox(lambda: UnitOfWork(sessions), subscribers, SYSTEM_CLOCK)


async def test_a_suspected_crime_is_supervised_until_sent_counted_listed_and_pushed_to_the_police_webhook(
    cli, referrals_service
):
    hook = "http://127.0.0.1:9/ecolink/psb-341300"
    registered = await cli.run(POLICE, "referrals", "webhook", "set", hook)
    assert registered.returncode == 0, registered.stderr
    assert re.search(r"secret 签名密钥 \(shown once only 仅显示一次\): [0-9a-f]{64}$", registered.stdout, re.M)
    shown = await cli.json(POLICE, "referrals", "webhook", "get")
    assert (shown["agency_id"], shown["url"], "secret" in shown) == (POLICE, hook, False)

    case = await registered_case(cli)
    criterion = ["--criterion", "monitoring_data_falsified", *officers(REPORTERS[0])]
    await cli.json(COUNTY, "cases", "suspect", case, *criterion)
    untransferred = await cli.json(PROCURATORATE, "referrals", "untransferred")
    assert [(s["case"], s["criterion"], s["handling_agency_id"]) for s in untransferred] == [
        (case, "monitoring_data_falsified", COUNTY)
    ]
    sent = await cli.json(COUNTY, *approved_transfer(case))
    assert await cli.json(PROCURATORATE, "referrals", "untransferred") == []

    await relay_webhook_deliveries(referrals_service)
    deliveries = await cli.json(POLICE, "referrals", "deliveries")
    assert [(d["topic"], d["transfer"], d["status"], d.get("attempts", 0)) for d in deliveries] == [
        ("referrals.transfer_changed", sent["name"], "pending", 0)
    ] * 2  # the report and the send

    figures = await cli.run(CITY, "referrals", "stats", "--agency", COUNTY, "--year", "2026", "--csv")
    assert figures.returncode == 0, figures.stderr
    [row] = list(csv.DictReader(io.StringIO(figures.stdout)))
    assert list(row)[:5] == ["agency_id", "year", "criminal_transfers", "detention_transfers", "persons_transferred"]
    assert (row["agency_id"], row["criminal_transfers"], row["persons_transferred"], row["filed_cases"]) == (
        COUNTY,
        "1",
        "1",
        "0",
    )

    parties = [part for agency in (COUNTY, POLICE, PROCURATORATE) for part in ("--party", agency)]
    listing = ["--case", sent["name"], "--title", "灵璧某建材公司篡改自动监测数据案", *parties]
    tasks = ["--task", f"{POLICE}:10:立案侦查 investigate", "--task", f"{COUNTY}:5:补充调查取证 further evidence"]
    listed = await cli.json(CITY, "referrals", "listing", "create", *listing, *tasks)
    assert (listed["state"], listed["authority_agency_id"], listed["report_every_days"]) == ("listed", CITY, 7)
    assert [(t["seq"], t["party_agency_id"]) for t in listed["tasks"]] == [(1, POLICE), (2, COUNTY)]
    progress = ["--text", "已立案侦查 under investigation", "--task", "1", *officers(POLICE_OFFICER)]
    await cli.json(POLICE, "referrals", "listing", "report", listed["name"], *progress)
    [seen] = await cli.json(PROCURATORATE, "referrals", "listing", "list")
    assert (seen["name"], seen["case"]) == (listed["name"], sent["name"])
    assert [(r["agency_id"], r["task"], r["officer_ids"]) for r in seen["reports"]] == [(POLICE, 1, [POLICE_OFFICER])]
