"""plan_agenda as a whole: agenda completeness, objective parts, determinism, both solvers,
the warm start, the baseline and the benchmark family."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.instances import make_instance
from dia.errors import NoSolutionError
from dia.model import Agenda, SolverOptions
from dia.solver import baseline_agenda, plan_agenda
from dia.solver.build import build_model
from dia.solver.instance import make_instance as solver_instance
from dia.solver.solve import solve
from tests.checker import assert_valid
from tests.conftest import make_tiny_area
from tests.solver.conftest import tiny_couplings

ROOT = Path(__file__).resolve().parents[2]


def _without_timings(agenda: Agenda) -> dict[str, object]:
    data = agenda.model_dump(mode="json")
    for key in ("build_seconds", "solve_seconds"):
        data["run"].pop(key)
    return data


def test_agenda_reports_every_project_partner_year_and_coupling() -> None:
    area = make_tiny_area()
    agenda = plan_agenda(area, tiny_couplings(), options=SolverOptions(gap=0.0))
    assert [p.project_id for p in agenda.projects] == sorted(p.id for p in area.projects)
    assert {(py.partner, py.year) for py in agenda.cashflow} == {
        (q, y) for q in ("Domijn", "Gemeente") for y in range(2026, 2031)}
    assert len(agenda.couplings) == len(tiny_couplings())
    assert all(p.reason for p in agenda.projects if not p.is_selected)
    assert agenda.baseline is not None and agenda.run.status == "optimal"
    assert agenda.run.solver == "highs" and agenda.run.solver_version
    assert len(agenda.run.input_hash) == 64


def test_objective_parts_add_up_and_match_the_solver() -> None:
    agenda = plan_agenda(make_tiny_area(), tiny_couplings(), options=SolverOptions(gap=0.0))
    o = agenda.objective
    assert o.total == pytest.approx(o.value + o.saving - o.delay_penalty)
    assert agenda.run.objective == pytest.approx(o.total)
    # the bound holds the sub-euro tie-break term at most
    assert agenda.run.bound is not None and abs(agenda.run.bound - o.total) < 1.0


@pytest.mark.parametrize("solver", ["highs", "cbc"])
@pytest.mark.parametrize("seed", [0, 1])
def test_highs_and_cbc_agree_on_small_benchmark_instances(solver: str, seed: int) -> None:
    area, couplings = make_instance(16, seed)
    options = SolverOptions(solver=solver, gap=0.0, time_limit=60)  # type: ignore[arg-type]
    agenda = plan_agenda(area, couplings, options=options)
    assert_valid(area, couplings, agenda, max_gap=1e-6)
    other = "cbc" if solver == "highs" else "highs"
    reference = plan_agenda(area, couplings, options=options.model_copy(update={"solver": other}))
    assert agenda.objective.total == pytest.approx(reference.objective.total, abs=1.0)


def test_same_input_gives_the_same_agenda() -> None:
    area, couplings = make_instance(40, 3)
    options = SolverOptions(gap=0.0, time_limit=60)
    first = plan_agenda(area, couplings, options=options)
    second = plan_agenda(area, list(reversed(couplings)), options=options)
    assert _without_timings(first) == _without_timings(second)


def test_same_agenda_across_processes_with_different_hash_seeds() -> None:
    code = ("import json,sys; from tests.conftest import make_tiny_area; "
            "from tests.solver.conftest import tiny_couplings; from dia.solver import plan_agenda; "
            "a = plan_agenda(make_tiny_area(), tiny_couplings()).model_dump(mode='json'); "
            "[a['run'].pop(k) for k in ('build_seconds', 'solve_seconds')]; "
            "sys.stdout.write(json.dumps(a, sort_keys=True))")
    outputs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                              text=True, check=True)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("warm_start", [True, False], ids=["warm", "cold"])
def test_warm_start_does_not_change_the_optimum(warm_start: bool) -> None:
    area, couplings = make_instance(24, 5)
    options = SolverOptions(gap=0.0, warm_start=warm_start)
    agenda = plan_agenda(area, couplings, options=options)
    assert_valid(area, couplings, agenda, max_gap=1e-6)
    cold = plan_agenda(area, couplings, options=options.model_copy(update={"solver": "cbc"}))
    assert agenda.objective.total == pytest.approx(cold.objective.total, abs=1.0)


def test_baseline_is_valid_and_never_beats_the_optimum() -> None:
    for seed in range(3):
        area, couplings = make_instance(30, seed)
        base = baseline_agenda(area, couplings)
        assert_valid(area, couplings, base)
        assert base.run.solver == "baseline" and base.run.status == "feasible"
        best = plan_agenda(area, couplings, options=SolverOptions(gap=0.0))
        assert best.objective.total >= base.objective.total - 1e-6
        assert best.baseline is not None
        assert best.baseline.weighted_value == pytest.approx(
            sum(p.weighted_value for p in base.projects if p.is_selected))


def test_baseline_plans_each_partner_at_preferred_years_only() -> None:
    area, couplings = make_instance(30, 1)
    base = baseline_agenda(area, couplings)
    for p in base.projects:
        if p.is_selected and not p.is_mandatory:
            assert p.start_year == p.preferred_start


def test_lp_relaxation_bounds_the_milp() -> None:
    area, couplings = make_instance(30, 2)
    inst = solver_instance(area, couplings)
    lp = solve(build_model(inst), SolverOptions(), relax=True)
    milp = plan_agenda(area, couplings, options=SolverOptions(gap=0.0))
    assert lp.objective is not None and lp.objective >= milp.objective.total - 1.0


def test_no_solution_in_time_raises_no_solution_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from dia.solver import plan as plan_module
    from dia.solver.solve import SolveResult

    def nothing(*_args: object, **_kw: object) -> SolveResult:
        return SolveResult("no_solution", "highs", "x", None, None, None, 1.0)

    monkeypatch.setattr(plan_module, "solve", nothing)
    with pytest.raises(NoSolutionError) as info:
        plan_agenda(make_tiny_area(), tiny_couplings())
    assert info.value.exit_code == 3


def test_benchmark_instances_are_deterministic_and_feasible() -> None:
    a1, c1 = make_instance(60, 7)
    a2, c2 = make_instance(60, 7)
    assert a1 == a2 and c1 == c2
    assert len(c1) == 90 and sum(p.is_mandatory for p in a1.projects) == 6
    assert all(area_p.partner != b.partner for c in c1 for area_p, b in
               [(a1.project_by_id[c.project_a], a1.project_by_id[c.project_b])])
    base = baseline_agenda(a1, c1)
    assert base.run.status == "feasible"
