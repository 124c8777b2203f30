"""Bad input: WKT that does not parse, degrees instead of RD New, an empty area, unknown rule types."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dia.coupling import find_couplings
from dia.errors import InputError, Location, Reason
from dia.model import Area, CouplingRule
from tests.conftest import make_config
from tests.coupling.helpers import area, project, rule


@pytest.mark.parametrize(
    ("wkt", "why"),
    [
        ("LINESTRING (257000 471000, 257100", "valid"),
        ("POINT EMPTY", "valid"),
        ("Tubantiastraat 12", "valid"),
        ("POINT (6.88 52.22)", "degrees"),
        ("LINESTRING (6.88 52.22, 6.89 52.22)", "degrees"),
        ("POINT (957000 471000)", "outside the Netherlands"),
        ("POINT (257000 -471000)", "outside the Netherlands"),
    ],
    ids=["truncated", "empty", "not-wkt", "degrees-point", "degrees-line", "far-east", "negative-y"],
)
def test_bad_geometry_is_located(wkt: str, why: str) -> None:
    a = area(project("G-1", geometry="POINT (257000 471000)"), project("G-2", geometry=wkt),
             rules=(rule(),))
    with pytest.raises(InputError) as info:
        find_couplings(a)
    (problem,) = info.value.problems
    assert problem.reason is Reason.INVALID_GEOMETRY
    assert problem.location == Location(key="project G-2 (Locatie)")
    assert why in problem.message


def test_all_bad_geometries_are_reported_at_once() -> None:
    a = area(project("A", geometry="POINT (1 2)"), project("B", geometry="nonsense"), rules=(rule(),))
    with pytest.raises(InputError) as info:
        find_couplings(a)
    assert [p.location.key for p in info.value.problems] == ["project A (Locatie)", "project B (Locatie)"]


def test_empty_area() -> None:
    with pytest.raises(InputError) as info:
        find_couplings(area(rules=(rule(),)))
    assert [p.reason for p in info.value.problems] == [Reason.EMPTY_AREA]


def test_rule_with_unknown_type_names_the_yaml_key() -> None:
    good = area(project("A"), rules=(rule(),))
    bad_rule = CouplingRule.model_construct(**(rule("x").model_dump() | {"types": ("riolering", "kabel")}))
    # the area model refuses it already; an area built without validation is caught here
    with pytest.raises(ValidationError):
        Area(config=make_config(rules=(bad_rule,)), projects=good.projects, budgets=good.budgets)
    config = make_config().model_copy(update={"rules": (rule("ok"), bad_rule)})
    unchecked = Area.model_construct(config=config, projects=good.projects, budgets=good.budgets, funds=(),
                                     inputs=())
    with pytest.raises(InputError) as info:
        find_couplings(unchecked)
    (problem,) = info.value.problems
    assert problem.reason is Reason.UNKNOWN_TYPE
    assert problem.location == Location(file="dia.yaml", key="rules[1].types")
    assert "kabel" in problem.message


@pytest.mark.parametrize("change", [{"distance_m": -5.0, "scope": "within"}, {"saving_pct": 120},
                                    {"distance_m": -1.0}],
                         ids=["negative-within", "pct-above-100", "negative-street"])
def test_rule_values_are_validated_by_the_model(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        CouplingRule.model_validate({"id": "r", "types": ("riolering", "herinrichting"), **change})
