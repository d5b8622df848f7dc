"""What the referrals commands send: the stubs of the referrals service, transfer and listing names, persons and enum
choices."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Annotated, TypeVar

import grpc
import typer

from ecolink.referrals.v1 import (
    basin_service_pb2_grpc,
    listing_service_pb2_grpc,
    transfer_pb2,
    transfer_service_pb2_grpc,
    webhook_service_pb2_grpc,
)
from ecolink_cli.client import open_channel
from ecolink_cli.commands.case_calls import prefixed, proto_choices

PAGE_SIZE = 200
COLLECTION = "transfers"
LISTINGS = "listings"
TransferArgument = Annotated[str, typer.Argument(help="transfers/{id} or just the id, e.g. 1.")]
ListingArgument = Annotated[str, typer.Argument(help="listings/{id} or just the id, e.g. 1.")]

KINDS = proto_choices(transfer_pb2.TransferKind, "TRANSFER_KIND_")
STATES = proto_choices(transfer_pb2.TransferState, "TRANSFER_STATE_")
# Full-width colons too: 张某：法定代表人 is how the name and role are often typed.
SEPARATORS = (":", "：")
Stub = TypeVar("Stub")


def transfer_name(value: str) -> str:
    """`3` or `transfers/3` → `transfers/3`."""
    return prefixed(value, COLLECTION)


def listing_name(value: str) -> str:
    """`2` or `listings/2` → `listings/2`."""
    return prefixed(value, LISTINGS)


def split_first(text: str) -> tuple[str, str | None]:
    """`a:b:c` → (`a`, `b:c`) at the first colon, half- or full-width; no colon → (`text`, None)."""
    cut = min((text.find(mark) for mark in SEPARATORS if mark in text), default=-1)
    return (text[:cut], text[cut + 1 :]) if cut >= 0 else (text, None)


def person(text: str) -> transfer_pb2.TransferPerson:
    """`NAME:ROLE` (the role may be left out, and may itself hold colons) → a TransferPerson."""
    name, role = split_first(text)
    if not name.strip():
        raise typer.BadParameter(f"{text!r}: NAME:ROLE, e.g. 张某:legal representative", param_hint="--person")
    return transfer_pb2.TransferPerson(name=name.strip(), role=(role or "").strip())


@contextmanager
def _referrals_stub(make: Callable[[grpc.Channel], Stub], address: str | None) -> Iterator[Stub]:
    with open_channel("referrals", address) as channel:
        yield make(channel)


# Commands reach these through the module (`referral_calls.transfer_stub`), so that a test may put its own in place.
def transfer_stub(address: str | None) -> AbstractContextManager[transfer_service_pb2_grpc.TransferServiceStub]:
    return _referrals_stub(transfer_service_pb2_grpc.TransferServiceStub, address)


def listing_stub(address: str | None) -> AbstractContextManager[listing_service_pb2_grpc.ListingServiceStub]:
    return _referrals_stub(listing_service_pb2_grpc.ListingServiceStub, address)


def webhook_stub(address: str | None) -> AbstractContextManager[webhook_service_pb2_grpc.WebhookServiceStub]:
    return _referrals_stub(webhook_service_pb2_grpc.WebhookServiceStub, address)


def basin_stub(address: str | None) -> AbstractContextManager[basin_service_pb2_grpc.BasinServiceStub]:
    return _referrals_stub(basin_service_pb2_grpc.BasinServiceStub, address)
