"""Uncertainty sweeps: many random draws of costs, budgets and subsidies, each solved.

A sweep file (format in ``docs/scenarios.md``) gives ranges: every
project's cost +0–30 %, a partner's budget ±10 %, a subsidy granted with
probability 0.5. :func:`draw_scenarios` turns the file into one ordinary
:class:`~dia.scenarios.model.Scenario` per draw; :func:`sweep` solves them
(locally in a process pool, or on a Dask cluster) and :func:`summarise`
says how often each project is scheduled and in which years (the robust
core of the agenda versus what depends on luck), with P50/P90 of value,
savings and spend per partner.

Reproducibility: draw ``i`` uses its own generator
``numpy.random.default_rng([seed, i])`` and all randomness is drawn in the
calling process, in a fixed order (entries as written, projects and
partners sorted). Workers only solve, with a seeded single-threaded
solver, so results are identical on one core, a process pool or a Dask
cluster, whatever the order in which draws finish.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import Field, ValidationError, model_validator

from dia.errors import DiaError, InputError, Location, Problem, Reason
from dia.messages import msg, pydantic_error
from dia.model import Area, SolverOptions
from dia.model.base import Frozen
from dia.scenarios.apply import apply_scenario
from dia.scenarios.model import Scenario
from dia.solver.texts import status_word, text

#: Called with (message, fraction done in 0..1 or None).
Progress = Callable[[str, float | None], None]

#: A project scheduled in at least this share of the feasible draws belongs to the robust core.
CORE_SHARE = 0.9


class _Range(Frozen):
    """A relative change drawn uniformly from ``[min, max]`` (0.1 = +10 %)."""

    min: float = Field(ge=-1)
    max: float = Field(ge=-1)

    @model_validator(mode="after")
    def _ordered(self) -> _Range:
        if self.max < self.min:
            raise pydantic_error("sweep.range_order", min=self.min, max=self.max)
        return self


class CostRange(_Range):
    """Costs of the selected projects (all when no selection is given) vary within the range.

    ``per: project`` (default) draws one factor per project, ``per: draw`` one
    factor for all selected projects together.
    """

    partners: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    per: Literal["project", "draw"] = "project"


class BudgetRange(_Range):
    """A partner's budget (every partner's when omitted; one factor each) varies within the range."""

    partner: str | None = None
    years: tuple[int, ...] = ()


class FundGrantSpec(Frozen):
    """A fund to add when the chance comes up (as in a scenario's ``funds.add``, without the name)."""

    amounts: dict[int, float]
    types: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()


class FundChance(Frozen):
    """A fund granted with ``probability``: added (``add``) or, for a fund of the area, kept."""

    name: str = Field(min_length=1)
    probability: float = Field(ge=0, le=1)
    add: FundGrantSpec | None = None


class SweepSpec(Frozen):
    """A sweep file: ranges for costs and budgets, chances for funds."""

    name: str = Field(min_length=1)
    description: str | None = None
    source: str | None = None
    scenario: Scenario | None = None
    """A scenario applied before the draws (``scenario:`` in the file, relative to it)."""
    costs: tuple[CostRange, ...] = ()
    budgets: tuple[BudgetRange, ...] = ()
    funds: tuple[FundChance, ...] = ()
    solver: SolverOptions | None = None
    """Solver options for every draw (only the fields written change), e.g. ``{gap: 0.01}``:
    a sweep is a statistic over many draws, so a looser gap than the agenda's own is often enough."""


def load_sweep(path: str | os.PathLike[str]) -> SweepSpec:
    """Read and validate a sweep file.

    Parameters
    ----------
    path:
        The sweep YAML file; ``scenario:`` inside it is resolved relative to it.

    Raises
    ------
    dia.errors.InputError
        Unknown keys, values out of range (a probability above 1, a range
        with max below min), a missing scenario; the location names the file and key.

    Examples
    --------
    >>> spec = load_sweep("scenarios/sweep/onzekerheid.yaml")  # doctest: +SKIP
    """
    import yaml

    from dia.io.safe_yaml import load_yaml, yaml_problem
    from dia.scenarios.load import load_scenario, problems_from_validation

    p = Path(path)
    file = str(p)
    if not p.is_file():
        raise InputError([Problem.of(Reason.NOT_FOUND, msg("sweep.not_found"), Location(file=file))])
    try:
        data = load_yaml(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise InputError([yaml_problem(exc, file)]) from None
    except UnicodeDecodeError as exc:
        raise InputError([Problem.of(Reason.INVALID_VALUE, msg("sweep.not_yaml", detail=str(exc)),
                                     Location(file=file))]) from None
    data = dict(data or {}) if isinstance(data, dict) or data is None else None
    if data is None:
        raise InputError([Problem.of(Reason.WRONG_TYPE, msg("sweep.not_mapping"), Location(file=file))])
    if "source" in data:
        raise InputError([Problem.of(Reason.UNKNOWN_KEY, msg("sweep.source_key"),
                                     Location(file=file, key="source"))])
    base = data.pop("scenario", None)
    if base is not None:
        if not isinstance(base, str):
            raise InputError([Problem.of(Reason.WRONG_TYPE, msg("sweep.scenario_type"),
                                         Location(file=file, key="scenario"))])
        data["scenario"] = load_scenario(p.parent / base)
    data.setdefault("name", p.stem)
    data["source"] = file
    try:
        return SweepSpec.model_validate(data)
    except ValidationError as exc:
        raise InputError(problems_from_validation(exc, file),
                         summary=msg("sweep.invalid", name=p.name)) from None


def _uniform(rng: np.random.Generator, r: _Range) -> float:
    return float(1.0 + rng.uniform(r.min, r.max)) if r.max > r.min else 1.0 + r.min


def _check(spec: SweepSpec, area: Area) -> None:
    """Refuse names the area does not have (as a scenario would), before drawing anything."""
    problems: list[Problem] = []
    partners = {b.partner for b in area.budgets}
    types = {t.id for t in area.config.types}
    ids = set(area.project_by_id)

    def need(names: Sequence[str], known: set[str], key: str, reason: Reason, msg_id: str) -> None:
        for i, n in enumerate(names):
            if n not in known:
                problems.append(Problem.of(reason, msg(msg_id, name=n),
                                           Location(file=spec.source, key=f"{key}[{i}]")))

    for i, c in enumerate(spec.costs):
        need(c.partners, partners, f"costs[{i}].partners", Reason.UNKNOWN_PARTNER, "sweep.unknown.partner")
        need(c.types, types, f"costs[{i}].types", Reason.UNKNOWN_TYPE, "sweep.unknown.type")
        need(c.projects, ids, f"costs[{i}].projects", Reason.UNKNOWN_PROJECT, "sweep.unknown.project")
    for i, b in enumerate(spec.budgets):
        if b.partner is not None and b.partner not in partners:
            problems.append(Problem.of(Reason.UNKNOWN_PARTNER, msg("sweep.unknown.partner", name=b.partner),
                                       Location(file=spec.source, key=f"budgets[{i}].partner")))
    for i, f in enumerate(spec.funds):
        if f.add is None and f.name not in area.fund_by_name:
            problems.append(Problem.of(Reason.UNKNOWN_FUND, msg("sweep.unknown_fund", name=f.name),
                                       Location(file=spec.source, key=f"funds[{i}].name")))
        if f.add is not None and f.name in area.fund_by_name:
            problems.append(Problem.of(Reason.DUPLICATE_ID, msg("sweep.fund_exists", name=f.name),
                                       Location(file=spec.source, key=f"funds[{i}].name")))
    if problems:
        raise InputError(problems, summary=msg("sweep.does_not_fit", name=spec.name, area=area.config.name))


def draw_scenarios(area: Area, spec: SweepSpec, draws: int, seed: int) -> list[Scenario]:
    """One scenario per draw (see the module docstring for the seeding).

    Parameters
    ----------
    area:
        The base area (before the sweep's own ``scenario``).
    spec:
        The sweep.
    draws:
        Number of draws (≥ 1).
    seed:
        Seed of the whole sweep (≥ 0).

    Returns
    -------
    list of Scenario
        Named ``<sweep>#<i>``; each extends the sweep's scenario when it has one.
    """
    if draws < 1 or seed < 0:
        raise InputError([Problem.of(Reason.OUT_OF_RANGE, msg("sweep.draws_seed"),
                                     Location(key="draws" if draws < 1 else "seed"))])
    base = apply_scenario(area, spec.scenario) if spec.scenario is not None else area
    _check(spec, base)
    partners = sorted({b.partner for b in base.budgets})
    out = []
    for i in range(draws):
        rng = np.random.default_rng([seed, i])
        costs: list[dict[str, Any]] = []
        for c in spec.costs:
            chosen = [p.id for p in base.projects
                      if (not c.partners or p.partner in c.partners) and (not c.types or p.type in c.types)
                      and (not c.projects or p.id in c.projects)]
            if c.per == "draw":
                factor = _uniform(rng, c)
                if chosen:
                    costs.append({"projects": chosen, "factor": factor})
            else:
                costs.extend({"projects": [pid], "factor": _uniform(rng, c)} for pid in chosen)
        budgets = [{"partner": q, "years": list(b.years), "factor": _uniform(rng, b)}
                   for b in spec.budgets for q in ([b.partner] if b.partner else partners)]
        add, remove = [], []
        for f in spec.funds:
            granted = bool(rng.uniform() < f.probability)
            if f.add is not None and granted:
                add.append({"name": f.name, **f.add.model_dump()})
            elif f.add is None and not granted:
                remove.append(f.name)
        out.append(Scenario.model_validate({
            "name": f"{spec.name}#{i}", "parent": spec.scenario, "costs": costs, "budgets": budgets,
            "funds": {"add": add, "remove": remove},
            **({"solver": spec.solver.model_dump(include=spec.solver.model_fields_set)}
               if spec.solver is not None and spec.solver.model_fields_set else {}),
        }))
    return out


@dataclass(frozen=True)
class DrawResult:
    """What one draw gives (small, so it travels cheaply back from a worker)."""

    index: int
    status: str
    objective: float | None = None
    value: float | None = None
    saving: float | None = None
    couplings_realised: int | None = None
    starts: Mapping[str, int | None] | None = None
    net_spend: Mapping[str, float] | None = None


def solve_draw(area: Area, scenario: Scenario, index: int) -> DrawResult:
    """Apply one draw's scenario, couple and plan; an infeasible draw is a result, not an error."""
    from dia.coupling import find_couplings
    from dia.solver import plan_agenda

    new = apply_scenario(area, scenario)
    try:
        agenda = plan_agenda(new, find_couplings(new), options=new.config.solver, scenario_name=scenario.name)
    except DiaError as exc:
        return DrawResult(index=index, status="infeasible" if exc.exit_code == 2 else "no_solution")
    spend: dict[str, float] = {}
    for c in agenda.cashflow:
        spend[c.partner] = spend.get(c.partner, 0.0) + c.net
    return DrawResult(
        index=index, status=agenda.run.status, objective=round(agenda.objective.total, 2),
        value=round(agenda.objective.value, 2), saving=round(agenda.objective.saving, 2),
        couplings_realised=sum(1 for c in agenda.couplings if c.is_realised),
        starts={p.project_id: (p.start_year if p.is_selected else None) for p in agenda.projects},
        net_spend={q: round(v, 2) for q, v in sorted(spend.items())},
    )


_WORKER_AREA: Area | None = None


def _init_worker(area: Area) -> None:
    global _WORKER_AREA
    _WORKER_AREA = area


def _solve_in_worker(job: tuple[int, Scenario]) -> DrawResult:
    assert _WORKER_AREA is not None, "worker not initialised"
    return solve_draw(_WORKER_AREA, job[1], job[0])


def _run_local(area: Area, scenarios: Sequence[Scenario], processes: int | None,
               progress: Progress | None) -> Iterator[DrawResult]:
    from dia.scenarios.compare import pool_context, worker_count

    jobs = list(enumerate(scenarios))
    workers = worker_count(len(jobs), processes)
    if workers == 1:
        for i, s in jobs:
            yield solve_draw(area, s, i)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=pool_context(),
                             initializer=_init_worker, initargs=(area,)) as executor:
        yield from executor.map(_solve_in_worker, jobs, chunksize=max(1, len(jobs) // (8 * workers)))


def _run_dask(area: Area, scenarios: Sequence[Scenario], scheduler: Any) -> Iterator[DrawResult]:
    from distributed import Client

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler, set_as_default=False)
    try:
        shared = client.scatter(area, broadcast=True)
        futures = client.map(solve_draw, [shared] * len(scenarios), list(scenarios),
                             list(range(len(scenarios))), pure=False)
        for future in futures:  # in draw order; the summary does not depend on it
            yield future.result()
    finally:
        if client is not scheduler:
            client.close()


@dataclass(frozen=True)
class SweepResult:
    """The sweep's outcome.

    Attributes
    ----------
    name, seed:
        The sweep and its seed.
    draws:
        One row per draw (index ``draw``): ``status, objective, value, saving,
        couplings_realised`` and ``spend:<partner>`` (net spend over the horizon).
    projects:
        One row per project: ``partner, name, scheduled`` (share of the
        feasible draws), ``verdict`` (``core`` ≥ 90 %, ``never``, or ``luck``)
        and the number of draws starting in each year (columns are years).
    figures:
        Rows ``objective, value, saving, couplings_realised, spend:<partner>``;
        columns ``mean, p10, p50, p90`` over the feasible draws.
    """

    name: str
    seed: int
    draws: pd.DataFrame
    projects: pd.DataFrame
    figures: pd.DataFrame

    @property
    def feasible(self) -> int:
        """Number of draws that gave an agenda."""
        return int(self.draws["status"].isin(["optimal", "feasible"]).sum())


def sweep(
    area: Area,
    spec: SweepSpec,
    *,
    draws: int,
    seed: int,
    processes: int | None = None,
    scheduler: Any = None,
    progress: Progress | None = None,
) -> SweepResult:
    """Solve ``draws`` random variations of an area and summarise them.

    Parameters
    ----------
    area:
        The base area.
    spec:
        The sweep (:func:`load_sweep`).
    draws, seed:
        How many draws, and the seed that fixes them all.
    processes:
        Local worker processes (default: one per core); ignored with ``scheduler``.
    scheduler:
        A Dask scheduler address (``tcp://host:8786``) or a ``distributed.Client``:
        solve the draws on that cluster instead of locally.
    progress:
        Optional callback, called as draws finish.

    Returns
    -------
    SweepResult
        Identical for the same area, spec, draws and seed, wherever the draws ran.

    Examples
    --------
    >>> spec = load_sweep("scenarios/sweep/onzekerheid.yaml")  # doctest: +SKIP
    >>> result = sweep(area, spec, draws=20, seed=1)  # doctest: +SKIP
    >>> result.projects.query("verdict == 'core'").index.tolist()  # doctest: +SKIP
    """
    scenarios = draw_scenarios(area, spec, draws, seed)
    runner = _run_dask(area, scenarios, scheduler) if scheduler is not None else \
        _run_local(area, scenarios, processes, progress)
    results: list[DrawResult] = []
    for r in runner:
        results.append(r)
        if progress is not None:
            progress(text(area.config.language, "p_draw", i=len(results), n=draws,
                          status=status_word(area.config.language, r.status)), len(results) / draws)
    # Projects left out by the sweep's own scenario are not part of the question: summarise
    # over the area the draws vary.
    base = apply_scenario(area, spec.scenario) if spec.scenario is not None else area
    return summarise(base, spec.name, seed, results)


def summarise(area: Area, name: str, seed: int, results: Sequence[DrawResult]) -> SweepResult:
    """Aggregate draw results (in any order) into a :class:`SweepResult`."""
    ordered = sorted(results, key=lambda r: r.index)
    partners = sorted({q for r in ordered for q in (r.net_spend or {})} | {b.partner for b in area.budgets})
    rows = []
    for r in ordered:
        draw_row: dict[str, Any] = {"draw": r.index, "status": r.status, "objective": r.objective,
                               "value": r.value, "saving": r.saving,
                               "couplings_realised": r.couplings_realised}
        for q in partners:
            draw_row[f"spend:{q}"] = None if r.net_spend is None else r.net_spend.get(q, 0.0)
        rows.append(draw_row)
    columns = ["draw", "status", "objective", "value", "saving", "couplings_realised",
               *(f"spend:{q}" for q in partners)]
    frame = pd.DataFrame(rows, columns=columns).set_index("draw")
    ok = [r for r in ordered if r.starts is not None]
    years = list(area.config.horizon.years)
    ids = sorted(set(area.project_by_id) | {pid for r in ok for pid in (r.starts or {})})
    info = area.project_by_id
    proj_rows: list[dict[Any, Any]] = []
    for pid in ids:
        starts = [(r.starts or {}).get(pid) for r in ok]
        counts = {y: sum(1 for s in starts if s == y) for y in years}
        share = (sum(counts.values()) / len(ok)) if ok else math.nan
        verdict = "never" if share == 0 else "core" if share >= CORE_SHARE else "luck"
        p = info.get(pid)
        row: dict[Any, Any] = {"project_id": pid, "partner": p.partner if p else "",
                               "name": p.name if p else "",
                               "scheduled": round(share, 4) if ok else math.nan, "verdict": verdict}
        row.update(counts)
        proj_rows.append(row)
    projects = pd.DataFrame(proj_rows,
                            columns=["project_id", "partner", "name", "scheduled", "verdict", *years])
    projects = projects.set_index("project_id")
    metrics = ["objective", "value", "saving", "couplings_realised", *(f"spend:{q}" for q in partners)]
    fig_rows = []
    for m in metrics:
        values = np.array([v for v in frame.loc[frame["status"].isin(["optimal", "feasible"]), m]
                           if v is not None and not pd.isna(v)], dtype=float)
        if values.size:
            p10, p50, p90 = (float(np.percentile(values, q)) for q in (10, 50, 90))
            fig_rows.append({"metric": m, "mean": round(float(values.mean()), 2), "p10": round(p10, 2),
                             "p50": round(p50, 2), "p90": round(p90, 2)})
        else:
            fig_rows.append({"metric": m, **dict.fromkeys(("mean", "p10", "p50", "p90"), math.nan)})
    figures = pd.DataFrame(fig_rows, columns=["metric", "mean", "p10", "p50", "p90"]).set_index("metric")
    return SweepResult(name=name, seed=seed, draws=frame, projects=projects, figures=figures)
