"""Every state-changing method of CaseService has an `ecolink cases` verb that calls it, and every one of
CompensationService an `ecolink cases compensation` verb: the methods are read from the service descriptors (every
rpc but Get*, List* and Create*), and each verb is run, its required options given sample values, against a stub that
records the method called."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from ecolink.cases.v1 import case_service_pb2, compensation_service_pb2
from ecolink_cli.commands import case_calls, cases, compensation
from ecolink_cli.commands.case_steps import RPC_ATTRIBUTE
from ecolink_cli.main import app

READING = ("Get", "List", "Create")
# Methods only a platform service calls, acting for an agency (no person takes these steps, so no verb).
SERVICE_ONLY = frozenset({"RecordHandBack"})  # the referrals service, when a transfer comes back


@dataclass(frozen=True)
class Verbs:
    """A service, the CLI group holding its verbs, and where the group's commands find their stub."""

    service: str
    requests: ModuleType
    group: typer.Typer
    command: tuple[str, ...]
    stubs: tuple[tuple[ModuleType, str], ...]


CASE_VERBS = Verbs(
    "CaseService", case_service_pb2, cases.cases_app, ("cases",), ((case_calls, "case_stub"), (cases, "case_stub"))
)
COMPENSATION_VERBS = Verbs(
    "CompensationService",
    compensation_service_pb2,
    compensation.compensation_app,
    ("cases", "compensation"),
    ((compensation, "compensation_stub"),),
)


def state_changing_methods(verbs: Verbs) -> list[str]:
    service = verbs.requests.DESCRIPTOR.services_by_name[verbs.service]
    return [
        method.name
        for method in service.methods
        if not method.name.startswith(READING) and method.name not in SERVICE_ONLY
    ]


def verbs_by_method(verbs: Verbs) -> dict[str, str]:
    """Each method and the verb marked as calling it (a method marked twice would show as one verb here)."""
    marked = {info.name: getattr(info.callback, RPC_ATTRIBUTE, None) for info in verbs.group.registered_commands}
    return {rpc: verb for verb, rpc in marked.items() if rpc is not None and verb is not None}


class RecordingStub:
    """Answers every method with its empty response (a case holding one approval) and records what was called."""

    def __init__(self, requests: ModuleType) -> None:
        self.requests = requests
        self.called: list[tuple[str, Any]] = []

    def __getattr__(self, rpc: str) -> Any:
        def answer(request: Any, **_: Any) -> Any:
            self.called.append((rpc, request))
            response = getattr(self.requests, f"{rpc}Response")()
            if "case" in response.DESCRIPTOR.fields_by_name:
                response.case.approvals.add()
            return response

        return answer


def recording_stub(verbs: Verbs, monkeypatch: pytest.MonkeyPatch) -> RecordingStub:
    """A RecordingStub in place of the stub every command of `verbs` opens."""
    stub = RecordingStub(verbs.requests)

    @contextmanager
    def recording(address: str | None) -> Iterator[RecordingStub]:
        yield stub

    for module, attribute in verbs.stubs:
        monkeypatch.setattr(module, attribute, recording)
    return stub


def sample_arguments(command: Any) -> list[str]:
    """The case or document argument and a sample value for each required option (Typer's own click parameters)."""
    arguments: list[str] = []
    for param in command.params:
        if param.param_type_name == "argument":
            arguments.append("1")
        elif param.required:
            if param.secondary_opts:  # --still-unmet/--met
                arguments.append(param.opts[0])
            elif param.metavar and "|" in param.metavar:  # a choice: its first value
                arguments += [param.opts[0], param.metavar.split("|")[0]]
            else:
                arguments += [param.opts[0], "1"]
    return arguments


def test_the_state_changing_methods_are_read_from_the_descriptors():
    methods = state_changing_methods(CASE_VERBS)
    assert {"ApproveCaseStep", "RegisterCase", "OrderSealing", "HandOffForDetention", "VoidDocument"} <= set(methods)
    assert not {"GetCase", "ListCases", "CreateCase", "GetCaseStatistics", "ListServedDocuments"} & set(methods)
    assert "RecordHandBack" not in methods
    compensation_methods = state_changing_methods(COMPENSATION_VERBS)
    assert {"OpenCompensationCase", "RecordConsultation", "CloseCompensationCase"} <= set(compensation_methods)
    assert not {"GetCompensationCase", "ListCompensationCases"} & set(compensation_methods)


@pytest.mark.parametrize(
    ("verbs", "rpc"),
    [(verbs, rpc) for verbs in (CASE_VERBS, COMPENSATION_VERBS) for rpc in state_changing_methods(verbs)],
    ids=lambda value: value if isinstance(value, str) else value.service,
)
def test_every_state_changing_method_has_a_verb_that_calls_it(verbs, rpc, monkeypatch):
    verb = verbs_by_method(verbs).get(rpc)
    assert verb is not None, f"no `ecolink {' '.join(verbs.command)}` verb calls {rpc}"
    stub = recording_stub(verbs, monkeypatch)
    command = get_command(verbs.group).commands[verb]
    result = CliRunner().invoke(app, [*verbs.command, verb, *sample_arguments(command), "--json"])
    assert result.exit_code == 0, result.output
    called, request = stub.called[-1]
    assert (called, type(request).__name__) == (rpc, f"{rpc}Request")


def test_a_consultation_names_the_cases_it_joins_and_amounts_are_sent_in_fen(monkeypatch):
    stub = recording_stub(COMPENSATION_VERBS, monkeypatch)
    consult = ["--officer", "off-1", "--party", "灵璧建材", "--party", "灵璧分局", "--join", "4", "--join", "5"]
    result = CliRunner().invoke(app, ["cases", "compensation", "consult", "3", *consult, "--etag", "e1", "--json"])
    assert result.exit_code == 0, result.output
    [(called, request)] = stub.called  # the etag given: no read before the step
    assert (called, request.name, request.etag) == ("RecordConsultation", "compensationCases/3", "e1")
    assert (list(request.parties), list(request.joined_cases)) == (
        ["灵璧建材", "灵璧分局"],
        ["compensationCases/4", "compensationCases/5"],
    )
    agree = ["--officer", "off-1", "--amount", "1500.50", "--remedy", "restoration", "--plan", "补植复绿"]
    result = CliRunner().invoke(app, ["cases", "compensation", "agree", "compensationCases/3", *agree, "--json"])
    assert result.exit_code == 0, result.output
    assert [rpc for rpc, _ in stub.called[1:]] == ["GetCompensationCase", "ConcludeAgreement"]
    request = stub.called[-1][1]
    assert (request.agreed_amount_fen, request.remedy, request.restoration_plan) == (150050, 1, "补植复绿")


def test_the_dossier_verb_reads_the_cases_dossier_by_its_name(monkeypatch):
    stub = recording_stub(CASE_VERBS, monkeypatch)
    for arguments in (["3", "--json"], ["cases/3"]):
        result = CliRunner().invoke(app, ["cases", "dossier", *arguments])
        assert result.exit_code == 0, result.output
    assert [(rpc, request.name) for rpc, request in stub.called] == [("GetCaseDossier", "cases/3")] * 2
