"""End to end on the bundled example: plan with the real solver, export, read everything back."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from dia.io.agenda_io import read_agenda
from dia.model import Agenda, Area


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Area, Agenda, Path]:
    from tests.conftest import EXAMPLE

    if not (EXAMPLE / "dia.yaml").is_file():
        pytest.skip("bundled example not present yet")
    from dia import load_area, plan
    from dia.report import export

    area = load_area(EXAMPLE)
    agenda = plan(area)
    out = tmp_path_factory.mktemp("example")
    export(agenda, out, area=area)
    return area, agenda, out


@pytest.mark.slow
def test_example_outputs_are_complete_and_read_back(planned: tuple[Area, Agenda, Path]) -> None:
    _area, agenda, out = planned
    names = {p.name for p in out.iterdir()}
    assert {"agenda.xlsx", "agenda.csv", "cashflow.csv", "couplings.csv", "run.json", "agenda.json",
            "gantt.png", "gantt.svg", "gantt.pdf", "report.html", "cashflow-partners.png",
            "cashflow-total.png", "savings.png"} <= names
    assert read_agenda(out / "agenda.xlsx") == agenda
    assert read_agenda(out) == agenda


@pytest.mark.slow
def test_example_csvs_match_the_area(planned: tuple[Area, Agenda, Path]) -> None:
    """Recompute each partner-year's gross spend from the area's profiles and the CSV's start years."""
    area, _agenda, out = planned
    with (out / "agenda.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["project_id"] for r in rows) == sorted(p.id for p in area.projects)
    spend: dict[tuple[str, int], float] = defaultdict(float)
    for r in rows:
        project = area.project_by_id[r["project_id"]]
        assert float(r["cost"]) == pytest.approx(project.cost, abs=0.005)
        if r["selected"] != "true":
            assert r["start_year"] == ""
            continue
        start = int(r["start_year"])
        assert project.earliest_start <= start <= project.latest_start
        assert int(r["end_year"]) == project.end_year(start)
        for share in project.payers:
            for offset, amount in enumerate(project.profile):
                spend[(share.partner, start + offset)] += amount * share.fraction
    with (out / "cashflow.csv").open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            assert float(r["spend"]) == pytest.approx(spend[(r["partner"], int(r["year"]))], abs=0.02)
