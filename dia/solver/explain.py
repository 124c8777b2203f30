"""Explanations in the user's terms: why a plan is infeasible, what binds when it is not.

* Infeasible: re-solve an *elastic* copy of the model in which budgets, mandatory starts,
  dependencies and caps may be violated at a price (see the ``PRICE_*`` constants in
  :mod:`dia.solver.constraints`), minimising the priced violation. Every slack that is used
  names a conflict: a partner-year short of money, a dependency that cannot be met, a cap.
* Feasible: budget duals (marginal value of a euro of budget) from the LP relaxation, and
  for every project dropped or moved away from its preferred start the binding reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import pulp

from dia.model import Finding, Project, SolverOptions
from dia.solver.build import build_model
from dia.solver.instance import Instance, payers
from dia.solver.result import realised
from dia.solver.solve import SolveResult, solve
from dia.solver.texts import money, number, text
from dia.solver.variables import Model


def _required(inst: Instance) -> set[str]:
    """Projects that must be scheduled and, transitively, their predecessors."""
    by_id = inst.area.project_by_id
    out: set[str] = set()
    todo = sorted(inst.must)
    while todo:
        pid = todo.pop()
        if pid in out:
            continue
        out.add(pid)
        todo.extend(sorted(by_id[pid].after))
    return out


def explain_infeasible(inst: Instance, options: SolverOptions) -> list[str]:
    """Why the hard constraints conflict, as sentences naming partner-years and projects.

    Parameters
    ----------
    inst:
        The infeasible planning problem.
    options:
        Solver options (the elastic model is solved with the same solver and limits).

    Returns
    -------
    list of str
        One sentence per conflict, sorted; empty when the elastic model finds none (which
        would point to a numerical problem rather than a modelling conflict).
    """
    lang = inst.area.config.language
    m = build_model(inst, elastic=True)
    result = solve(m, options)
    if result.status not in ("optimal", "feasible"):
        return []
    by_id = inst.area.project_by_id
    starts = {pid: s for (pid, s), var in m.x.items() if (var.value() or 0) > 0.5}
    required = _required(inst)
    out: list[tuple[tuple[object, ...], str]] = []
    for _name, (family, key, var, _price) in sorted(m.slack.items()):
        used = var.value() or 0.0
        if family == "budget" and used > 0.5:
            q, t = str(key[0]), int(str(key[1]))
            amount, _fraction = inst.budget(q, t)
            carry_in = m.carry[(q, t - 1)].value() or 0.0 if (q, t - 1) in m.carry else 0.0
            need = 0.0
            for pid, s in starts.items():
                if pid not in required:
                    continue
                p = by_id[pid]
                share = next((x.fraction for x in payers(p) if x.partner == q), 0.0)
                need += share * p.spend_in(s, t)
            fund = sum(v.value() or 0.0 for (f, pid, qq, tt), v in m.draw.items() if qq == q and tt == t)
            line = text(lang, "budget_short", q=q, t=t, need=money(need, lang), budget=money(amount, lang),
                        carry=money(carry_in, lang))
            if fund > 0.5:
                line += text(lang, "funds", funds=money(fund, lang))
            out.append(((0, q, t), line + text(lang, "short_by", short=money(used, lang))))
        elif family == "dependencies" and used > 1e-6:
            pid, r_id = str(key[0]), str(key[1])
            r = by_id[r_id]
            p = by_id[pid]
            starts_r = inst.starts[r_id]
            if not starts_r:
                line = text(lang, "dep_unscheduled", p=pid, r=r_id)
            else:
                earliest_end = min(starts_r) + r.duration - 1
                latest = max(inst.starts[pid])
                if earliest_end >= latest:
                    line = text(lang, "dep_too_late", p=pid, r=r_id, end=earliest_end, latest=latest)
                else:
                    line = text(lang, "dep_no_fit", p=pid, r=r_id)
            out.append(((1, pid, r_id), line))
        elif family == "nuisance_cap" and used > 1e-6:
            u, t = str(key[0]), int(str(key[1]))
            cap = inst.area.config.caps.street_works_per_buurt_year
            name = inst.area.buurt_by_code[u].name
            out.append(((2, u, t), text(lang, "cap", name=name, u=u, t=t, cap=cap, extra=f"{used:.0f}")))
        elif family == "mandatory" and used > 1e-6:
            pid = str(key[0])
            p = by_id[pid]
            out.append(((3, pid), text(lang, "mandatory", p=pid, q=p.partner, e=p.earliest_start,
                                       l=p.latest_start)))
    # one sentence per conflict, in a stable order
    seen: set[str] = set()
    lines: list[str] = []
    for _key, line in sorted(out, key=lambda kv: tuple(str(k) for k in kv[0])):
        if line not in seen:
            seen.add(line)
            lines.append(line)
    return lines


def budget_duals(m: Model, options: SolverOptions,
                 time_limit: float | None = None) -> tuple[SolveResult, dict[tuple[str, int], float]]:
    """Solve the LP relaxation of ``m``: its bound and the marginal value of a euro of budget.

    Parameters
    ----------
    m:
        The built model (solved in place as an LP; a later MILP solve overwrites the values).
    options:
        Solver options (the LP is solved by HiGHS whatever ``options.solver`` says).
    time_limit:
        Seconds for the LP (default: the options' time limit).

    Returns
    -------
    tuple of (SolveResult, dict)
        The LP result and the dual of every ``budget`` row per (partner, year) in objective
        units per euro; the map is empty when the LP is not solved to optimality in time.

    Notes
    -----
    The dual of the budget row in the LP with every integer choice fixed is identically zero
    in this model: once the start years are fixed, no variable that the objective values
    depends on the budget (unspent money simply stays unspent), so those duals carry no
    information. The relaxation's dual says how much the agenda's objective would grow per
    extra euro in that partner-year if projects could be scaled, which ranks the binding
    budgets the way planners need. It also prices the budgets for the greedy warm start.
    """
    # the relaxation is always solved by HiGHS's interior-point method (with crossover, so
    # the duals are those of a basic solution): 3-4x faster than simplex on large areas, and
    # CBC's LP solve does not honour the time limit
    update: dict[str, object] = {"solver": "highs"}
    if time_limit is not None:
        update["time_limit"] = max(0.1, time_limit)
    options = options.model_copy(update=update)
    result = solve(m, options, relax=True)
    if result.status != "optimal":
        return result, {}
    sign = -1.0  # HiGHS reports the duals of the minimised (negated) objective
    out: dict[tuple[str, int], float] = {}
    for name, con in m.constraints.items():
        family, key = m.names[name]
        if family == "budget":
            pi = con.pi or 0.0
            out[(str(key[0]), int(str(key[1])))] = sign * pi if abs(pi) > 1e-9 else 0.0
    return result, out


def _partner_tight(inst: Instance, net: Mapping[tuple[str, int], float], q: str, t: int,
                   extra: float) -> bool:
    amount, _ = inst.budget(q, t)
    return net.get((q, t), 0.0) + extra > amount + _carry_room(inst, net, q, t) + 0.5


def _carry_room(inst: Instance, net: Mapping[tuple[str, int], float], q: str, t: int) -> float:
    carry = 0.0
    for y in inst.years:
        if y == t:
            return carry
        amount, fraction = inst.budget(q, y)
        carry = fraction * max(0.0, amount + carry - net.get((q, y), 0.0))
    return carry


def reasons(inst: Instance, starts: Mapping[str, int],
            net: Mapping[tuple[str, int], float]) -> tuple[dict[str, str], list[Finding]]:
    """Why each project is dropped or moved, and the findings that go with it.

    Parameters
    ----------
    inst:
        The planning problem.
    starts:
        The agenda's start years.
    net:
        Net spend per (partner, year) of the agenda.

    Returns
    -------
    tuple of (project id -> reason, findings)
    """
    lang = inst.area.config.language
    by_id = inst.area.project_by_id
    out: dict[str, str] = {}
    findings: list[Finding] = []
    cap = inst.area.config.caps.street_works_per_buurt_year
    street_types = {t.id for t in inst.area.config.types if t.is_street_work}
    street_count: dict[tuple[str, int], int] = defaultdict(int)
    for pid, year in starts.items():
        if by_id[pid].type in street_types:
            street_count[(by_id[pid].buurt, year)] += 1

    def budget_blocks(p: Project, start: int) -> list[tuple[str, int]]:
        blocked = []
        for share in payers(p):
            for k, amount in enumerate(p.profile):
                t = start + k
                if t in inst.area.config.horizon and _partner_tight(
                        inst, net, share.partner, t, share.fraction * amount):
                    blocked.append((share.partner, t))
        return blocked

    for p in inst.area.projects:
        s = starts.get(p.id)
        if not inst.starts[p.id]:
            if p.id in inst.fixed_starts:
                out[p.id] = text(lang, "left_out")
            continue
        if s is None:
            missing = [r for r in p.after if r not in starts]
            if missing:
                why = text(lang, "dropped_dep", r=", ".join(sorted(missing)))
            else:
                pref = inst.preferred(p)
                blocked = budget_blocks(p, pref)
                if blocked:
                    q, t = blocked[0]
                    why = text(lang, "dropped_budget", q=q, t=t)
                elif cap is not None and p.type in street_types and street_count[(p.buurt, pref)] >= cap:
                    why = text(lang, "dropped_cap", cap=cap, u=p.buurt, t=pref)
                else:
                    why = text(lang, "dropped_other")
            out[p.id] = why
            findings.append(Finding(kind="dropped", message=f"{p.id}: {why}", partner=p.partner,
                                    project_id=p.id))
            continue
        pref = inst.preferred(p)
        if s == pref:
            continue
        partners = [
            (c.project_b if c.project_a == p.id else c.project_a)
            for ci in inst.couplings_of[p.id] for c in (inst.couplings[ci],) if realised(inst, starts, ci)
        ]
        late_dep = [r for r in p.after if r in starts and starts[r] + by_id[r].duration > pref]
        if partners:
            why = text(lang, "moved_couple", pref=pref, s=s, others=", ".join(sorted(partners)))
        elif late_dep:
            r = sorted(late_dep)[0]
            why = text(lang, "moved_dep", pref=pref, s=s, r=r, end=by_id[r].end_year(starts[r]))
        elif budget_blocks(p, pref):
            q, t = budget_blocks(p, pref)[0]
            why = text(lang, "moved_budget", pref=pref, s=s, q=q, t=t)
        else:
            why = text(lang, "moved_other", pref=pref, s=s)
        out[p.id] = why
        findings.append(Finding(kind="moved", message=f"{p.id}: {why}", partner=p.partner,
                                year=s, project_id=p.id))
    return out, findings


def binding_budgets(inst: Instance, net: Mapping[tuple[str, int], float],
                    duals: Mapping[tuple[str, int], float]) -> list[Finding]:
    """Partner-years whose budget (with carry-in) is used up, with their marginal value."""
    lang = inst.area.config.language
    out: list[Finding] = []
    for q in inst.partners:
        for t in inst.years:
            amount, _ = inst.budget(q, t)
            available = amount + _carry_room(inst, net, q, t)
            used = net.get((q, t), 0.0)
            dual = duals.get((q, t)) or 0.0
            used_up = available > 0 and used >= available - max(0.5, 0.005 * available)
            if not used_up:
                # scarcity alone is in PartnerYear.dual; in the LP relaxation nearly every
                # budget is priced, so listing them all would bury the binding ones
                continue
            state = text(lang, "used_up")
            line = text(lang, "binding", q=q, t=t, state=state, used=money(used, lang),
                        available=money(available, lang))
            if dual > 1e-9:
                line += text(lang, "dual", dual=number(dual, lang))
            out.append(Finding(kind="binding_budget", message=line, partner=q, year=t))
    return out


def value_of(var: pulp.LpVariable) -> float:
    """A variable's value (0 when the solver left it unset)."""
    return float(var.value() or 0.0)
