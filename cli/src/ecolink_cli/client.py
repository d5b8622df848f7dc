"""Channels to the services, the caller's credentials, and readable gRPC errors for the CLI."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Annotated, TypeVar

import grpc
import typer
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from ecolink_cli.output import fail
from ecolink_cli.services import service_settings_type
from ecolink_common.auth.keys import load_private_key
from ecolink_common.auth.tokens import issue_token
from ecolink_common.directory import read_directory_file
from ecolink_common.settings import PlatformSettings

T = TypeVar("T")

AS_AGENCY_TTL = timedelta(minutes=5)
CALL_TIMEOUT_SECONDS = 30.0

TokenOption = Annotated[
    str | None, typer.Option("--token", envvar="ECOLINK_TOKEN", help="Bearer token (or set ECOLINK_TOKEN).")
]
AsOption = Annotated[
    str | None,
    typer.Option("--as", help="Development install: sign a 5-minute token for this agency with the local key."),
]
ServiceOption = Annotated[str, typer.Option("--service", help="Which service endpoint to call.")]
AddressOption = Annotated[
    str | None, typer.Option("--address", help="host:port of the endpoint; default from the service's settings.")
]


@contextmanager
def open_channel(service: str, address: str | None) -> Iterator[grpc.Channel]:
    """A channel to one service: plaintext, or TLS/mTLS when ECOLINK_CLIENT_* certificate files are set."""
    target = address or service_settings_type(service)().address
    ca, cert, key = (os.environ.get(f"ECOLINK_CLIENT_{part}_FILE") for part in ("CA", "CERT", "KEY"))
    if ca:
        credentials = grpc.ssl_channel_credentials(
            root_certificates=Path(ca).read_bytes(),
            private_key=Path(key).read_bytes() if key else None,
            certificate_chain=Path(cert).read_bytes() if cert else None,
        )
        channel = grpc.secure_channel(target, credentials)
    else:
        channel = grpc.insecure_channel(target)
    with channel:
        yield channel


def resolve_token(token: str | None, as_agency: str | None) -> str | None:
    """The token to send: --as signs one locally (development), else --token / ECOLINK_TOKEN."""
    if as_agency:
        return sign_token(as_agency, AS_AGENCY_TTL)
    return token


def sign_token(agency_id: str, ttl: timedelta, *, officer_id: str | None = None) -> str:
    """Signs a token for a directory agency (or one of its officers, who becomes the token's `sub`) with the local
    platform key."""
    platform = PlatformSettings()
    directory, _ = read_directory_file(platform.directory_file)
    agency = next((a for a in directory.agencies if a.agency_id == agency_id), None)
    if agency is None:
        raise KeyError(f"agency {agency_id!r} is not in the directory {platform.directory_file}")
    if officer_id is not None and not any(
        o.officer_id == officer_id and o.agency_id == agency_id for o in directory.officers
    ):
        raise KeyError(f"officer {officer_id!r} of {agency_id} is not in the directory {platform.directory_file}")
    if not platform.private_key_path.exists():
        raise FileNotFoundError(f"no signing key at {platform.private_key_path}; run `make run` once first")
    key = load_private_key(platform.private_key_path)
    return issue_token(agency, key=key, issuer=platform.token_issuer, ttl=ttl, officer_id=officer_id)


def auth_metadata(token: str | None) -> list[tuple[str, str]]:
    return [("authorization", f"Bearer {token}")] if token else []


def call(rpc: Callable[..., T], request: object, *, token: str | None, as_json: bool) -> T:
    """Makes one unary call; a gRPC error is printed with its code, ErrorInfo reason and message."""
    with reported_rpc_errors(as_json=as_json):
        return rpc(request, metadata=auth_metadata(token), timeout=CALL_TIMEOUT_SECONDS)


@contextmanager
def reported_rpc_errors(*, as_json: bool) -> Iterator[None]:
    """Turns a failed call (unary or streaming) into a readable error and exit code 1."""
    try:
        yield
    except grpc.RpcError as error:
        fail(describe_rpc_error(error), as_json=as_json, details=rpc_error_details(error))


def rpc_error_details(error: grpc.RpcError) -> dict[str, str]:
    """Code, reason and message of a failed call, read from its google.rpc.Status when present."""
    details = {"code": error.code().name, "reason": "", "message": error.details() or ""}
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    for detail in status.details if status else ():
        info = error_details_pb2.ErrorInfo()
        if detail.Unpack(info):
            details["reason"] = info.reason
    return details


def describe_rpc_error(error: grpc.RpcError) -> str:
    details = rpc_error_details(error)
    reason = f" ({details['reason']})" if details["reason"] else ""
    return f"{details['code']}{reason}: {details['message']}"
