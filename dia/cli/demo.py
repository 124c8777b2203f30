"""``dia demo``: plan the bundled Twekkelerveld example, no paths needed."""

from __future__ import annotations

from pathlib import Path

import click

from dia.examples import example_path


@click.command("demo")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("dia-demo"),
    show_default=True,
    help="Folder for the agenda, charts and report.",
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.pass_context
def demo(ctx: click.Context, out: Path, lang: str) -> None:
    """Run the whole DIA on the bundled example area (Twekkelerveld, Enschede).

    Validates the partners' workbooks, finds the koppelkansen, plans the joint
    agenda and writes it to OUT, exactly as ``dia plan`` would.

    \b
    Example:
      dia demo --out dia-demo
    """
    from dia.cli.plan import plan as plan_command

    area = example_path()
    click.echo(f"Voorbeeldgebied / example area: {area}", err=True)
    ctx.invoke(plan_command, area=area, out=out, lang=lang)
