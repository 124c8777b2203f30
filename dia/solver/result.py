"""Turn start years, credited savings and fund draws into an :class:`~dia.model.Agenda`.

Shared by the optimiser and the baseline planner, so both agendas are reported by exactly
the same rules: gross spend from the cash-flow profiles and cost shares, savings spread over
each project's years in proportion to its profile, carry-over recomputed forward at the
largest amount each partner's fraction allows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import networkx as nx

from dia.model import (
    Agenda,
    BaselineSummary,
    CouplingResult,
    Finding,
    FundDraw,
    ObjectiveParts,
    PartnerSpend,
    PartnerYear,
    RunInfo,
    ScheduledProject,
)
from dia.model.agenda import key_figures
from dia.solver.instance import Instance, payers
from dia.solver.texts import text

#: Amounts are reported in euro cents.
DIGITS = 2


def _r(x: float) -> float:
    value = round(x, DIGITS)
    return 0.0 if value == 0 else value


def realised(inst: Instance, starts: Mapping[str, int], ci: int) -> bool:
    """Whether koppelkans ``ci`` is realised by ``starts`` (both scheduled within max_gap)."""
    c = inst.couplings[ci]
    sa, sb = starts.get(c.project_a), starts.get(c.project_b)
    return sa is not None and sb is not None and abs(sa - sb) <= c.max_gap


def capped_credit(inst: Instance, starts: Mapping[str, int]) -> dict[int, tuple[float, float]]:
    """Credited saving parts (a, b) per realised koppelkans, within every project's cost.

    Each realised coupling is credited the fraction ``min(f_a, f_b)`` of its saving, where
    ``f_p = min(1, cost_p / Σ parts of p's realised couplings)``: one fraction per coupling,
    as the model's ``z``, so the value is one the MILP can reach with these start years (a
    lower bound on its own optimal crediting). Used by the baseline and the warm starts.
    """
    parts: dict[int, tuple[float, float]] = {}
    total: dict[str, float] = defaultdict(float)
    for ci, c in enumerate(inst.couplings):
        if realised(inst, starts, ci):
            pa, pb = inst.saving_part(c, c.project_a), inst.saving_part(c, c.project_b)
            parts[ci] = (pa, pb)
            total[c.project_a] += pa
            total[c.project_b] += pb
    by_id = inst.area.project_by_id
    factor = {pid: (min(1.0, by_id[pid].cost / t) if t > 0 else 1.0) for pid, t in total.items()}
    out: dict[int, tuple[float, float]] = {}
    for ci, (pa, pb) in parts.items():
        c = inst.couplings[ci]
        f = min(factor[c.project_a], factor[c.project_b])
        out[ci] = (pa * f, pb * f)
    return out


def project_saving_by_year(inst: Instance, starts: Mapping[str, int],
                           credit: Mapping[int, tuple[float, float]]) -> dict[tuple[str, int], float]:
    """(project, year) -> euro saved, each credit spread over the project's profile."""
    out: dict[tuple[str, int], float] = defaultdict(float)
    by_id = inst.area.project_by_id
    for ci, (pa, pb) in credit.items():
        c = inst.couplings[ci]
        for pid, part in ((c.project_a, pa), (c.project_b, pb)):
            p = by_id[pid]
            if part <= 0 or p.cost <= 0:
                continue
            s = starts[pid]
            for k, amount in enumerate(p.profile):
                out[(pid, s + k)] += part * amount / p.cost
    return out


def objective_parts(inst: Instance, starts: Mapping[str, int],
                    credit: Mapping[int, tuple[float, float]]) -> ObjectiveParts:
    """The objective of an agenda, recomputed from its parts (no tie-break term)."""
    w = inst.area.config.weights
    by_id = inst.area.project_by_id
    value = w.value * sum(inst.weighted_value(by_id[pid]) for pid in sorted(starts))
    saving = w.saving * sum(pa + pb for _ci, (pa, pb) in sorted(credit.items()))
    delay = sum(inst.delay_penalty(by_id[pid], s) for pid, s in sorted(starts.items()))
    return ObjectiveParts(value=value, saving=saving, delay_penalty=delay, total=value + saving - delay)


def _clusters(inst: Instance, starts: Mapping[str, int]) -> dict[str, str]:
    graph: nx.Graph[str] = nx.Graph()
    for ci, c in enumerate(inst.couplings):
        if realised(inst, starts, ci):
            graph.add_edge(c.project_a, c.project_b)
    out: dict[str, str] = {}
    components = sorted((sorted(comp) for comp in nx.connected_components(graph)), key=lambda c: c[0])
    for i, comp in enumerate(components, start=1):
        for pid in comp:
            out[pid] = f"K{i:03d}"
    return out


def coupling_reason(inst: Instance, starts: Mapping[str, int], ci: int, credited: float) -> str | None:
    """Why a koppelkans is not (fully) realised, in the user's terms."""
    c = inst.couplings[ci]
    lang = inst.area.config.language
    missing = [pid for pid in (c.project_a, c.project_b) if pid not in starts]
    if missing:
        return text(lang, "not_scheduled", ids=", ".join(missing))
    sa, sb = starts[c.project_a], starts[c.project_b]
    if abs(sa - sb) > c.max_gap:
        return text(lang, "apart", sa=sa, sb=sb, gap=c.max_gap)
    if credited < c.potential_saving - 0.5:
        return text(lang, "capped")
    return None


def assemble(
    inst: Instance,
    starts: Mapping[str, int],
    credit: Mapping[int, tuple[float, float]],
    draws: Mapping[tuple[str, str, str, int], float],
    run: RunInfo,
    *,
    duals: Mapping[tuple[str, int], float] | None = None,
    reasons: Mapping[str, str] | None = None,
    findings: Sequence[Finding] = (),
    baseline: BaselineSummary | None = None,
) -> Agenda:
    """Build the agenda.

    Parameters
    ----------
    inst:
        The planning problem.
    starts:
        Project id -> start year of every scheduled project.
    credit:
        Coupling index -> (euro credited to project a, to project b).
    draws:
        (fund, project, partner, year) -> euro drawn.
    run:
        How the agenda was obtained.
    duals, reasons, findings, baseline:
        Optional explanation: budget duals per (partner, year), why each project was
        dropped or moved, findings, and the baseline's key figures.

    Returns
    -------
    Agenda
    """
    area = inst.area
    horizon = area.config.horizon
    saving_py = project_saving_by_year(inst, starts, credit)
    clusters = _clusters(inst, starts)
    reasons = reasons or {}
    draws = {k: v for k, v in sorted(draws.items()) if v > 0.005}

    projects: list[ScheduledProject] = []
    spend_qt: dict[tuple[str, int], float] = defaultdict(float)
    saving_qt: dict[tuple[str, int], float] = defaultdict(float)
    saving_p: dict[str, float] = defaultdict(float)
    for (pid, _t), amount in saving_py.items():
        saving_p[pid] += amount
    for p in area.projects:
        s = starts.get(p.id)
        spend: list[PartnerSpend] = []
        if s is not None:
            for share in payers(p):
                for k, amount in enumerate(p.profile):
                    t = s + k
                    spend.append(PartnerSpend(partner=share.partner, year=t,
                                              amount=_r(share.fraction * amount)))
                    spend_qt[(share.partner, t)] += share.fraction * amount
                    saving_qt[(share.partner, t)] += share.fraction * saving_py.get((p.id, t), 0.0)
        projects.append(ScheduledProject(
            project_id=p.id, partner=p.partner, name=p.name, type=p.type, buurt=p.buurt,
            is_selected=s is not None, is_mandatory=p.id in inst.must,
            start_year=s, end_year=p.end_year(s) if s is not None else None,
            preferred_start=inst.preferred(p), cost=_r(p.cost), saving=_r(saving_p.get(p.id, 0.0)),
            value=_r(p.value), weighted_value=_r(inst.weighted_value(p)),
            cluster=clusters.get(p.id), spend=tuple(sorted(spend, key=lambda x: (x.partner, x.year))),
            reason=reasons.get(p.id),
        ))

    draw_qt: dict[tuple[str, int], float] = defaultdict(float)
    fund_draws: list[FundDraw] = []
    for (f, pid, q, t), amount in draws.items():
        draw_qt[(q, t)] += amount
        fund_draws.append(FundDraw(fund=f, project_id=pid, partner=q, year=t, amount=_r(amount)))

    cashflow: list[PartnerYear] = []
    for q in inst.partners:
        carry = 0.0
        for t in horizon.years:
            amount, fraction = inst.budget(q, t)
            net = spend_qt[(q, t)] - saving_qt[(q, t)] - draw_qt[(q, t)]
            unspent = amount + carry - net
            carry_out = max(0.0, fraction * unspent) if t < horizon.end else 0.0
            cashflow.append(PartnerYear(
                partner=q, year=t, budget=_r(amount), spend=_r(spend_qt[(q, t)]),
                saving=_r(saving_qt[(q, t)]), fund_draw=_r(draw_qt[(q, t)]), net=_r(net),
                carry_in=_r(carry), carry_out=_r(carry_out),
                dual=None if duals is None else _r(duals.get((q, t), 0.0) * 1e6) / 1e6,
            ))
            carry = carry_out

    results: list[CouplingResult] = []
    for ci, c in enumerate(inst.couplings):
        pa, pb = credit.get(ci, (0.0, 0.0))
        credited = pa + pb if realised(inst, starts, ci) else 0.0
        results.append(CouplingResult(
            project_a=c.project_a, project_b=c.project_b, rule=c.rule,
            potential_saving=_r(c.potential_saving), is_realised=realised(inst, starts, ci),
            saving=_r(credited), reason=coupling_reason(inst, starts, ci, credited),
        ))

    return Agenda(
        area=area.config.name, horizon_start=horizon.start, horizon_end=horizon.end,
        projects=tuple(projects), cashflow=tuple(cashflow),
        couplings=tuple(sorted(results, key=lambda r: (r.project_a, r.project_b, r.rule))),
        fund_draws=tuple(fund_draws), objective=objective_parts(inst, starts, credit), run=run,
        findings=tuple(findings), baseline=baseline,
    )


def summary(agenda: Agenda) -> BaselineSummary:
    """Key figures of an agenda for the added-value comparison (see :func:`key_figures`)."""
    return key_figures(agenda)
