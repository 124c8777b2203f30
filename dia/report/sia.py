"""The SIA as people read it: sia.csv, sia.xlsx, scatter, theme bars, map, DIA weights.

:func:`write_sia_report` writes everything into a staging folder and publishes
it at once (:func:`dia.io.atomic.staged_dir`), so an output folder never holds
half a report; :func:`write_weights` writes the ``sia_weights`` YAML that a
DIA area's ``dia.yaml`` can point at (format in ``/docs/sia.md``). Text the
user sees is Dutch by default, English with ``lang="en"``. Output bytes depend
only on the inputs: fixed float precision, workbooks without time stamps, PNGs
without metadata.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dia.io.atomic import atomic_open, staged_dir, write_atomic
from dia.sia.classes import CLASS_LABELS, ClassCode, class_label
from dia.sia.config import GROUPS, THEMES, SiaConfig
from dia.sia.index import BuurtScore, SiaResult
from dia.sia.weights import weight_of

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from openpyxl import Workbook

#: (x, y) vertices of one ring; a polygon is a list of rings (exterior first).
Polygon = list[list[tuple[float, float]]]

CLASS_COLOURS: dict[ClassCode, str] = {
    "integrated": "#c0392b",
    "targeted": "#e67e22",
    "opportunity": "#27ae60",
    "monitor": "#7f8c8d",
}
GEOMETRY_CREDIT = "Bron: CBS, Kadaster / PDOK (CC BY 4.0)"

#: CSV columns (machine names, fixed order: a contract, see docs/sia.md).
CSV_COLUMNS: tuple[str, ...] = (
    "rank", "buurt_code", "buurt_name", "wijk", "residents", "few_residents", "excluded",
    "urgency", "potential", "class", "potential_rank",
    *(f"{g}_{t}" for g in GROUPS for t in THEMES),
    "rank_p05", "rank_median", "rank_p95", "class_share", "robust", "weight", "imputed",
)

_TEXT: dict[str, tuple[str, str]] = {
    "sheet.ranking": ("Ranglijst", "Ranking"),
    "sheet.indicators": ("Indicatoren", "Indicators"),
    "sheet.settings": ("Instellingen", "Settings"),
    "sheet.messages": ("Meldingen", "Messages"),
    "rank": ("Rang", "Rank"),
    "code": ("Buurtcode", "Buurt code"),
    "name": ("Buurt", "Buurt"),
    "wijk": ("Wijk", "Wijk"),
    "residents": ("Inwoners", "Residents"),
    "few": ("Weinig inwoners", "Few residents"),
    "urgency": ("Urgentie", "Urgency"),
    "potential": ("Potentie", "Potential"),
    "class": ("Klasse", "Class"),
    "potential_rank": ("Rang potentie", "Potential rank"),
    "rank_p05": ("Rang P5", "Rank P5"),
    "rank_median": ("Rang mediaan", "Rank median"),
    "rank_p95": ("Rang P95", "Rank P95"),
    "class_share": ("Klasse gelijk (aandeel trekkingen)", "Class kept (share of draws)"),
    "robust": ("Robuust", "Robust"),
    "weight": ("Gewicht DIA", "DIA weight"),
    "imputed": ("Aangevuld (ontbrekend)", "Imputed (missing)"),
    "excluded": ("Uitgesloten", "Excluded"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "score": ("score", "score"),
    "raw": ("waarde", "value"),
    "indicator": ("Indicator (kolom)", "Indicator (column)"),
    "label": ("Omschrijving", "Label"),
    "group": ("Groep", "Group"),
    "theme": ("Thema", "Theme"),
    "direction": ("Richting", "Direction"),
    "weight_cfg": ("Gewicht", "Weight"),
    "weight_norm": ("Gewicht in groep", "Weight in group"),
    "method": ("Normalisatie", "Normalisation"),
    "winsorise": ("Winsorisering", "Winsorising"),
    "missing": ("Ontbrekende waarden", "Missing values"),
    "setting": ("Instelling", "Setting"),
    "value": ("Waarde", "Value"),
    "file": ("Bestand", "File"),
    "row": ("Rij", "Row"),
    "column": ("Kolom", "Column"),
    "message": ("Melding", "Message"),
    "source": ("Indicatorenbestand", "Indicator file"),
    "config": ("Configuratie", "Configuration"),
    "u_threshold": ("Drempel urgentie (hoog vanaf)", "Urgency threshold (high from)"),
    "p_threshold": ("Drempel potentie (hoog vanaf)", "Potential threshold (high from)"),
    "mapping": ("Gewicht DIA per buurt", "DIA weight per buurt"),
    "draws": ("Gevoeligheid: trekkingen, spreiding, seed", "Sensitivity: draws, spread, seed"),
    "included": ("Buurten in de index / uitgesloten", "Buurten in the index / excluded"),
    "urgency.group": ("urgentie", "urgency"),
    "potential.group": ("potentie", "potential"),
    "social": ("sociaal", "social"),
    "physical": ("fysiek", "physical"),
    "safety": ("veiligheid", "safety"),
    "higher_is_worse": ("hoger is slechter", "higher is worse"),
    "higher_is_better": ("hoger is beter", "higher is better"),
    "median": ("mediaan", "median"),
    "mean": ("gemiddelde", "mean"),
    "exclude": ("buurt uitsluiten", "exclude the buurt"),
    "minmax": ("min–max", "min–max"),
    "rank.method": ("rangorde", "rank"),
    "zscore": ("z-score", "z-score"),
    "none": ("geen", "none"),
    "missing_value": ("ontbrekende waarde", "missing value"),
    "too_many_missing": ("te veel ontbrekende waarden", "too many missing values"),
    "few_residents": ("te weinig inwoners", "too few residents"),
    "scatter.title": ("Urgentie en potentie per buurt", "Urgency and potential per buurt"),
    "themes.title": ("{group} per thema: top {n} buurten", "{group} per theme: top {n} buurten"),
    "map.title": ("{what} per buurt", "{what} per buurt"),
    "map.nodata": ("geen score", "no score"),
    "indicators.credit": ("Indicatoren: {source}", "Indicators: {source}"),
}


def text(key: str, lang: str = "nl", **fields: object) -> str:
    """A user-facing string in ``lang`` (``nl`` default, ``en``)."""
    nl, en = _TEXT[key]
    s = en if lang == "en" else nl
    return s.format(**fields) if fields else s


def _label(code: str, lang: str) -> str:
    key = "rank.method" if code == "rank" else code
    return text(key, lang) if key in _TEXT else code


def _f(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


# ------------------------------------------------------------------ CSV ---
def sia_rows(result: SiaResult, config: SiaConfig) -> list[dict[str, str]]:
    """One row per buurt (rank order, excluded last) with the :data:`CSV_COLUMNS`, as text."""
    rows = []
    for b in result.buurten:
        st = b.stability
        weight = weight_of(b, config.weights)
        row = {
            "rank": "" if b.urgency_rank is None else str(b.urgency_rank),
            "buurt_code": b.code,
            "buurt_name": b.name,
            "wijk": b.wijk or "",
            "residents": "" if b.residents is None else f"{b.residents:.0f}",
            "few_residents": "true" if b.few_residents else "false",
            "excluded": ";".join(b.excluded),
            "urgency": _f(b.urgency),
            "potential": _f(b.potential),
            "class": b.klass or "",
            "potential_rank": "" if b.potential_rank is None else str(b.potential_rank),
            "rank_p05": "" if st is None else str(st.rank_p05),
            "rank_median": "" if st is None else _f(st.rank_median, 1),
            "rank_p95": "" if st is None else str(st.rank_p95),
            "class_share": "" if st is None else _f(st.class_share, 3),
            "robust": "" if st is None else ("true" if st.is_robust else "false"),
            "weight": "" if weight is None else f"{weight:.{config.weights.decimals}f}",
            "imputed": ";".join(b.imputed),
        }
        for g in GROUPS:
            for t in THEMES:
                row[f"{g}_{t}"] = _f(b.theme_score(g, t))
        rows.append(row)
    return rows


def write_csv(result: SiaResult, config: SiaConfig, path: str | os.PathLike[str]) -> Path:
    """Write ``sia.csv`` (columns :data:`CSV_COLUMNS`) atomically."""
    with atomic_open(path) as fh:
        writer = csv.DictWriter(fh, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(sia_rows(result, config))
    return Path(path)


# ------------------------------------------------------------- workbook ---
def build_workbook(result: SiaResult, config: SiaConfig, lang: str = "nl") -> Workbook:
    """The SIA workbook: ranking, indicators (raw and scores), settings, messages."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from dia.report.excel import safe_text

    wb = Workbook()
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F3A5F")
    imputed_fill = PatternFill("solid", fgColor="FFF2CC")

    def sheet(title_key: str, headers: list[str], rows: list[list[Any]], formats: dict[int, str]) -> Any:
        ws = wb.create_sheet(text(title_key, lang))
        widths = [len(h) for h in headers]
        for c, h in enumerate(headers, start=1):
            cell = ws.cell(row=1, column=c, value=safe_text(h))
            cell.font, cell.fill = header_font, header_fill
        for r, values in enumerate(rows, start=2):
            for c, v in enumerate(values, start=1):
                cell = ws.cell(row=r, column=c)
                if isinstance(v, str):
                    cell.value = safe_text(v)
                    cell.data_type = "s"  # text from input is never a formula
                else:
                    cell.value = v
                if c in formats and isinstance(v, int | float):
                    cell.number_format = formats[c]
                widths[c - 1] = max(widths[c - 1], len(str(v)) if v is not None else 0)
        from openpyxl.utils import get_column_letter

        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = min(50, max(8, w + 2))
        ws.freeze_panes = "C2" if len(headers) > 2 else "A2"
        if rows:
            ws.auto_filter.ref = ws.dimensions
        return ws

    yes, no = text("yes", lang), text("no", lang)
    themes = result.themes
    head = [text(k, lang) for k in ("rank", "code", "name", "wijk", "residents", "few", "urgency",
                                     "potential", "class", "potential_rank")]
    head += [f"{text(g, lang)} {text(t, lang)}" for g, t in themes]
    head += [text(k, lang) for k in ("rank_p05", "rank_median", "rank_p95", "class_share", "robust",
                                     "weight", "imputed", "excluded")]
    rows: list[list[Any]] = []
    for b in result.buurten:
        st = b.stability
        rows.append([
            b.urgency_rank, b.code, b.name, b.wijk, None if b.residents is None else int(b.residents),
            yes if b.few_residents else no, _round(b.urgency), _round(b.potential),
            class_label(b.klass, lang) if b.klass else "", b.potential_rank,
            *(_round(b.theme_score(g, t)) for g, t in themes),
            None if st is None else st.rank_p05, None if st is None else st.rank_median,
            None if st is None else st.rank_p95, None if st is None else st.class_share,
            "" if st is None else (yes if st.is_robust else no),
            weight_of(b, config.weights), ", ".join(b.imputed),
            ", ".join(text(e, lang) for e in b.excluded),
        ])
    n_fixed = 10 + len(themes)
    formats = {7: "0.0", 8: "0.0", **{11 + i: "0.0" for i in range(len(themes))},
               n_fixed + 4: "0%", n_fixed + 6: "0.000"}
    ws = sheet("sheet.ranking", head, rows, formats)
    for r, b in enumerate(result.buurten, start=2):
        if b.klass:
            ws.cell(row=r, column=9).fill = PatternFill("solid", fgColor=CLASS_COLOURS[b.klass].lstrip("#"))
            ws.cell(row=r, column=9).font = Font(color="FFFFFF", bold=True)

    inds = result.indicators
    head = [text("code", lang), text("name", lang)]
    head += [f"{i.display(lang)} ({text('raw', lang)})" for i in inds]
    head += [f"{i.display(lang)} ({text('score', lang)})" for i in inds]
    rows = []
    for b in sorted(result.buurten, key=lambda x: x.code):
        scores: list[Any] = [_round(s) for s in b.scores] if b.scores else [None] * len(inds)
        rows.append([b.code, b.name, *b.raw, *scores])
    ws = sheet("sheet.indicators", head, rows, {3 + len(inds) + j: "0.0" for j in range(len(inds))})
    cols = {c: j for j, c in enumerate(i.column for i in inds)}
    for r, b in enumerate(sorted(result.buurten, key=lambda x: x.code), start=2):
        for column in b.imputed:
            ws.cell(row=r, column=3 + cols[column]).fill = imputed_fill

    head = [text(k, lang) for k in ("indicator", "label", "group", "theme", "direction", "weight_cfg",
                                     "weight_norm", "method", "winsorise", "missing")]
    rows = []
    for i in inds:
        total = sum(j.weight for j in inds if j.group == i.group)
        how = config.normalisation_of(i)
        rows.append([
            i.column, i.display(lang), text(f"{i.group}.group", lang), text(i.theme, lang),
            text(i.direction, lang), i.weight, i.weight / total,
            _label(how.method, lang),
            "–".join(f"{q:g}" for q in how.winsorise) if how.winsorise else text("none", lang),
            _label(config.missing_of(i), lang),
        ])
    n_in = len(result.included)
    m = config.weights
    score_word = {"urgency": text("urgency", lang), "potential": text("potential", lang),
                  "mean": text("mean", lang)}[m.score]
    rows += [[], [text("setting", lang), text("value", lang)],
             [text("source", lang), result.source],
             [text("config", lang), result.name],
             [text("included", lang), f"{n_in} / {len(result.buurten) - n_in}"],
             [text("u_threshold", lang), f"{result.urgency_threshold:.1f}"
              + (f" ({text('median', lang)})" if config.classes.urgency_threshold == "median" else "")],
             [text("p_threshold", lang), f"{result.potential_threshold:.1f}"
              + (f" ({text('median', lang)})" if config.classes.potential_threshold == "median" else "")],
             [text("mapping", lang), f"{m.base:g} + {m.scale:g} × {score_word.lower()} / 100"],
             [text("draws", lang), f"{result.sensitivity.draws}, ±{result.sensitivity.spread:.0%}, "
                                   f"{result.sensitivity.seed}"]]
    sheet("sheet.settings", head, rows, {7: "0.0%"})

    head = [text(k, lang) for k in ("file", "row", "column", "message")]
    rows = [[w.location.file or "", w.location.row, w.location.column or "", w.message]
            for w in result.warnings]
    sheet("sheet.messages", head, rows, {})
    del wb[wb.sheetnames[0]]
    wb.active = 0
    return wb


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def write_workbook(result: SiaResult, config: SiaConfig, path: str | os.PathLike[str],
                   lang: str = "nl") -> Path:
    """Write ``sia.xlsx`` atomically, reproducibly (no time stamps)."""
    from dia.report.excel import workbook_bytes

    data = workbook_bytes(build_workbook(result, config, lang))
    return write_atomic(path, lambda tmp: tmp.write_bytes(data))


# --------------------------------------------------------------- charts ---
def _figure(width: float, height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)
    return fig


def _save_png(fig: Figure, path: str | os.PathLike[str]) -> Path:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    data = buffer.getvalue()
    return write_atomic(path, lambda tmp: tmp.write_bytes(data))


def plot_scatter(result: SiaResult, lang: str = "nl") -> Figure:
    """Urgency (x) against potential (y), one labelled dot per buurt, quadrants marked."""
    fig = _figure(11, 8.5)
    ax = fig.add_subplot()
    included = result.included
    for code in CLASS_LABELS:
        pts = [b for b in included if b.klass == code]
        if pts:
            ax.scatter([b.urgency or 0.0 for b in pts], [b.potential or 0.0 for b in pts], s=28,
                       color=CLASS_COLOURS[code], label=class_label(code, lang), zorder=3,
                       edgecolors="white", linewidths=0.5)
    for b in included:
        ax.annotate(b.name, (b.urgency or 0.0, b.potential or 0.0), xytext=(3, 2),
                    textcoords="offset points", fontsize=5.5, color="#333333", zorder=4)
    ax.axvline(result.urgency_threshold, color="#555555", lw=0.8, ls="--")
    ax.axhline(result.potential_threshold, color="#555555", lw=0.8, ls="--")
    ax.set_xlim(-2, 102)
    ax.set_ylim(-2, 102)
    ax.set_xlabel(f"{text('urgency', lang)} (0–100)")
    ax.set_ylabel(f"{text('potential', lang)} (0–100)")
    ax.set_title(text("scatter.title", lang) + f" — {result.name}")
    ax.grid(True, lw=0.3, alpha=0.5)
    ax.legend(loc="lower left", fontsize=8, framealpha=0.9)
    fig.text(0.01, 0.005, text("indicators.credit", lang, source=result.source), fontsize=7, color="#555555")
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    return fig


def plot_themes(result: SiaResult, group: str, lang: str = "nl", top: int = 25) -> Figure | None:
    """One horizontal bar chart per theme of ``group``: the ``top`` buurten on that theme."""
    themes = [t for g, t in result.themes if g == group]
    if not themes:
        return None
    included = result.included
    n = min(top, len(included))
    fig = _figure(4.2 * len(themes), 1.0 + 0.2 * n)
    group_word = text(f"{group}.group", lang)
    colour = "#c0392b" if group == "urgency" else "#2874a6"
    for k, theme in enumerate(themes, start=1):
        ax = fig.add_subplot(1, len(themes), k)
        ranked = sorted(included, key=lambda b: (-_theme(b, group, theme), b.code))[:n]
        ax.barh(range(n), [_theme(b, group, theme) for b in ranked], color=colour)
        ax.set_yticks(range(n), [b.name for b in ranked], fontsize=6.5)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_title(text(theme, lang), fontsize=10)
        ax.grid(True, axis="x", lw=0.3, alpha=0.5)
    fig.suptitle(text("themes.title", lang, group=group_word.capitalize(), n=n), fontsize=11)
    fig.text(0.01, 0.005, text("indicators.credit", lang, source=result.source), fontsize=7, color="#555555")
    fig.tight_layout(rect=(0, 0.02, 1, 0.97))
    return fig


def _theme(b: BuurtScore, group: str, theme: str) -> float:
    for t in b.themes:
        if t.group == group and t.theme == theme:
            return t.score
    return 0.0


def plot_map(
    result: SiaResult,
    geometry: Mapping[str, list[Polygon]],
    lang: str = "nl",
    highlight: Collection[str] = (),
) -> Figure:
    """Choropleth of urgency and potential per buurt (two panels) from buurt polygons.

    Polygons are drawn with :class:`matplotlib.patches.PathPatch` (holes kept);
    buurten without a score are grey and hatched. Lon/lat input is shown with
    the aspect corrected for latitude. ``highlight`` buurten get a thick outline.
    """
    from matplotlib import colormaps
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    scores = result.by_code()
    xs = [x for polys in geometry.values() for poly in polys for ring in poly for x, _ in ring]
    ys = [y for polys in geometry.values() for poly in polys for ring in poly for _, y in ring]
    is_lonlat = bool(xs) and all(-180 <= x <= 180 for x in xs) and all(-90 <= y <= 90 for y in ys)
    aspect = 1.0 / math.cos(math.radians((min(ys) + max(ys)) / 2)) if is_lonlat and ys else 1.0
    fig = _figure(12, 5.6)
    fig.subplots_adjust(left=0.01, right=0.96, top=0.93, bottom=0.06, wspace=0.08)
    norm = Normalize(0, 100)
    for k, (what, cmap_name) in enumerate((("urgency", "Reds"), ("potential", "Blues")), start=1):
        ax = fig.add_subplot(1, 2, k)
        cmap = colormaps[cmap_name]
        for code in sorted(geometry):
            b = scores.get(code)
            value = None if b is None else (b.urgency if what == "urgency" else b.potential)
            for poly in geometry[code]:
                verts: list[tuple[float, float]] = []
                codes: list[Any] = []
                for ring in poly:
                    verts.extend(ring)
                    codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1))
                path = MplPath(verts, codes)
                hl = code in highlight
                patch = PathPatch(
                    path, facecolor="#dddddd" if value is None else cmap(norm(value)),
                    edgecolor="black" if hl else "white", lw=1.6 if hl else 0.4,
                    hatch="///" if value is None else None, zorder=3 if hl else 2,
                )
                ax.add_patch(patch)
        if xs:
            ax.set_xlim(min(xs), max(xs))
            ax.set_ylim(min(ys), max(ys))
        ax.set_aspect(aspect)
        ax.set_axis_off()
        ax.set_title(text("map.title", lang, what=text(what, lang)))
        fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.7,
                     label=f"{text(what, lang)} (0–100)")
    fig.text(0.01, 0.01, f"{GEOMETRY_CREDIT} · " + text("indicators.credit", lang, source=result.source)
             + f" · {text('map.nodata', lang)}: ///", fontsize=7, color="#555555")
    return fig


# -------------------------------------------------------------- weights ---
def weights_yaml(weights: Mapping[str, float], *, source: str, config: str, generated: str,
                 note: str | None = None, decimals: int = 3) -> str:
    """The ``sia_weights`` YAML text (format: ``docs/sia.md``), weights sorted by code.

    Examples
    --------
    >>> print(weights_yaml({"BU2": 1.5, "BU1": 1.25}, source="dia sia x.csv --config s.yaml",
    ...                    config="s.yaml", generated="2026-11-27"), end="")
    # SIA buurt weights for a DIA area (dia.yaml: sia_weights: <this file>)
    # written by dia sia on 2026-11-27; weight = multiplier on project value
    source: "dia sia x.csv --config s.yaml"
    config: "s.yaml"
    weights:
      BU1: 1.250
      BU2: 1.500
    """
    import json

    lines = [
        "# SIA buurt weights for a DIA area (dia.yaml: sia_weights: <this file>)",
        f"# written by dia sia on {generated}; weight = multiplier on project value",
    ]
    if note:
        lines.extend(f"# {line}" for line in note.splitlines())
    lines += [f"source: {json.dumps(source, ensure_ascii=False)}",
              f"config: {json.dumps(config, ensure_ascii=False)}",
              "weights:" if weights else "weights: {}"]
    lines += [f"  {code}: {weights[code]:.{decimals}f}" for code in sorted(weights)]
    return "\n".join(lines) + "\n"


def write_weights(path: str | os.PathLike[str], weights: Mapping[str, float], *, source: str, config: str,
                  generated: str, note: str | None = None, decimals: int = 3) -> Path:
    """Write the ``sia_weights`` YAML atomically (see :func:`weights_yaml`)."""
    body = weights_yaml(weights, source=source, config=config, generated=generated, note=note,
                        decimals=decimals)
    with atomic_open(path) as fh:
        fh.write(body)
    return Path(path)


# ---------------------------------------------------------------- all ---
def write_sia_report(
    result: SiaResult,
    config: SiaConfig,
    out: str | os.PathLike[str],
    *,
    lang: str = "nl",
    geometry: Mapping[str, list[Polygon]] | None = None,
    highlight: Collection[str] = (),
) -> list[Path]:
    """Write ``sia.csv``, ``sia.xlsx``, ``sia_scatter.png``, ``sia_themes_*.png`` and,
    with ``geometry``, ``sia_map.png`` into ``out``, all or nothing.

    Returns
    -------
    list of Path
        The files written, sorted.
    """
    names: list[str] = []
    with staged_dir(out) as stage:
        write_csv(result, config, stage / "sia.csv")
        write_workbook(result, config, stage / "sia.xlsx", lang)
        names += ["sia.csv", "sia.xlsx"]
        _save_png(plot_scatter(result, lang), stage / "sia_scatter.png")
        names.append("sia_scatter.png")
        for group in GROUPS:
            fig = plot_themes(result, group, lang)
            if fig is not None:
                _save_png(fig, stage / f"sia_themes_{group}.png")
                names.append(f"sia_themes_{group}.png")
        if geometry is not None:
            _save_png(plot_map(result, geometry, lang, highlight), stage / "sia_map.png")
            names.append("sia_map.png")
    return sorted(Path(out) / n for n in names)
