"""The baseline: today's uncoordinated practice, as the reference for the DIA's added value.

Each partner plans alone, in turn (partners sorted by name): its mandatory projects first,
then its other projects greedily by SIA-weighted value per euro, each at its preferred start
year and only if it fits the partner's own budget (with carry-over) in every year. Nobody
moves a project to meet another partner's works, so koppelkansen are realised only by
coincidence (when the preferred years happen to lie within the rule's ``max_gap``).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from dia import __version__
from dia.model import Agenda, Area, Coupling, Finding, Project, RunInfo
from dia.solver.instance import Instance, input_hash, make_instance, payers
from dia.solver.result import assemble, capped_credit, objective_parts
from dia.solver.texts import text

if TYPE_CHECKING:
    from dia.coupling import CouplingGraph


class _Ledger:
    """Net spend per partner-year and fund use, with a budget check including carry-over."""

    def __init__(self, inst: Instance) -> None:
        self.inst = inst
        self.net: dict[tuple[str, int], float] = defaultdict(float)
        self.fund_left = {(f.name, a.year): a.amount for f in inst.area.funds for a in f.amounts}
        self.draws: dict[tuple[str, str, str, int], float] = {}
        self.street: dict[tuple[str, int], int] = defaultdict(int)

    def _plan(self, p: Project, s: int) -> tuple[dict[tuple[str, int], float],
                                                 dict[tuple[str, str, str, int], float]]:
        """Net spend and fund draws if ``p`` starts in ``s`` (first eligible fund first)."""
        net: dict[tuple[str, int], float] = defaultdict(float)
        draws: dict[tuple[str, str, str, int], float] = {}
        left = dict(self.fund_left)
        for share in payers(p):
            funds = self.inst.eligible_funds.get((p.id, share.partner), ())
            for k, amount in enumerate(p.profile):
                t = s + k
                due = share.fraction * amount
                for f in funds:
                    take = min(due, left.get((f.name, t), 0.0))
                    if take > 0:
                        draws[(f.name, p.id, share.partner, t)] = take
                        left[(f.name, t)] -= take
                        due -= take
                net[(share.partner, t)] += due
        return net, draws

    def fits(self, p: Project, s: int) -> bool:
        net, _ = self._plan(p, s)
        return all(self._partner_ok(q, net) for q in sorted({q for q, _t in net}))

    def _partner_ok(self, q: str, extra: Mapping[tuple[str, int], float]) -> bool:
        carry = 0.0
        for t in self.inst.years:
            amount, fraction = self.inst.budget(q, t)
            unspent = amount + carry - self.net[(q, t)] - extra.get((q, t), 0.0)
            if unspent < -0.5:
                return False
            carry = fraction * max(0.0, unspent)
        return True

    def book(self, p: Project, s: int) -> None:
        net, draws = self._plan(p, s)
        for key, amount in net.items():
            self.net[key] += amount
        for (f, pid, q, t), amount in draws.items():
            self.draws[(f, pid, q, t)] = amount
            self.fund_left[(f, t)] -= amount
        self.street[(p.buurt, s)] += 1


def baseline_starts(inst: Instance) -> tuple[dict[str, int], dict[tuple[str, str, str, int], float],
                                             list[Finding]]:
    """Start years and fund draws of the uncoordinated baseline, plus findings.

    Returns
    -------
    tuple
        (project id -> start year, fund draws, findings such as a mandatory project that does
        not fit its partner's budget even in the baseline).
    """
    area = inst.area
    ledger = _Ledger(inst)
    starts: dict[str, int] = {}
    findings: list[Finding] = []
    cap = area.config.caps.street_works_per_buurt_year
    street_types = {t.id for t in area.config.types if t.is_street_work}
    by_partner: dict[str, list[Project]] = defaultdict(list)
    for p in inst.schedulable:
        by_partner[p.partner].append(p)

    def deps_ok(p: Project, s: int) -> bool:
        by_id = area.project_by_id
        return all(r in starts and starts[r] + by_id[r].duration <= s for r in p.after)

    def cap_ok(p: Project, s: int) -> bool:
        return cap is None or p.type not in street_types or ledger.street[(p.buurt, s)] < cap

    for q in sorted(by_partner):
        own = by_partner[q]
        must = sorted((p for p in own if p.id in inst.must), key=lambda p: p.id)
        optional = sorted(
            (p for p in own if p.id not in inst.must),
            key=lambda p: (-(inst.weighted_value(p) / p.cost if p.cost > 0 else float("inf")), p.id),
        )
        # dependencies are honoured by retrying projects whose predecessors came later
        for group, is_must in ((must, True), (optional, False)):
            pending = list(group)
            for _round in range(len(pending) + 1):
                progress = False
                rest: list[Project] = []
                for p in pending:
                    pref = inst.preferred(p)
                    years = ([pref, *sorted((s for s in inst.starts[p.id] if s != pref),
                                            key=lambda s: (abs(s - pref), s))]
                             if is_must else [pref])
                    years = [s for s in years if s in inst.starts[p.id]]
                    placed = False
                    for s in years:
                        if deps_ok(p, s) and cap_ok(p, s) and ledger.fits(p, s):
                            starts[p.id] = s
                            ledger.book(p, s)
                            placed = progress = True
                            break
                    if not placed:
                        rest.append(p)
                pending = rest
                if not progress or not pending:
                    break
            if is_must:
                for p in pending:
                    s = inst.preferred(p)
                    if deps_ok(p, s):
                        starts[p.id] = s
                        ledger.book(p, s)
                        findings.append(Finding(
                            kind="baseline_over_budget", project_id=p.id, partner=p.partner, year=s,
                            message=text(area.config.language, "baseline_over", p=p.id, q=p.partner, t=s),
                        ))
    return starts, ledger.draws, findings


def baseline_agenda(area: Area, couplings: CouplingGraph | Sequence[Coupling], *,
                    fixed_starts: Mapping[str, int | None] | None = None,
                    scenario_name: str | None = None) -> Agenda:
    """Plan the uncoordinated baseline of an area (today's practice, for comparison).

    Parameters
    ----------
    area:
        The validated area.
    couplings:
        Its koppelkansen (a ``CouplingGraph`` or a sequence of ``Coupling``).
    fixed_starts:
        Forced starts (project id -> year, or None: not scheduled), as in ``plan_agenda``.
    scenario_name:
        Recorded in ``run.scenario``.

    Returns
    -------
    Agenda
        Status ``feasible`` when every partner stays within budget, ``infeasible`` when a
        mandatory project had to be planned over budget (see ``findings``).

    Examples
    --------
    >>> from dia.solver import baseline_agenda
    >>> agenda = baseline_agenda(area, couplings)  # doctest: +SKIP
    """
    t0 = time.perf_counter()
    inst = make_instance(area, couplings, fixed_starts)
    starts, draws, findings = baseline_starts(inst)
    credit = capped_credit(inst, starts)
    parts = objective_parts(inst, starts, credit)
    run = RunInfo(
        area=area.config.name, scenario=scenario_name, solver="baseline", solver_version=__version__,
        status="infeasible" if findings else "feasible", objective=parts.total,
        solve_seconds=time.perf_counter() - t0, seed=0,
        input_hash=input_hash(area, scenario_name, area.config.solver),
        inputs=tuple((f.name, f.sha256) for f in area.inputs),
    )
    return assemble(inst, starts, credit, draws, run, findings=findings)
