"""Fixtures shared by the ecolink-common unit tests: the demo directory file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecolink_common.directory import DirectoryFile, read_directory_file

DEMO_DIRECTORY_PATH = Path(__file__).resolve().parents[4] / "data" / "directory" / "demo-directory.json"


@pytest.fixture(scope="session")
def demo_directory_path() -> Path:
    return DEMO_DIRECTORY_PATH


@pytest.fixture(scope="session")
def demo_directory() -> DirectoryFile:
    directory, _ = read_directory_file(DEMO_DIRECTORY_PATH)
    return directory
