"""Invariants that live on the domain models themselves."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dia.errors import Reason
from dia.model import Area, Budget, CouplingRule, Horizon, Project
from dia.model.checks import area_findings
from tests.conftest import make_tiny_area

BASE = dict(id="X-1", partner="Gemeente", name="x", type="riolering", buurt="BU01530300",
            earliest_start=2026, duration=2, cost=100.0)


def test_latest_start_defaults_to_earliest_and_profile_is_even() -> None:
    p = Project(**BASE)
    assert p.latest_start == 2026
    assert p.profile == (50.0, 50.0)
    assert p.spend_in(2027, 2028) == 50.0
    assert p.spend_in(2027, 2029) == 0.0
    assert p.end_year(2027) == 2028


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"latest_start": 2025}, "lies before the earliest start"),
        ({"duration": 0}, "greater than or equal to 1"),
        ({"cost": -1.0}, "greater than or equal to 0"),
        ({"profile": (10.0, 10.0)}, "sums to 20.0, the cost is 100.0"),
        ({"profile": (100.0,)}, "has 1 years"),
        ({"after": ("X-1",)}, "after itself"),
        ({"latest_start": 2027, "preferred_start": 2029}, "outside the window"),
    ],
    ids=["window", "duration", "negative-cost", "profile-sum", "profile-length", "self-dep",
         "preferred"],
)
def test_project_invariants(changes: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        Project(**(BASE | changes))


def test_models_are_frozen() -> None:
    p = Project(**BASE)
    with pytest.raises(ValidationError):
        p.cost = 5.0  # type: ignore[misc]


def test_rule_types_are_order_free_and_validated() -> None:
    r = CouplingRule(id="r", types=("straat", "riool"), scope="same_buurt")
    assert r.types == ("riool", "straat")
    with pytest.raises(ValidationError, match="distance_m"):
        CouplingRule(id="r", types=("a", "b"), scope="within")
    with pytest.raises(ValidationError):
        CouplingRule(id="r", types=("a", "b"), saving_pct=120)


def test_horizon_order() -> None:
    with pytest.raises(ValidationError, match="before its start"):
        Horizon(start=2030, end=2026)


def test_tiny_area_is_consistent_and_sorted() -> None:
    area = make_tiny_area()
    assert [p.id for p in area.projects] == sorted(p.id for p in area.projects)
    assert [p.name for p in area.partners] == ["Domijn", "Gemeente"]
    assert area.budget_of("Domijn", 2026) is not None
    assert area.project_weight(area.project_by_id["D-002"]) == 1.5


def test_cross_reference_findings_name_each_problem() -> None:
    area = make_tiny_area()
    bad = [p.model_copy(update={"partner": "Onbekend"}) if p.id == "G-001" else p for p in area.projects]
    bad.append(area.project_by_id["G-002"])  # duplicate id
    bad.append(Project(**(BASE | {"id": "C-1", "after": ("C-2",)})))
    bad.append(Project(**(BASE | {"id": "C-2", "after": ("C-1",), "earliest_start": 2031,
                                  "latest_start": 2031})))
    findings = area_findings(area.config, bad, area.budgets, area.funds)
    reasons = {(f.key, f.reason) for f in findings}
    assert ("G-001", Reason.UNKNOWN_PARTNER) in reasons
    assert ("G-002", Reason.DUPLICATE_ID) in reasons
    assert ("C-2", Reason.OUTSIDE_HORIZON) in reasons
    cycle = [f for f in findings if f.reason == Reason.DEPENDENCY_CYCLE]
    assert len(cycle) == 1 and "C-1 → C-2 → C-1" in cycle[0].message
    with pytest.raises(ValidationError, match="inconsistent area"):
        Area(config=area.config, projects=tuple(bad), budgets=area.budgets, funds=area.funds)


def test_budget_outside_horizon_is_found() -> None:
    area = make_tiny_area()
    budgets = (*area.budgets, Budget(partner="Domijn", year=2040, amount=1.0))
    findings = area_findings(area.config, area.projects, budgets, area.funds)
    assert [f.reason for f in findings] == [Reason.OUTSIDE_HORIZON]
