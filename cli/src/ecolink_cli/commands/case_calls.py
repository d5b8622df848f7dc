"""What the case commands send: the CaseService stub, resource names, enum choices, amounts, the case's etag."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import ModuleType
from typing import Annotated, Any, TypeVar, cast

import typer
from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper

from ecolink.cases.v1 import case_pb2, case_service_pb2_grpc
from ecolink.cases.v1 import case_service_pb2 as pb
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.output import JsonFlag

FEN_PER_YUAN = 100
PAGE_SIZE = 200

CaseArgument = Annotated[str, typer.Argument(help="cases/{id} or just the id, e.g. 12.")]


def case_name(value: str) -> str:
    """`12` or `cases/12` → `cases/12`."""
    return value if value.startswith("cases/") else f"cases/{value}"


def prefixed(value: str, collection: str) -> str:
    """A bare id or a whole name (`alerts/42`, `evidence/ev-…`) → the resource name in `collection`."""
    return value if value.startswith(f"{collection}/") else f"{collection}/{value}"


def proto_choices(enum: EnumTypeWrapper, prefix: str) -> dict[str, str]:
    """A proto enum's values as the command line spells them, e.g. `legal-review` for `CASE_STATE_LEGAL_REVIEW` (the
    name a request takes); the `_UNSPECIFIED` zero is no choice."""
    return {
        name.removeprefix(prefix).lower().replace("_", "-"): name
        for name in enum.keys()  # noqa: SIM118 (an EnumTypeWrapper is no dict)
        if not name.endswith("_UNSPECIFIED")
    }


def choice_option(flag: str, values: Mapping[str, str], help_text: str) -> Any:
    """An option taking one of `values` by its short name and giving the value; the help lists the names."""

    def parse(choice: str) -> str:
        if choice not in values:
            raise typer.BadParameter(f"choose one of {', '.join(values)}", param_hint=flag)
        return values[choice]

    return typer.Option(flag, parser=parse, metavar="|".join(values), help=help_text)


# The clue sources as `--source` names them: short words for the long enum names.
ALERT_SOURCE = "CLUE_SOURCE_MONITORING_ALERT"
SOURCES = {
    "alert": ALERT_SOURCE,
    "petition": "CLUE_SOURCE_PETITION",
    "inspection": "CLUE_SOURCE_INSPECTION",
    "police": "CLUE_SOURCE_POLICE_HAND_BACK",
    "manual": "CLUE_SOURCE_MANUAL",
}


def fen_from_yuan(text: str, option: str) -> int:
    """An amount in yuan (元) as typed, e.g. `220000` or `1500.50`, in whole fen; a third decimal is refused here."""
    try:
        fen = Decimal(text) * FEN_PER_YUAN
    except InvalidOperation:
        raise typer.BadParameter("an amount in yuan, e.g. 220000 or 1500.50", param_hint=option) from None
    if fen != fen.to_integral_value():
        raise typer.BadParameter("at most two decimals (whole fen)", param_hint=option)
    return int(fen)


@dataclass(frozen=True)
class Caller:
    """How a command calls: its --token or --as, its --address and whether it answers in --json."""

    token: str | None = None
    as_agency: str | None = None
    address: str | None = None
    as_json: bool = False

    @property
    def bearer(self) -> str | None:
        return resolve_token(self.token, self.as_agency)


_CALLER_OPTIONS = [
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
    for name, annotation, default in (
        ("token", TokenOption, None),
        ("as_agency", AsOption, None),
        ("address", AddressOption, None),
        ("as_json", JsonFlag, False),
    )
]
Command = TypeVar("Command", bound=Callable[..., None])


def with_caller(command: Command) -> Command:
    """A command taking `caller: Caller` as one taking --token, --as, --address and --json, last in its help."""
    signature = inspect.signature(command, eval_str=True)
    kept = [p for name, p in signature.parameters.items() if name != "caller"]

    @functools.wraps(command)
    def called(
        *args: Any, token: str | None, as_agency: str | None, address: str | None, as_json: bool, **kwargs: Any
    ) -> None:
        command(*args, caller=Caller(token, as_agency, address, as_json), **kwargs)

    called.__signature__ = signature.replace(parameters=[*kept, *_CALLER_OPTIONS])  # type: ignore[attr-defined]
    return cast(Command, called)


@contextmanager
def case_stub(address: str | None) -> Iterator[case_service_pb2_grpc.CaseServiceStub]:
    with open_channel("cases", address) as channel:
        yield case_service_pb2_grpc.CaseServiceStub(channel)


def read_case(
    stub: case_service_pb2_grpc.CaseServiceStub, name: str, *, token: str | None, as_json: bool
) -> case_pb2.Case:
    return call(stub.GetCase, pb.GetCaseRequest(name=name), token=token, as_json=as_json).case


@dataclass(frozen=True)
class StepCalls:
    """How the step verbs reach one service whose custom methods take a resource's etag: its stub, the module of its
    requests, the Get method reading the resource and the response field holding it."""

    open_stub: Callable[[str | None], AbstractContextManager[Any]]
    requests: ModuleType
    get_rpc: str
    field: str

    def read(self, stub: Any, name: str, *, token: str | None, as_json: bool) -> Any:
        request = getattr(self.requests, f"{self.get_rpc}Request")(name=name)
        return getattr(call(getattr(stub, self.get_rpc), request, token=token, as_json=as_json), self.field)

    def step(self, rpc: str, name: str, fields: dict[str, Any], *, etag: str, caller: Caller) -> Any:
        """Calls the custom method `rpc` (`RegisterCase`, `RecordAppraisal`, …) on `name`; returns the resource.

        With no etag given, the resource's etag is read just before the step (so a person need not copy it; a script
        that must not act on a resource changed since it looked passes --etag)."""
        bearer, as_json = caller.bearer, caller.as_json
        with self.open_stub(caller.address) as stub:
            sent = etag or self.read(stub, name, token=bearer, as_json=as_json).etag
            request = getattr(self.requests, f"{rpc}Request")(name=name, etag=sent, **fields)
            return getattr(call(getattr(stub, rpc), request, token=bearer, as_json=as_json), self.field)


# The stub is looked up when called, so that a test may put its own in `case_stub`'s place.
CASE_CALLS = StepCalls(lambda address: case_stub(address), pb, "GetCase", "case")
