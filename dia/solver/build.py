"""Build the DIA model: variables, then the constraint families in ``FAMILIES`` order, then
the objective. Read top to bottom, :func:`build_model` is the model's table of contents.
"""

from __future__ import annotations

from collections.abc import Callable

import pulp

from dia.solver import constraints
from dia.solver.instance import Instance
from dia.solver.variables import Model, define_variables

#: Relative size of the tie-breaking term (see :func:`define_objective`).
TIE_BREAK = 1e-3

#: The constraint families, in the order they are added (and documented in docs/model.md).
FAMILIES: tuple[str, ...] = (
    "start_once",
    "mandatory",
    "budget",
    "budget_knapsack",
    "carry_over",
    "fund_amount",
    "fund_project",
    "dependencies",
    "coupling_realisation",
    "saving_cap",
    "nuisance_cap",
)


def family_function(name: str) -> Callable[[Model], None]:
    """The function in :mod:`dia.solver.constraints` that adds family ``name``."""
    fn = getattr(constraints, name, None)
    if fn is None or not callable(fn):
        raise KeyError(f"no constraint family {name!r}")
    return fn


def define_objective(m: Model) -> None:
    """Maximise weighted value plus savings minus the delay penalty.

    The objective is

        max  sum_{p,s} (w_value * sia_p * value_p - pen_{p,s}) * x[p,s]
           + w_saving * sum_c potential_c * sum_{(sa,sb)} z[c,sa,sb]
           + tie

    with ``pen_{p,s} = w_delay * (sia_p * value_p + 0.001 * cost_p) * |s - pref_p|`` where
    ``pref_p`` is the preferred start (the earliest start when none is given; a forced start
    counts as preferred) and ``sia_p`` the SIA weight of the project's buurt (1 when
    ``use_sia`` is off).

    Notes
    -----
    Ties are broken deterministically by project id: ``tie`` adds, per start variable,
    ``1e-3 * ((N - rank_p) / N - 0.1 * (s - earliest_p) / (W_p + 1))`` euro, where ``rank_p`` is
    the project's position in id order, ``N`` the number of projects and ``W_p`` its window
    width. Between otherwise equal agendas the solver thus prefers projects with smaller ids
    and earlier starts. Each ``z[c,sa,sb]`` gets ``1e-3 * potential_c / Σ potential`` euro, so a
    realised saving is credited even when ``w_saving = 0``. The term is below one euro in
    total, so it never outweighs a real
    difference, and it is left out of the reported objective parts. With a relative MIP gap
    tolerance the solver may stop before resolving such sub-euro ties; fixed seeds and thread
    counts make that choice reproducible.

    In the elastic model (explaining infeasibility) the objective instead minimises the
    priced slack, so the explanation shows the smallest violation in the user's terms.
    """
    inst = m.inst
    if m.elastic:
        m.prob.setObjective(pulp.LpAffineExpression(
            [(var, -price) for _family, _key, var, price in m.slack.values()]
        ))
        return
    n = max(1, len(inst.projects))
    terms: list[tuple[pulp.LpVariable, float]] = []
    for p in inst.schedulable:
        width = p.latest_start - p.earliest_start + 1
        for s in inst.starts[p.id]:
            tie = TIE_BREAK * ((n - inst.rank[p.id]) / n - 0.1 * (s - p.earliest_start) / (width + 1))
            terms.append((m.x[(p.id, s)], inst.start_coefficient(p, s) + tie))
    w_saving = inst.area.config.weights.saving
    total_potential = sum(c.potential_saving for c in inst.couplings) or 1.0
    for (ci, _sa, _sb), var in m.z.items():
        potential = inst.couplings[ci].potential_saving
        # the tie term credits every realised saving even when w_saving = 0, so z is never
        # left at 0 for a coupling whose projects do start within its max_gap
        terms.append((var, w_saving * potential + TIE_BREAK * potential / total_potential))
    m.prob.setObjective(pulp.LpAffineExpression(terms))


def build_model(inst: Instance, *, elastic: bool = False, families: tuple[str, ...] = FAMILIES) -> Model:
    """Build the PuLP model of an instance.

    Parameters
    ----------
    inst:
        The planning problem (:func:`dia.solver.instance.make_instance`).
    elastic:
        Add priced slack to the budget, mandatory, dependency and cap rows and minimise it
        (used to explain an infeasible plan).
    families:
        The constraint families to add (all by default; tests build one at a time).

    Returns
    -------
    Model
        The model with its variables, constraint-name map and objective.
    """
    prob = pulp.LpProblem("dia", pulp.LpMaximize)
    m = Model(inst=inst, prob=prob, elastic=elastic)
    define_variables(m)
    for name in families:
        family_function(name)(m)
    define_objective(m)
    return m
