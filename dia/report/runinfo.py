"""``run.json``: how the agenda was obtained (scenario, inputs, solver, status, timings).

This is the one output that carries a timestamp (``written_at``); every other
file depends only on the agenda, so the same agenda gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from dia.model import Agenda


def summary_figures(agenda: Agenda) -> dict[str, Any]:
    """Key figures of an agenda (used by run.json and the board summary).

    Returns
    -------
    dict
        ``projects``, ``projects_selected``, ``projects_dropped``,
        ``mandatory``, ``value``, ``weighted_value``, ``saving``,
        ``couplings``, ``couplings_realised``, ``budget``, ``spend``,
        ``net``, ``budget_use`` (net over budget, 0-1; None without budget).
    """
    selected = [p for p in agenda.projects if p.is_selected]
    budget = sum(c.budget for c in agenda.cashflow)
    net = sum(c.net for c in agenda.cashflow)
    return {
        "projects": len(agenda.projects),
        "projects_selected": len(selected),
        "projects_dropped": len(agenda.projects) - len(selected),
        "mandatory": sum(1 for p in agenda.projects if p.is_mandatory),
        "value": sum(p.value for p in selected),
        "weighted_value": sum(p.weighted_value for p in selected),
        "saving": sum(p.saving for p in selected),
        "cost": sum(p.cost for p in selected),
        "couplings": len(agenda.couplings),
        "couplings_realised": sum(1 for c in agenda.couplings if c.is_realised),
        "budget": budget,
        "spend": sum(c.spend for c in agenda.cashflow),
        "fund_draw": sum(c.fund_draw for c in agenda.cashflow),
        "net": net,
        "budget_use": (net / budget) if budget > 0 else None,
    }


def run_record(agenda: Agenda, outputs: Sequence[str], *, written_at: dt.datetime | None = None,
               lang: str = "nl", export_seconds: Mapping[str, float] | None = None) -> dict[str, Any]:
    """The content of ``run.json``.

    Parameters
    ----------
    agenda:
        The exported agenda.
    outputs:
        File names written next to ``run.json``.
    written_at:
        Timestamp to record (default: now, UTC).
    lang:
        Language of the human-readable outputs.
    export_seconds:
        Seconds spent writing each format (recorded under ``timings.export``).

    Returns
    -------
    dict
        JSON-ready mapping; write it with ``sort_keys=True``.
    """
    from dia import __version__

    run = agenda.run
    when = written_at or dt.datetime.now(dt.UTC)
    return {
        "dia_version": __version__,
        "written_at": when.replace(microsecond=0).isoformat(),
        "area": agenda.area,
        "scenario": run.scenario,
        "horizon": {"start": agenda.horizon_start, "end": agenda.horizon_end},
        "solver": {
            "name": run.solver,
            "version": run.solver_version,
            "time_limit": run.time_limit,
            "threads": run.threads,
            "seed": run.seed,
        },
        "status": run.status,
        "objective": {
            "reported": run.objective,
            "bound": run.bound,
            "value": agenda.objective.value,
            "saving": agenda.objective.saving,
            "delay_penalty": agenda.objective.delay_penalty,
            "total": agenda.objective.total,
        },
        "gap": run.gap,
        "timings": {
            "build_seconds": run.build_seconds,
            "solve_seconds": run.solve_seconds,
            "export_seconds": {k: round(v, 3) for k, v in sorted((export_seconds or {}).items())},
        },
        "input_hash": run.input_hash,
        "inputs": [{"name": name, "sha256": digest} for name, digest in sorted(run.inputs)],
        "summary": summary_figures(agenda),
        "baseline": agenda.baseline.model_dump(mode="json") if agenda.baseline else None,
        "findings": [f.model_dump(mode="json") for f in agenda.findings],
        "language": lang,
        "outputs": sorted(outputs),
    }


def run_json(record: dict[str, Any]) -> str:
    """``run.json`` text: sorted keys, two-space indent, trailing newline."""
    return json.dumps(record, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
