"""Frozen pydantic domain objects and their invariants."""

from __future__ import annotations

from dia.model.agenda import (
    Agenda,
    BaselineSummary,
    CouplingResult,
    Finding,
    FundDraw,
    ObjectiveParts,
    PartnerSpend,
    PartnerYear,
    RunInfo,
    ScheduledProject,
    YearAmount,
)
from dia.model.area import Area, InputFile
from dia.model.base import EURO_TOLERANCE, Frozen
from dia.model.config import (
    AreaConfig,
    Buurt,
    Caps,
    CouplingRule,
    Horizon,
    ProjectType,
    SolverOptions,
    Weights,
)
from dia.model.coupling import Coupling
from dia.model.finance import Budget, Fund, FundYear, Partner
from dia.model.project import CostShare, Project

__all__ = [
    "EURO_TOLERANCE",
    "Agenda",
    "Area",
    "AreaConfig",
    "BaselineSummary",
    "Budget",
    "Buurt",
    "Caps",
    "CostShare",
    "Coupling",
    "CouplingResult",
    "CouplingRule",
    "Finding",
    "Frozen",
    "Fund",
    "FundDraw",
    "FundYear",
    "Horizon",
    "InputFile",
    "ObjectiveParts",
    "Partner",
    "PartnerSpend",
    "PartnerYear",
    "Project",
    "ProjectType",
    "RunInfo",
    "ScheduledProject",
    "SolverOptions",
    "Weights",
    "YearAmount",
]
