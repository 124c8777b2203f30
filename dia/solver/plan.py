"""``plan_agenda``: build, solve and explain the joint investment agenda."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from dia.errors import InfeasibleError, NoSolutionError
from dia.model import EURO_TOLERANCE, Agenda, Area, Coupling, RunInfo, SolverOptions
from dia.solver.baseline import baseline_starts
from dia.solver.build import build_model
from dia.solver.explain import binding_budgets, budget_duals, explain_infeasible, reasons, value_of
from dia.solver.heuristic import agenda_value, complete, greedy_starts
from dia.solver.instance import input_hash, make_instance
from dia.solver.partner_search import partner_search
from dia.solver.result import assemble, capped_credit, objective_parts, summary
from dia.solver.solve import SolveResult, relative_gap, solve
from dia.solver.submip import warm_start_values
from dia.solver.texts import text
from dia.solver.variables import Model

if TYPE_CHECKING:
    from dia.coupling import CouplingGraph

log = logging.getLogger(__name__)

Progress = Callable[[str, float | None], None]

#: Share of the time limit the LP relaxation may take (its duals price the greedy start and
#: guide the LP rounding, which at 2,000 projects is worth far more than MILP time).
LP_SHARE = 0.5
#: Share of the time left after the greedy starts the partner search may take (re-planning
#: each partner until a round brings nothing better, then each linked pair once,
#: ``dia.solver.partner_search``; bundled example: about 7 s). It replaced the
#: LP-guided sub-MILP (RENS) and the neighbourhood search around the LP (RINS): after it,
#: those two never found a better agenda on the example or the benchmark family (200, 500,
#: 2,000 projects) and took their time from the final MILP (example: proven in 16 s without
#: them, 27 s with them).
PARTNER_SHARE = 0.6
#: Share of the time limit at most kept for the final MILP (see ``solve_instance``).
FINAL_RESERVE_SHARE = 0.15
#: The least time the final MILP is given, even past the limit (a solver stopped at once
#: would return no agenda at all).
MIN_FINAL_SECONDS = 0.5
#: Budget duals are scaled by this before pricing the greedy (measured on the benchmark
#: family: 0.5 beat 1.0 at 200 projects, where full duals over-price the scarce years).
PRICE_WEIGHT = 0.5


def _extract(m: Model) -> tuple[dict[str, int], dict[int, tuple[float, float]],
                                dict[tuple[str, str, str, int], float]]:
    inst = m.inst
    starts = {pid: s for (pid, s), var in m.x.items() if value_of(var) > 0.5}
    credit: dict[int, tuple[float, float]] = {}
    for ci, c in enumerate(inst.couplings):
        total = sum(value_of(m.z[(ci, pr.sa, pr.sb)]) for pr in inst.pairs[ci])
        if total > 1e-7:
            total = min(1.0, total)
            credit[ci] = (total * inst.saving_part(c, c.project_a), total * inst.saving_part(c, c.project_b))
    draws = {key: value_of(var) for key, var in m.draw.items() if value_of(var) > 0.005}
    return starts, credit, draws


def plan_agenda(
    area: Area,
    couplings: CouplingGraph | Sequence[Coupling],
    *,
    options: SolverOptions | None = None,
    progress: Progress | None = None,
    scenario_name: str | None = None,
    fixed_starts: Mapping[str, int | None] | None = None,
) -> Agenda:
    """Plan the joint investment agenda of an area as a mixed-integer linear programme.

    Parameters
    ----------
    area:
        The validated area.
    couplings:
        Its koppelkansen: the ``CouplingGraph`` of :func:`dia.find_couplings` or a plain
        sequence of :class:`~dia.model.Coupling`.
    options:
        Solver, time limit, gap, threads, seed, warm start (default: the area's).
    progress:
        Optional callback ``(message, fraction or None)`` for long steps.
    scenario_name:
        Recorded in the agenda's run info and input hash.
    fixed_starts:
        Project id -> forced start year, or None: the project must not be scheduled.

    Returns
    -------
    Agenda
        Every project (dropped ones with a reason), every partner-year with its budget dual,
        every koppelkans, fund draws, objective parts, run info and the baseline's figures.

    Raises
    ------
    dia.errors.InfeasibleError
        The hard constraints conflict; ``findings`` name the partner-years and projects.
    dia.errors.NoSolutionError
        The solver found no agenda within the time limit.

    Examples
    --------
    >>> from dia.solver import plan_agenda
    >>> agenda = plan_agenda(area, couplings)  # doctest: +SKIP
    >>> agenda.run.status  # doctest: +SKIP
    'optimal'
    """
    options = options or area.config.solver
    say = progress or (lambda _message, _fraction: None)
    t0 = time.perf_counter()
    say(text(area.config.language, "p_preparing"), None)
    try:
        inst = make_instance(area, couplings, fixed_starts)
    except ValueError as exc:
        raise InfeasibleError(str(exc)) from None
    base_starts, base_draws, base_findings = baseline_starts(inst)
    say(text(area.config.language, "p_model"), None)
    m = build_model(inst)
    build_seconds = time.perf_counter() - t0
    result, stats = solve_instance(m, options, warm="best" if options.warm_start else "none",
                                   progress=progress, baseline=None if base_findings else base_starts)
    log.info("solved: %s (%s)", result, stats)
    if result.status == "infeasible":
        say(text(area.config.language, "p_explain_infeasible"), None)
        raise InfeasibleError(
            text(area.config.language, "infeasible", name=area.config.name),
            findings=explain_infeasible(inst, options),
        )
    if result.status == "no_solution":
        raise NoSolutionError(
            f"{result.solver} found no agenda within {options.time_limit:g} s; "
            "raise --time-limit or relax the inputs"
        )
    starts, credit, draws = _extract(m)
    say(text(area.config.language, "p_explain"), None)
    duals = stats.duals
    run = _run_info(area, options, result, objective_parts(inst, starts, credit).total, build_seconds,
                    scenario_name)
    base_credit = capped_credit(inst, base_starts)
    base_run = RunInfo(area=area.config.name, solver="baseline", solver_version="", status="feasible")
    baseline = summary(assemble(inst, base_starts, base_credit, base_draws, base_run))
    draft = assemble(inst, starts, credit, draws, run)
    net = {(py.partner, py.year): py.net for py in draft.cashflow}
    why, findings = reasons(inst, starts, net)
    findings = binding_budgets(inst, net, duals) + findings
    return assemble(inst, starts, credit, draws, run, duals=duals, reasons=why, findings=findings,
                    baseline=baseline)


@dataclass
class SolveStats:
    """What the steps before the MILP contributed (for the benchmark and the log)."""

    lp_bound: float | None = None
    lp_seconds: float = 0.0
    duals: dict[tuple[str, int], float] = field(default_factory=dict)
    heuristic_seconds: float = 0.0
    candidates: dict[str, float] = field(default_factory=dict)
    """Objective of each warm-start candidate (baseline, greedy, priced greedy)."""
    warm_start: str | None = None
    """Which candidate was passed to the solver."""
    partner_seconds: float = 0.0
    """Seconds spent in the partner search (``dia.solver.partner_search``)."""
    partner_search_finished: bool | None = None
    """Whether the partner search ended by itself (None: it did not run); False when the time
    limit cut it short, so that the start the MILP got may depend on the machine's speed."""
    warm_start_kept: bool = False
    """Whether the solver ended below its start, so the start itself is the agenda."""


def solve_instance(
    m: Model,
    options: SolverOptions,
    *,
    warm: Literal["best", "baseline", "none"] = "best",
    baseline: Mapping[str, int] | None = None,
    progress: Progress | None = None,
) -> tuple[SolveResult, SolveStats]:
    """Solve a built model: LP relaxation, greedy warm start, then the MILP.

    Parameters
    ----------
    m:
        The built model.
    options:
        Solver options; the time limit covers all three steps.
    warm:
        ``best``: the best complete candidate of the baseline, the coordinated greedy, the
        greedy priced by the LP duals and the LP-guided rounding (projects in order of their
        LP value, at their LP start years first); ``baseline``: the baseline only; ``none``:
        no start.
    baseline:
        Baseline start years (None: the baseline is incomplete and cannot be a start).
    progress:
        Progress callback.

    Returns
    -------
    tuple of (SolveResult, SolveStats)
        The MILP result (its ``seconds`` cover every step) and what each step contributed.
    """
    say = progress or (lambda _message, _fraction: None)
    inst = m.inst
    lang = inst.area.config.language
    t0 = time.perf_counter()
    stats = SolveStats()
    say(text(lang, "p_lp"), 0.0)
    lp, stats.duals = budget_duals(m, options, time_limit=LP_SHARE * options.time_limit)
    stats.lp_seconds = lp.seconds
    stats.lp_bound = lp.objective if lp.status == "optimal" else None
    if lp.status == "infeasible":
        return SolveResult("infeasible", lp.solver, lp.version, None, None, None,
                           time.perf_counter() - t0), stats
    t1 = time.perf_counter()
    candidates: dict[str, dict[str, int]] = {}
    if warm != "none" and baseline is not None:
        candidates["baseline"] = dict(baseline)
    if warm == "best":
        say(text(lang, "p_greedy"), None)
        candidates["greedy"] = greedy_starts(inst)
        if stats.duals:
            prices = {k: PRICE_WEIGHT * v for k, v in stats.duals.items()}
            candidates["priced greedy"] = greedy_starts(inst, prices=prices)
            guide = {key: value_of(var) for key, var in m.x.items()}
            candidates["LP rounding"] = greedy_starts(inst, prices=prices, guide=guide)
    complete_ones = {k: v for k, v in candidates.items() if complete(inst, v)}
    stats.candidates = {k: agenda_value(inst, v) for k, v in complete_ones.items()}
    stats.heuristic_seconds = time.perf_counter() - t1
    start = None
    if stats.candidates:
        stats.warm_start = max(sorted(stats.candidates), key=lambda k: stats.candidates[k])
        start = warm_start_values(m, complete_ones[stats.warm_start])
    # time kept for the final MILP: handing the model to the solver and reading it back takes
    # about as long as the LP did on large areas (2,000 projects: the searches before it used
    # to leave it 0.6 s of a 10 s limit and the run ended at 10.7 s)
    reserve = min(FINAL_RESERVE_SHARE * options.time_limit, max(MIN_FINAL_SECONDS, lp.seconds))
    if stats.warm_start is not None and stats.lp_bound is not None \
            and within_gap(stats.candidates[stats.warm_start], stats.lp_bound, options.gap):
        # the LP bound already proves the start within the gap: searching or branching could
        # not find a better agenda that the gap tolerance would count (10,000 projects of the
        # benchmark family: the LP rounding is within 0.64 % of the LP bound after 20 s). The
        # result names HiGHS, which solved that LP, whatever MILP solver was asked for: with
        # CBC the run otherwise spent its whole limit (64 s of 60) without a better agenda.
        say(text(lang, "p_lp_proves"), None)
        proven = _prove_by_lp_bound(m, complete_ones[stats.warm_start], options, lp, stats.lp_bound)
        if proven is not None:
            stats.warm_start_kept = True
            return replace(proven, seconds=time.perf_counter() - t0), stats
    if warm == "best" and stats.warm_start is not None:
        # partner search: re-plan one partner, then two, around the best start, the rest fixed
        budget = PARTNER_SHARE * (options.time_limit - reserve - (time.perf_counter() - t0))
        if budget >= 0.5:
            say(text(lang, "p_partners"), None)
            t2 = time.perf_counter()
            improved = partner_search(m, complete_ones[stats.warm_start], options, budget)
            stats.partner_seconds = time.perf_counter() - t2
            stats.partner_search_finished = improved.finished if improved is not None else None
            if improved is not None:
                stats.candidates["partner search"] = improved.value
                complete_ones["partner search"] = improved.starts
                stats.warm_start = "partner search"
                # every column as HiGHS found it, not just the rounded x: a start whose x are
                # rounded may overspend a budget that the solver filled to the cent (x = 1 - 1e-7
                # is integral within its tolerance) and would be rejected
                start = (improved.columns if options.solver == "highs"
                         else warm_start_values(m, improved.starts))
    remaining = max(MIN_FINAL_SECONDS, options.time_limit - (time.perf_counter() - t0))
    say(text(lang, "p_solving", solver=options.solver.upper()), None)
    # CBC 2.10 (PuLP's bundled build) loses the sign of a maximisation's MIP start and may then
    # report a worse agenda as optimal, so CBC gets no start; the start is kept below instead
    given = start if options.solver == "highs" else None
    result = solve(m, options.model_copy(update={"time_limit": remaining}), start=given, progress=progress)
    if stats.warm_start is not None and result.status != "infeasible" and (
            result.objective is None or result.objective < stats.candidates[stats.warm_start] - 1.0):
        # the solver ended below a start we know is feasible: keep the start, with its
        # continuous values from the LP with x fixed; a claim of optimality is then wrong,
        # so its bound is not trusted either (the LP bound stands in below)
        kept = _fix_to(m, complete_ones[stats.warm_start], options)
        if kept is not None:
            stats.warm_start_kept = True
            result = replace(result, status="feasible", objective=kept, bound=None, gap=None)
    if stats.lp_bound is not None and result.objective is not None:
        # the LP bound is valid too (CBC may print none when stopped early)
        bound = stats.lp_bound if result.bound is None else min(result.bound, stats.lp_bound)
        result = replace(result, bound=bound, gap=relative_gap(result.objective, bound))
    return replace(result, seconds=time.perf_counter() - t0), stats


def within_gap(objective: float, bound: float, gap: float) -> bool:
    """Whether ``bound`` proves ``objective`` optimal within the relative ``gap`` (as the solvers
    measure it: ``(bound - objective) / |objective|``)."""
    measured = relative_gap(objective, bound)
    return measured is not None and measured <= gap


def _prove_by_lp_bound(m: Model, starts: Mapping[str, int], options: SolverOptions, lp: SolveResult,
                       bound: float) -> SolveResult | None:
    """The agenda ``starts`` as the result, proven within the gap by the LP relaxation's bound.

    Its continuous values (fund draws, savings credited, carry-over) come from the LP with every
    ``x`` fixed (:func:`_fix_to`). The status is ``optimal`` in the solvers' sense: no agenda is
    better by more than the gap tolerance. The solver named is the one that proved it, HiGHS
    (which always solves the relaxation). None when the fixed LP fails (the caller then goes
    on with the MILP).
    """
    objective = _fix_to(m, starts, options)
    if objective is None or not within_gap(objective, bound, options.gap):
        return None
    return SolveResult("optimal", lp.solver, lp.version, objective, bound, relative_gap(objective, bound),
                       0.0, warm_start_used=True)


def _fix_to(m: Model, starts: Mapping[str, int], options: SolverOptions) -> float | None:
    """Fix every ``x`` to ``starts`` and solve the remaining LP; its objective, or None.

    Each budget row gets ``EURO_TOLERANCE`` of room: ``starts`` may come from a MILP solution
    that filled a budget to the cent with ``x = 1 - 1e-7`` (integral within the solver's
    tolerance), which with ``x`` exactly 1 overspends by a fraction of a euro.
    """
    bounds = {key: (var.lowBound, var.upBound) for key, var in m.x.items()}
    for (pid, s), var in m.x.items():
        value = 1.0 if starts.get(pid) == s else 0.0
        var.lowBound = var.upBound = value
    budget_rows = [con for name, con in m.constraints.items() if m.names[name][0] == "budget"]
    for con in budget_rows:
        con.constant -= EURO_TOLERANCE  # the row is expr + constant = 0: rhs + tolerance
    try:
        fixed = solve(m, options.model_copy(update={"solver": "highs"}), relax=True)
    finally:
        for key, (lo, up) in bounds.items():
            m.x[key].lowBound, m.x[key].upBound = lo, up
        for con in budget_rows:
            con.constant += EURO_TOLERANCE
    return fixed.objective if fixed.status == "optimal" else None


def _run_info(area: Area, options: SolverOptions, result: SolveResult, objective: float,
              build_seconds: float, scenario_name: str | None) -> RunInfo:
    """Run info; the objective is the agenda's (recomputed from its parts, without the
    sub-euro tie-break term), the gap is measured against the solver's bound."""
    return RunInfo(
        area=area.config.name, scenario=scenario_name, solver=result.solver,
        solver_version=result.version, status=result.status,
        gap=relative_gap(objective, result.bound) if result.bound is not None else result.gap,
        objective=objective, bound=result.bound, build_seconds=round(build_seconds, 3),
        solve_seconds=round(result.seconds, 3), time_limit=options.time_limit,
        threads=options.threads, seed=options.seed,
        input_hash=input_hash(area, scenario_name, options),
        inputs=tuple((f.name, f.sha256) for f in area.inputs),
    )
