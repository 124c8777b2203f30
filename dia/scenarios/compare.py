"""Solve several scenarios of one area and set them side by side.

:func:`compare` applies each scenario, finds the koppelkansen of the changed
area and plans it, in parallel processes when there is more than one
scenario and more than one core; then :func:`comparison_table` turns the
agendas into a :class:`ComparisonTable` (pandas), one column per scenario.

A scenario that cannot be planned (infeasible, or no solution within the
solver limits) does not stop the comparison: it is carried as a
:class:`ScenarioFailure` (status and the solver's explanation) and gets its
own column, with the status filled in and every figure empty. Only the
reference scenario must be planned, as everything is compared with it.

Determinism: the columns are the reference scenario first, then the others
by name, whatever the order the scenarios were given in; every row set is
sorted; each scenario is solved by a fresh, single-threaded, seeded solver,
so a serial and a parallel run give the same table.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext

import pandas as pd

from dia.errors import DiaError, InfeasibleError, InputError, Location, NoSolutionError, Problem, Reason
from dia.messages import msg
from dia.model import Agenda, Area
from dia.scenarios.apply import apply_scenario_logged
from dia.scenarios.diff import Change, diff_agendas
from dia.scenarios.load import load_scenario
from dia.scenarios.model import Scenario
from dia.solver.texts import status_word, text

#: Called with (message, fraction done in 0..1 or None).
Progress = Callable[[str, float | None], None]

#: Name of the reference column when the scenarios include one called so.
REFERENCE_NAME = "basis"
#: How many of the tightest budgets (largest shadow price) per scenario are listed.
TIGHTEST = 3


@dataclass(frozen=True)
class ScenarioRun:
    """One solved scenario: its agenda and the projects it left out (id -> why)."""

    name: str
    agenda: Agenda
    removed: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ScenarioFailure:
    """A scenario that could not be planned: why, as plain data.

    Plain data also because it crosses process boundaries: exceptions are
    pickled through their ``args`` only, which would lose an
    :class:`~dia.errors.InfeasibleError`'s findings.

    Attributes
    ----------
    name:
        The scenario.
    status:
        ``"infeasible"`` (the hard constraints conflict) or ``"no_solution"``
        (the solver found no agenda within its limits).
    message:
        The solver's message.
    findings:
        The solver's explanation: which partner-years and projects conflict
        (empty when the solver has none, e.g. for ``no_solution``).
    removed:
        Projects the scenario left out (id -> why), as for a planned scenario.
    """

    name: str
    status: str
    message: str
    findings: tuple[str, ...] = ()
    removed: Mapping[str, str] = field(default_factory=dict)

    def error(self, prefix: str = "scenario") -> DiaError:
        """The error this failure stands for (its CLI exit code: 2 infeasible, 3 no solution)."""
        text = f"{prefix} {self.name}: {self.message}"
        return InfeasibleError(text, self.findings) if self.status == "infeasible" else NoSolutionError(text)


@dataclass(frozen=True)
class ComparisonTable:
    """Scenarios side by side.

    Attributes
    ----------
    reference:
        Name of the scenario the others are compared with (the first column).
    names:
        Column order: the reference, then the other scenarios by name.
    summary:
        Key figures: rows indexed by ``(metric, item)`` (e.g. ``("value", "")``,
        ``("projects_scheduled", "Domijn")``), one column per scenario. Metrics:
        ``objective, value, saving, couplings_realised, projects_scheduled,
        projects_delayed, projects_dropped, projects_left_out`` (each also per
        partner, and ``projects_scheduled_buurt`` per buurt), ``budget`` and
        ``net_spend`` per partner, ``shadow_price`` per tight partner-year,
        ``status`` and ``gap``. A failed scenario's column holds only its
        ``status`` (``infeasible`` or ``no_solution``); every figure is ``None``.
    projects:
        One row per project (union over the scenarios): ``partner, name,
        type, buurt`` and per scenario its start year (``<NA>`` = not
        scheduled, not in the scenario, or the scenario failed).
    changes:
        Per planned scenario (not the reference) what moved relative to the
        reference; failed scenarios have no entry.
    runs:
        The planned scenarios by name (agendas and left-out projects).
    failed:
        The scenarios that could not be planned, by name (status and why).
    """

    reference: str
    names: tuple[str, ...]
    summary: pd.DataFrame
    projects: pd.DataFrame
    changes: Mapping[str, tuple[Change, ...]]
    runs: Mapping[str, ScenarioRun]
    failed: Mapping[str, ScenarioFailure] = field(default_factory=dict)

    @property
    def planned(self) -> tuple[str, ...]:
        """The names of the planned scenarios, in column order (the reference first)."""
        return tuple(n for n in self.names if n in self.runs)

    def status(self, name: str) -> str:
        """A scenario's solver status: ``optimal``, ``feasible``, ``infeasible`` or ``no_solution``."""
        return self.failed[name].status if name in self.failed else self.runs[name].agenda.run.status

    def to_frame(self) -> pd.DataFrame:
        """The summary table (what a notebook user usually wants)."""
        return self.summary.copy()


def compare(
    area: Area,
    scenarios: Sequence[str | os.PathLike[str] | Scenario],
    *,
    processes: int | None = None,
    progress: Progress | None = None,
    reference: str | None = None,
) -> ComparisonTable:
    """Plan every scenario of an area and compare them.

    Parameters
    ----------
    area:
        The base area (:func:`dia.load_area`).
    scenarios:
        Scenario files or :class:`Scenario` objects; names must be unique.
    processes:
        Worker processes; ``None`` = as many as useful (scenarios, cores);
        ``1`` = solve in this process.
    progress:
        Optional callback, called as each scenario is solved.
    reference:
        Scenario to compare the others with; default ``basis`` when present,
        else the first name in alphabetical order.

    Returns
    -------
    ComparisonTable
        Scenarios that cannot be planned are in it too, in ``failed`` (with
        the solver's explanation) and as a column holding only their status.

    Raises
    ------
    dia.errors.InputError
        A scenario is invalid or does not fit the area, two scenarios share a
        name, or ``reference`` is not one of them (raised before any solve).
    dia.errors.InfeasibleError
        The reference scenario cannot be planned (the message names it; the
        findings say why), so there is nothing to compare with.
    dia.errors.NoSolutionError
        The solver found no agenda for the reference scenario within its limits.

    Examples
    --------
    >>> from dia import load_area, example_path
    >>> area = load_area(example_path())  # doctest: +SKIP
    >>> table = compare(area, sorted((example_path() / "scenarios").glob("*.yaml")))  # doctest: +SKIP
    >>> table.summary.loc[("value", "")]  # doctest: +SKIP
    """
    loaded = [s if isinstance(s, Scenario) else load_scenario(s) for s in scenarios]
    by_name = _unique(loaded)
    names = sorted(by_name)
    runs = run_scenarios(area, [by_name[n] for n in names], processes=processes, progress=progress)
    return comparison_table(runs, reference=reference)


def _unique(scenarios: Iterable[Scenario]) -> dict[str, Scenario]:
    out: dict[str, Scenario] = {}
    problems = []
    for s in scenarios:
        if s.name in out:
            problems.append(Problem.of(Reason.DUPLICATE_ID, msg("compare.name_twice", name=s.name),
                                       Location(file=s.source, key="name")))
        out[s.name] = s
    if problems:
        raise InputError(problems)
    if not out:
        raise InputError([Problem.of(Reason.EMPTY_REQUIRED, msg("compare.none"))])
    return out


def _solve(area: Area, scenario: Scenario) -> ScenarioRun | ScenarioFailure:
    """Apply, couple and plan one scenario (runs in a worker process)."""
    from dia.coupling import find_couplings
    from dia.solver import plan_agenda

    applied = apply_scenario_logged(area, scenario)
    new = applied.area
    try:
        agenda = plan_agenda(new, find_couplings(new), options=new.config.solver, progress=None,
                             scenario_name=scenario.name)
    except InfeasibleError as exc:
        return ScenarioFailure(scenario.name, "infeasible", str(exc.args[0]) if exc.args else str(exc),
                               exc.findings, dict(applied.removed))
    except NoSolutionError as exc:
        return ScenarioFailure(scenario.name, "no_solution", str(exc), (), dict(applied.removed))
    return ScenarioRun(name=scenario.name, agenda=agenda, removed=dict(applied.removed))


def pool_context() -> BaseContext:
    """The multiprocessing context for worker pools: clean workers with ``dia`` imported already.

    ``forkserver`` (where available) forks workers from a small server
    process that never ran a solver, so no solver threads are inherited
    (HiGHS keeps a thread pool), while the modules preloaded into the
    server make starting a worker cheap. Elsewhere ``spawn``.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(["dia.scenarios.compare", "dia.scenarios.sweep", "dia.solver",
                                       "dia.coupling"])
        return server
    return multiprocessing.get_context("spawn")


def pool(processes: int) -> ProcessPoolExecutor:
    """A process pool of ``processes`` workers (see :func:`pool_context`)."""
    return ProcessPoolExecutor(max_workers=processes, mp_context=pool_context())


def worker_count(jobs: int, processes: int | None) -> int:
    """Processes to use: at most one per job and (by default) one per core."""
    if processes is not None and processes < 1:
        raise InputError([Problem.of(Reason.OUT_OF_RANGE, msg("compare.processes", processes=processes),
                                     Location(key="processes"))])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(jobs, processes if processes is not None else cores))


def run_scenarios(
    area: Area,
    scenarios: Sequence[Scenario],
    *,
    processes: int | None = None,
    progress: Progress | None = None,
) -> dict[str, ScenarioRun | ScenarioFailure]:
    """Solve each scenario, in worker processes when more than one is useful.

    Scenarios are first applied here, so an invalid one fails fast (an
    :class:`~dia.errors.InputError`) before any solving starts. A scenario
    the solver cannot plan comes back as a :class:`ScenarioFailure`; the
    others are still solved. Results are keyed by scenario name (sorted).
    """
    for s in scenarios:
        apply_scenario_logged(area, s)  # raises InputError for a bad scenario, before any solve
    workers = worker_count(len(scenarios), processes)
    total = len(scenarios)
    runs: dict[str, ScenarioRun | ScenarioFailure] = {}
    lang = area.config.language

    def done(run: ScenarioRun | ScenarioFailure) -> None:
        runs[run.name] = run
        if progress is not None:
            status = run.status if isinstance(run, ScenarioFailure) else run.agenda.run.status
            progress(text(lang, "p_scenario_done", name=run.name, status=status_word(lang, status)),
                     len(runs) / total)

    if workers == 1:
        for s in scenarios:
            if progress is not None:
                progress(text(lang, "p_scenario_solving", name=s.name), len(runs) / total)
            done(_solve(area, s))
    else:
        with pool(workers) as executor:
            pending: set[Future[ScenarioRun | ScenarioFailure]] = {executor.submit(_solve, area, s)
                                                            for s in scenarios}
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(finished, key=lambda f: f.result().name):
                    done(future.result())
    return dict(sorted(runs.items()))


def pick_reference(names: Iterable[str], reference: str | None = None) -> str:
    """The reference column: ``reference`` if given, else ``basis`` if present, else the first name."""
    ordered = sorted(names)
    if reference is not None:
        if reference not in ordered:
            raise InputError([Problem.of(Reason.UNKNOWN_KEY,
                                         msg("compare.unknown_reference", reference=reference,
                                             names=", ".join(ordered)),
                                         Location(key="reference"))])
        return reference
    return REFERENCE_NAME if REFERENCE_NAME in ordered else ordered[0]


def comparison_table(runs: Mapping[str, ScenarioRun | ScenarioFailure], *,
                     reference: str | None = None) -> ComparisonTable:
    """Build the side-by-side table from solved scenarios (pure; no solving).

    Parameters
    ----------
    runs:
        Solved scenarios, and those that could not be planned, by name.
    reference:
        See :func:`compare`.

    Raises
    ------
    dia.errors.InfeasibleError, dia.errors.NoSolutionError
        The reference scenario is a failure (see :func:`compare`).
    """
    ref = pick_reference(runs, reference)
    first = runs[ref]
    if isinstance(first, ScenarioFailure):
        raise first.error("reference scenario")
    names = (ref, *sorted(n for n in runs if n != ref))
    planned = {n: r for n in names if isinstance(r := runs[n], ScenarioRun)}
    failed = {n: r for n in names if isinstance(r := runs[n], ScenarioFailure)}
    agendas = {n: r.agenda for n, r in planned.items()}
    summary = _summary(names, agendas, {n: r.removed for n, r in planned.items()},
                       {n: f.status for n, f in failed.items()})
    projects = _projects(names, agendas)
    changes = {n: tuple(diff_agendas(agendas[ref], agendas[n])) for n in planned if n != ref}
    return ComparisonTable(reference=ref, names=names, summary=summary, projects=projects,
                           changes=changes, runs=planned, failed=failed)


def _summary(names: Sequence[str], agendas: Mapping[str, Agenda], removed: Mapping[str, Mapping[str, str]],
             failed: Mapping[str, str]) -> pd.DataFrame:
    """Rows from the planned agendas; a failed scenario's column holds only its status."""
    partners = sorted({p.partner for a in agendas.values() for p in a.projects}
                      | {c.partner for a in agendas.values() for c in a.cashflow})
    buurten = sorted({p.buurt for a in agendas.values() for p in a.projects})
    tight: set[tuple[str, int]] = set()
    for a in agendas.values():
        duals = sorted(((c.dual or 0.0, c.partner, c.year) for c in a.cashflow if (c.dual or 0.0) > 1e-9),
                       key=lambda d: (-d[0], d[1], d[2]))
        tight.update((q, t) for _d, q, t in duals[:TIGHTEST])

    rows: dict[tuple[str, str], dict[str, object]] = {}

    def put(metric: str, item: str, name: str, value: object) -> None:
        rows.setdefault((metric, item), {})[name] = value

    for name, a in agendas.items():
        chosen = [p for p in a.projects if p.is_selected]
        dropped = [p for p in a.projects if not p.is_selected]
        delayed = [p for p in chosen if p.preferred_start is not None and p.start_year is not None
                   and p.start_year > p.preferred_start]
        put("objective", "", name, a.objective.total)
        put("value", "", name, a.objective.value)
        put("saving", "", name, a.objective.saving)
        put("couplings_realised", "", name, sum(1 for c in a.couplings if c.is_realised))
        for metric, group in (("projects_scheduled", chosen), ("projects_delayed", delayed),
                              ("projects_dropped", dropped)):
            put(metric, "", name, len(group))
            for q in partners:
                put(metric, q, name, sum(1 for p in group if p.partner == q))
        put("projects_left_out", "", name, len(removed[name]))
        for b in buurten:
            put("projects_scheduled_buurt", b, name, sum(1 for p in chosen if p.buurt == b))
        for q in partners:
            put("budget", q, name, sum(c.budget for c in a.cashflow if c.partner == q))
            put("net_spend", q, name, sum(c.net for c in a.cashflow if c.partner == q))
        dual_of = {(c.partner, c.year): c.dual for c in a.cashflow}
        for q, t in sorted(tight):
            put("shadow_price", f"{q} {t}", name, dual_of.get((q, t)))
        put("status", "", name, a.run.status)
        put("gap", "", name, a.run.gap)
    for name, status in failed.items():
        put("status", "", name, status)

    order = {m: i for i, m in enumerate(METRICS)}
    keys = sorted(rows, key=lambda k: (order[k[0]], k[1] != "", k[1]))
    index = pd.MultiIndex.from_tuples(keys, names=["metric", "item"])
    data = [[_clean(rows[k].get(n), k[0]) for n in names] for k in keys]
    return pd.DataFrame(data, index=index, columns=pd.Index(names, name="scenario"), dtype=object)


#: Summary metrics in row order.
METRICS: tuple[str, ...] = (
    "objective", "value", "saving", "couplings_realised", "projects_scheduled", "projects_delayed",
    "projects_dropped", "projects_left_out", "projects_scheduled_buurt", "budget", "net_spend",
    "shadow_price", "status", "gap",
)


#: Decimals kept per metric (euros to the cent); the rest is solver noise.
_DECIMALS = {"gap": 6, "shadow_price": 4}


def _clean(value: object, metric: str) -> object:
    """Round floats so tiny solver noise cannot make equal plans look different."""
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return round(value, _DECIMALS.get(metric, 2))
    return value


def _projects(names: Sequence[str], agendas: Mapping[str, Agenda]) -> pd.DataFrame:
    info: dict[str, tuple[str, str, str, str]] = {}
    starts: dict[str, dict[str, int | None]] = {}
    for name, a in agendas.items():
        for p in a.projects:
            info.setdefault(p.project_id, (p.partner, p.name, p.type, p.buurt))
            starts.setdefault(p.project_id, {})[name] = p.start_year if p.is_selected else None
    ids = sorted(info)
    frame = pd.DataFrame(
        {"partner": [info[i][0] for i in ids], "name": [info[i][1] for i in ids],
         "type": [info[i][2] for i in ids], "buurt": [info[i][3] for i in ids]},
        index=pd.Index(ids, name="project_id"),
    )
    for name in names:  # a failed scenario's column is all <NA>
        frame[name] = pd.array([starts[i].get(name) for i in ids], dtype="Int64")
    return frame

