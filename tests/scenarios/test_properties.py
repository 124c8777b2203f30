"""Metamorphic properties of scenarios on random small areas, every agenda checked independently.

Hypothesis draws areas with tests/strategies.py; every agenda a scenario
produces is checked against its (scenario-applied) area by tests/checker.py,
which does not reuse the solver's code.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dia.coupling import find_couplings
from dia.errors import InfeasibleError, InputError, Reason
from dia.model import Agenda, Area
from dia.scenarios.apply import apply_scenario
from dia.scenarios.model import Scenario
from dia.scenarios.replan import freeze
from dia.solver import plan_agenda
from tests.checker import assert_valid
from tests.strategies import areas

FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def solve(area: Area, scenario: dict[str, Any] | None = None,
          fixed: dict[str, int | None] | None = None) -> tuple[Area, Agenda | None]:
    """Apply the scenario, plan and check; None when infeasible."""
    new = apply_scenario(area, Scenario.model_validate({"name": "s", **(scenario or {})}))
    couplings = find_couplings(new)
    try:
        agenda = plan_agenda(new, couplings, fixed_starts=fixed)
    except InfeasibleError:
        return new, None
    assert_valid(new, couplings, agenda, fixed_starts=fixed)
    return new, agenda


def total(agenda: Agenda | None) -> float:
    return float("-inf") if agenda is None else agenda.objective.total


@FEW
@given(area=areas(), factor=st.floats(min_value=0.0, max_value=1.0), data=st.data())
def test_a_budget_cut_never_increases_the_objective(area: Area, factor: float, data: st.DataObject) -> None:
    partner = data.draw(st.sampled_from([None, *sorted({b.partner for b in area.budgets})]))
    change: dict[str, Any] = {"factor": factor} | ({"partner": partner} if partner else {})
    _, base = solve(area)
    _, cut = solve(area, {"budgets": [change]})
    assert total(cut) <= total(base) + 1e-3 * abs(total(base) if base else 0.0) + 1.0


def left_out(area: Area, partner: str) -> set[str]:
    """Projects the partner leads or pays a share of, plus their dependents (recomputed here)."""
    gone = {p.id for p in area.projects if partner in [p.partner, *(s.partner for s in p.shares)]}
    grew = True
    while grew:
        more = {p.id for p in area.projects if p.id not in gone and gone.intersection(p.after)}
        grew = bool(more)
        gone |= more
    return gone


@FEW
@given(area=areas(min_partners=2), data=st.data())
def test_removing_a_partner_removes_its_projects_and_couplings(area: Area, data: st.DataObject) -> None:
    partner = data.draw(st.sampled_from(sorted({b.partner for b in area.budgets})))
    expected = left_out(area, partner)
    try:
        new, agenda = solve(area, {"remove": {"partners": [partner]}})
    except InputError as exc:  # nothing would be left
        assert [p.reason for p in exc.problems] == [Reason.EMPTY_AREA]
        assert expected == {p.id for p in area.projects}
        return
    gone = {p.id for p in area.projects} - {p.id for p in new.projects}
    assert gone == expected
    assert all(partner not in [p.partner, *(s.partner for s in p.shares)] for p in new.projects)
    assert partner not in {b.partner for b in new.budgets}
    assert all(c.project_a not in gone and c.project_b not in gone for c in find_couplings(new).couplings)
    if agenda is not None:
        assert {p.project_id for p in agenda.projects}.isdisjoint(gone)
        assert partner not in {c.partner for c in agenda.cashflow}


@FEW
@given(area=areas())
def test_an_empty_scenario_reproduces_the_base(area: Area) -> None:
    _, base = solve(area)
    _, same = solve(area, {})
    if base is None:
        assert same is None
    else:
        assert same is not None
        assert same.projects == base.projects and same.objective == base.objective


@FEW
@given(area=areas(), data=st.data())
def test_freezing_keeps_frozen_starts(area: Area, data: st.DataObject) -> None:
    _, previous = solve(area)
    if previous is None:
        return
    year = data.draw(st.integers(area.config.horizon.start, area.config.horizon.end + 1))
    new, fixed, frozen, _closed = freeze(area, previous, year)
    _, again = solve(new, fixed=fixed)
    assert again is not None  # the previous agenda itself satisfies every frozen start
    starts = {p.project_id: p.start_year for p in again.projects if p.is_selected}
    assert all(starts.get(pid) == y for pid, y in frozen.items())
    assert all(y >= year for pid, y in starts.items() if pid not in frozen)
