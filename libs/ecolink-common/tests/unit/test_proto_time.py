"""One converter for every Timestamp and Duration a caller sends: what no calendar holds is named, never internal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from google.protobuf.duration_pb2 import Duration
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import alert_service_pb2
from ecolink_common.errors import InvalidArgument
from ecolink_common.proto_time import (
    datetime_from_timestamp,
    datetime_or_none,
    optional_datetime,
    required_datetime,
    timedelta_from_duration,
    timestamp_from_datetime,
)

FIRST_SECOND = -62135596800  # 0001-01-01T00:00:00Z
LAST_SECOND = 253402300799  # 9999-12-31T23:59:59Z


def test_a_timestamp_keeps_its_microseconds_and_comes_back_the_same():
    moment = datetime(2026, 12, 2, 4, 15, 31, 123456, tzinfo=UTC)
    stamp = timestamp_from_datetime(moment)
    assert stamp is not None and datetime_from_timestamp(stamp, "t") == moment


def test_the_first_and_last_seconds_of_the_calendar_are_accepted():
    assert datetime_or_none(Timestamp(seconds=FIRST_SECOND)) == datetime(1, 1, 1, tzinfo=UTC)
    assert datetime_or_none(Timestamp(seconds=LAST_SECOND, nanos=999_999_999)) == datetime.max.replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("seconds", "nanos"),
    [(FIRST_SECOND - 1, 0), (LAST_SECOND + 1, 0), (2**62, 0), (-(2**62), 0), (0, -1), (0, 1_000_000_000)],
)
def test_seconds_or_nanos_out_of_range_are_invalid_naming_the_field(seconds, nanos):
    with pytest.raises(InvalidArgument) as raised:
        datetime_from_timestamp(Timestamp(seconds=seconds, nanos=nanos), "records[3].data_time")
    assert [v.field for v in raised.value.violations] == ["records[3].data_time"]


def test_optional_and_required_fields_name_their_path():
    request = alert_service_pb2.ListAlertsRequest()
    assert optional_datetime(request, "start_time") is None
    with pytest.raises(InvalidArgument, match=r"^end_time: is required"):
        required_datetime(request, "end_time")
    request.start_time.nanos = -5
    with pytest.raises(InvalidArgument) as raised:
        optional_datetime(request, "start_time", "filter.start_time")
    assert raised.value.violations[0].field == "filter.start_time"


@pytest.mark.parametrize(
    ("seconds", "nanos", "expected"),
    [
        (90, 500_000_000, timedelta(seconds=90.5)),
        (-3, -250_000, -timedelta(seconds=3, microseconds=250)),
        (0, 0, timedelta()),
    ],
)
def test_a_duration_becomes_its_timedelta(seconds, nanos, expected):
    assert timedelta_from_duration(Duration(seconds=seconds, nanos=nanos), "d") == expected


@pytest.mark.parametrize(
    ("seconds", "nanos"), [(315_576_000_001, 0), (-315_576_000_001, 0), (1, -1), (-1, 1), (0, 1_000_000_000)]
)
def test_a_duration_out_of_its_range_or_of_mixed_sign_is_invalid(seconds, nanos):
    with pytest.raises(InvalidArgument) as raised:
        timedelta_from_duration(Duration(seconds=seconds, nanos=nanos), "order.period")
    assert raised.value.violations[0].field == "order.period"
