"""``report.html``: one self-contained page for the board (bestuurlijk overleg).

The page needs nothing but itself: charts are embedded as base64 PNG, the
style sheet is inline, there is no script and no external font, link or
image, so it opens offline and can be mailed as one file. ``@page`` rules
make it print on A4 landscape, with each section starting cleanly.

Every piece of text that comes from the inputs (project names, partners,
rules, reasons, file names) passes through :func:`html.escape`.
"""

from __future__ import annotations

import base64
import html
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from dia.model.agenda import spend_after_horizon_by_partner
from dia.report._text import euro_text, finding_kind, number_text, percent_text, text
from dia.report.runinfo import summary_figures

if TYPE_CHECKING:
    from dia.model import Agenda, Area

CSS = """
@page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 10.5pt;
       color: #1b1b1b; background: #ffffff; }
body { margin: 0 auto; max-width: 1180px; padding: 18px 24px 40px; }
header { border-bottom: 3px solid #1f3a5f; margin-bottom: 14px; }
h1 { font-size: 22pt; margin: 0 0 2px; color: #1f3a5f; }
h2 { font-size: 14pt; color: #1f3a5f; border-bottom: 1px solid #c9d3df; padding-bottom: 3px;
     margin: 22px 0 10px; }
h3 { font-size: 11pt; margin: 14px 0 6px; }
.subtitle { color: #4a5a6a; margin: 0 0 10px; }
.warning { background: #fff4d6; border-left: 4px solid #e0a100; padding: 6px 10px; margin: 8px 0; }
.kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin: 8px 0 14px; }
.kpi { border: 1px solid #c9d3df; border-radius: 6px; padding: 8px 10px; background: #f5f8fb; }
.kpi .label { font-size: 8.5pt; color: #4a5a6a; }
.kpi .value { font-size: 15pt; font-weight: bold; color: #1f3a5f; margin-top: 2px; }
.kpi .sub { font-size: 8pt; color: #4a5a6a; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 9pt; }
th, td { border-bottom: 1px solid #dde3ea; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #1f3a5f; color: #ffffff; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; background: #eef1f5; }
tr.muted td { color: #7f7f7f; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px;
          vertical-align: baseline; }
figure { margin: 8px 0 14px; }
figure img { width: 100%; height: auto; display: block; border: 1px solid #eef1f5; }
figure.narrow img { max-width: 900px; margin: 0 auto; }
figcaption { font-size: 8.5pt; color: #4a5a6a; margin-top: 3px; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.method { max-width: 900px; line-height: 1.45; }
footer { margin-top: 24px; font-size: 8pt; color: #7f7f7f; border-top: 1px solid #dde3ea; padding-top: 6px; }
.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; word-break: break-all; }
@media print {
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  section { break-before: page; }
  section.first { break-before: auto; }
  figure, tr, .kpi { break-inside: avoid; }
  figure img { width: auto; max-width: 100%; max-height: 178mm; margin: 0 auto; }
  thead { display: table-header-group; }
}
"""


def _e(value: object) -> str:
    """Escape any value for HTML text or attribute content."""
    return html.escape("" if value is None else str(value), quote=True)


def _img(data: bytes, alt: str) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{encoded}">'


def _table(headers: Sequence[tuple[str, bool]], rows: Sequence[Sequence[str]],
           row_classes: Sequence[str] | None = None) -> str:
    """A table; ``headers`` are (label, is_numeric); cells are already escaped HTML."""
    head = "".join(f'<th class="num">{_e(h)}</th>' if num else f"<th>{_e(h)}</th>" for h, num in headers)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{row_classes[i]}"' if row_classes and row_classes[i] else ""
        cells = "".join(f'<td class="num">{c}</td>' if headers[j][1] else f"<td>{c}</td>"
                        for j, c in enumerate(row))
        body.append(f"<tr{cls}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _kpi(label: str, value: str, sub: str = "") -> str:
    sub_html = f'<div class="sub">{_e(sub)}</div>' if sub else ""
    return (f'<div class="kpi"><div class="label">{_e(label)}</div>'
            f'<div class="value">{_e(value)}</div>{sub_html}</div>')


def _summary(agenda: Agenda, lang: str) -> str:
    f = summary_figures(agenda)
    cards = [
        _kpi(text("html.kpi_value", lang), euro_text(f["value"], lang),
             text("html.kpi_weighted", lang, x=euro_text(f["weighted_value"], lang))),
        _kpi(text("html.kpi_savings", lang), euro_text(f["saving"], lang)),
        _kpi(text("html.kpi_couplings", lang),
             text("html.kpi_of", lang, n=f["couplings_realised"], m=f["couplings"])),
        _kpi(text("html.kpi_projects", lang),
             text("html.kpi_of", lang, n=f["projects_selected"], m=f["projects"])),
        _kpi(text("html.kpi_budget", lang), percent_text(f["budget_use"], lang),
             text("html.kpi_budget_sub", lang, net=euro_text(f["net"], lang),
                  budget=euro_text(f["budget"], lang))),
    ]
    parts = [f'<div class="kpis">{"".join(cards)}</div>', f"<h3>{_e(text('html.added', lang))}</h3>"]
    base = agenda.baseline
    if base is None:
        parts.append(f"<p>{_e(text('html.added_none', lang))}</p>")
        return "".join(parts)
    parts.append(f"<p>{_e(text('html.added_text', lang))}</p>")

    def euro_row(key: str, together: float, alone: float) -> list[str]:
        return [_e(text(key, lang)), _e(euro_text(together, lang)), _e(euro_text(alone, lang)),
                _e(("+" if together - alone > 0.5 else "") + euro_text(together - alone, lang))]

    def count_row(key: str, together: int, alone: int) -> list[str]:
        diff = together - alone
        return [_e(text(key, lang)), _e(together), _e(alone), _e(f"{'+' if diff > 0 else ''}{diff}")]

    rows = [
        euro_row("html.row_value", f["value"], base.value),
        euro_row("html.row_weighted", f["weighted_value"], base.weighted_value),
        euro_row("html.row_saving", f["saving"], base.saving),
        count_row("html.row_couplings", f["couplings_realised"], base.couplings_realised),
        count_row("html.row_projects", f["projects_selected"], base.projects_selected),
        euro_row("html.row_budget", f["net"], base.budget_used),
    ]
    headers = [(text("html.measure", lang), False), (text("html.together", lang), True),
               (text("html.alone", lang), True), (text("html.difference", lang), True)]
    parts.append(_table(headers, rows))
    return "".join(parts)


def _cashflow_table(agenda: Agenda, lang: str, colours: Mapping[str, str]) -> str:
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for c in agenda.cashflow:
        for key, amount in (("budget", c.budget), ("spend", c.spend), ("saving", c.saving),
                            ("fund_draw", c.fund_draw), ("net", c.net)):
            sums[c.partner][key] += amount
            sums["\0total"][key] += amount
    # committed spend after the horizon's last year (not budgeted): a column only when there is some
    after = spend_after_horizon_by_partner(agenda)
    for partner, amount in after.items():
        sums[partner]["after"] += amount
        sums["\0total"]["after"] += amount
    rows, classes = [], []
    for partner in [*sorted(p for p in sums if p != "\0total"), "\0total"]:
        s = sums[partner]
        if partner == "\0total":
            name = _e(text("total", lang))
            classes.append("total")
        else:
            swatch = f'<span class="swatch" style="background:{_e(colours.get(partner, "#808080"))}"></span>'
            name = swatch + _e(partner)
            classes.append("")
        rows.append([name, *(_e(euro_text(s[k], lang)) for k in ("budget", "spend", "saving", "fund_draw",
                                                                   "net")),
                     _e(percent_text(s["net"] / s["budget"] if s["budget"] > 0 else None, lang)),
                     *([_e(euro_text(s["after"], lang))] if after else [])])
    headers = [(text("col.partner", lang), False)] + [
        (text(f"col.{k}", lang), True) for k in ("budget", "spend", "saving", "fund_draw", "net", "use")]
    if after:
        headers.append((text("col.after_horizon", lang, end=agenda.horizon_end), True))
    if not agenda.cashflow:
        return ""
    return f"<h3>{_e(text('html.cashflow_table', lang))}</h3>" + _table(headers, rows, classes)


def _couplings_table(agenda: Agenda, lang: str) -> str:
    if not agenda.couplings:
        return f"<p>{_e(text('html.couplings_none', lang))}</p>"
    names = {p.project_id: p.name for p in agenda.projects}
    ordered = sorted(agenda.couplings, key=lambda c: (not c.is_realised, -c.potential_saving,
                                                      c.project_a, c.project_b))
    rows, classes = [], []
    for c in ordered:
        rows.append([
            f"{_e(c.project_a)} {_e(names.get(c.project_a, ''))}",
            f"{_e(c.project_b)} {_e(names.get(c.project_b, ''))}",
            _e(c.rule), _e(euro_text(c.potential_saving, lang)),
            _e(text("yes" if c.is_realised else "no", lang)), _e(euro_text(c.saving, lang)),
            _e(c.reason or ""),
        ])
        classes.append("" if c.is_realised else "muted")
    headers = [(text("col.project_a", lang), False), (text("col.project_b", lang), False),
               (text("col.rule", lang), False), (text("col.potential_saving", lang), True),
               (text("col.realised", lang), False), (text("col.saving", lang), True),
               (text("col.why_not", lang), False)]
    return _table(headers, rows, classes)


def _dropped_table(agenda: Agenda, lang: str) -> str:
    dropped = sorted((p for p in agenda.projects if not p.is_selected), key=lambda p: p.project_id)
    if not dropped:
        return f"<p>{_e(text('chart.dropped_none', lang))}</p>"
    rows = [[_e(p.project_id), _e(p.partner), _e(p.name), _e(p.buurt), _e(euro_text(p.cost, lang)),
             _e(text("yes" if p.is_mandatory else "no", lang)), _e(p.reason or "")] for p in dropped]
    headers = [(text("col.project_id", lang), False), (text("col.partner", lang), False),
               (text("col.name", lang), False), (text("col.buurt", lang), False),
               (text("col.cost", lang), True), (text("col.mandatory", lang), False),
               (text("col.reason", lang), False)]
    return _table(headers, rows)


def _scenario(agenda: Agenda, lang: str) -> str:
    from dia import __version__

    run = agenda.run
    items = [
        ("item.area", _e(agenda.area)),
        ("item.scenario", _e(run.scenario or text("scenario.base", lang))),
        ("item.horizon", _e(f"{agenda.horizon_start}–{agenda.horizon_end}")),
        ("item.status", _e(text(f"status.{run.status}", lang))),
        ("item.gap", _e(percent_text(run.gap, lang, decimals=2))),
        ("item.objective", _e(number_text(agenda.objective.total, lang))),
        ("item.solver", _e(f"{run.solver} {run.solver_version}")),
        ("item.threads", _e(run.threads)),
        ("item.seed", _e(run.seed)),
        ("item.input_hash", f'<span class="hash">{_e(run.input_hash)}</span>'),
        ("item.dia_version", _e(__version__)),
    ]
    rows = [[_e(text(key, lang)), value] for key, value in items]
    parts = [_table([(text("col.item", lang), False), (text("col.setting", lang), False)], rows)]
    if run.inputs:
        parts.append(f"<h3>{_e(text('item.inputs', lang))}</h3>")
        parts.append(_table([(text("col.file", lang), False), (text("col.sha256", lang), False)],
                            [[_e(name), f'<span class="hash">{_e(digest)}</span>']
                             for name, digest in sorted(run.inputs)]))
    if agenda.findings:
        parts.append(f"<h3>{_e(text('html.findings', lang))}</h3><ul>")
        parts.extend(f"<li><b>{_e(finding_kind(f.kind, lang))}</b>: {_e(f.message)}</li>"
                     for f in agenda.findings)
        parts.append("</ul>")
    return "".join(parts)


def build_html(
    agenda: Agenda,
    *,
    lang: str = "nl",
    area: Area | None = None,
    colours: Mapping[str, str] | None = None,
    gantt_png: Sequence[bytes] = (),
    charts_png: Mapping[str, bytes] | None = None,
    extra_sections: Sequence[tuple[str, str]] = (),
) -> str:
    """The report as one HTML document.

    Parameters
    ----------
    agenda:
        The agenda.
    lang:
        ``"nl"`` or ``"en"``.
    area:
        Optional, for the partners' own colours.
    colours:
        Partner colours (default :func:`dia.report.colours.partner_colours`).
    gantt_png:
        The Gantt pages as PNG bytes, in order.
    charts_png:
        Cash-flow charts by file name (see :data:`dia.report.charts.CHART_FILES`).
    extra_sections:
        (title, trusted HTML) sections appended before the method, e.g. a
        scenario comparison rendered by :mod:`dia.report.scenarios`.

    Returns
    -------
    str
        The document (UTF-8 text).
    """
    from dia.report.colours import partner_colours

    colours = colours or partner_colours(agenda, area)
    charts_png = charts_png or {}
    title = text("html.title", lang, area=agenda.area)
    run = agenda.run
    warning = ""
    if run.status != "optimal" or (run.gap or 0.0) > 1e-3:
        warning = '<p class="warning">' + _e(text("html.status_warning", lang,
                                                  status=text(f"status.{run.status}", lang),
                                                  gap=percent_text(run.gap, lang, decimals=2))) + "</p>"
    subtitle = text("html.subtitle", lang, start=agenda.horizon_start, end=agenda.horizon_end)
    if run.scenario:
        subtitle += f" · {text('item.scenario', lang)}: {run.scenario}"
    gantt = "".join(f"<figure>{_img(png, text('html.gantt', lang))}</figure>" for png in gantt_png)
    charts: list[str] = []
    for name, caption_key in (("cashflow-partners.png", "chart.cashflow_partner"),
                              ("cashflow-total.png", "chart.cashflow_total"),
                              ("savings.png", "chart.savings")):
        if name in charts_png:
            caption = text(caption_key, lang, area=agenda.area)  # unused fields are ignored
            charts.append(f"<figure>{_img(charts_png[name], caption)}</figure>")
    sections = [
        (text("html.summary", lang), warning + _summary(agenda, lang)),
        (text("html.gantt", lang), gantt + f"<h3>{_e(text('html.dropped', lang))}</h3>"
         + _dropped_table(agenda, lang)),
        (text("html.cashflow", lang), (charts[0] if charts else "")
         + (f'<div class="two">{"".join(charts[1:])}</div>' if len(charts) > 1 else "")
         + _cashflow_table(agenda, lang, colours)),
        (text("html.couplings", lang), _couplings_table(agenda, lang)),
        (text("html.scenario", lang), _scenario(agenda, lang)),
        *extra_sections,
        (text("html.method", lang), f'<p class="method">{_e(text("html.method_text", lang))}</p>'),
    ]
    return html_page(title, subtitle, sections, lang=lang)


def html_page(title: str, subtitle: str, sections: Sequence[tuple[str, str]], *, lang: str = "nl") -> str:
    """A self-contained page in the report's look: the skeleton of ``report.html``.

    The header (title, subtitle), the sections, the footer, and the inline
    style sheet :data:`CSS`; each printed section starts on a new page. Other
    pages (``compare.html``) use it so that they look like the report.

    Parameters
    ----------
    title, subtitle:
        Plain text (escaped here).
    sections:
        ``(heading, trusted HTML)`` in order; the heading is escaped here,
        the body must already be escaped (build it with :func:`_e`).
    lang:
        ``"nl"`` or ``"en"`` (the page's ``lang`` and the footer).

    Returns
    -------
    str
        The document (UTF-8 text).
    """
    from dia import __version__

    body = "".join(
        ('<section class="first">' if k == 0 else "<section>") + f"<h2>{_e(head)}</h2>{content}</section>"
        for k, (head, content) in enumerate(sections))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{_e(title)}</h1><p class="subtitle">{_e(subtitle)}</p></header>\n'
        f"{body}\n"
        f"<footer>{_e(text('html.generated', lang, version=__version__))}</footer>\n"
        "</body>\n</html>\n"
    )
