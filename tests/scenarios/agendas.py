"""Small hand-made agendas for tests that need no solver."""

from __future__ import annotations

from dia.model import Agenda, ObjectiveParts, RunInfo, ScheduledProject


def make_agenda(starts: dict[str, int | None], *, area: str = "Testwijk") -> Agenda:
    """An agenda with one project per entry: id -> start year (None = not scheduled)."""
    projects = tuple(
        ScheduledProject(project_id=pid, partner=pid.split("-")[0], name=f"Project {pid}", type="renovatie",
                         buurt="BU01530300", is_selected=start is not None, start_year=start,
                         end_year=start, cost=100.0)
        for pid, start in sorted(starts.items())
    )
    return Agenda(area=area, horizon_start=2026, horizon_end=2030, projects=projects, cashflow=(),
                  couplings=(), objective=ObjectiveParts(value=0, saving=0, delay_penalty=0, total=0),
                  run=RunInfo(area=area, solver="none", solver_version="0", status="optimal"))
