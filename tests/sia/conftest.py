"""Small SIA configs and tables built in Python, and the bundled Enschede files."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from dia.io.sia_io import BUNDLED_CONFIG, BUNDLED_GEOMETRY, BUNDLED_INDICATORS
from dia.sia.config import SiaConfig
from dia.sia.indicators import BuurtRow, IndicatorTable

#: Three urgency indicators (one per theme, both directions) and two potential ones.
SPEC: dict[str, dict[str, Any]] = {
    "perc_huishoudens_laag_inkomen": {"group": "urgency", "theme": "social", "direction": "higher_is_worse",
                                      "weight": 2},
    "leefbaarometer": {"group": "urgency", "theme": "physical", "direction": "higher_is_better"},
    "overlast_per_1000": {"group": "urgency", "theme": "safety", "direction": "higher_is_worse"},
    "perc_huurwoningen_corporatie": {"group": "potential", "theme": "physical",
                                     "direction": "higher_is_better"},
    "perc_huishoudens_met_kinderen": {"group": "potential", "theme": "social",
                                      "direction": "higher_is_better"},
}
COLUMNS = tuple(SPEC)


def make_sia_config(**changes: Any) -> SiaConfig:
    """A small valid config over :data:`SPEC`; ``changes`` replace top-level keys."""
    data: dict[str, Any] = {"name": "Test-SIA", "indicators": SPEC,
                            "sensitivity": {"draws": 50, "seed": 3}}
    data.update(changes)
    return SiaConfig.model_validate(data)


def make_table(values: Mapping[str, tuple[float | None, ...]],
               residents: Mapping[str, float | None] | None = None,
               columns: tuple[str, ...] = COLUMNS) -> IndicatorTable:
    """A table from ``{code: values}``; rows numbered 2, 3, ... in the given order."""
    rows = [BuurtRow(code=code, name=f"Buurt {code}", wijk="WK1",
                     residents=(residents or {}).get(code, 1000.0), values=vals, row=i + 2)
            for i, (code, vals) in enumerate(values.items())]
    return IndicatorTable(source="test.csv", columns=columns, buurten=tuple(rows))


FIVE: dict[str, tuple[float | None, ...]] = {
    "BU01": (10.0, 4.1, 20.0, 30.0, 20.0),
    "BU02": (20.0, 3.9, 40.0, 60.0, 25.0),
    "BU03": (5.0, 4.3, 10.0, 10.0, 30.0),
    "BU04": (15.0, 4.0, 60.0, 50.0, 15.0),
    "BU05": (8.0, 4.2, 30.0, 20.0, 35.0),
}


@pytest.fixture
def bundled() -> tuple[Path, Path, Path]:
    return BUNDLED_INDICATORS, BUNDLED_CONFIG, BUNDLED_GEOMETRY


def write_csv(path: Path, header: list[str], rows: list[list[object]], sep: str = ",") -> Path:
    lines = [sep.join(header)] + [sep.join("" if v is None else str(v) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def five_csv(path: Path) -> Path:
    """:data:`FIVE` as a CBS-shaped CSV file."""
    header = ["buurtcode", "buurtnaam", "wijkcode", "aantal_inwoners", *COLUMNS]
    rows = [[code, f"Buurt {code}", "WK1", 1000, *vals] for code, vals in FIVE.items()]
    return write_csv(path, header, rows)


SIA_YAML = """\
name: Test-SIA
sensitivity: {draws: 50, seed: 3}
indicators:
  perc_huishoudens_laag_inkomen: {group: urgency, theme: social, direction: higher_is_worse, weight: 2}
  leefbaarometer: {group: urgency, theme: physical, direction: higher_is_better}
  overlast_per_1000: {group: urgency, theme: safety, direction: higher_is_worse}
  perc_huurwoningen_corporatie: {group: potential, theme: physical, direction: higher_is_better}
  perc_huishoudens_met_kinderen: {group: potential, theme: social, direction: higher_is_better}
"""
