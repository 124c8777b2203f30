"""Small builders for hand-made coupling cases."""

from __future__ import annotations

from typing import Any

from dia.model import Area, Budget, CouplingRule, Project
from tests.conftest import make_config


def project(pid: str, **kw: Any) -> Project:
    """A project with harmless defaults (Gemeente, riolering, BU01530300, 2026-2027, 100k)."""
    data: dict[str, Any] = {
        "id": pid, "partner": "Gemeente", "name": f"Project {pid}", "type": "riolering",
        "buurt": "BU01530300", "earliest_start": 2026, "latest_start": 2027, "duration": 1,
        "cost": 100_000.0,
    }
    data.update(kw)
    return Project.model_validate(data)


def rule(rid: str = "r", types: tuple[str, str] = ("riolering", "herinrichting"), **kw: Any) -> CouplingRule:
    data: dict[str, Any] = {"id": rid, "types": types, "scope": "same_street", "max_gap": 0,
                            "saving_pct": 10}
    data.update(kw)
    return CouplingRule.model_validate(data)


def area(*projects: Project, rules: tuple[CouplingRule, ...] = ()) -> Area:
    """An area of the test config (types riolering/herinrichting/renovatie/energiecoach)."""
    return Area(
        config=make_config(rules=rules),
        projects=projects,
        budgets=tuple(Budget(partner=p, year=2026, amount=1e6) for p in ("Gemeente", "Domijn")),
    )
