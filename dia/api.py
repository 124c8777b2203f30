"""The notebook-facing ``plan``: apply a scenario, find koppelkansen, optimise."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from dia.model import Agenda, Area, SolverOptions

if TYPE_CHECKING:
    from dia.coupling import CouplingGraph
    from dia.scenarios.model import Scenario

#: Called with (message, fraction done in 0..1 or None) during long steps.
Progress = Callable[[str, float | None], None]


def plan(
    area: Area,
    couplings: CouplingGraph | None = None,
    *,
    scenario: str | os.PathLike[str] | Scenario | None = None,
    options: SolverOptions | None = None,
    progress: Progress | None = None,
) -> Agenda:
    """Plan the joint investment agenda of an area.

    Parameters
    ----------
    area:
        A validated area (:func:`dia.load_area`).
    couplings:
        Koppelkansen of ``area``; found with :func:`dia.find_couplings` when omitted.
        Ignored (recomputed) when a scenario changes the area.
    scenario:
        A scenario file or :class:`~dia.scenarios.model.Scenario` to apply first.
    options:
        Solver options; default: the area's (after the scenario).
    progress:
        Optional callback for progress messages.

    Returns
    -------
    Agenda
        The agenda, with status, gap and timings in ``agenda.run``.

    Raises
    ------
    dia.errors.InfeasibleError
        When the hard constraints conflict; the error says which.

    Examples
    --------
    >>> from dia import load_area, plan, example_path
    >>> agenda = plan(load_area(example_path()))  # doctest: +SKIP
    """
    from dia.coupling import find_couplings
    from dia.solver import plan_agenda

    scenario_name: str | None = None
    if scenario is not None:
        from dia.scenarios.apply import apply_scenario
        from dia.scenarios.load import load_scenario
        from dia.scenarios.model import Scenario as ScenarioModel

        loaded = scenario if isinstance(scenario, ScenarioModel) else load_scenario(scenario)
        area = apply_scenario(area, loaded)
        scenario_name = loaded.name
        couplings = None
    if couplings is None:
        couplings = find_couplings(area)
    return plan_agenda(
        area,
        couplings,
        options=options or area.config.solver,
        progress=progress,
        scenario_name=scenario_name,
    )
