"""Find every koppelkans of an area: type rules x space x time, one coupling per pair.

The detection is a handful of vectorised joins, one set per rule, instead of
a test of all pairs of projects:

1. **Type.** A rule names an order-free pair of types ``(t1, t2)``; only
   projects of those types are looked at for that rule.
2. **Space.** ``same_buurt`` joins the two sides on the buurt code,
   ``same_street`` on the normalised street keys (plus, for projects that
   both have a geometry, an ``STRtree`` query within the rule's
   ``distance_m``, 0 when not given) and ``within`` queries the ``STRtree``
   within ``distance_m`` (projects without a geometry never meet under
   ``within``).
3. **Partners.** Two projects of the same partner *and* the same type never
   couple (one partner's two sewer jobs are one programme, not a
   koppelkans); so only rules whose two types are equal need this filter.
4. **Time.** There must be start years in both windows at most
   ``max_gap`` apart (:mod:`dia.coupling.temporal`).
5. **Saving.** ``saving_pct`` % of the smaller cost or of the sum, or a
   fixed amount (:func:`dia.coupling.rules.potential_saving`).
6. **One coupling per pair.** When several rules (or several ways of
   meeting) apply to a pair, the coupling with the largest potential saving
   is kept; ties go to the smallest rule id, then to the clearest overlap
   (street before distance before buurt), then the first shared street key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dia.coupling._gc import gc_paused
from dia.coupling.graph import CouplingGraph
from dia.coupling.rules import check_rules, potential_saving, share_of_a
from dia.coupling.spatial import GeometryIndex, distances, parse_geometries
from dia.coupling.streets import street_keys
from dia.coupling.temporal import overlaps
from dia.errors import InputError, Location, Problem, Reason
from dia.messages import msg
from dia.model import Area, Coupling, CouplingRule

logger = logging.getLogger(__name__)

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

#: Called with (message, fraction done in 0..1 or None), as :data:`dia.api.Progress`.
Progress = Callable[[str, float | None], None]

#: Overlap kinds, in order of preference when one rule finds a pair in several ways.
KINDS: tuple[str, ...] = ("street", "distance", "buurt")
_STREET, _DISTANCE, _BUURT = 0, 1, 2
_EMPTY = np.empty(0, dtype=np.int64)


@dataclass(frozen=True)
class _Table:
    """The projects as columns (index = position in ``area.projects``, sorted by id)."""

    type_code: IntArray
    partner_code: IntArray
    buurt_code: IntArray
    earliest: IntArray
    latest: IntArray
    cost: FloatArray
    street_project: IntArray
    """Project index of every (project, street key) row."""
    street_key: IntArray
    """Street-key code of every row (codes follow the sorted keys)."""
    keys: list[str]
    spelling: dict[int, dict[str, str]]
    """Per project index with streets: street key -> the spelling it wrote (house number stripped)."""


def _table(area: Area, type_ids: list[str]) -> _Table:
    projects = area.projects
    type_of = {t: k for k, t in enumerate(type_ids)}
    # one pass over the (pydantic) projects, then everything in numpy
    cols = list(zip(*((p.type, p.partner, p.buurt, p.earliest_start, p.latest_start, p.cost)
                      for p in projects), strict=True))
    types, partner_names, buurt_codes, earliest, latest, cost = cols
    partners = sorted(set(partner_names))
    partner_of = {name: k for k, name in enumerate(partners)}
    buurten = sorted(set(buurt_codes))
    buurt_of = {code: k for k, code in enumerate(buurten)}
    spelling: dict[int, dict[str, str]] = {
        i: street_keys(p.streets) for i, p in enumerate(projects) if p.streets
    }
    keys = sorted({k for s in spelling.values() for k in s})
    key_of = {k: n for n, k in enumerate(keys)}
    rows = [(i, key_of[k]) for i, s in spelling.items() for k in s]
    street_rows = np.array(rows, dtype=np.int64).reshape(-1, 2)
    return _Table(
        type_code=np.array([type_of[t] for t in types], dtype=np.int64),
        partner_code=np.array([partner_of[name] for name in partner_names], dtype=np.int64),
        buurt_code=np.array([buurt_of[code] for code in buurt_codes], dtype=np.int64),
        earliest=np.array(earliest, dtype=np.int64),
        latest=np.array(latest, dtype=np.int64),
        cost=np.array(cost, dtype=np.float64),
        street_project=street_rows[:, 0],
        street_key=street_rows[:, 1],
        keys=keys,
        spelling=spelling,
    )


def _join(li: IntArray, lk: IntArray, ri: IntArray, rk: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """All (left, right) index pairs with equal keys, and that key (a sort-merge join)."""
    if not len(li) or not len(ri):
        return _EMPTY, _EMPTY, _EMPTY
    order = np.argsort(rk, kind="stable")
    rk_s, ri_s = rk[order], ri[order]
    lo = np.searchsorted(rk_s, lk, side="left")
    hi = np.searchsorted(rk_s, lk, side="right")
    counts = hi - lo
    total = int(counts.sum())
    if total == 0:
        return _EMPTY, _EMPTY, _EMPTY
    first = np.repeat(lo - (np.cumsum(counts) - counts), counts)
    j = ri_s[first + np.arange(total)]
    return np.repeat(li, counts), j, np.repeat(lk, counts)


def _ordered(i: IntArray, j: IntArray, *extra: IntArray) -> tuple[IntArray, ...]:
    """Put each pair in (smaller index, larger index) order and drop self pairs."""
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    keep = lo != hi
    return (lo[keep], hi[keep], *(e[keep] for e in extra))


def _rule_candidates(
    rule: CouplingRule, ta: int, tb: int, t: _Table, index: GeometryIndex
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Pairs that meet in space under ``rule``: (i, j, overlap kind, street key or -1)."""
    parts: list[tuple[IntArray, IntArray, IntArray, IntArray]] = []
    if rule.scope == "same_buurt":
        a = np.flatnonzero(t.type_code == ta)
        b = a if ta == tb else np.flatnonzero(t.type_code == tb)
        i, j, _ = _join(a, t.buurt_code[a], b, t.buurt_code[b])
        i, j = _ordered(i, j)
        parts.append((i, j, np.full(len(i), _BUURT), np.full(len(i), -1)))
    if rule.scope == "same_street":
        rows_a = np.flatnonzero(t.type_code[t.street_project] == ta)
        rows_b = rows_a if ta == tb else np.flatnonzero(t.type_code[t.street_project] == tb)
        i, j, key = _join(t.street_project[rows_a], t.street_key[rows_a],
                          t.street_project[rows_b], t.street_key[rows_b])
        i, j, key = _ordered(i, j, key)
        parts.append((i, j, np.full(len(i), _STREET), key))
    if rule.scope in ("same_street", "within"):
        i, j = index.pairs_within(ta, tb, float(rule.distance_m or 0.0))
        parts.append((i, j, np.full(len(i), _DISTANCE), np.full(len(i), -1)))
    cols = [np.concatenate([p[c] for p in parts]).astype(np.int64) for c in range(4)]
    return cols[0], cols[1], cols[2], cols[3]


def find_couplings(area: Area, progress: Progress | None = None) -> CouplingGraph:
    """Find the koppelkansen of an area: which projects can be done as one job, and the saving.

    Parameters
    ----------
    area:
        A validated area (:func:`dia.load_area`). Its project geometries are
        parsed and checked here (WKT in RD New, EPSG:28992).
    progress:
        Optional callback ``progress(message, fraction)``; the CLI shows it,
        notebooks stay quiet.

    Returns
    -------
    CouplingGraph
        The couplings (sorted by pair), the frozen graph, the clusters and
        the per-project capped savings.

    Raises
    ------
    dia.errors.InputError
        The area has no projects (``Reason.EMPTY_AREA``); a rule names an
        unknown type (``Reason.UNKNOWN_TYPE`` at ``dia.yaml › rules[i].types``);
        a location is not valid WKT or lies outside the Netherlands in RD New
        (``Reason.INVALID_GEOMETRY`` at ``project ID (Locatie)``).

    Notes
    -----
    The module docstring of :mod:`dia.coupling.detect` gives the steps and
    the tie-breaking; ``docs/koppelkansen.md`` the rules and their reasoning.

    Examples
    --------
    >>> from dia import load_area, find_couplings, example_path
    >>> cg = find_couplings(load_area(example_path()))  # doctest: +SKIP
    >>> cg.to_frame().head()  # doctest: +SKIP
    """
    check_rules(area)
    if not area.projects:
        raise InputError([Problem.of(
            Reason.EMPTY_AREA, msg("coupling.no_projects", area=area.config.name), Location(key="projects"),
        )])
    with gc_paused():
        return _find(area, progress or (lambda _message, _fraction: None))


def _find(area: Area, report: Progress) -> CouplingGraph:
    """The steps of :func:`find_couplings` after the input checks (see the module docstring)."""
    report("koppelkansen: locations", 0.0)
    geoms = parse_geometries(area.projects)
    type_ids = sorted({ty.id for ty in area.config.types} | {p.type for p in area.projects})
    type_of = {ty: k for k, ty in enumerate(type_ids)}
    t = _table(area, type_ids)
    index = GeometryIndex(geoms, t.type_code)

    rules = sorted(area.config.rules, key=lambda r: r.id)
    present = set(t.type_code.tolist())
    blocks: list[tuple[IntArray, ...]] = []
    for rank, rule in enumerate(rules):
        report(f"koppelkansen: rule {rule.id}", rank / max(len(rules), 1))
        ta, tb = type_of[rule.types[0]], type_of[rule.types[1]]
        if ta not in present or tb not in present:
            continue
        i, j, kind, key = _rule_candidates(rule, ta, tb, t, index)
        if ta == tb:  # same type: the two projects must belong to different partners
            keep = t.partner_code[i] != t.partner_code[j]
            i, j, kind, key = i[keep], j[keep], kind[keep], key[keep]
        keep = overlaps(t.earliest[i], t.latest[i], t.earliest[j], t.latest[j], rule.max_gap)
        i, j, kind, key = i[keep], j[keep], kind[keep], key[keep]
        if not len(i):
            continue
        # euro amounts in integer cents, so equal savings tie exactly (rule id breaks the tie)
        cents = np.round(potential_saving(rule, t.cost[i], t.cost[j]) * 100).astype(np.int64)
        blocks.append((i, j, kind, key, cents, np.full(len(i), rank, dtype=np.int64)))

    report("koppelkansen: one coupling per pair", None)
    if blocks:
        i, j, kind, key, cents, rank_of = (np.concatenate([b[c] for b in blocks]) for c in range(6))
        order = np.lexsort((key, kind, rank_of, -cents, j, i))
        i, j, kind, key, cents, rank_of = (a[order] for a in (i, j, kind, key, cents, rank_of))
        first = np.ones(len(i), dtype=bool)
        first[1:] = (i[1:] != i[:-1]) | (j[1:] != j[:-1])
        i, j, kind, key, cents, rank_of = (a[first] for a in (i, j, kind, key, cents, rank_of))
    else:
        i = j = kind = key = cents = rank_of = _EMPTY
    dist = distances(geoms, i, j)
    share = share_of_a(t.cost[i], t.cost[j])
    couplings = _couplings(area, rules, t, i, j, kind, key, cents, rank_of, dist, share)
    logger.info("%d koppelkansen among %d projects", len(couplings), len(area.projects))
    report("koppelkansen: graph", 1.0)
    return CouplingGraph.build(area, couplings)


def _couplings(
    area: Area,
    rules: list[CouplingRule],
    t: _Table,
    i: IntArray,
    j: IntArray,
    kind: IntArray,
    key: IntArray,
    cents: IntArray,
    rank_of: IntArray,
    dist: FloatArray,
    share: FloatArray,
) -> tuple[Coupling, ...]:
    """Turn the chosen rows into :class:`~dia.model.Coupling` records (sorted by pair)."""
    projects = area.projects
    out: list[Coupling] = []
    rows = zip(i.tolist(), j.tolist(), kind.tolist(), key.tolist(), cents.tolist(), rank_of.tolist(),
               dist.tolist(), share.tolist(), strict=True)
    for a, b, k, s, c, r, d, sh in rows:
        rule = rules[r]
        gap = rule.max_gap
        pa, pb = projects[a], projects[b]
        years = tuple(range(max(pa.earliest_start, pb.earliest_start - gap),
                            min(pa.latest_start, pb.latest_start + gap) + 1))
        street = t.spelling[a][t.keys[s]] if s >= 0 else None
        out.append(Coupling(
            project_a=pa.id,
            project_b=pb.id,
            rule=rule.id,
            overlap=KINDS[k],
            street=street,
            distance_m=None if d != d else round(d, 1),
            buurt=pa.buurt,
            max_gap=gap,
            common_years=years,
            potential_saving=c / 100,
            share_a=round(sh, 6),
        ))
    return tuple(out)
