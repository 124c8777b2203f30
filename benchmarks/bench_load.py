"""Benchmark: load and validate many partner workbooks (``load_area``), and ``dia validate``.

Generates ``W`` workbooks of ``P`` projects each (plus a Budget sheet per
workbook and some cash-flow rows) in a temporary folder from ``--seed``, then
times, best of ``--repeat`` runs:

* parse    - byte checks + python-calamine + located cell parsing of every workbook;
* validate - the rest of ``read_area``: model objects, cross-references, Area;
* openpyxl - for comparison: reading the same cells with openpyxl (read_only, data_only);
* the ``dia validate`` command on the bundled example, as a subprocess (interpreter start included).

Usage::

    python benchmarks/bench_load.py --seed 1 --size full     # 50 x 200 = 10,000 projects
    python benchmarks/bench_load.py --size small             # 5 x 40, a smoke run

Figures are wall-clock seconds on whatever else the machine is doing: noisy.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dia.io.area import read_area  # noqa: E402
from dia.io.excel import read_workbook  # noqa: E402

SIZES = {"small": (5, 40), "medium": (20, 100), "full": (50, 200)}
TYPES = [
    "riolering",
    "herinrichting",
    "klimaatadaptatie",
    "groen",
    "warmtenet",
    "elektriciteitsnet",
    "drinkwater",
    "glasvezel",
    "renovatie",
    "verduurzaming",
    "energiecoach",
]
BUURTEN = [f"BU015303{i:02d}" for i in range(10)]
HEADER = [
    "Projectcode",
    "Partner",
    "Projectnaam",
    "Type",
    "Buurtcode",
    "Locatie",
    "Vroegste start",
    "Laatste start",
    "Gewenste start",
    "Duur",
    "Kosten",
    "Verplicht",
    "Waarde",
    "Na project",
    "Financiering",
]


def generate(folder: Path, workbooks: int, projects: int, seed: int) -> None:
    """Write dia.yaml and ``workbooks`` partner workbooks of ``projects`` rows each."""
    rng = random.Random(seed)
    config = {
        "name": "Benchmark",
        "horizon": {"start": 2026, "end": 2035},
        "buurten": [{"code": c, "name": f"Buurt {i}"} for i, c in enumerate(BUURTEN)],
        "types": "default",
        "rules": "default",
    }
    (folder / "dia.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for w in range(workbooks):
        partner = f"Partner {w:02d}"
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("Projecten")
        ws.append(HEADER)
        flows = wb.create_sheet("Kasstroom")
        flows.append(["Projectcode", "Jaar 1", "Jaar 2", "Jaar 3"])
        for p in range(projects):
            pid = f"P{w:02d}-{p:04d}"
            start = rng.randint(2026, 2031)
            duration = rng.randint(1, 3)
            cost = rng.randrange(50_000, 5_000_000, 1000)
            after = f"P{w:02d}-{p - 1:04d}" if p and rng.random() < 0.1 else None
            cost_cell: object = cost if rng.random() < 0.8 else f"€ {cost:,}".replace(",", ".")
            ws.append(
                [
                    pid,
                    partner,
                    f"Project {p} van {partner}",
                    rng.choice(TYPES),
                    rng.choice(BUURTEN),
                    f"Straat {rng.randint(1, 300)}",
                    start,
                    start + rng.randint(0, 3),
                    None,
                    duration,
                    cost_cell,
                    rng.choice(["ja", "nee", None]),
                    cost * rng.uniform(0.8, 1.6),
                    after,
                    None,
                ]
            )
            if rng.random() < 0.2:
                share = round(cost / duration, 2)
                flows.append([pid, *([share] * (duration - 1)), cost - share * (duration - 1)])
        budget = wb.create_sheet("Budget")
        budget.append(["Partner", "Jaar", "Budget", "Overheveling"])
        for year in range(2026, 2036):
            budget.append([partner, year, rng.randrange(5_000_000, 50_000_000, 100_000), 0.25])
        wb.save(folder / f"{partner}.xlsx")


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def openpyxl_read(files: list[Path]) -> None:
    for path in files:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for ws in wb.worksheets:
            for _row in ws.iter_rows(values_only=True):
                pass
        wb.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", default="full", help="small, medium, full or WxP (e.g. 50x200)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    workbooks, projects = SIZES.get(args.size) or tuple(int(x) for x in args.size.split("x"))  # type: ignore[misc]

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        generate(folder, workbooks, projects, args.seed)
        generate_s = time.perf_counter() - t0
        files = sorted(folder.glob("*.xlsx"))
        blobs = [(p.name, p.read_bytes()) for p in files]
        read = read_area(folder)  # warm-up (imports) and sanity check
        assert len(read.area.projects) == workbooks * projects
        parse_s = best(lambda: [read_workbook(n, b) for n, b in blobs], args.repeat)
        total_s = best(lambda: read_area(folder), args.repeat)
        openpyxl_s = best(lambda: openpyxl_read(files), 1)
        size_mb = sum(len(b) for _, b in blobs) / 2**20
    rows += [
        ("workbooks x projects", f"{workbooks} x {projects} = {workbooks * projects:,}"),
        ("workbook bytes (MB)", f"{size_mb:.1f}"),
        ("generate s (not timed below)", f"{generate_s:.2f}"),
        ("parse s (safety + calamine + cells)", f"{parse_s:.3f}"),
        ("validate s (models + references)", f"{max(total_s - parse_s, 0):.3f}"),
        ("load_area total s", f"{total_s:.3f}"),
        ("openpyxl read_only cell read s", f"{openpyxl_s:.3f}"),
    ]
    example = ROOT / "dia" / "examples" / "twekkelerveld"
    dia = Path(sys.executable).with_name("dia")
    if (example / "dia.yaml").is_file() and dia.exists():

        def run() -> None:
            subprocess.run([str(dia), "validate", str(example)], check=True, capture_output=True)

        rows.append(("dia validate example s (subprocess)", f"{best(run, args.repeat):.3f}"))
    rows += [
        ("peak RSS MB", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"),
        ("python / cores", f"{platform.python_version()} / {os.cpu_count()}"),
        ("seed, repeat (best of)", f"{args.seed}, {args.repeat}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'figure':<{width}}  value")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
