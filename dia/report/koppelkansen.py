"""Files of ``dia koppelkansen --out DIR``: couplings.csv, GraphML, GeoJSON and a network picture.

* ``couplings.csv``: the output-contract columns ``project_a, project_b,
  rule, potential_saving, realised`` (written with the same formatting as
  ``dia plan``'s ``couplings.csv``); before planning nothing is realised yet,
  so ``realised`` is empty (unknown), not ``false``.
* ``koppelkansen.graphml``: the koppelkansen graph for Gephi or yEd; node
  and edge attributes as in :class:`dia.coupling.CouplingGraph`, plus each
  node's capped ``saving``, with ``common_years`` as ``"2027;2028"``.
* ``koppelkansen.geojson``: projects with a WKT geometry and the links
  between coupled ones, in WGS84 (EPSG:4326, RFC 7946) converted from RD New
  with pyproj; written only when some project has a geometry.
* ``koppelkansen.png``: the network; nodes coloured by partner (the colours
  of every other chart), sized by cost, edges as wide as their saving, each
  connected cluster laid out on its own and the clusters packed in rows, so
  200 projects stay readable.

:func:`write_koppelkansen` stages every file and publishes them together
(:func:`dia.io.atomic.staged_dir`).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from dia.io.atomic import atomic_open, staged_dir
from dia.report.colours import PALETTE, normalise_hex
from dia.report.tables import COUPLINGS_COLUMNS, csv_bytes, fmt_euro, fmt_text

if TYPE_CHECKING:
    from dia.coupling import CouplingGraph
    from dia.model import Area

Progress = Callable[[str, float | None], None]

_TEXT: dict[str, tuple[str, str]] = {
    "title": ("Koppelkansen {name}", "Couplings {name}"),
    "subtitle": (
        "{n} koppelkansen tussen {p} projecten; potentiële besparing € {s} (begrensd per project)",
        "{n} couplings among {p} projects; potential saving € {s} (capped per project)",
    ),
    "none": ("Geen koppelkansen gevonden", "No couplings found"),
    "partner": ("Partner", "Partner"),
    "legend_size": ("grootte: kosten; lijndikte: besparing", "size: cost; line width: saving"),
}


def _t(key: str, lang: str, **fields: object) -> str:
    nl, en = _TEXT[key]
    return (en if lang == "en" else nl).format(**fields)


# ---- couplings.csv -----------------------------------------------------------------
def couplings_csv_rows(cg: CouplingGraph) -> list[tuple[str, ...]]:
    """Rows of ``couplings.csv`` for koppelkansen that are not planned yet (``realised`` empty)."""
    return [
        (fmt_text(c.project_a), fmt_text(c.project_b), fmt_text(c.rule), fmt_euro(c.potential_saving), "")
        for c in cg.couplings
    ]


def write_couplings_csv(path: str | os.PathLike[str], cg: CouplingGraph) -> Path:
    """Write ``couplings.csv`` (contract columns) atomically; returns ``path``."""
    with atomic_open(path, "wb") as handle:
        handle.write(csv_bytes(COUPLINGS_COLUMNS, couplings_csv_rows(cg)))
    return Path(path)


# ---- GraphML -------------------------------------------------------------------------
def graphml_graph(cg: CouplingGraph) -> nx.Graph[str]:
    """A GraphML-ready copy of the graph: scalar attributes only, capped saving per node."""
    out: nx.Graph[str] = nx.Graph(name=cg.area.config.name)
    for node, data in cg.graph.nodes(data=True):
        attrs = {k: v for k, v in data.items() if v is not None}
        attrs["label"] = f"{node} {data['name']}"
        attrs["saving"] = round(cg.capped_saving(node), 2)
        out.add_node(node, **attrs)
    for a, b, data in cg.graph.edges(data=True):
        attrs = {k: (";".join(map(str, v)) if isinstance(v, tuple) else v)
                 for k, v in data.items() if v is not None}
        out.add_edge(a, b, **attrs)
    return out


def write_graphml(path: str | os.PathLike[str], cg: CouplingGraph) -> Path:
    """Write ``koppelkansen.graphml`` atomically (opens in Gephi and yEd)."""
    graph = graphml_graph(cg)
    with atomic_open(path, "wb") as handle:
        nx.write_graphml(graph, handle, encoding="utf-8", prettyprint=True)
    return Path(path)


# ---- GeoJSON -------------------------------------------------------------------------
def _round_coords(value: Any) -> Any:
    if isinstance(value, float):
        return round(float(value), 7)  # ~1 cm: more digits only add noise
    if isinstance(value, dict):
        return {k: _round_coords(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_round_coords(v) for v in value]
    return value


def geojson_dict(cg: CouplingGraph) -> dict[str, Any] | None:
    """The projects with a geometry and the links between coupled ones, in EPSG:4326.

    Returns
    -------
    dict or None
        A GeoJSON ``FeatureCollection``; None when no project has a geometry.
        Project features carry ``kind: "project"``; links (a line between
        the two geometries' centroids) carry ``kind: "koppelkans"``.
    """
    import numpy as np
    import shapely
    from pyproj import Transformer

    projects = [p for p in cg.area.projects if p.geometry is not None]
    if not projects:
        return None
    transformer = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)

    def to_wgs84(coords: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        lon, lat = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([lon, lat])

    rd: dict[str, Any] = {p.id: shapely.from_wkt(p.geometry) for p in projects}
    features: list[dict[str, Any]] = []
    for p in projects:
        geometry = shapely.transform(rd[p.id], to_wgs84)
        features.append({
            "type": "Feature",
            "geometry": _round_coords(shapely.geometry.mapping(geometry)),
            "properties": {
                "kind": "project", "id": p.id, "partner": p.partner, "name": p.name, "type": p.type,
                "buurt": p.buurt, "cost": p.cost, "earliest_start": p.earliest_start,
                "latest_start": p.latest_start, "saving": round(cg.capped_saving(p.id), 2),
            },
        })
    for c in cg.couplings:
        if c.project_a not in rd or c.project_b not in rd:
            continue
        ends: list[Any] = [shapely.centroid(rd[c.project_a]), shapely.centroid(rd[c.project_b])]
        link = shapely.LineString(ends)
        features.append({
            "type": "Feature",
            "geometry": _round_coords(shapely.geometry.mapping(shapely.transform(link, to_wgs84))),
            "properties": {
                "kind": "koppelkans", "project_a": c.project_a, "project_b": c.project_b, "rule": c.rule,
                "overlap": c.overlap, "distance_m": c.distance_m, "potential_saving": c.potential_saving,
                "common_years": ";".join(map(str, c.common_years)),
            },
        })
    return {"type": "FeatureCollection", "name": f"koppelkansen {cg.area.config.name}",
            "features": features}


def write_geojson(path: str | os.PathLike[str], cg: CouplingGraph) -> Path | None:
    """Write ``koppelkansen.geojson`` atomically; None (nothing written) without geometries."""
    data = geojson_dict(cg)
    if data is None:
        return None
    with atomic_open(path, "w") as handle:
        handle.write(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n")
    return Path(path)


# ---- network picture ----------------------------------------------------------------
def partner_colours(area: Area) -> dict[str, str]:
    """Partner -> colour by the rule of :mod:`dia.report.colours` (config first, then the palette)."""
    configured = {p.name: c for p in area.config.partners if (c := normalise_hex(p.colour))}

    def far(a: str, b: str) -> bool:
        ra = [int(a[k:k + 2], 16) for k in (1, 3, 5)]
        rb = [int(b[k:k + 2], 16) for k in (1, 3, 5)]
        return math.dist(ra, rb) > 80

    free = [c for c in PALETTE if all(far(c, t) for t in configured.values())]
    out: dict[str, str] = {}
    i = 0
    for partner in area.partners:
        if partner.name in configured:
            out[partner.name] = configured[partner.name]
            continue
        out[partner.name] = free[i] if i < len(free) else PALETTE[i % len(PALETTE)]
        i += 1
    return out


def network_layout(graph: nx.Graph[str]) -> dict[str, tuple[float, float]]:
    """Positions: each connected cluster laid out alone, clusters packed in rows by size.

    A spring layout of the whole graph pushes small clusters to the rim and
    piles big ones up; laying out each cluster in a box of side ~sqrt(size)
    and packing the boxes keeps every cluster readable. Deterministic (fixed
    seed, clusters in order of size then first project id).
    """
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    gap = 1.0
    boxes: list[tuple[list[str], float, dict[str, Any]]] = []
    raw: dict[str, Any]
    for comp in components:
        # a fresh graph in sorted order: a subgraph view iterates its nodes in set (hash) order,
        # which would make the layout, and so the PNG bytes, differ between runs
        sub: nx.Graph[str] = nx.Graph()
        sub.add_nodes_from(comp)
        sub.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in graph.edges(comp)))
        if len(comp) == 2:
            side = 1.4
            raw = {comp[0]: (0.0, 0.5), comp[1]: (1.0, 0.5)}
        elif len(comp) > 400:  # spring_layout needs scipy above 500 nodes; a ring is enough there
            side = 1.6 * math.sqrt(len(comp))
            raw = {k: (float(v[0]), float(v[1])) for k, v in nx.circular_layout(sub).items()}
        else:
            side = 1.6 * math.sqrt(len(comp))
            layout = nx.spring_layout(sub, seed=0, iterations=200, k=2.5 / math.sqrt(len(comp)))
            raw = {k: (float(v[0]), float(v[1])) for k, v in layout.items()}
        boxes.append((comp, side, raw))
    area_total = sum((b[1] + gap) ** 2 for b in boxes)
    width = max(area_total ** 0.5 * 1.3, max(b[1] for b in boxes)) if boxes else 1.0
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for comp, side, raw in boxes:
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        xs = [v[0] for v in raw.values()]
        ys = [v[1] for v in raw.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        inner = 0.85 * side  # a margin inside each box keeps clusters visibly apart
        for node in comp:
            px, py = raw[node]
            pos[node] = (x + 0.075 * side + (px - min(xs)) / span * inner,
                         y - 0.075 * side - (py - min(ys)) / span * inner)
        x += side + gap
        row_height = max(row_height, side)
    return pos


def draw_network(path: str | os.PathLike[str], cg: CouplingGraph, lang: str = "nl") -> Path:
    """Write the koppelkansen network as a PNG (atomically).

    Parameters
    ----------
    path:
        Target ``.png`` file.
    cg:
        The koppelkansen.
    lang:
        ``nl`` or ``en`` for the title and legend.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    graph = cg.graph
    n = graph.number_of_nodes()
    colours = partner_colours(cg.area)
    size = min(max(8.0, 1.5 * math.sqrt(max(n, 1))), 28.0)
    fig, ax = plt.subplots(figsize=(size, size * 0.75), dpi=110)
    ax.set_axis_off()
    name = cg.area.config.name
    saving = f"{cg.total_saving:,.0f}".replace(",", ".")
    ax.set_title(_t("title", lang, name=name) + "\n"
                 + _t("subtitle", lang, n=len(cg.couplings), p=n, s=saving), fontsize=11)
    if n == 0:
        ax.text(0.5, 0.5, _t("none", lang), ha="center", va="center", fontsize=14)
    else:
        pos = network_layout(nx.Graph(graph))
        nodes = sorted(graph.nodes)
        costs = [float(graph.nodes[v]["cost"]) for v in nodes]
        top_cost = max(max(costs), 1.0)
        node_size = [40 + 520 * math.sqrt(c / top_cost) for c in costs]
        edges: list[tuple[str, str, float]] = sorted(graph.edges(data="potential_saving"))
        top_saving = max([float(s) for _a, _b, s in edges] + [1.0])
        widths = [0.6 + 5.0 * float(s) / top_saving for _a, _b, s in edges]
        nx.draw_networkx_edges(graph, pos, edgelist=[(a, b) for a, b, _s in edges], width=widths,
                               edge_color="#7f7f7f", alpha=0.7, ax=ax)
        nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_size=node_size,
                               node_color=[colours.get(graph.nodes[v]["partner"], "#808080") for v in nodes],
                               edgecolors="white", linewidths=0.8, ax=ax)
        nx.draw_networkx_labels(graph, pos, labels={v: v for v in nodes}, font_size=6, ax=ax)
        used = sorted({graph.nodes[v]["partner"] for v in nodes})
        handles = [Line2D([0], [0], marker="o", linestyle="", markersize=8, markerfacecolor=colours[p],
                          markeredgecolor="white", label=p) for p in used]
        legend = ax.legend(handles=handles, title=_t("partner", lang), loc="upper left",
                           bbox_to_anchor=(1.0, 1.0), fontsize=8, title_fontsize=9, frameon=False)
        ax.add_artist(legend)
        ax.text(1.0, 0.0, _t("legend_size", lang), transform=ax.transAxes, ha="left", va="bottom",
                fontsize=7, color="#555555")
    fig.tight_layout()
    with atomic_open(path, "wb") as handle:
        # no timestamp or software metadata: the same input gives the same bytes
        fig.savefig(handle, format="png", metadata={"Software": None}, bbox_inches="tight")
    plt.close(fig)
    return Path(path)


# ---- all together ---------------------------------------------------------------------
def write_koppelkansen(
    cg: CouplingGraph,
    out: str | os.PathLike[str],
    *,
    lang: str = "nl",
    progress: Progress | None = None,
) -> list[Path]:
    """Write couplings.csv, koppelkansen.graphml, koppelkansen.png and (with geometries) .geojson.

    Parameters
    ----------
    cg:
        The koppelkansen of an area.
    out:
        Output folder (created when missing); the files appear together or not at all.
    lang:
        ``nl`` or ``en`` for the picture's text (the data files do not change).
    progress:
        Optional callback ``progress(message, fraction)``.

    Returns
    -------
    list of pathlib.Path
        The files written, in the folder ``out``, sorted by name.
    """
    report = progress or (lambda _m, _f: None)
    names: list[str] = []
    with staged_dir(out) as stage:
        report("couplings.csv", 0.0)
        write_couplings_csv(stage / "couplings.csv", cg)
        names.append("couplings.csv")
        report("koppelkansen.graphml", 0.25)
        write_graphml(stage / "koppelkansen.graphml", cg)
        names.append("koppelkansen.graphml")
        report("koppelkansen.geojson", 0.5)
        if write_geojson(stage / "koppelkansen.geojson", cg) is not None:
            names.append("koppelkansen.geojson")
        report("koppelkansen.png", 0.75)
        draw_network(stage / "koppelkansen.png", cg, lang)
        names.append("koppelkansen.png")
    report("done", 1.0)
    return [Path(out) / name for name in sorted(names)]
