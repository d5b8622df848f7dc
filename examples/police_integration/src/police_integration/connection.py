"""Channels to the platform (plaintext on a development install, TLS, or mTLS with the agency's client certificate)
and the bearer token every call carries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status


@dataclass(frozen=True)
class Tls:
    """The CA the platform's server certificates are checked against (None: the system's roots) and the agency's
    client certificate and key (mTLS; the certificate's CN is the agency id)."""

    ca_file: Path | None = None
    cert_file: Path | None = None
    key_file: Path | None = None
    server_name: str | None = None

    def credentials(self) -> grpc.ChannelCredentials:
        if (self.cert_file is None) != (self.key_file is None):
            raise ValueError("give both the client certificate and its key, or neither")
        return grpc.ssl_channel_credentials(
            root_certificates=self.ca_file.read_bytes() if self.ca_file else None,
            private_key=self.key_file.read_bytes() if self.key_file else None,
            certificate_chain=self.cert_file.read_bytes() if self.cert_file else None,
        )


def open_channel(target: str, tls: Tls | None) -> grpc.Channel:
    """Plaintext when `tls` is None, else TLS (mTLS when a client certificate is given)."""
    if tls is None:
        return grpc.insecure_channel(target)
    options = [("grpc.ssl_target_name_override", tls.server_name)] if tls.server_name else []
    return grpc.secure_channel(target, tls.credentials(), options=options)


@dataclass(frozen=True)
class Token:
    """The bearer token: given as is, or read from a file before every cycle (so it can be rotated in place)."""

    value: str | None = None
    file: Path | None = None

    def metadata(self) -> list[tuple[str, str]]:
        token = self.file.read_text().strip() if self.file else (self.value or "").strip()
        if not token:
            raise ValueError("no token: give --token, --token-file or ECOLINK_TOKEN")
        return [("authorization", f"Bearer {token}")]


def rpc_error(error: grpc.RpcError) -> dict[str, str]:
    """A failed call as code, ErrorInfo reason and message (the platform puts a google.rpc.Status on every error)."""
    code = error.code() if isinstance(error, grpc.Call) else None
    described = {
        "code": code.name if code else "UNKNOWN",
        "reason": "",
        "message": (error.details() if isinstance(error, grpc.Call) else str(error)) or "",
    }
    try:
        status = rpc_status.from_call(error) if isinstance(error, grpc.Call) else None
    except ValueError:
        status = None
    details: Iterable[Any] = status.details if status else ()
    for detail in details:
        info = error_details_pb2.ErrorInfo()
        if detail.Unpack(info):
            described["reason"] = info.reason
    return described
