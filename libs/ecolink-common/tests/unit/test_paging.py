"""AIP-158 paging: page-size limits and opaque page tokens."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecolink.alerts.v1 import alert_service_pb2, grading_service_pb2
from ecolink_common.errors import InvalidArgument
from ecolink_common.paging import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    REASON_PAGE_TOKEN_INVALID,
    PageRequest,
    page_request,
    page_size,
    use_page_token_key_file,
)


def assert_refused_naming(field: str, call, *args) -> None:
    with pytest.raises(InvalidArgument) as refusal:
        call(*args)
    assert [v.field for v in refusal.value.violations] == [field]
    assert refusal.value.reason in {"INVALID_ARGUMENT", REASON_PAGE_TOKEN_INVALID}
    assert field in refusal.value.message


@pytest.mark.parametrize(
    ("requested", "used"), [(0, DEFAULT_PAGE_SIZE), (1, 1), (DEFAULT_PAGE_SIZE + 1, DEFAULT_PAGE_SIZE + 1), (500, 500)]
)
def test_page_size_zero_means_the_default_and_others_are_kept(requested, used):
    assert page_size(requested) == used


@pytest.mark.parametrize("requested", [-1, MAX_PAGE_SIZE + 1, 10**9])
def test_page_size_out_of_range_is_refused_naming_page_size(requested):
    assert_refused_naming("page_size", page_size, requested)


LIST_ALERTS = alert_service_pb2.ListAlertsRequest(region_code="341300", rule="C4", page_size=10)


def first_page_of(request, caller: str = "eeb-341300") -> PageRequest:
    return page_request(request, caller)


def with_token(request, token: str, **changes):
    follow = type(request)()
    follow.CopyFrom(request)
    follow.page_token = token
    for name, value in changes.items():
        setattr(follow, name, value)
    return follow


@given(st.dictionaries(st.text(), st.text()))
def test_a_page_token_decodes_to_the_position_it_was_made_from(position):
    token = first_page_of(LIST_ALERTS).next_token(position)
    assert page_request(with_token(LIST_ALERTS, token), "eeb-341300").position == position


def test_an_empty_page_token_is_the_first_page_of_the_requested_size():
    page = first_page_of(LIST_ALERTS)
    assert (page.size, dict(page.position)) == (10, {})


def test_the_next_page_may_ask_for_another_size():
    token = first_page_of(LIST_ALERTS).next_token({"after": "a-1"})
    assert page_request(with_token(LIST_ALERTS, token, page_size=200), "eeb-341300").position == {"after": "a-1"}


@pytest.mark.parametrize(
    ("caller", "changes"),
    [("eeb-341323", {}), ("eeb-341300", {"rule": "C1"}), ("eeb-341300", {"region_code": "340000"})],
    ids=["another caller", "another rule", "another region"],
)
def test_a_token_is_refused_for_another_caller_or_other_filters(caller, changes):
    token = first_page_of(LIST_ALERTS).next_token({"after": "a-1"})
    with pytest.raises(InvalidArgument) as refusal:
        page_request(with_token(LIST_ALERTS, token, **changes), caller)
    assert refusal.value.reason == REASON_PAGE_TOKEN_INVALID
    assert [v.field for v in refusal.value.violations] == ["page_token"]


def test_a_token_of_one_list_method_is_refused_by_another():
    token = first_page_of(LIST_ALERTS).next_token({"after": "a-1"})
    with pytest.raises(InvalidArgument):
        page_request(grading_service_pb2.ListExceedanceGradesRequest(page_token=token), "eeb-341300")


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def edited(token: str) -> str:
    """The same token with its position rewritten (a time without a zone, a cursor that is no integer)."""
    _, _, mac = token.partition(".")
    return f"{b64(json.dumps({'started_at': '2026-01-01T00:00', 'after': 'x'}).encode())}.{mac}"


@pytest.mark.parametrize(
    "token",
    [
        "!!!",
        "abc",
        "not a token at all",
        b64(b"not json"),
        b64(json.dumps({"after": "a-1"}).encode()),
        b64(json.dumps({"after": "a-1"}).encode()) + ".",
        b64(b"\xff\xfe{") + "." + b64(b"0" * 16),
        edited(first_page_of(LIST_ALERTS).next_token({"started_at": "2026-01-01T00:00:00+00:00", "after": "a-1"})),
    ],
)
def test_a_page_token_this_server_did_not_issue_is_refused_naming_page_token(token):
    assert_refused_naming("page_token", page_request, with_token(LIST_ALERTS, token), "eeb-341300")


def test_a_page_token_key_file_is_made_once_and_kept(tmp_path):
    key_file = tmp_path / "keys" / "page-token.key"
    use_page_token_key_file(key_file)
    token = first_page_of(LIST_ALERTS).next_token({"after": "a-1"})
    made = key_file.read_bytes()
    use_page_token_key_file(key_file)
    assert key_file.read_bytes() == made and len(made) == 32
    assert page_request(with_token(LIST_ALERTS, token), "eeb-341300").position == {"after": "a-1"}
