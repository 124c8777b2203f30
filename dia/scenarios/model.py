"""The scenario model: a named set of overrides on an area (what-if for the bestuurlijk overleg).

A scenario lists only what differs from its base area. Every override kind is
a small frozen model; the :class:`Scenario` holds them plus the scenario it
``extends`` (``parent``), which is applied first. The file format is
documented in ``docs/scenarios.md``; :func:`dia.scenarios.load.load_scenario`
reads it and :func:`dia.scenarios.apply.apply_scenario` applies it.

Area-independent checks (keys, types, ranges: a budget factor below 0, a
horizon that ends before it starts) happen when the model is validated;
references to partners, projects, types, funds and rules are checked when the
scenario is applied to an area, because only then are they known.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from dia.messages import pydantic_error
from dia.model.area import InputFile
from dia.model.base import Frozen
from dia.model.config import Caps, CouplingRule, SolverOptions, Weights


class Selection(Frozen):
    """Which projects an override applies to.

    A project is selected when it matches *every* criterion given (partner,
    type, project id); at least one criterion is required so that an
    override never applies to everything by accident.
    """

    partners: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _something_selected(self) -> Selection:
        if not (self.partners or self.types or self.projects):
            raise pydantic_error("scenario.select_nothing")
        return self


class Removal(Frozen):
    """Partners, projects or project types left out of the area.

    Notes
    -----
    Removing a partner removes its budgets, every project it leads *or*
    co-finances (its share can no longer be paid) and its name from fund
    eligibility lists (a fund open only to that partner is removed). Every
    project that depends (``after``) on a removed project is removed too,
    transitively: the optimiser drops a project whose predecessor is dropped,
    so keeping it would only hide that it can no longer happen.
    """

    partners: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


class BudgetChange(Frozen):
    """Change budgets of one partner (or all) in some years (or all).

    Exactly one of ``factor`` (multiply the existing amount) and ``amount``
    (set it, creating the partner-year when missing) may be given;
    ``carry_over`` may be given with either or alone.
    """

    partner: str | None = None
    """Partner name; omitted = every partner."""
    years: tuple[int, ...] = ()
    """Calendar years; empty = every year of the horizon."""
    factor: float | None = Field(default=None, ge=0)
    amount: float | None = Field(default=None, ge=0)
    carry_over: float | None = Field(default=None, ge=0, le=1)

    @model_validator(mode="after")
    def _one_change(self) -> BudgetChange:
        if self.factor is not None and self.amount is not None:
            raise pydantic_error("scenario.factor_and_amount")
        if self.factor is None and self.amount is None and self.carry_over is None:
            raise pydantic_error("scenario.budget_nothing")
        return self


class CostChange(Selection):
    """Multiply the cost (and cash-flow profile) of the selected projects."""

    factor: float = Field(ge=0)


class FundGrant(Frozen):
    """A fund (subsidy) granted in the scenario: added to the area.

    ``projects`` lists the projects that may draw on it; empty means every
    project eligible by ``types`` and ``partners``.
    """

    name: str = Field(min_length=1)
    amounts: dict[int, float]
    """Euro per calendar year."""
    types: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()

    @field_validator("amounts")
    @classmethod
    def _non_negative(cls, v: dict[int, float]) -> dict[int, float]:
        if not v:
            raise pydantic_error("scenario.grant_empty")
        for year, amount in v.items():
            if amount < 0:
                raise pydantic_error("scenario.grant_negative", year=year, amount=amount)
        return dict(sorted(v.items()))


class FundCut(Frozen):
    """Multiply a fund's amounts (in some years, or all) by ``factor``."""

    fund: str = Field(min_length=1)
    factor: float = Field(ge=0)
    years: tuple[int, ...] = ()


class FundChanges(Frozen):
    """Funds added (granted), cut or removed."""

    add: tuple[FundGrant, ...] = ()
    cut: tuple[FundCut, ...] = ()
    remove: tuple[str, ...] = ()


class HorizonChange(Frozen):
    """A new horizon start and/or end year."""

    start: int | None = Field(default=None, ge=1900, le=2200)
    end: int | None = Field(default=None, ge=1900, le=2200)

    @model_validator(mode="after")
    def _ordered(self) -> HorizonChange:
        if self.start is None and self.end is None:
            raise pydantic_error("scenario.horizon_nothing")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise pydantic_error("model.horizon_order", start=self.start, end=self.end)
        return self


class WindowShift(Selection):
    """Move the start windows of the selected projects.

    ``shift: N`` moves earliest, latest and preferred start N years (later
    when positive); ``not_before: YEAR`` lets none start before YEAR. Windows
    are then clipped to the horizon; a project whose window falls outside it
    is left out (and reported).
    """

    shift: int | None = None
    not_before: int | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> WindowShift:
        if (self.shift is None) == (self.not_before is None):
            raise pydantic_error("scenario.shift_kind")
        if self.shift == 0:
            raise pydantic_error("scenario.shift_zero")
        return self


class StartChanges(Frozen):
    """Forced or forbidden start years per project id.

    A forced start makes the project mandatory with the window ``[year, year]``.
    Forbidden years are cut from the ends of the window (the model has no
    holes in a window); forbidding every year of a window leaves the project out.
    """

    force: dict[str, int] = Field(default_factory=dict)
    forbid: dict[str, tuple[int, ...]] = Field(default_factory=dict)

    @field_validator("force", "forbid")
    @classmethod
    def _sorted(cls, v: dict[str, Any]) -> dict[str, Any]:
        return dict(sorted(v.items()))


class RuleChanges(Frozen):
    """Coupling rules removed, changed (field by field) or added."""

    remove: tuple[str, ...] = ()
    change: dict[str, dict[str, Any]] = Field(default_factory=dict)
    add: tuple[CouplingRule, ...] = ()

    @field_validator("change")
    @classmethod
    def _no_id_change(cls, v: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        for rule_id, fields in v.items():
            if "id" in fields:
                raise pydantic_error("scenario.rule_id_change", rule=rule_id)
        return dict(sorted(v.items()))


class Scenario(Frozen):
    """A named set of overrides on an area.

    Overrides given as partial models (``weights``, ``caps``, ``solver``)
    change only the fields written in the file (pydantic's
    ``model_fields_set``). ``parent`` is the scenario this one ``extends``;
    it is applied first.

    Examples
    --------
    >>> s = Scenario(name="bezuiniging-20", budgets=[{"partner": "Gemeente Enschede", "factor": 0.8}])
    >>> s.budgets[0].factor, s.is_empty
    (0.8, False)
    >>> Scenario(name="basis").is_empty
    True
    """

    name: str = Field(min_length=1)
    description: str | None = None
    source: str | None = None
    """The file the scenario was read from (for error locations), if any."""
    base: str | None = None
    """The base area folder as resolved from the file's ``base:`` key, if given."""
    parent: Scenario | None = None
    """The scenario named by ``extends:``, applied before this one."""
    inputs: tuple[InputFile, ...] = ()
    """This file (and its parents') name and SHA-256, recorded with the agenda."""

    horizon: HorizonChange | None = None
    remove: Removal = Removal()
    budgets: tuple[BudgetChange, ...] = ()
    costs: tuple[CostChange, ...] = ()
    funds: FundChanges = FundChanges()
    windows: tuple[WindowShift, ...] = ()
    starts: StartChanges = StartChanges()
    rules: RuleChanges = RuleChanges()
    weights: Weights | None = None
    caps: Caps | None = None
    solver: SolverOptions | None = None

    @property
    def own_is_empty(self) -> bool:
        """Whether this scenario itself (ignoring its parent) changes nothing."""
        return (
            self.horizon is None
            and self.remove == Removal()
            and not self.budgets
            and not self.costs
            and self.funds == FundChanges()
            and not self.windows
            and self.starts == StartChanges()
            and self.rules == RuleChanges()
            and not (self.weights and self.weights.model_fields_set)
            and not (self.caps and self.caps.model_fields_set)
            and not (self.solver and self.solver.model_fields_set)
        )

    @property
    def is_empty(self) -> bool:
        """Whether applying the scenario (and its parents) leaves the area as it is."""
        return self.own_is_empty and (self.parent is None or self.parent.is_empty)

    @property
    def lineage(self) -> tuple[Scenario, ...]:
        """The chain of scenarios in the order they are applied (root first)."""
        chain: list[Scenario] = []
        node: Scenario | None = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return tuple(reversed(chain))
