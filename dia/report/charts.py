"""Cash-flow charts: per partner, for the whole area, and the savings per year.

* ``cashflow-partners.png`` - one panel per partner: each year's gross spend
  as a stacked bar (net from the budget, paid by funds, saved by coupling)
  against the budget line and the budget plus carry-over line;
* ``cashflow-total.png`` - the area total: net spend stacked by partner
  against the summed budget (and budget plus carry-over);
* ``savings.png`` - the coupling savings per year, stacked by partner.

``render_charts(..., formats=("pdf",))`` gives ``cashflow.pdf`` with the
three as pages (not part of the default export, to keep it fast). The data behind each chart comes
from :func:`cashflow_frame`, so tests can check it without pixels.
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING, Any

from dia.report._text import text
from dia.report.colours import partner_colours, tint

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from dia.model import Agenda, Area

#: zlib level 1: PNG encoding about 3x as fast as the default 6, files about 1.5x larger.
PNG_OPTIONS: dict[str, Any] = {"compress_level": 1}

CHART_FILES: tuple[str, ...] = ("cashflow-partners.png", "cashflow-total.png", "savings.png")


def euro_short(amount: float, lang: str = "nl") -> str:
    """A compact euro label for chart axes: ``€ 1,2 mln`` (nl) or ``€1.2m`` (en).

    Examples
    --------
    >>> euro_short(1_250_000), euro_short(1_500_000, "en"), euro_short(45_000)
    ('€ 1,25 mln', '€1.5m', '€ 45k')
    """
    size = abs(amount)
    if size >= 1e6:
        number = f"{amount / 1e6:.2f}".rstrip("0")
        number = number + "0" if number.endswith(".") else number
        unit = " mln" if lang == "nl" else "m"
    elif size >= 1e3:
        number, unit = f"{amount / 1e3:.0f}", "k"
    else:
        number, unit = f"{amount:.0f}", ""
    if lang == "nl":
        return f"€ {number.replace('.', ',')}{unit}"
    return f"€{number}{unit}"


def cashflow_frame(agenda: Agenda) -> pd.DataFrame:
    """Partner x year figures behind the charts.

    Returns
    -------
    pandas.DataFrame
        One row per partner and year (sorted) with ``budget``, ``carry_in``,
        ``available`` (budget + carry-in), ``spend`` (gross), ``saving``,
        ``fund_draw``, ``net`` and ``own`` (net spend from the budget, never
        below 0), so that ``own + fund_draw + saving == spend`` whenever the
        net is not negative.
    """
    import pandas as pd

    rows = [{
        "partner": c.partner, "year": c.year, "budget": c.budget, "carry_in": c.carry_in,
        "available": c.budget + c.carry_in, "spend": c.spend, "saving": c.saving,
        "fund_draw": c.fund_draw, "net": c.net, "own": max(0.0, c.net),
    } for c in sorted(agenda.cashflow, key=lambda c: (c.partner, c.year))]
    columns = ["partner", "year", "budget", "carry_in", "available", "spend", "saving", "fund_draw",
               "net", "own"]
    return pd.DataFrame(rows, columns=columns)


def _euro_axis(ax: Axes, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: euro_short(v, lang)))
    ax.grid(axis="y", color="#E5E5E5", lw=0.6)
    ax.set_axisbelow(True)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)


def _budget_steps(ax: Axes, years: list[int], values: list[float], **style: Any) -> None:
    """A budget line that covers each year's bar fully (a step from year - 0.5 to year + 0.5)."""
    if not years:
        return
    xs = [y - 0.5 for y in years] + [years[-1] + 0.5]
    ax.step(xs, [*values, values[-1]], where="post", **style)


def _years_axis(ax: Axes, years: list[int]) -> None:
    ax.set_xticks(years)
    ax.set_xticklabels([str(y) for y in years], fontsize=7, rotation=45 if len(years) > 8 else 0)


def partner_figure(agenda: Agenda, frame: pd.DataFrame, colours: dict[str, str], lang: str) -> Figure:
    """One panel per partner: stacked gross spend against budget and budget + carry-over."""
    from matplotlib.figure import Figure

    partners = sorted(set(frame["partner"]))
    cols = min(3, max(1, len(partners)))
    rows = max(1, math.ceil(len(partners) / cols))
    width, height = 4.2 * cols, 3.0 * rows + 1.1
    fig = Figure(figsize=(width, height))
    # Fixed margins in inches (title on top, legend at the foot): much faster than constrained layout.
    fig.subplots_adjust(left=0.85 / width, right=1 - 0.15 / width, top=1 - 0.75 / height,
                        bottom=0.75 / height, wspace=0.45, hspace=0.5)
    fig.suptitle(text("chart.cashflow_partner", lang), fontsize=12, fontweight="bold", y=1 - 0.12 / height)
    axes = fig.subplots(rows, cols, squeeze=False)
    for i, partner in enumerate(partners):
        ax = axes[i // cols][i % cols]
        data = frame[frame["partner"] == partner]
        years = [int(y) for y in data["year"]]
        colour = colours.get(partner, "#808080")
        ax.bar(years, data["own"], color=colour, label=text("chart.spend_net", lang), width=0.75)
        ax.bar(years, data["fund_draw"], bottom=data["own"], color=tint(colour, 0.45),
               label=text("col.fund_draw", lang), width=0.75)
        ax.bar(years, data["saving"], bottom=data["own"] + data["fund_draw"], color="white",
               edgecolor=colour, hatch="////", lw=0.6, label=text("chart.saving", lang), width=0.75)
        _budget_steps(ax, years, [float(v) for v in data["budget"]], color="#222222", lw=1.3,
                      label=text("chart.budget", lang))
        _budget_steps(ax, years, [float(v) for v in data["available"]], color="#222222", lw=1.0, ls="--",
                      label=text("chart.budget_carry", lang))
        ax.set_title(partner, fontsize=10, color=colour, fontweight="bold")
        _euro_axis(ax, lang)
        _years_axis(ax, years)
        ax.tick_params(axis="y", labelsize=7)
        if i == 0:
            fig.legend(*ax.get_legend_handles_labels(), loc="lower center", ncol=5, fontsize=7.5,
                       frameon=False, bbox_to_anchor=(0.5, 0.05 / height))
    for j in range(len(partners), rows * cols):
        axes[j // cols][j % cols].axis("off")
    return fig


def _stack_by_partner(ax: Axes, frame: pd.DataFrame, years: list[int], column: str,
                      colours: dict[str, str]) -> list[float]:
    """Draw ``column`` per year as bars stacked by partner (sorted); return the stack heights."""
    bottom = [0.0] * len(years)
    for partner in sorted(set(frame["partner"])):
        data = frame[frame["partner"] == partner].set_index("year").reindex(years, fill_value=0.0)
        values = [float(v) for v in data[column]]
        ax.bar(years, values, bottom=bottom, color=colours.get(partner, "#808080"), label=partner, width=0.75)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    return bottom


def total_figure(agenda: Agenda, frame: pd.DataFrame, colours: dict[str, str], lang: str) -> Figure:
    """The area total: net spend stacked by partner against the summed budget lines."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9.0, 4.2))
    fig.subplots_adjust(left=0.85 / 9.0, right=1 - 1.9 / 9.0, top=1 - 0.45 / 4.2, bottom=0.45 / 4.2)
    ax = fig.subplots()
    years = sorted({int(y) for y in frame["year"]})
    _stack_by_partner(ax, frame, years, "own", colours)
    totals = frame.groupby("year")[["budget", "available"]].sum().reindex(years, fill_value=0.0)
    _budget_steps(ax, years, [float(v) for v in totals["budget"]], color="#222222", lw=1.4,
                  label=text("chart.budget", lang))
    _budget_steps(ax, years, [float(v) for v in totals["available"]], color="#222222", lw=1.0, ls="--",
                  label=text("chart.budget_carry", lang))
    ax.set_title(text("chart.cashflow_total", lang, area=agenda.area), fontsize=12, fontweight="bold")
    _euro_axis(ax, lang)
    _years_axis(ax, years)
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def savings_figure(agenda: Agenda, frame: pd.DataFrame, colours: dict[str, str], lang: str) -> Figure:
    """Coupling savings per year, stacked by partner, with the yearly total written on top."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9.0, 3.6))
    fig.subplots_adjust(left=0.85 / 9.0, right=1 - 1.9 / 9.0, top=1 - 0.45 / 3.6, bottom=0.45 / 3.6)
    ax = fig.subplots()
    years = sorted({int(y) for y in frame["year"]})
    bottom = _stack_by_partner(ax, frame, years, "saving", colours)
    for year, total in zip(years, bottom, strict=True):
        if total > 0:
            ax.annotate(euro_short(total, lang), (year, total), ha="center", va="bottom", fontsize=7,
                        xytext=(0, 2), textcoords="offset points")
    ax.set_title(text("chart.savings", lang), fontsize=12, fontweight="bold")
    _euro_axis(ax, lang)
    _years_axis(ax, years)
    ax.set_ylim(0, max([*bottom, 1.0]) * 1.15)
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def render_charts(
    agenda: Agenda,
    *,
    area: Area | None = None,
    lang: str = "nl",
    colours: dict[str, str] | None = None,
    formats: tuple[str, ...] = ("png",),
    dpi: int = 130,
) -> dict[str, bytes]:
    """Render the cash-flow charts; return file name -> bytes.

    PNG gives :data:`CHART_FILES`; PDF gives ``cashflow.pdf`` with the three
    charts as pages.
    """
    import matplotlib

    colours = colours or partner_colours(agenda, area)
    frame = cashflow_frame(agenda)
    files: dict[str, bytes] = {}
    with matplotlib.rc_context({"pdf.compression": 1, "hatch.linewidth": 0.6}):
        figures = [builder(agenda, frame, colours, lang)
                   for builder in (partner_figure, total_figure, savings_figure)]
        if "png" in formats:
            for name, fig in zip(CHART_FILES, figures, strict=True):
                buffer = io.BytesIO()
                fig.savefig(buffer, format="png", dpi=dpi, pil_kwargs=PNG_OPTIONS)
                files[name] = buffer.getvalue()
        if "pdf" in formats:
            from matplotlib.backends.backend_pdf import PdfPages

            buffer = io.BytesIO()
            meta: dict[str, Any] = {"CreationDate": None, "ModDate": None}
            with PdfPages(buffer, metadata=meta) as pdf:
                for fig in figures:
                    pdf.savefig(fig)
            files["cashflow.pdf"] = buffer.getvalue()
    return files
