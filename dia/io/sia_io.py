"""Read the SIA inputs: ``sia.yaml``, the indicator table (CSV or Excel), buurt geometry.

Every problem is collected and reported with its place: file, row and column
for the indicator table (``indicatoren.csv › row 14 (perc_leegstand)``), file
and key for YAML (``sia.yaml › indicators.perc_leegstand.weight``). Inputs
are opened read-only and never modified.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from dia.errors import InputError, Location, Problem, Reason
from dia.io.excel import column_letter
from dia.io.safe_yaml import load_yaml, yaml_problem
from dia.messages import Msg, msg, pydantic_message
from dia.sia.config import SiaConfig, SiaConfigFindings
from dia.sia.indicators import BuurtRow, IndicatorTable

#: Sheet read from a workbook when none is named and it exists; else the first sheet.
DEFAULT_SHEET = "Indicatoren"
#: (x, y) vertices of one ring; a polygon is a list of rings (exterior first).
Ring = list[tuple[float, float]]
Polygon = list[Ring]

_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


# ---------------------------------------------------------------- sia.yaml ---


def _load_yaml(path: Path) -> Any:
    shown = path.name
    if not path.is_file():
        raise InputError([Problem.of(Reason.NOT_FOUND, msg("config.not_found", path=path),
                                     Location(file=shown))])
    try:
        return load_yaml(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        raise InputError([yaml_problem(exc, shown, Reason.CORRUPT_FILE)]) from None
    except UnicodeDecodeError:
        raise InputError([Problem.of(Reason.CORRUPT_FILE, msg("scenario.not_utf8"),
                                     Location(file=shown))]) from None


def load_sia_config(path: str | Path) -> SiaConfig:
    """Read and validate ``sia.yaml``.

    Parameters
    ----------
    path:
        The YAML file (fields of :class:`~dia.sia.config.SiaConfig`; ``indicators``
        is a mapping from column to its spec).

    Returns
    -------
    SiaConfig

    Raises
    ------
    InputError
        Missing or unreadable file, invalid YAML, unknown or wrong keys, an
        unknown indicator, weights that sum to zero; all located by key.
    """
    path = Path(path)
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise InputError([Problem.of(Reason.WRONG_TYPE, msg("sia.not_mapping"), Location(file=path.name))])
    try:
        return SiaConfig.model_validate(data)
    except ValidationError as exc:
        raise InputError(_config_problems(exc, data, path.name)) from None


def _config_problems(exc: ValidationError, data: dict[str, Any], shown: str) -> list[Problem]:
    names = list(data.get("indicators") or {}) if isinstance(data.get("indicators"), dict) else []
    problems: list[Problem] = []
    for err in exc.errors():
        found = (err.get("ctx") or {}).get("error")
        if isinstance(found, SiaConfigFindings):
            problems.extend(
                Problem(p.reason, p.message, Location(file=shown, key=p.location.key), p.severity,
                        p.template, p.params)
                for p in found.problems
            )
            continue
        loc = list(err["loc"])
        # indicators are a mapping in YAML but a list in the model: show the YAML key
        if len(loc) >= 2 and loc[0] == "indicators" and isinstance(loc[1], int) and loc[1] < len(names):
            loc[1] = names[loc[1]]
        key = ".".join(str(part) for part in loc) or None
        reason = {
            "extra_forbidden": Reason.UNKNOWN_KEY,
            "missing": Reason.EMPTY_REQUIRED,
            "literal_error": Reason.INVALID_VALUE,
        }.get(err["type"], Reason.WRONG_TYPE if err["type"].endswith("_type") else Reason.INVALID_VALUE)
        # one message per error, in the user's language (wrapping pydantic_message in
        # "pydantic.other" again said "ongeldige waarde: ongeldige waarde: ...")
        message = msg("sia.unknown_key") if err["type"] == "extra_forbidden" else pydantic_message(err)
        problems.append(Problem.of(reason, message, Location(file=shown, key=key)))
    return problems


# ------------------------------------------------------- indicator table ---
def _norm(header: object) -> str:
    """Header as matched: case-insensitive, ignoring spaces, underscores and dashes."""
    return re.sub(r"[\s_\-]+", "", str(header or "")).lower()




def _csv_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on a Dutch Windows saves "CSV" as cp1252
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for cells in reader:
        yield reader.line_num, list(cells)


def _excel_rows(path: Path, sheet: str | None) -> tuple[str, list[tuple[int, list[object]]], list[Problem]]:
    """Rows of one sheet, after the reader's byte-level safety checks (:mod:`dia.io.safety`)."""
    import openpyxl

    from dia.io.safety import RefusedFile, inspect_workbook

    shown = path.name
    data = path.read_bytes()
    try:
        facts = inspect_workbook(shown, data)
    except RefusedFile as exc:
        raise InputError([exc.problem]) from None
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types on broken parts; all mean "cannot read"
        raise InputError([Problem.of(Reason.CORRUPT_FILE, msg("sia.cannot_read", detail=exc),
                                     Location(file=shown))]) from None
    try:
        names = list(wb.sheetnames)
        if sheet is None:
            sheet = DEFAULT_SHEET if DEFAULT_SHEET in names else names[0]
        elif sheet not in names:
            raise InputError([Problem.of(Reason.MISSING_SHEET,
                                         msg("sia.no_sheet", sheet=sheet, names=", ".join(names)),
                                         Location(file=shown, sheet=sheet))])
        rows: list[tuple[int, list[object]]] = [
            (i, list(values)) for i, values in enumerate(wb[sheet].iter_rows(values_only=True), start=1)
        ]
    finally:
        wb.close()
    # a formula Excel never calculated has no value to read: say so rather than call it missing
    problems = [
        Problem.of(Reason.FORMULA_WITHOUT_VALUE, msg("sia.formula", formula=formula),
                Location(file=shown, sheet=sheet, row=int(re.sub(r"^[A-Z]+", "", ref)), cell=ref))
        for ref, formula in facts.uncached_formulas.get(sheet, ())
    ]
    return sheet, rows, problems


def _number(cell: object, markers: frozenset[str]) -> float | str | None:
    """A cell as a finite float, ``None`` (missing) or the offending text."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, int | float):
        return float(cell) if math.isfinite(cell) else str(cell)
    text = str(cell).strip()
    if text in markers:
        return None
    if _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return str(cell)
    return value if math.isfinite(value) else str(cell)


def read_indicators(path: str | Path, config: SiaConfig, sheet: str | None = None) -> IndicatorTable:
    """Read the indicator table (CSV or Excel) with the columns ``config`` needs.

    Parameters
    ----------
    path:
        ``.csv`` (``,`` ``;`` or tab separated, UTF-8 or cp1252, decimal point or
        comma) or ``.xlsx``, one row per buurt, first row headers, in the shape of
        CBS "Kerncijfers wijken en buurten" (``buurtcode``, ``buurtnaam``,
        ``wijkcode``, ``aantal_inwoners`` and indicator columns). Headers match
        case-insensitively, ignoring spaces and underscores.
    config:
        Says which columns identify buurten and which are indicators.
    sheet:
        Workbook sheet; default ``Indicatoren`` if present, else the first.

    Returns
    -------
    IndicatorTable
        Buurten sorted by code; missing values (empty cells and the config's
        ``missing.markers`` such as CBS's ``.``) as ``None``.

    Raises
    ------
    InputError
        Every problem at once, each located by file, row and column: a missing
        column, a non-numeric value, an empty or duplicate buurt code, a
        negative number of residents, no rows at all.
    """
    path = Path(path)
    shown = path.name
    if not path.is_file():
        raise InputError([Problem.of(Reason.NOT_FOUND, msg("config.not_found", path=path),
                                     Location(file=shown))])
    suffix = path.suffix.lower()
    sheet_name: str | None = None
    formula_problems: list[Problem] = []
    if suffix in (".csv", ".txt", ".tsv"):
        rows = list(_csv_rows(path))
    elif suffix in (".xlsx", ".xlsm"):
        sheet_name, rows, formula_problems = _excel_rows(path, sheet)
    else:
        raise InputError([Problem.of(Reason.NOT_XLSX,
                                     msg("sia.suffix", suffix=suffix or msg("sia.no_suffix")),
                                     Location(file=shown))])
    rows = [(n, cells) for n, cells in rows if any(str(c).strip() for c in cells if c is not None)]
    if not rows:
        raise InputError([Problem.of(Reason.EMPTY_AREA, msg("sia.no_rows"),
                                     Location(file=shown, sheet=sheet_name))])
    header_row, header = rows[0]
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        index.setdefault(_norm(h), i)

    problems: list[Problem] = []

    def where(column: str, row: int | None = None, col: int | None = None) -> Location:
        cell = f"{column_letter(col)}{row}" if sheet_name is not None and row and col is not None else None
        return Location(file=shown, sheet=sheet_name, row=row, column=column, cell=cell)

    def find(column: str | None, what: Msg) -> int | None:
        if column is None:
            return None
        i = index.get(_norm(column))
        if i is None:
            problems.append(Problem.of(Reason.MISSING_COLUMN,
                                       msg("sia.no_column", column=column, what=what, row=header_row),
                                       where(column)))
        return i

    code_i = find(config.columns.code, msg("sia.what.code"))
    name_i = find(config.columns.name, msg("sia.what.name"))
    wijk_i = index.get(_norm(config.columns.wijk)) if config.columns.wijk else None
    res_i = find(config.residents.column, msg("sia.what.residents")) if config.residents else None
    ind_i = [find(ind.column, msg("sia.what.indicator", group=ind.group, theme=ind.theme))
             for ind in config.indicators]
    if problems:
        raise InputError(problems)
    assert code_i is not None and name_i is not None  # found, or problems raised above
    columns = tuple(str(header[i]).strip() for i in ind_i if i is not None)
    markers = frozenset(config.missing.markers)

    def cell(cells: list[object], i: int) -> object:
        return cells[i] if i < len(cells) else None

    buurten: list[BuurtRow] = []
    first_row: dict[str, int] = {}
    for n, cells in rows[1:]:
        code = str(cell(cells, code_i) or "").strip()
        code_col = str(header[code_i]).strip()
        if not code:
            problems.append(Problem.of(Reason.EMPTY_REQUIRED, msg("sia.empty_code"),
                                       where(code_col, n, code_i)))
            continue
        if code in first_row:
            problems.append(Problem.of(Reason.DUPLICATE_ID,
                                       msg("sia.code_twice", code=code, row=first_row[code]),
                                    where(code_col, n, code_i)))
            continue
        first_row[code] = n
        values: list[float | None] = []
        for j in ind_i:
            assert j is not None
            v = _number(cell(cells, j), markers)
            if isinstance(v, str):
                problems.append(Problem.of(Reason.WRONG_TYPE, msg("sia.number", value=v),
                                        where(str(header[j]).strip(), n, j)))
                v = None
            values.append(v)
        residents: float | None = None
        if res_i is not None:
            r = _number(cell(cells, res_i), markers)
            res_col = str(header[res_i]).strip()
            if isinstance(r, str):
                problems.append(Problem.of(Reason.WRONG_TYPE, msg("sia.residents", value=r),
                                        where(res_col, n, res_i)))
            elif r is not None and r < 0:
                problems.append(Problem.of(Reason.OUT_OF_RANGE, msg("sia.residents_negative", value=f"{r:g}"),
                                        where(res_col, n, res_i)))
            else:
                residents = r
        name = str(cell(cells, name_i) or "").strip() or code
        wijk = (str(cell(cells, wijk_i) or "").strip() or None) if wijk_i is not None else None
        buurten.append(BuurtRow(code=code, name=name, wijk=wijk, residents=residents,
                                values=tuple(values), row=n))
    problems.extend(formula_problems)
    if not buurten and not problems:
        problems.append(Problem.of(Reason.EMPTY_AREA, msg("sia.header_only"),
                                Location(file=shown, sheet=sheet_name)))
    if problems:
        raise InputError(problems)
    return IndicatorTable(source=shown, sheet=sheet_name, columns=columns, buurten=tuple(buurten))


# ------------------------------------------------------------- geometry ---
def read_geometry(path: str | Path) -> dict[str, list[Polygon]]:
    """Buurt polygons from a GeoJSON FeatureCollection, keyed by buurt code.

    The code is the feature's ``buurtcode`` or ``statcode`` property (CBS/PDOK
    layers), else its ``id``. ``Polygon`` and ``MultiPolygon`` are read; other
    geometry types are refused. Coordinates are used as they are (the bundled
    file is WGS84 lon/lat; the map corrects the aspect for latitude).

    Raises
    ------
    InputError
        Missing or invalid file, a feature without a code or with an unsupported
        geometry (located by ``features[i]``).
    """
    path = Path(path)
    shown = path.name
    if not path.is_file():
        raise InputError([Problem.of(Reason.NOT_FOUND, msg("config.not_found", path=path),
                                     Location(file=shown))])
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError([Problem.of(Reason.CORRUPT_FILE, msg("sia.not_geojson", detail=exc),
                                     Location(file=shown))]) from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise InputError([Problem.of(Reason.WRONG_TYPE, msg("sia.not_features"),
                                     Location(file=shown, key="features"))])
    out: dict[str, list[Polygon]] = {}
    problems: list[Problem] = []
    for i, feature in enumerate(features):
        key = f"features[{i}]"
        props = (feature.get("properties") or {}) if isinstance(feature, dict) else {}
        code = props.get("buurtcode") or props.get("statcode") or (
            feature.get("id") if isinstance(feature, dict) else None)
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not code:
            problems.append(Problem.of(Reason.EMPTY_REQUIRED, msg("sia.feature_code"),
                                    Location(file=shown, key=key)))
            continue
        try:
            polygons = _polygons(geometry)
        except (TypeError, ValueError, IndexError) as exc:
            # a coordinate that is not a pair of numbers fails inside float() or x[1], with
            # Python's English text: say what was expected instead
            detail = exc.detail if isinstance(exc, _BadGeometry) else msg("sia.geometry.numbers")
            problems.append(Problem.of(Reason.INVALID_GEOMETRY, msg("sia.geometry", code=code, detail=detail),
                                    Location(file=shown, key=f"{key}.geometry")))
            continue
        out.setdefault(str(code), []).extend(polygons)
    if problems:
        raise InputError(problems)
    return dict(sorted(out.items()))


class _BadGeometry(ValueError):
    """A GeoJSON geometry that is not a (multi)polygon; ``detail`` says why, in the catalogue."""

    def __init__(self, detail: Msg) -> None:
        super().__init__(str(detail))
        self.detail = detail


def _polygons(geometry: object) -> list[Polygon]:
    if not isinstance(geometry, dict):
        raise _BadGeometry(msg("sia.geometry.none"))
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if not isinstance(coords, list):
        raise _BadGeometry(msg("sia.geometry.no_coordinates"))
    if kind == "Polygon":
        parts = [coords]
    elif kind == "MultiPolygon":
        parts = list(coords)
    else:
        raise _BadGeometry(msg("sia.geometry.kind", kind=str(kind)))
    polygons: list[Polygon] = []
    for part in parts:
        rings = [[(float(x[0]), float(x[1])) for x in ring] for ring in part]
        if not rings or len(rings[0]) < 3:
            raise _BadGeometry(msg("sia.geometry.ring"))
        polygons.append(rings)
    return polygons


# ------------------------------------------------------------ area link ---
def read_area_buurt_codes(area: str | Path) -> tuple[str, ...]:
    """The buurt codes listed in an area folder's ``dia.yaml`` (for ``dia sia --area``).

    Only ``buurten[].code`` is read, not the whole area: the SIA weights file is
    written *for* the area, so it must not depend on the area loading already.

    Raises
    ------
    InputError
        No ``dia.yaml``, or no list of buurten with codes in it.
    """
    path = Path(area)
    if path.is_dir():
        path = path / "dia.yaml"
    data = _load_yaml(path)
    buurten = data.get("buurten") if isinstance(data, dict) else None
    if not isinstance(buurten, list) or not buurten:
        raise InputError([Problem.of(Reason.EMPTY_REQUIRED, msg("sia.buurten_list"),
                                     Location(file=path.name, key="buurten"))])
    codes: list[str] = []
    problems: list[Problem] = []
    for i, b in enumerate(buurten):
        code = b.get("code") if isinstance(b, dict) else None
        if not isinstance(code, str) or not code.strip():
            problems.append(Problem.of(Reason.EMPTY_REQUIRED, msg("sia.buurt_code"),
                                    Location(file=path.name, key=f"buurten[{i}].code")))
            continue
        codes.append(code.strip())
    if problems:
        raise InputError(problems)
    return tuple(sorted(set(codes)))


# -------------------------------------------------------------- bundled ---
#: The bundled Enschede data: real CBS buurt list and geometry, FICTITIOUS indicators.
BUNDLED_DIR = Path(__file__).resolve().parents[1] / "data" / "enschede"
BUNDLED_INDICATORS = BUNDLED_DIR / "indicatoren_fictief.csv"
BUNDLED_CONFIG = BUNDLED_DIR / "sia.yaml"
BUNDLED_GEOMETRY = BUNDLED_DIR / "buurten.geojson"
