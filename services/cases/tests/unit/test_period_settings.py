"""The legal periods as settings (DOMAIN §3.3): both public-notice periods and any dated override reach the table
the service uses; a malformed override stops the service from starting."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from ecolink_cases.domain.legal_periods import DEFAULT_PERIODS, Period
from ecolink_cases.settings import CasesSettings


def test_the_defaults_are_the_dated_table():
    periods = CasesSettings().legal_periods()
    assert periods.end(Period.PUBLIC_NOTICE_SERVICE, date(2021, 10, 27)) == date(2021, 12, 26)
    assert periods.end(Period.PUBLIC_NOTICE_SERVICE, date(2023, 3, 1)) == date(2023, 3, 31)
    assert periods.end(Period.PAYMENT, date(2023, 3, 1)) == DEFAULT_PERIODS.end(Period.PAYMENT, date(2023, 3, 1))


def test_both_public_notice_periods_and_overrides_are_settings(monkeypatch):
    monkeypatch.setenv("CASES_PUBLIC_NOTICE_DAYS_BEFORE_2022", "45")
    monkeypatch.setenv("CASES_PUBLIC_NOTICE_DAYS_FROM_2022", "20")
    monkeypatch.setenv(
        "CASES_LEGAL_PERIOD_OVERRIDES",
        '[{"period": "payment", "amount": 20, "applies_from": "2027-01-01", "source": "a later amendment"}]',
    )
    periods = CasesSettings().legal_periods()
    assert periods.end(Period.PUBLIC_NOTICE_SERVICE, date(2021, 10, 27)) == date(2021, 12, 11)
    assert periods.end(Period.PUBLIC_NOTICE_SERVICE, date(2023, 3, 1)) == date(2023, 3, 21)
    assert periods.end(Period.PAYMENT, date(2026, 12, 1)) == date(2026, 12, 16)
    assert periods.end(Period.PAYMENT, date(2027, 1, 1)) == date(2027, 1, 21)


def test_a_malformed_override_is_refused_at_start(monkeypatch):
    monkeypatch.setenv("CASES_LEGAL_PERIOD_OVERRIDES", '[{"period": "coffee_break", "amount": 1, "source": "x"}]')
    with pytest.raises(ValidationError):
        CasesSettings()
