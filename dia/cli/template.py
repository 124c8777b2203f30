"""``dia template OUT.xlsx --area DIR``: write an empty partner workbook for an area."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("template")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--area",
    "area",
    required=True,
    type=click.Path(path_type=Path),
    help="Area folder whose dia.yaml sets horizon, buurten and types.",
)
@click.option("--partner", default=None, help="Partner name: pre-fills the Budget sheet for every year.")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    help="Language of sheets, headers and explanation (default: the area's language).",
)
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
def template(out: Path, area: Path, partner: str | None, lang: str | None, force: bool) -> None:
    """Write an empty partner workbook OUT (.xlsx) for the area in --area.

    The workbook has the sheets and headers dia reads, an explanation sheet
    (Uitleg) for every column, dropdowns for Type, Buurtcode, Partner and
    ja/nee, and year checks within the horizon. Fill it in, put it in the area
    folder and run `dia validate`. An existing OUT is kept unless --force.
    Exit codes: 0 written, 2 invalid dia.yaml or OUT exists, 1 bug.

    \b
    Example:
      dia template Vitens.xlsx --area examples/twekkelerveld --partner Vitens
      dia template Vitens-en.xlsx --area examples/twekkelerveld --lang en
    """
    from dia.io.config import load_config
    from dia.io.template import write_template

    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter("the template must be an .xlsx file", param_hint="OUT")
    if out.exists() and not force:
        raise click.UsageError(f"{out} exists; choose another name or pass --force to replace it")
    config = load_config(area)  # InputError -> exit 2 with the located problems
    language = lang or config.language
    write_template(out, config, partner, "en" if language == "en" else "nl")
    click.echo(f"{out}")
