"""Scenario outputs for people: the comparison (``dia compare``) and re-plan changes.

The sweep's outputs are in :mod:`dia.report.sweep`; the labels below serve both.

Every writer builds its files in memory and publishes them together through
:func:`dia.io.atomic.staged_dir`, so a failed run leaves nothing half-written.
The CSV files use stable English column names and fixed number formats
(machine-readable, byte-identical for the same input); the workbook, the
charts and the terminal table speak Dutch by default and English with
``lang="en"``.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dia.report.frames import at, euro_mln, missing, png, write_files
from dia.report.tables import csv_bytes, fmt_text
from dia.solver.texts import status_word

if TYPE_CHECKING:
    from dia.model import Area
    from dia.scenarios.compare import ComparisonTable
    from dia.scenarios.diff import Change

#: Fill of a cell that differs from the reference scenario.
DIFF_FILL = "FFE699"
#: Fill of the status of a scenario that could not be planned.
FAILED_FILL = "F4B6B6"

_LABELS: dict[str, tuple[str, str]] = {
    "objective": ("Doelfunctie", "Objective"),
    "value": ("Maatschappelijke waarde (SIA-gewogen)", "Societal value (SIA-weighted)"),
    "saving": ("Gerealiseerde besparing", "Realised savings"),
    "couplings_realised": ("Gerealiseerde koppelkansen", "Koppelkansen realised"),
    "projects_scheduled": ("Projecten gepland", "Projects scheduled"),
    "projects_delayed": ("Projecten later dan gewenst", "Projects later than preferred"),
    "projects_dropped": ("Projecten niet gepland", "Projects not scheduled"),
    "projects_left_out": ("Projecten buiten het scenario", "Projects left out by the scenario"),
    "projects_scheduled_buurt": ("Projecten gepland in buurt", "Projects scheduled in buurt"),
    "budget": ("Budget (horizon)", "Budget (horizon)"),
    "net_spend": ("Netto uitgaven (horizon)", "Net spend (horizon)"),
    "shadow_price": ("Schaduwprijs budget (waarde per extra euro)",
                     "Budget shadow price (value per extra euro)"),
    "status": ("Status solver", "Solver status"),
    "gap": ("Gap", "Gap"),
    # scenarios that could not be planned
    "failed.head": ("Scenario's die niet te plannen zijn", "Scenarios that cannot be planned"),
    "failed.warning": ("let op: niet te plannen: {names}; de andere scenario's zijn wel vergeleken",
                       "note: cannot be planned: {names}; the other scenarios are compared"),
    "failed.page_warning": ("Niet elk scenario is te plannen: {names}. Hun kolom toont alleen de status; "
                            "waarom staat onder '{head}'.",
                            "Not every scenario can be planned: {names}. Their column shows only the "
                            "status; why is under '{head}'."),
    "failed.see_below": ("{status}: niet te vergelijken, zie hieronder",
                         "{status}: nothing to compare, see below"),
    "failed.see_section": ("{status}: niet te vergelijken, zie '{head}'",
                           "{status}: nothing to compare, see '{head}'"),
    "failed.none": ("(geen verklaring van de solver)", "(no explanation from the solver)"),
    "failed.why": ("Waarom", "Why"),
    # compare.html
    "html.title": ("Scenariovergelijking {area}", "Scenario comparison {area}"),
    "html.subtitle": ("Dynamische Investeringsagenda, {start}–{end} · {n} scenario's · referentie: {ref}",
                      "Dynamic Investment Agenda, {start}–{end} · {n} scenarios · reference: {ref}"),
    "html.compare": ("Vergelijking van scenario's", "Comparison of scenarios"),
    "html.charts": ("Waarde, besparing en uitgaven", "Value, savings and spend"),
    "html.changes": ("Verschillen per project", "Differences per project"),
    "html.detail": ("Per partner en buurt", "Per partner and buurt"),
    # sheets, headers, charts
    "sheet.summary": ("Vergelijking", "Comparison"),
    "sheet.projects": ("Projecten", "Projects"),
    "sheet.changes": ("Verschillen", "Differences"),
    "sheet.failed": ("Niet te plannen", "Cannot be planned"),
    "col.metric": ("Kengetal", "Figure"),
    "col.item": ("Onderdeel", "Item"),
    "col.project_id": ("Projectcode", "Project"),
    "col.partner": ("Partner", "Partner"),
    "col.name": ("Projectnaam", "Name"),
    "col.type": ("Type", "Type"),
    "col.buurt": ("Buurt", "Buurt"),
    "col.scenario": ("Scenario", "Scenario"),
    "col.change": ("Verandering", "Change"),
    "col.old": ("Startjaar in referentie", "Start in reference"),
    "col.new": ("Startjaar in scenario", "Start in scenario"),
    "col.text": ("Omschrijving", "Description"),
    "total": ("totaal", "total"),
    "reference": ("referentie", "reference"),
    "no_changes": ("geen verschuivingen", "nothing moved"),
    "chart.value": ("Waarde en besparing per scenario", "Value and savings per scenario"),
    "chart.spend": ("Netto uitgaven per partner per scenario", "Net spend per partner per scenario"),
    "chart.euro_mln": ("€ mln", "€ mln"),
    "kind.moved": ("verschoven", "moved"),
    "kind.dropped": ("vervalt", "dropped"),
    "kind.scheduled": ("alsnog gepland", "now scheduled"),
    "kind.added": ("nieuw", "added"),
    "kind.removed": ("uit de agenda", "removed"),
    # sweep
    "sweep.sheet.projects": ("Projecten", "Projects"),
    "sweep.sheet.summary": ("Kengetallen", "Figures"),
    "sweep.col.share": ("Aandeel trekkingen gepland", "Share of draws scheduled"),
    "sweep.col.class": ("Oordeel", "Verdict"),
    "sweep.col.years": ("Startjaren (aantal trekkingen)", "Start years (number of draws)"),
    "sweep.col.p50": ("P50", "P50"),
    "sweep.col.p90": ("P90", "P90"),
    "sweep.col.mean": ("Gemiddeld", "Mean"),
    "sweep.core": ("robuuste kern", "robust core"),
    "sweep.luck": ("hangt af van geluk", "depends on luck"),
    "sweep.never": ("nooit gepland", "never scheduled"),
    "sweep.chart.share": ("Hoe vaak wordt elk project gepland?", "How often is each project scheduled?"),
    "sweep.chart.dist": ("Spreiding over de trekkingen", "Spread over the draws"),
    "sweep.chart.share_axis": ("aandeel trekkingen", "share of draws"),
}

#: Metrics whose values are euros (shown as € in the workbook and the terminal).
EURO_METRICS = frozenset({"objective", "value", "saving", "budget", "net_spend"})


def label(code: str, lang: str = "nl") -> str:
    """The user-facing word for ``code`` (Dutch, or English with ``lang="en"``)."""
    nl, en = _LABELS[code]
    return en if lang == "en" else nl


# ---- comparison: CSV, terminal text --------------------------------------------------------------
def _fmt(value: object, metric: str = "") -> str:
    """A summary cell for the CSV: fixed decimals for floats, empty for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        digits = 6 if metric == "gap" else 4 if metric == "shadow_price" else 2
        text = f"{value:.{digits}f}"
        return "0." + "0" * digits if text == "-0." + "0" * digits else text
    if isinstance(value, int):
        return str(value)
    return fmt_text(str(value))


def comparison_csv(table: ComparisonTable) -> bytes:
    """``compare.csv``: ``metric, item`` and one column per scenario (reference first)."""
    rows = [(m, fmt_text(i), *(_fmt(at(table.summary, (m, i), n), m) for n in table.names))
            for m, i in table.summary.index]
    return csv_bytes(["metric", "item", *table.names], rows)


def projects_csv(table: ComparisonTable) -> bytes:
    """``compare_projects.csv``: per project its start year in each scenario (empty = not scheduled)."""
    frame = table.projects
    rows = []
    for pid in frame.index:
        starts = [at(frame, pid, n) for n in table.names]
        rows.append((fmt_text(pid), fmt_text(at(frame, pid, "partner")), fmt_text(at(frame, pid, "name")),
                     fmt_text(at(frame, pid, "type")), fmt_text(at(frame, pid, "buurt")),
                     *("" if missing(s) else str(int(s)) for s in starts)))
    return csv_bytes(["project_id", "partner", "name", "type", "buurt", *table.names], rows)


def changes_csv(table: ComparisonTable, lang: str = "nl") -> bytes:
    """``compare_changes.csv``: every project that moved between the reference and a scenario."""
    rows = []
    for name in table.planned[1:]:
        for c in table.changes[name]:
            rows.append((fmt_text(name), fmt_text(c.project_id), fmt_text(c.partner), c.kind,
                         "" if c.old_start is None else str(c.old_start),
                         "" if c.new_start is None else str(c.new_start),
                         fmt_text(c.describe("en" if lang == "en" else "nl"))))
    return csv_bytes(["scenario", "project_id", "partner", "change", "old_start", "new_start", "text"], rows)


def failures_csv(table: ComparisonTable) -> bytes:
    """``compare_failures.csv``: per scenario that could not be planned, a row for the solver's
    message and one per finding (which partner-years and projects conflict), as in the
    workbook's sheet; only the header when every scenario was planned."""
    rows = []
    for name, failure in sorted(table.failed.items()):
        rows.append((fmt_text(name), failure.status, "message", fmt_text(failure.message)))
        rows.extend((fmt_text(name), failure.status, "finding", fmt_text(f)) for f in failure.findings)
    return csv_bytes(["scenario", "status", "kind", "text"], rows)


def _show(metric: str, value: object, lang: str) -> str:
    """A summary cell for people: euros in thousands/millions, counts, text."""
    if value is None or missing(value):
        return "–"
    if metric == "status":
        return status_label(str(value), lang)
    if metric in EURO_METRICS and isinstance(value, int | float):
        return euro_mln(float(value), lang)
    if metric == "gap" and isinstance(value, int | float):
        return f"{100 * float(value):.2f} %"
    if metric == "shadow_price" and isinstance(value, int | float):
        return f"{float(value):.3f}"
    return str(value)


def status_label(status: str, lang: str = "nl") -> str:
    """A solver status for people (``optimal``, ``feasible``, ``infeasible``, ``no_solution``),
    in the short words the progress lines use too (:func:`dia.solver.texts.status_word`)."""
    return status_word(lang, status)


def _marked(table: ComparisonTable, metric: str, name: str, value: object, ref: object) -> bool:
    """Whether a cell is shown as differing from the reference.

    A scenario that could not be planned differs in its status only: its
    empty figures are not differences, they are absent.
    """
    if name == table.reference:
        return False
    if name in table.failed:
        return metric == "status"
    return _differs(value, ref)


def _row_label(metric: str, item: str, lang: str) -> str:
    base = label(metric, lang)
    return f"{base} – {item}" if item else base


def summary_text(table: ComparisonTable, *, lang: str = "nl", detail: bool = False,
                 area: Area | None = None) -> str:
    """The comparison as an aligned terminal table (reference first, differences marked ``*``).

    Parameters
    ----------
    table:
        The comparison.
    lang:
        ``nl`` or ``en``.
    detail:
        Include the per-partner and per-buurt rows (else only totals and shadow prices).
    area:
        Optional area, for buurt names instead of codes.
    """
    names = list(table.names)
    buurt_names = {b.code: b.name for b in area.config.buurten} if area is not None else {}
    lines: list[list[str]] = []
    for metric, item in table.summary.index:
        if item and not detail and metric not in ("shadow_price",):
            continue
        shown_item = buurt_names.get(item, item) if metric == "projects_scheduled_buurt" else item
        values = [at(table.summary, (metric, item), n) for n in names]
        cells = [_show(metric, v, lang) + (" *" if _marked(table, metric, n, v, values[0]) else "")
                 for n, v in zip(names, values, strict=True)]
        lines.append([_row_label(metric, shown_item, lang), *cells])
    header = ["", *(f"{n} ({label('reference', lang)})" if j == 0 else n for j, n in enumerate(names))]
    widths = [max(len(r[k]) for r in [header, *lines]) for k in range(len(header))]
    out = ["  ".join(c.ljust(w) if k == 0 else c.rjust(w)
                     for k, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()
           for r in [header, *lines]]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def changes_text(table: ComparisonTable, *, lang: str = "nl") -> str:
    """Per scenario, the projects that moved relative to the reference, one per line."""
    blocks = []
    for name in table.names[1:]:
        if name in table.failed:
            status = status_label(table.failed[name].status, lang)
            body = [f"  ({label('failed.see_below', lang).format(status=status)})"]
        else:
            body = [f"  {c.describe('en' if lang == 'en' else 'nl')}" for c in table.changes[name]] or \
                [f"  ({label('no_changes', lang)})"]
        blocks.append("\n".join([f"{name} vs {table.reference}:", *body]))
    return "\n\n".join(blocks)


def failures_text(table: ComparisonTable, *, lang: str = "nl") -> str:
    """Per scenario that could not be planned: its status, the solver's message and findings.

    Empty when every scenario was planned.
    """
    blocks = []
    for name, failure in sorted(table.failed.items()):
        lines = [f"{name}: {status_label(failure.status, lang)}", f"  {failure.message}"]
        lines.extend(f"  - {f}" for f in failure.findings)
        if not failure.findings:
            lines.append(f"  {label('failed.none', lang)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _differs(value: object, ref: object) -> bool:
    if missing(value) and missing(ref):
        return False
    if isinstance(value, int | float) and isinstance(ref, int | float):
        return abs(float(value) - float(ref)) > 0.005
    return bool(value != ref)


# ---- comparison: workbook --------------------------------------------------------------------------
def comparison_workbook(table: ComparisonTable, *, lang: str = "nl", area: Area | None = None) -> bytes:
    """``compare.xlsx``: summary, per-project start years and differences; cells that
    differ from the reference scenario are highlighted."""
    from openpyxl import Workbook

    from dia.report.excel import EURO, PERCENT, _Sheet, workbook_bytes

    wb = Workbook()
    names = list(table.names)
    buurt_names = {b.code: b.name for b in area.config.buurten} if area is not None else {}

    ws = wb.active
    assert ws is not None
    ws.title = label("sheet.summary", lang)
    sheet = _Sheet(ws)
    sheet.header(1, [label("col.metric", lang), label("col.item", lang),
                     *(f"{n} ({label('reference', lang)})" if j == 0 else n for j, n in enumerate(names))])
    highlight = sheet.fill(DIFF_FILL)
    failed_fill = sheet.fill(FAILED_FILL)
    for r, (metric, item) in enumerate(table.summary.index, start=2):
        sheet.put(r, 1, label(metric, lang))
        shown = buurt_names.get(item, item) if metric == "projects_scheduled_buurt" else item
        sheet.put(r, 2, shown or label("total", lang))
        ref = at(table.summary, (metric, item), names[0])
        for c, name in enumerate(names, start=3):
            value = at(table.summary, (metric, item), name)
            fmt = EURO if metric in EURO_METRICS else PERCENT if metric == "gap" else \
                "0.000" if metric == "shadow_price" else None
            if metric == "status" and not missing(value):
                value = status_label(str(value), lang)
            cell = sheet.put(r, c, None if missing(value) else value, fmt=fmt, width=14)
            if name in table.failed and metric == "status":
                cell.fill = failed_fill
            elif _marked(table, metric, name, value, ref):
                cell.fill = highlight
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = ws.dimensions
    sheet.finish()

    ws = wb.create_sheet(label("sheet.projects", lang))
    sheet = _Sheet(ws)
    sheet.header(1, [label(f"col.{k}", lang) for k in ("project_id", "partner", "name", "type", "buurt")]
                 + names)
    frame = table.projects
    for r, pid in enumerate(frame.index, start=2):
        sheet.put(r, 1, str(pid))
        for c, col in enumerate(("partner", "name", "type", "buurt"), start=2):
            text = str(at(frame, pid, col))
            sheet.put(r, c, buurt_names.get(text, text) if col == "buurt" else text)
        ref = at(frame, pid, names[0])
        for c, name in enumerate(names, start=6):
            value = at(frame, pid, name)
            cell = sheet.put(r, c, "–" if missing(value) else int(value), width=10)
            if c > 6 and _differs(None if missing(value) else int(value),
                                  None if missing(ref) else int(ref)):
                cell.fill = highlight
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    sheet.finish()

    ws = wb.create_sheet(label("sheet.changes", lang))
    sheet = _Sheet(ws)
    sheet.header(1, [label("col.scenario", lang), label("col.project_id", lang), label("col.partner", lang),
                     label("col.change", lang), label("col.old", lang), label("col.new", lang),
                     label("col.text", lang)])
    r = 2
    for name in table.planned[1:]:
        for change in table.changes[name]:
            sheet.put(r, 1, name)
            sheet.put(r, 2, change.project_id)
            sheet.put(r, 3, change.partner)
            sheet.put(r, 4, label(f"kind.{change.kind}", lang))
            sheet.put(r, 5, change.old_start if change.old_start is not None else "–", width=8)
            sheet.put(r, 6, change.new_start if change.new_start is not None else "–", width=8)
            sheet.put(r, 7, change.describe("en" if lang == "en" else "nl"))
            r += 1
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    sheet.finish()

    if table.failed:
        _failed_sheet(wb.create_sheet(label("sheet.failed", lang)), table, lang)
    return workbook_bytes(wb)


def _failed_sheet(ws: Any, table: ComparisonTable, lang: str) -> None:
    """The sheet of scenarios that could not be planned: one row for the message, one per finding."""
    from dia.report.excel import _Sheet

    sheet = _Sheet(ws)
    sheet.header(1, [label("col.scenario", lang), label("status", lang), label("failed.why", lang)])
    fill = sheet.fill(FAILED_FILL)
    r = 2
    for name, failure in sorted(table.failed.items()):
        for k, why in enumerate((failure.message, *(failure.findings or (label("failed.none", lang),)))):
            sheet.put(r, 1, name)
            cell = sheet.put(r, 2, status_label(failure.status, lang), width=16)
            if k == 0:
                cell.fill = fill
            sheet.put(r, 3, why)
            r += 1
    ws.freeze_panes = "A2"
    sheet.finish()


# ---- charts ----------------------------------------------------------------------------------------
def value_chart(table: ComparisonTable, *, lang: str = "nl") -> bytes:
    """Two bar charts side by side: value and realised savings per scenario (€ mln)."""
    from matplotlib.figure import Figure

    names = list(table.names)
    fig = Figure(figsize=(max(8.0, 1.6 * len(names) + 2), 4.2))
    xs = list(range(len(names)))
    for k, (metric, colour) in enumerate((("value", "#1f77b4"), ("saving", "#2ca02c")), start=1):
        ax = fig.add_subplot(1, 2, k)
        heights = [float(at(table.summary, (metric, ""), n) or 0) / 1e6 for n in names]
        bars = ax.bar(xs, heights, color=[colour if j == 0 else _lighter(colour) for j in xs])
        # a scenario that could not be planned has no bar: say so where the bar would be
        ax.bar_label(bars, labels=[status_label(table.failed[n].status, lang) if n in table.failed
                                   else f"{h:.2f}" if h < 10 else f"{h:.1f}"
                                   for n, h in zip(names, heights, strict=True)],
                     fontsize=7, padding=2)
        ax.set_xticks(xs, names, rotation=25, ha="right", fontsize=8)
        ax.set_ylabel(label("chart.euro_mln", lang))
        ax.set_title(label(metric, lang), fontsize=10)
        ax.margins(y=0.12)
    fig.suptitle(label("chart.value", lang))
    fig.tight_layout()
    return png(fig)


def _lighter(colour: str) -> str:
    from dia.report.colours import tint

    return tint(colour, 0.35)


def spend_chart(table: ComparisonTable, *, lang: str = "nl") -> bytes:
    """Grouped bars: net spend per partner (groups) per scenario (bars), € mln, with budget marks.

    Only planned scenarios have bars (one that could not be planned spends nothing).
    """
    from matplotlib.figure import Figure

    names = list(table.planned)
    partners = sorted(i for m, i in table.summary.index if m == "net_spend")
    fig = Figure(figsize=(max(8.0, 1.1 * len(partners) + 2), 5.2))
    ax = fig.add_subplot(1, 1, 1)
    width = 0.8 / max(1, len(names))
    cmap = ["#1f3a5f", "#4e79a7", "#a0cbe8", "#f28e2b", "#ffbe7d", "#59a14f", "#8cd17d", "#b6992d",
            "#e15759", "#ff9d9a"]
    for j, name in enumerate(names):
        spend = [float(at(table.summary, ("net_spend", q), name) or 0) / 1e6 for q in partners]
        xs = [k - 0.4 + width * (j + 0.5) for k in range(len(partners))]
        ax.bar(xs, spend, width=width, label=name, color=cmap[j % len(cmap)])
    budget = [float(at(table.summary, ("budget", q), names[0]) or 0) / 1e6 for q in partners]
    ax.scatter(range(len(partners)), budget, marker="_", s=600, color="black",
               label=f"{label('budget', lang)} ({names[0]})", zorder=3)
    ax.set_xticks(range(len(partners)), partners, rotation=30, ha="right", fontsize=8)
    ax.set_ylabel(label("chart.euro_mln", lang))
    ax.set_title(label("chart.spend", lang))
    ax.legend(fontsize=7, ncols=min(6, len(names) + 1), loc="upper center", bbox_to_anchor=(0.5, -0.28),
              frameon=False)
    fig.tight_layout()
    return png(fig)


def _html_summary(table: ComparisonTable, lang: str, *, detail: bool, area: Area | None) -> str:
    """The key figures as an HTML table: cells that differ from the reference shaded.

    ``detail=False``: the totals and the shadow prices; ``detail=True``: the
    rows per partner and buurt.
    """
    from dia.report.html import _e

    names = list(table.names)
    buurt_names = {b.code: b.name for b in area.config.buurten} if area is not None else {}
    head = "".join([f"<th>{_e(label('col.metric', lang))}</th>",
                    *(f'<th class="num">{_e(n)}{_e(" (" + label("reference", lang) + ")") if j == 0 else ""}'
                      "</th>" for j, n in enumerate(names))])
    rows = []
    for metric, item in table.summary.index:
        shown_here = not detail if metric == "shadow_price" else bool(item) == detail
        if not shown_here:
            continue
        shown = buurt_names.get(item, item) if metric == "projects_scheduled_buurt" else item
        values = [at(table.summary, (metric, item), n) for n in names]
        cells = []
        for n, v in zip(names, values, strict=True):
            fill = FAILED_FILL if n in table.failed and metric == "status" else \
                DIFF_FILL if _marked(table, metric, n, v, values[0]) else ""
            style = f' style="background:#{fill}"' if fill else ""
            cells.append(f'<td class="num"{style}>{_e(_show(metric, v, lang))}</td>')
        rows.append(f"<tr><td>{_e(_row_label(metric, shown, lang))}</td>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _html_charts(charts: Mapping[str, bytes], lang: str) -> str:
    from dia.report.html import _img

    wanted = (("compare_value.png", "chart.value"), ("compare_spend.png", "chart.spend"))
    return "".join(f"<figure>{_img(charts[name], label(key, lang))}</figure>"
                   for name, key in wanted if name in charts)


def _html_changes(table: ComparisonTable, lang: str) -> str:
    """Per scenario the projects that moved (a failed scenario points to the explanations)."""
    from dia.report.html import _e

    parts = []
    for name in table.names[1:]:
        parts.append(f"<h3>{_e(name)} vs {_e(table.reference)}</h3>")
        if name in table.failed:
            why = label("failed.see_section", lang).format(
                status=status_label(table.failed[name].status, lang), head=label("failed.head", lang))
            parts.append(f'<p class="warning">{_e(why)}</p>')
            continue
        items = "".join(f"<li>{_e(c.describe('en' if lang == 'en' else 'nl'))}</li>"
                        for c in table.changes[name])
        parts.append(f"<ul>{items}</ul>" if items else f"<p>{_e(label('no_changes', lang))}</p>")
    return "".join(parts)


def _html_failures(table: ComparisonTable, lang: str) -> str:
    """Per scenario that could not be planned: status, the solver's message and its findings."""
    from dia.report.html import _e

    parts = []
    for name, failure in sorted(table.failed.items()):
        parts.append(f"<h3>{_e(name)}: {_e(status_label(failure.status, lang))}</h3>"
                     f"<p>{_e(failure.message)}</p>")
        if failure.findings:
            parts.append("<ul>" + "".join(f"<li>{_e(f)}</li>" for f in failure.findings) + "</ul>")
        else:
            parts.append(f"<p>{_e(label('failed.none', lang))}</p>")
    return "".join(parts)


def _html_failed_warning(table: ComparisonTable, lang: str) -> str:
    from dia.report.html import _e

    if not table.failed:
        return ""
    names = ", ".join(f"{n} ({status_label(f.status, lang)})" for n, f in sorted(table.failed.items()))
    text = label("failed.page_warning", lang).format(names=names, head=label("failed.head", lang))
    return f'<p class="warning">{_e(text)}</p>'


def comparison_section(table: ComparisonTable, *, lang: str = "nl", area: Area | None = None,
                       charts: Mapping[str, bytes] | None = None) -> tuple[str, str]:
    """The comparison as one section of an HTML report: ``(title, trusted HTML)``.

    For :func:`dia.report.html.build_html`'s ``extra_sections``: key figures
    per scenario (cells that differ from the reference shaded), the two
    charts, per scenario the projects that moved, and why the scenarios that
    could not be planned failed. Every text from the inputs is escaped.
    """
    from dia.report.html import _e

    body = (_html_failed_warning(table, lang) + _html_summary(table, lang, detail=False, area=area)
            + _html_charts(charts or {}, lang) + _html_changes(table, lang))
    if table.failed:
        body += f"<h3>{_e(label('failed.head', lang))}</h3>" + _html_failures(table, lang)
    return label("html.compare", lang), body


def comparison_html(table: ComparisonTable, *, lang: str = "nl", area: Area | None = None,
                    charts: Mapping[str, bytes] | None = None) -> bytes:
    """``compare.html``: the comparison as a page in the look of ``report.html``.

    Drawn with the report's own skeleton and style sheet
    (:func:`dia.report.html.html_page`): self-contained (charts embedded),
    printable on A4 landscape, one section per part: the key figures, why
    the scenarios that could not be planned failed (when any did), the
    charts, the differences per project, the figures per partner and buurt.
    """
    from dia.report.html import html_page

    agenda = table.runs[table.reference].agenda
    title = label("html.title", lang).format(area=agenda.area)
    subtitle = label("html.subtitle", lang).format(
        start=agenda.horizon_start, end=agenda.horizon_end, ref=table.reference, n=len(table.names))
    sections = [(label("html.compare", lang), _html_failed_warning(table, lang)
                 + _html_summary(table, lang, detail=False, area=area))]
    if table.failed:  # right after the figures: the board should see why before the details
        sections.append((label("failed.head", lang), _html_failures(table, lang)))
    sections += [
        (label("html.charts", lang), _html_charts(charts or {}, lang)),
        (label("html.changes", lang), _html_changes(table, lang)),
        (label("html.detail", lang), _html_summary(table, lang, detail=True, area=area)),
    ]
    return html_page(title, subtitle, sections, lang=lang).encode("utf-8")


def comparison_files(table: ComparisonTable, *, lang: str = "nl",
                     area: Area | None = None) -> dict[str, bytes]:
    """Every comparison output by file name (in memory)."""
    charts = {"compare_value.png": value_chart(table, lang=lang),
              "compare_spend.png": spend_chart(table, lang=lang)}
    return {
        "compare.csv": comparison_csv(table),
        "compare_projects.csv": projects_csv(table),
        "compare_changes.csv": changes_csv(table, lang),
        "compare_failures.csv": failures_csv(table),
        "compare.xlsx": comparison_workbook(table, lang=lang, area=area),
        "compare.html": comparison_html(table, lang=lang, area=area, charts=charts),
        **charts,
    }


def write_comparison(table: ComparisonTable, out: str | os.PathLike[str], *, lang: str = "nl",
                     area: Area | None = None) -> list[Path]:
    """Write ``compare.csv``, ``compare_projects.csv``, ``compare_changes.csv``,
    ``compare_failures.csv``, ``compare.xlsx``, ``compare.html``, ``compare_value.png`` and
    ``compare_spend.png`` into ``out``.

    Parameters
    ----------
    table:
        The comparison (:func:`dia.scenarios.compare.compare`).
    out:
        Output folder (created when missing).
    lang:
        ``nl`` (default) or ``en`` for the workbook and the charts.
    area:
        Optional base area, for buurt names.

    Returns
    -------
    list of Path
        The files written, sorted by name.
    """
    return write_files(comparison_files(table, lang=lang, area=area), out)


def changes_files(changes: Sequence[Change], *, lang: str = "nl") -> dict[str, bytes]:
    """``changes.csv`` for a re-plan or a diff: one row per project that moved."""
    rows = [(fmt_text(c.project_id), fmt_text(c.partner), fmt_text(c.name), c.kind,
             "" if c.old_start is None else str(c.old_start), "" if c.new_start is None else str(c.new_start),
             fmt_text(c.describe("en" if lang == "en" else "nl"))) for c in changes]
    return {"changes.csv": csv_bytes(["project_id", "partner", "name", "change", "old_start", "new_start",
                                      "text"], rows)}


__all__ = [
    "changes_files",
    "changes_text",
    "comparison_csv",
    "comparison_files",
    "comparison_html",
    "comparison_section",
    "comparison_workbook",
    "failures_text",
    "label",
    "status_label",
    "summary_text",
    "write_comparison",
    "write_files",
]
