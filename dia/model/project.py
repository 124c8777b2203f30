"""A partner's project: what, where, when, how much, and its own invariants."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from dia.messages import pydantic_error
from dia.model.base import EURO_TOLERANCE, Frozen


class CostShare(Frozen):
    """Part of a project's cost paid by one partner (co-financing)."""

    partner: str = Field(min_length=1)
    fraction: float = Field(gt=0, le=1)


class Project(Frozen):
    """One project of one partner, as a row of the ``Projecten`` sheet.

    Years are calendar years; a project runs ``duration`` years from its start
    year and spends ``profile[offset]`` euro in its ``offset``-th year.
    """

    id: str = Field(min_length=1)
    """Projectcode: unique over all partners."""
    partner: str = Field(min_length=1)
    """Lead partner (Partner column); pays everything unless ``shares`` says otherwise."""
    name: str = Field(min_length=1)
    type: str = Field(min_length=1)
    """Project type id from the area's type catalogue."""
    buurt: str = Field(min_length=1)
    """CBS buurt code (BU0153xxxx), resolved by the reader from a code or name."""
    streets: tuple[str, ...] = ()
    """Street names as written by the partner (normalised by dia.coupling)."""
    geometry: str | None = None
    """WKT geometry in EPSG:28992 (RD New), or None."""
    earliest_start: int
    latest_start: int
    preferred_start: int | None = None
    duration: int = Field(ge=1)
    cost: float = Field(ge=0)
    profile: tuple[float, ...]
    """Euro per project year (offset 0 .. duration-1); sums to ``cost``."""
    is_mandatory: bool = False
    value: float = Field(default=0.0, ge=0)
    after: tuple[str, ...] = ()
    """Projects that must end before this one starts."""
    funds: tuple[str, ...] = ()
    """Funding streams this project may draw on."""
    shares: tuple[CostShare, ...] = ()
    """Co-financing; empty means the lead partner pays 100 %."""

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if data.get("latest_start") is None and data.get("earliest_start") is not None:
            data["latest_start"] = data["earliest_start"]
        if data.get("profile") in (None, ()) and data.get("duration") and data.get("cost") is not None:
            try:
                duration = int(data["duration"])
                cost = float(data["cost"])
            except (TypeError, ValueError):
                return data
            if duration >= 1:
                data["profile"] = tuple([cost / duration] * duration)
        return data

    @field_validator("profile")
    @classmethod
    def _profile_non_negative(cls, v: tuple[float, ...]) -> tuple[float, ...]:
        if any(x < 0 for x in v):
            raise pydantic_error("model.cash_flow_negative")
        return v

    @field_validator("after", "funds", "streets")
    @classmethod
    def _no_blank(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(x.strip() for x in v if x.strip())

    @model_validator(mode="after")
    def _invariants(self) -> Project:
        if self.latest_start < self.earliest_start:
            raise pydantic_error("area.window_inverted", latest=self.latest_start,
                                 earliest=self.earliest_start)
        if self.preferred_start is not None and not (
            self.earliest_start <= self.preferred_start <= self.latest_start
        ):
            raise pydantic_error("area.preferred_outside", preferred=self.preferred_start,
                                 earliest=self.earliest_start, latest=self.latest_start)
        if len(self.profile) != self.duration:
            raise pydantic_error("model.cash_flow_years", years=len(self.profile), duration=self.duration)
        total = sum(self.profile)
        if abs(total - self.cost) > max(EURO_TOLERANCE, 1e-9 * self.cost):
            raise pydantic_error("model.cash_flow_sum", total=round(total, 2), cost=round(self.cost, 2))
        if self.id in self.after:
            raise pydantic_error("area.after_itself", id=self.id)
        if self.shares:
            partners = [s.partner for s in self.shares]
            if len(set(partners)) != len(partners):
                raise pydantic_error("cell.shares_twice")
            if abs(sum(s.fraction for s in self.shares) - 1.0) > 1e-6:
                raise pydantic_error(
                    "cell.shares_sum", total=round(100 * sum(s.fraction for s in self.shares), 1)
                )
        return self

    @property
    def start_years(self) -> range:
        """The start years the window allows."""
        return range(self.earliest_start, self.latest_start + 1)

    @property
    def payers(self) -> tuple[CostShare, ...]:
        """Who pays which fraction (the lead partner alone when no shares are given)."""
        return self.shares or (CostShare(partner=self.partner, fraction=1.0),)

    def spend_in(self, start: int, year: int) -> float:
        """Euro this project spends in calendar ``year`` when it starts in ``start``."""
        offset = year - start
        return self.profile[offset] if 0 <= offset < self.duration else 0.0

    def end_year(self, start: int) -> int:
        """Last calendar year of work when started in ``start`` (inclusive)."""
        return start + self.duration - 1
