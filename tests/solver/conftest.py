"""Fixtures for the optimiser's own tests: the tiny area with koppelkansen and a cap.

Golden LP files (``tests/solver/lp/<family>.lp``) are regenerated with
``DIA_UPDATE_GOLDEN=1 pytest tests/solver/test_golden.py``; review the diff before committing.
"""

from __future__ import annotations

import os

import pytest

from dia.model import Area, Caps, Coupling
from tests.conftest import make_config, make_tiny_area

#: Set to 1 to rewrite the golden LP files instead of comparing with them.
UPDATE_GOLDEN = os.environ.get("DIA_UPDATE_GOLDEN", "") not in ("", "0")


def tiny_couplings() -> tuple[Coupling, ...]:
    """Koppelkansen of the tiny area: a street coupling (gap 1), a buurt one (gap 0), and one
    whose potential saving exceeds G-002's cost so the per-project cap has a row."""
    return (
        Coupling(project_a="D-001", project_b="G-002", rule="renovatie-straat", overlap="buurt",
                 buurt="BU01530300", max_gap=0, common_years=(2027, 2028, 2029), potential_saving=30_000,
                 share_a=2 / 2.6),
        Coupling(project_a="G-001", project_b="G-002", rule="riool-straat", overlap="street",
                 street="tubantiastraat", buurt="BU01530300", max_gap=1, common_years=(2026, 2027, 2028),
                 potential_saving=1_000_000, share_a=0.2),
    )


def capped_area() -> Area:
    """The tiny area with at most one street work per buurt per year."""
    area = make_tiny_area()
    config = make_config(caps=Caps(street_works_per_buurt_year=1))
    return Area(config=config, projects=area.projects, budgets=area.budgets, funds=area.funds)


@pytest.fixture
def couplings() -> tuple[Coupling, ...]:
    return tiny_couplings()


@pytest.fixture
def update_golden() -> bool:
    return UPDATE_GOLDEN
