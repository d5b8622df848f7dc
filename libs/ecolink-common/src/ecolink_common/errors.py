"""The ecolink error hierarchy: each error carries its gRPC code and a stable `ErrorInfo` reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import grpc


@dataclass(frozen=True)
class FieldViolation:
    """One invalid request field, reported as a `google.rpc.BadRequest` violation."""

    field: str
    description: str


class EcolinkError(Exception):
    """Base of every error a servicer may raise; the error interceptor turns it into a gRPC status."""

    code: grpc.StatusCode = grpc.StatusCode.UNKNOWN
    default_reason: str = "UNKNOWN"

    def __init__(self, message: str, *, reason: str | None = None, metadata: Mapping[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.reason = reason or self.default_reason
        self.metadata = dict(metadata or {})


class InvalidArgument(EcolinkError):
    """The request is malformed; names the offending fields."""

    code = grpc.StatusCode.INVALID_ARGUMENT
    default_reason = "INVALID_ARGUMENT"

    def __init__(
        self,
        message: str,
        *,
        violations: list[FieldViolation] | None = None,
        reason: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ):
        super().__init__(message, reason=reason, metadata=metadata)
        self.violations = violations or []

    @classmethod
    def for_field(cls, field: str, description: str, *, reason: str | None = None) -> InvalidArgument:
        """An error about one field, whose message names it."""
        return cls(f"{field}: {description}", violations=[FieldViolation(field, description)], reason=reason)


class NotFound(EcolinkError):
    """The record does not exist, or the caller may not know that it exists."""

    code = grpc.StatusCode.NOT_FOUND
    default_reason = "NOT_FOUND"


class AlreadyExists(EcolinkError):
    """A record with the same identity exists."""

    code = grpc.StatusCode.ALREADY_EXISTS
    default_reason = "ALREADY_EXISTS"


class PermissionDenied(EcolinkError):
    """The caller may see the record but may not do this to it."""

    code = grpc.StatusCode.PERMISSION_DENIED
    default_reason = "PERMISSION_DENIED"


class FailedPrecondition(EcolinkError):
    """The request breaks a rule of the record's current state; the reason names the rule."""

    code = grpc.StatusCode.FAILED_PRECONDITION
    default_reason = "FAILED_PRECONDITION"


class Aborted(EcolinkError):
    """A concurrent change won; the client may retry the whole read-modify-write."""

    code = grpc.StatusCode.ABORTED
    default_reason = "ABORTED"


class Unauthenticated(EcolinkError):
    """The caller's credentials are missing or not acceptable."""

    code = grpc.StatusCode.UNAUTHENTICATED
    default_reason = "UNAUTHENTICATED"


class Unavailable(EcolinkError):
    """A dependency is down; the client may retry later."""

    code = grpc.StatusCode.UNAVAILABLE
    default_reason = "UNAVAILABLE"


class DataLoss(EcolinkError):
    """Stored data no longer match what was recorded."""

    code = grpc.StatusCode.DATA_LOSS
    default_reason = "DATA_LOSS"
