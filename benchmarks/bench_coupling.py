"""Benchmark koppelkansen detection on street-segment geometries over a city in RD New.

Usage::

    python benchmarks/bench_coupling.py --seed 0 --size 10000,100000
    python benchmarks/bench_coupling.py --size small          # smoke run (2,000 projects)

Each size runs in its own process so that its peak memory (max RSS) is its own.
The instance: ``size / 4`` streets (straight lines of 300-1,500 m at random angles,
spread over a square whose side grows with sqrt(size): 10 km at 10,000 projects),
each project a 50-300 m piece of a random street offset by up to 5 m, one of the 14
default types, one of 6 partners, buurten of 500 m x 500 m, start windows in
2026-2040, and the default rule table (``dia/data/default_rules.yaml``).

Phases printed:

* ``area s``: building and validating the ``Area`` (pydantic; not part of the target);
* ``couplings s``: ``find_couplings`` - WKT parsing and checks, spatial, type and
  time tests, savings, one coupling per pair, Coupling records and the frozen graph
  (the figure the targets apply to: 10,000 <= 0.5 s, 100,000 <= 5 s);
* ``clusters s``: connected components and start-together groups (computed on
  first use of ``cg.clusters``, timed separately);
* ``naive s``: all pairs tested one row at a time (vectorised over the other
  projects with shapely) on a random subsample of ``--naive`` projects; the
  figure for the full size is extrapolated quadratically and marked ``~``. On the
  subsample the fast result must equal the naive one, or the benchmark fails;
* ``peak MiB``: max resident set size of the process.

Other helpers share the 2 cores, so the figures are noisy.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
from typing import Any

import numpy as np
import shapely
import yaml

CENTRE = (200_000.0, 450_000.0)


def make_area(size: int, seed: int) -> tuple[Any, float]:
    """A synthetic city of ``size`` projects; returns (area, seconds to build and validate)."""
    from importlib.resources import files

    from dia.model import Area, AreaConfig, Budget, Buurt, CouplingRule, Horizon, Project, ProjectType

    rng = np.random.default_rng(seed)
    types = [ProjectType.model_validate(t) for t in
             yaml.safe_load(files("dia.data").joinpath("default_types.yaml").read_text("utf-8"))]
    rules = [CouplingRule.model_validate(r) for r in
             yaml.safe_load(files("dia.data").joinpath("default_rules.yaml").read_text("utf-8"))]
    side = 10_000.0 * math.sqrt(size / 10_000)
    n_streets = max(size // 4, 1)
    sx = CENTRE[0] + rng.uniform(-side / 2, side / 2, n_streets)
    sy = CENTRE[1] + rng.uniform(-side / 2, side / 2, n_streets)
    angle = rng.uniform(0, math.pi, n_streets)
    length = rng.uniform(300, 1500, n_streets)
    street = rng.integers(0, n_streets, size)
    seg = rng.uniform(50, 300, size)
    start = rng.uniform(0, 1, size) * np.maximum(length[street] - seg, 0)
    offset = rng.uniform(-5, 5, size)
    ux, uy = np.cos(angle[street]), np.sin(angle[street])
    x0 = sx[street] + ux * start - uy * offset
    y0 = sy[street] + uy * start + ux * offset
    x1, y1 = x0 + ux * seg, y0 + uy * seg
    cell = 500.0
    bx = np.floor((x0 - CENTRE[0] + side / 2) / cell).astype(int)
    by = np.floor((y0 - CENTRE[1] + side / 2) / cell).astype(int)
    buurt = [f"BU{int(a):04d}{int(b):04d}" for a, b in zip(bx, by, strict=True)]
    earliest = rng.integers(2026, 2034, size)
    latest = np.minimum(earliest + rng.integers(0, 4, size), 2040)
    cost = np.round(np.exp(rng.normal(13, 1, size)), 0)
    type_idx = rng.integers(0, len(types), size)
    partners = ["Gemeente", "Corporatie A", "Corporatie B", "Netbeheerder", "Waterbedrijf", "Warmtebedrijf"]
    partner_idx = rng.integers(0, len(partners), size)
    t0 = time.perf_counter()
    projects = [
        Project(id=f"P{k:06d}", partner=partners[partner_idx[k]], name=f"Project {k}",
                type=types[type_idx[k]].id, buurt=buurt[k],
                geometry=f"LINESTRING ({x0[k]:.1f} {y0[k]:.1f}, {x1[k]:.1f} {y1[k]:.1f})",
                earliest_start=int(earliest[k]), latest_start=int(latest[k]), duration=1,
                cost=float(cost[k]))
        for k in range(size)
    ]
    config = AreaConfig(name="Benchmarkstad", horizon=Horizon(start=2026, end=2040),
                        buurten=tuple(Buurt(code=c, name=c) for c in sorted(set(buurt))),
                        types=tuple(types), rules=tuple(rules))
    budgets = tuple(Budget(partner=p, year=2026, amount=1e6) for p in partners)
    area = Area(config=config, projects=tuple(projects), budgets=budgets)
    return area, time.perf_counter() - t0


def naive_pairs(area: Any) -> dict[tuple[str, str], tuple[str, float]]:
    """All pairs, one project at a time against all later ones: the baseline (and checker)."""
    from dia.coupling.rules import rules_by_type_pair

    projects = area.projects
    n = len(projects)
    geoms = shapely.from_wkt(np.array([p.geometry for p in projects], dtype=object))
    types = np.array([p.type for p in projects])
    partners = np.array([p.partner for p in projects])
    buurten = np.array([p.buurt for p in projects])
    ea = np.array([p.earliest_start for p in projects])
    la = np.array([p.latest_start for p in projects])
    cost = np.array([p.cost for p in projects])
    by_pair = rules_by_type_pair(area.config.rules)
    best: dict[tuple[str, str], tuple[str, float]] = {}
    for i in range(n - 1):
        js = np.arange(i + 1, n)
        dist = shapely.distance(geoms[i], geoms[js])
        for (t1, t2), rules in by_pair.items():
            if types[i] not in (t1, t2):
                continue
            other = t2 if types[i] == t1 else t1
            for rule in rules:
                m = types[js] == other
                if t1 == t2:
                    m &= partners[js] != partners[i]
                g = rule.max_gap
                m &= (ea[i] <= la[js] + g) & (ea[js] <= la[i] + g)
                if rule.scope == "same_buurt":
                    m &= buurten[js] == buurten[i]
                else:
                    m &= dist <= (rule.distance_m or 0.0)
                base = np.minimum(cost[i], cost[js]) if rule.saving_base == "smaller" else cost[i] + cost[js]
                for j in js[m]:
                    saving = round(float(base[j - i - 1]) * rule.saving_pct / 100, 2)
                    key = (projects[i].id, projects[int(j)].id)
                    old = best.get(key)
                    if old is None or saving > old[1] or (saving == old[1] and rule.id < old[0]):
                        best[key] = (rule.id, saving)
    return best


def run(size: int, seed: int, naive_n: int) -> dict[str, Any]:
    from dia.coupling import find_couplings

    area, area_s = make_area(size, seed)
    t0 = time.perf_counter()
    cg = find_couplings(area)
    couplings_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    clusters = cg.clusters
    clusters_s = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    m = min(naive_n, size)
    rng = np.random.default_rng(seed + 1)
    keep = sorted(rng.choice(size, m, replace=False).tolist())
    sub = type(area)(config=area.config, projects=tuple(area.projects[k] for k in keep),
                     budgets=area.budgets)
    t0 = time.perf_counter()
    naive = naive_pairs(sub)
    naive_s = time.perf_counter() - t0
    fast_sub = {c.pair: (c.rule, c.potential_saving) for c in find_couplings(sub).couplings}
    if fast_sub != naive:
        raise SystemExit(f"MISMATCH on the {m}-project subsample: "
                         f"{len(set(fast_sub) ^ set(naive))} pairs differ")
    naive_full = naive_s * (size / m) ** 2
    return {
        "size": size, "area_s": area_s, "couplings_s": couplings_s, "clusters_s": clusters_s,
        "couplings": len(cg.couplings), "clusters": len(clusters), "peak_mib": peak,
        "naive_n": m, "naive_s": naive_full, "naive_extrapolated": m < size,
        "speedup": naive_full / couplings_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--size", default="10000,100000",
                        help="comma-separated project counts, or 'small' (2000)")
    parser.add_argument("--naive", type=int, default=2000,
                        help="projects in the naive all-pairs subsample (extrapolated above it)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [2000] if args.size == "small" else [int(s) for s in args.size.split(",")]
    if args.child:
        print(json.dumps(run(sizes[0], args.seed, args.naive)))
        return
    rows = []
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--child", "--seed", str(args.seed),
                              "--size", str(size), "--naive", str(args.naive)],
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            sys.stderr.write(out.stdout + out.stderr)
            raise SystemExit(out.returncode)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    import shapely as _shapely

    print(f"# koppelkansen benchmark, seed {args.seed}, python {platform.python_version()}, "
          f"shapely {_shapely.__version__} (GEOS {_shapely.geos_version_string}), "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (shared: noisy)")
    head = (f"{'projects':>9} {'area s':>7} {'couplings s':>11} {'clusters s':>10} {'couplings':>9} "
            f"{'clusters':>8} {'peak MiB':>8} {'naive s':>10} {'speed-up':>9}")
    print(head)
    for r in rows:
        naive = ("~" if r["naive_extrapolated"] else "") + f"{r['naive_s']:.1f}"
        print(f"{r['size']:>9} {r['area_s']:>7.2f} {r['couplings_s']:>11.3f} {r['clusters_s']:>10.2f} "
              f"{r['couplings']:>9} {r['clusters']:>8} {r['peak_mib']:>8.0f} {naive:>10} "
              f"{r['speedup']:>8.0f}x")
    print(f"# naive: all pairs on a random subsample of {args.naive} projects (fast result equal on it), "
          "scaled by (size/subsample)^2 where marked ~")


if __name__ == "__main__":
    main()
