"""The constraint families of the DIA model, one function each.

Each function takes the :class:`~dia.solver.variables.Model` being built, adds the rows
of one family and returns at once when its index set is empty. Docstrings follow PyPSA and
Calliope: a one-line description, ``For each ...`` (the index set), the formula on its own
line, every symbol named, and modelling choices under *Notes*. ``docs/model.md`` has one
section per family and a registry test keeps the three (``FAMILIES``, docstrings, docs) in
step.

Symbols used throughout:

* ``x[p,s]`` binary: project ``p`` starts in year ``s``; ``S_p`` its allowed start years;
* ``cost_p``, ``profile_p[k]``: cost and spend in the ``k``-th project year (``k = 0..d_p-1``);
* ``share_{p,q}``: fraction of ``p`` paid by partner ``q`` (1 for the lead without shares);
* ``z[c,sa,sb]`` in [0, 1]: koppelkans ``c`` realised with starts ``sa`` (of a) and ``sb`` (of b);
* ``sav_{p,t} = sum_{c ∋ p} sum_{(sa,sb)} part_{c,p} * profile_p[t - s_p] / cost_p * z[c,sa,sb]``,
  the savings credited to ``p`` in year ``t`` (``s_p`` is ``sa`` or ``sb``);
* ``draw[f,p,q,t]`` >= 0: fund ``f`` pays part of ``q``'s share of ``p`` in year ``t``;
* ``B_{q,t}``, ``φ_{q,t}``: partner ``q``'s budget in year ``t`` and its carry-over fraction;
* ``unspent[q,t]``, ``carry[q,t]`` >= 0.
"""

from __future__ import annotations

from collections import defaultdict

import pulp

from dia.solver.instance import payers
from dia.solver.variables import Model, Terms

LE = pulp.LpConstraintLE
EQ = pulp.LpConstraintEQ

#: Prices of slack in the elastic model (explain mode): euros of missing budget are cheap,
#: broken dependencies and caps dearer, dropping a mandatory project dearest, so the
#: explanation names the smallest change in the user's terms.
PRICE_BUDGET_PER_EURO = 1e-6
PRICE_DEPENDENCY = 1e4
PRICE_CAP = 1e4
PRICE_MANDATORY = 1e8


def start_once(m: Model) -> None:
    """An optional project starts at most once.

    For each optional project ``p`` that can be scheduled, the constraint enforces:

        sum_{s ∈ S_p} x[p,s] <= 1

    Notes
    -----
    ``S_p`` is the start window ``earliest_start..latest_start`` (a forced start makes it a
    single year; "must not be scheduled" makes it empty, so ``p`` gets no variables at all).
    A project may run past the horizon end; its spend there is reported, not budgeted.
    """
    inst = m.inst
    for p in inst.schedulable:
        if p.id in inst.must:
            continue
        terms: Terms = {m.x[(p.id, s)]: 1.0 for s in inst.starts[p.id]}
        m.add("start_once", (p.id,), (inst.rank[p.id],), terms, LE, 1)


def mandatory(m: Model) -> None:
    """A mandatory (or forced) project starts exactly once.

    For each project ``p`` that must be scheduled, the constraint enforces:

        sum_{s ∈ S_p} x[p,s] = 1

    Notes
    -----
    In the elastic model (explaining infeasibility) the row becomes
    ``sum_s x[p,s] + slack_p = 1`` with ``slack_p`` priced at ``PRICE_MANDATORY``.
    """
    inst = m.inst
    for p in inst.schedulable:
        if p.id not in inst.must:
            continue
        terms: Terms = {m.x[(p.id, s)]: 1.0 for s in inst.starts[p.id]}
        index = (inst.rank[p.id],)
        if m.elastic:
            terms[m.add_slack("mandatory", (p.id,), index, PRICE_MANDATORY, up=1)] = 1.0
        m.add("mandatory", (p.id,), index, terms, EQ, 1)


def budget(m: Model) -> None:
    """Each partner's net spend in each horizon year stays within its budget plus carry-in.

    For each partner ``q`` and horizon year ``t``, the constraint enforces:

        sum_p share_{p,q} * sum_{s ∈ S_p} profile_p[t-s] * x[p,s]
          - sum_p share_{p,q} * sav_{p,t} - sum_{f,p} draw[f,p,q,t]
          + unspent[q,t] - carry[q,t-1] = B_{q,t}

    Notes
    -----
    Written as an equality with the unspent budget as a non-negative variable, so the row's
    dual is the marginal value of one more euro of ``B_{q,t}`` and ``unspent`` feeds the
    carry-over family. ``B_{q,t} = 0`` for a year without a Budget row. Spend in years after
    the horizon is not budgeted (the agenda reports it). Savings lower the partners' spend in
    the years the project runs, split over the payers by their cost shares. In the elastic
    model a slack ``σ_{q,t}`` (euro, priced ``PRICE_BUDGET_PER_EURO``) is added to ``B_{q,t}``.
    """
    inst = m.inst
    gross = m.gross()
    savings = m.savings()
    by_pq: dict[tuple[str, int], Terms] = defaultdict(dict)
    for (_f, _pid, q, t), var in m.draw.items():
        by_pq[(q, t)][var] = -1.0
    saving_terms: dict[tuple[str, int], Terms] = defaultdict(dict)
    for (pid, t), sav in savings.items():
        p = inst.area.project_by_id[pid]
        for share in payers(p):
            acc = saving_terms[(share.partner, t)]
            for var, coef in sav.items():
                acc[var] = acc.get(var, 0.0) - share.fraction * coef
    for qi, q in enumerate(inst.partners):
        for t in inst.years:
            terms: Terms = dict(gross.get((q, t), {}))
            for part in (saving_terms.get((q, t), {}), by_pq.get((q, t), {})):
                for var, coef in part.items():
                    terms[var] = terms.get(var, 0.0) + coef
            terms[m.unspent[(q, t)]] = 1.0
            if (q, t - 1) in m.carry:
                terms[m.carry[(q, t - 1)]] = -1.0
            index = (qi, t)
            if m.elastic:
                terms[m.add_slack("budget", (q, t), index, PRICE_BUDGET_PER_EURO)] = -1.0
            amount, _fraction = inst.budget(q, t)
            m.add("budget", (q, t), index, terms, EQ, amount)


def budget_knapsack(m: Model) -> None:
    """A pure 0-1 knapsack per partner-year implied by the budget rows (a valid inequality).

    For each partner ``q`` and horizon year ``t`` whose candidate spend can exceed its cap:

        sum_p share_{p,q} * (1 - μ_p) * sum_{s ∈ S_p} profile_p[t-s] * x[p,s] <= A_{q,t} + F_{q,t}

    where ``μ_p = min(1, sum_{c ∋ p} part_{c,p} / cost_p)`` is the largest share of its cost a
    project can save, ``A_{q,t}`` the most money ``q`` can have in ``t`` (its budget plus the
    largest carry-in, ``Instance.max_available``) and ``F_{q,t}`` the amounts in ``t`` of every
    fund that may pay part of ``q``'s share of some project.

    Notes
    -----
    Implied by ``budget``, ``carry_over``, ``fund_amount``, ``coupling_realisation`` and
    ``saving_cap`` (savings credited to ``p`` in ``t`` are at most ``μ_p`` times its spend, draws
    at most the funds' amounts, the carry-in at most its largest value), so it cuts off no
    agenda. It adds no LP strength by itself, but unlike the budget equality (with its
    continuous unspent, carry, draw and saving terms) it is a row of binaries only, from which
    HiGHS derives cliques (two projects that cannot run in the same year), covers and
    knapsack cuts: on the bundled example it halves the time to prove optimality. Rows that
    can never bind (all candidates together fit) are left out, and the elastic model, whose
    budgets may be exceeded, has none.
    """
    inst = m.inst
    if m.elastic:
        return
    funds: dict[tuple[str, int], float] = defaultdict(float)
    for f, q, t in sorted({(f, q, t) for (f, _pid, q, t) in m.draw}):
        funds[(q, t)] += inst.area.fund_by_name[f].amount_in(t)
    rows: dict[tuple[str, int], Terms] = defaultdict(dict)
    years = set(inst.years)
    for p in inst.schedulable:
        saving = sum(inst.saving_part(inst.couplings[ci], p.id) for ci in inst.couplings_of[p.id])
        keep = 1.0 - min(1.0, saving / p.cost) if p.cost > 0 else 1.0
        for s in inst.starts[p.id]:
            var = m.x[(p.id, s)]
            for k, amount in enumerate(p.profile):
                if not amount or s + k not in years:
                    continue
                for share in payers(p):
                    terms = rows[(share.partner, s + k)]
                    terms[var] = terms.get(var, 0.0) + share.fraction * amount * keep
    for qi, q in enumerate(inst.partners):
        for t in inst.years:
            terms = rows.get((q, t), {})
            cap = inst.max_available[(q, t)] + funds.get((q, t), 0.0)
            if sum(terms.values()) <= cap:
                continue
            m.add("budget_knapsack", (q, t), (qi, t), dict(terms), LE, cap)


def carry_over(m: Model) -> None:
    """At most the partner's fraction of its unspent budget moves to the next year.

    For each partner ``q`` and horizon year ``t`` before the last with ``φ_{q,t} > 0``, the
    constraint enforces:

        carry[q,t] <= φ_{q,t} * unspent[q,t]

    Notes
    -----
    ``unspent[q,t]`` includes last year's carry-in, so carried money that stays unspent may
    move on again (at the fraction of the year it is in). Without carry-over (``φ = 0``) and in
    the last horizon year there is no ``carry`` variable and no row.
    """
    inst = m.inst
    qindex = {q: i for i, q in enumerate(inst.partners)}
    for (q, t), var in m.carry.items():
        _amount, fraction = inst.budget(q, t)
        m.add("carry_over", (q, t), (qindex[q], t), {var: 1.0, m.unspent[(q, t)]: -fraction}, LE, 0)


def fund_amount(m: Model) -> None:
    """A fund pays out at most its amount in each year.

    For each fund ``f`` and year ``t`` with draws, the constraint enforces:

        sum_{p,q} draw[f,p,q,t] <= amount_{f,t}

    Notes
    -----
    Draw variables exist only for projects that list the fund in their ``funds`` and where
    ``Fund.is_eligible(type, paying partner)`` holds, in horizon years with an amount > 0.
    """
    inst = m.inst
    fund_index = {f.name: i for i, f in enumerate(inst.area.funds)}
    rows: dict[tuple[str, int], Terms] = defaultdict(dict)
    for (f, _pid, _q, t), var in m.draw.items():
        rows[(f, t)][var] = 1.0
    for (f, t), terms in sorted(rows.items()):
        m.add("fund_amount", (f, t), (fund_index[f], t), terms, LE, inst.area.fund_by_name[f].amount_in(t))


def fund_project(m: Model) -> None:
    """Fund draws plus savings never exceed what the partner pays for the project that year.

    For each project ``p``, paying partner ``q`` and year ``t`` with draws, the constraint
    enforces:

        sum_f draw[f,p,q,t] + share_{p,q} * sav_{p,t} <= share_{p,q} * sum_{s ∈ S_p} profile_p[t-s] * x[p,s]

    Notes
    -----
    So a fund never pays for a project that does not run that year, never pays more than its
    cost in that year, and savings and subsidies together never turn a project's net spend
    negative (which would quietly move fund money to other projects).
    """
    inst = m.inst
    spend = m.project_spend()
    savings = m.savings()
    qindex = {q: i for i, q in enumerate(inst.partners)}
    rows: dict[tuple[str, str, int], Terms] = defaultdict(dict)
    for (_f, pid, q, t), var in m.draw.items():
        rows[(pid, q, t)][var] = 1.0
    for (pid, q, t), terms in sorted(rows.items()):
        p = inst.area.project_by_id[pid]
        fraction = next(s.fraction for s in payers(p) if s.partner == q)
        for var, coef in savings.get((pid, t), {}).items():
            terms[var] = terms.get(var, 0.0) + fraction * coef
        for var, coef in spend[(pid, t)].items():
            terms[var] = terms.get(var, 0.0) - fraction * coef
        m.add("fund_project", (pid, q, t), (inst.rank[pid], qindex[q], t), terms, LE, 0)


def dependencies(m: Model) -> None:
    """A project starts only after each of its predecessors has ended (and not without them).

    For each project ``p``, predecessor ``r`` in ``p.after`` and start year ``s ∈ S_p``,
    the constraint enforces:

        x[p,s] <= sum_{s' ∈ S_r : s' + d_r <= s} x[r,s']

    Notes
    -----
    The cumulative right-hand side is the tight (convex-hull) form of "p starts after r ends":
    it also drops ``p`` when ``r`` is not scheduled, and fixes ``x[p,s] = 0`` when ``r``
    cannot end before ``s``. In the elastic model a slack ``σ`` in [0, 1] priced
    ``PRICE_DEPENDENCY`` is added to the right-hand side.
    """
    inst = m.inst
    by_id = inst.area.project_by_id
    for p in inst.schedulable:
        for r_id in sorted(set(p.after)):
            r = by_id[r_id]
            for s in inst.starts[p.id]:
                terms: Terms = {m.x[(p.id, s)]: 1.0}
                for s_r in inst.starts[r_id]:
                    if s_r + r.duration <= s:
                        terms[m.x[(r_id, s_r)]] = -1.0
                index = (inst.rank[p.id], inst.rank[r_id], s)
                if m.elastic:
                    terms[m.add_slack("dependencies", (p.id, r_id, s), index, PRICE_DEPENDENCY, up=1)] = -1.0
                m.add("dependencies", (p.id, r_id, s), index, terms, LE, 0)


def coupling_realisation(m: Model) -> None:
    """A koppelkans is realised only when both projects start within its ``max_gap``.

    For each koppelkans ``c`` between projects ``a`` and ``b``, the constraints enforce:

        sum_{sb : (sa,sb) ∈ P_c} z[c,sa,sb] <= x[a,sa]     for each sa
        sum_{sa : (sa,sb) ∈ P_c} z[c,sa,sb] <= x[b,sb]     for each sb

    where ``P_c = {(sa, sb) ∈ S_a × S_b : |sa - sb| <= max_gap_c}``.

    Notes
    -----
    One ``z`` per common start-year pair, aggregated per start year of each side: each ``z``
    appears in exactly one row of ``a`` and one of ``b`` (a bipartite incidence matrix, totally
    unimodular), so together with ``sum_s x <= 1`` this is the convex hull of the coupling's
    logic and the LP relaxation cannot credit a saving for a pair of half-scheduled projects
    that the integer model would not. A big-M formulation on start-year integers is much
    weaker. The saving credited is ``potential_c * sum z[c,·,·]`` (see ``saving_cap``).
    """
    inst = m.inst
    for ci, c in enumerate(inst.couplings):
        rows_a: dict[int, Terms] = defaultdict(dict)
        rows_b: dict[int, Terms] = defaultdict(dict)
        for pair in inst.pairs[ci]:
            var = m.z[(ci, pair.sa, pair.sb)]
            rows_a[pair.sa][var] = 1.0
            rows_b[pair.sb][var] = 1.0
        for side, rows, pid in (("a", rows_a, c.project_a), ("b", rows_b, c.project_b)):
            for s in sorted(rows):
                terms = rows[s]
                terms[m.x[(pid, s)]] = -1.0
                m.add("coupling_realisation", (c.project_a, c.project_b, side, s),
                      (ci, 0 if side == "a" else 1, s), terms, LE, 0)


def saving_cap(m: Model) -> None:
    """A project never saves more than it costs.

    For each project ``p`` whose koppelkansen could together save more than its cost, the
    constraint enforces:

        sum_{c ∋ p} part_{c,p} * sum_{(sa,sb) ∈ P_c} z[c,sa,sb] <= cost_p

    Notes
    -----
    ``part_{c,p}`` is ``potential_c * share_a`` for project a and ``potential_c * (1 - share_a)``
    for b (``Coupling.share_a``, by default in proportion to the projects' costs). Where the
    cap binds, ``z`` may be fractional: the coupling is realised but only part of its saving is
    credited. Projects whose potential savings stay within their cost get no row.
    """
    inst = m.inst
    for p in inst.schedulable:
        idx = inst.couplings_of[p.id]
        if sum(inst.saving_part(inst.couplings[ci], p.id) for ci in idx) <= p.cost:
            continue
        terms: Terms = {}
        for ci in idx:
            part = inst.saving_part(inst.couplings[ci], p.id)
            for pair in inst.pairs[ci]:
                var = m.z[(ci, pair.sa, pair.sb)]
                terms[var] = terms.get(var, 0.0) + part
        if terms:
            m.add("saving_cap", (p.id,), (inst.rank[p.id],), terms, LE, p.cost)


def nuisance_cap(m: Model) -> None:
    """At most N street-opening works start per buurt per year (nuisance for residents).

    For each buurt ``u`` and year ``t``, when ``caps.street_works_per_buurt_year = N`` is set:

        sum_{p ∈ street works in u} x[p,t] <= N

    Notes
    -----
    A street work is a project whose type has ``is_street_work``. Each project counts, coupled
    or not (a conservative reading). Rows that cannot bind (at most N candidates) are left out.
    In the elastic model a slack priced ``PRICE_CAP`` per extra work is added to ``N``.
    """
    inst = m.inst
    cap = inst.area.config.caps.street_works_per_buurt_year
    if cap is None:
        return
    street = {t.id for t in inst.area.config.types if t.is_street_work}
    buurt_index = {b.code: i for i, b in enumerate(inst.area.config.buurten)}
    rows: dict[tuple[str, int], Terms] = defaultdict(dict)
    for p in inst.schedulable:
        if p.type in street:
            for s in inst.starts[p.id]:
                rows[(p.buurt, s)][m.x[(p.id, s)]] = 1.0
    for (u, t), terms in sorted(rows.items()):
        if len(terms) <= cap:
            continue
        index = (buurt_index[u], t)
        if m.elastic:
            terms[m.add_slack("nuisance_cap", (u, t), index, PRICE_CAP)] = -1.0
        m.add("nuisance_cap", (u, t), index, terms, LE, cap)

