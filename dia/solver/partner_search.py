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
first. The singles go round until a round brings nothing better; the pairs get one round.

Each group's sub-MILP is bounded by effort, not time: it stops at the first agenda better
than the start (``mip_max_improving_sols``), after 50 branch-and-bound nodes, or at the run's
gap of the group's own part of the objective (:func:`group_gap`), so on every machine the
same groups find the same agendas and a search that ends by itself gives the MILP the same
start. Only when the time limit cuts the search short does its result depend on the
machine's speed, as any run stopped by its time limit does. A quarter second per pair
instead (the first version) made the bundled example's optimal agenda differ under load
(202.625 against 202.619 mln, both within the 0.01 % gap). A fixed 1 % gap per group (the
second), and later the run's own gap of the whole objective, let every group at 2,000
projects stop at once: 1 % (or the benchmark's 0.5 %) of the whole objective is more than
one partner can gain.

Measured (benchmark family, seed 0, 2 cores, default gap): 200 projects from the LP
rounding's 229.7 mln to 258.6 mln in a 10 s run and 260.7 mln when the search may finish
(56 s; 600 s of plain HiGHS reach 259.6 mln); 2,000 projects from 2,621.2 to 2,628.5 mln in
a 10 s run and 2,657.6 mln in a 60 s one (gap 0.95 %, was 2.4 %); the bundled example to
202.13 mln in 7 s (optimum 202.63 mln).
"""

from __future__ import annotations

import itertools
import math
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import pulp

from dia.model import SolverOptions
from dia.solver.heuristic import agenda_value, complete
from dia.solver.submip import sub_mip, warm_start_values
from dia.solver.variables import Model

#: Branch-and-bound nodes after which a group's sub-MILP stops (an effort limit: the same on
#: every machine; 200 projects, 6 s of pairs only: 248.1 mln at 50 nodes with the solution limit).
PAIR_NODES = 50
#: Improving solutions after which a group's sub-MILP stops; the start counts as the first, so
#: 2 stops at the first better agenda and the next group starts from it (200 projects, 6 s of
#: pairs only: 248.1 mln; without the limit, 240.6 mln: every pair runs its full root first).
PAIR_SOLUTIONS = 2
#: A group is not started with less time than this left (the solver would return the start).
MIN_PAIR_SECONDS = 0.2
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
    """Objective of ``starts`` in the model, as the solver reported it."""
    pairs_solved: int
    """Sub-MILPs solved (groups of one partner or two)."""
    improvements: int
    """Sub-MILPs that found a better agenda."""
    finished: bool
    """Whether the search ended by itself (the singles' last round without a better agenda,
    the pairs' one round done); False when the time limit cut it short, so that its result
    may depend on the machine's speed."""


def partner_groups(m: Model) -> list[tuple[str, ...]]:
    """The pairs of partners to re-plan together, most links between them first.

    A pair is linked by koppelkansen between their projects, a co-financed project of one
    that the other pays part of, or a dependency across them: what re-planning each partner
    alone cannot move. Only partners that lead a project with a start to choose take part.
    Ties are broken by the partners' names, so the order is the same in every run.
    """
    inst = m.inst
    lead = {p.id: p.partner for p in inst.area.projects}
    free = set(_free_partners(m))
    between: Counter[tuple[str, str]] = Counter()
    links = [(lead[c.project_a], lead[c.project_b]) for c in inst.couplings]
    for p in inst.area.projects:
        links += [(p.partner, share.partner) for share in p.shares]
        links += [(p.partner, lead[r]) for r in p.after if r in lead]
    for q, r in links:
        if q != r and q in free and r in free:
            between[(min(q, r), max(q, r))] += 1
    ordered = sorted(between.items(), key=lambda item: (-item[1], item[0]))
    return [pair for pair, _count in ordered]


def _free_partners(m: Model) -> list[str]:
    """The partners that lead a project with a start year to choose, by name."""
    lead = {p.id: p.partner for p in m.inst.area.projects}
    return sorted({lead[pid] for (pid, _s) in m.x})


def search_phases(m: Model) -> list[list[tuple[str, ...]]]:
    """The groups to re-plan, phase by phase: every partner alone, then the linked pairs.

    Alone, a partner's sub-MILP is small and quick, and re-planning each partner against the
    others settles most of what the greedy start left (200 projects: 229.7 -> 253.0 mln in
    2.3 s); the pairs then move the projects of two partners together, which a koppelkans
    between them may need.
    """
    singles: list[tuple[str, ...]] = [(q,) for q in _free_partners(m)]
    return [phase for phase in (singles, partner_groups(m)) if phase]


def group_gap(m: Model, starts: Mapping[str, int], freed: set[str], gap: float) -> float:
    """The euro within which a group's sub-MILP may stop: the run's gap of the group's own part.

    The part is the SIA-weighted value of the freed partners' projects in ``starts``. The
    solvers measure a relative gap against the whole objective, of which one or two partners
    hold a fraction, so a group given the run's relative gap could stop before gaining
    anything the gap counts: 0.5 % of a 2,000-project agenda (13 mln) is more than most
    partners can gain, and every group stopped at its root. Measured against the group's own
    part (benchmark family, seed 0): 2,000 projects, 0.5 %, 60 s: 1.67 % -> 0.91 % gap
    (2,639.0 -> 2,658.8 mln); 10 s: 2.38 % -> 2.16 %; 200 projects, 1 %, 10 s: 9.43 % ->
    8.17 % (``benchmarks/bench_solver.py``); the bundled example at its default 0.01 %
    unchanged (same agenda and time), at 1 % a better agenda (202.38 against 201.67 mln)
    in 15.6 s instead of 12.9 s.
    Never below ``MIN_GAIN`` (the solver's tolerances).
    """
    by_id = m.inst.area.project_by_id
    part = sum(m.inst.weighted_value(by_id[pid]) for pid in starts if by_id[pid].partner in freed)
    return max(MIN_GAIN, gap * part)


def partner_search(m: Model, starts: Mapping[str, int], options: SolverOptions,
                   time_limit: float) -> PartnerSearchResult | None:
    """Improve ``starts`` by re-planning each partner, then each linked pair, the others fixed.

    Goes through the phases of :func:`search_phases`, each group starting from the best
    agenda so far: the singles in rounds until a round without a better agenda, the pairs in
    one round; the search also ends when ``time_limit`` seconds are spent; a group the time
    limit cuts short does not count. Every agenda found is feasible for the full model (only
    bounds are fixed).

    Parameters
    ----------
    m:
        The built model (its bounds are restored after each group).
    starts:
        A complete, feasible agenda to start from.
    options:
        Solver options of the run (gap, threads, seed; the groups are solved by HiGHS whatever
        the run's solver); a group stops at :func:`group_gap`, ``PAIR_NODES`` or
        ``PAIR_SOLUTIONS``.
    time_limit:
        Seconds for the whole search.

    Returns
    -------
    PartnerSearchResult or None
        The best agenda found (at least as good as ``starts``), or None when no group returned
        an agenda (the time limit ended the search first).
    """
    t0 = time.perf_counter()
    inst = m.inst
    lead = {p.id: p.partner for p in inst.area.projects}
    # the groups are always solved by HiGHS, in process: the search only looks for a start,
    # and CBC (a subprocess per call, its MPS written each time) took 9 s for the searches of
    # a 16-project area that HiGHS finishes in a fraction of a second
    highs = options.model_copy(update={"solver": "highs"})
    best = dict(starts)
    # agendas are compared by the objective the solver reports for them (the model's own
    # crediting of savings), not by the greedy's estimate, which can credit two koppelkansen
    # of one project more than the budgets allow: the first group, warm-started from
    # ``starts``, reports at least the start's true value
    best_value = -math.inf
    columns: dict[pulp.LpVariable, float] | None = None
    solved = improvements = 0
    finished = True
    for phase_no, groups in enumerate(search_phases(m)):
        # the singles go round until a round brings nothing better; the pairs, each a larger
        # sub-MILP, get one round, and the MILP the time a second would take: it ends on the
        # same agenda or a better one (example 27.5 -> 23.4 s, same agenda; 100 projects, 60 s:
        # 83.58 -> 84.06 mln)
        since_better = 0
        for group in itertools.cycle(groups) if phase_no == 0 else iter(groups):
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
            found = sub_mip(m, fixes, given, highs, left, 0.0, node_limit=PAIR_NODES,
                            solution_limit=PAIR_SOLUTIONS, abs_gap=group_gap(m, best, freed, options.gap))
            if time.perf_counter() - t0 >= time_limit:
                finished = False  # cut short: what it found depends on the machine's speed
                break
            solved += 1
            since_better += 1
            if found is None or not complete(inst, found[0]):
                continue
            if found[2] > best_value + MIN_GAIN:
                if columns is not None or found[2] > agenda_value(inst, starts) + MIN_GAIN:
                    improvements += 1
                best, columns, best_value = found
                since_better = 0
        if not finished:
            break
    if columns is None:
        return None
    return PartnerSearchResult(best, columns, best_value, solved, improvements, finished)
