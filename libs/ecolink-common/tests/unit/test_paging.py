"""AIP-158 paging: page-size limits and opaque page tokens."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecolink_common.errors import InvalidArgument
from ecolink_common.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decode_page_token, encode_page_token, page_size


def assert_refused_naming(field: str, call, *args) -> None:
    with pytest.raises(InvalidArgument) as refusal:
        call(*args)
    assert [v.field for v in refusal.value.violations] == [field]
    assert refusal.value.reason == "INVALID_ARGUMENT"
    assert field in refusal.value.message


@pytest.mark.parametrize(
    ("requested", "used"), [(0, DEFAULT_PAGE_SIZE), (1, 1), (DEFAULT_PAGE_SIZE + 1, DEFAULT_PAGE_SIZE + 1), (500, 500)]
)
def test_page_size_zero_means_the_default_and_others_are_kept(requested, used):
    assert page_size(requested) == used


@pytest.mark.parametrize("requested", [-1, MAX_PAGE_SIZE + 1, 10**9])
def test_page_size_out_of_range_is_refused_naming_page_size(requested):
    assert_refused_naming("page_size", page_size, requested)


@given(st.dictionaries(st.text(), st.text()))
def test_a_page_token_decodes_to_the_position_it_was_made_from(position):
    assert decode_page_token(encode_page_token(position)) == position


def test_an_empty_page_token_is_the_first_page():
    assert decode_page_token("") == {}


def b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "token",
    [
        "!!!",
        "abc",
        "not a token at all",
        b64("not json"),
        b64(json.dumps(["a", "list"])),
        b64(json.dumps({"after": 42})),
        b64("null"),
        base64.urlsafe_b64encode(b"\xff\xfe{").decode(),
    ],
)
def test_a_page_token_this_server_did_not_issue_is_refused_naming_page_token(token):
    assert_refused_naming("page_token", decode_page_token, token)


def test_a_deeply_nested_page_token_is_refused_naming_page_token():
    assert_refused_naming("page_token", decode_page_token, b64("[" * 100_000))
