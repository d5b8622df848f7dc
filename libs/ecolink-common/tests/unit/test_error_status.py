"""`error_to_status` and `internal_status`: the rich gRPC status every refusal and failure carries."""

from __future__ import annotations

from typing import TypeVar

import grpc
import pytest
from google.rpc import code_pb2, error_details_pb2, status_pb2
from opentelemetry.sdk.trace import TracerProvider

from ecolink_common import errors
from ecolink_common.error_mapping import error_to_status, internal_status

DOMAIN = "cases.ecolink"
Detail = TypeVar("Detail", error_details_pb2.ErrorInfo, error_details_pb2.BadRequest)
EVERY_ERROR_CLASS = [
    errors.InvalidArgument,
    errors.NotFound,
    errors.AlreadyExists,
    errors.PermissionDenied,
    errors.FailedPrecondition,
    errors.Aborted,
    errors.Unauthenticated,
    errors.Unavailable,
    errors.DataLoss,
]


def rich_status(status: grpc.Status) -> status_pb2.Status:
    details = dict(status.trailing_metadata)["grpc-status-details-bin"]
    return status_pb2.Status.FromString(details)


def unpacked(status: grpc.Status, message_class: type[Detail]) -> list[Detail]:
    """The details of one type, in order; `detail_count` checks nothing else was sent."""
    messages = []
    for packed in rich_status(status).details:
        if packed.Is(message_class.DESCRIPTOR):
            message = message_class()
            packed.Unpack(message)
            messages.append(message)
    return messages


def detail_count(status: grpc.Status) -> int:
    return len(rich_status(status).details)


def test_every_error_class_is_listed_here():
    assert set(EVERY_ERROR_CLASS) == {
        cls for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.EcolinkError)
    } - {errors.EcolinkError}


@pytest.mark.parametrize("error_class", EVERY_ERROR_CLASS, ids=lambda cls: cls.__name__)
def test_the_status_code_and_reason_follow_the_error_class(error_class):
    status = error_to_status(error_class("the record is gone"), domain=DOMAIN)
    assert status.code is error_class.code
    assert status.details == "the record is gone"
    assert rich_status(status).code == error_class.code.value[0]
    assert rich_status(status).message == "the record is gone"
    [info] = unpacked(status, error_details_pb2.ErrorInfo)
    assert (info.reason, info.domain) == (error_class.default_reason, DOMAIN)
    assert detail_count(status) == 1


def test_an_invalid_field_carries_error_info_and_a_bad_request_naming_the_field():
    error = errors.InvalidArgument.for_field("page_size", "must be between 0 and 500", reason="PAGE_SIZE_TOO_LARGE")
    status = error_to_status(error, domain=DOMAIN)
    assert status.code is grpc.StatusCode.INVALID_ARGUMENT
    [info] = unpacked(status, error_details_pb2.ErrorInfo)
    [bad_request] = unpacked(status, error_details_pb2.BadRequest)
    assert detail_count(status) == 2
    assert (info.reason, info.domain) == ("PAGE_SIZE_TOO_LARGE", DOMAIN)
    assert [(v.field, v.description) for v in bad_request.field_violations] == [
        ("page_size", "must be between 0 and 500")
    ]


def test_a_not_found_carries_only_error_info_with_its_metadata():
    error = errors.NotFound("no such order", reason="ORDER_NOT_FOUND", metadata={"order_id": "so-1"})
    status = error_to_status(error, domain=DOMAIN)
    [info] = unpacked(status, error_details_pb2.ErrorInfo)
    assert detail_count(status) == 1
    assert (info.reason, info.domain, dict(info.metadata)) == ("ORDER_NOT_FOUND", DOMAIN, {"order_id": "so-1"})


def test_an_internal_failure_outside_a_trace_quotes_the_all_zero_trace_id():
    status = internal_status(domain=DOMAIN)
    assert status.code is grpc.StatusCode.INTERNAL
    assert rich_status(status).code == code_pb2.INTERNAL
    [info] = unpacked(status, error_details_pb2.ErrorInfo)
    assert (info.reason, info.domain, dict(info.metadata)) == ("INTERNAL", DOMAIN, {"trace_id": "0" * 32})
    assert detail_count(status) == 1


def test_an_internal_failure_quotes_the_trace_id_and_never_the_exception_text():
    tracer = TracerProvider().get_tracer(__name__)
    secret = "SELECT password FROM agency WHERE id = 'eeb-360800'"
    with tracer.start_as_current_span("failing call") as span:
        try:
            raise RuntimeError(secret)
        except RuntimeError:
            status = internal_status(domain=DOMAIN)
    trace_id = format(span.get_span_context().trace_id, "032x")
    [info] = unpacked(status, error_details_pb2.ErrorInfo)
    assert detail_count(status) == 1
    assert (info.reason, dict(info.metadata)) == ("INTERNAL", {"trace_id": trace_id})
    assert trace_id in status.details
    everything_sent = status.details + repr(status.trailing_metadata)
    assert "SELECT" not in everything_sent
    assert "RuntimeError" not in everything_sent
