"""Benchmark scenario comparison and uncertainty sweeps on the bundled example.

Targets (issue #6): comparing the five example scenarios in ≤ 10 s wall on
2 cores, with the speed-up of parallel over serial; a sweep of 100 draws in
≤ 60 s on 2 cores, as draws per second locally and on a 2-worker Dask
``LocalCluster``.

Usage::

    python benchmarks/bench_scenarios.py --seed 0 --size example --draws 100
    python benchmarks/bench_scenarios.py --size small --draws 10      # smoke run

``--size example`` uses the full example (9 partners);
``--size small`` first leaves out seven partners (about a third of the
projects) so a smoke run is quick. ``--seed`` seeds the sweep draws. Prints one table.
Other processes on the machine make the figures noisy: the load average is
printed with them.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
SWEEP = SCENARIOS / "sweep" / "onzekerheid.yaml"
SMALL = {"name": "klein", "remove": {"partners": [
    "De Woonplaats", "Domijn", "Enexis Netbeheer", "Ennatuurlijk", "Ons Huis", "Vezelnet Twente", "Vitens"]}}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--size", choices=["small", "example"], default="example")
    parser.add_argument("--draws", type=int, default=100)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--skip-compare", action="store_true")
    parser.add_argument("--skip-sweep", action="store_true")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()

    from dia.io.area import load_area
    from dia.scenarios.apply import apply_scenario
    from dia.scenarios.compare import compare
    from dia.scenarios.load import load_scenario
    from dia.scenarios.model import Scenario
    from dia.scenarios.sweep import load_sweep, sweep

    area = load_area(ROOT / "examples" / "twekkelerveld")
    if args.size == "small":
        area = apply_scenario(area, Scenario.model_validate(SMALL))
    scenarios = [load_scenario(p) for p in sorted(SCENARIOS.glob("*.yaml"))]
    if args.size == "small":  # the full scenarios name partners the small area lacks
        scenarios = [s for s in scenarios if s.name in ("basis", "bezuiniging-20", "subsidie-toegekend",
                                                          "warmtenet-vertraagd")]
    rows: list[tuple[str, str, int, float, float, str]] = []

    if not args.skip_compare:
        serial_s, serial = timed(lambda: compare(area, scenarios, processes=1))
        parallel_s, parallel = timed(lambda: compare(area, scenarios, processes=args.processes))
        same = serial.summary.equals(parallel.summary) and serial.projects.equals(parallel.projects)
        # identical results need every solve to end on its gap; say how many stopped at the time limit
        proven = sum(r.agenda.run.status == "optimal" for t in (serial, parallel) for r in t.runs.values())
        rows.append(("compare", "serial", len(scenarios), serial_s, len(scenarios) / serial_s, ""))
        rows.append(("compare", f"{args.processes} processes", len(scenarios), parallel_s,
                     len(scenarios) / parallel_s, f"speed-up {serial_s / parallel_s:.2f}x, identical={same}, "
                     f"{proven}/{2 * len(scenarios)} solves optimal"))
        solve = sum(r.agenda.run.solve_seconds for r in serial.runs.values())
        rows.append(("  of which solver", "serial", len(scenarios), solve, len(scenarios) / solve, ""))

    if not args.skip_sweep:
        spec = load_sweep(SWEEP)
        local_s, local = timed(lambda: sweep(area, spec, draws=args.draws, seed=args.seed,
                                             processes=args.processes))
        rows.append(("sweep", f"{args.processes} processes", args.draws, local_s, args.draws / local_s,
                     f"{local.feasible} feasible"))
        if not args.skip_dask:
            from distributed import LocalCluster

            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster:
                dask_s, remote = timed(lambda: sweep(area, spec, draws=args.draws, seed=args.seed,
                                                     scheduler=cluster.scheduler_address))
            same = local.draws.equals(remote.draws) and local.projects.equals(remote.projects)
            rows.append(("sweep", "dask LocalCluster 2 workers", args.draws, dask_s, args.draws / dask_s,
                         f"identical={same}"))

    import highspy  # noqa: F401 - only to report that the in-process HiGHS is there
    import pulp

    print(f"bench_scenarios  size={args.size}  seed={args.seed}  projects={len(area.projects)}  "
          f"cores={os.cpu_count()}  load={os.getloadavg()[0]:.1f}  python={platform.python_version()}  "
          f"pulp={pulp.__version__}")
    header = ("task", "backend", "items", "wall s", "items/s", "note")
    table = [header, *((t, b, str(n), f"{s:.2f}", f"{r:.2f}", note) for t, b, n, s, r, note in rows)]
    widths = [max(len(row[k]) for row in table) for k in range(len(header))]
    for row in table:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


if __name__ == "__main__":
    main()
