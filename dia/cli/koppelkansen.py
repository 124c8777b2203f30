"""``dia koppelkansen AREA [--out DIR]``: the ranked koppelkansen of an area, and their files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from dia.coupling import Cluster, CouplingGraph, Group
from dia.model import Area, Coupling
from dia.report._text import euro_text

#: Groups listed under a cluster before the rest are counted.
GROUPS_SHOWN = 5

_TEXT = {
    "nl": {
        "head": "Koppelkansen {name}: {n} koppelkansen tussen {p} projecten in {c} clusters; "
        "potentiële besparing {s} (begrensd per project)",
        "none": "Geen koppelkansen gevonden in {name}.",
        "rank": "#",
        "what": "koppelkans",
        "buurt": "buurt",
        "street": "straat",
        "years": "jaren",
        "saving": "besparing",
        "cluster": "{p} projecten, {q} partners",
        "more": "… en nog {n} groepen",
        "no_group": "(niet in één jaar samen te starten)",
        "note": "Groepen: projecten die allemaal met elkaar koppelen en in hetzelfde jaar kunnen starten.",
        "written": "Geschreven:",
    },
    "en": {
        "head": "Couplings in {name}: {n} couplings among {p} projects in {c} clusters; "
        "potential saving {s} (capped per project)",
        "none": "No couplings found in {name}.",
        "rank": "#",
        "what": "coupling",
        "buurt": "buurt",
        "street": "street",
        "years": "years",
        "saving": "saving",
        "cluster": "{p} projects, {q} partners",
        "more": "… and {n} more groups",
        "no_group": "(cannot start in one year together)",
        "note": "Groups: projects that all couple with each other and can start in the same year.",
        "written": "Written:",
    },
}


def years_text(years: Sequence[int]) -> str:
    """``2027–2029`` for a run of years, ``2027, 2029`` otherwise, empty for none."""
    if not years:
        return ""
    ys = sorted(set(years))
    if ys[-1] - ys[0] + 1 == len(ys):
        return str(ys[0]) if len(ys) == 1 else f"{ys[0]}–{ys[-1]}"
    return ", ".join(map(str, ys))


def _few(names: Sequence[str], n: int = 2) -> str:
    return ", ".join(names[:n]) + (f" +{len(names) - n}" if len(names) > n else "")


def _where(c: Coupling) -> str:
    """The shared street, else the distance between the geometries (``14 m``), else nothing."""
    if c.street:
        return c.street
    if c.overlap == "distance" and c.distance_m is not None:
        return f"{c.distance_m:.0f} m"
    return ""


def _buurten(area: Area, codes: Sequence[str]) -> str:
    by_code = area.buurt_by_code
    return _few([by_code[c].name if c in by_code else c for c in codes])


def _group_row(cg: CouplingGraph, group: Group) -> tuple[str, str, str, str]:
    """Projects, buurten, shared streets (or distance) and start years of a group."""
    members = set(group.projects)
    inside = [c for p in group.projects for c in cg.couplings_of(p)
              if c.project_a in members and c.project_b in members]
    streets = sorted({_where(c) for c in inside if _where(c)})
    buurten = sorted({cg.area.project_by_id[p].buurt for p in group.projects})
    return (" + ".join(group.projects), _buurten(cg.area, buurten), _few(streets), years_text(group.years))


def ranked_rows(cg: CouplingGraph, lang: str) -> list[tuple[str, ...]]:
    """The table rows: each cluster (a pair, or a summary with its best groups), by saving."""
    text = _TEXT[lang]
    rows: list[tuple[str, ...]] = []
    for cluster in cg.clusters:
        rows.extend(_cluster_rows(cg, cluster, lang, text))
    return rows


def _cluster_rows(
    cg: CouplingGraph, cluster: Cluster, lang: str, text: dict[str, str]
) -> list[tuple[str, ...]]:
    area = cg.area
    if len(cluster.projects) == 2:
        (c,) = cluster.couplings
        return [(cluster.id, " + ".join(cluster.projects), _buurten(area, cluster.buurten),
                 _where(c), years_text(cluster.years or c.common_years),
                 euro_text(cluster.potential_saving, lang))]
    head = text["cluster"].format(p=len(cluster.projects), q=len(cluster.partners))
    all_years = [y for g in cluster.groups for y in g.years]
    rows: list[tuple[str, ...]] = [(
        cluster.id, head, _buurten(area, cluster.buurten), _few(list(cluster.streets)),
        years_text(all_years), euro_text(cluster.potential_saving, lang),
    )]
    for group in cluster.groups[:GROUPS_SHOWN]:
        what, buurt, street, years = _group_row(cg, group)
        rows.append(("", "  " + what, buurt, street, years, euro_text(group.potential_saving, lang)))
    if len(cluster.groups) > GROUPS_SHOWN:
        rows.append(("", "  " + text["more"].format(n=len(cluster.groups) - GROUPS_SHOWN), "", "", "", ""))
    if not cluster.groups:
        rows.append(("", "  " + text["no_group"], "", "", "", ""))
    return rows


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Aligned columns; the last column (euro) right-aligned."""
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [c.ljust(w) for c, w in zip(cells[:-1], widths[:-1], strict=True)]
        return "  ".join([*parts, cells[-1].rjust(widths[-1])]).rstrip()

    return "\n".join([line(header), *(line(r) for r in rows)])


@click.command("koppelkansen")
@click.argument("area", type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder for couplings.csv, koppelkansen.graphml, koppelkansen.png and "
                   "(with WKT locations) koppelkansen.geojson.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the table and the picture (default: the area's language).")
def koppelkansen(area: Path, out: Path | None, lang: str | None) -> None:
    """Find the koppelkansen of an area: projects that can be done as one job.

    Two projects couple when a rule of dia.yaml names their two types, they
    meet in space (same street, within a distance, or same buurt, as the rule
    says) and they can start within the rule's max_gap years. Prints the
    clusters of coupled projects ranked by potential saving (capped so no
    project saves more than it costs) and, under each, the groups that can
    start in the same year. Exit codes: 0 ok, 2 invalid input, 1 bug.

    \b
    Example:
      dia koppelkansen examples/twekkelerveld
      dia koppelkansen examples/twekkelerveld --out out/ --lang en
    """
    from dia.coupling import find_couplings
    from dia.io.area import load_area

    loaded = load_area(area)  # InputError -> the group prints the problem table and exits 2
    language = lang or loaded.config.language
    text = _TEXT[language]
    cg = find_couplings(loaded)
    name = loaded.config.name
    if not cg.couplings:
        click.echo(text["none"].format(name=name))
    else:
        click.echo(text["head"].format(name=name, n=len(cg.couplings), p=cg.graph.number_of_nodes(),
                                       c=len(cg.clusters), s=euro_text(cg.total_saving, language)))
        click.echo("")
        header = (text["rank"], text["what"], text["buurt"], text["street"], text["years"], text["saving"])
        click.echo(format_table(header, ranked_rows(cg, language)))
        click.echo("")
        click.echo(text["note"])
    if out is not None:
        from dia.report.koppelkansen import write_koppelkansen

        written = write_koppelkansen(cg, out, lang=language)
        click.echo(text["written"])
        for path in written:
            click.echo(f"  {path}")
