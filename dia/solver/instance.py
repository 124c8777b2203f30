"""The index sets and parameters of one planning problem, computed once from an Area.

Everything the constraint families, the baseline and the result builder need is derived
here, in sorted order, so that variables and constraints are created deterministically.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from dia.model import Area, CostShare, Coupling, Fund, Project, SolverOptions

if TYPE_CHECKING:
    from dia.coupling import CouplingGraph

#: Fraction of a project's cost added to its weighted value in the delay penalty, so that
#: projects without a value still prefer their preferred start (see ``Weights.delay``).
DELAY_COST_FRACTION = 0.001


def payers(p: Project) -> tuple[CostShare, ...]:
    """Who pays which fraction of ``p``, sorted by partner name (never in input order, so the
    order of the ``Cofinanciering`` cell changes nothing)."""
    return tuple(sorted(p.payers, key=lambda s: s.partner))


@dataclass(frozen=True)
class Pair:
    """A start-year pair ``(sa, sb)`` at which coupling ``c`` is realised."""

    coupling: int
    sa: int
    sb: int


@dataclass
class Instance:
    """The planning problem as index sets (all sorted) and parameters.

    Attributes
    ----------
    area:
        The validated area.
    starts:
        Project id -> the start years it may take (empty: it cannot be scheduled).
    must:
        Project ids that must be scheduled (mandatory, or forced by ``fixed_starts``).
    couplings:
        All koppelkansen, sorted by (project_a, project_b, rule).
    pairs:
        Per coupling index, the start-year pairs within its ``max_gap`` (may be empty).
    """

    area: Area
    starts: dict[str, tuple[int, ...]]
    must: frozenset[str]
    couplings: tuple[Coupling, ...]
    pairs: tuple[tuple[Pair, ...], ...]
    fixed_starts: Mapping[str, int | None] = field(default_factory=dict)

    # ---- derived ------------------------------------------------------------------
    @property
    def projects(self) -> tuple[Project, ...]:
        return self.area.projects

    @cached_property
    def schedulable(self) -> tuple[Project, ...]:
        """Projects with at least one allowed start year, sorted by id."""
        return tuple(p for p in self.area.projects if self.starts[p.id])

    @cached_property
    def years(self) -> tuple[int, ...]:
        return tuple(self.area.config.horizon.years)

    @cached_property
    def partners(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.area.partners)

    @cached_property
    def rank(self) -> dict[str, int]:
        """Position of each project in id order (for tie-breaking)."""
        return {p.id: i for i, p in enumerate(self.area.projects)}

    def preferred(self, p: Project) -> int:
        """The start year the delay penalty counts from.

        The project's preferred start; without one, its earliest start (sooner is better).
        A forced start counts as preferred, so forcing costs no penalty.
        """
        forced = self.fixed_starts.get(p.id)
        if forced is not None:
            return forced
        return p.preferred_start if p.preferred_start is not None else p.earliest_start

    def weighted_value(self, p: Project) -> float:
        """The project's value times its buurt's SIA weight."""
        return self.area.project_weight(p) * p.value

    def start_coefficient(self, p: Project, s: int) -> float:
        """Objective contribution of starting ``p`` in ``s`` (value minus delay penalty)."""
        w = self.area.config.weights
        return w.value * self.weighted_value(p) - self.delay_penalty(p, s)

    def delay_penalty(self, p: Project, s: int) -> float:
        """``weights.delay * (weighted value + 0.1 % of cost) * |s - preferred|``."""
        w = self.area.config.weights
        return w.delay * (self.weighted_value(p) + DELAY_COST_FRACTION * p.cost) * abs(s - self.preferred(p))

    @cached_property
    def couplings_of(self) -> dict[str, tuple[int, ...]]:
        """Project id -> indices of the couplings it takes part in."""
        out: dict[str, list[int]] = {p.id: [] for p in self.area.projects}
        for i, c in enumerate(self.couplings):
            out[c.project_a].append(i)
            out[c.project_b].append(i)
        return {k: tuple(v) for k, v in out.items()}

    def saving_part(self, c: Coupling, pid: str) -> float:
        """Euro of coupling ``c``'s potential saving credited to project ``pid``."""
        share = c.share_a if pid == c.project_a else 1.0 - c.share_a
        return c.potential_saving * share

    @cached_property
    def eligible_funds(self) -> dict[tuple[str, str], tuple[Fund, ...]]:
        """(project id, paying partner) -> funds the partner's share may draw on.

        A project may draw only on the funds it lists, and only where the fund accepts
        its type and the paying partner (``Fund.is_eligible``).
        """
        out: dict[tuple[str, str], tuple[Fund, ...]] = {}
        for p in self.schedulable:
            for share in payers(p):
                funds = tuple(
                    f for f in self.area.funds
                    if f.name in p.funds and f.is_eligible(p.type, share.partner)
                    and any(a.amount > 0 for a in f.amounts)
                )
                if funds:
                    out[(p.id, share.partner)] = funds
        return out

    @cached_property
    def max_available(self) -> dict[tuple[str, int], float]:
        """(partner, year) -> the most money the partner can ever have that year.

        Its budget plus the largest carry-in possible, i.e. with nothing spent before.
        """
        out: dict[tuple[str, int], float] = {}
        for q in self.partners:
            carry = 0.0
            for t in self.years:
                amount, fraction = self.budget(q, t)
                out[(q, t)] = amount + carry
                carry = fraction * (amount + carry)
        return out

    def never_fits(self, p: Project, s: int) -> bool:
        """Whether starting ``p`` in ``s`` overspends a payer's budget even if alone.

        True when, over some run of consecutive horizon years ``t1..t2``, the payer's share of
        the project's spend minus every fund and saving that could possibly relieve it exceeds
        the partner's budgets over those years plus the largest carry-in into ``t1``
        (:attr:`max_available`). Such start years are fixed to 0 when the model is built: a
        valid reduction that removes LP value the integer model could never realise.
        """
        horizon = self.area.config.horizon
        saving = sum(self.saving_part(self.couplings[ci], p.id) for ci in self.couplings_of[p.id])
        for share in payers(p):
            funds = self.eligible_funds.get((p.id, share.partner), ())
            need: list[tuple[int, float]] = []
            for k, amount in enumerate(p.profile):
                t = s + k
                if t not in horizon:
                    continue
                relief = sum(f.amount_in(t) for f in funds)
                if p.cost > 0:
                    relief += share.fraction * saving * amount / p.cost
                need.append((t, share.fraction * amount - relief))
            for i, (t1, _) in enumerate(need):
                carry_in = self.max_available[(share.partner, t1)] - self.budget(share.partner, t1)[0]
                total_need = 0.0
                total_budget = carry_in
                for t, amount in need[i:]:
                    total_need += amount
                    total_budget += self.budget(share.partner, t)[0]
                    if total_need > total_budget + 0.5:
                        return True
        return False

    def budget(self, partner: str, year: int) -> tuple[float, float]:
        """(amount, carry-over fraction) of the partner's budget in ``year`` (0, 0 without a row)."""
        b = self.area.budget_of(partner, year)
        return (b.amount, b.carry_over) if b is not None else (0.0, 0.0)


def couplings_of(graph: CouplingGraph | Sequence[Coupling]) -> tuple[Coupling, ...]:
    """The koppelkansen as a sorted tuple, from a ``CouplingGraph`` or a plain sequence."""
    items = getattr(graph, "couplings", graph)
    return tuple(sorted(items, key=lambda c: (c.project_a, c.project_b, c.rule)))


def make_instance(
    area: Area,
    couplings: CouplingGraph | Sequence[Coupling],
    fixed_starts: Mapping[str, int | None] | None = None,
) -> Instance:
    """Derive the index sets of the planning problem.

    Parameters
    ----------
    area:
        The validated area.
    couplings:
        Its koppelkansen (a ``CouplingGraph`` or a sequence of ``Coupling``).
    fixed_starts:
        Project id -> forced start year, or None for "must not be scheduled".

    Returns
    -------
    Instance

    Raises
    ------
    ValueError
        When ``fixed_starts`` names an unknown project or a start before the horizon.
    """
    fixed = dict(fixed_starts or {})
    ids = area.project_by_id
    unknown = sorted(k for k in fixed if k not in ids)
    if unknown:
        raise ValueError(f"fixed_starts names unknown projects: {', '.join(unknown)}")
    horizon = area.config.horizon
    starts: dict[str, tuple[int, ...]] = {}
    must: set[str] = set()
    for p in area.projects:
        if p.id in fixed:
            year = fixed[p.id]
            if year is None:
                starts[p.id] = ()
                continue
            if year < horizon.start or year > horizon.end:
                raise ValueError(
                    f"forced start {year} of {p.id} lies outside the horizon {horizon.start}–{horizon.end}"
                )
            starts[p.id] = (year,)
            must.add(p.id)
        else:
            starts[p.id] = tuple(p.start_years)
            if p.is_mandatory:
                must.add(p.id)
    kept: list[Coupling] = []
    pairs: list[tuple[Pair, ...]] = []
    for c in couplings_of(couplings):
        if c.project_a not in ids or c.project_b not in ids:
            raise ValueError(f"coupling {c.project_a}–{c.project_b} names a project not in the area")
        i = len(kept)
        kept.append(c)
        # start-year pairs are recomputed from the allowed starts (forced starts may differ
        # from the windows the coupling's common_years were computed on)
        pairs.append(tuple(
            Pair(i, sa, sb)
            for sa in starts[c.project_a] for sb in starts[c.project_b] if abs(sa - sb) <= c.max_gap
        ))
    return Instance(area=area, starts=starts, must=frozenset(must), couplings=tuple(kept),
                    pairs=tuple(pairs), fixed_starts=fixed)


def input_hash(area: Area, scenario_name: str | None, options: SolverOptions) -> str:
    """SHA-256 over the area's input files, the scenario name and the solver options.

    An area built in Python (no input files) is hashed over its full JSON instead, so two
    different synthetic areas never share a hash.
    """
    h = hashlib.sha256()
    if area.inputs:
        for f in area.inputs:
            h.update(f"{f.name}\0{f.sha256}\n".encode())
    else:
        h.update(area.model_dump_json().encode())
    h.update(f"scenario\0{scenario_name or ''}\n".encode())
    h.update(json.dumps(options.model_dump(mode="json"), sort_keys=True).encode())
    return h.hexdigest()
