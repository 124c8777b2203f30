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
from dia.solver.submip import warm_start_values

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


def test_a_start_valued_above_what_the_budgets_allow_is_not_kept_over_the_solver() -> None:
    """Found by hypothesis (test_bruteforce, CBC): the greedy estimate credits both
    koppelkansen of A-01 at 95 % (2,047.6), but A-03 only fits when its own koppelkans saves
    its whole cost, so the model's best is 2,000; valuing the search's agenda by the estimate
    kept it over the solver's proven optimum, with an objective above the bound."""
    from dia.model import (
        AreaConfig,
        Budget,
        Buurt,
        CostShare,
        CouplingRule,
        Horizon,
        Project,
        ProjectType,
        Weights,
    )
    from dia.solver import plan_agenda
    from tests.checker import assert_valid

    types = tuple(ProjectType(id=t, label=t, is_street_work=t in ("riolering", "herinrichting"))
                  for t in ("riolering", "herinrichting", "renovatie"))
    rules = (CouplingRule(id="riool-straat", types=("herinrichting", "riolering"), scope="same_street",
                          max_gap=0, saving_pct=20.0, saving_base="smaller"),
             CouplingRule(id="renovatie-buurt", types=("herinrichting", "renovatie"), scope="same_buurt",
                          max_gap=0, saving_pct=100.0, saving_base="sum"))
    config = AreaConfig(name="Proefwijk", horizon=Horizon(start=2030, end=2032),
                        buurten=(Buurt(code="BU00010001", name="Buurt 1", sia_weight=0.5),),
                        types=types, rules=rules,
                        weights=Weights(value=1.0, saving=0.5, delay=0.0, use_sia=False))
    half = (CostShare(partner="Alfa Wonen", fraction=0.5), CostShare(partner="Gemeente", fraction=0.5))

    def project(pid: str, kind: str, cost: float, profile: tuple[float, ...], value: float = 0.0,
                shares: tuple[CostShare, ...] = half, mandatory: bool = False) -> Project:
        return Project(id=pid, partner="Alfa Wonen", name=pid, type=kind, buurt="BU00010001",
                       streets=("Lindelaan",), earliest_start=2030, latest_start=2030, duration=len(profile),
                       cost=cost, profile=profile, value=value, shares=shares, is_mandatory=mandatory)

    area = Area(config=config, projects=(
        project("A-01", "herinrichting", 1000.0, (1000.0,)),
        project("A-02", "riolering", 3000.0, (3000.0, 0.0, 0.0), shares=(), mandatory=True),
        project("A-03", "renovatie", 1000.0, (0.0, 1000.0), value=1000.0),
    ), budgets=(Budget(partner="Alfa Wonen", year=2030, amount=3000.0),
                Budget(partner="Gemeente", year=2030, amount=0.0)))
    couplings = [
        Coupling(project_a="A-01", project_b="A-02", rule="riool-straat", overlap="street",
                 street="lindelaan", buurt="BU00010001", max_gap=0, common_years=(2030,),
                 potential_saving=200.0, share_a=0.25),
        Coupling(project_a="A-01", project_b="A-03", rule="renovatie-buurt", overlap="buurt",
                 buurt="BU00010001", max_gap=0, common_years=(2030,), potential_saving=2000.0, share_a=0.5),
    ]
    for solver in ("highs", "cbc"):
        agenda = plan_agenda(area, couplings, options=SolverOptions(solver=solver, gap=0.0, time_limit=60))  # type: ignore[arg-type]
        assert agenda.run.status == "optimal" and agenda.objective.total == pytest.approx(2000.0, abs=0.01)
        assert_valid(area, couplings, agenda)


def test_each_group_stops_at_the_run_s_gap_of_its_own_part(monkeypatch: pytest.MonkeyPatch) -> None:
    # a relative gap of the whole objective lets a group stop before it gains anything the
    # run's gap counts (0.5 % of 2,000 projects is more than one partner can gain): each
    # group gets the run's gap of its own part, in euro
    from dia.solver import partner_search as search_module

    area, couplings = make_instance(60, 0)
    inst = solver_instance(area, couplings)
    m = build_model(inst)
    start = greedy_starts(inst)
    seen: list[tuple[float, float | None]] = []
    real = search_module.sub_mip

    def recording(*args: object, **kwargs: object) -> object:
        seen.append((args[5], kwargs.get("abs_gap")))  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search_module, "sub_mip", recording)
    options = OPTIONS.model_copy(update={"gap": 0.01})
    partner_search(m, start, options, 60.0)
    whole = agenda_value(inst, start)
    assert seen and all(rel == 0.0 for rel, _ in seen)
    first_partner = search_phases(m)[0][0][0]
    part = sum(inst.weighted_value(p) for p in area.projects
               if p.partner == first_partner and p.id in start)
    assert seen[0][1] == pytest.approx(0.01 * part)
    assert all(gap is not None and 1.0 <= gap < 0.01 * whole for _, gap in seen)


def test_an_absolute_gap_stops_highs_at_a_start_within_it() -> None:
    area, couplings = make_instance(60, 0)
    inst = solver_instance(area, couplings)
    m = build_model(inst)
    start = greedy_starts(inst)
    exact = OPTIONS.model_copy(update={"gap": 0.0})
    found = solve(m, exact, start=warm_start_values(m, start), abs_gap=1e12)
    assert found.objective == pytest.approx(agenda_value(inst, start), abs=1.0)
    assert solve(m, exact, start=warm_start_values(m, start), abs_gap=1.0).objective > found.objective + 1.0


def test_singles_go_round_until_nothing_improves_and_pairs_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from dia.solver import partner_search as search_module

    area, couplings = make_instance(60, 3)  # a pair improves in the first round (old rule: 52 pair solves)
    inst = solver_instance(area, couplings)
    m = build_model(inst)
    lead = {p.id: p.partner for p in area.projects}
    order: list[tuple[str, ...]] = []
    real = search_module.sub_mip

    def recording(*args: object, **kwargs: object) -> object:
        fixes = args[1]
        fixed = {lead[pid] for (pid, _s) in fixes}  # type: ignore[attr-defined]
        order.append(tuple(sorted({lead[pid] for (pid, _s) in m.x} - fixed)))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search_module, "sub_mip", recording)
    found = partner_search(m, greedy_starts(inst), OPTIONS, 60.0)
    assert found is not None and found.finished
    singles, pairs = search_phases(m)
    n_singles = len(order) - len(pairs)
    assert order[n_singles:] == pairs, "each linked pair once, in order, after the singles"
    assert all(len(group) == 1 for group in order[:n_singles]) and set(order[:n_singles]) == set(singles)
    # the greedy start of this area improves in the first round, so a second round confirms it
    assert n_singles >= 2 * len(singles)
