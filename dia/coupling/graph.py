"""The koppelkansen of an area as one object: couplings, a frozen graph, clusters, capped savings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

import networkx as nx

from dia.coupling._gc import gc_paused
from dia.coupling.clusters import Cluster, credits, find_clusters
from dia.model import Area, Coupling, Project

if TYPE_CHECKING:
    import pandas as pd

#: Columns of :meth:`CouplingGraph.to_frame`; the first four are those of ``couplings.csv``.
FRAME_COLUMNS: tuple[str, ...] = (
    "project_a", "project_b", "rule", "potential_saving",
    "partner_a", "partner_b", "type_a", "type_b", "overlap", "street", "distance_m", "buurt",
    "max_gap", "first_year", "last_year", "common_years", "share_a",
)


def _node_attributes(p: Project) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "partner": p.partner, "name": p.name, "type": p.type, "buurt": p.buurt,
        "cost": p.cost, "earliest_start": p.earliest_start, "latest_start": p.latest_start,
        "duration": p.duration, "streets": "; ".join(p.streets), "has_geometry": p.geometry is not None,
    }
    return attrs


def _edge_attributes(c: Coupling) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "rule": c.rule, "overlap": c.overlap, "buurt": c.buurt, "max_gap": c.max_gap,
        "common_years": c.common_years, "potential_saving": c.potential_saving, "share_a": c.share_a,
    }
    if c.street is not None:
        attrs["street"] = c.street
    if c.distance_m is not None:
        attrs["distance_m"] = c.distance_m
    return attrs


class CouplingGraph:
    """Koppelkansen of an area (the result of :func:`dia.coupling.find_couplings`).

    Attributes
    ----------
    area:
        The area the couplings were found in.
    couplings:
        One :class:`~dia.model.Coupling` per coupled pair, sorted by
        ``(project_a, project_b, rule)``.
    graph:
        Frozen ``networkx.Graph``: a node per project that takes part in a
        coupling (attributes: partner, name, type, buurt, cost, windows,
        streets), an edge per coupling (rule, overlap, street, distance_m,
        buurt, max_gap, common_years, potential_saving, share_a). Nodes and
        edges are inserted in sorted order.
    """

    def __init__(self, area: Area, couplings: tuple[Coupling, ...], graph: nx.Graph[str]) -> None:
        self.area = area
        self.couplings = couplings
        self.graph = graph

    @classmethod
    def build(cls, area: Area, couplings: tuple[Coupling, ...]) -> CouplingGraph:
        """Sort the couplings, build and freeze the graph.

        Parameters
        ----------
        area:
            The area the couplings belong to (every id must be one of its projects).
        couplings:
            At most one coupling per pair.

        Returns
        -------
        CouplingGraph
        """
        ordered = tuple(sorted(couplings, key=lambda c: (c.project_a, c.project_b, c.rule)))
        by_id = area.project_by_id
        ids = sorted({p for c in ordered for p in c.pair})
        graph: nx.Graph[str] = nx.Graph(name=area.config.name)
        graph.add_nodes_from((pid, _node_attributes(by_id[pid])) for pid in ids)
        graph.add_edges_from((c.project_a, c.project_b, _edge_attributes(c)) for c in ordered)
        return cls(area, ordered, nx.freeze(graph))

    def __len__(self) -> int:
        return len(self.couplings)

    def __iter__(self) -> Iterator[Coupling]:
        return iter(self.couplings)

    def __repr__(self) -> str:
        return (f"CouplingGraph({self.area.config.name!r}: {len(self.couplings)} couplings, "
                f"{self.graph.number_of_nodes()} projects)")

    # ---- look-ups ---------------------------------------------------------------
    @cached_property
    def _by_pair(self) -> dict[tuple[str, str], Coupling]:
        return {c.pair: c for c in self.couplings}

    def coupling(self, a: str, b: str) -> Coupling | None:
        """The coupling of two projects (in either order), or None."""
        return self._by_pair.get((a, b) if a < b else (b, a))

    @cached_property
    def _of_project(self) -> dict[str, tuple[Coupling, ...]]:
        out: dict[str, list[Coupling]] = {}
        for c in self.couplings:
            out.setdefault(c.project_a, []).append(c)
            out.setdefault(c.project_b, []).append(c)
        return {p: tuple(cs) for p, cs in out.items()}

    def couplings_of(self, project_id: str) -> tuple[Coupling, ...]:
        """The couplings a project takes part in (sorted by pair)."""
        return self._of_project.get(project_id, ())

    # ---- savings ----------------------------------------------------------------
    @cached_property
    def credited(self) -> Mapping[str, float]:
        """Uncapped saving credited to each coupled project over all its couplings.

        Each coupling's ``potential_saving`` goes ``share_a`` to project a and
        the rest to project b (shares proportional to cost).
        """
        return credits(self.couplings)

    def capped_saving(self, project_id: str) -> float:
        """The most a project can save over all its couplings: min(cost, credited saving).

        Parameters
        ----------
        project_id:
            A project of the area.

        Returns
        -------
        float
            Euro (0 for a project without couplings).
        """
        credit = self.credited.get(project_id, 0.0)
        return min(self.area.project_by_id[project_id].cost, credit)

    @cached_property
    def saving_by_project(self) -> Mapping[str, float]:
        """``capped_saving`` of every coupled project, sorted by id."""
        return {p: self.capped_saving(p) for p in sorted(self.credited)}

    @property
    def total_saving(self) -> float:
        """Sum of the capped savings: the most coupling could save in this area (euro)."""
        return round(sum(self.saving_by_project.values()), 2)

    # ---- clusters and tables ----------------------------------------------------
    @cached_property
    def clusters(self) -> tuple[Cluster, ...]:
        """Connected groups of coupled projects, largest capped saving first.

        See :mod:`dia.coupling.clusters`. Computed on first use.
        """
        with gc_paused():
            return find_clusters(self.couplings, self.area.project_by_id)

    def to_frame(self) -> pd.DataFrame:
        """The couplings as a table, one row per pair (columns :data:`FRAME_COLUMNS`).

        Returns
        -------
        pandas.DataFrame
            Sorted by ``(project_a, project_b)``; ``common_years`` as ``"2027;2028"``.

        Examples
        --------
        >>> cg.to_frame()[["project_a", "project_b", "rule", "potential_saving"]]  # doctest: +SKIP
        """
        import pandas as pd

        by_id = self.area.project_by_id
        rows = [
            (
                c.project_a, c.project_b, c.rule, c.potential_saving,
                by_id[c.project_a].partner, by_id[c.project_b].partner,
                by_id[c.project_a].type, by_id[c.project_b].type,
                c.overlap, c.street, c.distance_m, c.buurt, c.max_gap,
                c.common_years[0], c.common_years[-1], ";".join(map(str, c.common_years)), c.share_a,
            )
            for c in self.couplings
        ]
        return pd.DataFrame.from_records(rows, columns=list(FRAME_COLUMNS))
