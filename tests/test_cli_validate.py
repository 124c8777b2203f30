"""``dia validate``: a summary and exit 0 for a valid area, the problem table and exit 2 otherwise."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.conftest import invoke
from tests.io.area_builder import books, write_area


def test_valid_area_prints_summary(tmp_path: Path, runner: CliRunner) -> None:
    folder = write_area(tmp_path / "area")
    result = invoke(runner, "validate", folder)
    assert result.exit_code == 0, result.output
    assert "Gemeente Enschede" in result.output and "Domijn" in result.output
    assert "5 projecten" in result.output
    # per year: 2026 budget 0.9 + 1.2 mln, plus the 0.1 mln fund
    assert "2026" in result.output and "2,1" in result.output


def test_summary_in_english(tmp_path: Path, runner: CliRunner) -> None:
    folder = write_area(tmp_path / "area")
    result = invoke(runner, "validate", folder, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "5 projects" in result.output and "Balance" in result.output


def test_invalid_area_lists_every_problem_and_exits_2(tmp_path: Path, runner: CliRunner) -> None:
    b = books()
    b["Gemeente.xlsx"]["Projecten"][1][6] = 2019
    b["Domijn.xlsx"]["Projecten"][2][9] = "lang"
    folder = write_area(tmp_path / "area", b)
    result = invoke(runner, "validate", folder)
    assert result.exit_code == 2, result.output
    assert "G2" in result.output and "Gemeente.xlsx" in result.output and "2019" in result.output
    assert "J3" in result.output and "Domijn.xlsx" in result.output
    assert "Traceback" not in result.output


def test_warnings_do_not_fail(tmp_path: Path, runner: CliRunner) -> None:
    b = books()
    b["Domijn.xlsx"]["Projecten"][0].append("Opmerking")
    folder = write_area(tmp_path / "area", b)
    result = invoke(runner, "validate", folder)
    assert result.exit_code == 0, result.output
    assert "Opmerking" in result.output


def test_missing_folder_exits_2(tmp_path: Path, runner: CliRunner) -> None:
    result = invoke(runner, "validate", tmp_path / "nowhere")
    assert result.exit_code == 2, result.output


def test_help_has_an_example(runner: CliRunner) -> None:
    result = invoke(runner, "validate", "--help")
    assert result.exit_code == 0 and "dia validate examples/twekkelerveld" in result.output


def test_bundled_example_validates(example_dir: Path, runner: CliRunner) -> None:
    result = invoke(runner, "validate", example_dir)
    assert result.exit_code == 0, result.output
    assert "Twekkelerveld" in result.output
