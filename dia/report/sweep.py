"""Sweep outputs for people and machines: ``dia sweep``'s CSV files, workbook, charts and text.

How often each project is scheduled over the draws (a robust core against what depends on
luck) and the spread of the key figures. Like the comparison's writers
(:mod:`dia.report.scenarios`), every file is built in memory and published together, the
CSV files have stable English columns and fixed number formats, and the rest speaks Dutch
by default and English with ``lang="en"``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from dia.report.frames import at, euro_mln, missing, png, write_files
from dia.report.scenarios import label
from dia.report.tables import csv_bytes, fmt_text

if TYPE_CHECKING:
    from dia.scenarios.sweep import SweepResult


def _num(value: object, digits: int = 2) -> str:
    if missing(value):
        return ""
    if isinstance(value, int | np.integer):
        return str(int(value))
    text = f"{float(cast(Any, value)):.{digits}f}"
    return "0." + "0" * digits if text == "-0." + "0" * digits else text


def sweep_csvs(result: SweepResult) -> dict[str, bytes]:
    """``sweep_draws.csv``, ``sweep_projects.csv`` and ``sweep_figures.csv`` (fixed formats)."""
    draws = result.draws
    draw_rows = [(str(i), str(at(draws, i, "status")),
                  *(_num(at(draws, i, c)) if c != "couplings_realised" else _num(at(draws, i, c), 0)
                    for c in draws.columns[1:]))
                 for i in draws.index]
    projects = result.projects
    years = [c for c in projects.columns if isinstance(c, int | np.integer)]
    project_rows = [(fmt_text(str(pid)), fmt_text(str(at(projects, pid, "partner"))),
                     fmt_text(str(at(projects, pid, "name"))), _num(at(projects, pid, "scheduled"), 4),
                     str(at(projects, pid, "verdict")), *(str(int(at(projects, pid, y))) for y in years))
                    for pid in projects.index]
    figures = result.figures
    figure_rows = [(fmt_text(str(m)), *(_num(at(figures, m, c)) for c in figures.columns))
                   for m in figures.index]
    return {
        "sweep_draws.csv": csv_bytes(["draw", *(str(c) for c in draws.columns)], draw_rows),
        "sweep_projects.csv": csv_bytes(["project_id", "partner", "name", "scheduled", "verdict",
                                         *(str(y) for y in years)], project_rows),
        "sweep_figures.csv": csv_bytes(["metric", *(str(c) for c in figures.columns)], figure_rows),
    }


_VERDICT_FILL = {"core": "C6EFCE", "luck": "FFEB9C", "never": "F2F2F2"}
_VERDICT_COLOUR = {"core": "#2ca02c", "luck": "#ff7f0e", "never": "#bfbfbf"}


def _verdict(code: str, lang: str) -> str:
    return label({"core": "sweep.core", "luck": "sweep.luck", "never": "sweep.never"}[code], lang)


def sweep_workbook(result: SweepResult, *, lang: str = "nl") -> bytes:
    """``sweep.xlsx``: per project how often and when it is scheduled; the P50/P90 figures."""
    from openpyxl import Workbook

    from dia.report.excel import EURO, PERCENT, _Sheet, workbook_bytes

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = label("sweep.sheet.projects", lang)
    sheet = _Sheet(ws)
    projects = result.projects
    years = [c for c in projects.columns if isinstance(c, int | np.integer)]
    sheet.header(1, [label("col.project_id", lang), label("col.partner", lang), label("col.name", lang),
                     label("sweep.col.share", lang), label("sweep.col.class", lang),
                     *(str(y) for y in years)])
    for r, pid in enumerate(projects.index, start=2):
        verdict = str(at(projects, pid, "verdict"))
        sheet.put(r, 1, str(pid))
        sheet.put(r, 2, str(at(projects, pid, "partner")))
        sheet.put(r, 3, str(at(projects, pid, "name")))
        share = at(projects, pid, "scheduled")
        sheet.put(r, 4, None if missing(share) else float(share), fmt=PERCENT, width=10)
        cell = sheet.put(r, 5, _verdict(verdict, lang))
        cell.fill = sheet.fill(_VERDICT_FILL[verdict])
        for c, y in enumerate(years, start=6):
            n = int(at(projects, pid, y))
            sheet.put(r, c, n if n else None, width=6)
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = ws.dimensions
    sheet.finish()

    ws = wb.create_sheet(label("sweep.sheet.summary", lang))
    sheet = _Sheet(ws)
    sheet.header(1, [label("col.metric", lang), label("sweep.col.mean", lang), "P10",
                     label("sweep.col.p50", lang), label("sweep.col.p90", lang)])
    figures = result.figures
    for r, metric in enumerate(figures.index, start=2):
        name = str(metric)
        shown = f"{label('net_spend', lang)} – {name.split(':', 1)[1]}" if name.startswith("spend:") \
            else label(name, lang)
        sheet.put(r, 1, shown)
        for c, col in enumerate(("mean", "p10", "p50", "p90"), start=2):
            value = at(figures, metric, col)
            sheet.put(r, c, None if missing(value) else float(value),
                      fmt=None if name == "couplings_realised" else EURO, width=14)
    ws.freeze_panes = "B2"
    sheet.finish()
    return workbook_bytes(wb)


def sweep_share_chart(result: SweepResult, *, lang: str = "nl") -> bytes:
    """Horizontal bars: the share of draws in which each project is scheduled, coloured by verdict."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    projects = result.projects.sort_values(["scheduled"], ascending=True, kind="mergesort")
    ids = [str(i) for i in projects.index]
    shares = [0.0 if missing(s) else float(s) for s in projects["scheduled"]]
    colours = [_VERDICT_COLOUR[str(v)] for v in projects["verdict"]]
    fig = Figure(figsize=(7.5, max(3.0, 0.16 * len(ids) + 1.2)))
    ax = fig.add_subplot(1, 1, 1)
    ax.barh(range(len(ids)), shares, color=colours)
    ax.set_yticks(range(len(ids)), ids, fontsize=6)
    ax.set_xlim(0, 1)
    ax.axvline(0.9, color="#2ca02c", linewidth=0.8, linestyle="--")
    ax.set_xlabel(label("sweep.chart.share_axis", lang))
    ax.set_title(label("sweep.chart.share", lang))
    handles = [Patch(color=_VERDICT_COLOUR[k], label=_verdict(k, lang)) for k in ("core", "luck", "never")]
    ax.legend(handles=handles, fontsize=7, loc="lower right")
    fig.tight_layout()
    return png(fig)


def sweep_spread_chart(result: SweepResult, *, lang: str = "nl") -> bytes:
    """Histograms of value and savings over the feasible draws, with P50 and P90 marked."""
    from matplotlib.figure import Figure

    ok = result.draws[result.draws["status"].isin(["optimal", "feasible"])]
    fig = Figure(figsize=(9.0, 3.8))
    for k, (metric, colour) in enumerate((("value", "#1f77b4"), ("saving", "#2ca02c")), start=1):
        ax = fig.add_subplot(1, 2, k)
        values = [float(v) / 1e6 for v in ok[metric] if not missing(v)]
        if values:
            ax.hist(values, bins=min(20, max(5, len(values) // 5)), color=colour, alpha=0.85)
            for q, style in ((50, "-"), (90, "--")):
                x = float(np.percentile(values, q))
                ax.axvline(x, color="black", linewidth=1, linestyle=style, label=f"P{q}: {x:.2f}")
            ax.legend(fontsize=7)
        ax.set_title(label(metric, lang), fontsize=10)
        ax.set_xlabel(label("chart.euro_mln", lang))
    fig.suptitle(label("sweep.chart.dist", lang))
    fig.tight_layout()
    return png(fig)


def sweep_files(result: SweepResult, *, lang: str = "nl") -> dict[str, bytes]:
    """Every sweep output by file name (in memory)."""
    return {
        **sweep_csvs(result),
        "sweep.xlsx": sweep_workbook(result, lang=lang),
        "sweep_projects.png": sweep_share_chart(result, lang=lang),
        "sweep_spread.png": sweep_spread_chart(result, lang=lang),
    }


def write_sweep(result: SweepResult, out: str | os.PathLike[str], *, lang: str = "nl") -> list[Path]:
    """Write the sweep's CSVs, ``sweep.xlsx`` and charts into ``out`` (all or nothing).

    Parameters
    ----------
    result:
        The sweep (:func:`dia.scenarios.sweep.sweep`).
    out:
        Output folder (created when missing).
    lang:
        ``nl`` (default) or ``en`` for the workbook and the charts.
    """
    return write_files(sweep_files(result, lang=lang), out)


def sweep_text(result: SweepResult, *, lang: str = "nl", limit: int = 15) -> str:
    """A short terminal summary: P50/P90 of the key figures and the projects that depend on luck."""
    figures = result.figures
    lines = [f"{'':<40}{'P50':>16}{'P90':>16}"]
    for metric in figures.index:
        name = str(metric)
        shown = f"{label('net_spend', lang)} – {name.split(':', 1)[1]}" if name.startswith("spend:") \
            else label(name, lang)
        values = [at(figures, metric, c) for c in ("p50", "p90")]
        cells = [("–" if missing(v) else f"{float(v):.0f}" if name == "couplings_realised"
                  else euro_mln(float(v), lang)) for v in values]
        lines.append(f"{shown[:39]:<40}{cells[0]:>16}{cells[1]:>16}")
    projects = result.projects
    counts = projects["verdict"].value_counts()
    lines.append("")
    lines.append(", ".join(f"{int(counts.get(k, 0))} {_verdict(k, lang)}" for k in ("core", "luck", "never")))
    luck = projects[projects["verdict"] == "luck"].sort_values("scheduled", ascending=False, kind="mergesort")
    for pid in list(luck.index)[:limit]:
        share = float(at(luck, pid, "scheduled"))
        lines.append(f"  {100 * share:5.1f} %  {pid}  {at(luck, pid, 'partner')} {at(luck, pid, 'name')}")
    if len(luck) > limit:
        lines.append(f"  … (+{len(luck) - limit})")
    return "\n".join(lines)


__all__ = ["sweep_csvs", "sweep_files", "sweep_share_chart", "sweep_spread_chart", "sweep_text",
           "sweep_workbook", "write_sweep"]
