"""The optimiser: the joint investment agenda as a mixed-integer linear programme (PuLP).

Only this package imports :mod:`pulp`. The model is documented in ``docs/model.md``; one
function per constraint family lives in :mod:`dia.solver.constraints`, and
:data:`dia.solver.build.FAMILIES` sets their order.

Public API::

    from dia.solver import plan_agenda, baseline_agenda
    agenda = plan_agenda(area, couplings, options=SolverOptions(time_limit=30))
    base = baseline_agenda(area, couplings)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dia.solver.baseline import baseline_agenda
    from dia.solver.build import FAMILIES
    from dia.solver.plan import plan_agenda

__all__ = ["FAMILIES", "baseline_agenda", "plan_agenda"]

#: Where each public name lives. Loaded on first use (PEP 562), so that importing a light
#: submodule such as :mod:`dia.solver.texts` (the report's status words) does not load pulp.
_HOME = {"FAMILIES": "dia.solver.build", "baseline_agenda": "dia.solver.baseline",
         "plan_agenda": "dia.solver.plan"}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
