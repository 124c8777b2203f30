"""``dia gantt AGENDA [--group-by buurt|partner|type] [--out FILE]``: the Gantt chart of a saved agenda."""

from __future__ import annotations

from pathlib import Path

import click

_TEXT = {
    "nl": {"written": "Gantt-grafiek geschreven ({n} bestand(en)):"},
    "en": {"written": "Gantt chart written ({n} file(s)):"},
}


@click.command("gantt")
@click.argument("agenda_path", metavar="AGENDA", type=click.Path(path_type=Path))
@click.option("--group-by", type=click.Choice(["buurt", "partner", "type"]), default="buurt",
              show_default=True, help="Group the bars by buurt (then partner), by partner or by type.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="File to write: .png (300 dpi), .svg or .pdf "
                   "(default: gantt-<group-by>.png beside AGENDA).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the labels.")
@click.option("--dpi", type=click.IntRange(50, 600), default=300, show_default=True,
              help="Resolution of a PNG.")
@click.option("--area", "area_path", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The area folder: buurt and type names instead of codes, the partners' colours.")
def gantt(agenda_path: Path, group_by: str, out: Path | None, lang: str, dpi: int,
          area_path: Path | None) -> None:
    """Draw the Gantt chart of a saved agenda (agenda.xlsx, agenda.json or their folder).

    Charts with many projects are split into pages: page 1 goes to FILE,
    page n to FILE-n (a PDF holds every page).

    \b
    Examples:
      dia gantt out/agenda.xlsx --group-by partner
      dia gantt out/ --out out/planning.pdf --lang en
      dia gantt out/ --out slide.png --dpi 120 --area examples/twekkelerveld
    """
    from dia.cli.export import default_out
    from dia.io.agenda_io import read_agenda
    from dia.report.gantt import write_gantt

    agenda = read_agenda(agenda_path)
    area = None
    if area_path is not None:
        from dia.io.area import load_area

        area = load_area(area_path)
    target = out if out is not None else default_out(agenda_path) / f"gantt-{group_by}.png"
    written = write_gantt(agenda, target, group_by=group_by, area=area, lang=lang, dpi=dpi)
    click.echo(_TEXT[lang]["written"].format(n=len(written)))
    for path in written:
        click.echo(f"  {path}")
