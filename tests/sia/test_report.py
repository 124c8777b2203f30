"""The SIA report files: workbook contents, CSV contract, charts in both languages."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import yaml

from dia.report.sia import (
    CSV_COLUMNS,
    build_workbook,
    plot_map,
    plot_scatter,
    plot_themes,
    weights_yaml,
    write_csv,
)
from dia.sia.index import compute_index

from .conftest import FIVE, make_sia_config, make_table


def _result():  # type: ignore[no-untyped-def]
    values = dict(FIVE)
    values["BU03"] = (None, 4.3, 10.0, 10.0, 30.0)
    config = make_sia_config(missing={"policy": "median"})
    return compute_index(make_table(values, {"BU05": 20.0}), config, draws=30), config


def test_workbook_sheets_imputed_cells_and_settings(tmp_path: Path) -> None:
    result, config = _result()
    wb = build_workbook(result, config, "nl")
    assert wb.sheetnames == ["Ranglijst", "Indicatoren", "Instellingen", "Meldingen"]
    ind = wb["Indicatoren"]
    row = next(r for r in range(2, 7) if ind.cell(row=r, column=1).value == "BU03")
    assert ind.cell(row=row, column=3).value is None
    assert ind.cell(row=row, column=3).fill.fgColor.rgb.endswith("FFF2CC")  # imputed: yellow
    settings = wb["Instellingen"]
    shares = [settings.cell(row=r, column=7).value for r in range(2, 7)]
    assert abs(sum(shares[:3]) - 1) < 1e-9 and abs(sum(shares[3:]) - 1) < 1e-9
    messages = wb["Meldingen"]
    texts = [messages.cell(row=r, column=4).value for r in range(2, messages.max_row + 1)]
    assert any("imputed" in t for t in texts) and any("residents" in t for t in texts)
    ranking = wb["Ranglijst"]
    assert [ranking.cell(row=r, column=1).value for r in range(2, 7)] == [1, 2, 3, 4, 5]
    assert wb["Ranglijst"].freeze_panes == "C2"
    en = build_workbook(result, config, "en")
    assert en.sheetnames == ["Ranking", "Indicators", "Settings", "Messages"]
    assert en["Ranking"].cell(row=1, column=7).value == "Urgency"


def test_csv_columns_and_excluded_last(tmp_path: Path) -> None:
    result, config = _result()
    path = write_csv(result, config, tmp_path / "sia.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    assert [r["rank"] for r in rows] == ["1", "2", "3", "4", "5"]
    bu05 = next(r for r in rows if r["buurt_code"] == "BU05")
    assert bu05["few_residents"] == "true" and bu05["residents"] == "20"
    bu03 = next(r for r in rows if r["buurt_code"] == "BU03")
    assert bu03["imputed"] == "perc_huishoudens_laag_inkomen" and bu03["urgency_safety"] != ""
    assert all(r["potential_safety"] == "" for r in rows)  # no potential safety indicator


def test_charts_have_the_words_of_the_language() -> None:
    result, _ = _result()
    fig = plot_scatter(result, "en")
    ax = fig.axes[0]
    assert ax.get_xlabel().startswith("Urgency") and ax.get_ylabel().startswith("Potential")
    assert len(ax.texts) == 5  # one label per buurt
    themes = plot_themes(result, "urgency", "nl")
    assert themes is not None and [a.get_title() for a in themes.axes] == ["sociaal", "fysiek", "veiligheid"]
    square = [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]
    fig = plot_map(result, {"BU01": [square], "BU99": [square]}, "nl", highlight=["BU01"])
    assert [a.get_title() for a in fig.axes if a.get_title()] == ["Urgentie per buurt", "Potentie per buurt"]
    assert any("PDOK" in t.get_text() for t in fig.texts)


def test_weights_yaml_reads_back() -> None:
    text = weights_yaml({"BU2": 1.5, "BU1": 1.0}, source='dia sia "x".csv', config="c",
                        generated="2026-01-01", note="line one\nline two")
    data = yaml.safe_load(text)
    assert data == {"source": 'dia sia "x".csv', "config": "c", "weights": {"BU1": 1.0, "BU2": 1.5}}
    assert text.count("# ") == 4
    assert yaml.safe_load(weights_yaml({}, source="s", config="c", generated="d"))["weights"] == {}


def test_workbook_opens_in_openpyxl(tmp_path: Path) -> None:
    from dia.report.sia import write_workbook

    result, config = _result()
    path = write_workbook(result, config, tmp_path / "sia.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.active is not None and wb.active.title == "Ranglijst"
