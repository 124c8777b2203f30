"""Clusters of koppelkansen: connected projects, and the groups that can start together.

A *cluster* is a connected component of the koppelkansen graph: projects
linked by couplings, directly or through others (the sewer links the street
redesign, which links the heat network). Inside a cluster, a *group* is a
set of projects that can all be done as one job: every two of them couple
(a clique) and there is a year in which all of them can start. Groups are
found per start year ``y`` as the maximal cliques among the cluster's
projects whose window contains ``y``; a group lists every year it works for,
and a group contained in a bigger one that works in the same years is left
out.

Savings are capped per project (a project never saves more than it costs):
each coupling's saving is credited to its two projects by ``share_a``
(proportional to cost), and a project's credit is the smaller of its cost
and the sum of its credits. The saving of a cluster or group is the sum of
its projects' capped credits over the couplings inside it, so it never
exceeds what its projects cost.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from dia.model import Coupling, Project


@dataclass(frozen=True)
class Group:
    """Projects that all couple with each other and can all start in one of ``years``."""

    projects: tuple[str, ...]
    years: tuple[int, ...]
    potential_saving: float
    """Euro, capped per project, over the couplings among the group's projects."""


@dataclass(frozen=True)
class Cluster:
    """A connected component of the koppelkansen graph, ranked by potential saving."""

    id: str
    """``K1``, ``K2``, ... in order of rank (largest saving first)."""
    projects: tuple[str, ...]
    partners: tuple[str, ...]
    buurten: tuple[str, ...]
    streets: tuple[str, ...]
    couplings: tuple[Coupling, ...]
    potential_saving: float
    """Euro, capped per project (at most the sum of the projects' costs)."""
    groups: tuple[Group, ...]
    """Groups that can start together, largest saving first."""

    @property
    def years(self) -> tuple[int, ...]:
        """Start years of the best group (empty if no group can start together)."""
        return self.groups[0].years if self.groups else ()


def credits(couplings: Iterable[Coupling]) -> dict[str, float]:
    """Uncapped saving credited to each project: its share of each of its couplings."""
    out: dict[str, float] = defaultdict(float)
    for c in couplings:
        out[c.project_a] += c.potential_saving * c.share_a
        out[c.project_b] += c.potential_saving * (1.0 - c.share_a)
    return dict(out)


def capped_total(couplings: Iterable[Coupling], cost: Mapping[str, float]) -> float:
    """Sum over projects of min(cost, credited saving), for a set of couplings.

    Parameters
    ----------
    couplings:
        The couplings counted together (a cluster, a group, an agenda).
    cost:
        Project id -> cost in euro.

    Returns
    -------
    float
        Euro, rounded to cents.
    """
    return round(sum(min(cost[p], s) for p, s in sorted(credits(couplings).items())), 2)


def _groups(
    nodes: Sequence[str], couplings: Sequence[Coupling], projects: Mapping[str, Project]
) -> tuple[Group, ...]:
    cost = {p: projects[p].cost for p in nodes}
    by_pair = {c.pair: c for c in couplings}
    if len(nodes) == 2:
        a, b = nodes
        years = tuple(y for y in projects[a].start_years if y in projects[b].start_years)
        return (Group((a, b), years, capped_total(couplings, cost)),) if years else ()
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(by_pair)
    first = min(projects[p].earliest_start for p in nodes)
    last = max(projects[p].latest_start for p in nodes)
    years_of: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for year in range(first, last + 1):
        active = [p for p in nodes if projects[p].earliest_start <= year <= projects[p].latest_start]
        for clique in nx.find_cliques(graph.subgraph(active)):
            if len(clique) >= 2:
                years_of[tuple(sorted(clique))].append(year)
    members = {g: set(g) for g in years_of}
    kept: list[Group] = []
    for g, ys in years_of.items():
        covered = any(
            h != g and members[g] < members[h] and set(ys) <= set(years_of[h]) for h in years_of
        )
        if covered:
            continue
        inside = [by_pair[(a, b)] for k, a in enumerate(g) for b in g[k + 1:]]
        kept.append(Group(g, tuple(ys), capped_total(inside, cost)))
    return tuple(sorted(kept, key=lambda grp: (-grp.potential_saving, -len(grp.projects), grp.projects)))


def find_clusters(
    couplings: Sequence[Coupling], projects: Mapping[str, Project]
) -> tuple[Cluster, ...]:
    """The clusters of a set of couplings, ranked by capped potential saving.

    Parameters
    ----------
    couplings:
        Couplings sorted by pair (as :attr:`CouplingGraph.couplings`).
    projects:
        Project id -> project, for costs, windows, partners and buurten.

    Returns
    -------
    tuple of Cluster
        Largest saving first; ties by the smallest project id. Projects
        without couplings are in no cluster.
    """
    graph: nx.Graph[str] = nx.Graph()
    graph.add_edges_from(c.pair for c in couplings)
    of_node: dict[str, int] = {}
    components = sorted(sorted(c) for c in nx.connected_components(graph))
    for k, comp in enumerate(components):
        for p in comp:
            of_node[p] = k
    members: list[list[Coupling]] = [[] for _ in components]
    for c in couplings:
        members[of_node[c.project_a]].append(c)
    draft = []
    for comp, cs in zip(components, members, strict=True):
        cost = {p: projects[p].cost for p in comp}
        draft.append((capped_total(cs, cost), comp, cs))
    draft.sort(key=lambda d: (-d[0], d[1][0]))
    return tuple(
        Cluster(
            id=f"K{rank}",
            projects=tuple(comp),
            partners=tuple(sorted({projects[p].partner for p in comp})),
            buurten=tuple(sorted({projects[p].buurt for p in comp})),
            streets=tuple(sorted({c.street for c in cs if c.street})),
            couplings=tuple(cs),
            potential_saving=saving,
            groups=_groups(comp, cs, projects),
        )
        for rank, (saving, comp, cs) in enumerate(draft, start=1)
    )
