"""Every bad input of the catalogue yields its reason at its place; oddities only warn."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from dia.errors import InputError, Problem
from dia.io.area import read_area
from tests.conftest import invoke
from tests.io.bad.cases import CASES, WARNING_CASES, Case, Expect


def _matches(p: Problem, e: Expect) -> bool:
    loc = p.location
    return (
        p.reason.value == e.reason
        and all(
            getattr(loc, name) == getattr(e, name)
            for name in ("file", "sheet", "cell", "key", "column")
            if getattr(e, name) is not None
        )
        and (e.text is None or e.text in p.message)
    )


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_reported_at_its_place(case: Case, tmp_path: Path) -> None:
    folder = case.make(tmp_path / "area")
    before = _snapshot(folder)
    with pytest.raises(InputError) as info:
        read_area(folder)
    problems = info.value.problems
    for expect in case.expect:
        assert any(_matches(p, expect) for p in problems), (expect, [str(p) for p in problems])
    assert _snapshot(folder) == before, "the reader must never modify its inputs"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_exits_2_without_traceback(case: Case, tmp_path: Path, runner: CliRunner) -> None:
    folder = case.make(tmp_path / "area")
    result = invoke(runner, "validate", folder)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", WARNING_CASES, ids=[c.id for c in WARNING_CASES])
def test_oddities_warn_but_load(case: Case, tmp_path: Path) -> None:
    folder = case.make(tmp_path / "area")
    read = read_area(folder)
    for expect in case.warnings:
        assert any(_matches(p, expect) for p in read.warnings), [str(p) for p in read.warnings]
    assert all(p.severity == "warning" for p in read.warnings)
    assert read.area.projects
