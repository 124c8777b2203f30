"""``agenda.xlsx``: the agenda as a workbook a working group can present without editing.

Sheets (Dutch names by default, English with ``lang="en"``):

* ``Agenda`` - one row per project with a year-by-year spend block whose
  active years are shaded in the partner's colour, and a totals row;
* ``Kasstroom`` - partner x year: budget, carry-over, spend, saving, funds,
  net and headroom, with conditional formatting for any over-budget year
  and totals per partner;
* ``Koppelkansen`` - every pair, realised or not and why not, and the
  realised clusters;
* ``Scenario`` - inputs and their hashes, solver, status, gap, timings,
  findings;
* ``_dia`` (hidden) - the whole agenda as JSON, read by
  :func:`dia.io.agenda_io.read_agenda`.

Every text cell that comes from the inputs is written as a string, never a
formula, and marked with Excel's quote prefix when it starts with ``=``,
``+``, ``-``, ``@``, tab or CR, so editing the cell does not turn it into one
either. The file is byte-for-byte reproducible: the zip entries carry a fixed
date and the creation/modification stamps are left out (``run.json`` has the
time of the run).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dia.model.agenda import spend_after_horizon, spend_after_horizon_by_partner
from dia.report._text import finding_kind, text
from dia.report.colours import partner_colours, tint
from dia.report.tables import FORMULA_TRIGGERS

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from dia.model import Agenda, Area

EURO = '"€" #,##0;[Red]-"€" #,##0'
PERCENT = "0.0%"
HEADER_FILL = "1F3A5F"
TOTAL_FILL = "D9D9D9"
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
_STAMP = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def safe_text(value: str) -> str:
    """Remove control characters that the xlsx format cannot hold (keeps tab, LF, CR)."""
    return _ILLEGAL.sub("\N{REPLACEMENT CHARACTER}", value)


class _Sheet:
    """Small writing helper around a worksheet: typed cells, styles, widths."""

    def __init__(self, ws: Worksheet) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.ws = ws
        self.widths: dict[int, float] = defaultdict(float)
        self.header_font = Font(bold=True, color="FFFFFF")
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.total_font = Font(bold=True)
        self.total_fill = PatternFill("solid", fgColor=TOTAL_FILL)
        self.grey = Font(color="7F7F7F", italic=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.thin = Border(bottom=Side(style="thin", color="7F7F7F"))
        self._fills: dict[str, Any] = {}

    def fill(self, colour: str) -> Any:
        from openpyxl.styles import PatternFill

        key = colour.lstrip("#").upper()
        if key not in self._fills:
            self._fills[key] = PatternFill("solid", fgColor=key)
        return self._fills[key]

    def put(self, row: int, col: int, value: Any, *, fmt: str | None = None,
            width: float | None = None) -> Any:
        """Write ``value``; input text is always a string cell, quote-prefixed if it looks like a formula."""
        cell = self.ws.cell(row=row, column=col)
        if isinstance(value, str):
            value = safe_text(value)
            cell.value = value
            cell.data_type = "s"  # never a formula, whatever the first character
            if value.startswith(FORMULA_TRIGGERS):
                cell.quotePrefix = True
            shown = max((len(line) for line in value.splitlines()), default=0)
        else:
            cell.value = value
            shown = len(f"{value:,.0f}") + 2 if isinstance(value, float) else len(str(value or ""))
        if fmt is not None:
            cell.number_format = fmt
        self.widths[col] = max(self.widths[col], width if width is not None else shown)
        return cell

    def header(self, row: int, labels: list[str]) -> None:
        for col, label in enumerate(labels, start=1):
            cell = self.put(row, col, label)
            cell.font = self.header_font
            cell.fill = self.header_fill
            cell.alignment = self.wrap

    def finish(self, *, min_width: float = 6, max_width: float = 60) -> None:
        from openpyxl.utils import get_column_letter

        for col, width in sorted(self.widths.items()):
            letter = get_column_letter(col)
            self.ws.column_dimensions[letter].width = min(max_width, max(min_width, width + 2))


def _yes(flag: bool, lang: str) -> str:
    return text("yes" if flag else "no", lang)


def _agenda_sheet(wb: Workbook, agenda: Agenda, area: Area | None, lang: str,
                  colours: dict[str, str]) -> None:
    from openpyxl.utils import get_column_letter

    ws = wb.active
    assert ws is not None
    ws.title = text("sheet.agenda", lang)
    s = _Sheet(ws)
    years = list(range(agenda.horizon_start, agenda.horizon_end + 1))
    fields = ["project_id", "partner", "name", "type", "buurt"]
    if area is not None:
        fields += ["buurt_name", "street"]
    fields += ["selected", "mandatory", "start", "end", "preferred", "cost", "saving", "value",
               "cluster", "reason"]
    # spend after the horizon is committed but not budgeted: one column after the year block,
    # only where some project runs past the horizon
    after = spend_after_horizon(agenda)
    labels = [text(f"col.{f}", lang) for f in fields] + [str(y) for y in years]
    if after:
        labels.append(text("col.after_horizon", lang, end=agenda.horizon_end))
    s.header(1, labels)
    first_year_col = len(fields) + 1
    col_of = {f: i for i, f in enumerate(fields, start=1)}
    buurt_names = {b.code: b.name for b in area.config.buurten} if area is not None else {}
    type_labels: dict[str, str] = {}
    if area is not None:
        type_labels = {t.id: (t.label_en or t.label) if lang == "en" else t.label for t in area.config.types}
    streets = {p.id: "; ".join(p.streets) for p in area.projects} if area is not None else {}
    totals: dict[str, float] = defaultdict(float)
    year_totals: dict[int, float] = defaultdict(float)
    row = 1
    for p in sorted(agenda.projects, key=lambda p: p.project_id):
        row += 1
        values: dict[str, object] = {
            "project_id": p.project_id, "partner": p.partner, "name": p.name,
            "type": type_labels.get(p.type, p.type), "buurt": p.buurt,
            "buurt_name": buurt_names.get(p.buurt, ""), "street": streets.get(p.project_id, ""),
            "selected": _yes(p.is_selected, lang), "mandatory": _yes(p.is_mandatory, lang),
            "start": p.start_year, "end": p.end_year, "preferred": p.preferred_start,
            "cost": p.cost, "saving": p.saving, "value": p.value, "cluster": p.cluster or "",
            "reason": p.reason or "",
        }
        for f in fields:
            fmt = EURO if f in ("cost", "saving", "value") else None
            cell = s.put(row, col_of[f], values[f], fmt=fmt, width=40 if f == "reason" else None)
            if not p.is_selected:
                cell.font = s.grey
        colour = colours.get(p.partner, "#808080")
        s.ws.cell(row=row, column=col_of["partner"]).fill = s.fill(tint(colour, 0.55))
        spend_by_year: dict[int, float] = defaultdict(float)
        for item in p.spend:
            spend_by_year[item.year] += item.amount
        active: set[int] = set()
        if p.start_year is not None:
            active = set(range(p.start_year, (p.end_year or p.start_year) + 1))
        for j, year in enumerate(years):
            amount = spend_by_year.get(year, 0.0)
            cell = s.put(row, first_year_col + j, amount if amount else None, fmt=EURO, width=11)
            if year in active:
                cell.fill = s.fill(tint(colour, 0.35))
            year_totals[year] += amount
        if after:
            later = sum(after.get(p.project_id, {}).values())
            s.put(row, first_year_col + len(years), later or None, fmt=EURO, width=11)
            totals["after"] += later
        if p.is_selected:
            totals["cost"] += p.cost
            totals["saving"] += p.saving
            totals["value"] += p.value
    last = row
    row += 1
    s.put(row, 1, text("total", lang))
    for f in ("cost", "saving", "value"):
        s.put(row, col_of[f], totals[f], fmt=EURO)
    for j, year in enumerate(years):
        s.put(row, first_year_col + j, year_totals[year], fmt=EURO, width=11)
    if after:
        s.put(row, first_year_col + len(years), totals["after"], fmt=EURO, width=11)
    for col in range(1, len(labels) + 1):
        cell = s.ws.cell(row=row, column=col)
        cell.font = s.total_font
        cell.fill = s.total_fill
    s.ws.freeze_panes = "C2"
    s.ws.auto_filter.ref = f"A1:{get_column_letter(len(labels))}{max(last, 2)}"
    s.ws.row_dimensions[1].height = 30
    s.finish()


def _cashflow_sheet(wb: Workbook, agenda: Agenda, lang: str, colours: dict[str, str]) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(text("sheet.cashflow", lang))
    s = _Sheet(ws)
    fields = ["partner", "year", "budget", "carry_in", "spend", "saving", "fund_draw", "net", "carry_out",
              "room", "use"]
    s.header(1, [text(f"col.{f}", lang) for f in fields])
    col_of = {f: i for i, f in enumerate(fields, start=1)}
    row = 1
    per_partner: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for c in sorted(agenda.cashflow, key=lambda c: (c.partner, c.year)):
        row += 1
        available = c.budget + c.carry_in
        values: dict[str, object] = {
            "partner": c.partner, "year": c.year, "budget": c.budget, "carry_in": c.carry_in,
            "spend": c.spend, "saving": c.saving, "fund_draw": c.fund_draw, "net": c.net,
            "carry_out": c.carry_out, "room": available - c.net,
            "use": (c.net / available) if available > 0 else None,
        }
        for f in fields:
            s.put(row, col_of[f], values[f], fmt=PERCENT if f == "use" else (
                EURO if f not in ("partner", "year") else None))
        s.ws.cell(row=row, column=1).fill = s.fill(tint(colours.get(c.partner, "#808080"), 0.55))
        for f, amount in (("budget", c.budget), ("spend", c.spend), ("saving", c.saving),
                          ("fund_draw", c.fund_draw), ("net", c.net)):
            per_partner[c.partner][f] += amount
    last = max(row, 2)
    room = get_column_letter(col_of["room"])
    # Over budget: net spend above budget plus carry-over (half a euro of rounding allowed).
    s.ws.conditional_formatting.add(
        f"A2:{get_column_letter(len(fields))}{last}",
        FormulaRule(formula=[f"${room}2<-0.5"], fill=PatternFill("solid", fgColor="F4B6B6"),
                    font=Font(color="9C0006", bold=True)),
    )
    s.ws.freeze_panes = "C2"
    s.ws.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{last}"
    # Totals over the horizon, per partner and for the area.
    row += 2
    money_fields = ["budget", "spend", "saving", "fund_draw", "net"]
    # spend after the horizon, per partner: committed by the agenda, outside every budget year
    later = spend_after_horizon_by_partner(agenda)
    for partner in later:
        per_partner[partner]["after_horizon"] = later[partner]
    total_fields = ["partner", *money_fields, "use", *(["after_horizon"] if later else [])]
    col_of = {f: i for i, f in enumerate(total_fields, start=1)}
    for f, col in col_of.items():
        label = {"partner": text("col.total", lang),
                 "after_horizon": text("col.after_horizon", lang, end=agenda.horizon_end)}.get(f)
        cell = s.put(row, col, label or text(f"col.{f}", lang))
        cell.font = s.header_font
        cell.fill = s.header_fill
    grand: dict[str, float] = defaultdict(float)
    summed = [f for f in total_fields if f not in ("partner", "use")]
    for partner in sorted(per_partner):
        row += 1
        figures = per_partner[partner]
        s.put(row, 1, partner).fill = s.fill(tint(colours.get(partner, "#808080"), 0.55))
        for f in summed:
            s.put(row, col_of[f], figures[f], fmt=EURO)
            grand[f] += figures[f]
        s.put(row, col_of["use"], figures["net"] / figures["budget"] if figures["budget"] else None,
              fmt=PERCENT)
    row += 1
    s.put(row, 1, text("total", lang))
    for f in summed:
        s.put(row, col_of[f], grand[f], fmt=EURO)
    s.put(row, col_of["use"], grand["net"] / grand["budget"] if grand["budget"] else None, fmt=PERCENT)
    for col in range(1, len(total_fields) + 1):
        s.ws.cell(row=row, column=col).font = s.total_font
        s.ws.cell(row=row, column=col).fill = s.total_fill
    s.ws.row_dimensions[1].height = 30
    s.finish()


def _couplings_sheet(wb: Workbook, agenda: Agenda, lang: str) -> None:
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(text("sheet.couplings", lang))
    s = _Sheet(ws)
    names = {p.project_id: p.name for p in agenda.projects}
    fields = ["project_a", "name_a", "project_b", "name_b", "rule", "potential_saving", "realised",
              "saving", "why_not"]
    s.header(1, [text(f"col.{f}", lang) for f in fields])
    row = 1
    for c in sorted(agenda.couplings, key=lambda c: (c.project_a, c.project_b, c.rule)):
        row += 1
        values: list[object] = [c.project_a, names.get(c.project_a, ""), c.project_b,
                                names.get(c.project_b, ""), c.rule, c.potential_saving,
                                _yes(c.is_realised, lang), c.saving, c.reason or ""]
        for col, value in enumerate(values, start=1):
            cell = s.put(row, col, value, fmt=EURO if col in (6, 8) else None,
                         width=40 if col == 9 else None)
            if not c.is_realised:
                cell.font = s.grey
    last = max(row, 2)
    s.ws.freeze_panes = "A2"
    s.ws.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{last}"
    # Realised clusters: the groups of projects carried out together.
    clusters: dict[str, list[str]] = defaultdict(list)
    for p in agenda.projects:
        if p.cluster and p.is_selected:
            clusters[p.cluster].append(p.project_id)
    row += 2
    s.put(row, 1, text("section.clusters", lang)).font = s.total_font
    row += 1
    for col, key in enumerate(("col.cluster", "col.members", "col.saving", "col.start"), start=1):
        cell = s.put(row, col, text(key, lang))
        cell.font = s.header_font
        cell.fill = s.header_fill
    by_id = {p.project_id: p for p in agenda.projects}
    for cluster in sorted(clusters):
        row += 1
        members = sorted(clusters[cluster])
        s.put(row, 1, cluster)
        s.put(row, 2, ", ".join(members))
        s.put(row, 3, sum(by_id[m].saving for m in members), fmt=EURO)
        starts = sorted({y for m in members if (y := by_id[m].start_year) is not None})
        s.put(row, 4, ", ".join(str(y) for y in starts))
    s.finish()


def _scenario_sheet(wb: Workbook, agenda: Agenda, lang: str) -> None:
    from dia import __version__

    ws = wb.create_sheet(text("sheet.scenario", lang))
    s = _Sheet(ws)
    run = agenda.run
    s.header(1, [text("col.item", lang), text("col.setting", lang)])
    items: list[tuple[str, object, str | None]] = [
        ("item.area", agenda.area, None),
        ("item.scenario", run.scenario or text("scenario.base", lang), None),
        ("item.horizon", f"{agenda.horizon_start}–{agenda.horizon_end}", None),
        ("item.status", text(f"status.{run.status}", lang), None),
        ("item.objective", agenda.objective.total, "#,##0.00"),
        ("item.objective_value", agenda.objective.value, "#,##0.00"),
        ("item.objective_saving", agenda.objective.saving, "#,##0.00"),
        ("item.objective_delay", agenda.objective.delay_penalty, "#,##0.00"),
        ("item.bound", run.bound, "#,##0.00"),
        ("item.gap", run.gap, "0.00%"),
        ("item.solver", run.solver, None),
        ("item.solver_version", run.solver_version, None),
        ("item.time_limit", run.time_limit, None),
        ("item.threads", run.threads, None),
        ("item.seed", run.seed, None),
        ("item.build_seconds", run.build_seconds, "0.00"),
        ("item.solve_seconds", run.solve_seconds, "0.00"),
        ("item.input_hash", run.input_hash, None),
        ("item.dia_version", __version__, None),
    ]
    row = 1
    for key, value, fmt in items:
        row += 1
        s.put(row, 1, text(key, lang)).font = s.total_font
        s.put(row, 2, value, fmt=fmt, width=20 if isinstance(value, str) and len(value) > 20 else None)
    row += 2
    s.put(row, 1, text("item.inputs", lang)).font = s.total_font
    row += 1
    for col, key in enumerate(("col.file", "col.sha256"), start=1):
        cell = s.put(row, col, text(key, lang))
        cell.font = s.header_font
        cell.fill = s.header_fill
    for name, digest in sorted(run.inputs):
        row += 1
        s.put(row, 1, name)
        s.put(row, 2, digest, width=20)
    if agenda.findings:
        row += 2
        s.put(row, 1, text("item.findings", lang)).font = s.total_font
        for f in agenda.findings:
            row += 1
            s.put(row, 1, finding_kind(f.kind, lang))
            s.put(row, 2, f.message, width=20).alignment = s.wrap
    s.ws.freeze_panes = "A2"
    s.finish(max_width=70)


def _data_sheet(wb: Workbook, agenda: Agenda) -> None:
    from dia.io.agenda_io import DATA_SHEET, FORMAT, VERSION, agenda_to_chunks

    ws = wb.create_sheet(DATA_SHEET)
    ws.sheet_state = "hidden"
    chunks = agenda_to_chunks(agenda)
    ws.cell(row=1, column=1, value=FORMAT)
    ws.cell(row=2, column=1, value=VERSION)
    ws.cell(row=3, column=1, value=len(chunks))
    for i, chunk in enumerate(chunks, start=4):
        cell = ws.cell(row=i, column=1)
        cell.value = chunk
        cell.data_type = "s"


def build_workbook(agenda: Agenda, *, lang: str = "nl", area: Area | None = None,
                   colours: dict[str, str] | None = None) -> Workbook:
    """Build the ``agenda.xlsx`` workbook in memory.

    Parameters
    ----------
    agenda:
        The agenda.
    lang:
        ``"nl"`` or ``"en"``.
    area:
        Optional: adds buurt names, streets and type labels, and the partners' colours.
    colours:
        Partner colours (default :func:`dia.report.colours.partner_colours`).

    Returns
    -------
    openpyxl.Workbook
        The workbook; save it with :func:`write_workbook` for reproducible bytes.
    """
    from openpyxl import Workbook

    colours = colours or partner_colours(agenda, area)
    wb = Workbook()
    _agenda_sheet(wb, agenda, area, lang, colours)
    _cashflow_sheet(wb, agenda, lang, colours)
    _couplings_sheet(wb, agenda, lang)
    _scenario_sheet(wb, agenda, lang)
    _data_sheet(wb, agenda)
    wb.active = 0
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    """Serialise a workbook reproducibly: fixed zip dates, no creation/modification stamps."""
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _STAMP.sub(b"", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, data)
    return out.getvalue()


def write_workbook(agenda: Agenda, path: str | Path, *, lang: str = "nl", area: Area | None = None,
                   colours: dict[str, str] | None = None) -> Path:
    """Write ``agenda.xlsx`` atomically and return its path (see :func:`build_workbook`)."""
    from dia.io.atomic import atomic_open

    data = workbook_bytes(build_workbook(agenda, lang=lang, area=area, colours=colours))
    with atomic_open(path, "wb") as handle:
        handle.write(data)
    return Path(path)
