"""The area configuration (``dia.yaml``): horizon, buurten, types, rules, weights, options."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from dia.messages import pydantic_error
from dia.model.base import Frozen
from dia.model.finance import Partner

Scope = Literal["same_buurt", "same_street", "within"]
SavingBase = Literal["smaller", "sum", "fixed"]
SolverName = Literal["highs", "cbc"]
Language = Literal["nl", "en"]


class Horizon(Frozen):
    """The planning horizon, in calendar years, both ends inclusive."""

    start: int = Field(ge=1900, le=2200)
    end: int = Field(ge=1900, le=2200)

    @model_validator(mode="after")
    def _ordered(self) -> Horizon:
        if self.end < self.start:
            raise pydantic_error("model.horizon_order", start=self.start, end=self.end)
        if self.end - self.start + 1 > 50:
            raise pydantic_error("model.horizon_long", limit=50)
        return self

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end


class Buurt(Frozen):
    """A CBS buurt (neighbourhood) in the area, with its SIA weight."""

    code: str = Field(min_length=1)
    """CBS buurt code, e.g. ``BU01530301``."""
    name: str = Field(min_length=1)
    wijk: str | None = None
    """CBS wijk code, e.g. ``WK015303``."""
    wijk_name: str | None = None
    sia_weight: float = Field(default=1.0, ge=0)
    """Multiplier on the value of projects in this buurt (from the SIA; 1 = neutral)."""
    aliases: tuple[str, ...] = ()
    """Local names that map to this buurt (e.g. a focus area that is not a CBS buurt)."""


class ProjectType(Frozen):
    """An entry of the project-type catalogue."""

    id: str = Field(min_length=1)
    label: str = Field(min_length=1)
    """Dutch label shown to users."""
    label_en: str | None = None
    is_street_work: bool = False
    """Whether the work opens the street (counts towards the nuisance cap)."""
    description: str | None = None


class CouplingRule(Frozen):
    """When two project types couple (koppelkans) and what that saves.

    Types ``a`` and ``b`` couple when the projects meet in space (``scope``)
    and can start at most ``max_gap`` years apart; the coupling then saves
    ``saving_pct`` % of ``saving_base`` (the smaller cost, the sum of both
    costs) or ``saving_fixed`` euro.
    """

    id: str = Field(min_length=1)
    types: tuple[str, str]
    scope: Scope = "same_street"
    distance_m: float | None = None
    max_gap: int = Field(default=0, ge=0)
    saving_pct: float = Field(default=0.0, ge=0, le=100)
    saving_base: SavingBase = "smaller"
    saving_fixed: float | None = None
    note: str | None = None

    @field_validator("types")
    @classmethod
    def _sorted(cls, v: tuple[str, str]) -> tuple[str, str]:
        a, b = v
        return (a, b) if a <= b else (b, a)

    @model_validator(mode="after")
    def _consistent(self) -> CouplingRule:
        if self.scope == "within" and (self.distance_m is None or self.distance_m < 0):
            raise pydantic_error("model.rule_within")
        if self.distance_m is not None and self.distance_m < 0:
            raise pydantic_error("model.rule_distance", distance=self.distance_m)
        if self.saving_base == "fixed" and (self.saving_fixed is None or self.saving_fixed < 0):
            raise pydantic_error("model.rule_fixed")
        return self


class Weights(Frozen):
    """Objective weights (see ``docs/model.md``)."""

    value: float = Field(default=1.0, ge=0)
    """Weight of the SIA-weighted value of scheduled projects."""
    saving: float = Field(default=1.0, ge=0)
    """Weight of realised coupling savings (euro)."""
    delay: float = Field(default=0.02, ge=0)
    """Penalty per year moved from the preferred start, as a fraction of the project's
    weighted value plus 0.1 % of its cost."""
    use_sia: bool = True
    """Multiply project value by the buurt's SIA weight."""


class Caps(Frozen):
    """Optional caps that limit nuisance or workload."""

    street_works_per_buurt_year: int | None = Field(default=None, ge=0)
    """At most this many street-opening works starting per buurt per year."""


class SolverOptions(Frozen):
    """How the MILP is solved."""

    solver: SolverName = "highs"
    time_limit: float = Field(default=60.0, gt=0)
    """Seconds."""
    gap: float = Field(default=1e-4, ge=0, lt=1)
    """Relative MIP gap at which the solver may stop."""
    threads: int = Field(default=1, ge=1)
    seed: int = Field(default=0, ge=0)
    warm_start: bool = True


class AreaConfig(Frozen):
    """Everything in ``dia.yaml`` apart from the partners' workbooks."""

    name: str = Field(min_length=1)
    horizon: Horizon
    buurten: tuple[Buurt, ...]
    types: tuple[ProjectType, ...]
    rules: tuple[CouplingRule, ...] = ()
    partners: tuple[Partner, ...] = ()
    """Optional partner metadata (kind, colour); partners themselves come from the Budget sheets."""
    weights: Weights = Weights()
    caps: Caps = Caps()
    solver: SolverOptions = SolverOptions()
    language: Language = "nl"
    municipality: str | None = None
    """CBS gemeente code, e.g. ``GM0153``."""
