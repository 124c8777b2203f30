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
from dia.messages import Msg, Names, msg
from dia.model.config import AreaConfig
from dia.model.finance import Budget, Fund
from dia.model.project import Project

Entity = Literal["project", "budget", "fund", "rule", "config"]


@dataclass(frozen=True)
class Finding:
    """A violated invariant: which object (``entity`` + ``key``), which field, why.

    ``message`` is English; ``msg`` the catalogue message it was rendered from
    (:mod:`dia.messages`), for the reader to show in the user's language.
    """

    entity: Entity
    key: str
    field: str | None
    reason: Reason
    message: str
    msg: Msg | None = None


def _finding(entity: Entity, key: str, field: str | None, reason: Reason, message: Msg) -> Finding:
    return Finding(entity, key, field, reason, message.text("en"), message)


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
            out.append(_finding("project", pid, "id", Reason.DUPLICATE_ID,
                                msg("check.duplicate_project", id=pid, n=n)))
    for (partner, year), n in sorted(Counter((b.partner, b.year) for b in budgets).items()):
        if n > 1:
            out.append(_finding("budget", f"{partner}/{year}", "year", Reason.DUPLICATE_ID,
                                msg("check.duplicate_budget", partner=partner, year=year, n=n)))
    for name, n in sorted(Counter(f.name for f in funds).items()):
        if n > 1:
            out.append(_finding("fund", name, "name", Reason.DUPLICATE_ID,
                                msg("check.duplicate_fund", name=name, n=n)))
    for b in budgets:
        if b.year not in horizon:
            out.append(_finding("budget", f"{b.partner}/{b.year}", "year", Reason.OUTSIDE_HORIZON,
                                msg("check.outside_horizon", year=b.year, start=horizon.start,
                                    end=horizon.end)))
    for f in funds:
        for a in f.amounts:
            if a.year not in horizon:
                out.append(_finding("fund", f.name, "year", Reason.OUTSIDE_HORIZON,
                                    msg("check.outside_horizon", year=a.year, start=horizon.start,
                                        end=horizon.end)))
        for t in f.types:
            if t not in type_ids:
                out.append(_finding("fund", f.name, "types", Reason.UNKNOWN_TYPE,
                                    msg("check.unknown_type", type=t, known=Names.of(type_ids))))
        for name in f.partners:
            if name not in partners:
                out.append(_finding("fund", f.name, "partners", Reason.UNKNOWN_PARTNER,
                                    msg("check.unknown_partner", partner=name, known=Names.of(partners))))
    for r in config.rules:
        for t in r.types:
            if t not in type_ids:
                out.append(_finding("rule", r.id, "types", Reason.UNKNOWN_TYPE,
                                    msg("check.rule_unknown_type", rule=r.id, type=t,
                                        known=Names.of(type_ids))))

    ids = {p.id for p in projects}
    for p in projects:
        def add(field: str, reason: Reason, message: Msg, p: Project = p) -> None:
            out.append(_finding("project", p.id, field, reason, message))

        if p.partner not in partners:
            add("partner", Reason.UNKNOWN_PARTNER,
                msg("check.partner_without_budget", partner=p.partner, known=Names.of(partners)))
        for s in p.shares:
            if s.partner not in partners:
                add("shares", Reason.UNKNOWN_PARTNER, msg("check.unknown_share_partner", partner=s.partner))
        if p.type not in type_ids:
            add("type", Reason.UNKNOWN_TYPE, msg("check.unknown_type", type=p.type, known=Names.of(type_ids)))
        if p.buurt not in buurt_codes:
            add("buurt", Reason.UNKNOWN_BUURT, msg("check.unknown_buurt", buurt=p.buurt, area=config.name))
        if p.earliest_start < horizon.start or p.earliest_start > horizon.end:
            add("earliest_start", Reason.OUTSIDE_HORIZON,
                msg("check.outside_horizon", year=p.earliest_start, start=horizon.start, end=horizon.end))
        if p.latest_start > horizon.end:
            add("latest_start", Reason.OUTSIDE_HORIZON,
                msg("check.after_horizon_end", year=p.latest_start, end=horizon.end))
        for fund_name in p.funds:
            if fund_name not in fund_names:
                add("funds", Reason.UNKNOWN_FUND,
                    msg("check.unknown_fund", fund=fund_name, known=Names.of(fund_names)))
        for before in p.after:
            if before not in ids:
                add("after", Reason.UNKNOWN_PROJECT, msg("check.unknown_after", project=before))

    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(sorted(ids))
    graph.add_edges_from(sorted((a, p.id) for p in projects for a in p.after if a in ids))
    for cycle in _cycles(graph):
        text = " → ".join([*cycle, cycle[0]])
        out.append(_finding("project", cycle[0], "after", Reason.DEPENDENCY_CYCLE,
                            msg("check.cycle", cycle=text)))
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

