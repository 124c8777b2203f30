"""Write an empty partner workbook (template) for an area, from the header table.

The template has the data sheets of the input contract with their headers
(Dutch or English), an explanation sheet (``Uitleg`` / ``Explanation``) that
lists every column as :mod:`dia.io.columns` describes it, and a hidden
``Lijsten`` sheet that feeds the dropdowns: project type, buurt, partner and
ja/nee. Year cells only accept years within the area's horizon. Headers are
frozen and columns sized. A filled-in template validates with
:func:`dia.io.area.load_area`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from dia.io.atomic import write_atomic
from dia.io.columns import (
    BUDGET,
    CASH_FLOW,
    EXPLANATION_SHEET,
    KIND_TEXT,
    LISTS_SHEET,
    PROJECTS,
    SHEETS,
    Column,
    Lang,
    Sheet,
    year_column_header,
)
from dia.model import AreaConfig

#: Rows that carry dropdowns and validation (a partner has far fewer projects).
TEMPLATE_ROWS = 1000

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="BDD7EE")
_BOLD = Font(bold=True)
_EURO_FORMAT = "#,##0"

_WORDS: dict[Lang, dict[str, str]] = {
    "nl": {
        "title": "Invulblad DIA {area}",
        "intro": (
            "Vul per project één regel in op het blad {projects}, en uw budget per jaar op het blad Budget. "
            "Kopregels niet wijzigen; extra kolommen worden genegeerd. Bedragen in euro."
        ),
        "partner_line": "Partner: {partner}",
        "horizon": "Planhorizon: {start}–{end}",
        "sheet": "Blad",
        "column": "Kolom",
        "required": "Verplicht",
        "type": "Soort",
        "unit": "Eenheid",
        "meaning": "Uitleg",
        "example": "Voorbeeld",
        "yes": "ja",
        "no": "nee",
        "types": "Projecttypes (kolom Type)",
        "buurten": "Buurten (kolom Buurtcode)",
        "code": "Code",
        "name": "Naam",
        "label": "Omschrijving",
        "aliases": "Ook bekend als",
        "year_cols": "Jaar 1, Jaar 2, …",
        "year_meaning": "Bedrag in het 1e, 2e, … projectjaar (Jaar 1 = startjaar).",
        "year_title": "Jaartal",
        "year_error": "Vul een jaar in tussen {start} en {end}.",
        "list_error": "Kies een waarde uit de lijst.",
        "number_error": "Vul een getal ≥ 0 in.",
        "duration_error": "Vul een geheel aantal jaren ≥ 1 in.",
        "fraction_error": "Vul een fractie 0–1 of % in.",
        "partners": "Partners",
    },
    "en": {
        "title": "DIA input workbook {area}",
        "intro": (
            "Enter one row per project in the {projects} sheet and your budget per year in the Budget sheet. "
            "Do not change the header rows; extra columns are ignored. Amounts in euro."
        ),
        "partner_line": "Partner: {partner}",
        "horizon": "Planning horizon: {start}–{end}",
        "sheet": "Sheet",
        "column": "Column",
        "required": "Required",
        "type": "Kind",
        "unit": "Unit",
        "meaning": "Meaning",
        "example": "Example",
        "yes": "yes",
        "no": "no",
        "types": "Project types (column Type)",
        "buurten": "Buurten (column area)",
        "code": "Code",
        "name": "Name",
        "label": "Label",
        "aliases": "Also known as",
        "year_cols": "Year 1, Year 2, …",
        "year_meaning": "Amount in the 1st, 2nd, … project year (Year 1 = start).",
        "year_title": "Year",
        "year_error": "Enter a year between {start} and {end}.",
        "list_error": "Pick a value from the list.",
        "number_error": "Enter a number ≥ 0.",
        "duration_error": "Enter a whole number of years ≥ 1.",
        "fraction_error": "Enter a fraction 0–1 or a %.",
        "partners": "Partners",
    },
}


def write_template(
    out: str | Path, config: AreaConfig, partner: str | None = None, lang: Lang = "nl"
) -> Path:
    """Write an empty partner workbook for ``config``'s area to ``out`` (atomically).

    Parameters
    ----------
    out:
        Target ``.xlsx`` path; written through a temporary file, so an existing
        file is replaced only when the template is complete.
    config:
        The area configuration (horizon, buurten, types, partner metadata).
    partner:
        Pre-fill the Budget sheet with one row per horizon year for this
        partner and put it first in the partner dropdown.
    lang:
        ``nl`` (default) or ``en``: sheet names, headers and the explanation.

    Returns
    -------
    Path
        ``out``.

    Examples
    --------
    >>> from dia.io.config import load_config  # doctest: +SKIP
    >>> write_template("Vitens.xlsx", load_config("examples/twekkelerveld"), "Vitens")  # doctest: +SKIP
    """
    book = build_template(config, partner, lang)
    return write_atomic(out, book.save)


def build_template(config: AreaConfig, partner: str | None = None, lang: Lang = "nl") -> Workbook:
    """The template as an openpyxl workbook (not yet saved)."""
    words = _WORDS[lang]
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    lists = _lists_sheet(book, config, partner, lang)
    horizon_years = config.horizon.end - config.horizon.start + 1
    for spec in SHEETS:
        ws = book.create_sheet(spec.name(lang))
        headers: list[tuple[str, Column | None]] = [(c.header(lang), c) for c in spec.columns]
        if spec is CASH_FLOW:
            headers += [(year_column_header(k, lang), None) for k in range(1, horizon_years + 1)]
        for col, (text, column) in enumerate(headers, start=1):
            cell = ws.cell(row=1, column=col)
            _set_text(cell, text)
            cell.font = _BOLD
            cell.fill = _REQUIRED_FILL if column is not None and column.required else _HEADER_FILL
            cell.alignment = Alignment(vertical="center")
            width = max(len(text) + 3, 12)
            if column is not None:
                width = max(width, min(len(column.example) + 3, 40))
                if column.field in ("name", "location", "shares"):
                    width = 36
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.freeze_panes = "A2"
        _validate(ws, spec, headers, lists, config, words)
        if spec is BUDGET and partner:
            for i, year in enumerate(config.horizon.years, start=2):
                _set_text(ws.cell(row=i, column=1), partner)
                ws.cell(row=i, column=2, value=year)
    _explanation(book, config, partner, lang)
    hidden = book[LISTS_SHEET[lang]]
    book.move_sheet(hidden, offset=len(book.sheetnames) - 1 - book.index(hidden))
    return book


def _set_text(cell: Any, value: object) -> None:
    """Write a value; text that starts like a formula stays text (never executed)."""
    cell.value = value
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        cell.data_type = "s"


def _lists_sheet(book: Workbook, config: AreaConfig, partner: str | None, lang: Lang) -> dict[str, str]:
    """The hidden sheet behind the dropdowns; returns list name -> absolute range formula."""
    words = _WORDS[lang]
    ws = book.create_sheet(LISTS_SHEET[lang])
    ws.sheet_state = "hidden"
    partners = list(dict.fromkeys([*([partner] if partner else []), *(p.name for p in config.partners)]))
    columns = {
        "type": [t.id for t in config.types],
        "buurt": [b.code for b in config.buurten],
        "partner": partners,
        "bool": [words["yes"], words["no"]],
    }
    ranges: dict[str, str] = {}
    for col, (name, values) in enumerate(columns.items(), start=1):
        _set_text(ws.cell(row=1, column=col), name)
        for row, value in enumerate(values, start=2):
            _set_text(ws.cell(row=row, column=col), value)
        if values:
            letter = get_column_letter(col)
            ranges[name] = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _validate(
    ws: Worksheet,
    spec: Sheet,
    headers: list[tuple[str, Column | None]],
    lists: dict[str, str],
    config: AreaConfig,
    words: dict[str, str],
) -> None:
    """Dropdowns and range checks on the data rows of one sheet."""
    start, end = config.horizon.start, config.horizon.end
    for col, (_text, column) in enumerate(headers, start=1):
        letter = get_column_letter(col)
        area = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        rule: DataValidation | None = None
        if column is None:  # cash-flow year columns
            rule = DataValidation(
                type="decimal", operator="greaterThanOrEqual", formula1="0", error=words["number_error"]
            )
        elif column.kind == "year":
            rule = DataValidation(
                type="whole",
                operator="between",
                formula1=str(start),
                formula2=str(end),
                error=words["year_error"].format(start=start, end=end),
                errorTitle=words["year_title"],
            )
        elif column.field == "type" and spec is PROJECTS and "type" in lists:
            rule = DataValidation(type="list", formula1=lists["type"], error=words["list_error"])
        elif column.field == "buurt" and "buurt" in lists:
            # names and aliases are accepted too: warn rather than refuse
            rule = DataValidation(
                type="list", formula1=lists["buurt"], error=words["list_error"], errorStyle="warning"
            )
        elif column.field == "partner" and "partner" in lists:
            rule = DataValidation(
                type="list", formula1=lists["partner"], error=words["list_error"], errorStyle="warning"
            )
        elif column.kind == "bool":
            rule = DataValidation(type="list", formula1=lists["bool"], error=words["list_error"])
        elif column.kind == "int":
            rule = DataValidation(
                type="whole", operator="greaterThanOrEqual", formula1="1", error=words["duration_error"]
            )
        elif column.kind == "fraction":
            rule = DataValidation(
                type="decimal",
                operator="between",
                formula1="0",
                formula2="1",
                error=words["fraction_error"],
                errorStyle="warning",
            )
        if column is None or (column.kind in ("euro", "number")):
            # amounts may also be typed as text (€ 1.250.000): warn only
            rule = rule or DataValidation(
                type="decimal",
                operator="greaterThanOrEqual",
                formula1="0",
                error=words["number_error"],
                errorStyle="warning",
            )
            rule.errorStyle = "warning"
            ws.column_dimensions[letter].number_format = _EURO_FORMAT
        if rule is not None:
            rule.showErrorMessage = True
            rule.add(area)
            ws.add_data_validation(rule)


def _explanation(book: Workbook, config: AreaConfig, partner: str | None, lang: Lang) -> None:
    words = _WORDS[lang]
    ws = book.create_sheet(EXPLANATION_SHEET[lang], 0)
    rows: list[list[object]] = [
        [words["title"].format(area=config.name)],
        [words["intro"].format(projects=PROJECTS.name(lang))],
        [words["horizon"].format(start=config.horizon.start, end=config.horizon.end)],
    ]
    if partner:
        rows.append([words["partner_line"].format(partner=partner)])
    rows.append([])
    header_row = len(rows) + 1
    rows.append(
        [
            words["sheet"],
            words["column"],
            words["required"],
            words["type"],
            words["unit"],
            words["meaning"],
            words["example"],
        ]
    )
    for spec in SHEETS:
        rows.append([spec.name(lang), "", "", "", "", spec.description(lang), ""])
        for c in spec.columns:
            rows.append(
                [
                    spec.name(lang),
                    c.header(lang),
                    words["yes"] if c.required else words["no"],
                    KIND_TEXT[c.kind][0 if lang == "nl" else 1],
                    c.unit,
                    c.description(lang),
                    c.example,
                ]
            )
        if spec is CASH_FLOW:
            rows.append(
                [
                    spec.name(lang),
                    words["year_cols"],
                    words["no"],
                    KIND_TEXT["euro"][0 if lang == "nl" else 1],
                    "€",
                    words["year_meaning"],
                    "",
                ]
            )
    rows.append([])
    rows.append([words["types"]])
    rows.append([words["code"], words["label"]])
    rows.extend([t.id, (t.label if lang == "nl" else t.label_en or t.label)] for t in config.types)
    rows.append([])
    rows.append([words["buurten"]])
    rows.append([words["code"], words["name"], words["aliases"]])
    rows.extend([b.code, b.name, "; ".join(b.aliases)] for b in config.buurten)
    if config.partners:
        rows.append([])
        rows.append([words["partners"]])
        rows.extend([p.name, p.kind or ""] for p in config.partners)
    for r, row in enumerate(rows, start=1):
        for col_no, value in enumerate(row, start=1):
            _set_text(ws.cell(row=r, column=col_no), value)
    ws["A1"].font = Font(bold=True, size=14)
    for cell in ws[header_row]:
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
    for letter, width in zip("ABCDEFG", (16, 22, 10, 34, 10, 70, 26), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=header_row + 1):
        row[5].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = f"A{header_row + 1}"
