"""CBC's time limit and what its solution file claims after a stop inside the root LP."""

from __future__ import annotations

from typing import Any, ClassVar

import pulp
import pytest

from dia.coupling import find_couplings
from dia.model import SolverOptions
from dia.solver.build import build_model
from dia.solver.instance import make_instance
from dia.solver.solve import solve
from dia.solver.variables import Model
from tests.conftest import make_tiny_area
from tests.solver.solvers import installed_solvers


def _model() -> Model:
    area = make_tiny_area()
    return build_model(make_instance(area, find_couplings(area).couplings))


class _StoppedInRootLP(pulp.PULP_CBC_CMD):
    """CBC as PuLP 3.3 reads it after a stop inside the root LP: the LP's last iterate, with
    the solution status of an integer solution ("Stopped on iterations - objective value")."""

    made: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, **kwargs: Any) -> None:
        _StoppedInRootLP.made.append(kwargs)
        super().__init__(**kwargs)

    def actualSolve(self, lp: pulp.LpProblem, **kwargs: Any) -> int:
        for var in lp.variables():
            var.varValue = 0.5
        lp.assignStatus(pulp.LpStatusOptimal, pulp.LpSolutionIntegerFeasible)
        return pulp.LpStatusOptimal


def test_a_fractional_point_from_cbc_is_no_agenda(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pulp, "PULP_CBC_CMD", _StoppedInRootLP)
    result = solve(_model(), SolverOptions(solver="cbc", time_limit=5))
    assert result.status == "no_solution"
    assert result.objective is None


@pytest.mark.parametrize(("threads", "mode"), [(1, "cpu"), (2, "elapsed")])
def test_cbc_counts_cpu_seconds_with_one_thread(monkeypatch: pytest.MonkeyPatch, threads: int,
                                                mode: str) -> None:
    # elapsed time is checked only after the root LP, which on large models outlasts the limit
    _StoppedInRootLP.made.clear()
    monkeypatch.setattr(pulp, "PULP_CBC_CMD", _StoppedInRootLP)
    solve(_model(), SolverOptions(solver="cbc", time_limit=5, threads=threads))
    assert [kw["timeMode"] for kw in _StoppedInRootLP.made] == [mode]


@pytest.mark.skipif("cbc" not in installed_solvers(), reason="PuLP's bundled CBC is not available")
def test_an_integral_cbc_solution_is_kept() -> None:
    result = solve(_model(), SolverOptions(solver="cbc", time_limit=30))
    assert result.status == "optimal"
    assert result.objective is not None and result.objective > 0
