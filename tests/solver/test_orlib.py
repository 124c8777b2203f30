"""Published multi-period capital-budgeting optima, reproduced through the public API.

Each OR-Library instance is mapped onto a DIA area (``tests/solver/orlib.py``):
project ``j`` starts in the first year, runs ``m`` years with outlay ``r(i, j)``
in year ``i`` and is worth ``p(j)``; the single partner's budget in year ``i``
is ``b(i)`` without carry-over. ``dia.plan`` must return the published optimum.

References
----------
J.E. Beasley, "OR-Library: distributing test problems by electronic mail",
*Journal of the Operational Research Society* 41(11) (1990) 1069-1072
(``mknap1.txt``, ``mknap2.txt``; optima from the files, see ``data/SOURCES.md``).
C.C. Petersen (1967), "Computational experience with variants of the Balas
algorithm applied to the selection of R&D projects", *Management Science*
13(9):736-750: ``mknap1`` problems 1-7, optima 3800, 8706.1, 4015, 6120,
12400, 10618, 16537.
H.M. Weingartner and D.N. Ness (1967), "Methods for the solution of the
multi-dimensional 0/1 knapsack problem", *Operations Research* 15:83-103:
``WEING1``-``WEING8`` of ``mknap2``, optima 141278, 130883, 95677, 119337,
98796, 130623, 1095445, 624319.
"""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest
import yaml

import dia
from dia.model import Agenda, SolverOptions
from tests.checker import assert_valid
from tests.solver.orlib import (
    BUURT,
    DATA,
    FIRST_YEAR,
    PARTNER,
    TYPE,
    Instance,
    load_mknap1,
    load_weing,
    project_id,
    to_area,
)
from tests.solver.solvers import SOLVERS, exact

MKNAP1 = load_mknap1()
WEING = load_weing()
PUBLISHED_MKNAP1 = (3800, 8706.1, 4015, 6120, 12400, 10618, 16537)
PUBLISHED_WEING = {"WEING1": 141278, "WEING2": 130883, "WEING3": 95677, "WEING4": 119337,
                   "WEING5": 98796, "WEING6": 130623, "WEING7": 1095445, "WEING8": 624319}


def _chosen(instance: Instance, agenda: Agenda) -> set[int]:
    index = {project_id(j): j for j in range(instance.n)}
    return {index[p.project_id] for p in agenda.projects if p.is_selected}


def _check(instance: Instance, agenda: Agenda, options: SolverOptions) -> None:
    area = to_area(instance)
    assert agenda.run.status == "optimal"
    assert_valid(area, (), agenda, max_gap=1e-6)
    chosen = _chosen(instance, agenda)
    assert instance.is_feasible(chosen)
    assert instance.objective_of(chosen) == pytest.approx(instance.optimum, abs=1e-6)
    assert agenda.objective.total == pytest.approx(instance.optimum, abs=1e-6)
    assert {p.start_year for p in agenda.projects if p.is_selected} <= {FIRST_YEAR}


def test_bundled_files_are_the_cited_ones() -> None:
    """The data files hash to the SHA-256 recorded in ``data/SOURCES.md``."""
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for name in ("mknap1.txt", "weing.txt"):
        digest = hashlib.sha256((DATA / name).read_bytes()).hexdigest()
        assert digest in sources, name


def test_parsed_instances_match_the_published_tables() -> None:
    assert [(i.n, i.m) for i in MKNAP1] == [(6, 10), (10, 10), (15, 10), (20, 10), (28, 10), (39, 5), (50, 5)]
    assert [i.optimum for i in MKNAP1] == pytest.approx(PUBLISHED_MKNAP1)
    assert {k: (v.n, v.m) for k, v in WEING.items()} == {
        k: (105 if k in ("WEING7", "WEING8") else 28, 2) for k in PUBLISHED_WEING}
    assert {k: v.optimum for k, v in WEING.items()} == PUBLISHED_WEING
    assert WEING["WEING6"].budgets == (562, 497)


@pytest.mark.parametrize("k", [0, 1, 2], ids=["mknap1-1", "mknap1-2", "mknap1-3"])
def test_published_optimum_by_enumeration(k: int) -> None:
    """Independent of dia: enumerating every subset of the small instances gives the published optimum."""
    instance = MKNAP1[k]
    best = max(instance.objective_of(set(chosen))
               for r in range(instance.n + 1) for chosen in itertools.combinations(range(instance.n), r)
               if instance.is_feasible(set(chosen)))
    assert best == pytest.approx(instance.optimum)


@SOLVERS
@pytest.mark.parametrize("k", range(len(MKNAP1)), ids=[i.name for i in MKNAP1])
def test_mknap1_petersen(solver: str, k: int) -> None:
    """OR-Library mknap1 (Petersen 1967): all 7 published optima through ``dia.plan``."""
    instance = MKNAP1[k]
    options = exact(solver)
    agenda = dia.plan(to_area(instance), options=options)
    _check(instance, agenda, options)


@SOLVERS
@pytest.mark.parametrize("name", sorted(PUBLISHED_WEING))
def test_weing_weingartner_ness(solver: str, name: str) -> None:
    """OR-Library mknap2 WEING1-8 (Weingartner & Ness 1967) through ``dia.plan``."""
    instance = WEING[name]
    options = exact(solver, time_limit=120.0)
    agenda = dia.plan(to_area(instance), options=options)
    _check(instance, agenda, options)


def _write_workbooks(instance: Instance, folder: Path) -> None:
    """The instance as a user would hand it in: dia.yaml plus one partner workbook."""
    from openpyxl import Workbook

    m = instance.m
    config = {
        "name": instance.name,
        "horizon": {"start": FIRST_YEAR, "end": FIRST_YEAR + m - 1},
        "buurten": [{"code": BUURT, "name": "Kapitaalbudget"}],
        "types": [{"id": TYPE, "label": "Project"}],
        "rules": [],
        "weights": {"value": 1.0, "saving": 0.0, "delay": 0.0, "use_sia": False},
        "solver": {"solver": "highs", "gap": 0.0, "time_limit": 120},
    }
    (folder / "dia.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    wb = Workbook()
    projects = wb.active
    assert projects is not None
    projects.title = "Projecten"
    projects.append(["Projectcode", "Partner", "Projectnaam", "Type", "Buurtcode", "Vroegste start",
                     "Laatste start", "Duur", "Kosten", "Waarde"])
    flows = wb.create_sheet("Kasstroom")
    flows.append(["Projectcode", *(f"Jaar {i + 1}" for i in range(m))])
    for j, profit in enumerate(instance.profits):
        profile = [instance.outlays[i][j] for i in range(m)]
        projects.append([project_id(j), PARTNER, f"Item {j + 1}", TYPE, BUURT, FIRST_YEAR, FIRST_YEAR, m,
                         sum(profile), profit])
        flows.append([project_id(j), *profile])
    budget = wb.create_sheet("Budget")
    budget.append(["Partner", "Jaar", "Budget", "Overheveling"])
    for i, b in enumerate(instance.budgets):
        budget.append([PARTNER, FIRST_YEAR + i, b, 0])
    wb.save(folder / f"{PARTNER}.xlsx")


@pytest.mark.parametrize("k", [1], ids=["mknap1-2"])
def test_mknap1_through_the_excel_front_door(k: int, tmp_path: Path) -> None:
    """Petersen's problem 2 (decimal profits, 10 periods) from workbooks: load_area, then plan."""
    instance = MKNAP1[k]
    _write_workbooks(instance, tmp_path)
    area = dia.load_area(tmp_path)
    assert area.projects == to_area(instance).projects
    agenda = dia.plan(area)
    assert agenda.objective.total == pytest.approx(instance.optimum, abs=1e-6)
    assert_valid(area, (), agenda, max_gap=1e-6)
