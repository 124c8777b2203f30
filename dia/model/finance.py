"""Money: partners, their yearly budgets, and funding streams (funds, subsidies)."""

from __future__ import annotations

from pydantic import Field, model_validator

from dia.messages import pydantic_error
from dia.model.base import Frozen


class Partner(Frozen):
    """A party that invests in the area (gemeente, corporatie, netbeheerder, ...)."""

    name: str = Field(min_length=1)
    kind: str | None = None
    """Free text kind, e.g. ``gemeente``, ``corporatie``, ``netbeheerder``, ``waterschap``."""
    colour: str | None = None
    """Optional hex colour (``#1f77b4``) used consistently in charts and workbooks."""


class Budget(Frozen):
    """A partner's budget for one calendar year (a row of the ``Budget`` sheet)."""

    partner: str = Field(min_length=1)
    year: int
    amount: float = Field(ge=0)
    carry_over: float = Field(default=0.0, ge=0, le=1)
    """Overheveling: fraction of this year's unspent budget that may move to the next year."""


class FundYear(Frozen):
    """The amount a fund makes available in one calendar year."""

    year: int
    amount: float = Field(ge=0)


class Fund(Frozen):
    """A funding stream (fonds, subsidie) with eligibility rules.

    Empty ``types`` or ``partners`` means no restriction on that axis.
    """

    name: str = Field(min_length=1)
    amounts: tuple[FundYear, ...]
    types: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _years_unique(self) -> Fund:
        years = [a.year for a in self.amounts]
        if len(set(years)) != len(years):
            raise pydantic_error("model.fund_year_twice", fund=self.name)
        return self

    def amount_in(self, year: int) -> float:
        """Euro available in ``year`` (0 when the fund has no line for it)."""
        return sum(a.amount for a in self.amounts if a.year == year)

    def is_eligible(self, project_type: str, partner: str) -> bool:
        """Whether a project of this type, paid by this partner, may draw on the fund."""
        return (not self.types or project_type in self.types) and (
            not self.partners or partner in self.partners
        )
