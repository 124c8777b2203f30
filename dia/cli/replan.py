"""``dia replan AREA --previous agenda.xlsx --freeze-until YEAR --out DIR``: re-plan, keeping started work."""

from __future__ import annotations

from pathlib import Path

import click

_TEXT = {
    "nl": {
        "head": "Herplanning {name} vanaf {year}: {n} project(en) behouden hun start, {c} kan/kunnen niet "
                "meer starten.",
        "status": "Status: {status}; waarde € {value:,.0f}, besparing € {saving:,.0f}",
        "unknown": "Let op: niet meer in het gebied (genegeerd): {ids}",
        "missing": "Let op: nieuw ten opzichte van de vorige agenda: {ids}",
        "changes": "Verschillen met de vorige agenda ({n}):",
        "none": "  (geen verschuivingen)",
        "written": "Geschreven:",
    },
    "en": {
        "head": "Re-plan of {name} from {year}: {n} project(s) keep their start, {c} can no longer start.",
        "status": "Status: {status}; value € {value:,.0f}, saving € {saving:,.0f}",
        "unknown": "Note: no longer in the area (ignored): {ids}",
        "missing": "Note: new since the previous agenda: {ids}",
        "changes": "Differences with the previous agenda ({n}):",
        "none": "  (nothing moved)",
        "written": "Written:",
    },
}


@click.command("replan")
@click.argument("area", type=click.Path(path_type=Path))
@click.option("--previous", required=True, type=click.Path(path_type=Path),
              help="The previous agenda: agenda.xlsx, agenda.json or its output folder.")
@click.option("--freeze-until", "freeze_until", required=True, type=int,
              help="Projects that started before this year keep their start; the rest start in it or later.")
@click.option("--out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the new agenda's files and changes.csv.")
@click.option("--accept-mismatch", is_flag=True,
              help="Re-plan even when the previous agenda lists other projects than the area.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the output (default: the area's language).")
@click.option("--quiet", is_flag=True, help="No progress messages.")
def replan(area: Path, previous: Path, freeze_until: int, out: Path, accept_mismatch: bool,
           lang: str | None, quiet: bool) -> None:
    """Re-plan AREA, keeping the starts of projects begun before --freeze-until.

    \b
    Example:
      dia replan examples/twekkelerveld --previous out/agenda.xlsx --freeze-until 2028 --out out/2028
    """
    from dia.cli.compare import progress_printer
    from dia.io.agenda_io import read_agenda
    from dia.io.area import load_area
    from dia.report import export
    from dia.report.scenarios import changes_files, write_files
    from dia.scenarios.replan import replan as run_replan

    loaded = load_area(area)
    language = lang or loaded.config.language
    text = _TEXT[language]
    before = read_agenda(previous)
    result = run_replan(loaded, before, freeze_until, accept_mismatch=accept_mismatch,
                        progress=progress_printer(quiet), source=str(previous))
    if result.unknown:
        click.secho(text["unknown"].format(ids=", ".join(result.unknown)), fg="yellow", err=True)
    if result.missing:
        click.secho(text["missing"].format(ids=", ".join(result.missing)), fg="yellow", err=True)
    click.echo(text["head"].format(name=loaded.config.name, year=freeze_until, n=len(result.frozen),
                                   c=len(result.closed)))
    obj = result.agenda.objective
    click.echo(text["status"].format(status=result.agenda.run.status, value=obj.value, saving=obj.saving))
    click.echo("")
    click.echo(text["changes"].format(n=len(result.changes)))
    for change in result.changes:
        click.echo(f"  {change.describe('en' if language == 'en' else 'nl')}")
    if not result.changes:
        click.echo(text["none"])
    written = export(result.agenda, out, lang=language, area=loaded)
    written += write_files(changes_files(result.changes, lang=language), out)
    click.echo("")
    click.echo(text["written"])
    for path in sorted(written):
        click.echo(f"  {path}")
