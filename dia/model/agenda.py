"""The result of planning: the joint investment agenda and how it was obtained."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dia.model.base import Frozen

Status = Literal["optimal", "feasible", "infeasible", "no_solution"]


class YearAmount(Frozen):
    """Euro in one calendar year."""

    year: int
    amount: float


class PartnerSpend(Frozen):
    """What one partner pays for one project in one year (gross, before savings)."""

    partner: str
    year: int
    amount: float


class FundDraw(Frozen):
    """Euro drawn from a fund for a project in a year."""

    fund: str
    project_id: str
    partner: str
    year: int
    amount: float = Field(ge=0)


class ScheduledProject(Frozen):
    """One project in the agenda: selected or not, when, and what it costs and saves."""

    project_id: str
    partner: str
    name: str
    type: str
    buurt: str
    is_selected: bool
    is_mandatory: bool = False
    start_year: int | None = None
    end_year: int | None = None
    preferred_start: int | None = None
    cost: float
    saving: float = 0.0
    """Euro saved on this project by realised couplings (capped by its cost)."""
    value: float = 0.0
    weighted_value: float = 0.0
    """Value times the buurt's SIA weight (what the objective counts)."""
    cluster: str | None = None
    """Id of the realised coupling cluster the project belongs to, if any."""
    spend: tuple[PartnerSpend, ...] = ()
    """Gross spend per paying partner per year."""
    reason: str | None = None
    """Why the project was dropped or moved (when known)."""


class PartnerYear(Frozen):
    """A partner's money in one year: budget, spend and carry-over."""

    partner: str
    year: int
    budget: float
    spend: float
    """Gross spend of the partner's share of all scheduled projects."""
    saving: float
    """Coupling savings that lower this partner's spend this year."""
    fund_draw: float
    """Euro of the partner's spend paid by funds."""
    net: float
    """spend - saving - fund_draw: what comes out of the budget."""
    carry_in: float
    carry_out: float
    dual: float | None = None
    """Marginal objective value of one more euro of budget (LP with integers fixed)."""


class CouplingResult(Frozen):
    """A koppelkans and whether the agenda realises it."""

    project_a: str
    project_b: str
    rule: str
    potential_saving: float
    is_realised: bool
    saving: float = 0.0
    """Euro actually credited (after the per-project cap)."""
    reason: str | None = None
    """Why not realised (a project dropped, start years too far apart, ...)."""


class ObjectiveParts(Frozen):
    """The objective split into its terms (total = value + saving - delay_penalty)."""

    value: float
    saving: float
    delay_penalty: float
    total: float


class RunInfo(Frozen):
    """How the agenda was obtained (written to ``run.json``)."""

    area: str
    scenario: str | None = None
    solver: str
    solver_version: str
    status: Status
    gap: float | None = None
    """Relative gap between the agenda's objective and the best bound (0 = proven optimal)."""
    objective: float | None = None
    bound: float | None = None
    build_seconds: float = 0.0
    solve_seconds: float = 0.0
    time_limit: float | None = None
    threads: int = 1
    seed: int = 0
    input_hash: str = ""
    """SHA-256 over the input files' hashes and the scenario."""
    inputs: tuple[tuple[str, str], ...] = ()
    """(file name, sha256) of every input."""


class Finding(Frozen):
    """An explanation item: a binding budget, a dropped project, a conflict."""

    kind: str
    message: str
    partner: str | None = None
    year: int | None = None
    project_id: str | None = None


class BaselineSummary(Frozen):
    """Key figures of the uncoordinated baseline, for the added-value comparison."""

    value: float
    weighted_value: float
    saving: float
    couplings_realised: int
    projects_selected: int
    budget_used: float


class Agenda(Frozen):
    """The joint investment agenda."""

    area: str
    horizon_start: int
    horizon_end: int
    projects: tuple[ScheduledProject, ...]
    """Sorted by project id."""
    cashflow: tuple[PartnerYear, ...]
    """Sorted by partner, year."""
    couplings: tuple[CouplingResult, ...]
    """Sorted by (project_a, project_b)."""
    fund_draws: tuple[FundDraw, ...] = ()
    objective: ObjectiveParts
    run: RunInfo
    findings: tuple[Finding, ...] = ()
    baseline: BaselineSummary | None = None


def key_figures(agenda: Agenda) -> BaselineSummary:
    """The key figures of an agenda, in the shape of the baseline comparison.

    One definition for the solver (which summarises the baseline agenda this
    way) and for everything that sets an agenda beside its baseline.
    """
    chosen = [p for p in agenda.projects if p.is_selected]
    return BaselineSummary(
        value=sum(p.value for p in chosen),
        weighted_value=sum(p.weighted_value for p in chosen),
        saving=sum(c.saving for c in agenda.couplings),
        couplings_realised=sum(1 for c in agenda.couplings if c.is_realised),
        projects_selected=len(chosen),
        budget_used=sum(py.net for py in agenda.cashflow),
    )


def spend_after_horizon(agenda: Agenda) -> dict[str, dict[str, float]]:
    """Gross spend after the horizon's last year, per project and per paying partner.

    A project may run past the horizon end; that spend is not budgeted (the partners' budgets
    stop with the horizon) but it is committed by starting the project, so the outputs show
    it beside the budgeted years. Returns ``{project id: {partner: euro}}`` for the projects
    that spend after ``horizon_end``, sorted by project id and partner (empty when none do).
    """
    after: dict[str, dict[str, float]] = {}
    for p in agenda.projects:
        per_partner: dict[str, float] = {}
        for item in p.spend:
            if item.year > agenda.horizon_end and item.amount:
                per_partner[item.partner] = per_partner.get(item.partner, 0.0) + item.amount
        if per_partner:
            after[p.project_id] = dict(sorted(per_partner.items()))
    return dict(sorted(after.items()))


def spend_after_horizon_by_partner(agenda: Agenda) -> dict[str, float]:
    """:func:`spend_after_horizon` summed per paying partner, sorted by partner (empty when none)."""
    totals: dict[str, float] = {}
    for per_partner in spend_after_horizon(agenda).values():
        for partner, amount in per_partner.items():
            totals[partner] = totals.get(partner, 0.0) + amount
    return dict(sorted(totals.items()))
