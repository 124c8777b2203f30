"""Explanations: infeasible plans name the partner-years and projects in conflict; feasible
plans report binding budgets, duals and why projects were dropped or moved."""

from __future__ import annotations

import pytest

from dia.errors import InfeasibleError
from dia.model import Area, Budget, Caps, SolverOptions
from dia.solver import plan_agenda
from tests.solver.test_constraints import EXACT, one_partner, project, solve

SOLVERS = ["highs", "cbc"]


@pytest.mark.parametrize("solver", SOLVERS)
def test_mandatory_work_over_budget_names_partner_year_and_amounts(solver: str) -> None:
    """Two mandatory projects of 300 in 2028 against a budget of 250 (no carry-over)."""
    area = one_partner([project("A", earliest_start=2028, latest_start=2028, cost=300.0, is_mandatory=True),
                        project("B", cost=50.0, is_mandatory=True)], budget=250)
    with pytest.raises(InfeasibleError) as info:
        plan_agenda(area, (), options=SolverOptions(solver=solver, gap=0.0))  # type: ignore[arg-type]
    findings = info.value.findings
    assert len(findings) == 1, findings
    assert findings[0].startswith("Gemeente 2028: mandatory projects need € 300, budget € 250")
    assert "short by € 50" in findings[0]


def test_carry_over_is_counted_in_the_explanation() -> None:
    area = one_partner([project("A", earliest_start=2027, latest_start=2027, cost=400.0, is_mandatory=True)],
                       budget=200, carry=0.5)
    with pytest.raises(InfeasibleError) as info:
        plan_agenda(area, (), options=EXACT)
    (line,) = info.value.findings
    assert line.startswith("Gemeente 2027: mandatory projects need € 400, budget € 200 + carry-over € 100")


def test_impossible_dependency_names_both_projects_and_the_year() -> None:
    """R-017 must start by 2029, G-004 runs 2028-2030 at the earliest."""
    first = project("G-004", earliest_start=2028, latest_start=2028, duration=3, cost=30.0, is_mandatory=True)
    second = project("R-017", earliest_start=2027, latest_start=2029, is_mandatory=True, after=("G-004",))
    with pytest.raises(InfeasibleError) as info:
        plan_agenda(one_partner([first, second], budget=1000), (), options=EXACT)
    assert info.value.findings == ("R-017 must follow G-004, which cannot end before 2030 "
                                   "(R-017 must start by 2029)",)


def test_nuisance_cap_conflict_names_the_buurt() -> None:
    works = [project(f"S{i}", type="riolering", is_mandatory=True) for i in range(3)]
    area = one_partner(works, budget=1000, caps=Caps(street_works_per_buurt_year=1))
    with pytest.raises(InfeasibleError) as info:
        plan_agenda(area, (), options=EXACT)
    (line,) = info.value.findings
    assert "BU01530300" in line and "2026" in line and "exceeded by 2" in line


def test_several_conflicts_are_all_reported_in_a_stable_order() -> None:
    projects = [project("A", earliest_start=2027, latest_start=2027, cost=300.0, is_mandatory=True),
                project("B", earliest_start=2029, latest_start=2029, cost=400.0, is_mandatory=True)]
    area = one_partner(projects, budget=250)
    with pytest.raises(InfeasibleError) as info:
        plan_agenda(area, (), options=EXACT)
    assert [f.split(":")[0] for f in info.value.findings] == ["Gemeente 2027", "Gemeente 2029"]
    assert "Gemeente 2029" in str(info.value)


def test_binding_budget_has_a_positive_dual_and_a_finding() -> None:
    area = one_partner([project("A", value=300), project("B", value=200)], budget=150)
    agenda = solve(area)
    row = next(py for py in agenda.cashflow if py.year == 2026)
    assert row.dual is not None and row.dual > 0  # scarce: B would be worth 2 per euro
    slack = next(py for py in agenda.cashflow if py.year == 2028)
    assert slack.dual == 0
    # scarce but not used up (100 of 150): in the dual, not in the findings
    assert not any(f.kind == "binding_budget" for f in agenda.findings)
    assert any(f.kind == "dropped" and f.project_id == "B" for f in agenda.findings)
    used_up = solve(one_partner([project("A", value=300), project("B", value=200)], budget=100))
    (finding,) = [f for f in used_up.findings if f.kind == "binding_budget"]
    assert (finding.partner, finding.year) == ("Gemeente", 2026)
    assert finding.message.startswith("Gemeente 2026: budget used up (€ 100 of € 100 incl. carry-over)")


def test_moved_project_says_it_was_moved_to_couple() -> None:
    from dia.model import Coupling

    a = project("A", value=200, preferred_start=2026, latest_start=2028)
    b = project("B", earliest_start=2028, latest_start=2028, value=200, type="herinrichting")
    c = Coupling(project_a="A", project_b="B", rule="riool-straat", overlap="buurt", buurt="BU01530300",
                 max_gap=0, common_years=(2028,), potential_saving=50)
    agenda = solve(one_partner([a, b], budget=1000), [c])
    moved = next(p for p in agenda.projects if p.project_id == "A")
    assert moved.start_year == 2028
    assert moved.reason == "moved 2026 → 2028 to combine the works with B"


def test_explanations_follow_the_area_language() -> None:
    """Dutch area: Dutch sentences and Dutch number notation."""
    area = one_partner([project("A", earliest_start=2028, latest_start=2028, cost=3_000_000.0,
                                is_mandatory=True)], budget=2_500_000, language="nl")
    with pytest.raises(InfeasibleError) as info:
        plan_agenda(area, (), options=EXACT)
    assert info.value.findings == ("Gemeente 2028: verplichte projecten vragen € 3,0 mln, budget € 2,5 mln "
                                   "+ overheveling € 0 (tekort € 500.000)",)
    assert str(info.value).startswith("geen agenda voldoet aan alle harde eisen van Testwijk")


def test_project_without_budget_row_cannot_be_paid() -> None:
    area = Area(config=one_partner([], budget=0).config, projects=(project("A", is_mandatory=True),),
                budgets=(Budget(partner="Gemeente", year=2027, amount=1000),))
    with pytest.raises(InfeasibleError) as info:
        plan_agenda(area, (), options=EXACT)
    assert info.value.findings[0].startswith("Gemeente 2026: mandatory projects need € 100, budget € 0")
