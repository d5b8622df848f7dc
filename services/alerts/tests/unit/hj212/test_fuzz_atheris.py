"""The atheris harness in CI: coverage-guided inputs, seeded with the recorded packets, raise no undocumented error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris", reason="atheris has wheels for x86_64 Linux only")

HARNESS = Path(__file__).parents[2] / "fuzz" / "fuzz_hj212.py"
RECORDED = Path(__file__).parent / "data" / "packets.jsonl"
RUNS = 100_000
SECONDS = 30


def test_coverage_guided_fuzzing_finds_no_crash(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, line in enumerate(RECORDED.read_text().splitlines()):
        (corpus / f"recorded-{number:03d}").write_bytes(json.loads(line)["packet"].encode("utf-8", "replace"))
    result = subprocess.run(
        [sys.executable, str(HARNESS), f"-atheris_runs={RUNS}", f"-max_total_time={SECONDS}", str(corpus)],
        capture_output=True,
        text=True,
        timeout=SECONDS * 3,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Done" in result.stderr, result.stderr[-2000:]
