"""The warm-start heuristics: the coordinated greedy credits koppelkans savings as the model
does, every agenda it builds is a feasible MIP start, and an LP bound that proves the start
within the gap ends the solve early."""

from __future__ import annotations

import pytest

from benchmarks.instances import make_instance
from dia.model import Area, Budget, Coupling, Horizon, Project, SolverOptions
from dia.solver import plan as plan_module
from dia.solver import plan_agenda
from dia.solver.build import build_model
from dia.solver.explain import budget_duals, value_of
from dia.solver.heuristic import agenda_value, complete, greedy_starts
from dia.solver.instance import make_instance as solver_instance
from tests.checker import assert_valid
from tests.conftest import make_config


def _pair_area(budget: float) -> tuple[Area, list[Coupling]]:
    """Two partners, one project each, both to start in 2027 and coupled (saving 200,000 split
    50/50); the projects cost 1 mln in one year; the Gemeente has 1 mln a year, Domijn
    ``budget``."""
    config = make_config(horizon=Horizon(start=2026, end=2028))
    projects = (
        Project(id="A-1", partner="Gemeente", name="Riool", type="riolering", buurt="BU01530300",
                earliest_start=2027, latest_start=2027, duration=1, cost=1_000_000, value=1_500_000),
        Project(id="B-1", partner="Domijn", name="Straat", type="herinrichting", buurt="BU01530300",
                earliest_start=2027, latest_start=2027, duration=1, cost=1_000_000, value=1_500_000),
    )
    budgets = tuple(Budget(partner=q, year=y, amount=amount)
                    for q, amount in (("Gemeente", 1_000_000), ("Domijn", budget)) for y in range(2026, 2029))
    coupling = Coupling(project_a="A-1", project_b="B-1", rule="riool-straat", overlap="buurt",
                        buurt="BU01530300", max_gap=0, common_years=(2027,), potential_saving=200_000,
                        share_a=0.5)
    return Area(config=config, projects=projects, budgets=budgets), [coupling]


def test_greedy_places_a_project_that_fits_only_with_its_koppelkans_saving() -> None:
    # B-1 needs 1 mln but Domijn has 0.9 mln: it fits once A-1 is placed (saving 0.1 mln each)
    area, couplings = _pair_area(900_000)
    inst = solver_instance(area, couplings)
    starts = greedy_starts(inst)
    assert starts == {"A-1": 2027, "B-1": 2027}
    agenda = plan_agenda(area, couplings)
    assert {p.project_id: p.start_year for p in agenda.projects if p.is_selected} == starts
    assert_valid(area, couplings, agenda)


def test_greedy_does_not_count_more_saving_than_the_koppelkans_brings() -> None:
    # 0.89 mln is too little for B-1 even with its 0.1 mln saving
    area, couplings = _pair_area(890_000)
    assert greedy_starts(solver_instance(area, couplings)) == {"A-1": 2027}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_greedy_agenda_is_a_feasible_start_worth_what_it_claims(seed: int) -> None:
    area, couplings = make_instance(60, seed)
    inst = solver_instance(area, couplings)
    m = build_model(inst)
    options = SolverOptions(time_limit=30)
    _lp, duals = budget_duals(m, options)
    guide = {key: value_of(var) for key, var in m.x.items()}
    prices = {key: 0.5 * dual for key, dual in duals.items()}
    for kwargs in ({}, {"prices": prices}, {"prices": prices, "guide": guide}):
        starts = greedy_starts(inst, **kwargs)  # type: ignore[arg-type]
        if not complete(inst, starts):
            continue
        fixed = plan_module._fix_to(m, starts, options)
        assert fixed is not None, f"greedy {sorted(kwargs)} built a start the model rejects"
        assert fixed >= agenda_value(inst, starts) - 1.0


def test_a_start_the_lp_bound_proves_within_the_gap_ends_the_solve(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    real = plan_module.solve

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(bool(kwargs.get("relax")))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_module, "solve", counting)
    # with money for both projects the LP relaxation is integral: the greedy start meets its bound
    area, couplings = _pair_area(2_000_000)
    agenda = plan_agenda(area, couplings)
    assert agenda.run.status == "optimal" and agenda.run.gap is not None and agenda.run.gap <= 1e-4
    assert agenda.run.solver == "highs"
    assert calls == [True], "only the LP with the start fixed is solved, no MILP"
    assert_valid(area, couplings, agenda)
    # CBC is asked for: the LP bound ends it all the same (a CBC run could only spend its
    # limit on what the gap tolerance does not count); the proof is named after HiGHS's LP
    calls.clear()
    cbc = plan_agenda(area, couplings, options=area.config.solver.model_copy(update={"solver": "cbc"}))
    assert cbc.run.solver == "highs" and cbc.run.status == "optimal" and calls == [True]
    assert_valid(area, couplings, cbc)
    # lumpy budgets leave the start far from the LP bound: the MILP runs
    area, couplings = make_instance(60, 0)
    calls.clear()
    plan_agenda(area, couplings, options=area.config.solver.model_copy(update={"time_limit": 30}))
    assert False in calls, "a start outside the gap goes on to the MILP"
