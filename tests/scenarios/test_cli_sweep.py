"""dia sweep on the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.conftest import invoke
from tests.scenarios.test_cli_compare import SMALL


def test_sweep_prints_and_writes(runner: CliRunner, example_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "klein.yaml").write_text(SMALL, encoding="utf-8")
    sweep_file = tmp_path / "s.yaml"
    sweep_file.write_text("scenario: klein.yaml\ncosts: [{min: 0, max: 0.3}]\n"
                          "budgets: [{partner: Gemeente Enschede, min: -0.1, max: 0.1}]\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(runner, "sweep", example_dir, "--sweep", sweep_file, "--draws", 3, "--seed", 4,
                    "--processes", 1, "--out", out, "--quiet", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "3 draws, seed 4, 3 with an agenda" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "sweep.xlsx", "sweep_draws.csv", "sweep_figures.csv", "sweep_projects.csv", "sweep_projects.png",
        "sweep_spread.png"]
    rows = (out / "sweep_projects.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("project_id,partner,name,scheduled,verdict,2026,")
    from dia.io.area import load_area

    kept = {"Gemeente Enschede", "Waterschap Vechtstromen"}
    left = [p for p in load_area(example_dir).projects if {p.partner, *(s.partner for s in p.shares)} <= kept]
    assert len(rows) == 1 + len(left)  # only the two partners the sweep's scenario keeps


def test_bad_sweep_file_exits_2(runner: CliRunner, example_dir: Path, tmp_path: Path) -> None:
    sweep_file = tmp_path / "s.yaml"
    sweep_file.write_text("budgets: [{partner: Gemeente Enschede, min: -0.1, max: 0.1, p: 3}]\n",
                          encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(runner, "sweep", example_dir, "--sweep", sweep_file, "--draws", 3, "--out", out)
    assert result.exit_code == 2, result.output
    assert "s.yaml" in result.output and "budgets[0].p" in result.output
    assert not out.exists()
