"""``dia compare AREA S1 S2 … [--out DIR] [--processes N]``: scenarios side by side.

Exit codes: 2 when a scenario file is invalid (before any solve, nothing
written) or when the reference scenario cannot be planned (nothing to
compare with; 3 when the solver found no agenda for it within its limits).
Another scenario that cannot be planned does not stop the comparison: it
gets its own column (its status), a warning and the solver's explanation
below the table and in every output; the exit code stays 0 unless
``--strict`` is given, which then exits 2 (or 3) after writing the output.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

_TEXT = {
    "nl": {
        "head": "Scenariovergelijking {name}: {n} scenario's, referentie {ref} "
                "(* = wijkt af van de referentie)",
        "moved": "Verschillen per project ten opzichte van {ref}:",
        "other_base": "let op: scenario {name} is geschreven voor {base}; het wordt toegepast op {area}",
        "written": "Geschreven:",
        "failed": "Niet te plannen (waarom):",
    },
    "en": {
        "head": "Scenario comparison {name}: {n} scenarios, reference {ref} "
                "(* = differs from the reference)",
        "moved": "Differences per project relative to {ref}:",
        "other_base": "note: scenario {name} was written for {base}; it is applied to {area}",
        "written": "Written:",
        "failed": "Cannot be planned (why):",
    },
}


def progress_printer(quiet: bool = False) -> Callable[[str, float | None], None]:
    """A progress callback that writes one line per step to stderr (silent when ``quiet``)."""

    def show(message: str, fraction: float | None) -> None:
        if quiet:
            return
        share = f"[{100 * fraction:3.0f}%] " if fraction is not None else ""
        click.echo(f"{share}{message}", err=True)

    return show


@click.command("compare")
@click.argument("area", type=click.Path(path_type=Path))
@click.argument("scenarios", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Write compare.xlsx, compare.csv, compare_projects.csv, compare_changes.csv, "
                   "compare_failures.csv, compare.html and charts here.")
@click.option("--processes", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core, at most one per scenario; 1 = no pool).")
@click.option("--reference", default=None, help="Scenario the others are compared with (default: basis).")
@click.option("--detail", is_flag=True, help="Show the rows per partner and buurt in the terminal table too.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the table, workbook and charts (default: the area's language).")
@click.option("--quiet", is_flag=True, help="No progress messages.")
@click.option("--strict", is_flag=True,
              help="Exit 2 (3 for 'no solution') when any scenario cannot be planned, after writing "
                   "the comparison of the others.")
def compare(area: Path, scenarios: tuple[Path, ...], out: Path | None, processes: int | None,
            reference: str | None, detail: bool, lang: str | None, quiet: bool, strict: bool) -> None:
    """Plan each scenario of AREA and set them side by side.

    A scenario that cannot be planned (infeasible, or no solution within the
    solver limits) gets a column with its status and the solver's explanation;
    the others are compared as usual (exit 0, with a warning; see --strict).
    Exit 2 when a scenario file is invalid (before any solve) or when the
    reference scenario cannot be planned.

    \b
    Example:
      dia compare examples/twekkelerveld scenarios/*.yaml --out out/compare
    """
    from dia.io.area import load_area
    from dia.report.scenarios import (
        changes_text,
        failures_text,
        label,
        status_label,
        summary_text,
        write_comparison,
    )
    from dia.scenarios.compare import compare as run_compare
    from dia.scenarios.load import load_scenario

    loaded = load_area(area)
    language = lang or loaded.config.language
    text = _TEXT[language]
    parsed = [load_scenario(s) for s in scenarios]  # every file is checked before any solve
    for s in parsed:
        if s.base is not None and Path(s.base).resolve() != area.resolve():
            click.secho(text["other_base"].format(name=s.name, base=s.base, area=area), fg="yellow", err=True)
    table = run_compare(loaded, parsed, processes=processes, reference=reference,
                        progress=progress_printer(quiet))
    failed = sorted(table.failed.items())
    click.echo(text["head"].format(name=loaded.config.name, n=len(table.names), ref=table.reference))
    click.echo("")
    click.echo(summary_text(table, lang=language, detail=detail, area=loaded))
    if len(table.names) > 1:
        click.echo("")
        click.echo(text["moved"].format(ref=table.reference))
        click.echo(changes_text(table, lang=language))
    if failed:
        click.echo("")
        click.echo(text["failed"])
        click.echo(failures_text(table, lang=language))
    if out is not None:
        written = write_comparison(table, out, lang=language, area=loaded)
        click.echo("")
        click.echo(text["written"])
        for path in written:
            click.echo(f"  {path}")
    if failed:  # last, so that it is the line a user sees when the run ends
        names = ", ".join(f"{n} ({status_label(f.status, language)})" for n, f in failed)
        click.secho(label("failed.warning", language).format(names=names), fg="yellow", err=True)
    if failed and strict:  # the first failed scenario by name; the group reports it and exits 2 (or 3)
        raise failed[0][1].error()
