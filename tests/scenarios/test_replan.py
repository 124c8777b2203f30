"""Re-planning: frozen starts kept exactly, nothing new in the past, mismatches refused or accepted."""

from __future__ import annotations

import pytest

from dia.api import plan
from dia.errors import InputError, Reason
from dia.model import Area, Project
from dia.scenarios.apply import apply_scenario
from dia.scenarios.model import Scenario
from dia.scenarios.replan import freeze, replan
from tests.scenarios.agendas import make_agenda


@pytest.mark.parametrize("freeze_until", [2026, 2027, 2028, 2029, 2031])
def test_freezing_keeps_frozen_starts_exactly(tiny_area: Area, freeze_until: int) -> None:
    previous = plan(tiny_area)
    # plans changed since: Gemeente's budget is cut, Domijn's renovation got later windows
    changed = apply_scenario(tiny_area, Scenario.model_validate({
        "name": "nu", "budgets": [{"partner": "Gemeente", "factor": 0.9}],
        "windows": [{"projects": ["D-001"], "shift": 1}]}))
    result = replan(changed, previous, freeze_until)
    before = {p.project_id: p for p in previous.projects}
    after = {p.project_id: p for p in result.agenda.projects}
    for pid, p in before.items():
        if p.is_selected and p.start_year is not None and p.start_year < freeze_until:
            assert after[pid].is_selected and after[pid].start_year == p.start_year
            assert result.frozen[pid] == p.start_year
    for pid, p in after.items():
        if pid not in result.frozen and p.is_selected:
            assert p.start_year is not None and p.start_year >= freeze_until
    started = {pid for pid, p in before.items()
               if p.is_selected and p.start_year is not None and p.start_year < freeze_until}
    assert set(result.frozen) == started
    moved = {c.project_id for c in result.changes}
    assert moved == {pid for pid in before if (before[pid].start_year if before[pid].is_selected else None)
                     != (after[pid].start_year if after[pid].is_selected else None)}


def test_unchanged_inputs_replan_to_the_same_agenda(tiny_area: Area) -> None:
    previous = plan(tiny_area)
    result = replan(tiny_area, previous, 2027)
    assert result.changes == ()


def test_closed_windows_are_not_scheduled(tiny_area: Area) -> None:
    previous = make_agenda({"D-001": None, "D-002": None, "G-001": 2027, "G-002": 2027})
    new, fixed, frozen, closed = freeze(tiny_area, previous, 2028)
    assert frozen == {"G-001": 2027, "G-002": 2027}
    assert closed == ("D-002",)  # window 2026-2027 ended
    assert fixed["D-002"] is None
    assert new.project_by_id["D-001"].earliest_start == 2028


def test_mismatch_is_listed_and_refused_unless_accepted(tiny_area: Area) -> None:
    previous = make_agenda({"D-001": 2026, "G-001": 2027, "G-002": 2027, "X-009": 2026})
    with pytest.raises(InputError) as info:
        replan(tiny_area, previous, 2027, source="oud/agenda.xlsx")
    found = sorted((p.reason, p.location.key, p.message) for p in info.value.problems)
    assert found == [
        (Reason.MISMATCH, "missing", "1 project(s) of the area are not in the previous agenda: D-002"),
        (Reason.MISMATCH, "unknown", "1 project(s) of the previous agenda are not in the area: X-009")]
    assert all(p.location.file == "oud/agenda.xlsx" for p in info.value.problems)
    result = replan(tiny_area, previous, 2027, accept_mismatch=True)
    assert result.unknown == ("X-009",) and result.missing == ("D-002",)
    assert {c.project_id: c.kind for c in result.changes}["X-009"] == "removed"
    assert result.frozen == {"D-001": 2026}


def test_frozen_start_before_the_horizon_is_an_input_error(tiny_area: Area) -> None:
    data = tiny_area.model_dump()
    data["config"]["horizon"] = {"start": 2027, "end": 2030}
    data["budgets"] = [b for b in data["budgets"] if b["year"] >= 2027]
    data["projects"] = [Project.model_validate(p | {"earliest_start": max(p["earliest_start"], 2027),
                                                    "latest_start": max(p["latest_start"], 2027),
                                                    "preferred_start": None}) for p in data["projects"]]
    later = Area.model_validate(data)
    previous = make_agenda({"D-001": 2026, "D-002": None, "G-001": 2027, "G-002": 2027})
    with pytest.raises(InputError) as info:
        replan(later, previous, 2028)
    assert info.value.problems[0].reason == Reason.OUTSIDE_HORIZON
