"""Garbage-collection tuning of a started server: startup objects frozen, the young threshold raised, or nothing."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from ecolink_common.gc_tuning import tune_garbage_collection


@pytest.fixture(autouse=True)
def interpreter_defaults() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


def test_a_started_server_freezes_its_startup_objects_and_collects_young_ones_less_often() -> None:
    middle, old = gc.get_threshold()[1:]
    tune_garbage_collection(10_000)
    assert gc.get_threshold() == (10_000, middle, old)
    assert gc.get_freeze_count() > 0


def test_zero_keeps_the_interpreters_defaults() -> None:
    gc.unfreeze()
    before = gc.get_threshold()
    tune_garbage_collection(0)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
