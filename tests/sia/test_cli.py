"""``dia sia``: the bundled example end to end, weights for an area, bad input -> exit 2."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import invoke

from .conftest import COLUMNS, FIVE, SIA_YAML, five_csv, write_csv

HEADER = ["buurtcode", "buurtnaam", "wijkcode", "aantal_inwoners", *COLUMNS]


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    config = tmp_path / "sia.yaml"
    config.write_text(SIA_YAML, encoding="utf-8")
    return five_csv(tmp_path / "ind.csv"), config


def test_example_end_to_end(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    area = tmp_path / "area"
    area.mkdir()
    (area / "dia.yaml").write_text("name: T\nbuurten:\n  - {code: BU01530301, name: Twekkelerveld}\n"
                                   "  - {code: BU01530300, name: Tubantia-Toekomst}\n", encoding="utf-8")
    weights_file = tmp_path / "sia_weights.yaml"
    result = invoke(runner, "sia", "--example", "--out", out, "--draws", 200, "--area", area,
                    "--emit-weights", weights_file, "--top", 5)
    assert result.exit_code == 0, result.output
    assert "fictieve indicatoren" in result.output and "Integrale aanpak" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "sia.csv", "sia.xlsx", "sia_map.png", "sia_scatter.png", "sia_themes_potential.png",
        "sia_themes_urgency.png"]
    with open(out / "sia.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 70 and rows[0]["rank"] == "1"
    by_code = {r["buurt_code"]: r for r in rows}
    data = yaml.safe_load(weights_file.read_text(encoding="utf-8"))
    assert set(data) == {"source", "config", "weights"}
    assert sorted(data["weights"]) == ["BU01530300", "BU01530301"]
    for code, weight in data["weights"].items():
        assert weight == pytest.approx(1 + float(by_code[code]["urgency"]) / 100, abs=6e-3)
        assert by_code[code]["weight"] == f"{weight:.3f}"
    assert data["source"] == "dia sia indicatoren_fictief.csv --config sia.yaml --area area"
    wb = openpyxl.load_workbook(out / "sia.xlsx", read_only=True)
    assert wb.sheetnames == ["Ranglijst", "Indicatoren", "Instellingen", "Meldingen"]


def test_same_bytes_whatever_the_row_order(runner: CliRunner, tmp_path: Path, inputs: tuple[Path, Path],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    table, config = inputs
    shuffled = tmp_path / "shuffled" / "ind.csv"
    shuffled.parent.mkdir()
    rows = [[code, f"Buurt {code}", "WK1", 1000, *vals] for code, vals in FIVE.items()]
    random.Random(4).shuffle(rows)
    write_csv(shuffled, HEADER, rows)
    outs = []
    for i, path in enumerate((table, shuffled)):
        out = tmp_path / f"out{i}"
        result = invoke(runner, "sia", path, "--config", config, "--out", out,
                        "--emit-weights", out / "w.yaml", "--lang", "en")
        assert result.exit_code == 0, result.output
        outs.append(out)
    names = sorted(p.name for p in outs[0].iterdir())
    assert "sia_map.png" not in names and "sia.xlsx" in names
    assert names == sorted(p.name for p in outs[1].iterdir())
    for name in names:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    assert "on 2023-11-14" in (outs[0] / "w.yaml").read_text(encoding="utf-8")
    wb = openpyxl.load_workbook(outs[0] / "sia.xlsx", read_only=True)
    assert wb.sheetnames == ["Ranking", "Indicators", "Settings", "Messages"]


def test_formula_like_names_stay_text(runner: CliRunner, tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    _, config = inputs
    rows = [[code, f"Buurt {code}", "WK1", 1000, *vals] for code, vals in FIVE.items()]
    rows[0][1] = "=HYPERLINK(\"http://x\")"
    table = write_csv(tmp_path / "evil.csv", HEADER, rows, sep=";")
    out = tmp_path / "out"
    result = invoke(runner, "sia", table, "--config", config, "--out", out, "--draws", 0)
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out / "sia.xlsx")
    cells = [c for row in wb["Ranglijst"].iter_rows() for c in row if c.value == rows[0][1]]
    assert cells and all(c.data_type == "s" for c in cells)


def _break(kind: str, tmp_path: Path, inputs: tuple[Path, Path]) -> tuple[Path, Path, str]:
    """Write one bad input; return (table, config, text the error must show)."""
    table, config = inputs
    rows = [[code, f"Buurt {code}", "WK1", 1000, *vals] for code, vals in FIVE.items()]
    if kind == "unknown_indicator":
        config.write_text(SIA_YAML.replace("overlast_per_1000", "overlast_per_10000"), encoding="utf-8")
        return table, config, "indicators.overlast_per_10000"
    if kind == "missing_column":
        header = [h for h in HEADER if h != "leefbaarometer"]
        rows = [r[:5] + r[6:] for r in rows]
        return write_csv(table, header, rows), config, "leefbaarometer"
    if kind == "non_numeric":
        rows[2][6] = "veel"
        return write_csv(table, HEADER, rows), config, "overlast_per_1000"
    if kind == "duplicate_code":
        rows[3][0] = "BU02"
        return write_csv(table, HEADER, rows), config, "buurtcode"
    if kind == "zero_weights":
        text = SIA_YAML.replace("weight: 2}", "weight: 0}").replace(
            "direction: higher_is_better}\n  overlast", "direction: higher_is_better, weight: 0}\n  overlast")
        text = text.replace("overlast_per_1000: {group: urgency, theme: safety, direction: higher_is_worse}",
                            "overlast_per_1000: {group: urgency, theme: safety, direction: higher_is_worse, "
                            "weight: 0}")
        config.write_text(text, encoding="utf-8")
        return table, config, "weight"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["unknown_indicator", "missing_column", "non_numeric", "duplicate_code",
                                  "zero_weights"])
def test_bad_input_exits_2_located_and_writes_nothing(runner: CliRunner, tmp_path: Path,
                                                      inputs: tuple[Path, Path], kind: str) -> None:
    table, config, shown = _break(kind, tmp_path, inputs)
    out = tmp_path / "out"
    weights = tmp_path / "w.yaml"
    result = invoke(runner, "sia", table, "--config", config, "--out", out, "--emit-weights", weights)
    assert result.exit_code == 2, result.output
    assert shown in result.output and "Traceback" not in result.output
    assert (table.name if kind in ("missing_column", "non_numeric", "duplicate_code") else config.name) \
        in result.output
    if kind in ("non_numeric", "duplicate_code"):
        assert " 4 " in result.output or " 5 " in result.output  # the row
    assert not out.exists() and not weights.exists()


def test_unknown_buurt_in_restriction_and_usage(runner: CliRunner, inputs: tuple[Path, Path],
                                                tmp_path: Path) -> None:
    table, config = inputs
    weights = tmp_path / "w.yaml"
    result = invoke(runner, "sia", table, "--config", config, "--buurten", "BU01,BU77",
                    "--emit-weights", weights)
    assert result.exit_code == 2, result.output
    assert "BU77" in result.output and not weights.exists()
    result = invoke(runner, "sia", table)
    assert result.exit_code == 2, result.output
    result = invoke(runner, "sia", table, "--config", config, "--buurten", "BU01,BU03",
                    "--emit-weights", weights, "--draws", 0)
    assert result.exit_code == 0, result.output
    assert sorted(yaml.safe_load(weights.read_text(encoding="utf-8"))["weights"]) == ["BU01", "BU03"]
