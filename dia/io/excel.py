"""Read partner workbooks into located records, one per non-empty row.

Engine: python-calamine (Rust) reads the cached cell values; the byte-level
checks in :mod:`dia.io.safety` run first and also find formulas without a
cached value and Excel error cells (calamine shows both as empty). openpyxl
is not used for reading: on 50 workbooks x 200 projects (benchmarks/bench_load.py)
calamine reads every cell in 0.08 s CPU, openpyxl ``read_only``/``data_only``
in 1.9 s; the whole parse here (checks + calamine + typed cells) takes 0.28 s.

Each data sheet is turned into :class:`Record` values: the parsed cells of a
row keyed by field, each with the :class:`~dia.errors.Location` of its cell,
plus every problem found in the sheet (wrong types, empty required cells,
missing columns, unknown headers as warnings).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dia.errors import Location, Problem, Reason
from dia.io import cells
from dia.io.columns import IGNORED_SHEETS, SHEETS, YEAR_COLUMN, Column, Sheet, normalise, sheet_for
from dia.io.safety import MAX_CELLS, RefusedFile, WorkbookFacts, inspect_workbook
from dia.messages import Number, msg


def _engine_failure(exc: BaseException) -> bool:
    """Whether an exception from the engine means a damaged file: any Exception, or pyo3's
    ``PanicException`` (a Rust panic), which derives from BaseException. Interrupts are not."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


#: Rows scanned for the header row (title rows above it are skipped).
HEADER_SCAN_ROWS = 30

Grid = list[list[Any]]


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> ``A``, 27 -> ``AB``)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Record:
    """One data row: parsed values by field, where each came from, and which cells were bad."""

    file: str
    sheet: str
    row: int
    columns: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Field -> (column letter, header as written), shared by every record of the sheet."""
    values: dict[str, Any] = field(default_factory=dict)
    bad: set[str] = field(default_factory=set)
    """Fields whose cell had a problem (the record is then incomplete)."""
    years: dict[int, float] = field(default_factory=dict)
    """Cash-flow sheet: project-year offset (1-based) -> amount."""

    def has(self, name: str) -> bool:
        """Whether the sheet has a column for the field."""
        return name in self.columns

    def at(self, name: str) -> Location:
        """Location of a field's cell, or of the row when the sheet has no such column."""
        column = self.columns.get(name)
        if column is None:
            return self.row_location
        letter, header = column
        return Location(
            file=self.file, sheet=self.sheet, row=self.row, column=header, cell=f"{letter}{self.row}"
        )

    @property
    def row_location(self) -> Location:
        return Location(file=self.file, sheet=self.sheet, row=self.row)


@dataclass
class WorkbookData:
    """The data sheets of one workbook, as records, with the problems found."""

    file: str
    tables: dict[str, list[Record]] = field(default_factory=dict)
    """Sheet key (``projects``, ``budget``, ``cash_flow``, ``funds``) -> records."""
    sheet_names: dict[str, str] = field(default_factory=dict)
    """Sheet key -> sheet name as written in the workbook."""
    problems: list[Problem] = field(default_factory=list)


def read_workbook(name: str, data: bytes) -> WorkbookData:
    """Check and read one workbook's bytes into records per data sheet.

    Parameters
    ----------
    name:
        File name for messages.
    data:
        The file's bytes (read once by the caller, read-only).

    Returns
    -------
    WorkbookData
        Records per sheet and every problem found; a refused file yields no
        tables and one problem.
    """
    out = WorkbookData(file=name)
    try:
        facts = inspect_workbook(name, data)
    except RefusedFile as exc:
        out.problems.append(exc.problem)
        return out
    if facts.has_macros or name.lower().endswith(".xlsm"):
        out.problems.append(
            Problem.of(
                Reason.MACRO_FILE,
                msg("excel.macros"),
                Location(file=name),
                severity="warning",
            )
        )
    import python_calamine as calamine  # deferred: keeps `dia --help` fast

    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet_names = list(book.sheet_names)
        visible = {m.name: str(m.visible) for m in book.sheets_metadata}
    except calamine.PasswordError:
        out.problems.append(
            Problem.of(Reason.ENCRYPTED, msg("excel.encrypted"), Location(file=name))
        )
        return out
    except BaseException as exc:  # calamine's own types, ValueError/OSError, or a Rust panic
        if not _engine_failure(exc):
            raise
        out.problems.append(
            Problem.of(
                Reason.CORRUPT_FILE,
                msg("excel.damaged", detail=exc),
                Location(file=name),
            )
        )
        return out
    unknown: list[str] = []
    for sheet_name in sheet_names:
        spec = sheet_for(sheet_name)
        if spec is None:
            if normalise(sheet_name) not in IGNORED_SHEETS:
                unknown.append(sheet_name)
            continue
        if spec.key in out.tables:
            out.problems.append(
                Problem.of(
                    Reason.INVALID_VALUE,
                    msg("excel.second_sheet", kind=spec.nl, sheet=sheet_name,
                        first=out.sheet_names[spec.key]),
                    Location(file=name, sheet=sheet_name),
                )
            )
            continue
        if sheet_name not in facts.extent:  # not checked byte-wise: do not let the engine near it
            out.problems.append(
                Problem.of(
                    Reason.CORRUPT_FILE,
                    msg("excel.sheet_part_missing"),
                    Location(file=name, sheet=sheet_name),
                )
            )
            continue
        rows, cols = facts.extent[sheet_name]
        if rows * cols > MAX_CELLS:
            out.problems.append(
                Problem.of(
                    Reason.TOO_LARGE,
                    msg("excel.sheet_too_large", cell=f"{column_letter(cols - 1)}{rows}",
                        cells=Number(rows * cols), limit=Number(MAX_CELLS)),
                    Location(file=name, sheet=sheet_name),
                )
            )
            continue
        try:
            sheet = book.get_sheet_by_name(sheet_name)
            grid: Grid = sheet.to_python(skip_empty_area=False)
            merged = list(sheet.merged_cell_ranges or [])
        except BaseException as exc:  # a damaged sheet part (or a Rust panic in the engine)
            if not _engine_failure(exc):
                raise
            out.problems.append(
                Problem.of(
                    Reason.CORRUPT_FILE,
                    msg("excel.sheet_unreadable", detail=exc),
                    Location(file=name, sheet=sheet_name),
                )
            )
            continue
        out.sheet_names[spec.key] = sheet_name
        if not visible.get(sheet_name, "Visible").endswith("Visible"):
            out.problems.append(
                Problem.of(
                    Reason.INVALID_VALUE,
                    msg("excel.sheet_hidden"),
                    Location(file=name, sheet=sheet_name),
                    severity="warning",
                )
            )
        records, problems = read_table(name, sheet_name, grid, spec, facts, merged)
        out.tables[spec.key] = records
        out.problems.extend(problems)
    if not out.tables and not any(p.severity == "error" for p in out.problems):
        expected = ", ".join(s.nl for s in SHEETS)
        out.problems.append(
            Problem.of(
                Reason.MISSING_SHEET,
                msg("excel.no_data_sheet", expected=expected, expected_en=", ".join(s.en for s in SHEETS),
                    found=", ".join(map(repr, sheet_names)) if sheet_names else msg("word.none")),
                Location(file=name),
            )
        )
    elif unknown:
        out.problems.append(
            Problem.of(
                Reason.MISSING_SHEET,
                msg("excel.sheets_not_read", sheets=", ".join(map(repr, unknown)),
                    known=", ".join(s.nl for s in SHEETS)),
                Location(file=name),
                severity="warning",
            )
        )
    return out


@dataclass(frozen=True)
class _Header:
    row: int
    """0-based index of the header row."""
    columns: dict[int, Column]
    years: dict[int, int]
    """Column index -> project-year offset (cash-flow sheet)."""
    text: dict[int, str]
    """Column index -> header as written."""


def _header_row(
    grid: Grid, spec: Sheet, merged: list[Any]
) -> tuple[_Header | None, list[tuple[int, int, str]]]:
    """Find the header row (the best-matching row among the first rows) and map its columns."""
    keys = {k: c for c in spec.columns for k in c.header_keys()}
    best: tuple[int, int] = (0, -1)
    for r, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        hits = sum(
            1
            for v in row
            if isinstance(v, str)
            and (normalise(v) in keys or (spec.year_columns and YEAR_COLUMN.match(normalise(v))))
        )
        if hits > best[0]:
            best = (hits, r)
    if best[0] == 0:
        return None, []
    r = best[1]
    row = list(grid[r])
    # A header cell merged over several rows keeps its text in the top-left cell only.
    for rng in merged:
        (r0, c0), (r1, c1) = rng
        if r0 < r <= r1 and c0 < len(grid[r0]):
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if cells.is_empty(row[c]):
                    row[c] = grid[r0][c0]
    columns: dict[int, Column] = {}
    years: dict[int, int] = {}
    text: dict[int, str] = {}
    unknown: list[tuple[int, int, str]] = []
    for c, value in enumerate(row):
        if cells.is_empty(value):
            continue
        label = " ".join(str(value).split())
        text[c] = label
        key = normalise(label)
        if key in keys:
            columns[c] = keys[key]
        elif spec.year_columns and (m := YEAR_COLUMN.match(key)):
            years[c] = int(m.group(1))
        else:
            unknown.append((r, c, label))
    return _Header(r, columns, years, text), unknown


def read_table(
    file: str,
    sheet_name: str,
    grid: Grid,
    spec: Sheet,
    facts: WorkbookFacts | None = None,
    merged: list[Any] | None = None,
) -> tuple[list[Record], list[Problem]]:
    """Turn a sheet's cell grid (A1-aligned) into records and problems.

    Parameters
    ----------
    file, sheet_name:
        For locations.
    grid:
        Rows of cell values, ``grid[0][0]`` being cell A1.
    spec:
        The sheet's column table from :mod:`dia.io.columns`.
    facts:
        Byte-level findings (formulas without cached values, hidden rows).
    merged:
        Merged ranges as ``((row0, col0), (row1, col1))``, 0-based inclusive.

    Returns
    -------
    (records, problems)
    """
    problems: list[Problem] = []
    facts = facts or WorkbookFacts()
    sheet_loc = Location(file=file, sheet=sheet_name)
    header, unknown = _header_row(grid, spec, merged or [])
    if header is None:
        expected = ", ".join(c.nl for c in spec.columns if c.required)
        problems.append(
            Problem.of(
                Reason.MISSING_COLUMN,
                msg("excel.no_header", n=HEADER_SCAN_ROWS, expected=expected),
                sheet_loc,
            )
        )
        return [], problems
    for r, c, label in unknown:
        problems.append(
            Problem.of(
                Reason.UNKNOWN_COLUMN,
                msg("excel.unknown_column", label=label, known=", ".join(col.nl for col in spec.columns)
                    + (", Jaar 1, Jaar 2, …" if spec.year_columns else "")),
                Location(
                    file=file, sheet=sheet_name, row=r + 1, column=label, cell=f"{column_letter(c)}{r + 1}"
                ),
                severity="warning",
            )
        )
    seen: dict[str, int] = {}
    for c, col in sorted(header.columns.items()):
        if col.field in seen:
            problems.append(
                Problem.of(
                    Reason.INVALID_VALUE,
                    msg("excel.column_twice", column=col.nl, first=column_letter(seen[col.field]),
                        second=column_letter(c)),
                    Location(
                        file=file,
                        sheet=sheet_name,
                        row=header.row + 1,
                        column=header.text[c],
                        cell=f"{column_letter(c)}{header.row + 1}",
                    ),
                )
            )
        else:
            seen[col.field] = c
    missing = [col for col in spec.columns if col.required and col.field not in seen]
    for col in missing:
        problems.append(
            Problem.of(
                Reason.MISSING_COLUMN,
                msg("excel.missing_column", column=col.nl, column_en=col.en),
                Location(file=file, sheet=sheet_name, row=header.row + 1, column=col.nl),
            )
        )
    uncached = {ref: formula for ref, formula in facts.uncached_formulas.get(sheet_name, ())}
    errors = {ref: value for ref, value in facts.error_cells.get(sheet_name, ())}
    # calamine leaves out cells (even whole rows) that hold no cached value: pad the grid to cover them.
    special = [_split_ref(ref) for ref in (*uncached, *errors)]
    special_rows = {r for r, _ in special}
    if special:
        grid = [list(row) for row in grid]
        height, width = max(r for r, _ in special), max(c for _, c in special) + 1
        grid.extend([] for _ in range(height - len(grid)))
        for row in grid:
            row.extend([""] * (width - len(row)))
    hidden = set(facts.hidden_rows.get(sheet_name, ()))
    used = {c: col for c, col in header.columns.items() if seen.get(col.field) == c}
    records: list[Record] = []
    hidden_used: list[int] = []
    headerless: dict[int, int] = {}
    # field name, parser, column letter and header per read column: built once per sheet, not per cell
    readers: list[tuple[int, str, Callable[[Any], Any], bool]] = []
    columns: dict[str, tuple[str, str]] = {}
    for c in sorted({*used, *header.years}):
        read_col: Column | None = used.get(c)
        name = read_col.field if read_col else f"year{header.years[c]}"
        columns[name] = (column_letter(c), header.text[c])
        readers.append(
            (c, name, cells.PARSERS[read_col.kind] if read_col else cells.parse_amount, read_col is None)
        )
    others = [
        c
        for c in range(max((len(r) for r in grid), default=0))
        if c not in used and c not in header.years and c not in header.text
    ]
    required = [col for col in spec.columns if col.required and col.field in seen]
    for r in range(header.row + 1, len(grid)):
        row = grid[r]
        excel_row = r + 1
        if excel_row not in special_rows and not any(
            v != "" and v is not None and not (isinstance(v, str) and v.isspace()) for v in row
        ):
            continue
        if _is_totals_row(row, used):
            problems.append(
                Problem.of(
                    Reason.INVALID_VALUE,
                    msg("excel.totals_row"),
                    Location(file=file, sheet=sheet_name, row=excel_row),
                    severity="warning",
                )
            )
            continue
        rec = Record(file=file, sheet=sheet_name, row=excel_row, columns=columns)
        n = len(row)
        for c, name, parse, is_year in readers:
            value = row[c] if c < n else None
            if excel_row in special_rows:
                ref = f"{columns[name][0]}{excel_row}"
                if ref in uncached:
                    rec.bad.add(name)
                    problems.append(
                        Problem.of(
                            Reason.FORMULA_WITHOUT_VALUE,
                            msg("excel.formula_without_value", formula=uncached[ref]),
                            rec.at(name),
                        )
                    )
                    continue
                if ref in errors:
                    value = errors[ref]  # calamine shows error cells empty; cells.* explains the error value
            if value is None or value == "" or (isinstance(value, str) and value.isspace()):
                continue
            try:
                if is_year:
                    rec.years[int(name[4:])] = parse(value)
                else:
                    rec.values[name] = parse(value)
            except cells.CellIssue as issue:
                rec.bad.add(name)
                problems.append(Problem.of(issue.reason, issue.msg, rec.at(name)))
        for c in others:
            if c < n and not cells.is_empty(row[c]):
                headerless.setdefault(c, excel_row)
        for col in required:
            if col.field not in rec.values and col.field not in rec.bad:
                rec.bad.add(col.field)
                problems.append(
                    Problem.of(Reason.EMPTY_REQUIRED, msg("excel.empty_required", column=col.nl),
                               rec.at(col.field))
                )
        if excel_row in hidden:
            hidden_used.append(excel_row)
        records.append(rec)
    for c, first in sorted(headerless.items()):
        problems.append(
            Problem.of(
                Reason.UNKNOWN_COLUMN,
                msg("excel.headerless_column", column=column_letter(c)),
                Location(file=file, sheet=sheet_name, row=first, cell=f"{column_letter(c)}{first}"),
                severity="warning",
            )
        )
    hidden_cols = [c for c in facts.hidden_columns.get(sheet_name, ()) if c in header.text]
    if hidden_cols:
        shown = ", ".join(f"{column_letter(c)} ({header.text[c]})" for c in hidden_cols)
        problems.append(
            Problem.of(
                Reason.INVALID_VALUE,
                msg("excel.hidden_columns", columns=shown),
                sheet_loc,
                severity="warning",
            )
        )
    if hidden_used:
        shown = ", ".join(map(str, hidden_used[:10])) + (" …" if len(hidden_used) > 10 else "")
        problems.append(
            Problem.of(
                Reason.INVALID_VALUE,
                msg("excel.hidden_rows", rows=shown),
                sheet_loc,
                severity="warning",
            )
        )
    return records, problems


def _split_ref(ref: str) -> tuple[int, int]:
    """``"C14"`` -> (14, 2): Excel row number and 0-based column index."""
    letters = ref.rstrip("0123456789")
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(ref[len(letters) :]), col - 1


def _is_totals_row(row: list[Any], used: dict[int, Column]) -> bool:
    """A row without an id whose text cells say 'Totaal'/'Total' (a sum line under the table)."""
    key_col = next((c for c, col in used.items() if col.field in ("id", "partner")), None)
    if key_col is not None and key_col < len(row) and not cells.is_empty(row[key_col]):
        return False
    return any(
        isinstance(v, str) and v.strip().casefold().rstrip(":") in ("totaal", "total", "som", "sum")
        for v in row
    )
