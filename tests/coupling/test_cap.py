"""The per-project cap, its apportioning by cost, clusters and groups."""

from __future__ import annotations

import pytest

from dia.coupling import find_couplings
from tests.coupling.helpers import area, project, rule


def test_capped_saving_is_at_most_the_cost() -> None:
    # a small sewer job in a street with three big redesigns: 3 x 60 % of its own cost credited
    hub = project("A", streets=("X",), cost=100_000)
    others = [project(f"B{k}", type="herinrichting", streets=("X",), cost=1_000_000, partner="Domijn")
              for k in range(3)]
    cg = find_couplings(area(hub, *others, rules=(rule(saving_pct=60, saving_base="sum"),)))
    assert len(cg.couplings) == 3
    # each coupling saves 60 % of 1.1 M = 660,000, of which A's share is 1/11 = 60,000
    assert cg.credited["A"] == pytest.approx(180_000)
    assert cg.capped_saving("A") == 100_000
    assert cg.capped_saving("B0") == pytest.approx(600_000)
    assert cg.total_saving == pytest.approx(100_000 + 3 * 600_000)
    (cluster,) = cg.clusters
    assert cluster.potential_saving == pytest.approx(cg.total_saving)
    assert cluster.potential_saving <= sum(p.cost for p in cg.area.projects)


def test_zero_cost_pair_splits_evenly_and_saves_nothing_under_smaller() -> None:
    cg = find_couplings(area(project("A", streets=("X",), cost=0),
                             project("B", type="herinrichting", streets=("X",), cost=0),
                             rules=(rule(),)))
    assert cg.couplings[0].share_a == 0.5
    assert cg.total_saving == 0


def test_clusters_ranked_and_groups_start_together() -> None:
    rules = (rule("rh", saving_pct=20), rule("hr", types=("herinrichting", "renovatie"),
                                             scope="same_buurt", max_gap=1, saving_pct=10))
    a = area(
        project("A", streets=("X",), earliest_start=2026, latest_start=2027),
        project("B", type="herinrichting", streets=("X",), earliest_start=2027, latest_start=2028),
        project("C", type="renovatie", partner="Domijn", earliest_start=2028, latest_start=2028),
        project("D", streets=("Y",), cost=10_000, buurt="BU01530301"),
        project("E", type="herinrichting", streets=("Y",), cost=10_000, buurt="BU01530301"),
        rules=rules,
    )
    cg = find_couplings(a)
    assert [c.projects for c in cg.clusters] == [("A", "B", "C"), ("D", "E")]
    assert [c.id for c in cg.clusters] == ["K1", "K2"]
    big = cg.clusters[0]
    # A-B can start together in 2027, B-C in 2028; A and C do not couple
    assert [(g.projects, g.years) for g in big.groups] == [(("A", "B"), (2027,)), (("B", "C"), (2028,))]
    assert big.years == (2027,)
