"""Metamorphic properties of the optimiser: how the agenda must move when the input moves.

No expected agenda is needed: each test changes a drawn area in a way whose
effect on the *optimum* is known, and solves both (every installed solver):

* a budget cut shrinks the feasible set, so the optimal objective (value +
  savings - delay penalty) never rises, and an infeasible plan stays infeasible;
* a budget rise enlarges it, so the optimal objective never falls;
* permuting the order of every input collection (projects, budgets, funds and
  their years, buurten, types, rules, cost shares, koppelkansen) changes nothing:
  the same agenda, field for field (apart from timings and the input hash, which
  hashes the input as given);
* removing a partner removes every project it leads or co-finances, the projects
  that depend on them, its budget rows and every koppelkans touching them.

The independent checker (``tests/checker.py``) passes on every agenda produced.
Budget changes and the removal go through the public API (``dia.plan`` with a
:class:`~dia.scenarios.model.Scenario`, koppelkansen found by ``dia.coupling``).
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import dia
from dia.coupling import find_couplings
from dia.errors import InfeasibleError
from dia.model import Agenda, Area, Coupling, SolverOptions
from dia.scenarios.apply import apply_scenario
from dia.scenarios.model import BudgetChange, Removal, Scenario
from dia.solver import plan_agenda
from tests.checker import assert_valid
from tests.solver.solvers import SOLVERS, exact
from tests.strategies import areas, areas_with_couplings

#: Objectives are compared with this slack (euro; the tie-break term is below one euro).
EURO = 1.0

METAMORPHIC = settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow,
                                                               HealthCheck.function_scoped_fixture])


def _plan(area: Area, options: SolverOptions, scenario: Scenario | None = None) -> tuple[Area, Agenda | None]:
    """Plan through the public API; (area after the scenario, agenda or None when infeasible)."""
    planned = apply_scenario(area, scenario) if scenario is not None else area
    try:
        agenda = dia.plan(area, scenario=scenario, options=options)
    except InfeasibleError:
        return planned, None
    assert_valid(planned, find_couplings(planned), agenda, max_gap=1e-6)
    return planned, agenda


def _status(agenda: Agenda | None) -> str:
    return "infeasible" if agenda is None else "feasible"


def _budgets(factor: float) -> Scenario:
    return Scenario(name=f"budget-x{factor:g}", budgets=(BudgetChange(factor=factor),))


@SOLVERS
@METAMORPHIC
@given(area=areas(mandatory_odds=12), factor=st.sampled_from((0.0, 0.5, 0.8)))
def test_budget_cut_never_raises_the_objective(solver: str, area: Area, factor: float) -> None:
    options = exact(solver)
    _base_area, base = _plan(area, options)
    _cut_area, cut = _plan(area, options, _budgets(factor))
    event(f"base {_status(base)}, cut {_status(cut)}")
    if base is None:
        assert cut is None, "cutting budgets made an infeasible plan feasible"
        return
    if cut is not None:
        assert cut.objective.total <= base.objective.total + EURO


@SOLVERS
@METAMORPHIC
@given(area=areas(mandatory_odds=12), factor=st.sampled_from((1.25, 2.0, 10.0)))
def test_budget_rise_never_lowers_the_objective(solver: str, area: Area, factor: float) -> None:
    options = exact(solver)
    _base_area, base = _plan(area, options)
    _rise_area, rise = _plan(area, options, _budgets(factor))
    event(f"base {_status(base)}, rise {_status(rise)}")
    if rise is None:
        assert base is None, "raising budgets made a feasible plan infeasible"
        return
    if base is not None:
        assert rise.objective.total >= base.objective.total - EURO


def _permuted(area: Area, couplings: tuple[Coupling, ...], rng: random.Random) -> tuple[Area, list[Coupling]]:
    """The same area and koppelkansen with every collection in a shuffled order."""

    def shuffled(items: Any) -> list[Any]:
        out = list(items)
        rng.shuffle(out)
        return out

    data = area.model_dump()
    config = data["config"]
    for key in ("buurten", "types", "rules"):
        config[key] = shuffled(config[key])
    for project in data["projects"]:
        project["shares"] = shuffled(project["shares"])
    for fund in data["funds"]:
        fund["amounts"] = shuffled(fund["amounts"])
    data["projects"] = shuffled(data["projects"])
    data["budgets"] = shuffled(data["budgets"])
    data["funds"] = shuffled(data["funds"])
    return Area.model_validate(data), shuffled(couplings)


def _comparable(agenda: Agenda) -> dict[str, Any]:
    data = agenda.model_dump()
    for key in ("build_seconds", "solve_seconds", "input_hash"):
        data["run"].pop(key)
    return data


@SOLVERS
@METAMORPHIC
@given(drawn=areas_with_couplings(mandatory_odds=12), seed=st.integers(0, 2**16))
def test_permuting_the_inputs_changes_nothing(solver: str, drawn: tuple[Area, tuple[Coupling, ...]],
                                              seed: int) -> None:
    area, couplings = drawn
    other_area, other_couplings = _permuted(area, couplings, random.Random(seed))
    options = exact(solver)
    try:
        agenda = plan_agenda(area, couplings, options=options)
    except InfeasibleError as exc:
        event("infeasible")
        with pytest.raises(InfeasibleError) as again:
            plan_agenda(other_area, other_couplings, options=options)
        assert again.value.findings == exc.findings
        return
    assert_valid(area, couplings, agenda, max_gap=1e-6)
    other = plan_agenda(other_area, other_couplings, options=options)
    assert _comparable(other) == _comparable(agenda)


def test_cost_share_order_changes_nothing() -> None:
    """'Gemeente 50%; Alfa 50%' and 'Alfa 50%; Gemeente 50%' are the same input: same agenda.

    Shrunk from test_permuting_the_inputs_changes_nothing: a co-financed project that no
    budget can pay is dropped; its reason must not depend on the order of its cost shares
    (it named the first payer in input order; fixed in dia/solver/explain.py).
    """
    from dia.model import AreaConfig, Budget, Buurt, CostShare, Horizon, Project, ProjectType

    def area(order: tuple[str, str]) -> Area:
        return Area(
            config=AreaConfig(name="shares", horizon=Horizon(start=2030, end=2030),
                              buurten=(Buurt(code="BU1", name="b"),),
                              types=(ProjectType(id="t", label="t"),)),
            projects=(Project(id="A-01", partner="Alfa", name="p", type="t", buurt="BU1",
                              earliest_start=2030, duration=1, cost=1_000, value=1_000,
                              shares=tuple(CostShare(partner=q, fraction=0.5) for q in order)),),
            budgets=tuple(Budget(partner=q, year=2030, amount=0) for q in ("Alfa", "Gemeente")),
        )

    one = plan_agenda(area(("Alfa", "Gemeente")), (), options=exact("highs"))
    two = plan_agenda(area(("Gemeente", "Alfa")), (), options=exact("highs"))
    assert one.projects[0].reason == two.projects[0].reason


def _removed_by(area: Area, partner: str) -> set[str]:
    """Projects the partner leads or co-finances, and (transitively) the projects after them."""
    gone = {p.id for p in area.projects
            if p.partner == partner or any(s.partner == partner for s in p.shares)}
    changed = True
    while changed:
        changed = False
        for p in area.projects:
            if p.id not in gone and any(a in gone for a in p.after):
                gone.add(p.id)
                changed = True
    return gone


@SOLVERS
@METAMORPHIC
@given(area=areas(min_partners=2, mandatory_odds=12), which=st.integers(0, 1))
def test_removing_a_partner_removes_its_projects_and_couplings(solver: str, area: Area, which: int) -> None:
    partner = area.partners[which].name
    gone = _removed_by(area, partner)
    scenario = Scenario(name=f"zonder-{partner}", remove=Removal(partners=(partner,)))
    if len(gone) == len(area.projects):
        event("every project removed")
        return  # nothing left to plan; the scenario layer decides how to report an empty area
    planned, agenda = _plan(area, exact(solver), scenario)
    assert {p.id for p in planned.projects} == {p.id for p in area.projects} - gone
    assert all(b.partner != partner for b in planned.budgets)
    event("infeasible" if agenda is None else "feasible")
    if agenda is None:
        return
    assert {p.project_id for p in agenda.projects}.isdisjoint(gone)
    assert all(partner not in {s.partner for s in p.spend} for p in agenda.projects)
    assert all(row.partner != partner for row in agenda.cashflow)
    assert all(c.project_a not in gone and c.project_b not in gone for c in agenda.couplings)
    assert all(d.partner != partner for d in agenda.fund_draws)


@SOLVERS
@METAMORPHIC
@given(drawn=areas_with_couplings(mandatory_odds=12))
def test_forcing_the_optimal_starts_reproduces_the_agenda(solver: str,
                                                         drawn: tuple[Area, tuple[Coupling, ...]]) -> None:
    """Fixing every project at its optimal start (or out) keeps the schedule and costs no delay."""
    area, couplings = drawn
    options = exact(solver)
    try:
        agenda = plan_agenda(area, couplings, options=options)
    except InfeasibleError:
        event("infeasible")
        return
    fixed = {p.project_id: p.start_year if p.is_selected else None for p in agenda.projects}
    forced = plan_agenda(area, couplings, options=options, fixed_starts=fixed)
    assert_valid(area, couplings, forced, fixed_starts=fixed, max_gap=1e-6)
    assert {p.project_id: p.start_year for p in forced.projects} == fixed
    assert forced.objective.delay_penalty == 0
    assert forced.objective.value == pytest.approx(agenda.objective.value, abs=EURO)
    assert forced.objective.saving >= agenda.objective.saving - EURO


@SOLVERS
@pytest.mark.parametrize("fixed", [None, {"A-01": None}], ids=["free", "forced-out"])
def test_cbc_plans_an_area_with_nothing_to_schedule(solver: str, fixed: dict[str, int | None] | None) -> None:
    """An area whose only project is forced out (e.g. by a scenario) has an empty agenda.

    Found by test_forcing_the_optimal_starts_reproduces_the_agenda: with CBC the model had an
    empty objective, ``pulp.value`` returned None and ``_solve_cbc`` raised
    ``TypeError: float() argument must be ... not 'NoneType'`` (dia/solver/solve.py).
    """
    from dia.model import AreaConfig, Budget, Buurt, Horizon, Project, ProjectType

    area = Area(
        config=AreaConfig(name="leeg", horizon=Horizon(start=2030, end=2030),
                          buurten=(Buurt(code="BU1", name="b"),), types=(ProjectType(id="t", label="t"),)),
        projects=(Project(id="A-01", partner="Alfa", name="p", type="t", buurt="BU1", earliest_start=2030,
                          duration=1, cost=1_000, value=1_000),),
        budgets=(Budget(partner="Alfa", year=2030, amount=0),),
    )
    agenda = plan_agenda(area, (), options=exact(solver), fixed_starts=fixed)
    assert_valid(area, (), agenda, fixed_starts=fixed)
    assert not any(p.is_selected for p in agenda.projects)


def _scaled(area: Area, couplings: tuple[Coupling, ...], k: float) -> tuple[Area, list[Coupling]]:
    """Every euro amount times ``k`` (costs, profiles, values, budgets, funds, savings)."""
    data = area.model_dump()
    for p in data["projects"]:
        p["cost"] *= k
        p["value"] *= k
        p["profile"] = [x * k for x in p["profile"]]
    for b in data["budgets"]:
        b["amount"] *= k
    for f in data["funds"]:
        for a in f["amounts"]:
            a["amount"] *= k
    for r in data["config"]["rules"]:
        if r["saving_fixed"] is not None:
            r["saving_fixed"] *= k
    scaled = [c.model_copy(update={"potential_saving": c.potential_saving * k}) for c in couplings]
    return Area.model_validate(data), scaled


@SOLVERS
@METAMORPHIC
@given(drawn=areas_with_couplings(mandatory_odds=12), k=st.sampled_from((10.0, 1000.0)))
def test_scaling_every_euro_scales_the_objective(solver: str, drawn: tuple[Area, tuple[Coupling, ...]],
                                                 k: float) -> None:
    """Planning in euro or in thousands of euro is the same decision: same optimum times k."""
    area, couplings = drawn
    big_area, big_couplings = _scaled(area, couplings, k)
    options = exact(solver)
    try:
        agenda = plan_agenda(area, couplings, options=options)
    except InfeasibleError:
        event("infeasible")
        with pytest.raises(InfeasibleError):
            plan_agenda(big_area, big_couplings, options=options)
        return
    big = plan_agenda(big_area, big_couplings, options=options)
    assert_valid(big_area, big_couplings, big, max_gap=1e-6)
    assert big.objective.total == pytest.approx(k * agenda.objective.total, rel=1e-6, abs=k * EURO)
