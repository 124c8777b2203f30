"""The partner search: pairs of partners in a fixed order, every agenda it returns feasible and
better than its start, and on two partners (one pair: the whole model) the MILP's optimum."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.instances import make_instance
from dia.model import Area, CostShare, Coupling, SolverOptions
from dia.solver import plan as plan_module
from dia.solver.build import build_model
from dia.solver.heuristic import agenda_value, complete, greedy_starts
from dia.solver.instance import make_instance as solver_instance
from dia.solver.partner_search import partner_groups, partner_search, search_phases
from dia.solver.plan import solve_instance
from dia.solver.solve import solve

OPTIONS = SolverOptions(time_limit=60, gap=1e-4, seed=0)


def _only(area: Area, couplings: list[Coupling], partners: set[str]) -> tuple[Area, list[Coupling]]:
    """The part of a benchmark area that belongs to ``partners``."""
    projects = tuple(p for p in area.projects if p.partner in partners)
    ids = {p.id for p in projects}
    sub = Area(config=area.config, projects=projects,
               budgets=tuple(b for b in area.budgets if b.partner in partners))
    return sub, [c for c in couplings if c.project_a in ids and c.project_b in ids]


def test_pairs_are_the_linked_ones_most_koppelkansen_first_in_a_fixed_order() -> None:
    area, couplings = make_instance(60, 0)
    m = build_model(solver_instance(area, couplings))
    groups = partner_groups(m)
    lead = {p.id: p.partner for p in area.projects}
    between = Counter(tuple(sorted((lead[c.project_a], lead[c.project_b]))) for c in couplings)
    # the benchmark family links partners only by koppelkansen (no co-financing, no dependencies)
    assert sorted(groups) == sorted(pair for pair in between if pair[0] != pair[1])
    keys = [(-between[g], g) for g in groups]
    assert keys == sorted(keys)
    assert between[groups[0]] > between[groups[-1]]
    assert partner_groups(build_model(solver_instance(area, couplings))) == groups


def test_co_financing_and_dependencies_link_partners_too() -> None:
    area, _couplings = make_instance(60, 0)
    a = next(p for p in area.projects if p.partner == "Vitens")
    b = next(p for p in area.projects if p.partner == "Provincie")
    c = next(p for p in area.projects if p.partner == "Domijn")
    linked = area.model_copy(update={"projects": tuple(
        p.model_copy(update={"shares": (CostShare(partner="Vitens", fraction=0.5),
                                        CostShare(partner="Provincie", fraction=0.5))}) if p.id == b.id
        else p.model_copy(update={"after": (a.id,)}) if p.id == c.id else p
        for p in area.projects)})
    groups = partner_groups(build_model(solver_instance(linked, [])))
    # one link each, so by name: Domijn depends on Vitens, Vitens co-finances Provincie
    assert groups == [("Domijn", "Vitens"), ("Provincie", "Vitens")]


def test_a_single_partner_is_re_planned_alone_with_no_pairs() -> None:
    area, couplings = make_instance(60, 0)
    sub, sub_couplings = _only(area, couplings, {"Gemeente"})
    m = build_model(solver_instance(sub, sub_couplings))
    assert partner_groups(m) == []
    assert search_phases(m) == [[("Gemeente",)]]


def test_partners_are_re_planned_alone_first_then_in_pairs() -> None:
    area, couplings = make_instance(60, 0)
    m = build_model(solver_instance(area, couplings))
    singles, pairs = search_phases(m)
    assert singles == sorted((q,) for q in {p.partner for p in area.projects})
    assert pairs == partner_groups(m)


@pytest.mark.parametrize("seed", [0, 1])
def test_the_search_returns_a_better_agenda_the_model_accepts(seed: int) -> None:
    area, couplings = make_instance(60, seed)
    inst = solver_instance(area, couplings)
    m = build_model(inst)
    start = greedy_starts(inst)
    assert complete(inst, start)
    found = partner_search(m, start, OPTIONS, 60.0)
    assert found is not None, "the greedy start of a lumpy area can be improved"
    assert found.value > agenda_value(inst, start) + 1.0
    assert found.improvements >= 1 and found.finished
    assert found.pairs_solved >= sum(len(phase) for phase in search_phases(m))
    assert complete(inst, found.starts)
    # only bounds were fixed: the model accepts the agenda, worth at least what the search claims
    fixed = plan_module._fix_to(m, found.starts, OPTIONS)
    assert fixed is not None and fixed >= found.value - 1.0
    # every x bound is restored after the search
    assert all(var.lowBound == 0 and var.upBound == 1 for var in m.x.values())


def test_two_partners_come_within_one_percent_of_the_milp_optimum() -> None:
    area, couplings = make_instance(80, 0)
    sub, sub_couplings = _only(area, couplings, {"Gemeente", "Domijn"})
    inst = solver_instance(sub, sub_couplings)
    m = build_model(inst)
    optimum = solve(m, OPTIONS)
    assert optimum.status == "optimal" and optimum.objective is not None
    found = partner_search(m, greedy_starts(inst), OPTIONS, 60.0)
    best = found.value if found is not None else agenda_value(inst, greedy_starts(inst))
    assert best >= 0.99 * optimum.objective


def test_a_search_that_ends_by_itself_does_not_depend_on_its_time() -> None:
    # pairs are bounded by effort (nodes, improving solutions, gap), not by seconds: a search
    # with five times the time finds exactly the same agendas in the same pairs
    area, couplings = make_instance(60, 2)
    runs = []
    for budget in (60.0, 300.0):
        inst = solver_instance(area, couplings)
        m = build_model(inst)
        found = partner_search(m, greedy_starts(inst), OPTIONS, budget)
        assert found is not None and found.finished
        runs.append((found.starts, found.pairs_solved, found.improvements))
    assert runs[0] == runs[1]


def test_the_pipeline_hands_the_search_result_to_the_milp() -> None:
    area, couplings = make_instance(60, 0)
    inst = solver_instance(area, couplings)
    m = build_model(inst)
    result, stats = solve_instance(m, OPTIONS.model_copy(update={"time_limit": 20}))
    assert "partner search" in stats.candidates
    assert stats.candidates["partner search"] > stats.candidates["greedy"]
    assert stats.partner_seconds > 0 and stats.partner_search_finished is True
    assert result.objective is not None and result.objective >= stats.candidates["partner search"] - 1.0
