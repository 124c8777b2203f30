"""``dia sweep AREA --sweep FILE --draws N --seed S [--scheduler ADDRESS] [--out DIR]``: uncertainty."""

from __future__ import annotations

from pathlib import Path

import click

_TEXT = {
    "nl": {"head": "Onzekerheidsanalyse {name} ({sweep}): {n} trekkingen, seed {seed}, {ok} met een agenda",
           "where": "Trekkingen opgelost op {where}.", "local": "deze machine", "written": "Geschreven:"},
    "en": {"head": "Uncertainty sweep {name} ({sweep}): {n} draws, seed {seed}, {ok} with an agenda",
           "where": "Draws solved on {where}.", "local": "this machine", "written": "Written:"},
}


@click.command("sweep")
@click.argument("area", type=click.Path(path_type=Path))
@click.option("--sweep", "sweep_file", required=True, type=click.Path(path_type=Path),
              help="Sweep file with the ranges (see docs/scenarios.md).")
@click.option("--draws", type=click.IntRange(min=1), default=100, show_default=True, help="Number of draws.")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True,
              help="Seed: the same seed gives the same draws and results, locally or on a cluster.")
@click.option("--scheduler", default=None,
              help="Address of a Dask scheduler (e.g. tcp://10.0.0.5:8786) to solve the draws on.")
@click.option("--processes", type=click.IntRange(min=1), default=None,
              help="Local worker processes (default: one per core).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Write sweep.xlsx, sweep_*.csv and the charts here.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the output (default: the area's language).")
@click.option("--quiet", is_flag=True, help="No progress messages.")
def sweep(area: Path, sweep_file: Path, draws: int, seed: int, scheduler: str | None, processes: int | None,
          out: Path | None, lang: str | None, quiet: bool) -> None:
    """Solve many random variations of AREA and show what is robust.

    \b
    Example:
      dia sweep examples/twekkelerveld --sweep scenarios/sweep/onzekerheid.yaml --draws 100 --seed 1
    """
    from dia.cli.compare import progress_printer
    from dia.io.area import load_area
    from dia.report.sweep import sweep_text, write_sweep
    from dia.scenarios.sweep import load_sweep
    from dia.scenarios.sweep import sweep as run_sweep

    loaded = load_area(area)
    language = lang or loaded.config.language
    text = _TEXT[language]
    spec = load_sweep(sweep_file)
    result = run_sweep(loaded, spec, draws=draws, seed=seed, processes=processes, scheduler=scheduler,
                       progress=progress_printer(quiet))
    click.echo(text["head"].format(name=loaded.config.name, sweep=spec.name, n=draws, seed=seed,
                                   ok=result.feasible))
    click.echo(text["where"].format(where=scheduler or text["local"]))
    click.echo("")
    click.echo(sweep_text(result, lang=language))
    if out is not None:
        written = write_sweep(result, out, lang=language)
        click.echo("")
        click.echo(text["written"])
        for path in written:
            click.echo(f"  {path}")
