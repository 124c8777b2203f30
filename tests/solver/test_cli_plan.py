"""``dia plan``: status, figures, the baseline comparison, outputs and exit codes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.conftest import invoke


def test_plan_example_prints_comparison_and_writes_contract_files(
        runner: CliRunner, example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "plan", example_dir, "--out", out, "--gap", "0.05", "--time-limit", "30",
                    "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Status: " in result.output
    assert "Joint agenda against each partner on its own (baseline):" in result.output
    for label in ("societal value", "savings from couplings", "couplings realised", "budget used (net)"):
        assert label in result.output
    for name in ("agenda.csv", "cashflow.csv", "couplings.csv", "run.json"):
        assert (out / name).is_file(), name


def test_plan_refuses_a_bad_gap_without_writing(runner: CliRunner, example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "plan", example_dir, "--out", out, "--gap", "2")
    assert result.exit_code == 2, result.output
    assert not out.exists()


def test_plan_missing_area_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "plan", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "out").exists()
