"""Re-plan ("dynamisch"): keep what has started, re-optimise the rest with current inputs.

A previous agenda (read back with :func:`dia.io.agenda_io.read_agenda`) and
a freeze year ``Y`` give:

* **frozen** projects: scheduled in the previous agenda with a start before
  ``Y``; they keep that start exactly (passed to the solver as
  ``fixed_starts``, which also makes them mandatory);
* every other project may start in ``Y`` or later only (the years before
  ``Y`` are past or committed): its earliest start becomes ``max(earliest,
  Y)``; a project whose window ends before ``Y`` can no longer start and is
  fixed to "not scheduled" (listed as ``closed``).

The previous agenda must describe the same projects as the area: projects
it names that the area lacks (``unknown``) or area projects it lacks
(``missing``, e.g. new plans) are refused unless ``accept_mismatch`` is set;
then unknown ones are ignored and missing ones are planned like the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dia.errors import InputError, Location, Problem, Reason
from dia.messages import msg
from dia.model import Agenda, Area, SolverOptions
from dia.scenarios.diff import Change, diff_agendas
from dia.solver.texts import text

#: Called with (message, fraction done in 0..1 or None).
Progress = Callable[[str, float | None], None]


@dataclass(frozen=True)
class ReplanResult:
    """A re-planned agenda and how it relates to the previous one.

    Attributes
    ----------
    agenda:
        The new agenda.
    changes:
        What moved relative to the previous agenda (:func:`diff_agendas`).
    frozen:
        Project id -> the start it kept.
    closed:
        Projects whose start window ended before the freeze year (not scheduled).
    unknown:
        Projects of the previous agenda that the area no longer has.
    missing:
        Projects of the area that the previous agenda did not have.
    """

    agenda: Agenda
    changes: tuple[Change, ...]
    frozen: dict[str, int]
    closed: tuple[str, ...]
    unknown: tuple[str, ...]
    missing: tuple[str, ...]


def mismatch(area: Area, previous: Agenda) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(unknown, missing): previous-agenda projects not in the area, area projects not in the agenda."""
    before = {p.project_id for p in previous.projects}
    now = set(area.project_by_id)
    return tuple(sorted(before - now)), tuple(sorted(now - before))


def freeze(area: Area, previous: Agenda, freeze_until: int, *,
           source: str | None = None) -> tuple[Area, dict[str, int | None], dict[str, int], tuple[str, ...]]:
    """The area with windows moved to ``freeze_until`` and the solver's fixed starts.

    Returns
    -------
    tuple
        ``(area, fixed_starts, frozen, closed)``; see the module docstring.

    Raises
    ------
    dia.errors.InputError
        A frozen start lies before the area's horizon (the horizon must still
        contain every project that has started and is kept).
    """
    horizon = area.config.horizon
    frozen = {
        p.project_id: p.start_year for p in previous.projects
        if p.is_selected and p.start_year is not None and p.start_year < freeze_until
        and p.project_id in area.project_by_id
    }
    early = sorted(pid for pid, year in frozen.items() if year < horizon.start)
    if early:
        raise InputError([
            Problem.of(Reason.OUTSIDE_HORIZON,
                       msg("replan.before_horizon", id=pid, year=frozen[pid], start=horizon.start,
                           end=horizon.end),
                       Location(file=source, key=pid))
            for pid in early])
    fixed: dict[str, int | None] = dict(frozen)
    closed: list[str] = []
    projects = []
    for p in area.projects:
        if p.id in frozen or p.earliest_start >= freeze_until:
            projects.append(p)
            continue
        if p.latest_start < freeze_until or freeze_until > horizon.end:
            closed.append(p.id)
            fixed[p.id] = None
            projects.append(p)
            continue
        data = p.model_dump()
        data["earliest_start"] = freeze_until
        if data["preferred_start"] is not None:
            data["preferred_start"] = max(data["preferred_start"], freeze_until)
        projects.append(type(p).model_validate(data))
    new = Area.model_validate(area.model_dump() | {"projects": [q.model_dump() for q in projects]})
    return new, dict(sorted(fixed.items())), dict(sorted(frozen.items())), tuple(closed)


def replan(
    area: Area,
    previous: Agenda,
    freeze_until: int,
    *,
    accept_mismatch: bool = False,
    options: SolverOptions | None = None,
    progress: Progress | None = None,
    source: str | None = None,
) -> ReplanResult:
    """Re-plan an area, keeping the starts of projects begun before ``freeze_until``.

    Parameters
    ----------
    area:
        The current inputs (partners' plans may have changed).
    previous:
        The agenda agreed before (:func:`dia.io.agenda_io.read_agenda`).
    freeze_until:
        First year that may still change; starts before it are kept.
    accept_mismatch:
        Proceed when the previous agenda and the area list different projects.
    options:
        Solver options (default: the area's).
    progress:
        Optional progress callback.
    source:
        Where ``previous`` was read from, for error locations.

    Returns
    -------
    ReplanResult

    Raises
    ------
    dia.errors.InputError
        ``MISMATCH`` (keys ``unknown`` and ``missing``, listing the ids) when the projects differ and
        ``accept_mismatch`` is not set; ``OUTSIDE_HORIZON`` for a frozen start
        before the horizon.
    dia.errors.InfeasibleError
        The frozen starts and the current budgets cannot be reconciled.

    Examples
    --------
    >>> from dia.io.agenda_io import read_agenda  # doctest: +SKIP
    >>> result = replan(area, read_agenda("out/agenda.xlsx"), 2028)  # doctest: +SKIP
    >>> [c.describe() for c in result.changes]  # doctest: +SKIP
    """
    from dia.coupling import find_couplings
    from dia.solver import plan_agenda

    unknown, missing = mismatch(area, previous)
    if (unknown or missing) and not accept_mismatch:
        # One problem per direction, listing every id: a long list of single rows would be
        # cut off by the terminal's problem limit and hide the other direction.
        problems = []
        if unknown:
            problems.append(Problem.of(
                Reason.MISMATCH, msg("replan.unknown", n=len(unknown), ids=", ".join(unknown)),
                Location(file=source, key="unknown")))
        if missing:
            problems.append(Problem.of(
                Reason.MISMATCH, msg("replan.missing", n=len(missing), ids=", ".join(missing)),
                Location(file=source, key="missing")))
        raise InputError(problems, summary=msg("replan.mismatch", unknown=len(unknown), missing=len(missing)))
    new, fixed, frozen, closed = freeze(area, previous, freeze_until, source=source)
    if progress is not None:
        progress(text(area.config.language, "p_replan", year=freeze_until, n=len(frozen)), None)
    agenda = plan_agenda(new, find_couplings(new), options=options or new.config.solver, progress=progress,
                         scenario_name=f"replan-{freeze_until}", fixed_starts=fixed)
    return ReplanResult(agenda=agenda, changes=tuple(diff_agendas(previous, agenda)), frozen=frozen,
                        closed=closed, unknown=unknown, missing=missing)
