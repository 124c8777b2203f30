"""``dia koppelkansen``: the ranked table, the four files, determinism, and bad input (exit 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from click.testing import CliRunner

from dia.model import Area
from tests.conftest import invoke
from tests.coupling.helpers import area, project, rule

FILES = ["couplings.csv", "koppelkansen.geojson", "koppelkansen.graphml", "koppelkansen.png"]


def test_table_names_real_koppelkansen(runner: CliRunner, example_dir: Path) -> None:
    result = invoke(runner, "koppelkansen", example_dir)
    assert result.exit_code == 0, result.output
    assert "GEM-006 + GEM-007 + WVS-001" in result.output
    assert "Spoordijkstraat" in result.output
    assert "ENX-005 + GEM-014" in result.output
    assert "14 m" in result.output  # the pair of WKT lines, by distance
    english = invoke(runner, "koppelkansen", example_dir, "--lang", "en")
    assert english.exit_code == 0, english.output
    assert "potential saving" in english.output


def test_out_writes_four_files_deterministically(
    runner: CliRunner, example_dir: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        result = invoke(runner, "koppelkansen", example_dir, "--out", out)
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in first.iterdir()) == FILES
    for name in FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name

    lines = (first / "couplings.csv").read_text("utf-8").splitlines()
    assert lines[0] == "project_a,project_b,rule,potential_saving,realised"
    assert "GEM-006,GEM-007,riool-herinrichting,250000.00," in lines
    assert all(line.endswith(",") for line in lines[1:])  # not planned yet: realised unknown

    graph = nx.read_graphml(first / "koppelkansen.graphml")
    assert graph.number_of_edges() == len(lines) - 1
    assert graph.edges["GEM-006", "WVS-001"]["rule"] == "riool-klimaat"
    assert graph.nodes["GEM-006"]["partner"] == "Gemeente Enschede"

    geo = json.loads((first / "koppelkansen.geojson").read_text("utf-8"))
    kinds = sorted(f["properties"]["kind"] for f in geo["features"])
    assert kinds == ["koppelkans", "project", "project"]
    for feature in geo["features"]:
        for lon, lat in feature["geometry"]["coordinates"]:
            assert 6.8 < lon < 6.95 and 52.2 < lat < 52.25  # Enschede, in WGS84 degrees
    assert (first / "koppelkansen.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_geojson_without_geometries(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = area(project("A", streets=("X",)), project("B", type="herinrichting", streets=("X",)),
                 rules=(rule(),))
    monkeypatch.setattr("dia.io.area.load_area", lambda _path: plain)
    result = invoke(runner, "koppelkansen", tmp_path / "area", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "couplings.csv", "koppelkansen.graphml", "koppelkansen.png"]


def _copy_example(example_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "area"
    shutil.copytree(example_dir, target, ignore=shutil.ignore_patterns("scenarios"))
    return target


def test_wkt_in_degrees_is_located_and_nothing_written(runner: CliRunner, example_dir: Path,
                                                       tmp_path: Path) -> None:
    folder = _copy_example(example_dir, tmp_path)
    book = folder / "Gemeente Enschede.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb["Projecten"]
    header = [c.value for c in ws[1]]
    col = header.index("Locatie") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "GEM-026")
    ws.cell(row, col).value = "LINESTRING (6.864 52.2265, 6.8677 52.2258)"
    wb.save(book)
    out = tmp_path / "out"
    result = invoke(runner, "koppelkansen", folder, "--out", out)
    assert result.exit_code == 2, result.output
    assert "GEM-026" in result.output
    assert "lijken graden (lengte-/breedtegraad)" in result.output  # Dutch by default; "degrees" in English
    assert not out.exists() or not any(out.iterdir())


def test_rule_with_unknown_type_names_the_yaml_key(runner: CliRunner, example_dir: Path,
                                                    tmp_path: Path) -> None:
    folder = _copy_example(example_dir, tmp_path)
    config = folder / "dia.yaml"
    text = config.read_text("utf-8")
    assert "rules: default" in text
    bad = "rules:\n- {id: riool-kabel, types: [riolering, kabel]}"
    config.write_text(text.replace("rules: default", bad), "utf-8")
    result = invoke(runner, "koppelkansen", folder)
    assert result.exit_code == 2, result.output
    assert "rules[0].types" in result.output
    assert "kabel" in result.output


@pytest.mark.parametrize(("distance", "pct"), [(-5, 20), (10, 120)], ids=["negative-distance", "pct>100"])
def test_bad_rule_values(
    runner: CliRunner, example_dir: Path, tmp_path: Path, distance: int, pct: int
) -> None:
    folder = _copy_example(example_dir, tmp_path)
    config = folder / "dia.yaml"
    rule_text = (f"{{id: r, types: [riolering, herinrichting], scope: within, distance_m: {distance}, "
                 f"saving_pct: {pct}}}")
    config.write_text(config.read_text("utf-8").replace("rules: default", f"rules:\n- {rule_text}"), "utf-8")
    result = invoke(runner, "koppelkansen", folder)
    assert result.exit_code == 2, result.output
    assert "rules[0]" in result.output


def test_empty_area(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = area(rules=(rule(),))
    assert isinstance(empty, Area)
    monkeypatch.setattr("dia.io.area.load_area", lambda _path: empty)
    result = invoke(runner, "koppelkansen", tmp_path, "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "heeft geen projecten" in result.output  # Dutch by default; "no projects" in English
    assert not (tmp_path / "out").exists()


def test_same_bytes_under_different_hash_seeds(example_dir: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "dia", "koppelkansen", str(example_dir), "--out", str(out)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        outs.append((done.stdout.replace(str(out), "OUT"), out))
    assert outs[0][0] == outs[1][0]
    for name in FILES:
        assert (outs[0][1] / name).read_bytes() == (outs[1][1] / name).read_bytes(), name


def test_no_couplings_still_writes_the_files(runner: CliRunner, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    lonely = area(project("A", streets=("X",)), project("B", type="renovatie", streets=("Y",)),
                  rules=(rule(),))
    monkeypatch.setattr("dia.io.area.load_area", lambda _path: lonely)
    result = invoke(runner, "koppelkansen", tmp_path / "area", "--out", tmp_path / "out", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "No couplings found" in result.output
    lines = (tmp_path / "out" / "couplings.csv").read_text("utf-8").splitlines()
    assert lines == ["project_a,project_b,rule,potential_saving,realised"]
    assert (tmp_path / "out" / "koppelkansen.png").stat().st_size > 0
