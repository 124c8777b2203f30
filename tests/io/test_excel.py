"""Sheet layout: header detection, title rows, merged and English headers, hidden and empty rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dia.errors import InputError, Reason
from dia.io.area import read_area
from dia.io.excel import column_letter, read_workbook
from tests.io.area_builder import books, write_area


def _projects_sheet(folder: Path, book: str = "Gemeente.xlsx") -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(folder / book)["Projecten"]


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_title_rows_merged_title_and_offset_table(tmp_path: Path) -> None:
    """A title (merged over columns) and a blank line above a table that starts in column B."""
    folder = write_area(tmp_path / "area")
    wb = openpyxl.load_workbook(folder / "Gemeente.xlsx")
    ws = wb["Projecten"]
    ws.insert_rows(1, 2)
    ws.insert_cols(1)
    ws["B1"] = "Projecten Gemeente Enschede 2026-2030"
    ws.merge_cells("B1:F1")
    ws["D4"] = "volgend jaar"  # Projectnaam of GEM-001 stays text; put a bad year instead:
    ws["H4"] = "volgend jaar"
    wb.save(folder / "Gemeente.xlsx")
    with pytest.raises(InputError) as info:
        read_area(folder)
    (problem,) = info.value.errors
    assert (problem.reason, problem.location.cell, problem.location.row) == (Reason.WRONG_TYPE, "H4", 4)
    assert problem.location.column == "Vroegste start"


def test_english_headers_any_case_and_spacing(tmp_path: Path) -> None:
    b = books()
    b["Domijn.xlsx"]["Projects"] = b["Domijn.xlsx"].pop("Projecten")
    b["Domijn.xlsx"]["Projects"][0] = [
        "PROJECT_ID",
        "partner ",
        "Name",
        "type",
        "area",
        "Location",
        "earliest start",
        "Latest_Start",
        "preferred-start",
        "DURATION",
        "cost",
        "Mandatory",
        "value",
        "after",
        "funding",
    ]
    b["Domijn.xlsx"]["CashFlow"] = [["project id", "Year 1", "year_2"], ["DOM-001", 500_000, 1_500_000]]
    del b["Domijn.xlsx"]["Kasstroom"]
    area = read_area(write_area(tmp_path / "area", b)).area
    assert area.project_by_id["DOM-001"].profile == (500_000, 1_500_000)
    assert area.project_by_id["DOM-002"].cost == 1_250_000


def test_vertically_merged_header_cell(tmp_path: Path) -> None:
    """A two-row header where 'Projectcode' is merged over both rows."""
    folder = write_area(tmp_path / "area")
    wb = openpyxl.load_workbook(folder / "Domijn.xlsx")
    ws = wb["Projecten"]
    ws.insert_rows(1)
    ws["A1"] = ws["A2"].value
    ws["A2"] = None
    ws.merge_cells("A1:A2")
    ws["G1"] = "Planning"
    wb.save(folder / "Domijn.xlsx")
    area = read_area(folder).area
    assert {"DOM-001", "DOM-002"} <= set(area.project_by_id)


def test_hidden_rows_are_read_and_mentioned(tmp_path: Path) -> None:
    folder = write_area(tmp_path / "area")
    wb = openpyxl.load_workbook(folder / "Gemeente.xlsx")
    wb["Projecten"].row_dimensions[3].hidden = True
    wb.save(folder / "Gemeente.xlsx")
    read = read_area(folder)
    assert "GEM-002" in read.area.project_by_id
    (warning,) = [w for w in read.warnings if w.location.sheet == "Projecten"]
    assert (
        warning.severity == "warning" and "3" in warning.message and warning.location.file == "Gemeente.xlsx"
    )


def test_empty_rows_trailing_spaces_and_totals_row(tmp_path: Path) -> None:
    b = books()
    rows = b["Gemeente.xlsx"]["Projecten"]
    rows[1][0] = " GEM-001  "
    rows[1][1] = "Gemeente Enschede "
    rows.insert(2, [None] * 15)
    rows.append([None, None, "Totaal", None, None, None, None, None, None, None, 1_750_000])
    read = read_area(write_area(tmp_path / "area", b))
    assert "GEM-001" in read.area.project_by_id
    assert any("Totaal" in w.message or "totals" in w.message for w in read.warnings)


def test_row_numbers_follow_excel_after_empty_rows(tmp_path: Path) -> None:
    b = books()
    rows = b["Gemeente.xlsx"]["Projecten"]
    rows.insert(2, [None] * 15)
    rows[3][9] = "lang"  # GEM-002's duration, now on Excel row 4
    with pytest.raises(InputError) as info:
        read_area(write_area(tmp_path / "area", b))
    assert [p.location.cell for p in info.value.errors] == ["J4"]


def test_duplicate_column_is_an_error(tmp_path: Path) -> None:
    b = books()
    for row in b["Domijn.xlsx"]["Budget"]:
        row.append(row[2])
    with pytest.raises(InputError) as info:
        read_area(write_area(tmp_path / "area", b))
    assert any(p.reason == Reason.INVALID_VALUE and p.location.cell == "D1" for p in info.value.errors)


def test_no_header_row(tmp_path: Path) -> None:
    b = books()
    b["Domijn.xlsx"]["Budget"] = [["Iets", "Anders"], [1, 2]]
    with pytest.raises(InputError) as info:
        read_area(write_area(tmp_path / "area", b))
    assert any(p.reason == Reason.MISSING_COLUMN and p.location.sheet == "Budget" for p in info.value.errors)


def test_second_sheet_of_the_same_kind_is_an_error(tmp_path: Path) -> None:
    folder = write_area(tmp_path / "area")
    wb = openpyxl.load_workbook(folder / "Domijn.xlsx")
    wb.create_sheet("Projects").append(["Projectcode"])
    wb.save(folder / "Domijn.xlsx")
    data = (folder / "Domijn.xlsx").read_bytes()
    book = read_workbook("Domijn.xlsx", data)
    assert any(p.reason == Reason.INVALID_VALUE and p.location.sheet == "Projects" for p in book.problems)


def test_cached_formula_values_are_read(tmp_path: Path) -> None:
    """A formula that Excel saved with its value is read as that value."""
    folder = write_area(tmp_path / "area")
    path = folder / "Domijn.xlsx"
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = "xl/worksheets/sheet1.xml"  # Projecten, the first sheet openpyxl wrote
    xml = parts[sheet].decode()
    # K2 holds 2000000 as a number: replace it with a formula and its cached value, as Excel writes it
    start = xml.index('<c r="K2"')
    end = xml.index("</c>", start) + 4
    xml = xml[:start] + '<c r="K2"><f>1000000*2</f><v>2000000</v></c>' + xml[end:]
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    assert read_area(folder).area.project_by_id["DOM-001"].cost == 2_000_000


def test_hidden_columns_and_sheets_are_read_and_mentioned(tmp_path: Path) -> None:
    folder = write_area(tmp_path / "area")
    wb = openpyxl.load_workbook(folder / "Domijn.xlsx")
    wb["Projecten"].column_dimensions["K"].hidden = True
    wb["Kasstroom"].sheet_state = "hidden"
    wb.save(folder / "Domijn.xlsx")
    read = read_area(folder)
    assert read.area.project_by_id["DOM-001"].profile == (500_000, 1_500_000)
    texts = {(w.location.sheet, w.reason): w.message for w in read.warnings}
    assert "K (Kosten)" in texts[("Projecten", Reason.INVALID_VALUE)]
    assert "hidden" in texts[("Kasstroom", Reason.INVALID_VALUE)]
