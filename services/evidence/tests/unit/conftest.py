"""Fixtures of the evidence use-case tests: a fake clock at NOW and an in-memory unit of work holding ev-1."""

from __future__ import annotations

import pytest

from ecolink_common.clock import FakeClock

from .fakes import NOW, FakeEvidenceUnitOfWork, item


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def uow(clock) -> FakeEvidenceUnitOfWork:
    fake = FakeEvidenceUnitOfWork(clock)
    fake.evidence.items["ev-1"] = item()
    return fake
