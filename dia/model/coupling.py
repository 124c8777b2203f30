"""A koppelkans (coupling opportunity) between two projects, as data."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from dia.model.base import Frozen

Overlap = Literal["street", "distance", "buurt"]


class Coupling(Frozen):
    """Two projects that meet in place and time under a rule, and what coupling saves.

    ``project_a < project_b`` always (an undirected pair, stable order).
    """

    project_a: str
    project_b: str
    rule: str
    """Id of the coupling rule that applies."""
    overlap: Overlap
    """How the projects meet: same street, within a distance, or same buurt."""
    street: str | None = None
    """Normalised shared street name (overlap ``street``)."""
    distance_m: float | None = None
    """Distance between the geometries in metres (overlap ``distance``)."""
    buurt: str
    """Buurt code of project a (where the joint work is reported)."""
    max_gap: int = Field(ge=0)
    """Start years may differ at most this many years for the saving to apply."""
    common_years: tuple[int, ...]
    """Start years of project a that have a start of project b within ``max_gap``."""
    potential_saving: float = Field(ge=0)
    """Euro saved when the coupling is realised (before the per-project cap)."""
    share_a: float = Field(default=0.5, ge=0, le=1)
    """Fraction of ``potential_saving`` credited to project a (the rest to project b).

    ``dia.coupling`` sets it in proportion to the two projects' costs (0.5 when both
    cost nothing); each project's credited savings are capped at its cost.
    """

    @model_validator(mode="after")
    def _ordered(self) -> Coupling:
        if not self.project_a < self.project_b:
            raise ValueError("project_a must sort before project_b")
        if not self.common_years:
            raise ValueError("a coupling needs at least one feasible common start year")
        return self

    @property
    def pair(self) -> tuple[str, str]:
        return (self.project_a, self.project_b)
