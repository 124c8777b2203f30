"""``dia plan AREA --out DIR``: plan the joint agenda, compare it with the baseline, export it."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import click

from dia.model import Agenda
from dia.model.agenda import key_figures
from dia.report._text import euro_text

_TEXT = {
    "nl": {
        "loaded": "Gebied {name}: {n} projecten van {p} partners, {y}–{z}",
        "status": {
            "optimal": "Status: optimaal (gap {gap})",
            "feasible": "Status: toegestaan, niet bewezen optimaal (gap {gap} bij de tijdslimiet)",
        },
        "solver": "Solver {solver} {version}: opbouw {build:.1f} s, oplossen {solve:.1f} s",
        "compare": "Gezamenlijke agenda tegenover ieder-voor-zich (basislijn):",
        "metric": "kengetal",
        "baseline": "basislijn",
        "optimised": "DIA",
        "difference": "verschil",
        "rows": {
            "projects": "projecten in de agenda",
            "value": "maatschappelijke waarde",
            "weighted": "waarde, SIA-gewogen",
            "saving": "besparing koppelkansen",
            "couplings": "koppelkansen benut",
            "budget": "budget ingezet (netto)",
        },
        "of": "van",
        "objective": "Doelfunctie {total} = waarde {value} + besparing {saving} − vertraging {delay}",
        "findings": "Toelichting ({n}):",
        "more": "… en nog {n}",
        "written": "Geschreven in {out}:",
    },
    "en": {
        "loaded": "Area {name}: {n} projects of {p} partners, {y}–{z}",
        "status": {
            "optimal": "Status: optimal (gap {gap})",
            "feasible": "Status: feasible, not proven optimal (gap {gap} at the time limit)",
        },
        "solver": "Solver {solver} {version}: build {build:.1f} s, solve {solve:.1f} s",
        "compare": "Joint agenda against each partner on its own (baseline):",
        "metric": "figure",
        "baseline": "baseline",
        "optimised": "DIA",
        "difference": "difference",
        "rows": {
            "projects": "projects in the agenda",
            "value": "societal value",
            "weighted": "value, SIA-weighted",
            "saving": "savings from couplings",
            "couplings": "couplings realised",
            "budget": "budget used (net)",
        },
        "of": "of",
        "objective": "Objective {total} = value {value} + savings {saving} − delay {delay}",
        "findings": "Notes ({n}):",
        "more": "… and {n} more",
        "written": "Written to {out}:",
    },
}

#: Findings listed in the terminal before the rest are counted (all are in the report).
FINDINGS_SHOWN = 12


def comparison_rows(agenda: Agenda, lang: str) -> list[tuple[str, str, str, str]]:
    """The optimised-vs-baseline table: (figure, baseline, DIA, difference)."""
    text = _TEXT[lang]
    rows = text["rows"]
    assert isinstance(rows, dict)
    base = agenda.baseline
    opt = key_figures(agenda)
    n_projects, n_couplings = len(agenda.projects), len(agenda.couplings)
    out: list[tuple[str, str, str, str]] = []

    def count(name: str, b: int | None, o: int, total: int) -> None:
        out.append((rows[name], f"{b} {text['of']} {total}" if b is not None else "",
                    f"{o} {text['of']} {total}", f"{o - b:+d}" if b is not None else ""))

    def money(name: str, b: float | None, o: float) -> None:
        diff = ""
        if b is not None:
            diff = ("+" if o - b >= 0 else "−") + euro_text(abs(o - b), lang)
        out.append((rows[name], euro_text(b, lang) if b is not None else "", euro_text(o, lang), diff))

    count("projects", base.projects_selected if base else None, opt.projects_selected, n_projects)
    money("value", base.value if base else None, opt.value)
    money("weighted", base.weighted_value if base else None, opt.weighted_value)
    money("saving", base.saving if base else None, opt.saving)
    count("couplings", base.couplings_realised if base else None, opt.couplings_realised, n_couplings)
    money("budget", base.budget_used if base else None, opt.budget_used)
    return out


def _table(header: tuple[str, ...], rows: list[tuple[str, str, str, str]]) -> str:
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]
    lines = ["  ".join([header[0].ljust(widths[0]), *(h.rjust(w) for h, w in zip(header[1:], widths[1:],
                                                                                   strict=True))])]
    for r in rows:
        lines.append("  ".join([r[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(r[1:], widths[1:],
                                                                                   strict=True))]))
    return "\n".join(line.rstrip() for line in lines)


def progress_printer() -> Callable[[str, float | None], None]:
    """A progress callback writing to stderr: one line per step, updated in place on a TTY."""
    start = time.perf_counter()
    interactive = sys.stderr.isatty()
    last = {"message": ""}

    def show(message: str, fraction: float | None) -> None:
        if message == last["message"]:
            return
        last["message"] = message
        elapsed = time.perf_counter() - start
        line = f"[{elapsed:5.1f} s] {message}"
        if interactive:
            click.echo("\r\033[K" + line, err=True, nl=False)
        else:
            click.echo(line, err=True)

    return show


@click.command("plan")
@click.argument("area", type=click.Path(path_type=Path))
@click.option("--scenario", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Scenario YAML applied to the area before planning.")
@click.option("--solver", type=click.Choice(["highs", "cbc"]), default=None,
              help="MILP solver (default: the area's, normally highs).")
@click.option("--time-limit", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds the solver may run (default: the area's, normally 60).")
@click.option("--gap", type=click.FloatRange(min=0, max=1, max_open=True), default=None,
              help="Relative MIP gap at which the solver may stop (e.g. 0.001 = 0.1 %).")
@click.option("--threads", type=click.IntRange(min=1), default=None, help="Solver threads.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder for agenda.xlsx/csv, cashflow.csv, couplings.csv, run.json, charts, report.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the terminal text and the reports (default: the area's).")
def plan(area: Path, scenario: Path | None, solver: str | None, time_limit: float | None,
         gap: float | None, threads: int | None, out: Path, lang: str | None) -> None:
    """Plan the joint investment agenda (DIA) of AREA and write it to OUT.

    Reads the partners' workbooks and dia.yaml, finds the koppelkansen, solves
    the MILP (all budgets per partner per year, windows, mandatory projects,
    dependencies, funds, couplings, caps) and compares the result with each
    partner planning on its own. Exit codes: 0 ok, 2 invalid input or an
    infeasible plan (the message says why), 3 no agenda within the time limit.

    \b
    Example:
      dia plan examples/twekkelerveld --out out/
      dia plan examples/twekkelerveld --scenario examples/twekkelerveld/scenarios/bezuiniging-20.yaml \\
          --solver cbc --time-limit 30 --out out/bezuiniging --lang en
    """
    from dia.api import plan as plan_api
    from dia.io.area import load_area
    from dia.model import SolverOptions

    loaded = load_area(area)
    language = lang or loaded.config.language
    if language != loaded.config.language:
        # the explanations follow the area's language: ask for them in the one chosen here
        # (a valid Literal value, so skipping revalidation is safe; inputs and hash unchanged)
        loaded = loaded.model_copy(update={"config": loaded.config.model_copy(update={"language": language})})
    text = _TEXT[language]
    cfg = loaded.config
    click.echo(str(text["loaded"]).format(name=cfg.name, n=len(loaded.projects), p=len(loaded.partners),
                                          y=cfg.horizon.start, z=cfg.horizon.end))
    changes = {k: v for k, v in (("solver", solver), ("time_limit", time_limit), ("gap", gap),
                                 ("threads", threads)) if v is not None}
    options = SolverOptions.model_validate(cfg.solver.model_dump() | changes)
    agenda = plan_api(loaded, scenario=scenario, options=options, progress=progress_printer())
    if sys.stderr.isatty():
        click.echo("", err=True)

    run = agenda.run
    status = text["status"]
    assert isinstance(status, dict)
    gap_text = f"{100 * run.gap:.3f} %" if run.gap is not None else "?"
    click.echo(status.get(run.status, run.status).format(gap=gap_text))
    click.echo(str(text["solver"]).format(solver=run.solver, version=run.solver_version,
                                          build=run.build_seconds, solve=run.solve_seconds))
    o = agenda.objective
    click.echo(str(text["objective"]).format(
        total=euro_text(o.total, language), value=euro_text(o.value, language),
        saving=euro_text(o.saving, language), delay=euro_text(o.delay_penalty, language)))
    click.echo("")
    click.echo(str(text["compare"]))
    header = (str(text["metric"]), str(text["baseline"]), str(text["optimised"]), str(text["difference"]))
    click.echo(_table(header, comparison_rows(agenda, language)))
    if agenda.findings:
        click.echo("")
        click.echo(str(text["findings"]).format(n=len(agenda.findings)))
        for f in agenda.findings[:FINDINGS_SHOWN]:
            click.echo(f"  - {f.message}")
        if len(agenda.findings) > FINDINGS_SHOWN:
            click.echo("  " + str(text["more"]).format(n=len(agenda.findings) - FINDINGS_SHOWN))

    from dia.report import export

    written = export(agenda, out, lang=language, area=loaded)
    click.echo("")
    click.echo(str(text["written"]).format(out=out))
    for path in written:
        click.echo(f"  {path.name}")
