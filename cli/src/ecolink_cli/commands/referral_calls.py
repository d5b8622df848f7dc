"""What the referrals commands send: the TransferService stub, transfer names, persons and enum choices."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from ecolink.referrals.v1 import transfer_pb2, transfer_service_pb2_grpc
from ecolink_cli.client import open_channel
from ecolink_cli.commands.case_calls import prefixed, proto_choices

PAGE_SIZE = 200
COLLECTION = "transfers"
TransferArgument = Annotated[str, typer.Argument(help="transfers/{id} or just the id, e.g. 1.")]

KINDS = proto_choices(transfer_pb2.TransferKind, "TRANSFER_KIND_")
STATES = proto_choices(transfer_pb2.TransferState, "TRANSFER_STATE_")
# Full-width colons too: 张某：法定代表人 is how the name and role are often typed.
PERSON_SEPARATORS = (":", "：")


def transfer_name(value: str) -> str:
    """`3` or `transfers/3` → `transfers/3`."""
    return prefixed(value, COLLECTION)


def person(text: str) -> transfer_pb2.TransferPerson:
    """`NAME:ROLE` (the role may be left out, and may itself hold colons) → a TransferPerson."""
    cut = min((text.find(mark) for mark in PERSON_SEPARATORS if mark in text), default=-1)
    name, role = (text[:cut], text[cut + 1 :]) if cut >= 0 else (text, "")
    if not name.strip():
        raise typer.BadParameter(f"{text!r}: NAME:ROLE, e.g. 张某:legal representative", param_hint="--person")
    return transfer_pb2.TransferPerson(name=name.strip(), role=role.strip())


@contextmanager
def transfer_stub(address: str | None) -> Iterator[transfer_service_pb2_grpc.TransferServiceStub]:
    with open_channel("referrals", address) as channel:
        yield transfer_service_pb2_grpc.TransferServiceStub(channel)
