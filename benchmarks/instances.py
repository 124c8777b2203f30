"""The benchmark family for the optimiser: synthetic areas built directly from ``dia.model``.

One family, so figures compare across runs (issue #5, "Speed and scale"):

* 8 partners, a 10-year horizon (2026-2035);
* start windows 0-4 years wide, durations 1-4 years with the cost spread evenly;
* cost log-normal around 1 mln euro, value correlated with cost (value = cost x U(0.9, 1.5));
* 10 % of the projects mandatory (only ones that fit: see ``_mandatory``);
* every partner's yearly budget about 60 % of its average yearly demand, 25 % carry-over;
* about 1.5 koppelkansen per project (``round(1.5 * size)`` couplings), each between projects of
  different partners in the same buurt, ``max_gap`` 0 or 1 and a saving of 15 % of the smaller
  project's cost.

Everything is drawn from ``random.Random(seed)`` in a fixed order, so the same ``seed`` and
``size`` give the same area and couplings, byte for byte.

Usage::

    from benchmarks.instances import make_instance
    area, couplings = make_instance(size=200, seed=0)

    python benchmarks/instances.py --size 200 --seed 0     # prints a summary
"""

from __future__ import annotations

import argparse
import math
import random
from collections import defaultdict

from dia.model import (
    Area,
    AreaConfig,
    Budget,
    Buurt,
    Coupling,
    CouplingRule,
    Horizon,
    Project,
    ProjectType,
    SolverOptions,
)

HORIZON = (2026, 2035)
PARTNERS = (
    "Gemeente", "Domijn", "Ons Huis", "Enexis", "Vitens", "Waterschap", "Glasvezel NL", "Provincie",
)
#: one main project type per partner (the partner's own kind of work)
TYPES = (
    ("herinrichting", True), ("renovatie", False), ("nieuwbouw", False), ("elektriciteit", True),
    ("drinkwater", True), ("riolering", True), ("glasvezel", True), ("groen", False),
)
SAVING_PCT = 15.0
BUDGET_FRACTION = 0.6
CARRY_OVER = 0.25
MANDATORY_FRACTION = 0.10
COUPLINGS_PER_PROJECT = 1.5


def _rule_id(a: str, b: str, gap: int) -> str:
    return f"{a}-{b}-gap{gap}"


def make_instance(size: int, seed: int = 0) -> tuple[Area, list[Coupling]]:
    """Build one instance of the benchmark family.

    Parameters
    ----------
    size:
        Number of projects (>= 8).
    seed:
        Random seed; the instance is a pure function of (size, seed).

    Returns
    -------
    tuple of (Area, list of Coupling)
        The area and its koppelkansen, sorted by (project_a, project_b).
    """
    if size < 8:
        raise ValueError(f"size must be at least 8, got {size}")
    rng = random.Random(f"dia-bench-{size}-{seed}")
    start, end = HORIZON
    n_buurten = max(4, size // 25)
    buurten = tuple(
        Buurt(code=f"BU9999{i:04d}", name=f"Buurt {i}", sia_weight=round(rng.uniform(0.8, 1.4), 2))
        for i in range(n_buurten)
    )
    type_ids = [t for t, _ in TYPES]
    types = tuple(ProjectType(id=t, label=t.capitalize(), is_street_work=street) for t, street in TYPES)
    rules = tuple(
        CouplingRule(id=_rule_id(a, b, gap), types=(a, b), scope="same_buurt", max_gap=gap,
                     saving_pct=SAVING_PCT, saving_base="smaller")
        for i, a in enumerate(sorted(type_ids)) for b in sorted(type_ids)[i + 1:] for gap in (0, 1)
    )
    config = AreaConfig(
        name=f"bench-{size}-{seed}", horizon=Horizon(start=start, end=end), buurten=buurten,
        types=types, rules=rules, solver=SolverOptions(time_limit=60, gap=1e-4),
    )

    width = len(str(size))
    projects: list[Project] = []
    for i in range(size):
        k = rng.randrange(len(PARTNERS))
        duration = rng.randint(1, 4)
        window = rng.randint(0, 4)
        earliest = rng.randint(start, end - window)
        latest = earliest + window
        preferred = rng.randint(earliest, latest)
        cost = round(1_000_000 * math.exp(rng.gauss(0.0, 0.6)), -3)
        value = round(cost * rng.uniform(0.9, 1.5), -3)
        buurt = buurten[rng.randrange(n_buurten)].code
        projects.append(Project(
            id=f"P{i:0{width}d}", partner=PARTNERS[k], name=f"Project {i}", type=type_ids[k],
            buurt=buurt, earliest_start=earliest, latest_start=latest, preferred_start=preferred,
            duration=duration, cost=cost, value=value,
        ))

    years = end - start + 1
    demand: dict[str, float] = defaultdict(float)
    for p in projects:
        demand[p.partner] += p.cost
    yearly = {q: round(BUDGET_FRACTION * demand[q] / years, -3) for q in PARTNERS}
    mandatory = _mandatory(projects, yearly, rng)
    projects = [p.model_copy(update={"is_mandatory": True}) if p.id in mandatory else p for p in projects]
    budgets = tuple(Budget(partner=q, year=y, amount=yearly[q], carry_over=CARRY_OVER)
                    for q in PARTNERS for y in range(start, end + 1))
    area = Area(config=config, projects=tuple(projects), budgets=budgets)
    return area, _couplings(area, rng)


def _mandatory(projects: list[Project], yearly: dict[str, float], rng: random.Random) -> set[str]:
    """Pick about 10 % mandatory projects that can all be placed together.

    Candidates are drawn at random; each is placed greedily at the first start in its window
    where the partner's mandatory spend stays within half its yearly budget in every year, and
    is kept mandatory only if such a start exists. That keeps every instance feasible.
    """
    target = round(MANDATORY_FRACTION * len(projects))
    order = list(range(len(projects)))
    rng.shuffle(order)
    used: dict[tuple[str, int], float] = defaultdict(float)
    chosen: set[str] = set()
    for i in order:
        if len(chosen) >= target:
            break
        p = projects[i]
        for s in p.start_years:
            spend = {(p.partner, s + k): p.profile[k] for k in range(p.duration)}
            if all(used[key] + amount <= 0.5 * yearly[p.partner] for key, amount in spend.items()):
                for key, amount in spend.items():
                    used[key] += amount
                chosen.add(p.id)
                break
    return chosen


def _couplings(area: Area, rng: random.Random) -> list[Coupling]:
    """About 1.5 couplings per project between different partners in the same buurt."""
    by_buurt: dict[str, list[Project]] = defaultdict(list)
    for p in area.projects:
        by_buurt[p.buurt].append(p)
    buurt_codes = sorted(by_buurt)
    target = round(COUPLINGS_PER_PROJECT * len(area.projects))
    seen: set[tuple[str, str]] = set()
    out: list[Coupling] = []
    attempts = 0
    while len(out) < target and attempts < 50 * target:
        attempts += 1
        members = by_buurt[buurt_codes[rng.randrange(len(buurt_codes))]]
        if len(members) < 2:
            continue
        p, q = rng.sample(members, 2)
        gap = rng.randint(0, 1)
        if p.partner == q.partner or p.type == q.type:
            continue
        a, b = (p, q) if p.id < q.id else (q, p)
        if (a.id, b.id) in seen:
            continue
        common = tuple(s for s in a.start_years if any(abs(s - t) <= gap for t in b.start_years))
        if not common:
            continue
        seen.add((a.id, b.id))
        saving = round(SAVING_PCT / 100 * min(a.cost, b.cost), 2)
        total = a.cost + b.cost
        ta, tb = sorted((a.type, b.type))
        out.append(Coupling(
            project_a=a.id, project_b=b.id, rule=_rule_id(ta, tb, gap), overlap="buurt", buurt=a.buurt,
            max_gap=gap, common_years=common, potential_saving=saving,
            share_a=a.cost / total if total > 0 else 0.5,
        ))
    return sorted(out, key=lambda c: (c.project_a, c.project_b))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    area, couplings = make_instance(args.size, args.seed)
    n_mand = sum(p.is_mandatory for p in area.projects)
    print(f"{area.config.name}: {len(area.projects)} projects ({n_mand} mandatory), "
          f"{len(area.partners)} partners, {len(area.config.buurten)} buurten, "
          f"{len(couplings)} couplings, total cost {sum(p.cost for p in area.projects):,.0f}")


if __name__ == "__main__":
    main()
