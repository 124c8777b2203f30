"""Property tests: detection equals a brute-force all-pairs check, and behaves as a relation."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import shapely
from hypothesis import given
from hypothesis import strategies as st

from dia.coupling import find_couplings
from dia.coupling.streets import street_key
from dia.model import Area, CouplingRule, Project
from tests.coupling.strategies import areas


def _meets(rule: CouplingRule, a: Project, b: Project) -> bool:
    both_geo = a.geometry is not None and b.geometry is not None
    distance = (float(shapely.distance(shapely.from_wkt(a.geometry), shapely.from_wkt(b.geometry)))
                if both_geo else None)
    limit = rule.distance_m or 0.0
    if rule.scope == "same_buurt":
        return a.buurt == b.buurt
    if rule.scope == "same_street":
        keys_a = {street_key(s) for s in a.streets} - {""}
        keys_b = {street_key(s) for s in b.streets} - {""}
        return bool(keys_a & keys_b) or (distance is not None and distance <= limit)
    return distance is not None and distance <= limit


def _saving(rule: CouplingRule, a: Project, b: Project) -> float:
    if rule.saving_base == "fixed":
        return float(rule.saving_fixed or 0)
    base = min(a.cost, b.cost) if rule.saving_base == "smaller" else a.cost + b.cost
    return round(base * rule.saving_pct / 100, 2)


def brute_force(area: Area) -> dict[tuple[str, str], tuple[str, float, tuple[int, ...]]]:
    """Every pair against every rule, in plain Python (the independent truth)."""
    out: dict[tuple[str, str], tuple[str, float, tuple[int, ...]]] = {}
    for a, b in itertools.combinations(sorted(area.projects, key=lambda p: p.id), 2):
        if a.partner == b.partner and a.type == b.type:
            continue
        for rule in area.config.rules:
            if sorted((a.type, b.type)) != sorted(rule.types):
                continue
            if not _meets(rule, a, b):
                continue
            years = tuple(ya for ya in a.start_years
                          if any(abs(ya - yb) <= rule.max_gap for yb in b.start_years))
            if not years:
                continue
            found = (rule.id, _saving(rule, a, b), years)
            old = out.get((a.id, b.id))
            if old is None or (-found[1], found[0]) < (-old[1], old[0]):
                out[(a.id, b.id)] = found
    return out


@given(areas())
def test_equals_brute_force(area: Area) -> None:
    cg = find_couplings(area)
    got = {c.pair: (c.rule, c.potential_saving, c.common_years) for c in cg.couplings}
    assert got == brute_force(area)


@given(areas())
def test_symmetric_no_self_pairs_sorted(area: Area) -> None:
    cg = find_couplings(area)
    pairs = [c.pair for c in cg.couplings]
    assert pairs == sorted(set(pairs))
    for c in cg.couplings:
        assert c.project_a < c.project_b
        assert cg.coupling(c.project_b, c.project_a) is c
        assert cg.graph.has_edge(c.project_b, c.project_a)
    assert nx.number_of_selfloops(cg.graph) == 0
    assert cg.graph.number_of_edges() == len(cg.couplings)
    assert nx.is_frozen(cg.graph)


@given(areas(), st.randoms(use_true_random=False))
def test_independent_of_input_order(area: Area, rnd: random.Random) -> None:
    projects = list(area.projects)
    rules = list(area.config.rules)
    rnd.shuffle(projects)
    rnd.shuffle(rules)
    shuffled = Area(config=area.config.model_copy(update={"rules": tuple(rules)}),
                    projects=tuple(projects), budgets=area.budgets)
    assert find_couplings(shuffled).couplings == find_couplings(area).couplings


@given(areas())
def test_cap_holds_for_projects_and_clusters(area: Area) -> None:
    cg = find_couplings(area)
    cost = {p.id: p.cost for p in area.projects}
    for pid, saving in cg.saving_by_project.items():
        assert 0 <= saving <= cost[pid]
    for cluster in cg.clusters:
        assert cluster.potential_saving <= sum(cost[p] for p in cluster.projects) + 0.01
        for group in cluster.groups:
            assert set(group.projects) <= set(cluster.projects)
            assert group.potential_saving <= cluster.potential_saving + 0.01
    in_clusters = sorted(c.pair for cluster in cg.clusters for c in cluster.couplings)
    assert in_clusters == [c.pair for c in cg.couplings]


@given(areas(max_projects=10))
def test_groups_are_maximal_cliques_that_start_together(area: Area) -> None:
    cg = find_couplings(area)
    by_id = area.project_by_id
    graph = cg.graph
    for cluster in cg.clusters:
        assert nx.is_connected(graph.subgraph(cluster.projects))
        for group in cluster.groups:
            members = group.projects
            assert all(graph.has_edge(a, b) for k, a in enumerate(members) for b in members[k + 1:])
            assert group.years
            for year in group.years:
                assert all(year in by_id[p].start_years for p in members)
                # maximal in that year: nobody else active then couples with every member
                others = [p for p in cluster.projects if p not in members and year in by_id[p].start_years]
                assert not any(all(graph.has_edge(o, m) for m in members) for o in others)
    # every coupling whose two projects can start in the same year is inside some group
    for c in cg.couplings:
        shared = set(by_id[c.project_a].start_years) & set(by_id[c.project_b].start_years)
        for year in shared:
            assert any({c.project_a, c.project_b} <= set(g.projects) and year in g.years
                       for cl in cg.clusters for g in cl.groups)
