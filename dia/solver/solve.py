"""Run the solver on a built model: HiGHS (in-process, through highspy) or CBC.

The result says honestly what the solver achieved: ``optimal`` (within the gap tolerance),
``feasible`` (stopped at the time limit with an agenda and a gap), ``infeasible`` or
``no_solution``. Seeds and thread counts are fixed so that the same input gives the same
agenda.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import logging
import math
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pulp

from dia.model import SolverOptions
from dia.model.agenda import Status
from dia.solver.texts import number, text, whole_euro
from dia.solver.variables import Model

log = logging.getLogger(__name__)

Progress = Callable[[str, float | None], None]


@dataclass(frozen=True)
class SolveResult:
    """What the solver reports, in the model's (maximisation) sense."""

    status: Status
    solver: str
    version: str
    objective: float | None
    bound: float | None
    gap: float | None
    seconds: float
    warm_start_used: bool = False


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Silence C-level stdout: HiGHS prints a banner when its first instance is created."""
    try:
        fd = os.dup(1)
    except OSError:  # no real stdout (some embedded runners)
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
            try:
                yield
            finally:
                os.dup2(fd, 1)
    finally:
        os.close(fd)


class _HiGHS(pulp.HiGHS):
    """pulp's in-process HiGHS with a fixed seed, a warm start and a progress callback."""

    def __init__(self, *, seed: int, start: Mapping[pulp.LpVariable, float] | None,
                 progress: Progress | None, time_limit: float, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(timeLimit=time_limit, **kwargs)
        self.lang = lang
        self.seed = seed
        self.start = start
        self.progress = progress
        self.time_limit = time_limit
        self.warm_start_used = False

    def createAndConfigureSolver(self, lp: pulp.LpProblem) -> None:
        import highspy

        with _quiet_stdout():
            lp.solverModel = highspy.Highs()
        h = lp.solverModel
        h.setOptionValue("output_flag", bool(self.msg))
        h.setOptionValue("random_seed", int(self.seed))
        if self.gapRel is not None:
            h.setOptionValue("mip_rel_gap", float(self.gapRel))
        if self.threads is not None:
            h.setOptionValue("threads", int(self.threads))
        h.setOptionValue("time_limit", float(self.time_limit))
        for key, value in self.optionsDict.items():
            h.setOptionValue(key, value)
        if self.progress is not None:
            progress = self.progress
            limit = self.time_limit
            lang = self.lang

            def on_solution(event: Any) -> None:
                out = event.data_out
                gap = out.mip_gap
                line = text(lang, "p_worth", value=whole_euro(-out.objective_function_value, lang))
                if gap is not None and math.isfinite(gap) and gap < 1e6:
                    line += text(lang, "p_gap", gap=number(100 * gap, lang))
                progress(line, min(1.0, out.running_time / limit) if limit else None)

            h.cbMipImprovingSolution += on_solution

    def findSolutionValues(self, lp: pulp.LpProblem) -> tuple[int, int]:
        import highspy

        h = lp.solverModel
        if h.getModelStatus() != highspy.HighsModelStatus.kSolutionLimit:
            return super().findSolutionValues(lp)
        # stopped by mip_max_nodes or mip_max_improving_sols, which pulp 3.3 has no entry for:
        # read the columns as pulp does after a time limit, feasible when HiGHS holds a solution
        values = list(h.getSolution().col_value)
        for var in lp.variables():
            var.varValue = values[var.index]
        if h.getInfo().primal_solution_status == highspy.SolutionStatus.kSolutionStatusFeasible:
            return pulp.LpStatusOptimal, pulp.LpSolutionIntegerFeasible
        return pulp.LpStatusNotSolved, pulp.LpSolutionNoSolutionFound

    def callSolver(self, lp: pulp.LpProblem) -> None:
        if self.start:
            import numpy as np

            pairs = sorted((var.index, value) for var, value in self.start.items())
            idx = np.array([i for i, _ in pairs], dtype=np.int32)
            val = np.array([v for _, v in pairs], dtype=np.float64)
            lp.solverModel.setSolution(len(pairs), idx, val)
            self.warm_start_used = True
        lp.solverModel.run()


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def relative_gap(objective: float | None, bound: float | None) -> float | None:
    """``(bound - objective) / max(1, |objective|)`` for a maximisation, clipped at 0."""
    if objective is None or bound is None or not math.isfinite(bound):
        return None
    return max(0.0, (bound - objective) / max(1.0, abs(objective)))


def solve(m: Model, options: SolverOptions, *, start: Mapping[pulp.LpVariable, float] | None = None,
          progress: Progress | None = None, relax: bool = False, node_limit: int | None = None,
          solution_limit: int | None = None, abs_gap: float | None = None) -> SolveResult:
    """Solve ``m`` with the solver named in ``options``.

    Parameters
    ----------
    m:
        The built model.
    options:
        Solver name, time limit, relative gap, threads, seed.
    start:
        Optional warm start (variable -> value), e.g. from the baseline agenda.
    progress:
        Optional callback receiving messages while the solver runs (HiGHS only).
    relax:
        Solve the LP relaxation (integrality dropped) instead of the MILP; HiGHS then uses its
        interior-point method with crossover.
    node_limit:
        Stop HiGHS after this many branch-and-bound nodes (``mip_max_nodes``): an effort
        limit that, unlike a time limit, gives the same answer on every machine.
    solution_limit:
        Stop HiGHS at its this-many-th improving solution (``mip_max_improving_sols``; a MIP
        start counts as the first); an effort limit like ``node_limit``.
    abs_gap:
        Also stop HiGHS once the bound is within this many euro of the best agenda
        (``mip_abs_gap``), whichever of the two gaps is reached first.

    Returns
    -------
    SolveResult
    """
    t0 = time.perf_counter()
    if options.solver == "highs":
        extra: dict[str, Any] = {"solver": "ipm"} if relax else {}
        if node_limit is not None and not relax:
            extra["mip_max_nodes"] = int(node_limit)
        if solution_limit is not None and not relax:
            extra["mip_max_improving_sols"] = int(solution_limit)
        if abs_gap is not None and not relax:
            extra["mip_abs_gap"] = float(abs_gap)
        lang = m.inst.area.config.language
        highs = _HiGHS(seed=options.seed, start=None if relax else start, progress=progress, lang=lang,
                       time_limit=options.time_limit, msg=False, mip=not relax,
                       gapRel=options.gap, threads=options.threads, **extra)
        m.prob.solve(highs)
        if start and not relax and _highs_values_stale(m):
            # HiGHS 1.16 bug: after presolve reduces a model given a partial MIP start, it may
            # report the true optimum but hand back the start's column values. Trust neither:
            # solve again without the start (costs one extra solve, only when it happens).
            # info, not a warning: users can do nothing about it, and the answer is sound
            log.info("HiGHS returned the warm start's values, not its solution; re-solving cold")
            # a short sub-MILP keeps its short limit; a solve that used up its time gets a little
            remaining = max(min(1.0, options.time_limit), options.time_limit - (time.perf_counter() - t0))
            highs = _HiGHS(seed=options.seed, start=None, progress=progress, lang=lang, time_limit=remaining,
                           msg=False, mip=True, gapRel=options.gap, threads=options.threads, **extra)
            m.prob.solve(highs)
        seconds = time.perf_counter() - t0
        return _highs_result(m, highs, seconds)
    return _solve_cbc(m, options, start=None if relax else start, relax=relax, t0=t0)


def _highs_values_stale(m: Model) -> bool:
    """Whether the column values pulp read back disagree with HiGHS's own objective."""
    if m.prob.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
        return False
    reported = -float(m.prob.solverModel.getInfo().objective_function_value)
    from_columns = float(pulp.value(m.prob.objective) or 0.0)
    return abs(reported - from_columns) > 1e-6 * max(1.0, abs(reported))


def _highs_result(m: Model, highs: _HiGHS, seconds: float) -> SolveResult:
    import highspy

    h = m.prob.solverModel
    status = h.getModelStatus()
    info = h.getInfo()
    has_solution = m.prob.sol_status in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible)
    objective = pulp.value(m.prob.objective) if has_solution else None
    objective = float(objective) if objective is not None else None
    is_mip = highs.mip and any(v.cat == pulp.LpInteger for v in m.prob.variables())
    bound: float | None
    if is_mip:
        raw = info.mip_dual_bound
        # the HiGHS model minimises the negated objective (pulp flips the sense)
        bound = -raw if raw is not None and math.isfinite(raw) else None
    else:
        bound = objective if status == highspy.HighsModelStatus.kOptimal else None
    st: Status
    if status == highspy.HighsModelStatus.kOptimal:
        st = "optimal"
    elif status in (highspy.HighsModelStatus.kInfeasible, highspy.HighsModelStatus.kUnboundedOrInfeasible):
        st = "infeasible"
    elif has_solution:
        st = "feasible"
    else:
        st = "no_solution"
    gap = relative_gap(objective, bound) if st in ("optimal", "feasible") else None
    return SolveResult(st, "highs", _version("highspy"), objective, bound, gap, seconds,
                       warm_start_used=highs.warm_start_used)


def _integral(m: Model, tolerance: float = 1e-6) -> bool:
    """Whether every start variable has a value within ``tolerance`` of 0 or 1."""
    for var in m.x.values():
        value = var.varValue
        if value is None or min(abs(value), abs(1.0 - value)) > tolerance:
            return False
    return True


_CBC_LINE = {
    "objective": re.compile(r"^Objective value:\s*(\S+)", re.M),
    # pulp runs CBC with -max, so CBC reports the bound of the maximisation as "Upper bound"
    "bound": re.compile(r"^Upper bound:\s*(\S+)", re.M),
    "result": re.compile(r"^Result - (.+)$", re.M),
    "version": re.compile(r"^Version:\s*(\S+)", re.M),
}


def _solve_cbc(m: Model, options: SolverOptions, *, start: Mapping[pulp.LpVariable, float] | None,
               relax: bool, t0: float) -> SolveResult:
    if start:
        # only the start's own values (the x): values left from an earlier LP solve of the
        # same model would make CBC read a fractional, inconsistent start
        for var in m.prob.variables():
            var.varValue = None
        for var, value in start.items():
            var.setInitialValue(value)
    with tempfile.TemporaryDirectory(prefix="dia-cbc-") as tmp:
        log_path = Path(tmp) / "cbc.log"
        # CBC checks an elapsed-time limit (PuLP's default) only once the root LP is solved, and
        # on large models that LP alone outlasts the limit: 10,000 projects, 15 s asked, 97 s
        # taken. Counted in CPU seconds the root LP stops on time (15.3 s); with one thread CPU
        # time is wall time, with more it runs ahead of it, so elapsed time is kept there.
        cbc = pulp.PULP_CBC_CMD(
            msg=False, mip=not relax, timeLimit=options.time_limit, gapRel=options.gap,
            threads=options.threads, warmStart=bool(start), logPath=str(log_path),
            timeMode="cpu" if options.threads <= 1 else "elapsed",
            options=[f"randomSeed {options.seed + 1}", f"randomCbcSeed {options.seed + 1}"],
        )
        m.prob.solve(cbc)
        text = log_path.read_text(errors="replace") if log_path.is_file() else ""
    seconds = time.perf_counter() - t0
    version_match = _CBC_LINE["version"].search(text)
    version = version_match.group(1) if version_match else "unknown"
    has_solution = m.prob.sol_status in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible)
    if has_solution and not relax and not _integral(m):
        # stopped by its time limit inside the root LP, CBC writes the LP's last iterate as
        # "Stopped on iterations - objective value ..." and PuLP 3.3 takes that for an integer
        # solution (10,000 projects, 15 s: 17.6 bn, above the LP bound of 13.2 bn)
        has_solution = False
    objective = float(pulp.value(m.prob.objective)) if has_solution else None
    result_match = _CBC_LINE["result"].search(text)
    result_text = result_match.group(1).lower() if result_match else ""
    bound: float | None = None
    bound_match = _CBC_LINE["bound"].search(text)
    if bound_match:
        with contextlib.suppress(ValueError):
            bound = float(bound_match.group(1))
    st: Status
    if m.prob.status == pulp.LpStatusInfeasible or "infeasible" in result_text:
        st = "infeasible"
    elif not has_solution:
        st = "no_solution"
    elif m.prob.sol_status == pulp.LpSolutionOptimal or "optimal" in result_text:
        st = "optimal"
    else:
        st = "feasible"
    if st == "optimal" and bound is None and objective is not None:
        # CBC prints no bound when it stops within the gap tolerance: the tolerance is one
        bound = objective + options.gap * abs(objective)
    gap = relative_gap(objective, bound) if st in ("optimal", "feasible") else None
    return SolveResult(st, "cbc", version, objective, bound, gap, seconds, warm_start_used=bool(start))
