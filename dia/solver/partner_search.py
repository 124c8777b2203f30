"""Partner search: re-plan one partner, then two at a time, every other partner's agenda fixed.

A large neighbourhood search whose neighbourhoods follow the DIA's own structure. Each
partner's plan is a small multi-year knapsack that HiGHS solves in a fraction of a second;
the joint model is the product of those knapsacks, linked by koppelkansen, shared funds,
co-financing and dependencies, and branch-and-bound on a product is slow: on the benchmark
family without koppelkansen, 200 projects, the eight partners solved one by one give the
proven optimum (241.0 mln) in 3 s, while the joint MILP reaches 235.9 mln in 10 s with its
bound still at 248.5 mln. So the search frees the start variables of one partner (first
phase) or two (second phase), fixes the rest at the incumbent agenda and lets the solver
re-plan them, koppelkansen with the fixed partners included. Pairs come in order of the
koppelkansen between them, so partners that could work together are re-planned together
first. A phase ends after a round of groups without a better agenda.

Each group's sub-MILP is bounded by effort, not time: it stops at the first agenda better
than the start (``mip_max_improving_sols``), after 50 branch-and-bound nodes, or at a 1 %
gap, so on every machine the same groups find the same agendas and a search that ends by
itself gives the MILP the same start. Only when the time limit cuts the search short does its
result depend on the machine's speed, as any run stopped by its time limit does. A quarter
second per pair instead (the first version) reached 258.4 mln at 200 projects in 10 s but
made the bundled example's optimal agenda differ under load (202.625 against 202.619 mln,
both within the 0.01 % gap).

Measured (benchmark family, seed 0, 2 cores): 200 projects from the LP rounding's 229.7 mln
to 253.0 mln after the partners alone (2.3 s), 255.4 mln by 6 s and, with the time to
finish, 260.3 mln in 38 s (600 s of plain HiGHS reach 259.6 mln); the bundled example to
201.8 mln in 3.8 s, finished (optimum 202.6 mln). At 2,000 projects a partner alone is some
250 projects and the search rarely finishes a group within a 10 s limit.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import pulp

from dia.model import SolverOptions
from dia.solver.heuristic import agenda_value, complete
from dia.solver.submip import sub_mip, warm_start_values
from dia.solver.variables import Model

#: Branch-and-bound nodes after which a pair's sub-MILP stops (an effort limit: the same on
#: every machine; 200 projects, 6 s of search: 248.1 mln at 50 nodes with the solution limit).
PAIR_NODES = 50
#: Improving solutions after which a pair's sub-MILP stops; the start counts as the first, so
#: 2 stops at the first better agenda and the next pair starts from it (200 projects, 6 s:
#: 248.1 mln; without the limit, 240.6 mln: every pair runs its full root first).
PAIR_SOLUTIONS = 2
#: A pair is not started with less time than this left (the solver would return the start).
MIN_PAIR_SECONDS = 0.2
#: Relative gap at which a pair's sub-MILP stops (of the whole objective, as solvers measure it).
PAIR_GAP = 0.01
#: Improvements smaller than this (euro) do not count: they are the solver's tolerances.
MIN_GAIN = 1.0


@dataclass(frozen=True)
class PartnerSearchResult:
    """The best agenda the partner search found and how it got there."""

    starts: dict[str, int]
    """Start year per scheduled project."""
    columns: dict[pulp.LpVariable, float]
    """Every column of the model as the solver left it (a complete MIP start)."""
    value: float
    """Objective of ``starts`` (:func:`dia.solver.heuristic.agenda_value`)."""
    pairs_solved: int
    """Sub-MILPs solved."""
    improvements: int
    """Sub-MILPs that found a better agenda."""
    finished: bool
    """Whether the search ended by itself (a round without a better agenda); False when the
    time limit cut it short, so that its result may depend on the machine's speed."""


def partner_groups(m: Model) -> list[tuple[str, ...]]:
    """The pairs of partners to re-plan, most koppelkansen between them first.

    Only partners that lead a project with a start to choose take part; with a single such
    partner the one group is that partner alone. Ties are broken by the partners' names, so
    the order is the same in every run.
    """
    inst = m.inst
    lead = {p.id: p.partner for p in inst.area.projects}
    free = sorted({lead[pid] for (pid, _s) in m.x})
    if len(free) <= 1:
        return [tuple(free)] if free else []
    between: Counter[tuple[str, str]] = Counter()
    for c in inst.couplings:
        a, b = sorted((lead[c.project_a], lead[c.project_b]))
        if a != b:
            between[(a, b)] += 1
    pairs = sorted(itertools.combinations(free, 2), key=lambda pair: (-between[(pair[0], pair[1])], pair))
    return list(pairs)


def search_phases(m: Model) -> list[list[tuple[str, ...]]]:
    """The groups to re-plan, phase by phase: every partner alone, then the pairs.

    Alone, a partner's sub-MILP is small and quick, and re-planning each partner against the
    others settles most of what the greedy start left (200 projects: 229.7 -> 253.0 mln in
    2.3 s); the pairs then move the projects of two partners together, which a koppelkans
    between them may need (-> 260.3 mln when given the time; 255.4 by 6 s).
    """
    pairs = partner_groups(m)
    if not pairs or len(pairs[0]) == 1:
        return [pairs] if pairs else []  # no partner, or one: it is its own group
    singles: list[tuple[str, ...]] = sorted({(q,) for pair in pairs for q in pair})
    return [singles, pairs]


def partner_search(m: Model, starts: Mapping[str, int], options: SolverOptions,
                   time_limit: float) -> PartnerSearchResult | None:
    """Improve ``starts`` by re-planning two partners at a time, the others fixed.

    Goes through :func:`partner_groups` in rounds, each pair starting from the best agenda so
    far, and stops after a round without a better agenda or when ``time_limit`` seconds are
    spent; a pair the time limit cuts short does not count. Every agenda found is feasible
    for the full model (only bounds are fixed).

    Parameters
    ----------
    m:
        The built model (its bounds are restored after each pair).
    starts:
        A complete, feasible agenda to start from.
    options:
        Solver options of the run (threads, seed; the groups are solved by HiGHS whatever the
        run's solver); groups stop at ``PAIR_GAP``, ``PAIR_NODES`` or ``PAIR_SOLUTIONS``.
    time_limit:
        Seconds for the whole search.

    Returns
    -------
    PartnerSearchResult or None
        The best agenda found, or None when no pair improved on ``starts``.
    """
    t0 = time.perf_counter()
    inst = m.inst
    lead = {p.id: p.partner for p in inst.area.projects}
    # the groups are always solved by HiGHS, in process: the search only looks for a start,
    # and CBC (a subprocess per call, its MPS written each time) took 9 s for the searches of
    # a 16-project area that HiGHS finishes in a fraction of a second
    highs = options.model_copy(update={"solver": "highs"})
    best = dict(starts)
    best_value = agenda_value(inst, best)
    columns: dict[pulp.LpVariable, float] | None = None
    solved = improvements = 0
    finished = True
    for groups in search_phases(m):
        since_better = 0
        for group in itertools.cycle(groups):
            if since_better >= len(groups):
                break  # a round without a better agenda: this phase is done
            left = time_limit - (time.perf_counter() - t0)
            if left < MIN_PAIR_SECONDS:
                finished = False
                break
            freed = set(group)
            fixes = {(pid, s): 1.0 if best.get(pid) == s else 0.0
                     for (pid, s) in m.x if lead[pid] not in freed}
            # the best agenda's every column once a group has found one: HiGHS 1.16 sometimes
            # hands back a partial start's values instead of its solution (see dia.solver.solve),
            # and a complete start avoids that and the cold re-solve it costs
            given = columns if columns is not None else warm_start_values(m, best)
            found = sub_mip(m, fixes, given, highs, left, PAIR_GAP, node_limit=PAIR_NODES,
                            solution_limit=PAIR_SOLUTIONS)
            if time.perf_counter() - t0 >= time_limit:
                finished = False  # cut short: what it found depends on the machine's speed
                break
            solved += 1
            since_better += 1
            if found is None or not complete(inst, found[0]):
                continue
            value = agenda_value(inst, found[0])
            if value > best_value + MIN_GAIN:
                best, columns = found
                best_value = value
                improvements += 1
                since_better = 0
        if not finished:
            break
    if columns is None:
        return None
    return PartnerSearchResult(best, columns, best_value, solved, improvements, finished)
