"""The clock port: a fake clock stands still until a test moves it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ecolink_common.clock import SYSTEM_CLOCK, FakeClock


def test_a_fake_clock_stands_still_until_advanced_or_set():
    start = datetime(2021, 10, 27, 9, tzinfo=UTC)
    clock = FakeClock(start)
    assert clock.now() == clock.now() == start
    assert clock.advance(timedelta(days=60)) == clock.now() == datetime(2021, 12, 26, 9, tzinfo=UTC)
    clock.set(start)
    assert clock.now() == start


def test_a_fake_clock_refuses_a_naive_moment():
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(datetime(2021, 10, 27))
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(datetime(2021, 10, 27, tzinfo=UTC)).set(datetime(2021, 10, 28))


def test_the_system_clock_is_aware_utc():
    assert SYSTEM_CLOCK.now().tzinfo is UTC
