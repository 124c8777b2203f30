"""Hand-made agendas for the report tests and the output benchmark.

The solver is not needed: :func:`agenda_for` takes an area and chosen start
years and derives everything an :class:`~dia.model.Agenda` holds (spend per
payer, couplings realised within ``max_gap``, savings capped at cost, cash
flow with carry-over) in plain Python, the way an independent checker would.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping

from dia.model import (
    Agenda,
    Area,
    AreaConfig,
    BaselineSummary,
    Budget,
    Buurt,
    CostShare,
    CouplingResult,
    CouplingRule,
    Finding,
    Horizon,
    ObjectiveParts,
    Partner,
    PartnerSpend,
    PartnerYear,
    Project,
    ProjectType,
    RunInfo,
    ScheduledProject,
)


def _rule_pairs(area: Area) -> list[tuple[Project, Project, CouplingRule]]:
    """Pairs of projects that a rule couples (same street / same buurt; 'within' treated as buurt)."""
    out = []
    projects = area.projects
    for i, a in enumerate(projects):
        for b in projects[i + 1:]:
            for rule in area.config.rules:
                if tuple(sorted((a.type, b.type))) != rule.types:
                    continue
                if rule.scope == "same_street":
                    streets_a = {s.split()[0].lower() for s in a.streets}
                    streets_b = {s.split()[0].lower() for s in b.streets}
                    if not streets_a & streets_b:
                        continue
                elif a.buurt != b.buurt:
                    continue
                out.append((a, b, rule))
    return out


def agenda_for(area: Area, starts: Mapping[str, int | None], *, scenario: str | None = None,
               with_baseline: bool = True) -> Agenda:
    """Build the agenda of ``area`` in which project ``i`` starts in ``starts[i]`` (None: dropped)."""
    by_id = area.project_by_id
    years = list(area.config.horizon.years)
    selected = {pid for pid, s in starts.items() if s is not None}

    couplings: list[CouplingResult] = []
    saving_of: dict[str, float] = defaultdict(float)
    realised_pairs: list[tuple[str, str]] = []
    for a, b, rule in _rule_pairs(area):
        smaller = min(a.cost, b.cost)
        potential = {"smaller": smaller, "sum": a.cost + b.cost}.get(rule.saving_base, 0.0)
        if rule.saving_base == "fixed":
            potential = rule.saving_fixed or 0.0
        else:
            potential = potential * rule.saving_pct / 100
        sa, sb = starts.get(a.id), starts.get(b.id)
        reason = None
        if sa is None or sb is None:
            reason = "project dropped"
        elif abs(sa - sb) > rule.max_gap:
            reason = f"start years {sa} and {sb} more than {rule.max_gap} apart"
        is_realised = reason is None
        if is_realised:
            saving_of[a.id] += potential / 2
            saving_of[b.id] += potential / 2
            realised_pairs.append((a.id, b.id))
        couplings.append(CouplingResult(
            project_a=a.id, project_b=b.id, rule=rule.id, potential_saving=potential,
            is_realised=is_realised, saving=potential if is_realised else 0.0, reason=reason))
    for pid in list(saving_of):
        saving_of[pid] = min(saving_of[pid], by_id[pid].cost)

    # clusters: connected components of realised pairs, named after their smallest id
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a_id, b_id in realised_pairs:
        ra, rb = find(a_id), find(b_id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    cluster_of = {pid: f"K-{find(pid)}" for pid in parent}

    scheduled = []
    spend_py: dict[tuple[str, int], float] = defaultdict(float)
    saving_py: dict[tuple[str, int], float] = defaultdict(float)
    for p in area.projects:
        start = starts.get(p.id)
        spend: list[PartnerSpend] = []
        if start is not None:
            for share in p.payers:
                for offset, amount in enumerate(p.profile):
                    spend.append(PartnerSpend(partner=share.partner, year=start + offset,
                                              amount=amount * share.fraction))
                    spend_py[(share.partner, start + offset)] += amount * share.fraction
                saving_py[(share.partner, start)] += saving_of.get(p.id, 0.0) * share.fraction
        weight = area.project_weight(p)
        scheduled.append(ScheduledProject(
            project_id=p.id, partner=p.partner, name=p.name, type=p.type, buurt=p.buurt,
            is_selected=start is not None, is_mandatory=p.is_mandatory, start_year=start,
            end_year=p.end_year(start) if start is not None else None,
            preferred_start=p.preferred_start, cost=p.cost,
            saving=saving_of.get(p.id, 0.0) if start is not None else 0.0,
            value=p.value, weighted_value=p.value * weight,
            cluster=cluster_of.get(p.id) if start is not None else None,
            spend=tuple(sorted(spend, key=lambda s: (s.partner, s.year))),
            reason=None if start is not None else "budget too small in its window",
        ))

    cashflow = []
    for partner in sorted({b.partner for b in area.budgets}):
        carry = 0.0
        for year in years:
            budget_row = area.budget_of(partner, year)
            budget = budget_row.amount if budget_row else 0.0
            alpha = budget_row.carry_over if budget_row else 0.0
            spend_v = spend_py[(partner, year)]
            saving_v = saving_py[(partner, year)]
            net = spend_v - saving_v
            carry_out = max(0.0, alpha * (budget + carry - net))
            cashflow.append(PartnerYear(partner=partner, year=year, budget=budget, spend=spend_v,
                                        saving=saving_v, fund_draw=0.0, net=net, carry_in=carry,
                                        carry_out=carry_out))
            carry = carry_out

    value = sum(s.weighted_value for s in scheduled if s.is_selected)
    saving = sum(s.saving for s in scheduled if s.is_selected)
    delay = sum(abs((s.start_year or 0) - s.preferred_start) * 1000.0 for s in scheduled
                if s.is_selected and s.preferred_start is not None)
    objective = ObjectiveParts(value=value, saving=saving, delay_penalty=delay, total=value + saving - delay)
    run = RunInfo(area=area.config.name, scenario=scenario, solver="highs", solver_version="1.7.2",
                  status="optimal", gap=0.0, objective=objective.total, bound=objective.total,
                  build_seconds=0.12, solve_seconds=0.34, time_limit=60.0, threads=1, seed=0,
                  input_hash="ab" * 32, inputs=(("Domijn.xlsx", "cd" * 32), ("dia.yaml", "ef" * 32)))
    baseline = None
    if with_baseline:
        baseline = BaselineSummary(
            value=0.8 * sum(s.value for s in scheduled if s.is_selected),
            weighted_value=0.8 * value, saving=0.0, couplings_realised=0,
            projects_selected=max(0, len(selected) - 1),
            budget_used=0.9 * sum(c.net for c in cashflow))
    dropped = [s for s in scheduled if not s.is_selected]
    findings = tuple(Finding(kind="dropped", message=f"{s.project_id} does not fit its window",
                             project_id=s.project_id) for s in dropped)
    return Agenda(
        area=area.config.name, horizon_start=years[0], horizon_end=years[-1],
        projects=tuple(scheduled), cashflow=tuple(cashflow),
        couplings=tuple(sorted(couplings, key=lambda c: (c.project_a, c.project_b))),
        objective=objective, run=run, findings=findings, baseline=baseline,
    )


TINY_STARTS: dict[str, int | None] = {"G-001": 2027, "G-002": 2028, "D-001": 2028, "D-002": None}
"""A plausible agenda of ``make_tiny_area``: D-002 cannot follow D-001 inside its window."""


def synthetic_area(n_projects: int = 200, seed: int = 0) -> Area:
    """A city-sized area: 5 partners, 8 buurten, 10 years, ``n_projects`` projects."""
    rng = random.Random(seed)
    buurten = tuple(Buurt(code=f"BU015303{i:02d}", name=f"Buurt {i}", wijk="WK015303") for i in range(8))
    types = (
        ProjectType(id="riolering", label="Rioolvervanging", is_street_work=True),
        ProjectType(id="herinrichting", label="Herinrichting straat", is_street_work=True),
        ProjectType(id="renovatie", label="Renovatie woningen"),
        ProjectType(id="kabels", label="Kabels en leidingen", is_street_work=True),
    )
    rules = (
        CouplingRule(id="riool-straat", types=("riolering", "herinrichting"), scope="same_street",
                     max_gap=1, saving_pct=20),
        CouplingRule(id="kabels-riool", types=("kabels", "riolering"), scope="same_street",
                     max_gap=1, saving_pct=10),
    )
    partners = ("Gemeente", "Domijn", "Enexis", "Vitens", "Waterschap")
    config = AreaConfig(name="Synthetische stad", horizon=Horizon(start=2026, end=2035), buurten=buurten,
                        types=types, rules=rules,
                        partners=(Partner(name="Gemeente", colour="#1f77b4"),))
    streets = [f"Straat{i}" for i in range(40)]
    projects = []
    for i in range(n_projects):
        partner = partners[i % len(partners)]
        duration = rng.randint(1, 3)
        earliest = rng.randint(2026, 2033)
        latest = min(2035 - duration + 1, earliest + rng.randint(0, 3))
        earliest = min(earliest, latest)
        cost = float(rng.randint(2, 40) * 50_000)
        shares: tuple[CostShare, ...] = ()
        if i % 17 == 0:
            other = partners[(i + 1) % len(partners)]
            shares = (CostShare(partner=partner, fraction=0.6), CostShare(partner=other, fraction=0.4))
        projects.append(Project(
            id=f"P-{i:04d}", partner=partner, name=f"Project {i} {rng.choice(streets)}",
            type=types[i % len(types)].id, buurt=buurten[rng.randrange(len(buurten))].code,
            streets=(rng.choice(streets),), earliest_start=earliest, latest_start=latest,
            duration=duration, cost=cost, value=cost * rng.uniform(0.8, 1.6),
            is_mandatory=(i % 11 == 0), shares=shares))
    budgets = [Budget(partner=p, year=y, amount=4_000_000.0, carry_over=0.25)
               for p in partners for y in range(2026, 2036)]
    return Area(config=config, projects=tuple(projects), budgets=tuple(budgets))


def synthetic_agenda(n_projects: int = 200, seed: int = 0) -> tuple[Area, Agenda]:
    """An area from :func:`synthetic_area` and an agenda with about 85 % of projects started."""
    area = synthetic_area(n_projects, seed)
    rng = random.Random(seed + 1)
    starts: dict[str, int | None] = {}
    for p in area.projects:
        if not p.is_mandatory and rng.random() < 0.15:
            starts[p.id] = None
        else:
            starts[p.id] = rng.randint(p.earliest_start, p.latest_start)
    return area, agenda_for(area, starts, scenario="synthetisch")
