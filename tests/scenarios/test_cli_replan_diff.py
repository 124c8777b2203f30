"""dia replan and dia diff on the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dia.model import Agenda
from dia.report import export
from tests.conftest import invoke
from tests.scenarios.agendas import make_agenda


def saved(agenda: Agenda, folder: Path) -> Path:
    export(agenda, folder, formats=("json",))
    return folder / "agenda.json"


def test_diff_lists_what_moved(runner: CliRunner, tmp_path: Path) -> None:
    old = saved(make_agenda({"D-1": 2027, "D-2": 2028, "G-1": None}), tmp_path / "oud")
    new = saved(make_agenda({"D-1": 2029, "D-2": None, "G-1": 2030}), tmp_path / "nieuw")
    out = tmp_path / "diff"
    result = invoke(runner, "diff", old, new, "--out", out)
    assert result.exit_code == 0, result.output
    assert "3 verschil(len)" in result.output
    assert "D Project D-1: 2027 → 2029" in result.output
    assert "D Project D-2: 2028 → vervalt" in result.output
    lines = (out / "changes.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "project_id,partner,name,change,old_start,new_start,text"
    assert lines[1].startswith("D-1,D,Project D-1,moved,2027,2029,")


def test_diff_of_equal_agendas(runner: CliRunner, tmp_path: Path) -> None:
    old = saved(make_agenda({"D-1": 2027}), tmp_path / "a")
    result = invoke(runner, "diff", old, old, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "No differences." in result.output


def test_diff_of_a_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    old = saved(make_agenda({"D-1": 2027}), tmp_path / "a")
    result = invoke(runner, "diff", old, tmp_path / "nergens.xlsx")
    assert result.exit_code == 2, result.output


def test_replan_with_a_mismatching_agenda_lists_projects_and_exits_2(runner: CliRunner, example_dir: Path,
                                                                     tmp_path: Path) -> None:
    previous = saved(make_agenda({"XYZ-001": 2026, "GEM-001": 2026}), tmp_path / "oud")
    out = tmp_path / "nieuw"
    result = invoke(runner, "replan", example_dir, "--previous", previous, "--freeze-until", 2028,
                    "--out", out, "--quiet")
    assert result.exit_code == 2, result.output
    assert "XYZ-001" in result.output and "DOM-001" in result.output
    assert "--accept-mismatch" in result.output
    assert not out.exists()


@pytest.fixture
def two_partner_area(example_dir: Path, tmp_path: Path) -> Path:
    """The example with only the gemeente's and the waterschap's workbooks: fast to solve."""
    folder = tmp_path / "klein"
    folder.mkdir()
    for name in ("dia.yaml", "sia_weights.yaml", "Gemeente Enschede.xlsx", "Waterschap Vechtstromen.xlsx"):
        shutil.copyfile(example_dir / name, folder / name)
    return folder


def test_replan_end_to_end(runner: CliRunner, two_partner_area: Path, tmp_path: Path) -> None:
    from dia.api import plan
    from dia.io.area import load_area

    example_dir = two_partner_area
    area = load_area(example_dir)
    first = plan(area)
    previous = saved(first, tmp_path / "2026")
    out = tmp_path / "2029"
    result = invoke(runner, "replan", example_dir, "--previous", previous, "--freeze-until", 2029,
                    "--out", out, "--quiet")
    assert result.exit_code == 0, result.output
    assert (out / "changes.csv").is_file() and (out / "agenda.csv").is_file()
    from dia.io.agenda_io import read_agenda

    again = {p.project_id: p for p in read_agenda(out).projects}
    for p in first.projects:
        if p.is_selected and p.start_year is not None and p.start_year < 2029:
            assert again[p.project_id].start_year == p.start_year
