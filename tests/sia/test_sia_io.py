"""The indicator reader: CSV and Excel, CBS markers, and located errors for bad tables."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from dia.errors import InputError, Reason
from dia.io.sia_io import read_area_buurt_codes, read_geometry, read_indicators

from .conftest import COLUMNS, FIVE, five_csv, make_sia_config, write_csv

HEADER = ["buurtcode", "buurtnaam", "wijkcode", "aantal_inwoners", *COLUMNS]


def _errors(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_indicators(path, make_sia_config())
    return info.value


def test_reads_the_bundled_table(bundled: tuple[Path, Path, Path]) -> None:
    from dia.io.sia_io import load_sia_config

    config = load_sia_config(bundled[1])
    table = read_indicators(bundled[0], config)
    assert len(table.buurten) == 70
    assert list(table.codes) == sorted(table.codes)
    assert any(None in b.values for b in table.buurten)  # suppressed values of small buurten
    assert table.columns == tuple(i.column for i in config.indicators)


def test_csv_values_markers_and_row_numbers(tmp_path: Path) -> None:
    rows = [["BU02", "Twee", "WK1", ".", 20, "4,1", -99997, 60, 25],
            ["BU01", "Een", "WK1", 1500, "10.5", "", "x", 30, 20]]
    table = read_indicators(write_csv(tmp_path / "t.csv", HEADER, rows, sep=";"), make_sia_config())
    one, two = table.buurten
    assert (one.code, one.row, one.residents) == ("BU01", 3, 1500.0)
    assert one.values == (10.5, None, None, 30.0, 20.0)
    assert (two.row, two.residents, two.values[1], two.values[2]) == (2, None, 4.1, None)


def test_headers_match_ignoring_case_spaces_and_underscores(tmp_path: Path) -> None:
    header = ["BuurtCode", "Buurt naam", "wijkcode", "Aantal Inwoners",
              *(c.upper().replace("_", " ") for c in COLUMNS)]
    rows = [[code, code, "WK1", 900, *vals] for code, vals in FIVE.items()]
    table = read_indicators(write_csv(tmp_path / "t.csv", header, rows), make_sia_config())
    assert len(table.buurten) == 5 and table.columns[0] == "PERC HUISHOUDENS LAAG INKOMEN"


def test_reads_excel_with_cells_in_messages(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Indicatoren"
    ws.append(HEADER)
    ws.append(["BU01", "Een", "WK1", 1200, 10, 4.0, 20, 30, "veel"])
    ws.append(["BU02", "Twee", "WK1", 800, 12, 4.1, 25, 35, 20])
    path = tmp_path / "ind.xlsx"
    wb.save(path)
    err = _errors(path)
    (problem,) = err.errors
    assert problem.reason is Reason.WRONG_TYPE
    loc = problem.location
    assert (loc.file, loc.sheet, loc.row) == ("ind.xlsx", "Indicatoren", 2)
    assert (problem.location.column, problem.location.cell) == ("perc_huishoudens_met_kinderen", "I2")
    ws["I2"] = 22
    wb.save(path)
    table = read_indicators(path, make_sia_config())
    assert table.sheet == "Indicatoren" and table.buurten[0].values == (10.0, 4.0, 20.0, 30.0, 22.0)


def test_missing_indicator_column_names_file_and_column(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "overlast_per_1000"]
    rows = [[code, code, "WK1", 900, *vals[:2], *vals[3:]] for code, vals in FIVE.items()]
    err = _errors(write_csv(tmp_path / "t.csv", header, rows))
    (problem,) = err.errors
    assert problem.reason is Reason.MISSING_COLUMN
    assert (problem.location.file, problem.location.column) == ("t.csv", "overlast_per_1000")


def test_non_numeric_values_are_all_reported_by_row_and_column(tmp_path: Path) -> None:
    rows = [[code, code, "WK1", 900, *vals] for code, vals in FIVE.items()]
    rows[1][5] = "hoog"
    rows[3][7] = "n.v.t."
    rows[4][3] = "veel"
    err = _errors(write_csv(tmp_path / "t.csv", HEADER, rows))
    found = [(p.reason, p.location.row, p.location.column) for p in err.errors]
    assert found == [(Reason.WRONG_TYPE, 3, "leefbaarometer"),
                     (Reason.WRONG_TYPE, 5, "perc_huurwoningen_corporatie"),
                     (Reason.WRONG_TYPE, 6, "aantal_inwoners")]


def test_duplicate_and_empty_buurt_codes(tmp_path: Path) -> None:
    rows = [[code, code, "WK1", 900, *vals] for code, vals in FIVE.items()]
    rows[3][0] = "BU01"
    rows[4][0] = " "
    err = _errors(write_csv(tmp_path / "t.csv", HEADER, rows))
    found = [(p.reason, p.location.row, p.location.column) for p in err.errors]
    assert found == [(Reason.DUPLICATE_ID, 5, "buurtcode"), (Reason.EMPTY_REQUIRED, 6, "buurtcode")]
    assert "row 2" in err.errors[0].message


def test_negative_residents_and_infinite_values(tmp_path: Path) -> None:
    rows = [[code, code, "WK1", 900, *vals] for code, vals in FIVE.items()]
    rows[0][3] = -5
    rows[2][4] = "inf"
    err = _errors(write_csv(tmp_path / "t.csv", HEADER, rows))
    assert [(p.reason, p.location.row) for p in err.errors] == [(Reason.OUT_OF_RANGE, 2),
                                                                (Reason.WRONG_TYPE, 4)]


def test_wrong_file_kinds(tmp_path: Path) -> None:
    assert _errors(tmp_path / "missing.csv").errors[0].reason is Reason.NOT_FOUND
    other = tmp_path / "data.json"
    other.write_text("{}")
    assert _errors(other).errors[0].reason is Reason.NOT_XLSX
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    assert _errors(broken).errors[0].reason in (Reason.NOT_XLSX, Reason.CORRUPT_FILE)
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n")
    assert _errors(empty).errors[0].reason is Reason.EMPTY_AREA


def test_row_order_does_not_change_the_table(tmp_path: Path) -> None:
    a = read_indicators(five_csv(tmp_path / "a.csv"), make_sia_config())
    header = ["buurtcode", "buurtnaam", "wijkcode", "aantal_inwoners", *COLUMNS]
    rows = [[code, f"Buurt {code}", "WK1", 1000, *vals] for code, vals in reversed(FIVE.items())]
    b = read_indicators(write_csv(tmp_path / "b.csv", header, rows), make_sia_config())
    drop = {"row"}
    assert [x.model_dump(exclude=drop) for x in a.buurten] == [x.model_dump(exclude=drop) for x in b.buurten]


def test_geometry_polygons_multipolygons_and_errors(tmp_path: Path, bundled: tuple[Path, Path, Path]) -> None:
    shapes = read_geometry(bundled[2])
    assert len(shapes) == 70 and "BU01530301" in shapes
    square = [[0, 0], [1, 0], [1, 1], [0, 0]]
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"statcode": "B"},
         "geometry": {"type": "MultiPolygon", "coordinates": [[square], [square]]}},
        {"type": "Feature", "id": "A", "properties": {},
         "geometry": {"type": "Polygon", "coordinates": [square]}},
    ]}
    path = tmp_path / "g.geojson"
    path.write_text(json.dumps(doc))
    shapes = read_geometry(path)
    assert list(shapes) == ["A", "B"] and len(shapes["B"]) == 2
    point = {"type": "Point", "coordinates": [0, 0]}
    doc["features"].append({"type": "Feature", "id": "C", "geometry": point})
    path.write_text(json.dumps(doc))
    with pytest.raises(InputError) as info:
        read_geometry(path)
    assert info.value.errors[0].location.key == "features[2].geometry"


def test_area_buurt_codes(tmp_path: Path) -> None:
    (tmp_path / "dia.yaml").write_text("name: X\nbuurten:\n  - {code: BU2, name: b}\n"
                                       "  - {code: BU1, name: a}\n")
    assert read_area_buurt_codes(tmp_path) == ("BU1", "BU2")
    (tmp_path / "dia.yaml").write_text("name: X\nbuurten:\n  - {name: a}\n")
    with pytest.raises(InputError) as info:
        read_area_buurt_codes(tmp_path)
    assert info.value.errors[0].location.key == "buurten[0].code"


def test_formula_without_a_value_is_located(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    ws.append(["BU01", "Een", "WK1", 1200, 10, 4.0, 20, 30, 20])
    ws.append(["BU02", "Twee", "WK1", 800, "=E2*2", 4.1, 25, 35, 20])
    path = tmp_path / "formula.xlsx"
    wb.save(path)  # openpyxl stores the formula without a cached value
    (problem,) = _errors(path).errors
    assert problem.reason is Reason.FORMULA_WITHOUT_VALUE
    assert (problem.location.cell, problem.location.row) == ("E3", 3)


@pytest.mark.parametrize(("geometry", "dutch", "english"), [
    (None, "geen geometrie", "no geometry"),
    ({"type": "Polygon"}, "geen coördinaten", "no coordinates"),
    ({"type": "Point", "coordinates": [0, 0]}, "verwacht een Polygon of MultiPolygon", "got Point"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}, "minstens 3 punten", "at least 3 points"),
    ({"type": "Polygon", "coordinates": [[[0, 0], ["x", 1], [1, 1]]]}, "paar getallen", "pair of numbers"),
    ({"type": "Polygon", "coordinates": [[[0], [1, 0], [1, 1]]]}, "paar getallen", "pair of numbers"),
], ids=["none", "no-coordinates", "point", "short-ring", "text", "single"])
def test_bad_geometry_is_said_in_the_user_s_language(tmp_path: Path, geometry: object, dutch: str,
                                                     english: str) -> None:
    doc = {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "C", "geometry": geometry}]}
    path = tmp_path / "g.geojson"
    path.write_text(json.dumps(doc))
    with pytest.raises(InputError) as info:
        read_geometry(path)
    (problem,) = info.value.errors
    assert problem.location.key == "features[0].geometry"
    assert dutch in problem.text("nl") and english not in problem.text("nl")
    assert english in problem.text("en")
