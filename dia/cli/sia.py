"""``dia sia INDICATORS --config sia.yaml``: rank buurten by urgency and potential, weight the DIA."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import click

from dia.errors import InputError, Location, Problem, Reason
from dia.messages import msg

_TEXT: dict[str, dict[str, Any]] = {
    "nl": {
        "head": "{name}: {n} buurten in de index, {x} uitgesloten ({source})",
        "cols": ("Rang", "Buurtcode", "Buurt", "Urgentie", "Potentie", "Klasse", "Rang P5–P95", "Gewicht"),
        "more": "… en nog {n} buurten (zie sia.csv / sia.xlsx, of --top 0)",
        "warnings": "{n} melding(en), o.a. ontbrekende waarden en kleine buurten:",
        "wrote": "Geschreven: {files}",
        "weights": "Gewichten ({n} buurten) geschreven naar {path}",
        "excluded": "uitgesloten",
    },
    "en": {
        "head": "{name}: {n} buurten in the index, {x} excluded ({source})",
        "cols": ("Rank", "Buurt code", "Buurt", "Urgency", "Potential", "Class", "Rank P5–P95", "Weight"),
        "more": "… and {n} more buurten (see sia.csv / sia.xlsx, or --top 0)",
        "warnings": "{n} message(s), e.g. missing values and small buurten:",
        "wrote": "Wrote: {files}",
        "weights": "Weights ({n} buurten) written to {path}",
        "excluded": "excluded",
    },
}


def _codes(option: str | None) -> list[str]:
    return sorted({c.strip() for c in (option or "").split(",") if c.strip()})


def _today() -> str:
    """Today's date (UTC), or the reproducible-builds ``SOURCE_DATE_EPOCH`` when set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date().isoformat()
    return dt.datetime.now(tz=dt.UTC).date().isoformat()


@click.command("sia")
@click.argument("indicators", type=click.Path(path_type=Path), required=False)
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              help="sia.yaml: indicators, groups, themes, weights, policies.")
@click.option("--out", type=click.Path(path_type=Path), help="Write sia.csv, sia.xlsx and charts here.")
@click.option("--emit-weights", type=click.Path(path_type=Path),
              help="Write the buurt weights as a sia_weights YAML for a DIA area's dia.yaml.")
@click.option("--geometry", type=click.Path(path_type=Path), help="Buurt polygons (GeoJSON): draw a map.")
@click.option("--draws", type=click.IntRange(0, 100_000), default=None,
              help="Monte Carlo draws for rank stability (default from sia.yaml; 0 = skip).")
@click.option("--seed", type=click.IntRange(0), default=None,
              help="Seed of the draws (default from sia.yaml).")
@click.option("--buurten", "buurten_opt", metavar="CODE,...",
              help="Only these buurten in the weights file (the index is still city-wide).")
@click.option("--area", type=click.Path(path_type=Path),
              help="Only the buurten of this DIA area (AREA/dia.yaml) in the weights file.")
@click.option("--sheet", default=None, help="Workbook sheet with the indicators (default Indicatoren/first).")
@click.option("--example", is_flag=True,
              help="Use the bundled Enschede data (real buurten, FICTITIOUS indicators) "
              "for what is not given.")
@click.option("--top", type=click.IntRange(0), default=20, show_default=True,
              help="Rows of the ranking to print (0 = all).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def sia(indicators: Path | None, config_path: Path | None, out: Path | None, emit_weights: Path | None,
        geometry: Path | None, draws: int | None, seed: int | None, buurten_opt: str | None,
        area: Path | None, sheet: str | None, example: bool, top: int, lang: str) -> None:
    """Rank buurten by urgency and potential (SIA) and write buurt weights for the DIA.

    \b
    Examples:
      dia sia --example --out out/sia
      dia sia indicatoren.csv --config sia.yaml --out out/sia --geometry buurten.geojson
      dia sia indicatoren.csv --config sia.yaml --area examples/twekkelerveld \\
              --emit-weights examples/twekkelerveld/sia_weights.yaml
    """
    from dia.io import sia_io
    from dia.report.sia import write_sia_report, write_weights
    from dia.sia import buurt_weights, class_label, compute_index, weight_of

    t = _TEXT[lang]
    if example:
        indicators = indicators or sia_io.BUNDLED_INDICATORS
        config_path = config_path or sia_io.BUNDLED_CONFIG
        geometry = geometry or (sia_io.BUNDLED_GEOMETRY if out else None)
    if indicators is None or config_path is None:
        raise click.UsageError("give INDICATORS and --config sia.yaml (or --example for the bundled data)")

    config = sia_io.load_sia_config(config_path)
    table = sia_io.read_indicators(indicators, config, sheet=sheet)
    shapes = sia_io.read_geometry(geometry) if geometry is not None else None
    restrict: list[str] | None = None
    if buurten_opt is not None or area is not None:
        restrict = _codes(buurten_opt)
        if area is not None:
            restrict = sorted(set(restrict) | set(sia_io.read_area_buurt_codes(area)))
        if not restrict:
            raise InputError([Problem.of(Reason.EMPTY_REQUIRED, msg("sia.no_buurt_codes"),
                                         Location(key="--buurten"))])
    result = compute_index(table, config, draws=draws, seed=seed)
    option = "--area" if area is not None and buurten_opt is None else "--buurten"
    weights, weight_warnings = buurt_weights(result, config.weights, restrict, option=option)

    included = result.included
    click.echo(t["head"].format(name=result.name, n=len(included), x=len(result.buurten) - len(included),
                                source=result.source))
    shown = included if top == 0 else included[:top]
    rows = [t["cols"]]
    for b in shown:
        st = b.stability
        rows.append((str(b.urgency_rank), b.code, b.name, f"{b.urgency:.1f}", f"{b.potential:.1f}",
                     class_label(b.klass, lang) if b.klass else "",
                     "" if st is None else f"{st.rank_p05}–{st.rank_p95}",
                     f"{weight_of(b, config.weights) or 0.0:.{config.weights.decimals}f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(c.rjust(w) if i in (0, 3, 4, 7) else c.ljust(w)
                             for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip())
    if len(shown) < len(included):
        click.echo(t["more"].format(n=len(included) - len(shown)))
    for b in result.buurten:
        if not b.is_included:
            click.echo(f"  {b.code}  {b.name}: {t['excluded']} ({', '.join(b.excluded)})")

    warnings = list(result.warnings) + weight_warnings
    if warnings:
        from dia.cli._render import problem_table

        click.echo(t["warnings"].format(n=len(warnings)), err=True)
        click.echo(problem_table(warnings, limit=10, lang=lang), err=True)

    if out is not None:
        highlight = restrict or ()
        files = write_sia_report(result, config, out, lang=lang, geometry=shapes, highlight=highlight)
        click.echo(t["wrote"].format(files=", ".join(str(f) for f in files)))
    if emit_weights is not None:
        source = f"dia sia {Path(indicators).name} --config {Path(config_path).name}"
        if area is not None:
            source += f" --area {Path(area).resolve().name}"
        if buurten_opt is not None:
            source += f" --buurten {','.join(_codes(buurten_opt))}"
        write_weights(emit_weights, weights, source=source, config=result.name, generated=_today(),
                      note=f"indicators: {result.source}; weight = {config.weights.base:g} + "
                           f"{config.weights.scale:g} x {config.weights.score} / 100",
                      decimals=config.weights.decimals)
        click.echo(t["weights"].format(n=len(weights), path=emit_weights))
