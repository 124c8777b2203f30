"""User-facing words of the reports, in Dutch (default) and English.

One catalogue keyed by a stable code keeps the workbook, the charts and the
HTML report saying the same thing in the same language.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "en"]

LANGS: tuple[str, ...] = ("nl", "en")

_TEXT: dict[str, tuple[str, str]] = {
    # sheet names
    "sheet.agenda": ("Agenda", "Agenda"),
    "sheet.cashflow": ("Kasstroom", "CashFlow"),
    "sheet.couplings": ("Koppelkansen", "Couplings"),
    "sheet.scenario": ("Scenario", "Scenario"),
    # column headers
    "col.project_id": ("Projectcode", "Project"),
    "col.partner": ("Partner", "Partner"),
    "col.name": ("Projectnaam", "Name"),
    "col.type": ("Type", "Type"),
    "col.buurt": ("Buurt", "Buurt"),
    "col.buurt_name": ("Buurtnaam", "Buurt name"),
    "col.street": ("Straat", "Street"),
    "col.selected": ("Opgenomen", "Included"),
    "col.mandatory": ("Verplicht", "Mandatory"),
    "col.start": ("Startjaar", "Start year"),
    "col.end": ("Eindjaar", "End year"),
    "col.preferred": ("Gewenste start", "Preferred start"),
    "col.cost": ("Kosten", "Cost"),
    "col.saving": ("Besparing", "Saving"),
    "col.value": ("Waarde", "Value"),
    "col.cluster": ("Koppelcluster", "Coupling cluster"),
    "col.reason": ("Toelichting", "Note"),
    "col.year": ("Jaar", "Year"),
    "col.budget": ("Budget", "Budget"),
    "col.spend": ("Uitgaven", "Spend"),
    "col.fund_draw": ("Uit fondsen", "From funds"),
    "col.net": ("Netto", "Net"),
    "col.carry_in": ("Overheveling in", "Carry-over in"),
    "col.carry_out": ("Overheveling uit", "Carry-over out"),
    "col.room": ("Ruimte", "Headroom"),
    "col.use": ("Benutting", "Budget use"),
    "col.after_horizon": ("Uitgaven na {end}", "Spend after {end}"),
    "col.project_a": ("Project A", "Project A"),
    "col.project_b": ("Project B", "Project B"),
    "col.name_a": ("Naam A", "Name A"),
    "col.name_b": ("Naam B", "Name B"),
    "col.rule": ("Regel", "Rule"),
    "col.potential_saving": ("Mogelijke besparing", "Potential saving"),
    "col.realised": ("Gerealiseerd", "Realised"),
    "col.why_not": ("Waarom niet", "Why not"),
    "col.members": ("Projecten", "Projects"),
    "col.item": ("Onderdeel", "Item"),
    "col.setting": ("Waarde", "Value"),
    "col.file": ("Bestand", "File"),
    "col.sha256": ("SHA-256", "SHA-256"),
    "col.total": ("Totaal", "Total"),
    "col.count": ("Aantal", "Count"),
    # values
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "total": ("Totaal", "Total"),
    # scenario sheet items
    "item.area": ("Gebied", "Area"),
    "item.scenario": ("Scenario", "Scenario"),
    "item.horizon": ("Horizon", "Horizon"),
    "item.solver": ("Solver", "Solver"),
    "item.solver_version": ("Solverversie", "Solver version"),
    "item.status": ("Status", "Status"),
    "item.objective": ("Doelfunctie", "Objective"),
    "item.objective_value": ("Doelfunctie: waarde", "Objective: value"),
    "item.objective_saving": ("Doelfunctie: besparing", "Objective: saving"),
    "item.objective_delay": ("Doelfunctie: verschuivingsboete", "Objective: delay penalty"),
    "item.bound": ("Beste grens", "Best bound"),
    "item.gap": ("Gap", "Gap"),
    "item.build_seconds": ("Opbouwtijd (s)", "Build time (s)"),
    "item.solve_seconds": ("Oplostijd (s)", "Solve time (s)"),
    "item.time_limit": ("Tijdslimiet (s)", "Time limit (s)"),
    "item.threads": ("Threads", "Threads"),
    "item.seed": ("Seed", "Seed"),
    "item.input_hash": ("Invoer-hash", "Input hash"),
    "item.inputs": ("Invoerbestanden", "Input files"),
    "item.findings": ("Bevindingen", "Findings"),
    "item.dia_version": ("dia-versie", "dia version"),
    "scenario.base": ("basis (geen scenario)", "base (no scenario)"),
    "section.clusters": ("Clusters", "Clusters"),
    # finding kinds (others are shown as the solver names them)
    "finding.binding_budget": ("Budget volledig benut", "Budget fully used"),
    "finding.dropped": ("Niet opgenomen", "Not included"),
    "finding.moved": ("Verschoven", "Moved"),
    "finding.infeasible": ("Onhaalbaar", "Infeasible"),
    "section.pairs": ("Paren", "Pairs"),
    # status words
    "status.optimal": ("optimaal", "optimal"),
    "status.feasible": ("toegelaten (niet bewezen optimaal)", "feasible (not proven optimal)"),
    "status.infeasible": ("onhaalbaar", "infeasible"),
    "status.no_solution": ("geen oplossing", "no solution"),
    # charts
    "chart.gantt_title": ("Investeringsagenda {area}", "Investment agenda {area}"),
    "chart.page": ("blad {page} van {pages}", "page {page} of {pages}"),
    "chart.dropped": ("Niet opgenomen", "Not included"),
    "chart.dropped_none": ("Alle projecten zijn opgenomen.", "All projects are included."),
    "chart.dropped_more": ("… en nog {n}", "… and {n} more"),
    "chart.today": ("nu", "now"),
    "chart.horizon": ("horizon", "horizon"),
    "chart.mandatory": ("verplicht", "mandatory"),
    "chart.coupling": ("gerealiseerde koppelkans", "realised coupling"),
    "chart.year": ("Jaar", "Year"),
    "chart.euro": ("Euro", "Euro"),
    "chart.budget": ("Budget", "Budget"),
    "chart.budget_carry": ("Budget + overheveling", "Budget + carry-over"),
    "chart.spend_net": ("Netto uitgaven", "Net spend"),
    "chart.spend_of": ("Uitgaven per partner", "Spend per partner"),
    "chart.cashflow_partner": ("Kasstroom per partner", "Cash flow per partner"),
    "chart.cashflow_total": ("Kasstroom {area} totaal", "Cash flow {area} total"),
    "chart.savings": ("Besparing door koppelkansen per jaar", "Savings from couplings per year"),
    "chart.saving": ("Besparing", "Saving"),
    "chart.carry": ("Overheveling", "Carry-over"),
    # html report
    "html.title": ("Investeringsagenda {area}", "Investment agenda {area}"),
    "html.subtitle": (
        "Dynamische Investeringsagenda, {start}–{end}", "Dynamic Investment Agenda, {start}–{end}",
    ),
    "html.summary": ("Samenvatting voor het bestuur", "Summary for the board"),
    "html.kpi_value": ("Maatschappelijke waarde", "Societal value"),
    "html.kpi_weighted": ("gewogen met SIA: {x}", "SIA-weighted: {x}"),
    "html.kpi_savings": ("Besparing door koppelen", "Savings from coupling"),
    "html.kpi_couplings": ("Koppelkansen gerealiseerd", "Couplings realised"),
    "html.kpi_of": ("{n} van {m}", "{n} of {m}"),
    "html.kpi_projects": ("Projecten opgenomen", "Projects included"),
    "html.kpi_budget": ("Budgetbenutting", "Budget use"),
    "html.kpi_budget_sub": ("{net} netto van {budget} budget", "{net} net of {budget} budget"),
    "html.added": ("Meerwaarde van samen plannen", "Added value of planning together"),
    "html.added_text": (
        "Vergeleken met ieder voor zich plannen (elke partner plant alleen binnen het eigen budget):",
        "Compared with each partner planning alone (each within its own budget):",
    ),
    "html.added_none": (
        "Er is geen vergelijking met ongecoördineerd plannen beschikbaar voor deze agenda.",
        "No comparison with uncoordinated planning is available for this agenda.",
    ),
    "html.measure": ("Kengetal", "Figure"),
    "html.together": ("Samen", "Together"),
    "html.alone": ("Ieder voor zich", "Each alone"),
    "html.difference": ("Verschil", "Difference"),
    "html.row_value": ("Waarde", "Value"),
    "html.row_weighted": ("Gewogen waarde (SIA)", "Weighted value (SIA)"),
    "html.row_saving": ("Besparing", "Saving"),
    "html.row_couplings": ("Koppelkansen gerealiseerd", "Couplings realised"),
    "html.row_projects": ("Projecten opgenomen", "Projects included"),
    "html.row_budget": ("Budget besteed", "Budget used"),
    "html.gantt": ("Planning", "Schedule"),
    "html.cashflow": ("Kasstromen", "Cash flows"),
    "html.cashflow_table": ("Per partner over de hele horizon", "Per partner over the whole horizon"),
    "html.couplings": ("Koppelkansen", "Couplings"),
    "html.couplings_none": ("Er zijn geen koppelkansen gevonden.", "No couplings were found."),
    "html.projects": ("Projecten", "Projects"),
    "html.dropped": ("Niet opgenomen projecten", "Projects not included"),
    "html.scenario": ("Scenario en berekening", "Scenario and computation"),
    "html.findings": ("Bevindingen", "Findings"),
    "html.method": ("Werkwijze", "Method"),
    "html.method_text": (
        "Alle partners leveren hun projecten (met tijdvenster, kosten en kasstroom) en hun jaarbudgetten "
        "aan. dia zoekt koppelkansen: projecten die elkaar in ruimte en tijd raken en samen goedkoper "
        "uitgevoerd kunnen worden. Een wiskundig optimalisatiemodel (MILP) kiest daarna voor ieder "
        "project of en wanneer het start, zodat de maatschappelijke waarde (gewogen met de "
        "SIA-urgentie van de buurt) plus de besparing door koppelen zo groot mogelijk is, binnen de "
        "budgetten per partner per jaar (met overheveling en fondsen), de tijdvensters, de verplichte "
        "projecten en de volgordes. Verschuiven ten opzichte van de gewenste start kost een kleine "
        "boete. De vergelijking 'ieder voor zich' plant elke partner alleen, zonder koppelkansen.",
        "Every partner supplies its projects (with time window, cost and cash flow) and its yearly "
        "budgets. dia finds couplings: projects that meet in space and time and are cheaper when "
        "carried out together. A mathematical optimisation model (MILP) then chooses for every "
        "project whether and when it starts, so that the societal value (weighted by the buurt's "
        "SIA urgency) plus the savings from coupling is as large as possible, within each partner's "
        "yearly budget (with carry-over and funds), the time windows, the mandatory projects and the "
        "dependencies. Moving a project from its preferred start costs a small penalty. The "
        "'each alone' comparison plans every partner on its own, without couplings.",
    ),
    "html.generated": ("Gemaakt met dia {version}", "Made with dia {version}"),
    "html.status_warning": (
        "Let op: de oplossing is niet bewezen optimaal (status: {status}, gap {gap}).",
        "Note: the solution is not proven optimal (status: {status}, gap {gap}).",
    ),
}


def text(key: str, lang: str = "nl", **fields: object) -> str:
    """The user-facing text for ``key`` in ``lang``, with ``{fields}`` filled in.

    Parameters
    ----------
    key:
        Catalogue code, e.g. ``"sheet.cashflow"``.
    lang:
        ``"nl"`` (default) or ``"en"``.
    **fields:
        Values for the ``{name}`` placeholders.

    Returns
    -------
    str
        The text.

    Raises
    ------
    KeyError
        For an unknown key (a bug, not a user error).

    Examples
    --------
    >>> text("sheet.cashflow", "en")
    'CashFlow'
    """
    nl, en = _TEXT[key]
    template = en if lang == "en" else nl
    return template.format(**fields) if fields else template


def finding_kind(kind: str, lang: str = "nl") -> str:
    """Readable label of a finding kind (the code itself when the catalogue has none)."""
    key = f"finding.{kind}"
    return text(key, lang) if key in _TEXT else kind


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if supported, else raise :class:`~dia.errors.InputError`."""
    if lang == "nl":
        return "nl"
    if lang == "en":
        return "en"
    from dia.errors import InputError, Problem, Reason
    from dia.messages import msg

    raise InputError([Problem.of(Reason.INVALID_VALUE, msg("report.unknown_lang", lang=lang))])


def euro_text(amount: float | None, lang: str = "nl", *, decimals: int = 0) -> str:
    """A euro amount for reading: ``€ 1.234.567`` (nl) or ``€1,234,567`` (en); ``–`` for none.

    Examples
    --------
    >>> euro_text(1234567.4), euro_text(1234567.4, "en"), euro_text(-2500)
    ('€ 1.234.567', '€1,234,567', '-€ 2.500')
    """
    if amount is None:
        return "–"
    sign = "-" if round(amount, decimals) < 0 else ""
    number = f"{abs(amount):,.{decimals}f}"
    if lang == "nl":
        number = number.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return f"{sign}€ {number}"
    return f"{sign}€{number}"


def percent_text(fraction: float | None, lang: str = "nl", *, decimals: int = 1) -> str:
    """A fraction as a percentage (``87,5 %`` nl, ``87.5%`` en); ``–`` for none.

    Examples
    --------
    >>> percent_text(0.875), percent_text(0.875, "en")
    ('87,5 %', '87.5%')
    """
    if fraction is None:
        return "–"
    number = f"{100 * fraction:.{decimals}f}"
    return f"{number.replace('.', ',')} %" if lang == "nl" else f"{number}%"


def number_text(value: float, lang: str = "nl") -> str:
    """A whole number with thousands separators in the language's style."""
    text_ = f"{value:,.0f}"
    return text_.replace(",", ".") if lang == "nl" else text_
