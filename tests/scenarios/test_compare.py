"""compare and the scenario properties: empty = base, cuts never help, removal, order and processes."""

from __future__ import annotations

import random
from typing import Any

import pytest

from dia.api import plan
from dia.coupling import find_couplings
from dia.errors import InfeasibleError, InputError, Reason
from dia.model import Area
from dia.report.scenarios import comparison_files
from dia.scenarios.apply import apply_scenario
from dia.scenarios.compare import compare
from dia.scenarios.model import Scenario
from tests.conftest import make_tiny_area


def scenario(name: str, **overrides: Any) -> Scenario:
    return Scenario.model_validate({"name": name, **overrides})


SCENARIOS = [
    scenario("basis"),
    scenario("krap", budgets=[{"partner": "Gemeente", "factor": 0.7}]),
    scenario("zonder-domijn", remove={"partners": ["Domijn"]}),
    scenario("later", windows=[{"partners": ["Gemeente"], "shift": 1}]),
]


def test_empty_scenario_reproduces_the_base(tiny_area: Area) -> None:
    base = plan(tiny_area)
    same = plan(tiny_area, scenario=scenario("leeg"))
    assert same.projects == base.projects
    assert same.objective == base.objective
    assert same.couplings == base.couplings
    assert same.cashflow == base.cashflow
    assert same.run.scenario == "leeg"


def _objective(area: Area, factor: float, partner: str | None) -> float:
    """Optimal objective under a budget factor; an infeasible cut counts as minus infinity."""
    change: dict[str, Any] = {"factor": factor} | ({"partner": partner} if partner else {})
    try:
        return plan(area, scenario=scenario("cut", budgets=[change])).objective.total
    except InfeasibleError:
        return float("-inf")


@pytest.mark.parametrize("partner", [None, "Gemeente", "Domijn"])
def test_budget_cut_never_increases_the_objective(tiny_area: Area, partner: str | None) -> None:
    factors = [1.0, 0.95, 0.85, 0.7, 0.55, 0.4, 0.2]
    values = [_objective(tiny_area, f, partner) for f in factors]
    tolerance = 1e-3 * abs(values[0]) + 1.0  # the solver stops at a relative gap of 1e-4
    assert values[0] == plan(tiny_area).objective.total
    for deeper, before in zip(values[1:], values, strict=False):
        assert deeper <= before + tolerance, values
    assert values[-1] < values[0]  # the cuts do bite


def test_removing_a_partner_removes_its_projects_and_couplings(tiny_area: Area) -> None:
    gone = scenario("zonder-domijn", remove={"partners": ["Domijn"]})
    new = apply_scenario(tiny_area, gone)
    assert all(p.partner != "Domijn" for p in new.projects)
    graph = find_couplings(new)
    assert all(not n.startswith("D-") for n in graph.graph.nodes)
    assert all("D-" not in c.project_a + c.project_b for c in graph.couplings)
    agenda = plan(tiny_area, scenario=gone)
    assert {p.partner for p in agenda.projects} == {"Gemeente"}
    assert all("D-" not in c.project_a + c.project_b for c in agenda.couplings)
    assert {c.partner for c in agenda.cashflow} == {"Gemeente"}
    assert any(c.project_a == "D-001" for c in plan(tiny_area).couplings)  # it was there before


def _same(a: Any, b: Any) -> None:
    assert a.names == b.names and a.reference == b.reference
    assert a.summary.equals(b.summary)
    assert a.projects.equals(b.projects)
    assert a.changes == b.changes
    fa, fb = comparison_files(a), comparison_files(b)
    assert fa.keys() == fb.keys()
    for name in fa:
        assert fa[name] == fb[name], name


def test_compare_is_identical_whatever_the_order_and_the_processes(tiny_area: Area) -> None:
    serial = compare(tiny_area, SCENARIOS, processes=1)
    shuffled = SCENARIOS[:]
    random.Random(3).shuffle(shuffled)
    assert [s.name for s in shuffled] != [s.name for s in SCENARIOS]
    _same(serial, compare(tiny_area, shuffled, processes=1))
    _same(serial, compare(tiny_area, list(reversed(SCENARIOS)), processes=2))


def test_compare_table_contents(tiny_area: Area) -> None:
    table = compare(tiny_area, SCENARIOS, processes=1)
    assert table.names == ("basis", "krap", "later", "zonder-domijn")
    s = table.summary
    assert s.at[("projects_left_out", ""), "zonder-domijn"] == 2
    assert s.at[("projects_scheduled", "Domijn"), "zonder-domijn"] == 0
    assert s.at[("status", ""), "basis"] == "optimal"
    assert s.at[("value", ""), "basis"] == pytest.approx(table.runs["basis"].agenda.objective.value)
    removed = {c.project_id: c.kind for c in table.changes["zonder-domijn"]}
    assert removed["D-001"] == "removed"
    assert table.projects.at["G-001", "basis"] == table.runs["basis"].agenda.projects[2].start_year


def test_reference_rule(tiny_area: Area) -> None:
    table = compare(tiny_area, SCENARIOS[1:3], processes=1)
    assert table.reference == "krap"  # no 'basis': the first name
    table = compare(tiny_area, SCENARIOS[1:3], processes=1, reference="zonder-domijn")
    assert table.names == ("zonder-domijn", "krap")
    with pytest.raises(InputError):
        compare(tiny_area, SCENARIOS[1:3], processes=1, reference="nope")


def test_duplicate_names_are_refused(tiny_area: Area) -> None:
    with pytest.raises(InputError) as info:
        compare(tiny_area, [scenario("a"), scenario("a", budgets=[{"factor": 0.5}])], processes=1)
    assert info.value.problems[0].reason == Reason.DUPLICATE_ID


def test_a_bad_scenario_fails_before_any_solve(tiny_area: Area) -> None:
    bad = Scenario.model_validate({"name": "fout", "source": "fout.yaml",
                                   "budgets": [{"partner": "Nobody", "factor": 0.5}]})
    with pytest.raises(InputError) as info:
        compare(make_tiny_area(), [SCENARIOS[0], bad], processes=2)
    assert info.value.problems[0].location.file == "fout.yaml"


@pytest.mark.parametrize("processes", [1, 2])
def test_an_infeasible_scenario_is_named_with_its_findings(tiny_area: Area, processes: int) -> None:
    broke = scenario("blut", budgets=[{"partner": "Gemeente", "factor": 0.1}])
    with pytest.raises(InfeasibleError) as info:
        compare(tiny_area, [SCENARIOS[0], broke], processes=processes)
    assert str(info.value).startswith("scenario blut: ")
    assert any("Gemeente" in f for f in info.value.findings)


def test_gap_and_shadow_prices_keep_their_precision() -> None:
    from dia.report.scenarios import comparison_csv
    from dia.scenarios.compare import ScenarioRun, comparison_table
    from tests.scenarios.agendas import make_agenda

    agenda = make_agenda({"D-1": 2027})
    run = agenda.run.model_copy(update={"gap": 0.0099123, "status": "feasible"})
    agenda = agenda.model_copy(update={"run": run})
    table = comparison_table({"basis": ScenarioRun("basis", agenda)})
    assert table.summary.at[("gap", ""), "basis"] == 0.009912
    assert "gap,,0.009912" in comparison_csv(table).decode()
