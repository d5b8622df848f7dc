"""Every state-changing method of CaseService has an `ecolink cases` verb that calls it: the methods are read from the
service descriptor (every rpc but Get*, List* and Create*), and each verb is run, its required options given
sample values, against a stub that records the method called."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from ecolink.cases.v1 import case_service_pb2 as pb
from ecolink_cli.commands import case_calls, cases
from ecolink_cli.commands.case_steps import RPC_ATTRIBUTE
from ecolink_cli.main import app

READING = ("Get", "List", "Create")


def state_changing_methods() -> list[str]:
    service = pb.DESCRIPTOR.services_by_name["CaseService"]
    return [method.name for method in service.methods if not method.name.startswith(READING)]


def verbs_by_method() -> dict[str, str]:
    """Each method and the verb marked as calling it (a method marked twice would show as one verb here)."""
    marked = {info.name: getattr(info.callback, RPC_ATTRIBUTE, None) for info in cases.cases_app.registered_commands}
    return {rpc: verb for verb, rpc in marked.items() if rpc is not None and verb is not None}


class RecordingStub:
    """Answers every method with its empty response (a case holding one approval) and records what was called."""

    def __init__(self) -> None:
        self.called: list[tuple[str, Any]] = []

    def __getattr__(self, rpc: str) -> Any:
        def answer(request: Any, **_: Any) -> Any:
            self.called.append((rpc, request))
            response = getattr(pb, f"{rpc}Response")()
            if "case" in response.DESCRIPTOR.fields_by_name:
                response.case.approvals.add()
            return response

        return answer


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


def test_the_state_changing_methods_are_read_from_the_descriptor():
    methods = state_changing_methods()
    assert {"ApproveCaseStep", "RegisterCase", "OrderSealing", "HandOffForDetention", "VoidDocument"} <= set(methods)
    assert not {"GetCase", "ListCases", "CreateCase", "GetCaseStatistics", "ListServedDocuments"} & set(methods)


@pytest.mark.parametrize("rpc", state_changing_methods())
def test_every_state_changing_method_has_a_verb_that_calls_it(rpc, monkeypatch):
    verb = verbs_by_method().get(rpc)
    assert verb is not None, f"no `ecolink cases` verb calls {rpc}"
    stub = RecordingStub()

    @contextmanager
    def recording(address: str | None) -> Iterator[RecordingStub]:
        yield stub

    monkeypatch.setattr(case_calls, "case_stub", recording)
    monkeypatch.setattr(cases, "case_stub", recording)
    command = get_command(cases.cases_app).commands[verb]
    result = CliRunner().invoke(app, ["cases", verb, *sample_arguments(command), "--json"])
    assert result.exit_code == 0, result.output
    called, request = stub.called[-1]
    assert (called, type(request).__name__) == (rpc, f"{rpc}Request")
