"""The decision variables of the DIA model and the linear expressions built on them.

Variables (all created in sorted order, named by index positions so that PuLP's name
mangling never merges two of them):

* ``x[p, s]`` binary: project ``p`` starts in year ``s`` (one per allowed start year);
* ``z[c, sa, sb]`` continuous in [0, 1]: koppelkans ``c`` is realised with project a
  starting in ``sa`` and project b in ``sb`` (only pairs with ``|sa - sb| <= max_gap``);
  integral whenever ``x`` is, because it is bounded by the ``x`` it links (see
  :func:`dia.solver.constraints.coupling_realisation`); a fractional value only arises when
  the per-project saving cap binds and then means "part of the saving is credited";
* ``draw[f, p, q, t]`` >= 0: euro of partner ``q``'s share of project ``p`` paid by fund
  ``f`` in year ``t``;
* ``unspent[q, t]`` >= 0 and ``carry[q, t]`` >= 0: budget left unspent by partner ``q`` in
  ``t`` and the part of it carried over to ``t + 1``;
* ``slack[...]`` >= 0: only in the elastic model used to explain infeasibility.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pulp

from dia.solver.instance import Instance, payers

Key = tuple[object, ...]
Terms = dict[pulp.LpVariable, float]


@dataclass
class Model:
    """A built (not yet solved) PuLP model and the maps back to the domain.

    ``names`` maps every constraint name to ``(family, key)`` so duals and explanations can
    be reported in domain terms; ``slacks`` maps slack variable names the same way.
    """

    inst: Instance
    prob: pulp.LpProblem
    elastic: bool = False
    x: dict[tuple[str, int], pulp.LpVariable] = field(default_factory=dict)
    z: dict[tuple[int, int, int], pulp.LpVariable] = field(default_factory=dict)
    draw: dict[tuple[str, str, str, int], pulp.LpVariable] = field(default_factory=dict)
    unspent: dict[tuple[str, int], pulp.LpVariable] = field(default_factory=dict)
    carry: dict[tuple[str, int], pulp.LpVariable] = field(default_factory=dict)
    slack: dict[str, tuple[str, Key, pulp.LpVariable, float]] = field(default_factory=dict)
    """slack variable name -> (family, key, variable, price per unit)."""
    names: dict[str, tuple[str, Key]] = field(default_factory=dict)
    constraints: dict[str, pulp.LpConstraint] = field(default_factory=dict)
    _cache: dict[str, object] = field(default_factory=dict)

    # ---- adding constraints ---------------------------------------------------------
    def add(self, family: str, key: Key, index: Iterable[int], terms: Terms, sense: int,
            rhs: float) -> pulp.LpConstraint:
        """Add ``sum(terms) <sense> rhs`` named ``family_i_j_...`` from index positions."""
        name = "_".join([family, *(str(i) for i in index)])
        if name in self.names:
            raise ValueError(f"duplicate constraint name {name}")
        expr = pulp.LpAffineExpression([(v, c) for v, c in terms.items() if c != 0])
        con = pulp.LpConstraint(e=expr, sense=sense, name=name, rhs=rhs)
        self.prob.addConstraint(con, name)
        self.names[name] = (family, key)
        self.constraints[name] = con
        return con

    def add_slack(self, family: str, key: Key, index: Iterable[int], price: float,
                  up: float | None = None) -> pulp.LpVariable:
        """A priced slack variable for the elastic model (named like its constraint)."""
        name = "_".join(["slack", family, *(str(i) for i in index)])
        var = pulp.LpVariable(name, lowBound=0, upBound=up)
        self.slack[name] = (family, key, var, price)
        return var

    # ---- shared expressions ---------------------------------------------------------
    def gross(self) -> dict[tuple[str, int], Terms]:
        """(partner, year) -> terms of the partner's gross spend (its shares of all projects)."""
        cached = self._cache.get("gross")
        if cached is None:
            out: dict[tuple[str, int], Terms] = defaultdict(dict)
            for p in self.inst.schedulable:
                for s in self.inst.starts[p.id]:
                    var = self.x[(p.id, s)]
                    for k, amount in enumerate(p.profile):
                        if amount == 0:
                            continue
                        for share in payers(p):
                            terms = out[(share.partner, s + k)]
                            terms[var] = terms.get(var, 0.0) + share.fraction * amount
            cached = self._cache["gross"] = dict(out)
        return cached  # type: ignore[return-value]

    def project_spend(self) -> dict[tuple[str, int], Terms]:
        """(project, year) -> terms of the project's gross spend in that year."""
        cached = self._cache.get("project_spend")
        if cached is None:
            out: dict[tuple[str, int], Terms] = defaultdict(dict)
            for p in self.inst.schedulable:
                for s in self.inst.starts[p.id]:
                    for k, amount in enumerate(p.profile):
                        if amount:
                            out[(p.id, s + k)][self.x[(p.id, s)]] = amount
            cached = self._cache["project_spend"] = dict(out)
        return cached  # type: ignore[return-value]

    def savings(self) -> dict[tuple[str, int], Terms]:
        """(project, year) -> terms of the coupling savings credited to the project that year.

        Coupling ``c``'s part for project ``p`` (``Instance.saving_part``) is spread over the
        years ``p`` runs in proportion to its cash-flow profile, so the saving lowers spend
        in the years of the joint work and never exceeds the project's spend in any year
        while the per-project cap holds.
        """
        cached = self._cache.get("savings")
        if cached is None:
            inst = self.inst
            out: dict[tuple[str, int], Terms] = defaultdict(dict)
            for ci, c in enumerate(inst.couplings):
                a = inst.area.project_by_id[c.project_a]
                b = inst.area.project_by_id[c.project_b]
                for pair in inst.pairs[ci]:
                    var = self.z[(ci, pair.sa, pair.sb)]
                    for p, s in ((a, pair.sa), (b, pair.sb)):
                        part = inst.saving_part(c, p.id)
                        if part <= 0 or p.cost <= 0:
                            continue
                        for k, amount in enumerate(p.profile):
                            if amount:
                                terms = out[(p.id, s + k)]
                                terms[var] = terms.get(var, 0.0) + part * amount / p.cost
            cached = self._cache["savings"] = dict(out)
        return cached  # type: ignore[return-value]


def define_variables(m: Model) -> None:
    """Create every decision variable of ``m`` in a deterministic order."""
    inst = m.inst
    rank = inst.rank
    for p in inst.schedulable:
        for s in inst.starts[p.id]:
            # a start that can never fit the budget is fixed to 0 (not in the elastic model,
            # whose slack must be able to show how much money such a start would need)
            up = 0 if not m.elastic and inst.never_fits(p, s) else 1
            m.x[(p.id, s)] = pulp.LpVariable(f"x_{rank[p.id]}_{s}", 0, up, cat=pulp.LpBinary)
    for ci, pairs in enumerate(inst.pairs):
        for pair in pairs:
            m.z[(ci, pair.sa, pair.sb)] = pulp.LpVariable(f"z_{ci}_{pair.sa}_{pair.sb}", 0, 1)
    horizon_end = inst.area.config.horizon.end
    for qi, q in enumerate(inst.partners):
        for t in inst.years:
            m.unspent[(q, t)] = pulp.LpVariable(f"unspent_{qi}_{t}", lowBound=0)
            _amount, fraction = inst.budget(q, t)
            if fraction > 0 and t < horizon_end:
                m.carry[(q, t)] = pulp.LpVariable(f"carry_{qi}_{t}", lowBound=0)
    fund_index = {f.name: i for i, f in enumerate(inst.area.funds)}
    qindex = {q: i for i, q in enumerate(inst.partners)}
    spend = m.project_spend()
    for (pid, q), funds in sorted(inst.eligible_funds.items()):
        for f in funds:
            for t in inst.years:
                if f.amount_in(t) > 0 and (pid, t) in spend:
                    m.draw[(f.name, pid, q, t)] = pulp.LpVariable(
                        f"draw_{fund_index[f.name]}_{rank[pid]}_{qindex[q]}_{t}", lowBound=0
                    )
