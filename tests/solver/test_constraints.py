"""Each constraint family changes the agenda the way it should, on tiny hand-made areas.

Every agenda produced here also passes the independent checker (``tests/checker.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from dia.model import Agenda, Area, Budget, Caps, Coupling, Fund, FundYear, Project, SolverOptions
from dia.solver import plan_agenda
from tests.checker import assert_valid
from tests.conftest import make_config, make_tiny_area
from tests.solver.conftest import capped_area, tiny_couplings

EXACT = SolverOptions(gap=0.0, time_limit=30)


def solve(area: Area, couplings: Sequence[Coupling] = (),
          fixed_starts: dict[str, int | None] | None = None) -> Agenda:
    agenda = plan_agenda(area, couplings, options=EXACT, fixed_starts=fixed_starts)
    assert_valid(area, couplings, agenda, fixed_starts=fixed_starts, max_gap=EXACT.gap)
    return agenda


def starts(agenda: Agenda) -> dict[str, int | None]:
    return {p.project_id: p.start_year for p in agenda.projects}


def one_partner(projects: Sequence[Project], budget: float, carry: float = 0.0, **config: object) -> Area:
    """One partner (Gemeente) with the same budget every year; English texts by default."""
    config.setdefault("language", "en")
    return Area(config=make_config(**config), projects=tuple(projects),
                budgets=tuple(Budget(partner="Gemeente", year=y, amount=budget, carry_over=carry)
                              for y in range(2026, 2031)))


def project(pid: str, **kw: object) -> Project:
    data: dict[str, object] = {"id": pid, "partner": "Gemeente", "name": pid, "type": "renovatie",
                               "buurt": "BU01530300", "earliest_start": 2026, "latest_start": 2026,
                               "duration": 1, "cost": 100.0, "value": 150.0}
    data.update(kw)
    return Project.model_validate(data)


def test_start_once_schedules_each_optional_project_at_most_once() -> None:
    area = one_partner([project("A", latest_start=2030, value=1000)], budget=1000)
    agenda = solve(area)
    (a,) = agenda.projects
    assert a.is_selected and a.start_year == 2026
    assert sum(s.amount for s in a.spend) == pytest.approx(100)


def test_mandatory_project_is_scheduled_even_when_worth_nothing() -> None:
    area = one_partner([project("A", value=0, is_mandatory=True), project("B", value=500)], budget=100)
    agenda = solve(area)
    assert starts(agenda) == {"A": 2026, "B": None}
    assert "budget" in (agenda.projects[1].reason or "")


def test_budget_limits_spend_per_year() -> None:
    area = one_partner([project("A", value=300), project("B", value=200)], budget=150)
    assert starts(solve(area)) == {"A": 2026, "B": None}


def test_carry_over_lets_unspent_budget_pay_next_year() -> None:
    """150 in 2026 unspent, half carried over: 150 + 75 = 225 >= 200 in 2027."""
    big = project("A", earliest_start=2027, latest_start=2027, cost=200.0, value=400)
    assert starts(solve(one_partner([big], budget=150, carry=0.0))) == {"A": None}
    agenda = solve(one_partner([big], budget=150, carry=0.5))
    assert starts(agenda) == {"A": 2027}
    row = next(py for py in agenda.cashflow if py.year == 2027)
    assert row.carry_in == pytest.approx(75) and row.net == pytest.approx(200)


def test_fund_pays_only_for_eligible_listed_projects() -> None:
    fund = Fund(name="F", amounts=(FundYear(year=2026, amount=100),), types=("renovatie",))
    listed = project("A", cost=200.0, value=400, funds=("F",))
    unlisted = project("A", cost=200.0, value=400)
    wrong_type = project("A", cost=200.0, value=400, funds=("F",), type="energiecoach")
    budgets = tuple(Budget(partner="Gemeente", year=y, amount=100) for y in range(2026, 2031))
    for p, expected in ((listed, 2026), (unlisted, None), (wrong_type, None)):
        area = Area(config=make_config(), projects=(p,), funds=(fund,), budgets=budgets)
        agenda = solve(area)
        assert starts(agenda)["A"] == expected
    agenda = solve(Area(config=make_config(), projects=(listed,), funds=(fund,), budgets=budgets))
    (draw,) = agenda.fund_draws
    assert (draw.fund, draw.project_id, draw.year, draw.amount) == ("F", "A", 2026, pytest.approx(100))


def test_fund_never_pays_more_than_the_project_costs_that_year() -> None:
    fund = Fund(name="F", amounts=(FundYear(year=2026, amount=1000),))
    area = Area(config=make_config(), projects=(project("A", funds=("F",)), project("B", value=120)),
                funds=(fund,), budgets=tuple(Budget(partner="Gemeente", year=y, amount=100)
                                             for y in range(2026, 2031)))
    agenda = solve(area)
    assert starts(agenda) == {"A": 2026, "B": 2026}
    assert sum(d.amount for d in agenda.fund_draws if d.project_id == "A") <= 100 + 1e-6


def test_dependency_starts_after_predecessor_ends_and_drops_with_it() -> None:
    first = project("A", latest_start=2028, duration=2, cost=100.0, value=500)
    second = project("B", latest_start=2030, after=("A",), value=500)
    agenda = solve(one_partner([first, second], budget=1000))
    s = starts(agenda)
    assert s["A"] is not None and s["B"] is not None and s["B"] >= s["A"] + 2
    # A does not fit the budget (cost 2 x 600 > 500 a year), so B goes too
    too_big = first.model_copy(update={"cost": 1200.0, "profile": (600.0, 600.0)})
    agenda = solve(one_partner([too_big, second], budget=500))
    assert starts(agenda) == {"A": None, "B": None}
    assert "predecessor A" in (agenda.projects[1].reason or "")


def test_coupling_moves_a_project_to_realise_the_saving(couplings: tuple[Coupling, ...]) -> None:
    area = make_tiny_area()
    agenda = solve(area, couplings)
    realised = {(c.project_a, c.project_b): c for c in agenda.couplings if c.is_realised}
    assert ("G-001", "G-002") in realised
    s = starts(agenda)
    assert abs((s["G-001"] or 0) - (s["G-002"] or 0)) <= 1
    # the saving lowers the partner's net spend in the years of the works
    assert sum(py.saving for py in agenda.cashflow if py.partner == "Gemeente") > 0


def test_coupling_outside_max_gap_is_not_realised() -> None:
    a = project("A", value=200)
    b = project("B", earliest_start=2028, latest_start=2028, value=200, type="herinrichting")
    c = Coupling(project_a="A", project_b="B", rule="riool-straat", overlap="buurt", buurt="BU01530300",
                 max_gap=1, common_years=(2026,), potential_saving=50)
    agenda = solve(one_partner([a, b], budget=1000), [c])
    (result,) = agenda.couplings
    assert not result.is_realised and result.saving == 0
    assert "apart" in (result.reason or "")


def test_saving_cap_keeps_each_projects_saving_within_its_cost(couplings: tuple[Coupling, ...]) -> None:
    agenda = solve(make_tiny_area(), couplings)
    for p in agenda.projects:
        assert p.saving <= p.cost + 0.01
    g002 = next(p for p in agenda.projects if p.project_id == "G-002")
    assert g002.is_selected and g002.saving == pytest.approx(600_000, abs=1)


def test_nuisance_cap_spreads_street_works_over_years() -> None:
    area = capped_area()
    agenda = solve(area, tiny_couplings())
    street = [p for p in agenda.projects if p.type in ("riolering", "herinrichting") and p.is_selected]
    years = [p.start_year for p in street]
    assert len(years) == len(set(years))
    uncapped = solve(make_tiny_area(), tiny_couplings())
    assert uncapped.objective.total >= agenda.objective.total - 1e-6


def test_cap_applies_per_buurt() -> None:
    works = [project(f"S{i}", type="riolering", buurt=b, value=500)
             for i, b in enumerate(("BU01530300", "BU01530301"))]
    area = one_partner(works, budget=1000, caps=Caps(street_works_per_buurt_year=1))
    assert starts(solve(area)) == {"S0": 2026, "S1": 2026}


def test_cost_shares_charge_every_payer() -> None:
    halves = ({"partner": "Gemeente", "fraction": 0.5}, {"partner": "Domijn", "fraction": 0.5})
    shared = project("A", shares=halves, cost=200.0, value=400)
    area = Area(config=make_config(), projects=(shared,),
                budgets=tuple(Budget(partner=q, year=y, amount=100) for q in ("Gemeente", "Domijn")
                              for y in range(2026, 2031)))
    agenda = solve(area)
    assert starts(agenda) == {"A": 2026}
    spend = {py.partner: py.spend for py in agenda.cashflow if py.year == 2026}
    assert spend == {"Domijn": 100, "Gemeente": 100}


def test_spend_after_the_horizon_is_reported_not_budgeted() -> None:
    late = project("A", earliest_start=2030, latest_start=2030, duration=2, cost=200.0, value=400)
    agenda = solve(one_partner([late], budget=100))
    (a,) = agenda.projects
    assert a.start_year == 2030 and a.end_year == 2031
    assert {s.year for s in a.spend} == {2030, 2031}
    assert all(py.year <= 2030 for py in agenda.cashflow)


def test_forced_starts_and_left_out_projects() -> None:
    area = make_tiny_area()
    agenda = solve(area, tiny_couplings(), fixed_starts={"G-002": 2029, "D-001": None})
    s = starts(agenda)
    assert s["G-002"] == 2029 and s["D-001"] is None
    # the tiny area speaks Dutch, as the user's texts do by default
    left_out = next(p for p in agenda.projects if p.project_id == "D-001")
    assert left_out.reason == "weggelaten door het scenario"
