"""Hypothesis strategies for small, valid DIA areas and their koppelkansen.

The areas are small enough to enumerate every start-year choice by brute
force (at most 6 projects, 2 partners, a 4-year horizon, and a cap on the
number of start-year combinations), yet exercise every constraint family:
windows, preferred starts, durations that run past the horizon, uneven
cash-flow profiles, co-financing, budgets with carry-over, mandatory
projects (feasible or not), acyclic dependencies, a fund, street-opening
works under a nuisance cap, and coupling rules with streets and buurten so
that couplings occur.

Amounts are whole multiples of 1,000 euro so that the solver's floating
point tolerances stay far below :data:`dia.model.EURO_TOLERANCE`.

Notes
-----
Two restrictions keep the brute force of ``tests/solver/test_bruteforce.py``
exact without an inner LP (see its module docstring):

* the fund is restricted to one partner, so for fixed start years the best
  fund use is simply the largest draw;
* coupling savings are at most 20 % of the smaller cost or 20 % of both costs,
  and a project has at most 5 couplings, so the per-project saving cap
  (saving ≤ cost) never binds: each project's credited share of a coupling
  is at most 20 % of its own cost under the proportional split.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from hypothesis import strategies as st

from dia.model import (
    Area,
    AreaConfig,
    Budget,
    Buurt,
    Caps,
    CostShare,
    Coupling,
    CouplingRule,
    Fund,
    FundYear,
    Horizon,
    Project,
    ProjectType,
    SolverOptions,
    Weights,
)

FIRST_YEAR = 2030
PARTNERS = ("Alfa Wonen", "Gemeente")
BUURTEN = ("BU00010001", "BU00010002")
STREETS = ("Beukstraat", "Lindelaan", "Marktplein")
FUND = "Fonds"
UNIT = 1_000.0
"""Every amount is a whole multiple of this many euro."""

TYPES = (
    ProjectType(id="riolering", label="Riolering", is_street_work=True),
    ProjectType(id="herinrichting", label="Herinrichting", is_street_work=True),
    ProjectType(id="renovatie", label="Renovatie"),
    ProjectType(id="groen", label="Groen"),
)
STREET_WORK = frozenset(t.id for t in TYPES if t.is_street_work)


@st.composite
def rules(draw: st.DrawFn, *, wide: bool = False) -> tuple[CouplingRule, ...]:
    """Two coupling rules (one by street, one by buurt) with drawn gap, percentage and base.

    ``wide`` adds large percentages and fixed savings, so that the per-project cap binds.
    """
    out = []
    for rid, types, scope in (
        ("riool-straat", ("riolering", "herinrichting"), "same_street"),
        ("renovatie-buurt", ("herinrichting", "renovatie"), "same_buurt"),
    ):
        out.append(CouplingRule(
            id=rid, types=types, scope=scope,
            max_gap=draw(st.sampled_from((0, 1, 1))),
            saving_pct=draw(st.sampled_from((20.0, 60.0, 100.0) if wide else (0.0, 5.0, 10.0, 20.0, 20.0))),
            saving_base=draw(st.sampled_from(("smaller", "sum", "fixed") if wide else ("smaller", "sum"))),
            saving_fixed=draw(st.integers(0, 30)) * UNIT,
        ))
    return tuple(out)


def _profile(draw: st.DrawFn, cost_units: int, duration: int) -> tuple[float, ...]:
    """Whole-unit amounts summing to the cost, uneven when drawn so."""
    if duration == 1 or draw(st.booleans()):
        base, rest = divmod(cost_units, duration)
        units = [base] * duration
        units[-1] += rest
    else:
        weights = draw(st.lists(st.integers(0, 4), min_size=duration, max_size=duration))
        if sum(weights) == 0:
            weights[0] = 1
        units = [cost_units * w // sum(weights) for w in weights]
        units[-1] += cost_units - sum(units)
    return tuple(u * UNIT for u in units)


@st.composite
def areas(
    draw: st.DrawFn,
    *,
    max_projects: int = 6,
    min_partners: int = 1,
    max_partners: int = 2,
    max_years: int = 4,
    max_combinations: int = 1024,
    mandatory_odds: int = 6,
    wide: bool = False,
) -> Area:
    """A small valid area.

    Parameters
    ----------
    draw:
        Supplied by hypothesis.
    max_projects, min_partners, max_partners, max_years:
        Size limits.
    max_combinations:
        Upper bound on the product over projects of (window width + 1), the
        number of start-year choices a brute force enumerates (including
        "not scheduled"). Windows are narrowed to stay within it.
    mandatory_odds:
        Each project is mandatory with probability ``1 / mandatory_odds`` (mandatory
        projects are what makes most drawn areas infeasible).
    wide:
        Also draw what the exact brute force cannot handle: savings large enough for the
        per-project cap to bind (``fixed`` and up to 100 %), two funds open to any partner,
        projects that cost nothing.

    Returns
    -------
    Area
        Validated (the constructor checks every invariant).
    """
    n_years = draw(st.sampled_from(range(max_years, 0, -1)))
    horizon = Horizon(start=FIRST_YEAR, end=FIRST_YEAR + n_years - 1)
    years = list(horizon.years)
    partners = PARTNERS[: draw(st.integers(min_partners, max_partners))]
    buurten = tuple(
        Buurt(code=code, name=f"Buurt {i + 1}", sia_weight=draw(st.sampled_from((0.5, 1.0, 1.5))))
        for i, code in enumerate(BUURTEN)
    )

    has_fund = draw(st.booleans())
    fund_names = (FUND, "Subsidie") if wide else (FUND,)
    fund_partner = draw(st.sampled_from(partners))
    n_projects = draw(st.sampled_from(range(max_projects, 0, -1)))  # uniform, not biased to 1
    combinations = 1
    projects: list[Project] = []
    for i in range(n_projects):
        partner = draw(st.sampled_from(partners))
        pid = f"{partner[0]}-{i + 1:02d}"
        earliest = draw(st.sampled_from(years))
        width = draw(st.integers(0, min(2, horizon.end - earliest)))
        while combinations * (width + 2) > max_combinations and width > 0:
            width -= 1
        combinations *= width + 2
        latest = earliest + width
        preferred = draw(st.none() | st.integers(earliest, latest))
        duration = draw(st.integers(1, 3))
        cost_units = draw(st.integers(0 if wide else 1, 40))
        shares: tuple[CostShare, ...] = ()
        if len(partners) > 1 and draw(st.integers(0, 3)) == 0:
            lead_pct = draw(st.sampled_from((50, 60, 75)))
            other = next(p for p in partners if p != partner)
            shares = (CostShare(partner=partner, fraction=lead_pct / 100),
                      CostShare(partner=other, fraction=(100 - lead_pct) / 100))
        # coupled types come up more often, and street works name a street, so couplings occur
        ptype = draw(st.sampled_from(("riolering", "herinrichting", "herinrichting", "renovatie", "groen")))
        pool, least = (STREETS[:2], 1) if ptype in STREET_WORK else (STREETS, 0)
        streets = tuple(sorted(draw(st.sets(st.sampled_from(pool), min_size=least, max_size=2))))
        earlier = [p.id for p in projects]
        after = tuple(sorted(draw(st.sets(st.sampled_from(earlier), max_size=1)))) if earlier and \
            draw(st.integers(0, 3)) == 0 else ()
        projects.append(Project(
            id=pid, partner=partner, name=f"Project {i + 1}",
            type=ptype,
            buurt=draw(st.sampled_from((BUURTEN[0], *BUURTEN))),
            streets=streets,
            earliest_start=earliest, latest_start=latest, preferred_start=preferred,
            duration=duration, cost=cost_units * UNIT,
            profile=_profile(draw, cost_units, duration),
            is_mandatory=draw(st.integers(1, mandatory_odds)) == 1,
            value=draw(st.integers(0, 60)) * UNIT,
            after=after,
            funds=tuple(sorted(draw(st.sets(st.sampled_from(fund_names))))) if has_fund else (),
            shares=shares,
        ))

    budgets = []
    for partner in partners:
        carry = draw(st.sampled_from((0.0, 0.25, 0.5, 1.0)))
        for year in years:
            if draw(st.integers(0, 5)) == 0:
                continue  # a partner-year without a row has budget 0
            budgets.append(Budget(partner=partner, year=year, amount=draw(st.integers(0, 60)) * UNIT,
                                  carry_over=carry))
    for partner in partners:
        if all(b.partner != partner for b in budgets):
            # a partner exists only through its Budget rows: give it one (of 0 euro)
            budgets.append(Budget(partner=partner, year=horizon.start, amount=0.0))

    funds: list[Fund] = []
    for name in fund_names if has_fund else ():
        fund_years = draw(st.sets(st.sampled_from(years), min_size=1))
        funds.append(Fund(
            name=name,
            amounts=tuple(FundYear(year=y, amount=draw(st.integers(0, 30)) * UNIT)
                          for y in sorted(fund_years)),
            types=tuple(sorted(draw(st.sets(st.sampled_from([t.id for t in TYPES]), max_size=2)))),
            partners=tuple(sorted(draw(st.sets(st.sampled_from(partners))))) if wide else (fund_partner,),
        ))

    config = AreaConfig(
        name="Proefwijk",
        horizon=horizon,
        buurten=buurten,
        types=TYPES,
        rules=draw(rules(wide=wide)),
        weights=Weights(
            value=1.0,
            saving=draw(st.sampled_from((0.0, 0.5, 1.0, 1.0))),
            delay=draw(st.sampled_from((0.0, 0.02, 0.1))),
            use_sia=draw(st.booleans()),
        ),
        caps=Caps(street_works_per_buurt_year=draw(st.none() | st.integers(0, 2))),
        solver=SolverOptions(gap=0.0, time_limit=30.0),
    )
    return Area(config=config, projects=tuple(projects), budgets=tuple(budgets), funds=tuple(funds))


def _street_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _common_years(a: Project, b: Project, gap: int) -> tuple[int, ...]:
    return tuple(y for y in a.start_years if any(abs(y - z) <= gap for z in b.start_years))


def _potential(rule: CouplingRule, a: Project, b: Project) -> float:
    if rule.saving_base == "fixed":
        return float(rule.saving_fixed or 0.0)
    base = min(a.cost, b.cost) if rule.saving_base == "smaller" else a.cost + b.cost
    return base * rule.saving_pct / 100.0


def couplings_of(area: Area) -> tuple[Coupling, ...]:
    """The koppelkansen of a test area, computed independently of :mod:`dia.coupling`.

    Supports the scopes the strategies draw (``same_street``, ``same_buurt``).
    Per project pair the rule with the largest potential saving wins, ties to
    the smallest rule id (as ``dia.coupling`` documents); the saving is
    credited to the projects in proportion to their costs (``share_a``).

    Parameters
    ----------
    area:
        An area from :func:`areas` (or any area without ``within`` rules).

    Returns
    -------
    tuple of Coupling
        Sorted by (project_a, project_b).
    """
    out = []
    for a, b in itertools.combinations(area.projects, 2):  # projects are sorted by id
        best: Coupling | None = None
        for rule in sorted(area.config.rules, key=lambda r: r.id):
            if tuple(sorted((a.type, b.type))) != rule.types:
                continue
            street: str | None = None
            if rule.scope == "same_street":
                common = sorted({_street_key(s) for s in a.streets} & {_street_key(s) for s in b.streets})
                if not common:
                    continue
                street = common[0]
            elif rule.scope == "same_buurt":
                if a.buurt != b.buurt:
                    continue
            else:
                raise NotImplementedError(f"scope {rule.scope!r} is not drawn by the strategies")
            years = _common_years(a, b, rule.max_gap)
            if not years:
                continue
            saving = _potential(rule, a, b)
            if best is not None and saving <= best.potential_saving:
                continue
            best = Coupling(
                project_a=a.id, project_b=b.id, rule=rule.id,
                overlap="street" if street is not None else "buurt", street=street,
                buurt=a.buurt, max_gap=rule.max_gap, common_years=years, potential_saving=saving,
                share_a=a.cost / (a.cost + b.cost) if a.cost + b.cost > 0 else 0.5,
            )
        if best is not None:
            out.append(best)
    return tuple(out)


@st.composite
def areas_with_couplings(draw: st.DrawFn, **limits: Any) -> tuple[Area, tuple[Coupling, ...]]:
    """An area from :func:`areas` together with its koppelkansen."""
    area = draw(areas(**limits))
    return area, couplings_of(area)


def start_choices(area: Area) -> list[list[int | None]]:
    """Per project (in id order) every start year of its window plus ``None`` (not scheduled)."""
    return [[None, *p.start_years] for p in area.projects]


def combination_count(area: Area) -> int:
    """How many start-year combinations a brute force enumerates."""
    return math.prod(len(c) for c in start_choices(area))
