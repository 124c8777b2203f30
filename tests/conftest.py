"""Shared fixtures: a tiny area built in Python, the bundled example, a CLI runner."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from dia.model import (
    Area,
    AreaConfig,
    Budget,
    Buurt,
    CouplingRule,
    Fund,
    FundYear,
    Horizon,
    Project,
    ProjectType,
)

settings.register_profile(
    "ci", derandomize=True, deadline=None, max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "twekkelerveld"


def make_config(**changes: object) -> AreaConfig:
    """A small but complete area configuration: 2 buurten, 4 types, 2 rules, 2026-2030."""
    data: dict[str, object] = {
        "name": "Testwijk",
        "horizon": Horizon(start=2026, end=2030),
        "buurten": (
            Buurt(code="BU01530300", name="Tubantia-Toekomst", wijk="WK015303"),
            Buurt(code="BU01530301", name="Twekkelerveld", wijk="WK015303", sia_weight=1.5),
        ),
        "types": (
            ProjectType(id="riolering", label="Rioolvervanging", is_street_work=True),
            ProjectType(id="herinrichting", label="Herinrichting straat", is_street_work=True),
            ProjectType(id="renovatie", label="Renovatie woningen"),
            ProjectType(id="energiecoach", label="Energiecoaches"),
        ),
        "rules": (
            CouplingRule(id="riool-straat", types=("riolering", "herinrichting"),
                         scope="same_street", max_gap=1, saving_pct=20),
            CouplingRule(id="renovatie-straat", types=("renovatie", "herinrichting"),
                         scope="same_buurt", max_gap=0, saving_pct=5),
        ),
    }
    data.update(changes)
    return AreaConfig.model_validate(data)


def make_tiny_area() -> Area:
    """Four projects of two partners; one coupling by street, one by buurt."""
    config = make_config()
    projects = [
        Project(id="G-001", partner="Gemeente", name="Riool Tubantiastraat", type="riolering",
                buurt="BU01530300", streets=("Tubantiastraat",), earliest_start=2026,
                latest_start=2028, preferred_start=2027, duration=2, cost=1_000_000,
                is_mandatory=True, value=1_200_000),
        Project(id="G-002", partner="Gemeente", name="Herinrichting Tubantiastraat",
                type="herinrichting", buurt="BU01530300", streets=("Tubantiastraat 12",),
                earliest_start=2027, latest_start=2029, duration=1, cost=600_000, value=700_000,
                after=()),
        Project(id="D-001", partner="Domijn", name="Renovatie 80 woningen", type="renovatie",
                buurt="BU01530300", earliest_start=2026, latest_start=2030, duration=2,
                cost=2_000_000, profile=(500_000, 1_500_000), value=2_500_000,
                funds=("Energiefonds",)),
        Project(id="D-002", partner="Domijn", name="Energiecoaches", type="energiecoach",
                buurt="BU01530301", earliest_start=2026, latest_start=2027, duration=1,
                cost=100_000, value=150_000, after=("D-001",), funds=("Energiefonds",)),
    ]
    budgets = [Budget(partner=p, year=y, amount=a, carry_over=0.5)
               for p, a in (("Gemeente", 900_000), ("Domijn", 1_200_000))
               for y in range(2026, 2031)]
    funds = [Fund(name="Energiefonds", amounts=(FundYear(year=2027, amount=100_000),),
                  types=("energiecoach", "renovatie"))]
    return Area(config=config, projects=tuple(projects), budgets=tuple(budgets), funds=tuple(funds))


@pytest.fixture
def tiny_area() -> Area:
    return make_tiny_area()


@pytest.fixture
def example_dir() -> Path:
    if not (EXAMPLE / "dia.yaml").is_file():
        pytest.skip("bundled example not present yet")
    return EXAMPLE


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: object) -> Result:
    """Run ``dia ARGS`` in-process exactly as the console script does (exit codes included)."""
    from dia.cli import cli

    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(autouse=True)
def _check_every_agenda(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the independent checker on every agenda any in-process test produces.

    ``dia.api``, ``dia.scenarios`` and the CLI import ``plan_agenda`` from
    ``dia.solver`` at call time, so replacing the attribute there routes every
    in-process solve through :func:`tests.checker.assert_valid` (solves in
    worker processes of parallel ``compare``/``sweep`` are not wrapped).
    """
    import dia.solver
    from tests.checker import assert_valid

    original = dia.solver.plan_agenda

    def checked(area: Any, couplings: Any, **kwargs: Any) -> Any:
        agenda = original(area, couplings, **kwargs)
        assert_valid(area, couplings, agenda, fixed_starts=kwargs.get("fixed_starts"))
        return agenda

    monkeypatch.setattr(dia.solver, "plan_agenda", checked)
    # Test modules that did ``from dia.solver import plan_agenda`` hold their own reference.
    for name, module in list(sys.modules.items()):
        if name.startswith("tests.") and getattr(module, "plan_agenda", None) is original:
            monkeypatch.setattr(module, "plan_agenda", checked)
