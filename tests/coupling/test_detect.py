"""Unit tests per spatial scope, per time tolerance, the partner/type rule and rule choice."""

from __future__ import annotations

import pytest

from dia.coupling import find_couplings
from tests.coupling.helpers import area, project, rule

ROAD = "LINESTRING (257000 471000, 257200 471000)"


def _pairs(a: object) -> list[tuple[str, str, str]]:
    cg = find_couplings(a)  # type: ignore[arg-type]
    return [(c.project_a, c.project_b, c.rule) for c in cg.couplings]


def test_same_street_by_name() -> None:
    a = area(project("A", streets=("Tubantiastraat 4",)),
             project("B", type="herinrichting", streets=("Vlierstraat", "tubantiastr.")),
             project("C", type="herinrichting", streets=("Vlierstraat",)), rules=(rule(),))
    cg = find_couplings(a)
    assert [c.pair for c in cg.couplings] == [("A", "B")]
    c = cg.couplings[0]
    assert (c.overlap, c.street, c.distance_m, c.buurt) == ("street", "Tubantiastraat", None, "BU01530300")


def test_same_street_by_geometry_within_distance() -> None:
    near = "LINESTRING (257000 471020, 257200 471020)"  # 20 m from ROAD
    far = "LINESTRING (257000 471030, 257200 471030)"  # 30 m from ROAD
    a = area(project("A", geometry=ROAD), project("B", type="herinrichting", geometry=near),
             project("C", type="herinrichting", geometry=far), rules=(rule(distance_m=25),))
    cg = find_couplings(a)
    assert [c.pair for c in cg.couplings] == [("A", "B")]
    assert (cg.couplings[0].overlap, cg.couplings[0].distance_m) == ("distance", 20.0)


def test_same_street_without_distance_needs_touching_geometries() -> None:
    touching = "LINESTRING (257200 471000, 257300 471000)"
    apart = "LINESTRING (257201 471000, 257300 471000)"
    a = area(project("A", geometry=ROAD), project("B", type="herinrichting", geometry=touching),
             project("C", type="herinrichting", geometry=apart), rules=(rule(),))
    assert _pairs(a) == [("A", "B", "r")]


def test_same_street_name_wins_over_distance_and_names_the_street() -> None:
    a = area(project("A", streets=("Tubantiastraat",), geometry=ROAD),
             project("B", type="herinrichting", streets=("Tubantiastraat",), geometry=ROAD),
             rules=(rule(distance_m=25),))
    c = find_couplings(a).couplings[0]
    assert (c.overlap, c.street, c.distance_m) == ("street", "Tubantiastraat", 0.0)


def test_same_buurt() -> None:
    a = area(project("A", type="renovatie", partner="Domijn"),
             project("B", type="herinrichting"),
             project("C", type="herinrichting", buurt="BU01530301"),
             rules=(rule(types=("renovatie", "herinrichting"), scope="same_buurt"),))
    cg = find_couplings(a)
    assert [(c.pair, c.overlap) for c in cg.couplings] == [(("A", "B"), "buurt")]


def test_within_needs_geometries() -> None:
    a = area(project("A", geometry=ROAD, streets=("Tubantiastraat",)),
             project("B", type="herinrichting", geometry="POINT (257100 471049)"),
             project("C", type="herinrichting", streets=("Tubantiastraat",)),
             project("D", type="herinrichting", geometry="POINT (257100 471051)"),
             rules=(rule(scope="within", distance_m=50),))
    assert _pairs(a) == [("A", "B", "r")]


@pytest.mark.parametrize(("gap", "b_start", "coupled"),
                         [(0, 2027, True), (0, 2028, False), (1, 2028, True), (1, 2029, False),
                          (2, 2029, True)],
                         ids=["gap0-overlap", "gap0-apart", "gap1-next", "gap1-apart", "gap2"])
def test_time_tolerance(gap: int, b_start: int, coupled: bool) -> None:
    a = area(project("A", streets=("X-straat",), earliest_start=2026, latest_start=2027),
             project("B", type="herinrichting", streets=("X-straat",), earliest_start=b_start,
                     latest_start=b_start),
             rules=(rule(max_gap=gap),))
    cg = find_couplings(a)
    assert bool(cg.couplings) is coupled
    if coupled:
        assert cg.couplings[0].common_years == tuple(
            y for y in (2026, 2027) if abs(y - b_start) <= gap)


def test_same_partner_same_type_never_couple_but_other_combinations_do() -> None:
    same_type = rule("rr", types=("riolering", "riolering"))
    a = area(project("A", streets=("X",)), project("B", streets=("X",)),
             project("C", streets=("X",), partner="Domijn"),
             project("D", streets=("X",), type="herinrichting"),
             rules=(same_type, rule()))
    assert _pairs(a) == [("A", "C", "rr"), ("A", "D", "r"), ("B", "C", "rr"), ("B", "D", "r"),
                         ("C", "D", "r")]


def test_largest_saving_wins_then_rule_id() -> None:
    a = area(project("A", streets=("X",), cost=100_000), project("B", type="herinrichting", streets=("X",),
                                                                  cost=300_000),
             rules=(rule("b-small", saving_pct=10), rule("c-sum", saving_pct=10, saving_base="sum"),
                    rule("a-buurt", scope="same_buurt", saving_pct=30)))
    c = find_couplings(a).couplings[0]
    assert (c.rule, c.potential_saving) == ("c-sum", 40_000.0)
    tie = area(*a.projects, rules=(rule("z", saving_pct=10), rule("y", saving_pct=10)))
    assert find_couplings(tie).couplings[0].rule == "y"


def test_fixed_saving_and_share_by_cost() -> None:
    a = area(project("A", streets=("X",), cost=100_000), project("B", type="herinrichting", streets=("X",),
                                                                  cost=300_000),
             rules=(rule(saving_base="fixed", saving_fixed=8_000),))
    c = find_couplings(a).couplings[0]
    assert (c.potential_saving, c.share_a) == (8_000.0, 0.25)


def test_rule_types_are_order_free() -> None:
    a = area(project("A", streets=("X",)), project("B", type="herinrichting", streets=("X",)),
             rules=(rule(types=("herinrichting", "riolering")),))
    assert _pairs(a) == [("A", "B", "r")]


def test_no_rule_no_coupling() -> None:
    a = area(project("A", streets=("X",)), project("B", type="renovatie", streets=("X",)), rules=(rule(),))
    cg = find_couplings(a)
    assert cg.couplings == ()
    assert cg.graph.number_of_nodes() == 0
    assert cg.clusters == ()
    assert list(cg.to_frame().columns)[:4] == ["project_a", "project_b", "rule", "potential_saving"]
