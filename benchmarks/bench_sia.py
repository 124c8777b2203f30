"""Benchmark the SIA index on synthetic cities of many buurten.

Usage::

    python benchmarks/bench_sia.py --seed 0 --size 70,1000,14000
    python benchmarks/bench_sia.py --size small            # smoke run (70 buurten)

14,000 is about the number of CBS buurten in the Netherlands (a national run).
The instance: ``size`` buurten with the 14 indicators of the bundled
``dia/data/enschede/sia.yaml`` drawn uniformly in each indicator's catalogue
range, about 2 % of the cells empty (imputed with the median), residents
log-normal around 2,500 (some below the 200 minimum, flagged).

Phases printed (each size in its own process so ``peak MiB`` is its own):

* ``table s``: building the validated ``IndicatorTable`` (pydantic);
* ``index s``: ``compute_index`` without the Monte Carlo check (``draws=0``);
* ``mc s``: the extra time of the rank stability check with ``--draws`` draws;
* ``peak MiB``: max resident set size of the process.

Other helpers share the 2 cores, so the figures are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time

import numpy as np


def run_one(size: int, seed: int, draws: int) -> dict[str, float]:
    from dia.io.sia_io import BUNDLED_CONFIG, load_sia_config
    from dia.sia.catalogue import CATALOGUE
    from dia.sia.index import compute_index
    from dia.sia.indicators import BuurtRow, IndicatorTable

    config = load_sia_config(BUNDLED_CONFIG)
    rng = np.random.default_rng(seed)
    cols = [i.column for i in config.indicators]
    lows = np.array([CATALOGUE[c].low for c in cols])
    highs = np.array([CATALOGUE[c].high for c in cols])
    values = lows + (highs - lows) * rng.random((size, len(cols)))
    gaps = rng.random((size, len(cols))) < 0.02
    residents = np.exp(rng.normal(np.log(2500), 1.0, size))
    t0 = time.perf_counter()
    rows = [BuurtRow(code=f"BU{i:08d}", name=f"Buurt {i}", residents=float(residents[i]),
                     values=tuple(None if gaps[i, j] else float(values[i, j]) for j in range(len(cols))),
                     row=i + 2)
            for i in range(size)]
    table = IndicatorTable(source="synthetic", columns=tuple(cols), buurten=tuple(rows))
    t1 = time.perf_counter()
    compute_index(table, config, draws=0)
    t2 = time.perf_counter()
    result = compute_index(table, config, draws=draws, seed=seed)
    t3 = time.perf_counter()
    assert len(result.buurten) == size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"size": size, "table s": t1 - t0, "index s": t2 - t1, "mc s": (t3 - t2) - (t2 - t1),
            "peak MiB": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--size", default="70,1000,14000", help="comma-separated sizes, or 'small'")
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.seed, args.draws)))
        return
    sizes = [70] if args.size == "small" else [int(s) for s in args.size.split(",")]
    print(f"# dia SIA benchmark: seed {args.seed}, {args.draws} draws, python {platform.python_version()}, "
          f"numpy {np.__version__}, {os.cpu_count()} cores (shared, noisy)")
    print(f"{'buurten':>8} {'table s':>8} {'index s':>8} {'mc s':>8} {'peak MiB':>9}")
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size), "--seed", str(args.seed),
                              "--draws", str(args.draws)], check=True, capture_output=True, text=True)
        r = json.loads(out.stdout)
        print(f"{size:>8} {r['table s']:>8.3f} {r['index s']:>8.3f} {r['mc s']:>8.3f} {r['peak MiB']:>9.0f}")


if __name__ == "__main__":
    main()
