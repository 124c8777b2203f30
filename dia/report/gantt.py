"""The Gantt chart of the agenda: one bar per scheduled project over the years.

The drawing is built from data: :func:`gantt_bars` returns one row per line
of the chart (group headers and project bars, with page, row, years and
colour) and :func:`gantt_links` the realised koppelkansen between bars, so
tests check *what* is drawn (bars at the right years, every project once)
without comparing pixels. :func:`draw_gantt` turns those frames into
matplotlib figures, one per page.

Layout: bars grouped by buurt and, inside a buurt, by partner (or grouped by
partner or by type), coloured by partner with a legend; mandatory projects
carry a black outline and a marker; realised koppelkansen are drawn as a
link between the coupled bars at their start years so coupled works visibly
line up; dropped projects are listed beside the chart; the horizon is marked
and the current year shaded. At most ``rows_per_page`` lines go on a page,
so 200 projects become a few readable pages instead of one unreadable one;
a group that continues on the next page repeats its header there.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from dia.report._text import text
from dia.report.colours import partner_colours

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from dia.model import Agenda, Area, ScheduledProject

GroupBy = Literal["buurt", "partner", "type"]
GROUP_BY: tuple[str, ...] = ("buurt", "partner", "type")

#: Lines (bars and group headers) per page: 60 lines of 0.24 in keep 7.5 pt labels apart on a
#: page that prints on A3 (200 projects -> 4 pages).
ROWS_PER_PAGE = 60
#: Project labels longer than this are shortened with an ellipsis.
LABEL_CHARS = 46
#: Figure width in inches and height per line.
FIG_WIDTH = 13.0
ROW_HEIGHT = 0.24

BAR_COLUMNS: tuple[str, ...] = (
    "page", "row", "kind", "group", "project_id", "label", "partner", "start", "end", "width",
    "colour", "mandatory", "cluster",
)
LINK_COLUMNS: tuple[str, ...] = ("page", "row_a", "row_b", "year_a", "year_b", "rule", "project_a",
                                 "project_b")


def _shorten(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _group_key(p: ScheduledProject, group_by: str, area: Area | None, lang: str) -> tuple[str, str]:
    """(sort key, shown label) of the group a project belongs to."""
    if group_by == "partner":
        return p.partner, p.partner
    if group_by == "type":
        label = p.type
        if area is not None and p.type in area.type_by_id:
            t = area.type_by_id[p.type]
            label = (t.label_en or t.label) if lang == "en" else t.label
        return label, label
    name = p.buurt
    if area is not None and p.buurt in area.buurt_by_code:
        name = f"{area.buurt_by_code[p.buurt].name} ({p.buurt})"
    return p.buurt, name


def _inner_key(p: ScheduledProject, group_by: str) -> tuple[object, ...]:
    start = p.start_year if p.start_year is not None else 0
    if group_by == "buurt":
        return (p.partner, start, p.project_id)
    if group_by == "partner":
        return (p.buurt, start, p.project_id)
    return (p.partner, start, p.project_id)


def gantt_bars(
    agenda: Agenda,
    *,
    group_by: str = "buurt",
    area: Area | None = None,
    lang: str = "nl",
    rows_per_page: int = ROWS_PER_PAGE,
    colours: dict[str, str] | None = None,
) -> pd.DataFrame:
    """The lines of the Gantt chart as a data frame (what :func:`draw_gantt` draws).

    Parameters
    ----------
    agenda:
        The agenda; only selected projects get a bar.
    group_by:
        ``"buurt"`` (then partner), ``"partner"`` or ``"type"``.
    area:
        Optional: buurt and type names instead of codes.
    lang:
        Language of the "(continued)" marker and type labels.
    rows_per_page:
        Most lines on one page (at least 5).
    colours:
        Partner colours (default :func:`dia.report.colours.partner_colours`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`BAR_COLUMNS`: ``page`` (0-based), ``row`` (0-based
        line on its page, top first), ``kind`` (``"group"`` header or
        ``"bar"``), ``group`` (shown group label), ``project_id``, ``label``,
        ``partner``, ``start`` and ``end`` (calendar years, inclusive),
        ``width`` (years), ``colour``, ``mandatory``, ``cluster``.

    Raises
    ------
    ValueError
        For an unknown ``group_by`` (the CLI offers only the valid choices).
    """
    import pandas as pd

    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}, got {group_by!r}")
    rows_per_page = max(5, rows_per_page)
    colours = colours or partner_colours(agenda, area)
    selected = [p for p in agenda.projects if p.is_selected and p.start_year is not None]
    groups: dict[tuple[str, str], list[ScheduledProject]] = {}
    for p in selected:
        groups.setdefault(_group_key(p, group_by, area, lang), []).append(p)

    lines: list[dict[str, Any]] = []
    page, row = 0, 0

    def add(line: dict[str, Any]) -> None:
        nonlocal page, row
        lines.append({**line, "page": page, "row": row})
        row += 1

    def header(label: str, continued: bool) -> dict[str, Any]:
        shown = f"{label} ({'vervolg' if lang == 'nl' else 'continued'})" if continued else label
        return {"kind": "group", "group": label, "project_id": "", "label": shown, "partner": "",
                "start": pd.NA, "end": pd.NA, "width": 0, "colour": "", "mandatory": False, "cluster": ""}

    for key in sorted(groups):
        label = key[1]
        members = sorted(groups[key], key=lambda p: _inner_key(p, group_by))
        if row + 2 > rows_per_page:  # never leave a header alone at the foot of a page
            page, row = page + 1, 0
        add(header(label, continued=False))
        for p in members:
            if row >= rows_per_page:
                page, row = page + 1, 0
                add(header(label, continued=True))
            assert p.start_year is not None
            end = p.end_year if p.end_year is not None else p.start_year
            add({"kind": "bar", "group": label, "project_id": p.project_id,
                 "label": _shorten(f"{p.project_id} {p.name}"), "partner": p.partner,
                 "start": p.start_year, "end": end, "width": end - p.start_year + 1,
                 "colour": colours.get(p.partner, "#808080"), "mandatory": p.is_mandatory,
                 "cluster": p.cluster or ""})
    frame = pd.DataFrame(lines, columns=list(BAR_COLUMNS))
    frame["start"] = frame["start"].astype("Int64")
    frame["end"] = frame["end"].astype("Int64")
    return frame


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of a frame as plain dicts keyed by column name."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def gantt_links(agenda: Agenda, bars: pd.DataFrame) -> pd.DataFrame:
    """Realised koppelkansen between two bars on the same page (drawn as links).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`LINK_COLUMNS`; ``row_a``/``row_b`` are the bars' rows,
        ``year_a``/``year_b`` their start years.
    """
    import pandas as pd

    records = _records(bars)
    where = {r["project_id"]: (int(r["page"]), int(r["row"]), int(r["start"]))
             for r in records if r["kind"] == "bar"}
    links = []
    for c in sorted(agenda.couplings, key=lambda c: (c.project_a, c.project_b, c.rule)):
        if not c.is_realised or c.project_a not in where or c.project_b not in where:
            continue
        (page_a, row_a, year_a), (page_b, row_b, year_b) = where[c.project_a], where[c.project_b]
        if page_a != page_b:
            continue
        links.append({"page": page_a, "row_a": row_a, "row_b": row_b, "year_a": year_a, "year_b": year_b,
                      "rule": c.rule, "project_a": c.project_a, "project_b": c.project_b})
    return pd.DataFrame(links, columns=list(LINK_COLUMNS))


@dataclass(frozen=True)
class GanttPage:
    """One rendered page: the figure and its 1-based number."""

    number: int
    figure: Figure


def _dropped_lines(agenda: Agenda, lang: str, limit: int) -> list[str]:
    dropped = sorted((p for p in agenda.projects if not p.is_selected), key=lambda p: p.project_id)
    if not dropped:
        return [text("chart.dropped_none", lang)]
    # Id and name only: the id says whose project it is, and the report's table has the partner.
    lines = [_shorten(f"{p.project_id} {p.name}", 38) for p in dropped]
    if len(lines) > limit:
        lines = [*lines[: limit - 1], text("chart.dropped_more", lang, n=len(lines) - limit + 1)]
    return lines


def draw_gantt(
    agenda: Agenda,
    bars: pd.DataFrame,
    links: pd.DataFrame,
    *,
    lang: str = "nl",
    colours: dict[str, str] | None = None,
    today: dt.date | None = None,
    title: str | None = None,
) -> list[GanttPage]:
    """Draw the Gantt pages from :func:`gantt_bars` and :func:`gantt_links`.

    Parameters
    ----------
    agenda:
        The agenda (horizon, dropped projects, partners for the legend).
    bars, links:
        The data to draw.
    lang:
        Language of the labels.
    colours:
        Partner colours for the legend.
    today:
        The date whose year is shaded (default: today).
    title:
        Chart title (default "Investeringsagenda <area>").

    Returns
    -------
    list of GanttPage
        One figure per page (at least one, even for an empty agenda).
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    colours = colours or partner_colours(agenda)
    today_year = (today or dt.date.today()).year
    title = title or text("chart.gantt_title", lang, area=agenda.area)
    records = _records(bars)
    link_records = _records(links)
    bar_rows = [r for r in records if r["kind"] == "bar"]
    first = min([agenda.horizon_start, *(int(r["start"]) for r in bar_rows)])
    last = max([agenda.horizon_end, *(int(r["end"]) for r in bar_rows)])
    pages = max([0, *(int(r["page"]) for r in records)]) + 1
    per_page = [sum(1 for r in records if r["page"] == page) for page in range(pages)]
    partners_used = sorted({str(r["partner"]) for r in bar_rows}) or sorted(colours)

    out = []
    for page in range(pages):
        # Each page as tall as its lines (at least room for the legend): a short last page stays short.
        n_rows = max(12, per_page[page])
        height = 1.6 + ROW_HEIGHT * n_rows
        fig = Figure(figsize=(FIG_WIDTH, height))
        ax = fig.add_axes((0.235, 0.9 / height, 0.555, 1 - 1.55 / height))
        side = fig.add_axes((0.805, 0.9 / height, 0.19, 1 - 1.55 / height))
        side.axis("off")
        lines = sorted((r for r in records if r["page"] == page), key=lambda r: int(r["row"]))
        ax.set_ylim(n_rows - 0.5, -0.5)
        ax.set_xlim(first - 0.1, last + 1.1)
        # current year and horizon
        if first <= today_year <= last:
            ax.axvspan(today_year, today_year + 1, color="#FFE9A8", alpha=0.6, zorder=0, lw=0)
        for x in (agenda.horizon_start, agenda.horizon_end + 1):
            ax.axvline(x, color="#555555", lw=1.0, ls="--", zorder=1)
        ax.set_xticks([y + 0.5 for y in range(first, last + 1)])
        ax.set_xticklabels([str(y) for y in range(first, last + 1)], fontsize=8)
        ax.set_xticks(list(range(first, last + 2)), minor=True)
        ax.tick_params(axis="x", which="major", length=0)
        ax.grid(axis="x", which="minor", color="#DDDDDD", lw=0.6, zorder=0)
        ax.xaxis.tick_top()
        for spine in ("right", "bottom", "left"):
            ax.spines[spine].set_visible(False)
        ticks, labels = [], []
        for r in lines:
            row = int(r["row"])
            ticks.append(row)
            labels.append(str(r["label"]))
            if r["kind"] == "group":
                ax.axhspan(row - 0.5, row + 0.5, color="#EEF1F5", zorder=0, lw=0)
                continue
            mandatory = bool(r["mandatory"])
            ax.barh(row, int(r["width"]), left=int(r["start"]), height=0.62, color=r["colour"],
                    edgecolor="black" if mandatory else r["colour"], linewidth=1.4 if mandatory else 0.5,
                    zorder=3)
            if mandatory:
                ax.plot(int(r["start"]) - 0.06, row, marker="D", ms=3.5, color="black", zorder=4)
        ax.set_yticks(ticks)
        ax.set_yticklabels(labels, fontsize=7.5)
        for tick, r in zip(ax.get_yticklabels(), lines, strict=True):
            if r["kind"] == "group":
                tick.set_fontweight("bold")
                tick.set_fontsize(8)
        ax.tick_params(axis="y", length=0)
        for link in (k for k in link_records if k["page"] == page):
            # A bracket from one bar's start to the other's: coupled works line up on it.
            xa, xb = int(link["year_a"]) + 0.15, int(link["year_b"]) + 0.15
            ya, yb = int(link["row_a"]), int(link["row_b"])
            ax.plot([xa, xa, xb, xb], [ya, (ya + yb) / 2, (ya + yb) / 2, yb],
                    color="#222222", lw=0.9, ls=":", zorder=5)
            ax.plot([xa, xb], [ya, yb], ls="none", marker="o", ms=3, color="#222222", zorder=6)
        fig.text(0.235, 1 - 0.3 / height, title, fontsize=13, fontweight="bold", va="top")
        if pages > 1:
            fig.text(0.79, 1 - 0.3 / height, text("chart.page", lang, page=page + 1, pages=pages),
                     fontsize=9, va="top", ha="right")
        handles: list[Any] = [Patch(facecolor=colours.get(n, "#808080"), label=n) for n in partners_used]
        handles += [
            Patch(facecolor="white", edgecolor="black", linewidth=1.4, label=text("chart.mandatory", lang)),
            Line2D([], [], color="#222222", ls=":", marker="o", ms=3, label=text("chart.coupling", lang)),
            Line2D([], [], color="#555555", ls="--", label=text("chart.horizon", lang)),
            Patch(facecolor="#FFE9A8", label=f"{text('chart.today', lang)} ({today_year})"),
        ]
        legend = side.legend(handles=handles, loc="upper left", fontsize=7.5, frameon=False,
                             borderaxespad=0.0)
        legend.set_in_layout(False)
        if page == 0:
            room = max(3, n_rows - len(handles) - 4)
            dropped = _dropped_lines(agenda, lang, room)
            # A legend entry is about 0.75 of a chart line high.
            y0 = 1 - (0.75 * len(handles) + 1.5) / n_rows
            side.text(0.0, y0, text("chart.dropped", lang), fontsize=8.5, fontweight="bold", va="top",
                      transform=side.transAxes)
            side.text(0.0, y0 - 1.3 / n_rows, "\n".join(dropped), fontsize=7, va="top",
                      transform=side.transAxes, linespacing=1.45)
        out.append(GanttPage(number=page + 1, figure=fig))
    return out


#: Deterministic vector output: no creation dates, fixed SVG id salt.
_SVG_META = {"Date": None}
_PDF_META = {"CreationDate": None, "ModDate": None}


def render_gantt(
    agenda: Agenda,
    *,
    group_by: str = "buurt",
    area: Area | None = None,
    lang: str = "nl",
    colours: dict[str, str] | None = None,
    formats: Sequence[str] = ("png", "svg", "pdf"),
    dpi: int = 300,
    today: dt.date | None = None,
) -> dict[str, bytes]:
    """Render the Gantt chart to file contents, keyed by file name.

    Page 1 is ``gantt.png`` / ``gantt.svg``; further pages are
    ``gantt-2.png`` ... ; ``gantt.pdf`` holds every page.

    Returns
    -------
    dict
        File name -> bytes, in page order.
    """
    import matplotlib

    colours = colours or partner_colours(agenda, area)
    bars = gantt_bars(agenda, group_by=group_by, area=area, lang=lang, colours=colours)
    links = gantt_links(agenda, bars)
    files: dict[str, bytes] = {}
    from dia.report.charts import PNG_OPTIONS

    with matplotlib.rc_context({"svg.hashsalt": "dia", "svg.fonttype": "none", "pdf.compression": 1}):
        pages = draw_gantt(agenda, bars, links, lang=lang, colours=colours, today=today)
        for page in pages:
            suffix = "" if page.number == 1 else f"-{page.number}"
            for fmt in formats:
                if fmt == "pdf":
                    continue
                buffer = io.BytesIO()
                meta = _SVG_META if fmt == "svg" else None
                extra: dict[str, Any] = {"pil_kwargs": PNG_OPTIONS} if fmt == "png" else {}
                page.figure.savefig(buffer, format=fmt, dpi=dpi, metadata=meta, **extra)
                files[f"gantt{suffix}.{fmt}"] = buffer.getvalue()
        if "pdf" in formats:
            from matplotlib.backends.backend_pdf import PdfPages

            buffer = io.BytesIO()
            with PdfPages(buffer, metadata=_PDF_META) as pdf:
                for page in pages:
                    pdf.savefig(page.figure)
            files["gantt.pdf"] = buffer.getvalue()
    return files


def write_gantt(
    agenda: Agenda,
    target: str | Path,
    *,
    group_by: str = "buurt",
    area: Area | None = None,
    lang: str = "nl",
    today: dt.date | None = None,
    dpi: int = 300,
) -> list[Path]:
    """Write the Gantt chart to ``target`` (``.png``, ``.svg`` or ``.pdf``) atomically.

    A PDF holds every page; PNG and SVG write page 1 to ``target`` and page
    *n* to ``<stem>-<n><suffix>`` beside it.

    Returns
    -------
    list of pathlib.Path
        The files written, page 1 first.

    Raises
    ------
    dia.errors.InputError
        When the suffix is not one of .png, .svg, .pdf.

    Examples
    --------
    >>> from dia.io.agenda_io import read_agenda  # doctest: +SKIP
    >>> agenda = read_agenda("out/agenda.xlsx")  # doctest: +SKIP
    >>> write_gantt(agenda, "out/per-partner.png", group_by="partner")  # doctest: +SKIP
    """
    from dia.errors import InputError, Location, Problem, Reason
    from dia.io.atomic import atomic_open
    from dia.messages import msg

    path = Path(target)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        suffix = path.suffix or msg("report.no_suffix")
        raise InputError([Problem.of(Reason.INVALID_VALUE, msg("report.gantt_suffix", suffix=suffix),
                                     Location(file=str(path)))])
    files = render_gantt(agenda, group_by=group_by, area=area, lang=lang, formats=(fmt,), dpi=dpi,
                         today=today)
    paths = []
    for name, data in files.items():
        page = name[len("gantt"):-len(path.suffix)]  # "" or "-2", "-3", ...
        dest = path.with_name(f"{path.stem}{page}{path.suffix}")
        with atomic_open(dest, "wb") as handle:
            handle.write(data)
        paths.append(dest)
    return paths
