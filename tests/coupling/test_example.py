"""The bundled example holds real koppelkansen of every kind, and the designed near misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from dia.coupling import CouplingGraph, find_couplings

#: (project a, project b, rule, overlap, street): from examples/twekkelerveld/README.md.
DESIGNED = [
    ("GEM-001", "GEM-002", "riool-herinrichting", "street", "Goolkatenweg"),
    ("GEM-006", "GEM-007", "riool-herinrichting", "street", "Spoordijkstraat"),
    ("GEM-003", "GEM-004", "riool-klimaat", "street", "Pijlhovestraat"),
    ("GEM-006", "WVS-001", "riool-klimaat", "street", "Spoordijkstraat"),
    ("GEM-007", "WVS-001", "herinrichting-klimaat", "street", "Spoordijkstraat"),
    ("GEM-026", "WVS-003", "herinrichting-klimaat", "distance", None),
    ("ENN-002", "ENX-002", "warmtenet-gasnet", "street", None),
    ("ENN-003", "ENX-003", "warmtenet-gasnet", "street", None),
    ("ENN-004", "ENX-008", "warmtenet-gasnet", "street", "Goolkatenweg"),
    ("DOM-001", "ENN-002", "warmtenet-renovatie", "buurt", None),
    ("ENN-001", "OHU-001", "warmtenet-renovatie", "buurt", None),
    ("ENN-003", "GEM-010", "warmtenet-herinrichting", "street", None),
    ("ENX-001", "GEM-020", "netversterking-herinrichting", "street", "Hengelosestraat"),
    ("ENX-005", "GEM-014", "netversterking-herinrichting", "street", "Toekomststraat"),
    ("GEM-005", "VIT-001", "drinkwater-riool", "street", "Lambertus Buddestraat"),
    ("GEM-001", "VIT-007", "drinkwater-riool", "street", "Goolkatenweg"),
    ("GEM-003", "VIT-004", "drinkwater-riool", "street", "Pijlhovestraat"),
    ("GEM-006", "VIT-006", "drinkwater-riool", "street", "Spoordijkstraat"),
    ("GEM-010", "GLV-001", "glasvezel-herinrichting", "street", None),
    ("GEM-011", "GLV-002", "glasvezel-riool", "street", "Minister Loudonlaan"),
    ("DOM-001", "GEM-015", "renovatie-sociaal", "buurt", None),
    ("GEM-016", "OHU-005", "renovatie-sociaal", "buurt", None),
    ("DOM-003", "GEM-017", "verduurzaming-energiecoach", "buurt", None),
    ("GEM-018", "OHU-002", "verduurzaming-energiecoach", "buurt", None),
    ("GEM-021", "OHU-004", "sloop-herinrichting", "buurt", None),
    ("GEM-020", "WPL-004", "sloop-herinrichting", "buurt", None),
    ("WPL-001", "WPL-006", "renovatie-verduurzaming", "buurt", None),
]

NEAR_MISSES = [("GEM-008", "GEM-009"), ("GEM-024", "VIT-003"), ("GEM-014", "GLV-003"),
               ("GEM-005", "VIT-002"), ("GEM-019", "WPL-002"), ("DOM-003", "GEM-018")]


@pytest.fixture(scope="module")
def example_couplings() -> CouplingGraph:
    from tests.conftest import EXAMPLE

    if not (Path(EXAMPLE) / "dia.yaml").is_file():
        pytest.skip("bundled example not present yet")
    from dia.io.area import load_area

    return find_couplings(load_area(EXAMPLE))


@pytest.mark.parametrize(("a", "b", "rule", "overlap", "street"), DESIGNED,
                         ids=[f"{a}+{b}" for a, b, *_ in DESIGNED])
def test_designed_koppelkans_is_found(example_couplings: CouplingGraph, a: str, b: str, rule: str,
                                      overlap: str, street: str | None) -> None:
    c = example_couplings.coupling(a, b)
    assert c is not None
    assert (c.rule, c.overlap) == (rule, overlap)
    if street is not None:
        assert c.street == street
    if overlap == "distance":
        assert c.distance_m is not None and c.distance_m <= 25
    assert c.potential_saving > 0


@pytest.mark.parametrize(("a", "b"), NEAR_MISSES, ids=[f"{a}+{b}" for a, b in NEAR_MISSES])
def test_near_miss_does_not_couple(example_couplings: CouplingGraph, a: str, b: str) -> None:
    assert example_couplings.coupling(a, b) is None


def test_every_kind_of_overlap_and_a_multi_partner_group(example_couplings: CouplingGraph) -> None:
    assert {c.overlap for c in example_couplings.couplings} == {"street", "distance", "buurt"}
    best = max((g for cl in example_couplings.clusters for g in cl.groups),
               key=lambda g: (len(g.projects), g.potential_saving))
    # the Spoordijkstraat: sewer, redesign and the water board's stream as one job
    assert best.projects == ("GEM-006", "GEM-007", "WVS-001")
    cost = sum(example_couplings.area.project_by_id[p].cost for p in best.projects)
    assert 0 < best.potential_saving <= cost
