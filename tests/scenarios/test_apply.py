"""Applying scenarios to the tiny area: every override kind, the removal rule, bad references."""

from __future__ import annotations

from typing import Any

import pytest

from dia.errors import InputError, Reason
from dia.model import Area, Budget, Project
from dia.scenarios.apply import apply_scenario, apply_scenario_logged
from dia.scenarios.model import Scenario
from tests.conftest import make_tiny_area


def scenario(**overrides: Any) -> Scenario:
    return Scenario.model_validate({"name": "t", "source": "t.yaml", **overrides})


def test_empty_scenario_returns_an_equal_area(tiny_area: Area) -> None:
    new = apply_scenario(tiny_area, scenario())
    assert new == tiny_area
    assert new is not tiny_area


def test_inputs_are_never_changed(tiny_area: Area) -> None:
    before = tiny_area.model_dump()
    apply_scenario(tiny_area, scenario(remove={"partners": ["Domijn"]}, budgets=[{"factor": 0.5}]))
    assert tiny_area.model_dump() == before


def test_budget_factor_per_partner_and_year(tiny_area: Area) -> None:
    new = apply_scenario(tiny_area, scenario(budgets=[
        {"partner": "Gemeente", "factor": 0.8},
        {"partner": "Domijn", "years": [2027], "factor": 0.5, "carry_over": 0.1},
    ]))
    for year in range(2026, 2031):
        assert new.budget_of("Gemeente", year).amount == pytest.approx(720_000)
    assert new.budget_of("Domijn", 2027).amount == pytest.approx(600_000)
    assert new.budget_of("Domijn", 2027).carry_over == 0.1
    assert new.budget_of("Domijn", 2028).amount == 1_200_000


def test_budget_amount_creates_missing_rows_with_the_partners_carry_over() -> None:
    area = make_tiny_area()
    area = Area.model_validate(area.model_dump() | {
        "budgets": [b for b in area.budgets if not (b.partner == "Domijn" and b.year == 2029)]})
    new = apply_scenario(area, scenario(budgets=[{"partner": "Domijn", "years": [2029], "amount": 10}]))
    assert new.budget_of("Domijn", 2029) == Budget(partner="Domijn", year=2029, amount=10, carry_over=0.5)


def test_budget_for_all_partners(tiny_area: Area) -> None:
    new = apply_scenario(tiny_area, scenario(budgets=[{"years": [2026], "amount": 0}]))
    assert {b.amount for b in new.budgets if b.year == 2026} == {0}


def test_removing_a_partner_removes_its_projects_budgets_and_dependents(tiny_area: Area) -> None:
    result = apply_scenario_logged(tiny_area, scenario(remove={"partners": ["Domijn"]}))
    new = result.area
    assert {p.partner for p in new.projects} == {"Gemeente"}
    assert {b.partner for b in new.budgets} == {"Gemeente"}
    assert set(result.removed) == {"D-001", "D-002"}
    # the fund was open to every partner, so it stays (Gemeente's projects are not eligible by type)
    assert [f.name for f in new.funds] == ["Energiefonds"]


def test_removing_a_project_removes_its_dependents_transitively(tiny_area: Area) -> None:
    data = tiny_area.model_dump()
    extra = Project(id="D-003", partner="Domijn", name="Nazorg", type="energiecoach", buurt="BU01530301",
                    earliest_start=2028, latest_start=2030, duration=1, cost=10, after=("D-002",))
    area = Area.model_validate(data | {"projects": [*tiny_area.projects, extra]})
    result = apply_scenario_logged(area, scenario(remove={"projects": ["D-001"]}))
    assert set(result.removed) == {"D-001", "D-002", "D-003"}
    assert result.removed["D-003"] == "depends on left-out project D-002"
    assert [p.id for p in result.area.projects] == ["G-001", "G-002"]


def test_a_cofinanced_project_goes_with_its_partner(tiny_area: Area) -> None:
    data = tiny_area.model_dump()
    projects = [p.model_dump() for p in tiny_area.projects]
    projects[0]["shares"] = [{"partner": "Domijn", "fraction": 0.5}, {"partner": "Gemeente", "fraction": 0.5}]
    alone = Project(id="D-009", partner="Domijn", name="Alleen", type="renovatie", buurt="BU01530300",
                    earliest_start=2027, duration=1, cost=10)
    area = Area.model_validate(data | {"projects": [*projects, alone.model_dump()]})
    result = apply_scenario_logged(area, scenario(remove={"partners": ["Gemeente"]}))
    assert set(result.removed) == {"D-001", "D-002", "G-001", "G-002"}
    assert [p.id for p in result.area.projects] == ["D-009"]


def test_a_scenario_that_leaves_no_project_is_refused(tiny_area: Area) -> None:
    with pytest.raises(InputError) as info:
        apply_scenario(tiny_area, scenario(remove={"types": ["renovatie", "riolering", "herinrichting"]}))
    assert [(p.reason, p.location.key) for p in info.value.problems] == [(Reason.EMPTY_AREA, "remove")]


def test_fund_open_only_to_a_removed_partner_is_removed(tiny_area: Area) -> None:
    data = tiny_area.model_dump()
    data["funds"] = [tiny_area.funds[0].model_dump() | {"partners": ("Domijn",)}]
    new = apply_scenario(Area.model_validate(data), scenario(remove={"partners": ["Domijn"]}))
    assert new.funds == ()


def test_remove_type(tiny_area: Area) -> None:
    new = apply_scenario(tiny_area, scenario(remove={"types": ["renovatie"]}))
    assert [p.id for p in new.projects] == ["G-001", "G-002"]  # D-002 follows D-001


def test_costs_scale_profile_too(tiny_area: Area) -> None:
    new = apply_scenario(tiny_area, scenario(costs=[{"partners": ["Domijn"], "types": ["renovatie"],
                                                      "factor": 1.3}]))
    d = new.project_by_id["D-001"]
    assert d.cost == pytest.approx(2_600_000) and d.profile == pytest.approx((650_000, 1_950_000))
    assert new.project_by_id["D-002"].cost == 100_000


def test_fund_cut_remove_add(tiny_area: Area) -> None:
    cut = apply_scenario(tiny_area, scenario(funds={"cut": [{"fund": "Energiefonds", "factor": 0.5}]}))
    assert cut.fund_by_name["Energiefonds"].amount_in(2027) == 50_000
    gone = apply_scenario(tiny_area, scenario(funds={"remove": ["Energiefonds"]}))
    assert gone.funds == () and all(not p.funds for p in gone.projects)
    added = apply_scenario(tiny_area, scenario(funds={"add": [
        {"name": "Klimaatfonds", "amounts": {2027: 300_000, 2028: 300_000}, "types": ["riolering",
                                                                                      "herinrichting"]}]}))
    assert added.fund_by_name["Klimaatfonds"].amount_in(2028) == 300_000
    assert {p.id for p in added.projects if "Klimaatfonds" in p.funds} == {"G-001", "G-002"}
    listed = apply_scenario(tiny_area, scenario(funds={"add": [
        {"name": "Klein", "amounts": {2027: 1}, "projects": ["G-002"]}]}))
    assert {p.id for p in listed.projects if "Klein" in p.funds} == {"G-002"}


def test_window_shift_is_clipped_to_the_horizon(tiny_area: Area) -> None:
    result = apply_scenario_logged(tiny_area, scenario(windows=[{"partners": ["Gemeente"], "shift": 2}]))
    g1, g2 = result.area.project_by_id["G-001"], result.area.project_by_id["G-002"]
    assert (g1.earliest_start, g1.latest_start, g1.preferred_start) == (2028, 2030, 2029)
    assert (g2.earliest_start, g2.latest_start) == (2029, 2030)
    far = apply_scenario_logged(tiny_area, scenario(windows=[{"projects": ["G-002"], "shift": 4}]))
    assert far.removed == {"G-002": "window 2031–2033 lies outside the horizon 2026–2030"}


def test_not_before(tiny_area: Area) -> None:
    new = apply_scenario(tiny_area, scenario(windows=[{"projects": ["D-002"], "not_before": 2029}]))
    d2 = new.project_by_id["D-002"]
    assert (d2.earliest_start, d2.latest_start) == (2029, 2029)


def test_forced_and_forbidden_starts(tiny_area: Area) -> None:
    new = apply_scenario(tiny_area, scenario(starts={"force": {"G-002": 2029},
                                                     "forbid": {"D-001": [2026, 2030]}}))
    g2, d1 = new.project_by_id["G-002"], new.project_by_id["D-001"]
    assert (g2.earliest_start, g2.latest_start, g2.is_mandatory) == (2029, 2029, True)
    assert (d1.earliest_start, d1.latest_start) == (2027, 2029)
    gone = apply_scenario_logged(tiny_area, scenario(starts={"forbid": {"D-002": [2026, 2027]}}))
    assert gone.removed == {"D-002": "every start year forbidden"}


def test_horizon_change_drops_years_outside_and_clips_windows(tiny_area: Area) -> None:
    new = apply_scenario(tiny_area, scenario(horizon={"start": 2027, "end": 2029}))
    assert new.config.horizon.start == 2027 and new.config.horizon.end == 2029
    assert {b.year for b in new.budgets} == {2027, 2028, 2029}
    assert new.project_by_id["D-001"].earliest_start == 2027
    assert new.project_by_id["D-001"].latest_start == 2029


def test_rules_weights_caps_solver(tiny_area: Area) -> None:
    new = apply_scenario(tiny_area, scenario(
        rules={"remove": ["renovatie-straat"], "change": {"riool-straat": {"saving_pct": 10}},
               "add": [{"id": "coach", "types": ["energiecoach", "renovatie"], "scope": "same_buurt"}]},
        weights={"delay": 0.5}, caps={"street_works_per_buurt_year": 1}, solver={"time_limit": 7}))
    assert [r.id for r in new.config.rules] == ["riool-straat", "coach"]
    assert new.rule_by_id["riool-straat"].saving_pct == 10
    assert new.config.weights.delay == 0.5 and new.config.weights.value == 1.0
    assert new.config.caps.street_works_per_buurt_year == 1
    assert new.config.solver.time_limit == 7 and new.config.solver.gap == tiny_area.config.solver.gap


def test_extends_applies_the_parent_first(tiny_area: Area) -> None:
    parent = scenario(budgets=[{"partner": "Gemeente", "factor": 0.5}])
    child = Scenario(name="kind", parent=parent, budgets=[{"partner": "Gemeente", "factor": 0.5}])
    assert apply_scenario(tiny_area, child).budget_of("Gemeente", 2026).amount == pytest.approx(225_000)


def test_scenario_file_is_recorded_in_the_inputs(tmp_path: Any, tiny_area: Area) -> None:
    from dia.scenarios.load import load_scenario

    path = tmp_path / "s.yaml"
    path.write_text("budgets: [{factor: 0.9}]\n", encoding="utf-8")
    new = apply_scenario(tiny_area, load_scenario(path))
    assert [f.name for f in new.inputs] == ["s.yaml"]


@pytest.mark.parametrize(
    ("overrides", "reason", "key"),
    [
        ({"budgets": [{"partner": "Dominj", "factor": 0.8}]}, Reason.UNKNOWN_PARTNER, "budgets[0].partner"),
        ({"budgets": [{"years": [2040], "factor": 0.8}]}, Reason.OUTSIDE_HORIZON, "budgets[0].years[0]"),
        ({"remove": {"projects": ["X-1"]}}, Reason.UNKNOWN_PROJECT, "remove.projects[0]"),
        ({"remove": {"partners": ["Nobody"]}}, Reason.UNKNOWN_PARTNER, "remove.partners[0]"),
        ({"remove": {"types": ["kernreactor"]}}, Reason.UNKNOWN_TYPE, "remove.types[0]"),
        ({"costs": [{"types": ["warmtenet"], "factor": 2}]}, Reason.UNKNOWN_TYPE, "costs[0].types[0]"),
        ({"funds": {"cut": [{"fund": "Geen", "factor": 0}]}}, Reason.UNKNOWN_FUND, "funds.cut[0].fund"),
        ({"funds": {"remove": ["Geen"]}}, Reason.UNKNOWN_FUND, "funds.remove[0]"),
        ({"funds": {"add": [{"name": "Energiefonds", "amounts": {2027: 1}}]}}, Reason.DUPLICATE_ID,
         "funds.add[0].name"),
        ({"funds": {"add": [{"name": "N", "amounts": {2045: 1}}]}}, Reason.OUTSIDE_HORIZON,
         "funds.add[0].amounts.2045"),
        ({"starts": {"force": {"G-001": 2035}}}, Reason.OUTSIDE_HORIZON, "starts.force.G-001"),
        ({"starts": {"force": {"Q": 2027}}}, Reason.UNKNOWN_PROJECT, "starts.force.Q"),
        ({"starts": {"forbid": {"D-001": [2028]}}}, Reason.INVALID_VALUE, "starts.forbid.D-001"),
        ({"rules": {"change": {"riool-straat": {"saving_pct": 150}}}}, Reason.OUT_OF_RANGE,
         "rules.change.riool-straat.saving_pct"),
        ({"rules": {"change": {"riool-straat": {"colour": 1}}}}, Reason.UNKNOWN_KEY,
         "rules.change.riool-straat.colour"),
        ({"rules": {"remove": ["geen"]}}, Reason.UNKNOWN_KEY, "rules.remove[0]"),
        ({"windows": [{"partners": ["Dominj"], "shift": 1}]}, Reason.UNKNOWN_PARTNER,
         "windows[0].partners[0]"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bad_references_name_file_and_key(tiny_area: Area, overrides: dict[str, Any], reason: Reason,
                                          key: str) -> None:
    with pytest.raises(InputError) as info:
        apply_scenario(tiny_area, scenario(**overrides))
    found = [(p.reason, p.location.key, p.location.file) for p in info.value.problems]
    assert (reason, key, "t.yaml") in found, found


def test_mandatory_forced_before_its_dependency_still_validates(tiny_area: Area) -> None:
    # The model allows it; the optimiser reports the conflict (that is its job, not the scenario's).
    new = apply_scenario(tiny_area, scenario(starts={"force": {"D-002": 2026}}))
    assert new.project_by_id["D-002"].is_mandatory


def test_money_for_a_partner_left_out_by_the_same_scenario_is_refused(tiny_area: Area) -> None:
    with pytest.raises(InputError) as info:
        apply_scenario(tiny_area, scenario(remove={"partners": ["Domijn"]},
                                           budgets=[{"partner": "Domijn", "amount": 5}],
                                           funds={"add": [{"name": "N", "amounts": {2027: 1},
                                                           "partners": ["Domijn"]}]}))
    found = sorted((p.reason, p.location.key) for p in info.value.problems)
    assert found == [(Reason.INVALID_VALUE, "budgets[0].partner"),
                     (Reason.UNKNOWN_PARTNER, "funds.add[0].partners[0]")]
    new = apply_scenario(tiny_area, scenario(remove={"partners": ["Domijn"]}, budgets=[{"amount": 5}]))
    assert {b.partner for b in new.budgets} == {"Gemeente"}
