"""``dia diff OLD NEW``: what moved between two exported agendas."""

from __future__ import annotations

from pathlib import Path

import click

_TEXT = {
    "nl": {"head": "{n} verschil(len) tussen {old} en {new}", "none": "Geen verschillen.",
           "kinds": {"moved": "verschoven", "dropped": "vervallen", "scheduled": "alsnog gepland",
                     "added": "nieuw", "removed": "uit de agenda"},
           "written": "Geschreven:"},
    "en": {"head": "{n} difference(s) between {old} and {new}", "none": "No differences.",
           "kinds": {"moved": "moved", "dropped": "dropped", "scheduled": "now scheduled", "added": "added",
                     "removed": "removed"},
           "written": "Written:"},
}


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Also write the differences to DIR/changes.csv.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", help="Language of the lines.")
def diff(old: Path, new: Path, out: Path | None, lang: str) -> None:
    """Compare two exported agendas (agenda.xlsx, agenda.json or their folders).

    \b
    Example:
      dia diff out/2026/agenda.xlsx out/2028/agenda.xlsx
    """
    from dia.io.agenda_io import read_agenda
    from dia.report.scenarios import changes_files, write_files
    from dia.scenarios.diff import count_changes, diff_agendas

    text = _TEXT[lang]
    changes = diff_agendas(read_agenda(old), read_agenda(new))
    if not changes:
        click.echo(text["none"])
    else:
        counts = count_changes(changes)
        kinds = text["kinds"]
        assert isinstance(kinds, dict)
        summary = ", ".join(f"{n} {kinds[k]}" for k, n in counts.items() if n)
        click.echo(str(text["head"]).format(n=len(changes), old=old, new=new) + f" ({summary})")
        for change in changes:
            click.echo(f"  {change.describe('en' if lang == 'en' else 'nl')}")
    if out is not None:
        written = write_files(changes_files(changes, lang=lang), out)
        click.echo(str(text["written"]))
        for path in written:
            click.echo(f"  {path}")
