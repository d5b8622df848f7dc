"""`ecolink referrals …` and `ecolink basin …` without a server: every state-changing method of TransferService,
ListingService, WebhookService and BasinService has a verb that calls it (read from the service descriptors, each
verb run with sample values against a stub recording what it sends), and every reading method one too; the etag goes
only when given, persons, the head's decision and a listing's tasks are sent as typed, `list` follows every page to
the last watermark, `stats --csv` is the API's fields, `webhook set` shows the secret, and `verify` checks a signed
record set offline and names each record that no longer holds."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from typer.main import get_command
from typer.testing import CliRunner

from ecolink.referrals.v1 import basin_service_pb2, listing_service_pb2, transfer_pb2, webhook_service_pb2
from ecolink.referrals.v1 import transfer_service_pb2 as pb
from ecolink_cli.commands import basin, referral_calls, referral_listings, referral_webhooks, referrals
from ecolink_cli.commands.case_steps import RPC_ATTRIBUTE
from ecolink_cli.main import app
from ecolink_common.signed_records import key_fingerprint, sign_record
from ecolink_referrals.domain.record_chain import (
    GENESIS,
    Actor,
    ExportedRecord,
    body_sha256,
    export_document,
    record_body,
)

READING = ("Get", "List")
SAMPLES = {"--on": "2023-09-12", "--year": "2026"}  # a day option takes a day, a year a year
# Each service of the referrals server, the module of its requests, the group holding its verbs and their command.
SERVICES = (
    ("TransferService", pb, referrals.referrals_app, ("referrals",)),
    ("ListingService", listing_service_pb2, referral_listings.listing_app, ("referrals", "listing")),
    ("WebhookService", webhook_service_pb2, referral_webhooks.webhook_app, ("referrals", "webhook")),
    ("BasinService", basin_service_pb2, basin.incidents_app, ("basin", "incidents")),
    ("BasinService", basin_service_pb2, basin.drill_app, ("basin", "drill")),
    ("BasinService", basin_service_pb2, basin.tasks_app, ("basin", "tasks")),
    ("BasinService", basin_service_pb2, basin.meeting_app, ("basin", "meeting")),
)
STUBS = ("transfer_stub", "listing_stub", "webhook_stub", "basin_stub")
# How each reading method is reached: the command line after `ecolink`.
READ_VERBS = {
    "GetTransfer": ("referrals", "get", "1"),
    "ListTransfers": ("referrals", "list"),
    "ListTransferRecords": ("referrals", "export", "1", "-o", "transfer-1.json"),
    "ListTransferDueActions": ("referrals", "due"),
    "GetTransferStatistics": ("referrals", "stats", "--year", "2026"),
    "ListUntransferredSuspects": ("referrals", "untransferred"),
    "GetListing": ("referrals", "listing", "get", "1"),
    "ListListings": ("referrals", "listing", "list"),
    "GetWebhook": ("referrals", "webhook", "get"),
    "ListDeliveries": ("referrals", "deliveries"),
    "ListBasinAgreements": ("basin", "agreements"),
    "GetIncident": ("basin", "incidents", "get", "1"),
    "ListIncidents": ("basin", "incidents", "list"),
    "GetDrillReport": ("basin", "drill", "report", "1"),
    "GetJointTask": ("basin", "tasks", "get", "1"),
    "ListJointTasks": ("basin", "tasks", "list"),
    "GetJointMeeting": ("basin", "meeting", "get", "1"),
}


def response_of(rpc: str) -> Any:
    """The empty response of `rpc`, from whichever service's module holds it."""
    [module] = {requests for _, requests, _, _ in SERVICES if hasattr(requests, f"{rpc}Response")}
    return getattr(module, f"{rpc}Response")()


class RecordingStub:
    """Answers every method with its empty response, or the next of `answers` queued for it, and records the calls."""

    def __init__(self) -> None:
        self.called: list[tuple[str, Any]] = []
        self.answers: dict[str, list[Any]] = {}

    def __getattr__(self, rpc: str) -> Any:
        def answer(request: Any, **_: Any) -> Any:
            sent = type(request)()
            sent.CopyFrom(request)  # as it was sent: a command may reuse the request for its next page
            self.called.append((rpc, sent))
            queued = self.answers.get(rpc)
            return queued.pop(0) if queued else response_of(rpc)

        return answer


@pytest.fixture
def stub(monkeypatch) -> RecordingStub:
    recording = RecordingStub()

    @contextmanager
    def recording_stub(address: str | None) -> Iterator[RecordingStub]:
        yield recording

    for name in STUBS:
        monkeypatch.setattr(referral_calls, name, recording_stub)
    return recording


def invoke(*arguments: str) -> Any:
    return CliRunner().invoke(app, ["referrals", *arguments])


def methods(*, reading: bool) -> list[str]:
    """The reading (Get…, List…) or the state-changing methods of every service of the referrals server."""
    named = {
        method.name: None
        for name, requests, _, _ in SERVICES
        for method in requests.DESCRIPTOR.services_by_name[name].methods
        if method.name.startswith(READING) is reading
    }
    return list(named)


def state_changing_methods() -> list[str]:
    return methods(reading=False)


def verbs_by_method() -> dict[str, tuple[str, ...]]:
    """Each method and the command (`transfer`, `listing create`) marked as calling it."""
    found: dict[str, tuple[str, ...]] = {}
    for _, _, group, command in SERVICES:
        for info in group.registered_commands:
            rpc = getattr(info.callback, RPC_ATTRIBUTE, None)
            if rpc is not None and info.name is not None:
                found[rpc] = (*command, info.name)
    return found


def sample_arguments(command: Any) -> list[str]:
    """The transfer (or case) argument and a sample value for each required option."""
    arguments: list[str] = []
    for param in command.params:
        if param.param_type_name == "argument":
            arguments.append("1")
        elif param.required:
            if param.secondary_opts:  # --file/--uphold
                arguments.append(param.opts[0])
            elif param.metavar and "|" in param.metavar:
                arguments += [param.opts[0], param.metavar.split("|")[0]]
            else:
                arguments += [param.opts[0], SAMPLES.get(param.opts[0], "1")]
    return arguments


def test_the_methods_are_read_from_the_descriptors():
    changing = set(state_changing_methods())
    assert {"TransferCase", "ApproveTransfer", "ReceiveTransfer", "RecordJudgment", "WithdrawTransfer"} <= changing
    assert {"CreateListing", "FileProgressReport", "CompleteListingTask", "Delist", "SetWebhook"} <= changing
    assert not {"GetTransfer", "ListTransfers", "ListTransferRecords", "GetTransferStatistics", "GetWebhook"} & changing
    assert {"ListUntransferredSuspects", "GetListing", "ListListings", "ListDeliveries"} <= set(methods(reading=True))


@pytest.mark.parametrize("rpc", state_changing_methods())
def test_every_state_changing_method_has_a_verb_that_calls_it_without_reading_first(rpc, stub):
    verb = verbs_by_method().get(rpc)
    assert verb is not None, f"no `ecolink referrals` verb calls {rpc}"
    command = get_command(app)
    for word in verb:
        command = command.commands[word]
    result = CliRunner().invoke(app, [*verb, *sample_arguments(command), "--json"])
    assert result.exit_code == 0, result.output
    [(called, request)] = stub.called  # no GetTransfer before the step: the etag goes only when given
    assert (called, type(request).__name__) == (rpc, f"{rpc}Request")
    fields = request.DESCRIPTOR.fields_by_name
    if "etag" in fields:  # a transfer's step after its report
        assert (request.name, request.etag) == ("transfers/1", "")
    elif "name" in fields:  # a listing's or an incident's
        assert request.name in ("listings/1", "incidents/1", "basin-tasks/1")


@pytest.mark.parametrize("rpc", methods(reading=True))
def test_every_reading_method_has_a_verb_that_calls_it(rpc, stub, tmp_path, monkeypatch):
    assert rpc in READ_VERBS, f"no `ecolink referrals` verb reads {rpc}: add one, and its row to READ_VERBS"
    monkeypatch.chdir(tmp_path)  # `export` writes its file here
    for as_json in ((), ("--json",)):
        result = CliRunner().invoke(app, [*READ_VERBS[rpc], *as_json])
        assert result.exit_code == 0, result.output
    assert {called for called, _ in stub.called} == {rpc}


def test_a_step_sends_its_officers_reasons_etag_and_request_id(stub):
    decline = ["decline", "transfers/4", "--officer", "pol-1", "--officer", "pol-2", "--reason", "证据不足 [1]"]
    result = invoke(*decline, "--etag", 'W/"7"', "--request-id", "r-1", "--json")
    assert result.exit_code == 0, result.output
    [(rpc, request)] = stub.called
    assert (rpc, request.name, request.etag) == ("DeclineToFile", "transfers/4", 'W/"7"')
    assert (list(request.details.officer_ids), request.details.note, request.details.request_id) == (
        ["pol-1", "pol-2"],
        "证据不足 [1]",
        "r-1",
    )
    judgment = ["judgment", "4", "--officer", "pro-1", "--on", "2023-09-12", "--court", "court-1", "--note", "判决"]
    assert invoke(*judgment).exit_code == 0
    request = stub.called[-1][1]
    assert (request.judged_on, request.court_agency_id, request.details.note) == ("2023-09-12", "court-1", "判决")
    file = ["file", "4", "--officer", "pol-1", "--case-number", "宿公立字[2026]88号", "--persons-held", "2"]
    assert invoke(*file).exit_code == 0
    request = stub.called[-1][1]
    assert (request.police_case_number, request.persons_held, request.detention_days) == ("宿公立字[2026]88号", 2, 0)
    upheld = ["reconsideration", "4", "--officer", "pol-1", "--uphold", "--reason", "维持"]
    assert invoke(*upheld).exit_code == 0
    assert stub.called[-1][1].file is False
    supervise = ["supervise", "4", "--officer", "pro-1", "--reason", "要求说明理由", "--days", "5"]
    assert invoke(*supervise).exit_code == 0
    assert stub.called[-1][1].answer_days == 5
    missing_reason = invoke("return", "4", "--officer", "pol-1")
    assert missing_reason.exit_code == 2 and "--reason" in missing_reason.output


def test_a_transfer_names_its_persons_and_is_approved_only_with_approve_as(stub):
    report = ["transfer", "12", "--to", "psb-341300", "--officer", "off-1", "--officer", "off-2", "--facts", "篡改数据"]
    persons = ["--person", "张某:legal representative", "--person", "李某：运维人员:外包", "--person", "王某"]
    result = invoke(*report, *persons, "--offence", "破坏计算机信息系统罪", "--kind", "detention", "--json")
    assert result.exit_code == 0, result.output
    [(_, request)] = stub.called
    assert (request.case, request.police_agency_id, request.kind) == (
        "cases/12",
        "psb-341300",
        transfer_pb2.TRANSFER_KIND_DETENTION,
    )
    assert [(p.name, p.role) for p in request.persons] == [
        ("张某", "legal representative"),
        ("李某", "运维人员:外包"),
        ("王某", ""),
    ]
    assert list(request.details.officer_ids) == ["off-1", "off-2"] and not request.HasField("approval")
    assert invoke(*report, "--approve-as", "off-9", "--opinion", "同意移送").exit_code == 0
    request = stub.called[-1][1]
    assert (request.approval.approver_officer_id, request.approval.opinion) == ("off-9", "同意移送")
    assert request.kind == transfer_pb2.TRANSFER_KIND_UNSPECIFIED  # the service's default: criminal
    assert invoke(*report, "--opinion", "同意").exit_code == 2
    assert invoke(*report, "--person", ":no name").exit_code == 2
    assert len(stub.called) == 2


def test_the_head_approves_or_refuses_with_a_reason(stub):
    assert invoke("approve", "3", "--head", "off-9", "--opinion", "同意移送").exit_code == 0
    assert invoke("approve", "3", "--head", "off-9", "--refuse", "--reason", "证据不足").exit_code == 0
    approved, refused = (request for _, request in stub.called)
    assert (approved.approved, approved.approval.opinion) == (True, "同意移送")
    assert (refused.approved, refused.approval.opinion, refused.approval.approver_officer_id) == (
        False,
        "证据不足",
        "off-9",
    )
    for wrong in (["--refuse"], ["--reason", "x"], ["--refuse", "--reason", "x", "--opinion", "y"]):
        assert invoke("approve", "3", "--head", "off-9", *wrong).exit_code == 2
    assert len(stub.called) == 2


def test_list_follows_every_page_and_gives_the_last_watermark(stub):
    first = pb.ListTransfersResponse(next_page_token="p2", watermark=5)
    first.transfers.add(name="transfers/1", change_seq=5)
    last = pb.ListTransfersResponse(watermark=9)
    last.transfers.add(name="transfers/2", change_seq=9)
    stub.answers["ListTransfers"] = [first, last]
    result = invoke("list", "--since", "4", "--state", "filed", "--json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert ([t["name"] for t in listed["transfers"]], listed["watermark"]) == (["transfers/1", "transfers/2"], 9)
    requests = [request for _, request in stub.called]
    assert [(r.since_watermark, r.state, r.page_token) for r in requests] == [
        (4, transfer_pb2.TRANSFER_STATE_FILED, ""),
        (4, transfer_pb2.TRANSFER_STATE_FILED, "p2"),
    ]
    stub.answers["ListTransfers"] = [pb.ListTransfersResponse(watermark=9)]
    table = invoke("list", "--since", "9")
    assert table.exit_code == 0 and "watermark 9 (next time: --since 9)" in table.output


def test_a_listing_names_its_parties_and_their_tasks_as_typed(stub):
    parties = ["--party", "eeb-341323", "--party", "psb-341300"]
    tasks = ["--task", "psb-341300:10:立案侦查: investigate", "--task", "eeb-341323：5：补充调查取证"]
    result = invoke("listing", "create", "--case", "12", "--title", "灵璧某建材公司案", *parties, *tasks, "--json")
    assert result.exit_code == 0, result.output
    [(rpc, request)] = stub.called
    assert (rpc, request.case, list(request.party_agency_ids)) == (
        "CreateListing",
        "cases/12",
        ["eeb-341323", "psb-341300"],
    )
    assert [(t.party_agency_id, t.due_in_days, t.description) for t in request.tasks] == [
        ("psb-341300", 10, "立案侦查: investigate"),
        ("eeb-341323", 5, "补充调查取证"),
    ]
    assert invoke("listing", "create", "--case", "transfers/3", "--title", "t", *parties).exit_code == 0
    assert stub.called[-1][1].case == "transfers/3"
    for wrong in ("psb-341300:ten:立案侦查", "psb-341300:10", ":10:立案侦查"):
        refused = invoke("listing", "create", "--case", "12", "--title", "t", *parties, "--task", wrong)
        assert refused.exit_code == 2 and "PARTY:DAYS:WHAT" in refused.output
    report = ["listing", "report", "2", "--text", "已立案侦查", "--task", "1", "--officer", "pol-341300-01"]
    assert invoke(*report).exit_code == 0
    request = stub.called[-1][1]
    assert (request.name, request.text, request.task, list(request.officer_ids)) == (
        "listings/2",
        "已立案侦查",
        1,
        ["pol-341300-01"],
    )
    assert len(stub.called) == 3


def test_stats_as_csv_is_the_apis_fields_and_one_row_of_figures(stub):
    figures = pb.GetTransferStatisticsResponse(agency_id="eeb-341323", year=2026, criminal_transfers=2)
    stub.answers["GetTransferStatistics"] = [figures, figures, figures]
    result = invoke("stats", "--agency", "eeb-341323", "--year", "2026", "--csv")
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(io.StringIO(result.output)))
    assert list(row) == [field.name for field in pb.GetTransferStatisticsResponse.DESCRIPTOR.fields]
    assert (row["agency_id"], row["criminal_transfers"], row["refusals"]) == ("eeb-341323", "2", "0")
    assert (stub.called[0][1].agency_id, stub.called[0][1].year) == ("eeb-341323", 2026)
    shown = json.loads(invoke("stats", "--year", "2026", "--json").output)
    assert (shown["criminal_transfers"], shown["refusals"]) == (2, 0)  # zeros too
    table = invoke("stats", "--year", "2026")
    assert "criminal transfers 涉嫌犯罪案件移送" in table.output
    assert invoke("stats", "--year", "1999").exit_code == 2


def test_untransferred_follows_every_page(stub):
    first = pb.ListUntransferredSuspectsResponse(next_page_token="p2")  # a page may hold none not transferred
    last = pb.ListUntransferredSuspectsResponse()
    last.suspects.add(case="cases/7", criterion="monitoring_data_falsified", case_state="decided")
    stub.answers["ListUntransferredSuspects"] = [first, last]
    result = invoke("untransferred", "--json")
    assert result.exit_code == 0, result.output
    assert [s["case"] for s in json.loads(result.output)] == ["cases/7"]
    assert [request.page_token for _, request in stub.called] == ["", "p2"]


def test_webhook_set_shows_its_secret_and_get_does_not(stub):
    webhook = webhook_service_pb2.Webhook(agency_id="psb-341300", url="https://psb.example/hook", secret="ab12")
    stub.answers["SetWebhook"] = [webhook_service_pb2.SetWebhookResponse(webhook=webhook)]
    result = invoke("webhook", "set", "https://psb.example/hook")
    assert result.exit_code == 0, result.output
    assert stub.called[0][1].url == "https://psb.example/hook"
    assert "secret 签名密钥 (shown once only 仅显示一次): ab12" in result.output
    listed = webhook_service_pb2.ListDeliveriesResponse()
    listed.deliveries.add(event_id="e-1", topic="referrals.transfer_changed", status="pending", attempts=2)
    stub.answers["ListDeliveries"] = [listed]
    table = invoke("deliveries")
    assert table.exit_code == 0 and "1 deliveries 推送记录, 1 pending 待送达" in table.output


def _signed_set(key: Ed25519PrivateKey, count: int = 3) -> dict[str, Any]:
    """A transfer's record set as `referrals export` writes it, signed with `key`."""
    at = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    previous, records = GENESIS, []
    for seq in range(1, count + 1):
        body, signature = sign_record(
            record_body(
                transfer="transfers/1",
                number="灵环移[2026]1号",
                seq=seq,
                kind=f"Step{seq}",
                at=at + timedelta(minutes=seq),
                actor=Actor("eeb-341323", ("off-341323-01",), "token"),
                previous_sha256=previous,
                content={"step": f"Step{seq}", "note": "同意"},
            ),
            key,
        )
        previous = body_sha256(body)
        records.append(
            ExportedRecord(
                f"transfers/1/records/{seq}", f"Step{seq}", body, signature, key_fingerprint(key.public_key())
            )
        )
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return export_document("transfers/1", records, pem)


def _pem_file(path, key: Ed25519PrivateKey):
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    path.write_bytes(pem)
    return path


def test_verify_passes_on_the_set_as_signed_with_the_embedded_or_the_given_key(tmp_path):
    key = Ed25519PrivateKey.generate()
    exported = tmp_path / "transfer-1.json"
    exported.write_text(json.dumps(_signed_set(key), ensure_ascii=False, indent=2), encoding="utf-8")
    result = invoke("verify", str(exported), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["valid"], report["records_checked"], report["problems"]) == (True, 3, [])
    assert (report["key"], report["key_sha256"]) == ("embedded in the file", key_fingerprint(key.public_key()))
    given = invoke("verify", str(exported), "--public-key", str(_pem_file(tmp_path / "platform.pub.pem", key)))
    assert given.exit_code == 0 and "valid: 3 signed records of transfers/1" in given.output

    other = _pem_file(tmp_path / "other.pub.pem", Ed25519PrivateKey.generate())
    wrong_key = invoke("verify", str(exported), "--public-key", str(other), "--json")
    assert wrong_key.exit_code == 1
    assert [p.split(":")[0] for p in json.loads(wrong_key.output)["problems"]] == [
        f"transfers/1/records/{seq}" for seq in (1, 2, 3)
    ]


def test_verify_names_the_record_a_changed_byte_is_in_and_the_one_chained_after_it(tmp_path):
    exported = tmp_path / "transfer-1.json"
    exported.write_text(
        json.dumps(_signed_set(Ed25519PrivateKey.generate()), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    raw = exported.read_bytes()
    at = raw.index(b"Step2", raw.index(b'"body"', raw.index(b'"transfers/1/records/2"')))  # in the signed body
    exported.write_bytes(raw[:at] + b"Step9" + raw[at + len(b"Step2") :])
    result = invoke("verify", str(exported))
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if line.startswith("transfers/1/records/")]
    assert [p.split(":")[0] for p in problems] == ["transfers/1/records/2", "transfers/1/records/3"]
    assert "signature does not match" in problems[0]

    removed = json.loads(raw)
    del removed["records"][1]
    exported.write_text(json.dumps(removed), encoding="utf-8")
    gap = json.loads(invoke("verify", str(exported), "--json").output)
    assert not gap["valid"] and gap["problems"][0].startswith("transfers/1/records/3: out of place")


def test_verify_refuses_what_is_no_record_set(tmp_path):
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\xff not json")
    result = invoke("verify", str(garbage), "--json")
    assert result.exit_code == 1 and "not a record file" in json.loads(result.output)["error"]["message"]
    empty = _signed_set(Ed25519PrivateKey.generate(), count=0)
    garbage.write_text(json.dumps(empty), encoding="utf-8")
    report = json.loads(invoke("verify", str(garbage), "--json").output)
    assert report["problems"] == ["the file holds no records"]
    garbage.write_text(json.dumps({**empty, "public_key_pem": "no key"}), encoding="utf-8")
    assert invoke("verify", str(garbage)).exit_code == 1
