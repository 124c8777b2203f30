"""``dia export`` and ``dia gantt`` on a saved agenda."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dia.io.agenda_io import read_agenda
from dia.model import Agenda
from dia.report import export
from tests.conftest import invoke


def _saved(agenda: Agenda, folder: Path) -> Path:
    export(agenda, folder, formats=["xlsx", "json"])
    return folder / "agenda.xlsx"


def test_export_renders_chosen_formats_beside_the_agenda(runner: CliRunner, tiny_agenda: Agenda,
                                                         tmp_path: Path) -> None:
    saved = _saved(tiny_agenda, tmp_path)
    result = invoke(runner, "export", saved, "--format", "pdf", "--format", "html")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "gantt.pdf").is_file() and (tmp_path / "report.html").is_file()
    assert not (tmp_path / "gantt.png").exists()
    assert "report.html" in result.output


def test_export_all_in_english_to_another_folder(runner: CliRunner, tiny_agenda: Agenda,
                                                 tmp_path: Path) -> None:
    saved = _saved(tiny_agenda, tmp_path / "in")
    result = invoke(runner, "export", saved, "--lang", "en", "--out", tmp_path / "en", "--format", "all")
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "en").iterdir()}
    assert {"agenda.csv", "agenda.xlsx", "gantt.png", "gantt.svg", "gantt.pdf", "report.html",
            "run.json", "agenda.json"} <= names
    assert read_agenda(tmp_path / "en" / "agenda.xlsx") == tiny_agenda
    assert "Summary for the board" in (tmp_path / "en" / "report.html").read_text(encoding="utf-8")


def test_export_of_a_non_agenda_exits_2_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    bogus = tmp_path / "partner.xlsx"
    bogus.write_bytes(b"not a workbook")
    result = invoke(runner, "export", bogus, "--out", tmp_path / "out", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "not an Excel workbook" in result.output
    assert not (tmp_path / "out").exists()


def test_export_of_a_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "export", tmp_path / "nope.xlsx")
    assert result.exit_code == 2, result.output


def test_gantt_by_partner_to_a_named_file(runner: CliRunner, tiny_agenda: Agenda, tmp_path: Path) -> None:
    saved = _saved(tiny_agenda, tmp_path)
    result = invoke(runner, "gantt", saved, "--group-by", "partner", "--out", tmp_path / "plan.svg")
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "plan.svg").read_text(encoding="utf-8")
    assert "Domijn" in svg and "Gemeente" in svg


def test_gantt_default_file_is_beside_the_agenda(runner: CliRunner, tiny_agenda: Agenda,
                                                 tmp_path: Path) -> None:
    saved = _saved(tiny_agenda, tmp_path)
    result = invoke(runner, "gantt", tmp_path, "--group-by", "type")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "gantt-type.png").is_file()
    assert saved.is_file()


def test_gantt_refuses_an_unknown_suffix(runner: CliRunner, tiny_agenda: Agenda, tmp_path: Path) -> None:
    saved = _saved(tiny_agenda, tmp_path)
    result = invoke(runner, "gantt", saved, "--out", tmp_path / "plan.docx")
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "plan.docx").exists()
