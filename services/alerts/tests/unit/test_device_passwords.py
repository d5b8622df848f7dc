"""Device passwords as HMAC-SHA256 digests, and the guard against guessing them (issue 10)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.domain.device_passwords import DevicePasswords, is_password_digest
from ecolink_alerts.gateway.password_guard import GuardLimits, PasswordGuard

KEY = b"k" * 32
AT = datetime(2026, 11, 20, tzinfo=UTC)
LIMITS = GuardLimits(
    source_failures=3,
    mn_failures=4,
    window=timedelta(minutes=10),
    source_block=timedelta(minutes=15),
    mn_delay=timedelta(seconds=1),
)


def test_a_digest_matches_its_password_only_and_depends_on_the_key() -> None:
    passwords = DevicePasswords(KEY)
    digest = passwords.digest("123456")
    assert is_password_digest(digest) and passwords.matches("123456", digest)
    assert not passwords.matches("123457", digest)
    assert DevicePasswords(b"j" * 32).digest("123456") != digest
    assert passwords.digest(digest) == digest  # a stored digest is never digested again


def test_a_plain_stored_password_never_matches() -> None:
    assert not DevicePasswords(KEY).matches("123456", "123456")


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        DevicePasswords(b"short")


def test_the_key_is_made_once_owner_only_and_kept(tmp_path) -> None:
    path = tmp_path / "keys" / "device-password.key"
    first = device_passwords(path).digest("123456")
    assert path.stat().st_mode & 0o077 == 0
    assert device_passwords(path).digest("123456") == first


def test_a_source_is_blocked_after_its_limit_of_failures_and_freed_after_the_block() -> None:
    guard = PasswordGuard(LIMITS)
    for second in range(3):
        assert not guard.blocked("10.0.0.1", AT + timedelta(seconds=second))
        guard.failed("10.0.0.1", "MN1", AT + timedelta(seconds=second))
    assert guard.blocked("10.0.0.1", AT + timedelta(minutes=14))
    assert not guard.blocked("10.0.0.2", AT + timedelta(minutes=1))
    assert not guard.blocked("10.0.0.1", AT + timedelta(minutes=15, seconds=2))


def test_failures_spread_beyond_the_window_do_not_block() -> None:
    guard = PasswordGuard(LIMITS)
    for minutes in (0, 6, 12, 18):
        guard.failed("10.0.0.1", "MN1", AT + timedelta(minutes=minutes))
    assert not guard.blocked("10.0.0.1", AT + timedelta(minutes=18))


def test_a_right_password_forgets_the_source_failures_before_it() -> None:
    guard = PasswordGuard(LIMITS)
    guard.failed("10.0.0.1", "MN1", AT)
    guard.failed("10.0.0.1", "MN1", AT)
    guard.succeeded("10.0.0.1")
    guard.failed("10.0.0.1", "MN1", AT)
    assert not guard.blocked("10.0.0.1", AT)


def test_an_mn_guessed_from_many_sources_is_slowed_not_blocked() -> None:
    guard = PasswordGuard(LIMITS)
    delays = [guard.failed(f"10.0.0.{source}", "MN1", AT) for source in range(6)]
    assert delays == [timedelta(0)] * 4 + [timedelta(seconds=1)] * 2
    assert not guard.blocked("10.0.0.9", AT)


def test_failures_are_flushed_once_as_one_count_per_source_and_mn() -> None:
    guard = PasswordGuard(LIMITS)
    for second in range(2):
        guard.failed("10.0.0.1", "MN1", AT + timedelta(seconds=second))
    guard.failed("10.0.0.2", "MN1", AT)
    counts = guard.flush(AT + timedelta(minutes=5))
    assert [(count.source, count.mn, count.failures) for count in counts] == [
        ("10.0.0.1", "MN1", 2),
        ("10.0.0.2", "MN1", 1),
    ]
    assert counts[0].first_at == AT and counts[0].last_at == AT + timedelta(seconds=1)
    assert guard.flush(AT + timedelta(minutes=10)) == []
