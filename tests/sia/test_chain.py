"""The chain SIA -> DIA: weights emitted for an area are what the area reader applies."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import invoke


def test_emitted_weights_reach_the_area(runner: CliRunner, example_dir: Path, tmp_path: Path) -> None:
    from dia.io.area import load_area

    area_dir = tmp_path / "area"
    shutil.copytree(example_dir, area_dir, ignore=shutil.ignore_patterns("sia_weights.yaml", "scenarios"))
    text = (area_dir / "dia.yaml").read_text(encoding="utf-8")
    if "sia_weights:" not in text:
        (area_dir / "dia.yaml").write_text(text + "sia_weights: sia_weights.yaml\n", encoding="utf-8")
    result = invoke(runner, "sia", "--example", "--area", area_dir, "--draws", 0,
                    "--emit-weights", area_dir / "sia_weights.yaml", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    emitted = yaml.safe_load((area_dir / "sia_weights.yaml").read_text(encoding="utf-8"))["weights"]
    area = load_area(area_dir)
    assert {b.code: b.sia_weight for b in area.config.buurten} == pytest.approx(emitted)
    assert all(1.0 <= w <= 2.0 for w in emitted.values())
    # the weight is 1 + urgency / 100 of the city-wide SIA, as the CSV says
    with open(tmp_path / "out" / "sia.csv", encoding="utf-8", newline="") as fh:
        urgency = {r["buurt_code"]: float(r["urgency"]) for r in csv.DictReader(fh)}
    for code, weight in emitted.items():
        assert weight == pytest.approx(1 + urgency[code] / 100, abs=6e-3)
