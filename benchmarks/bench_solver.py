"""Benchmark the optimiser on the benchmark family (benchmarks/instances.py) and the example.

Each run happens in a fresh process so its peak memory (max RSS) is its own. Printed per
run: build s, LP s (relaxation), heuristic s, solve s (LP + heuristics + MILP, i.e. the
time limit's scope), status, objective, LP bound, best bound, gap, target, peak MiB, solver
and version, cores. Build and solve are timed separately, as linopy's phases are.

Targets (issue #5): the example proven optimal <= 2 s; 200 projects <= 1 % gap <= 10 s;
2,000 <= 0.5 % <= 10 s; 10,000 <= 1 % <= 60 s and <= 4 GiB.

Variants measure what each modelling choice contributes:

* ``best``     - default: LP relaxation, best of baseline / greedy / dual-priced greedy / LP
  rounding, then the partner search (two partners re-planned at a time), the best agenda as
  MIP start;
* ``nosearch`` - the default without the partner search (what the search contributes);
* ``baseline`` - warm start from the uncoordinated baseline only;
* ``cold``     - no warm start;
* ``weak``     - disaggregated coupling rows (``z <= x_a``, ``z <= x_b`` per pair) instead of the
  aggregated tight ones, default warm start;
* ``nofix``    - without fixing start years that can never fit the budget.

Examples::

    python benchmarks/bench_solver.py --size 200 --seed 0
    python benchmarks/bench_solver.py --size 200,2000,10000 --solver highs,cbc --variants best,cold
    python benchmarks/bench_solver.py --size example --time-limit 30
    python benchmarks/bench_solver.py --size small          # smoke run for CI
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: size -> (time limit s, target gap)
TARGETS: dict[str, tuple[float, float]] = {
    "example": (2.0, 1e-4),
    "200": (10.0, 0.01),
    "2000": (10.0, 0.005),
    "10000": (60.0, 0.01),
}
MEMORY_LIMIT_MIB = 4096


def _weak_coupling(m: Any) -> None:
    """Disaggregated coupling rows: z[c,sa,sb] <= x[a,sa] and z[c,sa,sb] <= x[b,sb] per pair."""
    import pulp

    inst = m.inst
    for ci, c in enumerate(inst.couplings):
        for pair in inst.pairs[ci]:
            z = m.z[(ci, pair.sa, pair.sb)]
            for side, pid, s in ((0, c.project_a, pair.sa), (1, c.project_b, pair.sb)):
                m.add("coupling_realisation", (c.project_a, c.project_b, side, pair.sa, pair.sb),
                      (ci, side, pair.sa, pair.sb), {z: 1.0, m.x[(pid, s)]: -1.0}, pulp.LpConstraintLE, 0)


def run_one(size: str, seed: int, solver: str, variant: str, time_limit: float, gap: float,
            threads: int) -> dict[str, Any]:
    """Build and solve one instance; returns the figures (runs inside a fresh process)."""
    from dia.model import SolverOptions
    from dia.solver import build as build_module
    from dia.solver import instance as instance_module
    from dia.solver.baseline import baseline_starts
    from dia.solver.plan import solve_instance

    if size == "example":
        from dia import find_couplings, load_area

        area = load_area(ROOT / "examples" / "twekkelerveld")
        couplings: Any = find_couplings(area)
    else:
        from benchmarks.instances import make_instance

        area, couplings = make_instance(int(size), seed)
    if variant == "nofix":
        instance_module.Instance.never_fits = lambda self, p, s: False  # type: ignore[method-assign]
    families = build_module.FAMILIES
    if variant == "nosearch":
        from dia.solver import plan as plan_module

        plan_module.PARTNER_SHARE = 0.0
    if variant == "weak":
        from dia.solver import constraints

        constraints.coupling_realisation_weak = _weak_coupling  # type: ignore[attr-defined]
        families = tuple("coupling_realisation_weak" if f == "coupling_realisation" else f for f in families)
    t0 = time.perf_counter()
    inst = instance_module.make_instance(area, couplings)
    m = build_module.build_model(inst, families=families)
    build = time.perf_counter() - t0
    base, _draws, findings = baseline_starts(inst)
    options = SolverOptions(solver=solver, time_limit=time_limit, gap=gap, threads=threads,  # type: ignore[arg-type]
                            seed=0)
    warm = {"best": "best", "nosearch": "best", "weak": "best", "nofix": "best", "baseline": "baseline",
            "cold": "none"}[variant]
    result, stats = solve_instance(m, options, warm=warm,  # type: ignore[arg-type]
                                   baseline=None if findings else base)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "size": size, "projects": len(area.projects), "couplings": len(inst.couplings), "solver": solver,
        "version": result.version, "variant": variant, "build": build, "lp": stats.lp_seconds,
        "heur": stats.heuristic_seconds, "solve": result.seconds, "status": result.status,
        "objective": result.objective, "lp_bound": stats.lp_bound, "bound": result.bound, "gap": result.gap,
        "start": stats.warm_start or "-", "start_value": stats.candidates.get(stats.warm_start or "", None),
        "peak_mib": peak, "cores": os.cpu_count(), "threads": threads,
    }


def _child(queue: Any, args: tuple[Any, ...]) -> None:
    os.setpgrp()  # own process group, so a solver that ignores its time limit can be stopped
    try:
        queue.put(run_one(*args))
    except Exception as exc:  # report the crash as a row: a benchmark that crashes is a failure
        queue.put({"error": f"{type(exc).__name__}: {exc}", "size": args[0], "solver": args[2],
                   "variant": args[3]})


def run_isolated(*args: Any, watchdog: float) -> dict[str, Any]:
    """Run :func:`run_one` in a fresh spawned process (own peak memory, clean imports).

    A run still going after ``watchdog`` seconds (CBC does not always honour its time limit)
    is stopped with its whole process group and reported as such.
    """
    import queue as queue_module
    import signal

    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(queue, args))
    proc.start()
    try:
        row: dict[str, Any] = queue.get(timeout=watchdog)
    except queue_module.Empty:
        if proc.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        row = {"error": f"still running after {watchdog:.0f} s (time limit ignored), stopped",
               "size": args[0], "solver": args[2], "variant": args[3]}
    proc.join()
    return row


def _fmt(x: float | None, spec: str) -> str:
    return "-" if x is None else format(x, spec)


def print_table(rows: list[dict[str, Any]]) -> None:
    header = ("size", "solver", "version", "variant", "build s", "lp s", "heur s", "solve s", "status",
              "objective", "LP bound", "bound", "gap %", "target", "met", "start", "peak MiB", "cores")
    lines = [header]
    for r in rows:
        if "error" in r:
            lines.append((r["size"], r["solver"], "", r["variant"], "", "", "", "", "CRASH " + r["error"],
                          "", "", "", "", "", "no", "", "", ""))
            continue
        limit, target = TARGETS.get(r["size"], (None, None))
        met = "-"
        if limit is not None and target is not None and r["gap"] is not None:
            ok = r["gap"] <= target + 1e-9 and r["solve"] <= limit + 0.5 and r["peak_mib"] <= MEMORY_LIMIT_MIB
            met = "yes" if ok else "no"
        lines.append((
            f"{r['size']} ({r['projects']})", r["solver"], r["version"], r["variant"],
            _fmt(r["build"], ".2f"),
            _fmt(r["lp"], ".2f"), _fmt(r["heur"], ".2f"), _fmt(r["solve"], ".2f"), r["status"],
            _fmt(r["objective"], ",.0f"), _fmt(r["lp_bound"], ",.0f"), _fmt(r["bound"], ",.0f"),
            _fmt(100 * r["gap"] if r["gap"] is not None else None, ".3f"),
            f"{100 * target:g} % / {limit:g} s" if target is not None and limit is not None else "-",
            met, r["start"], _fmt(r["peak_mib"], ".0f"), str(r["cores"]),
        ))
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(str(c).rjust(w) if i >= 4 else str(c).ljust(w)
                        for i, (c, w) in enumerate(zip(line, widths, strict=True))).rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark dia's optimiser (see module docstring).")
    parser.add_argument("--size", default="200,2000,10000,example",
                        help="comma-separated sizes, 'example' for the bundled area, 'small' for a smoke run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--solver", default="highs,cbc", help="comma-separated: highs, cbc")
    parser.add_argument("--variants", default="best",
                        help="comma-separated: best, nosearch, baseline, cold, weak, nofix")
    parser.add_argument("--time-limit", type=float, default=None, help="override the per-size time limit")
    parser.add_argument("--gap", type=float, default=None, help="override the per-size target gap")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    sizes = ["40"] if args.size == "small" else [s.strip() for s in args.size.split(",") if s.strip()]
    rows = []
    for size in sizes:
        limit, target = TARGETS.get(size, (10.0, 0.01))
        for solver in [s.strip() for s in args.solver.split(",")]:
            for variant in [v.strip() for v in args.variants.split(",")]:
                time_limit = args.time_limit or limit
                row = run_isolated(size, args.seed, solver, variant, time_limit,
                                   args.gap if args.gap is not None else target, args.threads,
                                   watchdog=5 * time_limit + 120)
                rows.append(row)
                print(f"# done: {size} {solver} {variant}", file=sys.stderr, flush=True)
    print(f"# dia optimiser benchmark, seed {args.seed}, {os.cpu_count()} cores "
          f"(shared machine: timings are noisy)")
    print_table(rows)


if __name__ == "__main__":
    main()
