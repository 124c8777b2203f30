"""agenda.csv, cashflow.csv, couplings.csv and run.json: contract, round trip, determinism."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from dia.errors import InputError, Reason
from dia.model import Agenda, Area
from dia.report import export
from dia.report.tables import AGENDA_COLUMNS, CASHFLOW_COLUMNS, COUPLINGS_COLUMNS, fmt_euro, neutralise
from tests.report.factory import TINY_STARTS, agenda_for


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_headers_are_the_contract(tiny_agenda: Agenda, tmp_path: Path) -> None:
    export(tiny_agenda, tmp_path, formats=["csv"])
    for name, columns in (("agenda.csv", AGENDA_COLUMNS), ("cashflow.csv", CASHFLOW_COLUMNS),
                          ("couplings.csv", COUPLINGS_COLUMNS)):
        header = (tmp_path / name).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == list(columns)
    assert AGENDA_COLUMNS == ("project_id", "partner", "name", "type", "area", "selected", "start_year",
                              "end_year", "cost", "saving", "cluster")
    assert CASHFLOW_COLUMNS == ("partner", "year", "budget", "spend", "saving", "carry_in", "carry_out")
    assert COUPLINGS_COLUMNS == ("project_a", "project_b", "rule", "potential_saving", "realised")


def test_agenda_csv_round_trips_starts_and_costs(tiny_agenda: Agenda, tmp_path: Path) -> None:
    export(tiny_agenda, tmp_path, formats=["csv"])
    frame = pd.read_csv(tmp_path / "agenda.csv", dtype={"start_year": "Int64", "end_year": "Int64"})
    assert list(frame["project_id"]) == sorted(p.project_id for p in tiny_agenda.projects)
    by_id = {p.project_id: p for p in tiny_agenda.projects}
    for row in frame.itertuples():
        p = by_id[row.project_id]
        start = None if pd.isna(row.start_year) else int(row.start_year)
        assert start == p.start_year
        assert row.cost == pytest.approx(p.cost, abs=0.005)
        assert row.saving == pytest.approx(p.saving, abs=0.005)
        assert bool(row.selected) == p.is_selected
        assert row.area == p.buurt
    assert frame.loc[frame.project_id == "D-002", "selected"].item() == False  # noqa: E712
    assert frame.loc[frame.project_id == "G-001", "start_year"].item() == TINY_STARTS["G-001"]


def test_cashflow_spend_is_the_sum_of_project_profiles(tiny_area: Area, tiny_agenda: Agenda,
                                                       tmp_path: Path) -> None:
    export(tiny_agenda, tmp_path, formats=["csv"])
    expected: dict[tuple[str, int], float] = defaultdict(float)
    saved: dict[tuple[str, int], float] = defaultdict(float)
    for p in tiny_area.projects:
        start = TINY_STARTS[p.id]
        if start is None:
            continue
        for offset, amount in enumerate(p.profile):
            expected[(p.partner, start + offset)] += amount
        saved[(p.partner, start)] += next(s.saving for s in tiny_agenda.projects if s.project_id == p.id)
    rows = _rows(tmp_path / "cashflow.csv")
    assert [(r["partner"], int(r["year"])) for r in rows] == sorted(
        (b.partner, b.year) for b in tiny_area.budgets)
    for r in rows:
        key = (r["partner"], int(r["year"]))
        assert float(r["spend"]) == pytest.approx(expected[key], abs=0.005)
        assert float(r["spend"]) - float(r["saving"]) == pytest.approx(expected[key] - saved[key], abs=0.01)
    assert sum(float(r["spend"]) for r in rows) == pytest.approx(3_600_000)


def test_couplings_csv_lists_every_pair(tiny_agenda: Agenda, tmp_path: Path) -> None:
    export(tiny_agenda, tmp_path, formats=["csv"])
    rows = _rows(tmp_path / "couplings.csv")
    got = [(r["project_a"], r["project_b"], r["rule"], r["potential_saving"], r["realised"]) for r in rows]
    assert got == [
        ("D-001", "G-002", "renovatie-straat", "30000.00", "true"),
        ("G-001", "G-002", "riool-straat", "120000.00", "true"),
    ]


def test_number_format_is_fixed() -> None:
    assert fmt_euro(1 / 3) == "0.33"
    assert fmt_euro(-1e-9) == "0.00"
    assert fmt_euro(2_500_000) == "2500000.00"


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://evil\",\"x\")", "+31", "-x", "@SUM(A1)", "\tx", "\rx"])
def test_csv_neutralises_formula_text(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert neutralise("Riool " + text) == "Riool " + text


def test_injected_name_is_text_in_csv(tiny_area: Area, tmp_path: Path) -> None:
    evil = '=HYPERLINK("http://evil.example","klik")'
    area = Area.model_validate(tiny_area.model_dump() | {"projects": [
        p.model_dump() | ({"name": evil} if p.id == "G-001" else {}) for p in tiny_area.projects]})
    export(agenda_for(area, TINY_STARTS), tmp_path, formats=["csv"])
    row = next(r for r in _rows(tmp_path / "agenda.csv") if r["project_id"] == "G-001")
    assert row["name"] == "'" + evil


def test_outputs_are_byte_identical_apart_from_run_json(tiny_agenda: Agenda, tmp_path: Path) -> None:
    export(tiny_agenda, tmp_path / "a", formats=["csv", "json"])
    export(tiny_agenda, tmp_path / "b", formats=["csv", "json"])
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["agenda.csv", "agenda.json", "cashflow.csv", "couplings.csv", "run.json"]
    for name in names:
        if name != "run.json":
            assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_run_json_records_the_run(tiny_agenda: Agenda, tmp_path: Path) -> None:
    export(tiny_agenda, tmp_path, formats=["json"])
    text = (tmp_path / "run.json").read_text(encoding="utf-8")
    record = json.loads(text)
    assert text == json.dumps(record, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert record["status"] == "optimal"
    assert record["solver"]["name"] == "highs"
    assert record["input_hash"] == tiny_agenda.run.input_hash
    assert [i["name"] for i in record["inputs"]] == ["Domijn.xlsx", "dia.yaml"]
    assert record["summary"]["projects_selected"] == 3
    assert record["summary"]["couplings_realised"] == 2
    assert "written_at" in record
    assert set(record["timings"]) >= {"build_seconds", "solve_seconds", "export_seconds"}


def test_unknown_format_is_refused_and_nothing_written(tiny_agenda: Agenda, tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        export(tiny_agenda, tmp_path / "out", formats=["csv", "docx"])
    assert info.value.problems[0].reason == Reason.INVALID_VALUE
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_failed_export_leaves_the_folder_untouched(tiny_agenda: Agenda, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    export(tiny_agenda, tmp_path, formats=["csv"])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def boom(*args: object, **kwargs: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr("dia.io.agenda_io.agenda_to_json", boom)
    with pytest.raises(RuntimeError):
        export(tiny_agenda.model_copy(update={"area": "Anders"}), tmp_path, formats=["csv", "json"])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_outputs_are_readable_by_others(tiny_agenda: Agenda, tmp_path: Path) -> None:
    import os
    import stat

    mask = os.umask(0o022)
    try:
        written = export(tiny_agenda, tmp_path, formats=["csv", "json"])
    finally:
        os.umask(mask)
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name


def test_progress_is_reported_per_format(tiny_agenda: Agenda, tmp_path: Path) -> None:
    calls: list[tuple[str, float | None]] = []
    export(tiny_agenda, tmp_path, formats=["json", "csv"], progress=lambda m, f: calls.append((m, f)))
    assert calls == [("writing csv", 0.0), ("writing json", 0.5), ("export done", 1.0)]


def test_formats_may_be_one_string(tiny_agenda: Agenda, tmp_path: Path) -> None:
    written = export(tiny_agenda, tmp_path, formats="csv,json")
    assert {p.name for p in written} == {"agenda.csv", "cashflow.csv", "couplings.csv", "agenda.json",
                                         "run.json"}
