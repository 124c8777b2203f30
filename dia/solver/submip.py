"""Sub-MILPs and MIP starts: the full model with some start variables fixed.

The partner search (``dia.solver.partner_search``) fixes part of the ``x`` to 0 or 1, hands
the rest of the model to the solver with a short time limit and reads back the agenda it
found. Only bounds are tightened, so whatever a sub-MILP finds is feasible for the full model.
"""

from __future__ import annotations

from collections.abc import Mapping

import pulp

from dia.model import SolverOptions
from dia.solver.explain import value_of
from dia.solver.solve import solve
from dia.solver.variables import Model

#: An agenda's start years, the value of every column of the model as the solver left it, and
#: its objective in the model (what the solver reports: the model's own crediting of savings).
Found = tuple[dict[str, int], dict[pulp.LpVariable, float], float]


def warm_start_values(m: Model, starts: Mapping[str, int]) -> dict[pulp.LpVariable, float]:
    """A MIP start from an agenda's start years: every ``x`` at 0 or 1.

    The continuous variables (koppelkansen realised, draws, carry, unspent) are left to the
    solver, which completes the start by solving the LP with ``x`` fixed.
    """
    values: dict[pulp.LpVariable, float] = {var: 0.0 for var in m.x.values()}
    for pid, s in starts.items():
        if (pid, s) in m.x:
            values[m.x[(pid, s)]] = 1.0
    return values


def sub_mip(m: Model, fixes: Mapping[tuple[str, int], float], start: Mapping[pulp.LpVariable, float] | None,
            options: SolverOptions, time_limit: float, gap: float, *,
            node_limit: int | None = None, solution_limit: int | None = None,
            abs_gap: float | None = None) -> Found | None:
    """Solve the MILP with the ``x`` in ``fixes`` fixed; its start years and every column.

    Parameters
    ----------
    m:
        The built model; its bounds are restored before returning, whatever happens.
    fixes:
        Value (0 or 1) per fixed start variable ``(project id, start year)``.
    start:
        MIP start for the solver, or None.
    options:
        Solver options of the run (solver, threads, seed).
    time_limit:
        Seconds for this sub-MILP.
    gap:
        Relative gap at which it stops (of the whole objective, as the solvers measure it).
    node_limit, solution_limit, abs_gap:
        Effort limits and the absolute gap (HiGHS; see :func:`dia.solver.solve.solve`).

    Returns
    -------
    tuple of (start years, column values, objective), or None when the solver found no agenda.
    """
    bounds = {key: (var.lowBound, var.upBound) for key, var in m.x.items()}
    for key, value in fixes.items():
        var = m.x[key]
        var.lowBound = var.upBound = value
    try:
        result = solve(m, options.model_copy(update={"time_limit": time_limit, "gap": gap}), start=start,
                       node_limit=node_limit, solution_limit=solution_limit, abs_gap=abs_gap)
    finally:
        for key, (lo, up) in bounds.items():
            m.x[key].lowBound, m.x[key].upBound = lo, up
    if result.objective is None:
        return None
    columns = {var: value_of(var) for var in m.prob.variables()}
    return {pid: s for (pid, s), var in m.x.items() if value_of(var) > 0.5}, columns, result.objective
