"""Property tests: any schedule of the tiny area survives the CSV and JSON round trips."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from hypothesis import given
from hypothesis import strategies as st

from dia.errors import Location
from dia.io.agenda_io import agenda_from_json, agenda_to_chunks, agenda_to_json
from dia.model import Area
from dia.report.gantt import gantt_bars
from dia.report.tables import AGENDA_COLUMNS, CASHFLOW_COLUMNS, agenda_rows, cashflow_rows, csv_bytes
from tests.conftest import make_tiny_area
from tests.report.factory import agenda_for

AREA: Area = make_tiny_area()


@st.composite
def schedules(draw: st.DrawFn) -> dict[str, int | None]:
    """A start year inside each project's window, or None (dropped)."""
    return {p.id: draw(st.one_of(st.none(), st.integers(p.earliest_start, p.latest_start)))
            for p in AREA.projects}


def _read(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


@given(schedules())
def test_csv_round_trip_and_cashflow_sums(starts: dict[str, int | None]) -> None:
    agenda = agenda_for(AREA, starts)
    rows = _read(csv_bytes(AGENDA_COLUMNS, agenda_rows(agenda)))
    assert [r["project_id"] for r in rows] == sorted(starts)
    for r in rows:
        expected = starts[r["project_id"]]
        assert (int(r["start_year"]) if r["start_year"] else None) == expected
        assert float(r["cost"]) == AREA.project_by_id[r["project_id"]].cost
        assert r["selected"] == ("true" if expected is not None else "false")
    spend: dict[tuple[str, int], float] = defaultdict(float)
    for p in AREA.projects:
        start = starts[p.id]
        if start is None:
            continue
        for offset, amount in enumerate(p.profile):
            spend[(p.partner, start + offset)] += amount
    for r in _read(csv_bytes(CASHFLOW_COLUMNS, cashflow_rows(agenda))):
        assert abs(float(r["spend"]) - spend[(r["partner"], int(r["year"]))]) <= 0.005


@given(schedules())
def test_json_round_trips_are_exact(starts: dict[str, int | None]) -> None:
    agenda = agenda_for(AREA, starts)
    assert agenda_from_json(agenda_to_json(agenda), Location()) == agenda
    assert agenda_from_json("".join(agenda_to_chunks(agenda)), Location()) == agenda


@given(schedules())
def test_every_selected_project_has_one_bar_at_its_years(starts: dict[str, int | None]) -> None:
    agenda = agenda_for(AREA, starts)
    bars = gantt_bars(agenda, area=AREA)
    got = {r["project_id"]: (r["start"], r["end"]) for r in bars.to_dict("records") if r["kind"] == "bar"}
    want = {pid: (s, AREA.project_by_id[pid].end_year(s)) for pid, s in starts.items() if s is not None}
    assert got == want
