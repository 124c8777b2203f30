"""What moved between two agendas: per project, its old and new start (or none)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from dia.model.agenda import Agenda, ScheduledProject

ChangeKind = Literal["moved", "dropped", "scheduled", "added", "removed"]
Lang = Literal["nl", "en"]

#: Order in which kinds are listed in summaries.
KINDS: tuple[ChangeKind, ...] = ("moved", "dropped", "scheduled", "added", "removed")

_TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "none": "niet gepland",
        "added": "nieuw project",
        "removed": "niet meer in de agenda",
        "moved": "verschoven",
        "dropped": "vervalt",
        "scheduled": "alsnog gepland",
    },
    "en": {
        "none": "not scheduled",
        "added": "new project",
        "removed": "no longer in the agenda",
        "moved": "moved",
        "dropped": "dropped",
        "scheduled": "now scheduled",
    },
}


@dataclass(frozen=True, order=True)
class Change:
    """One project whose place in the agenda differs between an old and a new agenda.

    ``kind`` is ``moved`` (start year changed), ``dropped`` (scheduled before,
    not now), ``scheduled`` (not before, now), ``added`` (not in the old
    agenda at all) or ``removed`` (not in the new agenda at all).
    """

    project_id: str
    kind: ChangeKind
    partner: str
    name: str
    old_start: int | None
    new_start: int | None

    def describe(self, lang: Lang = "nl") -> str:
        """One line for people, e.g. ``Domijn Renovatie Zonstraat: 2027 → 2029``.

        Examples
        --------
        >>> Change("DOM-001", "moved", "Domijn", "Renovatie Zonstraat", 2027, 2029).describe()
        'Domijn Renovatie Zonstraat: 2027 → 2029'
        >>> Change("DOM-001", "dropped", "Domijn", "Renovatie Zonstraat", 2027, None).describe("en")
        'Domijn Renovatie Zonstraat: 2027 → dropped'
        """
        text = _TEXT[lang]
        label = f"{self.partner} {self.name}"
        if self.kind == "removed":
            return f"{label}: {text['removed']}"
        old = str(self.old_start) if self.old_start is not None else text["none"]
        if self.kind == "added":
            old = text["added"]
        new = str(self.new_start) if self.new_start is not None else (
            text["dropped"] if self.kind == "dropped" else text["none"])
        return f"{label}: {old} → {new}"


def _start(p: ScheduledProject) -> int | None:
    return p.start_year if p.is_selected else None


def diff_agendas(old: Agenda, new: Agenda) -> list[Change]:
    """Every project whose start (or presence) differs between ``old`` and ``new``.

    Parameters
    ----------
    old, new:
        Two agendas, e.g. the base and a scenario, or the previous agenda and a re-plan.

    Returns
    -------
    list of Change
        Sorted by project id; unchanged projects are not listed.

    Examples
    --------
    >>> diff_agendas(agenda, agenda)  # doctest: +SKIP
    []
    """
    before = {p.project_id: p for p in old.projects}
    after = {p.project_id: p for p in new.projects}
    changes: list[Change] = []
    for pid in sorted(before.keys() | after.keys()):
        a, b = before.get(pid), after.get(pid)
        if a is None:
            assert b is not None
            changes.append(Change(pid, "added", b.partner, b.name, None, _start(b)))
        elif b is None:
            changes.append(Change(pid, "removed", a.partner, a.name, _start(a), None))
        else:
            s0, s1 = _start(a), _start(b)
            if s0 == s1:
                continue
            kind: ChangeKind = "moved" if s0 is not None and s1 is not None else (
                "dropped" if s1 is None else "scheduled")
            changes.append(Change(pid, kind, b.partner, b.name, s0, s1))
    return changes


def count_changes(changes: list[Change]) -> dict[ChangeKind, int]:
    """How many changes of each kind (every kind present, in :data:`KINDS` order)."""
    counts = Counter(c.kind for c in changes)
    return {k: counts.get(k, 0) for k in KINDS}
