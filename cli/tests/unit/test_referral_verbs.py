"""`ecolink referrals …` without a server: every state-changing method of TransferService has a verb that calls it
(read from the service descriptor, each verb run with sample values against a stub recording what it sends), the
etag goes only when given, persons and the head's decision are sent as typed, `list` follows every page to the last
watermark, and `verify` checks a signed record set offline and names each record that no longer holds."""

from __future__ import annotations

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

from ecolink.referrals.v1 import transfer_pb2
from ecolink.referrals.v1 import transfer_service_pb2 as pb
from ecolink_cli.commands import referral_calls, referrals
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
SAMPLES = {"--on": "2023-09-12"}  # a day option takes a day


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
            return queued.pop(0) if queued else getattr(pb, f"{rpc}Response")()

        return answer


@pytest.fixture
def stub(monkeypatch) -> RecordingStub:
    recording = RecordingStub()

    @contextmanager
    def recording_stub(address: str | None) -> Iterator[RecordingStub]:
        yield recording

    monkeypatch.setattr(referral_calls, "transfer_stub", recording_stub)
    return recording


def invoke(*arguments: str) -> Any:
    return CliRunner().invoke(app, ["referrals", *arguments])


def state_changing_methods() -> list[str]:
    service = pb.DESCRIPTOR.services_by_name["TransferService"]
    return [method.name for method in service.methods if not method.name.startswith(READING)]


def verbs_by_method() -> dict[str, str]:
    marked = {
        info.name: getattr(info.callback, RPC_ATTRIBUTE, None) for info in referrals.referrals_app.registered_commands
    }
    return {rpc: verb for verb, rpc in marked.items() if rpc is not None and verb is not None}


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


def test_the_state_changing_methods_are_read_from_the_descriptor():
    methods = state_changing_methods()
    assert {"TransferCase", "ApproveTransfer", "ReceiveTransfer", "RecordJudgment", "WithdrawTransfer"} <= set(methods)
    assert not {"GetTransfer", "ListTransfers", "ListTransferRecords", "GetTransferStatistics"} & set(methods)


@pytest.mark.parametrize("rpc", state_changing_methods())
def test_every_state_changing_method_has_a_verb_that_calls_it_without_reading_first(rpc, stub):
    verb = verbs_by_method().get(rpc)
    assert verb is not None, f"no `ecolink referrals` verb calls {rpc}"
    command = get_command(referrals.referrals_app).commands[verb]
    result = invoke(verb, *sample_arguments(command), "--json")
    assert result.exit_code == 0, result.output
    [(called, request)] = stub.called  # no GetTransfer before the step: the etag goes only when given
    assert (called, type(request).__name__) == (rpc, f"{rpc}Request")
    if rpc != "TransferCase":
        assert (request.name, request.etag) == ("transfers/1", "")


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
