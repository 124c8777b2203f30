"""read_agenda: exact round trip through agenda.json and agenda.xlsx, clear errors otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from dia.errors import InputError, Reason
from dia.io.agenda_io import agenda_from_json, agenda_to_chunks, agenda_to_json, read_agenda
from dia.model import Agenda
from dia.report import export


def test_json_round_trip_is_exact(tiny_agenda: Agenda, tmp_path: Path) -> None:
    export(tiny_agenda, tmp_path, formats=["json"])
    assert read_agenda(tmp_path / "agenda.json") == tiny_agenda
    assert read_agenda(tmp_path) == tiny_agenda


def test_big_agenda_round_trips_in_chunks(big_agenda: tuple[object, Agenda]) -> None:
    _, agenda = big_agenda
    chunks = agenda_to_chunks(agenda)
    assert len(chunks) > 1
    assert all(len(c) <= 32_000 for c in chunks)
    from dia.errors import Location

    assert agenda_from_json("".join(chunks), Location()) == agenda


def test_missing_path_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_agenda(tmp_path / "nope.xlsx")
    assert info.value.problems[0].reason == Reason.NOT_FOUND
    with pytest.raises(InputError) as info:
        read_agenda(tmp_path)
    assert info.value.problems[0].reason == Reason.NOT_FOUND


def test_json_that_is_not_an_agenda_is_refused(tmp_path: Path) -> None:
    (tmp_path / "agenda.json").write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_agenda(tmp_path / "agenda.json")
    assert info.value.problems[0].reason == Reason.CORRUPT_FILE
    (tmp_path / "agenda.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_agenda(tmp_path / "agenda.json")
    assert info.value.problems[0].reason == Reason.CORRUPT_FILE


def test_invalid_stored_agenda_names_the_field(tiny_agenda: Agenda, tmp_path: Path) -> None:
    text = agenda_to_json(tiny_agenda).replace('"horizon_start": 2026', '"horizon_start": "soon"')
    (tmp_path / "agenda.json").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_agenda(tmp_path / "agenda.json")
    problem = info.value.problems[0]
    assert problem.reason == Reason.INVALID_VALUE
    assert problem.location.key == "agenda.horizon_start"


def test_wrong_version_is_refused(tiny_agenda: Agenda, tmp_path: Path) -> None:
    text = agenda_to_json(tiny_agenda).replace('"version": 1', '"version": 99')
    (tmp_path / "agenda.json").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_agenda(tmp_path / "agenda.json")
    assert info.value.problems[0].reason == Reason.INVALID_VALUE


def test_non_workbook_is_refused(tmp_path: Path) -> None:
    (tmp_path / "agenda.xlsx").write_text("plain text", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_agenda(tmp_path / "agenda.xlsx")
    assert info.value.problems[0].reason == Reason.NOT_XLSX


def test_workbook_without_data_sheet_is_not_an_agenda(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Projecten"
    wb.save(tmp_path / "partner.xlsx")
    with pytest.raises(InputError) as info:
        read_agenda(tmp_path / "partner.xlsx")
    assert info.value.problems[0].reason == Reason.MISSING_SHEET
    assert info.value.problems[0].location.sheet == "_dia"


def test_folder_with_only_a_workbook_is_read(tiny_agenda: Agenda, tmp_path: Path) -> None:
    export(tiny_agenda, tmp_path, formats=["xlsx"])
    assert read_agenda(tmp_path) == tiny_agenda
