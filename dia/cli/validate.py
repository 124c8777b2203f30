"""``dia validate AREA``: read every workbook, report all problems or a short summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import click

from dia.model import Area

_TEXT = {
    "nl": {
        "ok": "Geen fouten gevonden in {area}.",
        "head": "{name}: horizon {start}–{end}, {partners} partners, {projects} projecten, {funds} fondsen; "
        "gelezen: {files}",
        "partner": "Partner",
        "projects": "Projecten",
        "mandatory": "Verplicht",
        "cost": "Kosten",
        "budget": "Budget",
        "types": "Types",
        "year": "Jaar",
        "cost_year": "Kosten*",
        "funds": "Fondsen",
        "balance": "Saldo",
        "total": "Totaal",
        "note": "* kosten als elk project op zijn gewenste (anders vroegste) start begint; bedragen in mln €",
        "warnings": "{n} waarschuwing(en):",
        "files": "dia.yaml + {n} werkboek(en)",
    },
    "en": {
        "ok": "No problems found in {area}.",
        "head": "{name}: horizon {start}–{end}, {partners} partners, {projects} projects, {funds} funds; "
        "read: {files}",
        "partner": "Partner",
        "projects": "Projects",
        "mandatory": "Mandatory",
        "cost": "Cost",
        "budget": "Budget",
        "types": "Types",
        "year": "Year",
        "cost_year": "Cost*",
        "funds": "Funds",
        "balance": "Balance",
        "total": "Total",
        "note": "* cost if every project starts in its preferred (else earliest) year; amounts in € million",
        "warnings": "{n} warning(s):",
        "files": "dia.yaml + {n} workbook(s)",
    },
}


@click.command("validate")
@click.argument("area", type=click.Path(path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    help="Language of the summary (default: the area's language, else nl).",
)
def validate(area: Path, lang: str | None) -> None:
    """Check an area folder (dia.yaml + partner workbooks) and summarise it.

    Reads every .xlsx in AREA and reports ALL problems at once, each with its
    file, sheet, cell and column; exit code 2 when there is any. Otherwise it
    prints the partners, their projects per type and the total cost against
    the total budget per year. Exit codes: 0 valid, 2 invalid input, 1 bug.

    \b
    Example:
      dia validate examples/twekkelerveld
      dia validate examples/twekkelerveld --lang en
    """
    from dia.cli._render import problem_table
    from dia.io.area import read_area

    read = read_area(area)  # InputError -> the group prints the problem table and exits 2
    language = lang or read.area.config.language
    text = _TEXT[language]
    click.echo(text["ok"].format(area=area))
    click.echo(summary(read.area, language))
    if read.warnings:
        click.echo("", err=True)
        click.echo(text["warnings"].format(n=len(read.warnings)), err=True)
        click.echo(problem_table(read.warnings, lang=language), err=True)


def _mln(amount: float, lang: str) -> str:
    text = f"{amount / 1e6:,.1f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") if lang == "nl" else text


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def summary(area: Area, lang: str = "nl") -> str:
    """The validate summary: one table per partner, one per year (amounts in million euro)."""
    text = _TEXT[lang]
    cfg = area.config
    workbooks = [f.name for f in area.inputs if f.name.lower().endswith((".xlsx", ".xlsm"))]
    head = text["head"].format(
        name=cfg.name,
        start=cfg.horizon.start,
        end=cfg.horizon.end,
        partners=len(area.partners),
        projects=len(area.projects),
        funds=len(area.funds),
        files=text["files"].format(n=len(workbooks)),
    )
    by_partner: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    cost: dict[str, float] = defaultdict(float)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for p in area.projects:
        by_partner[p.partner][0] += 1
        by_partner[p.partner][1] += p.is_mandatory
        cost[p.partner] += p.cost
        types[p.partner][p.type] += 1
    budget: dict[str, float] = defaultdict(float)
    for b in area.budgets:
        budget[b.partner] += b.amount
    partner_rows = [
        [
            name,
            str(by_partner[name][0]),
            str(by_partner[name][1]),
            _mln(cost[name], lang),
            _mln(budget[name], lang),
            ", ".join(f"{t} {n}" for t, n in sorted(types[name].items())),
        ]
        for name in sorted({*by_partner, *budget})
    ]
    partner_rows.append(
        [
            text["total"],
            str(len(area.projects)),
            str(sum(p.is_mandatory for p in area.projects)),
            _mln(sum(cost.values()), lang),
            _mln(sum(budget.values()), lang),
            "",
        ]
    )
    partners = _table(
        [text["partner"], text["projects"], text["mandatory"], text["cost"], text["budget"], text["types"]],
        partner_rows,
        right={1, 2, 3, 4},
    )

    spend: dict[int, float] = defaultdict(float)
    for p in area.projects:
        start = p.preferred_start if p.preferred_start is not None else p.earliest_start
        for offset, amount in enumerate(p.profile):
            spend[start + offset] += amount
    yearly_budget: dict[int, float] = defaultdict(float)
    for b in area.budgets:
        yearly_budget[b.year] += b.amount
    funds: dict[int, float] = defaultdict(float)
    for f in area.funds:
        for a in f.amounts:
            funds[a.year] += a.amount
    years = sorted({*cfg.horizon.years, *spend})
    year_rows = [
        [
            str(y),
            _mln(spend[y], lang),
            _mln(yearly_budget[y], lang),
            _mln(funds[y], lang),
            _mln(yearly_budget[y] + funds[y] - spend[y], lang),
        ]
        for y in years
    ]
    year_rows.append(
        [
            text["total"],
            _mln(sum(spend.values()), lang),
            _mln(sum(yearly_budget.values()), lang),
            _mln(sum(funds.values()), lang),
            _mln(sum(yearly_budget.values()) + sum(funds.values()) - sum(spend.values()), lang),
        ]
    )
    per_year = _table(
        [text["year"], text["cost_year"], text["budget"], text["funds"], text["balance"]],
        year_rows,
        right={1, 2, 3, 4},
    )
    return "\n\n".join([head, partners, per_year, text["note"]])
