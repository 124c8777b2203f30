"""Cross-reference invariants of an area, reported as findings with a path.

Single-object invariants (a window, a profile) live on the models themselves.
What needs several objects at once (ids unique, references resolve,
dependencies acyclic, windows inside the horizon) is checked here, on typed
objects, and returned as :class:`Finding` values instead of raised, so the
reader can attach file/sheet/row/column to each and report them all at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from dia.errors import Reason
from dia.model.config import AreaConfig
from dia.model.finance import Budget, Fund
from dia.model.project import Project

Entity = Literal["project", "budget", "fund", "rule", "config"]


@dataclass(frozen=True)
class Finding:
    """A violated invariant: which object (``entity`` + ``key``), which field, why."""

    entity: Entity
    key: str
    field: str | None
    reason: Reason
    message: str


def _buurt_lookup(config: AreaConfig) -> set[str]:
    return {b.code for b in config.buurten}


def area_findings(
    config: AreaConfig,
    projects: Sequence[Project],
    budgets: Sequence[Budget],
    funds: Sequence[Fund],
) -> list[Finding]:
    """Every cross-reference problem in an area, in a stable order.

    Parameters
    ----------
    config:
        The area configuration (horizon, buurten, types, rules).
    projects, budgets, funds:
        The partners' rows, already valid one by one.

    Returns
    -------
    list of Finding
        Empty when the area is consistent.
    """
    out: list[Finding] = []
    horizon = config.horizon
    type_ids = {t.id for t in config.types}
    buurt_codes = _buurt_lookup(config)
    partners = {b.partner for b in budgets}
    fund_names = {f.name for f in funds}

    for pid, n in sorted(Counter(p.id for p in projects).items()):
        if n > 1:
            out.append(Finding("project", pid, "id", Reason.DUPLICATE_ID,
                               f"project id {pid!r} occurs {n} times"))
    for (partner, year), n in sorted(Counter((b.partner, b.year) for b in budgets).items()):
        if n > 1:
            out.append(Finding("budget", f"{partner}/{year}", "year", Reason.DUPLICATE_ID,
                               f"budget of {partner} for {year} is given {n} times"))
    for name, n in sorted(Counter(f.name for f in funds).items()):
        if n > 1:
            out.append(Finding("fund", name, "name", Reason.DUPLICATE_ID,
                               f"fund {name!r} is defined {n} times"))
    for b in budgets:
        if b.year not in horizon:
            out.append(Finding("budget", f"{b.partner}/{b.year}", "year", Reason.OUTSIDE_HORIZON,
                               f"{b.year} lies outside the horizon {horizon.start}–{horizon.end}"))
    for f in funds:
        for a in f.amounts:
            if a.year not in horizon:
                out.append(Finding("fund", f.name, "year", Reason.OUTSIDE_HORIZON,
                                   f"{a.year} lies outside the horizon {horizon.start}–{horizon.end}"))
        for t in f.types:
            if t not in type_ids:
                out.append(Finding("fund", f.name, "types", Reason.UNKNOWN_TYPE,
                                   f"unknown project type {t!r}; known: {_few(type_ids)}"))
        for name in f.partners:
            if name not in partners:
                out.append(Finding("fund", f.name, "partners", Reason.UNKNOWN_PARTNER,
                                   f"unknown partner {name!r}; known: {_few(partners)}"))
    for r in config.rules:
        for t in r.types:
            if t not in type_ids:
                out.append(Finding("rule", r.id, "types", Reason.UNKNOWN_TYPE,
                                   f"rule {r.id!r} names unknown project type {t!r}; "
                                   f"known: {_few(type_ids)}"))

    ids = {p.id for p in projects}
    for p in projects:
        def add(field: str, reason: Reason, message: str, p: Project = p) -> None:
            out.append(Finding("project", p.id, field, reason, message))

        if p.partner not in partners:
            add("partner", Reason.UNKNOWN_PARTNER,
                f"unknown partner {p.partner!r}: it has no Budget rows; known: {_few(partners)}")
        for s in p.shares:
            if s.partner not in partners:
                add("shares", Reason.UNKNOWN_PARTNER, f"unknown partner {s.partner!r} in cost shares")
        if p.type not in type_ids:
            add("type", Reason.UNKNOWN_TYPE, f"unknown project type {p.type!r}; known: {_few(type_ids)}")
        if p.buurt not in buurt_codes:
            add("buurt", Reason.UNKNOWN_BUURT,
                f"unknown buurt {p.buurt!r}: not in the buurten of {config.name}")
        if p.earliest_start < horizon.start or p.earliest_start > horizon.end:
            add("earliest_start", Reason.OUTSIDE_HORIZON,
                f"{p.earliest_start} lies outside the horizon {horizon.start}–{horizon.end}")
        if p.latest_start > horizon.end:
            add("latest_start", Reason.OUTSIDE_HORIZON,
                f"{p.latest_start} lies after the horizon end {horizon.end}")
        for fund_name in p.funds:
            if fund_name not in fund_names:
                add("funds", Reason.UNKNOWN_FUND,
                    f"unknown fund {fund_name!r}; known: {_few(fund_names)}")
        for before in p.after:
            if before not in ids:
                add("after", Reason.UNKNOWN_PROJECT, f"'after' names unknown project {before!r}")

    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(sorted(ids))
    graph.add_edges_from(sorted((a, p.id) for p in projects for a in p.after if a in ids))
    for cycle in _cycles(graph):
        text = " → ".join([*cycle, cycle[0]])
        out.append(Finding("project", cycle[0], "after", Reason.DEPENDENCY_CYCLE,
                           f"dependency cycle: {text}"))
    return out


def _cycles(graph: nx.DiGraph[str]) -> list[list[str]]:
    """One cycle per strongly connected component with more than one project, rotated
    so it starts at its smallest id (stable messages)."""
    cycles: list[list[str]] = []
    for component in sorted((sorted(c) for c in nx.strongly_connected_components(graph)),
                            key=lambda c: c[0]):
        if len(component) < 2:
            continue
        edges = nx.find_cycle(graph.subgraph(component), source=component[0])
        cycle = [u for u, _v in edges]
        i = cycle.index(min(cycle))
        cycles.append(cycle[i:] + cycle[:i])
    return cycles


def _few(names: set[str], n: int = 8) -> str:
    items = sorted(names)
    text = ", ".join(items[:n])
    return text + (f", … ({len(items) - n} more)" if len(items) > n else "") if items else "(none)"
