"""The MILP solvers installed here, for parametrising solver tests (as linopy does)."""

from __future__ import annotations

import warnings
from functools import cache

import pulp
import pytest

from dia.model import SolverOptions


@cache
def installed_solvers() -> tuple[str, ...]:
    """Names accepted by ``SolverOptions.solver`` whose solver PuLP can run here."""
    out = []
    if pulp.HiGHS(msg=False).available():
        out.append("highs")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # PuLP 3 deprecates its bundled CBC
        if pulp.PULP_CBC_CMD(msg=False).available():
            out.append("cbc")
    return tuple(out)


#: ``@SOLVERS`` parametrises a test over the installed solvers (argument ``solver``).
SOLVERS = pytest.mark.parametrize(
    "solver", [pytest.param(s, id=s) for s in ("highs", "cbc")
               if s in installed_solvers()] or [pytest.param("highs", marks=pytest.mark.skip("no solver"))],
)


def exact(solver: str, time_limit: float = 60.0) -> SolverOptions:
    """Options that ask ``solver`` for a proven optimum (relative gap 0), one thread, seed 0."""
    return SolverOptions(solver=solver, gap=0.0, time_limit=time_limit, threads=1, seed=0)  # type: ignore[arg-type]
