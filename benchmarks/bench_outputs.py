"""Benchmark writing the agenda's outputs (CSV, JSON, Excel, Gantt, charts, HTML).

Usage::

    python benchmarks/bench_outputs.py                      # example + 200-project synthetic agenda
    python benchmarks/bench_outputs.py --size 50,200,500 --seed 1
    python benchmarks/bench_outputs.py --size small         # smoke run (40 projects, no example)

Instances:

* ``example``: the bundled Twekkelerveld area, planned once with the solver
  (the solve is not timed here; ``dia plan`` prints it);
* ``synthetic-N``: an agenda of N projects of 5 partners in 8 buurten over
  10 years built without the solver (``tests/report/factory.py``), about
  85 % of the projects started.

For each instance every format is exported on its own into a fresh folder
(so ``png``, ``svg`` and ``pdf`` each pay for drawing the Gantt), then all
formats together (``all``: the Gantt is drawn once per format, charts once),
then ``read_agenda`` on the written ``agenda.xlsx``. The first column of
figures is wall seconds, the second CPU seconds of this process; the
``import`` row is the one-off cost of importing pandas and matplotlib.
Other helpers share the 2 cores, so wall figures are noisy; CPU is steadier.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FORMATS = ("csv", "json", "xlsx", "png", "svg", "pdf", "html")


def _timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _instances(sizes: list[int], seed: int, with_example: bool) -> list[tuple[str, Any, Any]]:
    from tests.report.factory import synthetic_agenda

    out: list[tuple[str, Any, Any]] = []
    example = ROOT / "examples" / "twekkelerveld"
    if with_example and (example / "dia.yaml").is_file():
        from dia import load_area, plan

        area = load_area(example)
        out.append(("example", area, plan(area)))
    for n in sizes:
        area, agenda = synthetic_agenda(n, seed=seed)
        out.append((f"synthetic-{n}", area, agenda))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--size", default="200", help="comma-separated project counts, or 'small'")
    parser.add_argument("--no-example", action="store_true", help="skip the bundled example")
    args = parser.parse_args()
    small = args.size == "small"
    sizes = [40] if small else [int(s) for s in args.size.split(",") if s]

    wall, cpu, _ = _timed(lambda: (__import__("pandas"), __import__("matplotlib.figure")))
    rows: list[tuple[str, str, float, float, str]] = [("-", "import", wall, cpu, "pandas + matplotlib")]

    from dia.io.agenda_io import read_agenda
    from dia.report import export

    for name, area, agenda in _instances(sizes, args.seed, with_example=not (small or args.no_example)):
        n_projects = len(agenda.projects)
        with tempfile.TemporaryDirectory(prefix="dia-bench-") as tmp:
            for fmt in FORMATS:
                out = Path(tmp) / fmt
                wall, cpu, written = _timed(export, agenda, out, area=area, formats=[fmt])
                size = sum(p.stat().st_size for p in written) / 1024
                rows.append((name, fmt, wall, cpu, f"{len(written)} file(s), {size:,.0f} KiB"))
            wall, cpu, written = _timed(export, agenda, Path(tmp) / "all", area=area)
            rows.append((name, "all", wall, cpu, f"{len(written)} files, {n_projects} projects"))
            wall, cpu, _ = _timed(read_agenda, Path(tmp) / "all" / "agenda.xlsx")
            rows.append((name, "read_agenda", wall, cpu, "agenda.xlsx -> Agenda"))

    print(f"bench_outputs  seed={args.seed}  python {platform.python_version()}  "
          f"cores={os.cpu_count()}  {platform.machine()}")
    print(f"{'instance':<16} {'output':<12} {'wall s':>7} {'cpu s':>7}  note")
    for name, what, wall, cpu, note in rows:
        print(f"{name:<16} {what:<12} {wall:7.2f} {cpu:7.2f}  {note}")


if __name__ == "__main__":
    main()
