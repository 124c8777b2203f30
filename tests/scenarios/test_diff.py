"""diff_agendas: what moved, what dropped, what is new, in a stable order."""

from __future__ import annotations

from dia.scenarios.diff import Change, count_changes, diff_agendas
from tests.scenarios.agendas import make_agenda


def test_identical_agendas_have_no_changes() -> None:
    a = make_agenda({"D-1": 2027, "G-1": None})
    assert diff_agendas(a, a) == []


def test_every_kind_of_change() -> None:
    old = make_agenda({"D-1": 2027, "D-2": 2028, "G-1": None, "G-2": 2026, "X-1": 2029})
    new = make_agenda({"D-1": 2029, "D-2": None, "G-1": 2030, "G-2": 2026, "N-1": 2027})
    changes = diff_agendas(old, new)
    assert [(c.project_id, c.kind, c.old_start, c.new_start) for c in changes] == [
        ("D-1", "moved", 2027, 2029),
        ("D-2", "dropped", 2028, None),
        ("G-1", "scheduled", None, 2030),
        ("N-1", "added", None, 2027),
        ("X-1", "removed", 2029, None),
    ]
    assert count_changes(changes) == {"moved": 1, "dropped": 1, "scheduled": 1, "added": 1, "removed": 1}
    assert [c.describe() for c in changes] == [
        "D Project D-1: 2027 → 2029",
        "D Project D-2: 2028 → vervalt",
        "G Project G-1: niet gepland → 2030",
        "N Project N-1: nieuw project → 2027",
        "X Project X-1: niet meer in de agenda",
    ]
    assert changes[1].describe("en") == "D Project D-2: 2028 → dropped"


def test_diff_is_antisymmetric_in_kind() -> None:
    old = make_agenda({"D-1": 2027, "D-2": 2028})
    new = make_agenda({"D-1": 2029, "D-2": None})
    back = {c.project_id: c.kind for c in diff_agendas(new, old)}
    assert back == {"D-1": "moved", "D-2": "scheduled"}


def test_changes_sort_by_project_id() -> None:
    c1 = Change("A", "moved", "p", "n", 1, 2)
    c2 = Change("B", "dropped", "p", "n", 1, None)
    assert sorted([c2, c1]) == [c1, c2]
