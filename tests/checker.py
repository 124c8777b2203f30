"""An independent checker of agendas: every hard rule and every reported figure, in plain Python.

It imports :mod:`dia.model` only, never :mod:`dia.solver`: a wrong model
and a wrong checker would have to be wrong in the same way for a bad agenda
to pass. :func:`check_agenda` recomputes, from the :class:`~dia.model.Area`,
the koppelkansen and the agenda's own start years, draws and savings:

* projects: every area project appears once, sorted, with its own data;
  starts within ``[earliest_start, latest_start]``, ``end = start + duration - 1``;
  mandatory projects scheduled; unscheduled ones carry no start, spend or saving;
* dependencies: a scheduled project starts after each predecessor's end year,
  and a project whose predecessor is dropped is dropped;
* spend: each project's spend per paying partner per year is its cash-flow
  profile times the partner's cost share, at the scheduled start;
* budgets: for every partner and year of the horizon::

      net[p,t]       = spend[p,t] - saving[p,t] - fund_draw[p,t]
      net[p,t]      <= budget[p,t] + carry_in[p,t]
      carry_in[p,t+1] = carry_out[p,t]      carry_in[p,first] = 0
      0 <= carry_out[p,t] <= carry_over[p,t] * (budget[p,t] + carry_in[p,t] - net[p,t])

  Spend beyond the horizon end is not budgeted (rows for such years, if any,
  must still add up);
* funds: a draw names an existing fund the project lists, for which the
  project's type and the drawing partner are eligible; the partner pays for
  the project; the year is a horizon year in which the project spends; draws
  on a fund in a year stay within that year's amount; a project's draws in a
  year stay within its cost in that year, and a partner's draws plus its
  share of the project's saving that year within its share of that cost (so
  savings and subsidies never make a project's net spend negative);
* koppelkansen: the agenda lists exactly the given couplings; a coupling is
  realised exactly when both projects are scheduled with start years at most
  ``max_gap`` apart; it credits its potential saving, less only where one of
  its projects' savings has reached that project's cost (the cap); an
  unrealised one credits nothing;
* savings: a project's saving is at most its cost, zero unless scheduled and
  in a realised coupling, and at most its credited shares of its realised
  couplings; the project savings and the coupling savings add up to the same
  total; a project's saving lowers its payers' spend, split by cost share, in
  the years it runs, in proportion to its cash-flow profile, so each
  partner-year saving of the horizon is recomputed from the project savings;
* clusters: projects joined by realised koppelkansen share a cluster id, and
  only they have one;
* nuisance cap: at most ``caps.street_works_per_buurt_year`` scheduled
  street-opening projects start in one buurt in one year;
* objective: the reported parts equal a recomputation::

      value   = weights.value * sum over scheduled i of sia_weight(i) * value(i)
      saving  = weights.saving * sum of realised coupling savings
      delay   = sum over scheduled i of
                weights.delay * |start(i) - preferred(i)| * (sia_weight(i) * value(i) + 0.001 * cost(i))
      total   = value + saving - delay

  with ``sia_weight = 1`` when ``weights.use_sia`` is off and ``preferred(i)``
  the preferred start, the earliest start when none is given, the forced
  start when one is.

Notes
-----
Three details are modelling choices of the solver (its docstrings in
``dia/solver/constraints.py`` and ``dia/solver/build.py``), checked here as
documented there: savings are spread over a project's years in proportion to
its profile; a project without a preferred start is penalised for starting
after its earliest start; fund draws and savings together stay within the
partner's share of the project's cost in a year. Whatever the split of a
coupling's saving over its two projects (``Coupling.share_a``), the checker
demands that each project gets at most its share and that totals agree.
:func:`plan_violations` is the feasibility core shared with the brute force
in ``tests/solver/test_bruteforce.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dia.model import EURO_TOLERANCE, Agenda, Area, Coupling, Project

#: Relative slack on top of EURO_TOLERANCE for sums of many amounts (solver round-off).
RELATIVE_TOLERANCE = 1e-6
#: Objective terms are compared with this relative tolerance (plus EURO_TOLERANCE).
OBJECTIVE_TOLERANCE = 1e-6
#: Delay penalty per year, as a fraction of cost on top of the weighted value (Weights.delay).
DELAY_COST_FRACTION = 0.001

PartnerYearKey = tuple[str, int]


@dataclass(frozen=True)
class Draw:
    """One fund draw: ``amount`` euro of ``fund`` for ``project`` paid to ``partner`` in ``year``."""

    fund: str
    project: str
    partner: str
    year: int
    amount: float


@dataclass
class Plan:
    """The decisions of an agenda, in plain data (what the brute force enumerates).

    ``starts`` holds the scheduled projects only. ``realised`` maps a realised
    coupling's pair to its credited saving; ``project_saving`` the saving per
    project; ``partner_saving`` per (partner, year), ``carry_out`` per
    (partner, year) of the horizon.
    """

    starts: dict[str, int]
    realised: dict[tuple[str, str], float] = field(default_factory=dict)
    project_saving: dict[str, float] = field(default_factory=dict)
    partner_saving: dict[PartnerYearKey, float] = field(default_factory=dict)
    draws: list[Draw] = field(default_factory=list)
    carry_out: dict[PartnerYearKey, float] = field(default_factory=dict)
    fixed_starts: dict[str, int | None] = field(default_factory=dict)
    """Forced start years (None: must not be scheduled), as ``plan_agenda(fixed_starts=...)``."""
    tol: tuple[float, float] = (EURO_TOLERANCE, RELATIVE_TOLERANCE)
    """(absolute euro, relative) slack on the budget, fund and saving limits; the brute force
    uses a cent so that it never accepts what the solver's tolerances would refuse."""


Tolerance = tuple[float, float]
#: (absolute euro, relative) slack used when checking reported agendas.
REPORT_TOLERANCE: Tolerance = (EURO_TOLERANCE, RELATIVE_TOLERANCE)


def _close(a: float, b: float, scale: float = 0.0, tol: Tolerance = REPORT_TOLERANCE) -> bool:
    return abs(a - b) <= tol[0] + tol[1] * max(abs(a), abs(b), scale)


def _le(a: float, b: float, scale: float = 0.0, tol: Tolerance = REPORT_TOLERANCE) -> bool:
    return a <= b + tol[0] + tol[1] * max(abs(a), abs(b), scale)


def as_couplings(couplings: Any) -> tuple[Coupling, ...]:
    """Accept a sequence of :class:`Coupling` or anything holding them (a coupling graph).

    A graph is read through its ``couplings`` attribute or, for a networkx
    graph, the ``coupling`` attribute of its edges.
    """
    if couplings is None:
        return ()
    items: Iterable[Any]
    if hasattr(couplings, "couplings"):
        items = couplings.couplings
        items = items() if callable(items) else items
    elif hasattr(couplings, "edges"):
        items = (data.get("coupling") for _a, _b, data in couplings.edges(data=True))
    else:
        items = couplings
    out = tuple(sorted(items, key=lambda c: c.pair))
    if not all(isinstance(c, Coupling) for c in out):
        raise TypeError("couplings must be dia.model.Coupling objects")
    return out


def sia_weight(area: Area, project: Project) -> float:
    """The project's value multiplier: its buurt's SIA weight, or 1 when SIA weighting is off."""
    if not area.config.weights.use_sia:
        return 1.0
    return {b.code: b.sia_weight for b in area.config.buurten}[project.buurt]


def share_of(project: Project, partner: str) -> float:
    """Fraction of the project's cost that ``partner`` pays (lead partner alone without shares)."""
    if not project.shares:
        return 1.0 if partner == project.partner else 0.0
    return sum(s.fraction for s in project.shares if s.partner == partner)


def payers(project: Project) -> list[tuple[str, float]]:
    """(partner, fraction) of everyone who pays for the project."""
    if not project.shares:
        return [(project.partner, 1.0)]
    return [(s.partner, s.fraction) for s in project.shares]


def preferred_start(project: Project, fixed_starts: Mapping[str, int | None] | None = None) -> int:
    """The year the delay penalty counts from: forced start, preferred start, else earliest start."""
    forced = (fixed_starts or {}).get(project.id)
    if forced is not None:
        return forced
    return project.preferred_start if project.preferred_start is not None else project.earliest_start


def saving_by_partner_year(area: Area, starts: Mapping[str, int],
                           project_saving: Mapping[str, float]) -> dict[PartnerYearKey, float]:
    """Each project's saving spread over its years by its profile and over its payers by share."""
    out: dict[PartnerYearKey, float] = defaultdict(float)
    for pid, saving in project_saving.items():
        p = area.project_by_id.get(pid)
        start = starts.get(pid)
        if p is None or start is None or p.cost <= 0 or saving == 0:
            continue
        for offset, amount in enumerate(p.profile):
            for partner, fraction in payers(p):
                out[(partner, start + offset)] += fraction * saving * amount / p.cost
    return dict(out)


def gross_spend(area: Area, starts: Mapping[str, int]) -> dict[PartnerYearKey, float]:
    """Spend per (partner, year) of the scheduled projects, before savings and funds, every year."""
    out: dict[PartnerYearKey, float] = defaultdict(float)
    for pid, start in starts.items():
        project = area.project_by_id[pid]
        for offset, amount in enumerate(project.profile):
            for partner, fraction in payers(project):
                out[(partner, start + offset)] += fraction * amount
    return dict(out)


def partners_of(area: Area) -> list[str]:
    return sorted({b.partner for b in area.budgets})


def budget_amount(area: Area, partner: str, year: int) -> tuple[float, float]:
    """(amount, carry-over fraction) of a partner-year; (0, 0) without a Budget row."""
    row = area.budget_of(partner, year)
    return (row.amount, row.carry_over) if row is not None else (0.0, 0.0)


# ---- the feasibility core (shared with the brute force) -------------------------------------


def plan_violations(area: Area, couplings: Sequence[Coupling], plan: Plan) -> list[str]:
    """Every hard rule the plan breaks (empty when it is feasible).

    Parameters
    ----------
    area:
        The area.
    couplings:
        Its koppelkansen.
    plan:
        Start years, realised couplings, savings, draws and carry-over.

    Returns
    -------
    list of str
        One readable line per violation.
    """
    out = schedule_violations(area, plan)
    out += _coupling_violations(area, couplings, plan)
    out += _fund_violations(area, plan)
    out += _budget_violations(area, plan)
    return out


def schedule_violations(area: Area, plan: Plan) -> list[str]:
    """The rules on start years alone: windows, forced starts, mandatory, dependencies, nuisance cap."""
    return _window_violations(area, plan) + _dependency_violations(area, plan) + _cap_violations(area, plan)


def _window_violations(area: Area, plan: Plan) -> list[str]:
    out = []
    for pid in sorted(plan.starts):
        if pid not in area.project_by_id:
            out.append(f"{pid}: scheduled but not a project of the area")
    for p in area.projects:
        start = plan.starts.get(p.id)
        if p.id in plan.fixed_starts:
            forced = plan.fixed_starts[p.id]
            if start != forced:
                out.append(f"{p.id}: starts {start}, forced to {forced}")
            continue
        if start is None:
            if p.is_mandatory:
                out.append(f"{p.id}: mandatory but not scheduled")
            continue
        if not p.earliest_start <= start <= p.latest_start:
            out.append(f"{p.id}: starts {start}, outside its window {p.earliest_start}–{p.latest_start}")
    return out


def _dependency_violations(area: Area, plan: Plan) -> list[str]:
    out = []
    for p in area.projects:
        start = plan.starts.get(p.id)
        if start is None:
            continue
        for before in p.after:
            b_start = plan.starts.get(before)
            if b_start is None:
                out.append(f"{p.id}: scheduled although its predecessor {before} is dropped")
                continue
            end = area.project_by_id[before].end_year(b_start)
            if start <= end:
                out.append(f"{p.id}: starts {start}, before its predecessor {before} ends ({end})")
    return out


def _coupling_violations(area: Area, couplings: Sequence[Coupling], plan: Plan) -> list[str]:
    out = []
    by_pair = {c.pair: c for c in couplings}
    credited: dict[str, float] = defaultdict(float)
    for pair, saving in sorted(plan.realised.items()):
        c = by_pair.get(pair)
        if c is None:
            out.append(f"coupling {pair[0]}–{pair[1]}: realised but not a koppelkans")
            continue
        sa, sb = plan.starts.get(c.project_a), plan.starts.get(c.project_b)
        if sa is None or sb is None:
            out.append(f"coupling {c.project_a}–{c.project_b}: realised with a project not scheduled")
        elif abs(sa - sb) > c.max_gap:
            out.append(f"coupling {c.project_a}–{c.project_b}: realised with starts {sa} and {sb}, "
                       f"more than max_gap {c.max_gap} apart")
        if saving < -EURO_TOLERANCE or not _le(saving, c.potential_saving, tol=plan.tol):
            out.append(f"coupling {c.project_a}–{c.project_b}: credits {saving:,.2f}, "
                       f"outside 0–{c.potential_saving:,.2f}")
        credited[c.project_a] += c.share_a * c.potential_saving
        credited[c.project_b] += (1 - c.share_a) * c.potential_saving

    total_projects = 0.0
    for pid, saving in sorted(plan.project_saving.items()):
        total_projects += saving
        if abs(saving) <= EURO_TOLERANCE:
            continue
        p = area.project_by_id.get(pid)
        if p is None:
            out.append(f"{pid}: saving on an unknown project")
            continue
        if pid not in plan.starts:
            out.append(f"{pid}: saves {saving:,.2f} but is not scheduled")
        if saving < -EURO_TOLERANCE:
            out.append(f"{pid}: negative saving {saving:,.2f}")
        if not _le(saving, p.cost, tol=plan.tol):
            out.append(f"{pid}: saves {saving:,.2f}, more than its cost {p.cost:,.2f}")
        if not _le(saving, credited.get(pid, 0.0), tol=plan.tol):
            out.append(f"{pid}: saves {saving:,.2f}, more than its shares of realised couplings "
                       f"({credited.get(pid, 0.0):,.2f})")
    for pair, saving in sorted(plan.realised.items()):
        c = by_pair.get(pair)
        if c is None or _le(c.potential_saving, saving, tol=plan.tol):
            continue
        capped = [pid for pid in c.pair if pid in area.project_by_id
                  and _le(area.project_by_id[pid].cost, plan.project_saving.get(pid, 0.0), tol=plan.tol)]
        if not capped:
            out.append(f"coupling {c.project_a}–{c.project_b}: realised but credits only {saving:,.2f} of "
                       f"{c.potential_saving:,.2f} while neither project's saving is at its cost")
    total_couplings = sum(plan.realised.values())
    if not _close(total_projects, total_couplings):
        out.append(f"savings: projects save {total_projects:,.2f} in total, "
                   f"realised couplings {total_couplings:,.2f}")
    expected = saving_by_partner_year(area, plan.starts, plan.project_saving)
    horizon = area.config.horizon
    for key in sorted(set(plan.partner_saving) | {k for k in expected if k[1] in horizon}):
        got, want = plan.partner_saving.get(key, 0.0), expected.get(key, 0.0)
        if not _close(got, want):
            out.append(f"savings: {key[0]} {key[1]} is credited {got:,.2f}; its shares of the project "
                       f"savings spread over the project years give {want:,.2f}")
    return out


def _fund_violations(area: Area, plan: Plan) -> list[str]:
    out = []
    per_fund_year: dict[tuple[str, int], float] = defaultdict(float)
    per_project_year: dict[tuple[str, int], float] = defaultdict(float)
    per_project_partner_year: dict[tuple[str, str, int], float] = defaultdict(float)
    for d in plan.draws:
        where = f"draw {d.fund} → {d.project} ({d.partner}, {d.year})"
        fund = area.fund_by_name.get(d.fund)
        p = area.project_by_id.get(d.project)
        if fund is None or p is None:
            out.append(f"{where}: unknown fund or project")
            continue
        if d.amount < -EURO_TOLERANCE:
            out.append(f"{where}: negative amount {d.amount:,.2f}")
        if d.amount <= EURO_TOLERANCE:
            continue
        start = plan.starts.get(d.project)
        if start is None:
            out.append(f"{where}: the project is not scheduled")
            continue
        if d.fund not in p.funds:
            out.append(f"{where}: the project does not list the fund")
        if not fund.is_eligible(p.type, d.partner):
            out.append(f"{where}: type {p.type!r} / partner {d.partner!r} not eligible")
        if share_of(p, d.partner) <= 0:
            out.append(f"{where}: {d.partner} does not pay for the project")
        if d.year not in area.config.horizon:
            out.append(f"{where}: the year lies outside the horizon")
        per_fund_year[(d.fund, d.year)] += d.amount
        per_project_year[(d.project, d.year)] += d.amount
        per_project_partner_year[(d.project, d.partner, d.year)] += d.amount
    for (name, year), amount in sorted(per_fund_year.items()):
        available = area.fund_by_name[name].amount_in(year)
        if not _le(amount, available, tol=plan.tol):
            out.append(f"fund {name} {year}: draws {amount:,.2f}, available {available:,.2f}")
    for (pid, year), amount in sorted(per_project_year.items()):
        p = area.project_by_id[pid]
        cost = p.spend_in(plan.starts[pid], year)
        if not _le(amount, cost, tol=plan.tol):
            out.append(f"{pid} {year}: draws {amount:,.2f} from funds, costs {cost:,.2f} that year")
    for (pid, partner, year), amount in sorted(per_project_partner_year.items()):
        p = area.project_by_id[pid]
        cost = share_of(p, partner) * p.spend_in(plan.starts[pid], year)
        if not _le(amount, cost, tol=plan.tol):
            out.append(f"{pid} {partner} {year}: draws {amount:,.2f} from funds, "
                       f"its share of the cost that year is {cost:,.2f}")
        own = saving_by_partner_year(area, plan.starts, {pid: plan.project_saving.get(pid, 0.0)})
        saving = own.get((partner, year), 0.0)
        if saving > EURO_TOLERANCE and not _le(amount + saving, cost, tol=plan.tol):
            out.append(f"{pid} {partner} {year}: draws {amount:,.2f} from funds and saves {saving:,.2f}, "
                       f"more than its share of the cost that year ({cost:,.2f})")
    return out


def partner_year_figures(area: Area, plan: Plan) -> dict[PartnerYearKey, dict[str, float]]:
    """spend, saving, fund_draw, net, budget, carry_in, carry_out per (partner, horizon year)."""
    spend = gross_spend(area, plan.starts)
    draws: dict[PartnerYearKey, float] = defaultdict(float)
    for d in plan.draws:
        draws[(d.partner, d.year)] += d.amount
    out: dict[PartnerYearKey, dict[str, float]] = {}
    for partner in partners_of(area):
        carry_in = 0.0
        for year in area.config.horizon.years:
            key = (partner, year)
            budget, _fraction = budget_amount(area, partner, year)
            s = spend.get(key, 0.0)
            saving = plan.partner_saving.get(key, 0.0)
            draw = draws.get(key, 0.0)
            carry_out = plan.carry_out.get(key, 0.0)
            out[key] = {"spend": s, "saving": saving, "fund_draw": draw, "net": s - saving - draw,
                        "budget": budget, "carry_in": carry_in, "carry_out": carry_out}
            carry_in = carry_out
    return out


def _budget_violations(area: Area, plan: Plan) -> list[str]:
    out = []
    for (partner, year), f in sorted(partner_year_figures(area, plan).items()):
        _budget, fraction = budget_amount(area, partner, year)
        available = f["budget"] + f["carry_in"]
        scale = max(f["spend"], available)
        if not _le(f["net"], available, scale, plan.tol):
            out.append(f"budget {partner} {year}: net spend {f['net']:,.2f} exceeds budget "
                       f"{f['budget']:,.2f} + carry-over {f['carry_in']:,.2f}")
        if f["carry_out"] < -EURO_TOLERANCE:
            out.append(f"budget {partner} {year}: negative carry-over {f['carry_out']:,.2f}")
        limit = max(0.0, fraction * (available - f["net"]))
        if not _le(f["carry_out"], limit, scale, plan.tol):
            out.append(f"budget {partner} {year}: carries {f['carry_out']:,.2f} over, at most "
                       f"{fraction:.0%} of the unspent {available - f['net']:,.2f}")
    return out


def _cap_violations(area: Area, plan: Plan) -> list[str]:
    cap = area.config.caps.street_works_per_buurt_year
    if cap is None:
        return []
    street = {t.id for t in area.config.types if t.is_street_work}
    counts: dict[tuple[str, int], list[str]] = defaultdict(list)
    for pid, start in sorted(plan.starts.items()):
        p = area.project_by_id[pid]
        if p.type in street:
            counts[(p.buurt, start)].append(pid)
    return [f"nuisance cap: {len(ids)} street works start in {buurt} in {year} "
            f"({', '.join(ids)}), at most {cap}"
            for (buurt, year), ids in sorted(counts.items()) if len(ids) > cap]


def objective_of(area: Area, plan: Plan) -> dict[str, float]:
    """The objective parts of a plan: value, saving, delay_penalty, total (see the module docstring)."""
    w = area.config.weights
    value = 0.0
    delay = 0.0
    for pid, start in plan.starts.items():
        p = area.project_by_id[pid]
        weighted = sia_weight(area, p) * p.value
        value += w.value * weighted
        moved = abs(start - preferred_start(p, plan.fixed_starts))
        delay += w.delay * moved * (weighted + DELAY_COST_FRACTION * p.cost)
    saving = w.saving * sum(plan.realised.values())
    return {"value": value, "saving": saving, "delay_penalty": delay, "total": value + saving - delay}


# ---- the agenda checker ---------------------------------------------------------------------


def plan_of(agenda: Agenda, fixed_starts: Mapping[str, int | None] | None = None) -> Plan:
    """The decisions an agenda reports, as a :class:`Plan`."""
    return Plan(
        fixed_starts=dict(fixed_starts or {}),
        starts={p.project_id: p.start_year for p in agenda.projects
                if p.is_selected and p.start_year is not None},
        realised={(c.project_a, c.project_b): c.saving for c in agenda.couplings if c.is_realised},
        project_saving={p.project_id: p.saving for p in agenda.projects},
        partner_saving={(r.partner, r.year): r.saving for r in agenda.cashflow},
        draws=[Draw(d.fund, d.project_id, d.partner, d.year, d.amount) for d in agenda.fund_draws],
        carry_out={(r.partner, r.year): r.carry_out for r in agenda.cashflow},
    )


def check_agenda(area: Area, couplings: Any, agenda: Agenda, *,
                 fixed_starts: Mapping[str, int | None] | None = None,
                 max_gap: float | None = None) -> list[str]:
    """Every rule the agenda breaks and every figure it misreports.

    Parameters
    ----------
    area:
        The area the agenda was planned for.
    couplings:
        Its koppelkansen: a sequence of :class:`~dia.model.Coupling` or a coupling graph.
    agenda:
        The agenda to check.
    fixed_starts:
        The forced start years the agenda was planned with (``plan_agenda(fixed_starts=...)``).
    max_gap:
        The relative gap the solver was asked for: an agenda reported ``optimal`` must lie
        within it of the reported bound (unchecked when None).

    Returns
    -------
    list of str
        One line per violation; empty when the agenda is valid.
    """
    coupling_list = as_couplings(couplings)
    plan = plan_of(agenda, fixed_starts)
    out = _report_violations(area, coupling_list, agenda, plan)
    out += plan_violations(area, coupling_list, plan)
    run = agenda.run
    if run.bound is not None and run.bound < agenda.objective.total - EURO_TOLERANCE - \
            OBJECTIVE_TOLERANCE * abs(run.bound):
        out.append(f"run: the bound {run.bound:,.2f} lies below the agenda's objective "
                   f"{agenda.objective.total:,.2f} (a maximisation)")
    if max_gap is not None and run.status == "optimal" and run.bound is not None:
        gap = (run.bound - agenda.objective.total) / max(1.0, abs(agenda.objective.total))
        # the tie-break term (below one euro) may sit in the bound
        if gap > max_gap and run.bound - agenda.objective.total > 1.0:
            out.append(f"run: status 'optimal' but the objective {agenda.objective.total:,.2f} lies "
                       f"{100 * gap:.3f} % below the bound {run.bound:,.2f} (asked: {100 * max_gap:.4f} %)")
    return out


def assert_valid(area: Area, couplings: Any, agenda: Agenda, *,
                 fixed_starts: Mapping[str, int | None] | None = None, max_gap: float | None = None) -> None:
    """Fail with every violation listed when :func:`check_agenda` finds any."""
    violations = check_agenda(area, couplings, agenda, fixed_starts=fixed_starts, max_gap=max_gap)
    assert not violations, "agenda violates:\n  " + "\n  ".join(violations)


def _report_violations(area: Area, couplings: Sequence[Coupling], agenda: Agenda, plan: Plan) -> list[str]:
    """Figures the agenda reports that do not match the area and its own decisions."""
    out: list[str] = []
    horizon = area.config.horizon
    if (agenda.horizon_start, agenda.horizon_end) != (horizon.start, horizon.end):
        out.append(f"agenda horizon {agenda.horizon_start}–{agenda.horizon_end}, "
                   f"area horizon {horizon.start}–{horizon.end}")
    if agenda.run.status not in ("optimal", "feasible"):
        out.append(f"an agenda was returned with status {agenda.run.status!r}")

    ids = [p.project_id for p in agenda.projects]
    if ids != sorted(ids) or len(set(ids)) != len(ids):
        out.append("projects are not sorted by id, or an id repeats")
    if set(ids) != set(area.project_by_id):
        out.append(f"projects differ from the area's: missing {sorted(set(area.project_by_id) - set(ids))}, "
                   f"extra {sorted(set(ids) - set(area.project_by_id))}")
    for sp in agenda.projects:
        p = area.project_by_id.get(sp.project_id)
        if p is None:
            continue
        forced = plan.fixed_starts.get(p.id)
        expected = {"partner": p.partner, "name": p.name, "type": p.type, "buurt": p.buurt,
                    "is_mandatory": p.is_mandatory or forced is not None,
                    "preferred_start": preferred_start(p, plan.fixed_starts)}
        for name, want in expected.items():
            if getattr(sp, name) != want:
                out.append(f"{p.id}: reports {name} {getattr(sp, name)!r}, the area says {want!r}")
        if not _close(sp.cost, p.cost) or not _close(sp.value, p.value):
            out.append(f"{p.id}: reports cost/value {sp.cost}/{sp.value}, the area says {p.cost}/{p.value}")
        if not _close(sp.weighted_value, sia_weight(area, p) * p.value):
            out.append(f"{p.id}: weighted value {sp.weighted_value:,.2f}, expected "
                       f"{sia_weight(area, p) * p.value:,.2f}")
        if not sp.is_selected:
            if sp.start_year is not None or sp.end_year is not None:
                out.append(f"{p.id}: not selected but has start/end {sp.start_year}/{sp.end_year}")
            if any(abs(s.amount) > EURO_TOLERANCE for s in sp.spend):
                out.append(f"{p.id}: not selected but spends")
            continue
        if sp.start_year is None:
            out.append(f"{p.id}: selected without a start year")
            continue
        if sp.end_year != p.end_year(sp.start_year):
            out.append(f"{p.id}: ends {sp.end_year}, expected {p.end_year(sp.start_year)} "
                       f"(start {sp.start_year}, duration {p.duration})")
        reported: dict[PartnerYearKey, float] = defaultdict(float)
        for s in sp.spend:
            reported[(s.partner, s.year)] += s.amount
        expected_spend = gross_spend(area, {p.id: sp.start_year})
        for key in sorted(set(reported) | set(expected_spend)):
            if not _close(reported.get(key, 0.0), expected_spend.get(key, 0.0)):
                out.append(f"{p.id}: reports spend {reported.get(key, 0.0):,.2f} for {key[0]} {key[1]}, "
                           f"expected {expected_spend.get(key, 0.0):,.2f}")

    # cash flow: one row per partner and horizon year, figures consistent with the decisions
    rows = {(r.partner, r.year): r for r in agenda.cashflow}
    keys = [(r.partner, r.year) for r in agenda.cashflow]
    if keys != sorted(keys) or len(set(keys)) != len(keys):
        out.append("cash-flow rows are not sorted by (partner, year), or a row repeats")
    figures = partner_year_figures(area, plan)
    for key in sorted(figures):
        if key not in rows:
            out.append(f"cash flow: no row for {key[0]} {key[1]}")
    spend_all = gross_spend(area, plan.starts)
    draws: dict[PartnerYearKey, float] = defaultdict(float)
    for d in plan.draws:
        draws[(d.partner, d.year)] += d.amount
    for key, r in sorted(rows.items()):
        partner, year = key
        if partner not in partners_of(area):
            out.append(f"cash flow: row for unknown partner {partner!r}")
            continue
        budget, _fraction = budget_amount(area, partner, year)
        want_budget = budget if year in horizon else r.budget
        checks = {"budget": want_budget, "spend": spend_all.get(key, 0.0), "fund_draw": draws.get(key, 0.0),
                  "net": r.spend - r.saving - r.fund_draw}
        if key in figures:
            checks["carry_in"] = figures[key]["carry_in"]
        for name, want in checks.items():
            if not _close(getattr(r, name), want):
                out.append(f"cash flow {partner} {year}: {name} {getattr(r, name):,.2f}, "
                           f"expected {want:,.2f}")

    # clusters: projects joined by realised koppelkansen share one cluster id, others have none
    joined: dict[str, set[str]] = defaultdict(set)
    for c in agenda.couplings:
        if c.is_realised:
            joined[c.project_a].add(c.project_b)
            joined[c.project_b].add(c.project_a)
    cluster = {sp.project_id: sp.cluster for sp in agenda.projects}
    for pid, others in sorted(joined.items()):
        for other in sorted(others):
            if cluster.get(pid) is None or cluster.get(pid) != cluster.get(other):
                out.append(f"{pid}: cluster {cluster.get(pid)!r}, but it is coupled with {other} "
                           f"(cluster {cluster.get(other)!r})")
    for pid, cid in sorted(cluster.items()):
        if cid is not None and pid not in joined:
            out.append(f"{pid}: in cluster {cid!r} without a realised koppelkans")

    # koppelkansen: exactly the given ones, unrealised ones credit nothing
    listed = {(c.project_a, c.project_b): c for c in agenda.couplings}
    pairs = [(c.project_a, c.project_b) for c in agenda.couplings]
    if pairs != sorted(pairs) or len(set(pairs)) != len(pairs):
        out.append("couplings are not sorted by (project_a, project_b), or a pair repeats")
    given = {c.pair: c for c in couplings}
    if set(listed) != set(given):
        out.append(f"couplings differ from the koppelkansen: missing {sorted(set(given) - set(listed))}, "
                   f"extra {sorted(set(listed) - set(given))}")
    for pair, cr in sorted(listed.items()):
        c = given.get(pair)
        if c is not None and (cr.rule != c.rule or not _close(cr.potential_saving, c.potential_saving)):
            out.append(f"coupling {pair[0]}–{pair[1]}: reports rule/potential "
                       f"{cr.rule}/{cr.potential_saving}, given {c.rule}/{c.potential_saving}")
        sa, sb = (plan.starts.get(c.project_a), plan.starts.get(c.project_b)) if c else (None, None)
        if c is not None and not cr.is_realised and sa is not None and sb is not None \
                and abs(sa - sb) <= c.max_gap:
            out.append(f"coupling {pair[0]}–{pair[1]}: both projects start within max_gap "
                       f"{c.max_gap} but it is reported not realised")
        if not cr.is_realised and abs(cr.saving) > EURO_TOLERANCE:
            out.append(f"coupling {pair[0]}–{pair[1]}: not realised but credits {cr.saving:,.2f}")

    # objective
    want = objective_of(area, plan)
    scale = sum(abs(v) for v in want.values())
    for name in ("value", "saving", "delay_penalty", "total"):
        got = getattr(agenda.objective, name)
        if abs(got - want[name]) > EURO_TOLERANCE + OBJECTIVE_TOLERANCE * scale:
            out.append(f"objective {name}: reported {got:,.4f}, recomputed {want[name]:,.4f}")
    o = agenda.objective
    if abs(o.total - (o.value + o.saving - o.delay_penalty)) > EURO_TOLERANCE + OBJECTIVE_TOLERANCE * scale:
        out.append(f"objective: total {o.total:,.4f} ≠ value + saving − delay_penalty")
    if agenda.run.objective is not None and \
            abs(agenda.run.objective - o.total) > EURO_TOLERANCE + OBJECTIVE_TOLERANCE * scale:
        out.append(f"run.objective {agenda.run.objective:,.4f} ≠ objective total {o.total:,.4f}")
    return out
