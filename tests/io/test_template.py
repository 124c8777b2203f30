"""The template: contract sheets and headers, explanation, dropdowns; filled in, it validates."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from dia.io.area import load_area
from dia.io.columns import SHEETS
from dia.io.config import load_config
from dia.io.template import write_template
from tests.conftest import invoke
from tests.io.area_builder import write_area


@pytest.fixture
def area_dir(tmp_path: Path) -> Path:
    return write_area(tmp_path / "area")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sheets_headers_and_explanation(area_dir: Path, tmp_path: Path, lang: str) -> None:
    out = write_template(tmp_path / "t.xlsx", load_config(area_dir), "Vitens", lang)  # type: ignore[arg-type]
    wb = openpyxl.load_workbook(out)
    explanation = wb["Uitleg" if lang == "nl" else "Explanation"]
    explained = {row[1] for row in explanation.iter_rows(values_only=True)}
    for spec in SHEETS:
        ws = wb[spec.name(lang)]  # type: ignore[arg-type]
        headers = [c.value for c in ws[1]]
        assert headers[: len(spec.columns)] == [c.header(lang) for c in spec.columns]  # type: ignore[arg-type]
        assert ws.freeze_panes == "A2"
        assert {c.header(lang) for c in spec.columns} <= explained  # type: ignore[arg-type]
    lists = wb["Lijsten" if lang == "nl" else "Lists"]
    assert lists.sheet_state == "hidden"
    budget = wb["Budget"]
    assert [(r[0], r[1]) for r in budget.iter_rows(min_row=2, max_col=2, values_only=True)] == [
        ("Vitens", y) for y in range(2026, 2031)
    ]


def test_dropdowns_and_year_validation(area_dir: Path, tmp_path: Path) -> None:
    out = write_template(tmp_path / "t.xlsx", load_config(area_dir))
    ws = openpyxl.load_workbook(out)["Projecten"]
    rules = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    assert rules["D2"].type == "list" and "Lijsten" in rules["D2"].formula1  # Type
    assert rules["E2"].type == "list"  # Buurtcode
    assert rules["B2"].type == "list"  # Partner
    assert rules["L2"].type == "list"  # Verplicht: ja/nee
    year = rules["G2"]
    assert (year.type, year.formula1, year.formula2) == ("whole", "2026", "2030")
    lists = openpyxl.load_workbook(out)["Lijsten"]
    types = [r[0] for r in lists.iter_rows(min_row=2, max_col=1, values_only=True) if r[0]]
    assert "riolering" in types and "energiecoach" in types


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_filled_in_template_validates(area_dir: Path, tmp_path: Path, lang: str) -> None:
    """Fill the template as a partner would (openpyxl), drop it in the area: it must load."""
    out = write_template(tmp_path / "Vitens.xlsx", load_config(area_dir), "Vitens", lang)  # type: ignore[arg-type]
    wb = openpyxl.load_workbook(out)
    yes, no = ("ja", "nee") if lang == "nl" else ("yes", "no")
    ws = wb["Projecten" if lang == "nl" else "Projects"]
    ws.append(
        [
            "VIT-001",
            "Vitens",
            "Vervanging leiding Tubantiastraat",
            "drinkwater",
            "Tubantia-Toekomst",
            "Tubantiastraat",
            2027,
            2029,
            2028,
            2,
            800_000,
            yes,
            900_000,
            "GEM-001",
            None,
            None,
        ]
    )
    ws.append(
        [
            "VIT-002",
            "Vitens",
            "Leiding Het Lang",
            "drinkwater",
            "BU01530301",
            None,
            2028,
            None,
            None,
            1,
            "€ 300.000",
            no,
            None,
            None,
            None,
            None,
        ]
    )
    for row in wb["Budget"].iter_rows(min_row=2):
        row[2].value = 600_000
        row[3].value = 0.5
    wb["Kasstroom" if lang == "nl" else "CashFlow"].append(["VIT-001", 300_000, 500_000])
    wb.save(out)
    shutil.copy(out, area_dir / "Vitens.xlsx")
    area = load_area(area_dir)
    assert {"VIT-001", "VIT-002"} <= set(area.project_by_id)
    assert area.project_by_id["VIT-001"].profile == (300_000, 500_000)
    assert area.project_by_id["VIT-001"].is_mandatory and not area.project_by_id["VIT-002"].is_mandatory
    assert area.budget_of("Vitens", 2030) is not None


def test_empty_template_in_area_is_harmless(area_dir: Path) -> None:
    write_template(area_dir / "Leeg.xlsx", load_config(area_dir))
    assert len(load_area(area_dir).projects) == 5


def test_cli_writes_and_refuses_to_overwrite(area_dir: Path, tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "Vitens.xlsx"
    result = invoke(runner, "template", out, "--area", area_dir, "--partner", "Vitens", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Projects" in openpyxl.load_workbook(out).sheetnames
    again = invoke(runner, "template", out, "--area", area_dir)
    assert again.exit_code == 2, again.output
    forced = invoke(runner, "template", out, "--area", area_dir, "--force")
    assert forced.exit_code == 0, forced.output
    assert "Projecten" in openpyxl.load_workbook(out).sheetnames


def test_cli_bad_config_exits_2(tmp_path: Path, runner: CliRunner) -> None:
    folder = write_area(tmp_path / "area", horizon={"start": 2030, "end": 2020})
    result = invoke(runner, "template", tmp_path / "x.xlsx", "--area", folder)
    assert result.exit_code == 2, result.output
    assert "horizon" in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_template_help_has_an_example(runner: CliRunner) -> None:
    result = invoke(runner, "template", "--help")
    assert result.exit_code == 0 and "dia template Vitens.xlsx --area" in result.output
