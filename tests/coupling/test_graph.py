"""CouplingGraph: frozen graph with plain attributes, look-ups, table, progress."""

from __future__ import annotations

import networkx as nx
import pytest

from dia import find_couplings as lazy_find_couplings
from dia.coupling import CouplingGraph, find_couplings
from dia.coupling.graph import FRAME_COLUMNS
from dia.model import Area
from tests.coupling.helpers import area, project, rule


@pytest.fixture
def small() -> Area:
    return area(project("A", streets=("Tubantiastraat 1",), cost=200_000),
                project("B", type="herinrichting", streets=("tubantiastr.",), cost=600_000,
                        earliest_start=2027, latest_start=2028),
                project("C", type="renovatie", partner="Domijn"),
                rules=(rule(max_gap=1, saving_pct=20),))


def test_graph_is_frozen_with_plain_attributes(small: Area) -> None:
    cg = find_couplings(small)
    assert isinstance(cg, CouplingGraph)
    assert nx.is_frozen(cg.graph)
    with pytest.raises(nx.NetworkXError):
        cg.graph.add_edge("A", "C")
    assert sorted(cg.graph.nodes) == ["A", "B"]  # C couples with nothing
    node = cg.graph.nodes["B"]
    assert (node["partner"], node["type"], node["cost"], node["streets"]) == (
        "Gemeente", "herinrichting", 600_000.0, "tubantiastr.")
    edge = cg.graph.edges["B", "A"]
    assert edge == {"rule": "r", "overlap": "street", "buurt": "BU01530300", "max_gap": 1,
                    "common_years": (2026, 2027), "potential_saving": 40_000.0, "share_a": 0.25,
                    "street": "Tubantiastraat"}


def test_lookups_and_savings(small: Area) -> None:
    cg = find_couplings(small)
    (c,) = cg.couplings
    assert cg.coupling("B", "A") is c and cg.coupling("A", "C") is None
    assert cg.couplings_of("A") == (c,) and cg.couplings_of("C") == ()
    assert cg.capped_saving("A") == pytest.approx(10_000)
    assert cg.capped_saving("B") == pytest.approx(30_000)
    assert cg.capped_saving("C") == 0
    assert cg.total_saving == 40_000
    assert len(cg) == 1 and list(cg) == [c]


def test_to_frame(small: Area) -> None:
    frame = find_couplings(small).to_frame()
    assert tuple(frame.columns) == FRAME_COLUMNS
    row = frame.iloc[0]
    assert (row.project_a, row.project_b, row.partner_b, row.first_year, row.last_year, row.common_years) == (
        "A", "B", "Gemeente", 2026, 2027, "2026;2027")


def test_progress_is_reported_and_lazy_api_is_the_same(small: Area) -> None:
    calls: list[tuple[str, float | None]] = []
    cg = find_couplings(small, progress=lambda message, fraction: calls.append((message, fraction)))
    assert calls and calls[-1][1] == 1.0
    assert lazy_find_couplings(small).couplings == cg.couplings


def test_gc_pause_restores_the_collector_state() -> None:
    import gc

    from dia.coupling._gc import gc_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
