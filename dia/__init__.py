"""dia: the Dynamic Investment Agenda (Dynamische Investeringsagenda) engine.

Public API (imported lazily so ``dia --help`` and ``dia validate`` start fast)::

    from dia import load_area, find_couplings, plan, compare, export
    area = load_area("examples/twekkelerveld")
    graph = find_couplings(area)
    agenda = plan(area, scenario="scenarios/bezuiniging-20.yaml")
    export(agenda, "out/")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> module that defines it
_API: dict[str, str] = {
    "load_area": "dia.io.area",
    "find_couplings": "dia.coupling",
    "plan": "dia.api",
    "apply_scenario": "dia.scenarios.apply",
    "load_scenario": "dia.scenarios.load",
    "compare": "dia.scenarios.compare",
    "export": "dia.report",
    "example_path": "dia.examples",
}

__all__ = [
    "__version__",
    "apply_scenario",
    "compare",
    "example_path",
    "export",
    "find_couplings",
    "load_area",
    "load_scenario",
    "plan",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from dia.api import plan
    from dia.coupling import find_couplings
    from dia.examples import example_path
    from dia.io.area import load_area
    from dia.report import export
    from dia.scenarios.apply import apply_scenario
    from dia.scenarios.compare import compare
    from dia.scenarios.load import load_scenario


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'dia' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
