"""``dia export AGENDA --format pdf|png|html|all``: re-render a saved agenda's outputs."""

from __future__ import annotations

from pathlib import Path

import click

#: Formats offered on the command line (``all`` = every one of :data:`dia.report.FORMATS`).
CHOICES = ("all", "csv", "json", "xlsx", "png", "svg", "pdf", "html")

_TEXT = {
    "nl": {"written": "{n} bestand(en) geschreven in {out}:"},
    "en": {"written": "{n} file(s) written to {out}:"},
}


def default_out(agenda_path: Path) -> Path:
    """The folder of a saved agenda (the agenda itself when it is a folder)."""
    return agenda_path if agenda_path.is_dir() else agenda_path.parent


@click.command("export")
@click.argument("agenda_path", metavar="AGENDA", type=click.Path(path_type=Path))
@click.option("--format", "formats", multiple=True, type=click.Choice(CHOICES, case_sensitive=False),
              default=("all",), show_default=True,
              help="Output format; repeat for several (csv, json, xlsx, png, svg, pdf, html or all).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Output folder (default: the folder of AGENDA).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of sheets, charts and report.")
@click.option("--area", "area_path", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The area folder the agenda was planned for: adds buurt names, streets and the "
                   "partners' colours.")
def export(agenda_path: Path, formats: tuple[str, ...], out: Path | None, lang: str,
           area_path: Path | None) -> None:
    """Re-render a saved agenda (agenda.xlsx, agenda.json or their folder) without solving again.

    \b
    Examples:
      dia export out/agenda.xlsx --format pdf
      dia export out/ --format html --lang en --out out/en/
    """
    from dia.io.agenda_io import read_agenda
    from dia.report import export as export_agenda

    agenda = read_agenda(agenda_path)
    area = None
    if area_path is not None:
        from dia.io.area import load_area

        area = load_area(area_path)
    target = out if out is not None else default_out(agenda_path)
    written = export_agenda(agenda, target, lang=lang, area=area, formats=[f.lower() for f in formats])
    click.echo(_TEXT[lang]["written"].format(n=len(written), out=target))
    for path in written:
        click.echo(f"  {path}")
