"""OR-Library multi-period capital-budgeting instances, parsed and mapped to a dia area.

The instances are 0/1 multidimensional knapsacks read as capital budgeting
(Weingartner 1963): ``n`` projects, ``m`` periods, project ``j`` needs outlay
``r(i, j)`` in period ``i`` and returns profit ``p(j)``; period ``i`` has budget
``b(i)``::

    max  sum_j p(j) x(j)
    s.t. sum_j r(i, j) x(j) <= b(i)    for every period i
         x(j) in {0, 1}

:func:`to_area` maps one instance onto the DIA model so that the DIA optimum
*is* the knapsack optimum: a horizon of ``m`` years, every project fixed to
start in the first year (window one year wide) and to run ``m`` years with the
cash-flow profile ``r(., j)``, value ``p(j)``, one partner whose budget in year
``i`` is ``b(i)`` with no carry-over, no delay penalty, no SIA weighting, no
couplings, no funds, no caps.

References
----------
J.E. Beasley, "OR-Library: distributing test problems by electronic mail",
*Journal of the Operational Research Society* 41(11) (1990) 1069-1072.
C.C. Petersen (1967), "Computational experience with variants of the Balas
algorithm applied to the selection of R&D projects", *Management Science*
13(9):736-750 (``mknap1``).
H.M. Weingartner and D.N. Ness (1967), "Methods for the solution of the
multi-dimensional 0/1 knapsack problem", *Operations Research* 15:83-103
(``WEING1``-``WEING8`` of ``mknap2``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dia.model import (
    Area,
    AreaConfig,
    Budget,
    Buurt,
    Horizon,
    Project,
    ProjectType,
    SolverOptions,
    Weights,
)

DATA = Path(__file__).resolve().parent / "data"

#: First calendar year of every converted instance (any year works; this one is in range).
FIRST_YEAR = 2030
PARTNER = "Investeerder"
BUURT = "BU00000001"
TYPE = "project"


@dataclass(frozen=True)
class Instance:
    """One capital-budgeting instance: profits, outlays per period, budgets, published optimum."""

    name: str
    profits: tuple[float, ...]
    """p(j), one per project."""
    outlays: tuple[tuple[float, ...], ...]
    """r(i, j): one row per period i, one column per project j."""
    budgets: tuple[float, ...]
    """b(i), one per period."""
    optimum: float

    @property
    def n(self) -> int:
        return len(self.profits)

    @property
    def m(self) -> int:
        return len(self.budgets)

    def objective_of(self, chosen: set[int]) -> float:
        """Profit of a set of project indices (0-based)."""
        return sum(self.profits[j] for j in chosen)

    def is_feasible(self, chosen: set[int]) -> bool:
        """Whether a set of project indices fits every period's budget."""
        return all(
            sum(row[j] for j in chosen) <= b + 1e-9
            for row, b in zip(self.outlays, self.budgets, strict=True)
        )


def _numbers(text: str) -> list[float]:
    return [float(t) for t in text.split()]


def _take(tokens: list[float], pos: int, count: int) -> tuple[tuple[float, ...], int]:
    if pos + count > len(tokens):
        raise ValueError(f"truncated instance: need {count} numbers at token {pos}, have {len(tokens) - pos}")
    return tuple(tokens[pos:pos + count]), pos + count


def parse_mknap1(text: str) -> list[Instance]:
    """Parse OR-Library ``mknap1.txt`` (format of ``mknapinfo.html``).

    Layout, as one token stream: K; then per problem ``n m optimum``, the ``n``
    profits, ``m`` rows of ``n`` outlays, the ``m`` budgets.

    Parameters
    ----------
    text:
        The file's content.

    Returns
    -------
    list of Instance
        Named ``mknap1-1`` .. ``mknap1-K``.

    Raises
    ------
    ValueError
        When the stream is truncated or has numbers left over.
    """
    tokens = _numbers(text)
    count = int(tokens[0])
    pos = 1
    out: list[Instance] = []
    for k in range(1, count + 1):
        (n_f, m_f, optimum), pos = _take(tokens, pos, 3)
        n, m = int(n_f), int(m_f)
        profits, pos = _take(tokens, pos, n)
        rows = []
        for _ in range(m):
            row, pos = _take(tokens, pos, n)
            rows.append(row)
        budgets, pos = _take(tokens, pos, m)
        out.append(Instance(f"mknap1-{k}", profits, tuple(rows), budgets, optimum))
    if pos != len(tokens):
        raise ValueError(f"{len(tokens) - pos} numbers left over after {count} problems")
    return out


_BLOCK = re.compile(r"problem\s+(\w+)\.DAT\s*\n\s*\++\s*\n(.*?)(?:\n\s*\++|\Z)", re.S)


def parse_mknap2(text: str) -> dict[str, Instance]:
    """Parse the blocks of OR-Library ``mknap2.txt`` (Heitkoetter's collection).

    Each block reads ``problem NAME.DAT``, a ``+++`` line, then ``m n``, the
    ``n`` profits, the ``m`` capacities, ``m`` rows of ``n`` outlays and the
    known optimum.

    Parameters
    ----------
    text:
        The file's content (or an excerpt holding whole blocks).

    Returns
    -------
    dict of str to Instance
        Keyed by the problem name without ``.DAT``, e.g. ``WEING1``.

    Raises
    ------
    ValueError
        When a block does not have exactly the numbers its header announces.
    """
    out: dict[str, Instance] = {}
    for match in _BLOCK.finditer(text):
        name, body = match.group(1), match.group(2)
        tokens = _numbers(body)
        m, n = int(tokens[0]), int(tokens[1])
        pos = 2
        profits, pos = _take(tokens, pos, n)
        budgets, pos = _take(tokens, pos, m)
        rows = []
        for _ in range(m):
            row, pos = _take(tokens, pos, n)
            rows.append(row)
        (optimum,), pos = _take(tokens, pos, 1)
        if pos != len(tokens):
            raise ValueError(f"{name}: {len(tokens) - pos} numbers left over")
        out[name] = Instance(name, profits, tuple(rows), budgets, optimum)
    return out


def load_mknap1() -> list[Instance]:
    """The 7 instances of the bundled ``tests/solver/data/mknap1.txt``."""
    return parse_mknap1((DATA / "mknap1.txt").read_text(encoding="ascii"))


def load_weing() -> dict[str, Instance]:
    """WEING1-WEING8 from the bundled excerpt ``tests/solver/data/weing.txt`` of ``mknap2.txt``."""
    return parse_mknap2((DATA / "weing.txt").read_text(encoding="ascii"))


def project_id(j: int) -> str:
    """Project code of item ``j`` (0-based), zero-padded so ids sort as the items do."""
    return f"P{j + 1:03d}"


def to_area(instance: Instance) -> Area:
    """Map a capital-budgeting instance onto a DIA area whose optimum is the instance's.

    Parameters
    ----------
    instance:
        The instance.

    Returns
    -------
    Area
        Horizon ``FIRST_YEAR`` .. ``FIRST_YEAR + m - 1``; project ``P{j+1:03d}``
        starts in ``FIRST_YEAR`` exactly, runs ``m`` years with profile
        ``r(., j)`` and has value ``p(j)``; partner ``Investeerder`` has budget
        ``b(i)`` in year ``FIRST_YEAR + i`` and carry-over 0. Objective weights:
        value 1, saving 0, delay 0, no SIA weighting. Solver options ask for a
        proven optimum (gap 0).
    """
    m = instance.m
    config = AreaConfig(
        name=instance.name,
        horizon=Horizon(start=FIRST_YEAR, end=FIRST_YEAR + m - 1),
        buurten=(Buurt(code=BUURT, name="Kapitaalbudget"),),
        types=(ProjectType(id=TYPE, label="Project"),),
        weights=Weights(value=1.0, saving=0.0, delay=0.0, use_sia=False),
        solver=SolverOptions(gap=0.0, time_limit=120.0),
    )
    projects = []
    for j, profit in enumerate(instance.profits):
        profile = tuple(instance.outlays[i][j] for i in range(m))
        projects.append(Project(
            id=project_id(j), partner=PARTNER, name=f"Item {j + 1}", type=TYPE, buurt=BUURT,
            earliest_start=FIRST_YEAR, latest_start=FIRST_YEAR, duration=m,
            cost=sum(profile), profile=profile, value=profit,
        ))
    budgets = [Budget(partner=PARTNER, year=FIRST_YEAR + i, amount=b, carry_over=0.0)
               for i, b in enumerate(instance.budgets)]
    return Area(config=config, projects=tuple(projects), budgets=tuple(budgets))
