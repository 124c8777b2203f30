"""agenda.xlsx: sheets, formats, shading, colours, injection safety, reproducible bytes, round trip."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dia.io.agenda_io import read_agenda
from dia.model import Agenda, Area, Partner
from dia.report import export
from dia.report.colours import partner_colours, tint
from tests.report.factory import TINY_STARTS, agenda_for


def _export(agenda: Agenda, out: Path, **kwargs: object) -> openpyxl.Workbook:
    export(agenda, out, formats=["xlsx"], **kwargs)  # type: ignore[arg-type]
    return openpyxl.load_workbook(out / "agenda.xlsx")


@pytest.mark.parametrize(("lang", "names"), [
    ("nl", ["Agenda", "Kasstroom", "Koppelkansen", "Scenario", "_dia"]),
    ("en", ["Agenda", "CashFlow", "Couplings", "Scenario", "_dia"]),
], ids=["nl", "en"])
def test_sheets_and_languages(tiny_agenda: Agenda, tmp_path: Path, lang: str, names: list[str]) -> None:
    wb = _export(tiny_agenda, tmp_path, lang=lang)
    assert wb.sheetnames == names
    assert wb["_dia"].sheet_state == "hidden"
    assert all(wb[n].sheet_state == "visible" for n in names[:-1])
    header = [c.value for c in wb["Agenda"][1]]
    assert header[0] == ("Projectcode" if lang == "nl" else "Project")
    assert header[-5:] == ["2026", "2027", "2028", "2029", "2030"]


def test_agenda_sheet_is_formatted(tiny_area: Area, tiny_agenda: Agenda, tmp_path: Path) -> None:
    wb = _export(tiny_agenda, tmp_path, area=tiny_area)
    ws = wb["Agenda"]
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:")
    header = [c.value for c in ws[1]]
    cost_col = header.index("Kosten") + 1
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    g001 = rows["G-001"]
    assert ws.cell(row=g001, column=cost_col).value == 1_000_000
    assert "€" in ws.cell(row=g001, column=cost_col).number_format
    assert ws.cell(row=g001, column=header.index("Straat") + 1).value == "Tubantiastraat"
    assert ws.cell(row=g001, column=header.index("Buurtnaam") + 1).value == "Tubantia-Toekomst"
    assert ws.cell(row=g001, column=header.index("Type") + 1).value == "Rioolvervanging"
    assert rows[ws.cell(row=ws.max_row, column=1).value] == ws.max_row  # totals row last
    assert ws.cell(row=ws.max_row, column=1).value == "Totaal"
    assert ws.cell(row=ws.max_row, column=cost_col).value == pytest.approx(3_600_000)
    assert all((ws.column_dimensions[c].width or 0) > 6 for c in ("A", "B", "C"))


def test_year_block_shades_active_years_in_partner_colour(tiny_agenda: Agenda, tmp_path: Path) -> None:
    wb = _export(tiny_agenda, tmp_path)
    ws = wb["Agenda"]
    header = [c.value for c in ws[1]]
    colours = partner_colours(tiny_agenda)
    for r in range(2, ws.max_row):
        pid = ws.cell(row=r, column=1).value
        p = next(p for p in tiny_agenda.projects if p.project_id == pid)
        for year in range(2026, 2031):
            cell = ws.cell(row=r, column=header.index(str(year)) + 1)
            active = p.start_year is not None and p.start_year <= year <= (p.end_year or 0)
            shaded = cell.fill.fill_type == "solid"
            assert shaded == active, (pid, year)
            if active:
                assert cell.fill.fgColor.rgb.endswith(tint(colours[p.partner], 0.35)[1:])
                assert cell.value == pytest.approx(sum(s.amount for s in p.spend if s.year == year))
    d001 = next(r for r in range(2, ws.max_row) if ws.cell(row=r, column=1).value == "D-001")
    assert ws.cell(row=d001, column=header.index("2029") + 1).value == pytest.approx(1_500_000)


def test_configured_partner_colour_is_used(tiny_area: Area, tiny_agenda: Agenda, tmp_path: Path) -> None:
    config = tiny_area.config.model_copy(update={"partners": (Partner(name="Domijn", colour="#aa0000"),)})
    area = tiny_area.model_copy(update={"config": config})
    colours = partner_colours(tiny_agenda, area)
    assert colours["Domijn"] == "#AA0000"
    assert colours["Gemeente"] != "#AA0000"
    wb = _export(tiny_agenda, tmp_path, area=area)
    ws = wb["Agenda"]
    row = next(r for r in range(2, ws.max_row) if ws.cell(row=r, column=2).value == "Domijn")
    assert ws.cell(row=row, column=2).fill.fgColor.rgb.endswith(tint("#AA0000", 0.55)[1:])


def test_cashflow_sheet_flags_over_budget(tiny_agenda: Agenda, tmp_path: Path) -> None:
    wb = _export(tiny_agenda, tmp_path)
    ws = wb["Kasstroom"]
    rules = [rule for rng in ws.conditional_formatting for rule in rng.rules]
    assert rules and any("<-0.5" in f for rule in rules for f in rule.formula)
    header = [c.value for c in ws[1]]
    room_col = header.index("Ruimte") + 1
    # every data row has headroom >= 0 in a feasible agenda (the formatting stays quiet)
    for r in range(2, 2 + len(tiny_agenda.cashflow)):
        assert ws.cell(row=r, column=room_col).value >= -0.5
    totals = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    assert totals[-1] == "Totaal"


def test_formula_text_is_written_as_text(tiny_area: Area, tmp_path: Path) -> None:
    evil = '=HYPERLINK("http://evil.example","klik")'
    projects = [p.model_dump() | ({"name": evil, "partner": "Gemeente"} if p.id == "G-002" else {})
                for p in tiny_area.projects]
    area = Area.model_validate(tiny_area.model_dump() | {"projects": projects})
    agenda = agenda_for(area, TINY_STARTS)
    export(agenda, tmp_path, formats=["xlsx"], area=area)
    wb = openpyxl.load_workbook(tmp_path / "agenda.xlsx")
    ws = wb["Agenda"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == evil]
    assert cells, "the name must be there, verbatim"
    for cell in cells:
        assert cell.data_type == "s"
        assert cell.quotePrefix
    koppel = wb["Koppelkansen"]
    assert any(c.value == evil and c.data_type == "s" for row in koppel.iter_rows() for c in row)
    # the raw sheet XML holds no formula at all
    import zipfile

    with zipfile.ZipFile(tmp_path / "agenda.xlsx") as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    assert read_agenda(tmp_path / "agenda.xlsx") == agenda


def test_control_characters_do_not_break_the_workbook(tiny_area: Area, tmp_path: Path) -> None:
    projects = [p.model_dump() | ({"name": "Riool\x01straat\x1f"} if p.id == "G-001" else {})
                for p in tiny_area.projects]
    area = Area.model_validate(tiny_area.model_dump() | {"projects": projects})
    agenda = agenda_for(area, TINY_STARTS)
    export(agenda, tmp_path, formats=["xlsx"])
    assert read_agenda(tmp_path / "agenda.xlsx") == agenda


def test_workbook_bytes_are_reproducible(tiny_agenda: Agenda, tmp_path: Path) -> None:
    export(tiny_agenda, tmp_path / "a", formats=["xlsx"])
    export(tiny_agenda, tmp_path / "b", formats=["xlsx"])
    assert (tmp_path / "a" / "agenda.xlsx").read_bytes() == (tmp_path / "b" / "agenda.xlsx").read_bytes()


def test_workbook_round_trip_is_exact(big_agenda: tuple[Area, Agenda], tmp_path: Path) -> None:
    area, agenda = big_agenda
    export(agenda, tmp_path, formats=["xlsx"], area=area, lang="en")
    assert read_agenda(tmp_path / "agenda.xlsx") == agenda
    wb = openpyxl.load_workbook(tmp_path / "agenda.xlsx", read_only=True)
    assert wb["Agenda"].max_row == len(agenda.projects) + 2


def test_scenario_sheet_names_finding_kinds(tiny_agenda: Agenda, tmp_path: Path) -> None:
    wb = _export(tiny_agenda, tmp_path, lang="en")
    values = [c.value for row in wb["Scenario"].iter_rows() for c in row]
    assert "Not included" in values  # the 'dropped' finding, translated
    assert "D-002 does not fit its window" in values
    assert tiny_agenda.run.input_hash in values


def test_spend_after_the_horizon_is_shown_not_budgeted(tiny_area: Area, tmp_path: Path) -> None:
    # D-001 (2 years, € 0.5 + 1.5 mln) started in the horizon's last year runs one year past it
    agenda = agenda_for(tiny_area, {**TINY_STARTS, "D-001": 2030})
    wb = _export(agenda, tmp_path)
    ws = wb["Agenda"]
    header = [c.value for c in ws[1]]
    assert header[-2:] == ["2030", "Uitgaven na 2030"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(row=rows["D-001"], column=len(header) - 1).value == pytest.approx(500_000)
    assert ws.cell(row=rows["D-001"], column=len(header)).value == pytest.approx(1_500_000)
    assert ws.cell(row=rows["G-001"], column=len(header)).value is None
    assert ws.cell(row=ws.max_row, column=len(header)).value == pytest.approx(1_500_000)
    # the partner totals of the cash-flow sheet say who committed it; the budget rows stop at 2030
    cash = wb["Kasstroom"]
    years = {cash.cell(row=r, column=2).value for r in range(2, cash.max_row + 1)}
    assert 2031 not in years
    title = next(r for r in range(2, cash.max_row + 1) if cash.cell(row=r, column=1).value == "Totaal")
    labels = [c.value for c in cash[title]]
    domijn = next(r for r in range(title, cash.max_row + 1) if cash.cell(row=r, column=1).value == "Domijn")
    column = labels.index("Uitgaven na 2030") + 1
    assert cash.cell(row=domijn, column=column).value == pytest.approx(1_500_000)


def test_no_after_horizon_column_when_everything_ends_in_time(tiny_agenda: Agenda, tmp_path: Path) -> None:
    wb = _export(tiny_agenda, tmp_path, lang="en")
    assert not any("after" in str(c.value) for c in wb["Agenda"][1])
    assert not any("after" in str(c.value) for row in wb["CashFlow"].iter_rows() for c in row)
