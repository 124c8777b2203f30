"""Smoke runs of the benchmarks: a benchmark that only crashes is still a failure.

Each script runs at its ``--size small`` setting in a subprocess and must exit 0
and print its table. The figures themselves are never asserted (see DESIGN.md:
speed is measured by the benchmarks, not by timed tests). The scenario
benchmark is left out: even its small setting solves the example many times.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SMOKE = [
    ("bench_load.py", ["--size", "small"]),
    ("bench_coupling.py", ["--size", "small"]),
    ("bench_outputs.py", ["--size", "small", "--no-example"]),
    ("bench_sia.py", ["--size", "small"]),
    ("bench_solver.py", ["--size", "small"]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("script", "args"), SMOKE, ids=[s for s, _ in SMOKE])
def test_benchmark_smoke_run(script: str, args: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # every benchmark prints a table: a header and at least one row of figures
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) >= 2, result.stdout + result.stderr
    assert any(ch.isdigit() for ch in "".join(lines[1:])), result.stdout
