"""The machinery behind :func:`dia.report.export`: one writer per format, staged."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dia.errors import InputError, Problem, Reason
from dia.messages import msg
from dia.report._text import Lang, check_lang

if TYPE_CHECKING:
    from dia.model import Agenda, Area
    from dia.report import Progress

log = logging.getLogger(__name__)


@dataclass
class ExportContext:
    """What every writer needs, plus renderings shared between formats (computed once)."""

    agenda: Agenda
    lang: Lang
    area: Area | None
    stage: Path
    chosen: tuple[str, ...] = ()
    cache: dict[str, Any] = field(default_factory=dict)
    draw_seconds: dict[str, float] = field(default_factory=dict)
    """Seconds spent drawing shared figures (``gantt``, ``charts``), apart from writing files."""

    @cached_property
    def colours(self) -> dict[str, str]:
        from dia.report.colours import partner_colours

        return partner_colours(self.agenda, self.area)


    def gantt(self) -> dict[str, bytes]:
        """Gantt files for every chosen image format (PNG also when the HTML report needs it)."""
        if "gantt" not in self.cache:
            from dia.report.gantt import render_gantt

            wanted = tuple(f for f in ("png", "svg", "pdf") if f in self.chosen or (f == "png" and
                                                                                   "html" in self.chosen))
            t0 = time.perf_counter()
            self.cache["gantt"] = render_gantt(self.agenda, area=self.area, lang=self.lang,
                                               colours=self.colours, formats=wanted)
            self.draw_seconds["gantt"] = time.perf_counter() - t0
        files: dict[str, bytes] = self.cache["gantt"]
        return files

    def charts(self) -> dict[str, bytes]:
        """Cash-flow chart files (PNG also when the HTML report needs it)."""
        if "charts" not in self.cache:
            from dia.report.charts import render_charts

            wanted = ("png",) if "png" in self.chosen or "html" in self.chosen else ()
            t0 = time.perf_counter()
            self.cache["charts"] = render_charts(self.agenda, area=self.area, lang=self.lang,
                                                 colours=self.colours, formats=wanted)
            self.draw_seconds["charts"] = time.perf_counter() - t0
        files: dict[str, bytes] = self.cache["charts"]
        return files

    def put(self, name: str, data: bytes) -> str:
        """Write ``data`` as ``name`` in the staging folder; return the name."""
        from dia.io.atomic import atomic_open

        with atomic_open(self.stage / name, "wb") as handle:
            handle.write(data)
        return name


Writer = Callable[[ExportContext], list[str]]


def _write_csv(ctx: ExportContext) -> list[str]:
    from dia.report import tables

    tables.write_csv(ctx.stage / "agenda.csv", tables.AGENDA_COLUMNS, tables.agenda_rows(ctx.agenda))
    tables.write_csv(ctx.stage / "cashflow.csv", tables.CASHFLOW_COLUMNS, tables.cashflow_rows(ctx.agenda))
    tables.write_csv(ctx.stage / "couplings.csv", tables.COUPLINGS_COLUMNS,
                     tables.couplings_rows(ctx.agenda.couplings))
    return ["agenda.csv", "cashflow.csv", "couplings.csv"]


def _write_agenda_json(ctx: ExportContext) -> list[str]:
    from dia.io.agenda_io import agenda_to_json
    from dia.io.atomic import atomic_open

    with atomic_open(ctx.stage / "agenda.json", "wb") as handle:
        handle.write(agenda_to_json(ctx.agenda).encode("utf-8"))
    return ["agenda.json"]


def _write_xlsx(ctx: ExportContext) -> list[str]:
    from dia.report.excel import write_workbook

    write_workbook(ctx.agenda, ctx.stage / "agenda.xlsx", lang=ctx.lang, area=ctx.area, colours=ctx.colours)
    return ["agenda.xlsx"]


def _images(suffix: str) -> Writer:
    def write(ctx: ExportContext) -> list[str]:
        files = {**ctx.gantt(), **(ctx.charts() if suffix == ".png" else {})}
        return [ctx.put(name, data) for name, data in files.items() if name.endswith(suffix)]

    return write


def _write_html(ctx: ExportContext) -> list[str]:
    from dia.report.html import build_html

    gantt = ctx.gantt()
    pages = [gantt["gantt.png"]]
    pages += [gantt[f"gantt-{n}.png"] for n in range(2, len(gantt) + 2) if f"gantt-{n}.png" in gantt]
    document = build_html(ctx.agenda, lang=ctx.lang, area=ctx.area, colours=ctx.colours, gantt_png=pages,
                          charts_png=ctx.charts())
    return [ctx.put("report.html", document.encode("utf-8"))]


def _writers() -> dict[str, Writer]:
    return {
        "csv": _write_csv,
        "json": _write_agenda_json,
        "xlsx": _write_xlsx,
        "png": _images(".png"),
        "svg": _images(".svg"),
        "pdf": _images(".pdf"),
        "html": _write_html,
    }


def _check_formats(formats: Collection[str] | None) -> list[str]:
    from dia.report import FORMATS

    if formats is None:
        return list(FORMATS)
    if isinstance(formats, str):  # export(..., formats="html") means one format, not four letters
        formats = formats.split(",")
    wanted = {f.strip().lower() for f in formats}
    if "all" in wanted:
        return list(FORMATS)
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise InputError([Problem.of(Reason.INVALID_VALUE,
                                     msg("report.unknown_format.one" if len(unknown) == 1
                                         else "report.unknown_format.many",
                                         unknown=", ".join(unknown), formats=", ".join(FORMATS)))])
    return [f for f in FORMATS if f in wanted]


def _remove_stale_pages(out: Path, chosen: Collection[str], written: Collection[str]) -> None:
    """Delete Gantt pages of an earlier, longer export (``gantt-3.png`` when there are now 2 pages)."""
    import re

    for fmt in ("png", "svg"):
        if fmt not in chosen:
            continue
        pattern = re.compile(rf"gantt-\d+\.{fmt}")
        for path in sorted(out.glob(f"gantt-*.{fmt}")):
            if pattern.fullmatch(path.name) and path.name not in written:
                path.unlink()


def export_files(
    agenda: Agenda,
    out: str | os.PathLike[str],
    *,
    lang: str = "nl",
    area: Area | None = None,
    formats: Collection[str] | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Implementation of :func:`dia.report.export` (see there)."""
    from dia.io.atomic import atomic_open, staged_dir
    from dia.report.runinfo import run_json, run_record

    chosen = _check_formats(formats)
    language = check_lang(lang)
    writers = _writers()
    written: list[str] = []
    timings: dict[str, float] = {}
    with staged_dir(out) as stage:
        ctx = ExportContext(agenda=agenda, lang=language, area=area, stage=stage, chosen=tuple(chosen))
        for i, fmt in enumerate(chosen):
            if progress is not None:
                progress(f"writing {fmt}", i / len(chosen))
            t0, drawn = time.perf_counter(), sum(ctx.draw_seconds.values())
            written.extend(writers[fmt](ctx))
            # Drawing shared by several formats is booked apart (draw_gantt, draw_charts).
            timings[fmt] = time.perf_counter() - t0 - (sum(ctx.draw_seconds.values()) - drawn)
            log.debug("export %s: %.3f s", fmt, timings[fmt])
        timings.update({f"draw_{name}": seconds for name, seconds in ctx.draw_seconds.items()})
        if "json" in chosen:
            record = run_record(agenda, [*written, "run.json"], lang=language, export_seconds=timings)
            with atomic_open(stage / "run.json", "wb") as handle:
                handle.write(run_json(record).encode("utf-8"))
            written.append("run.json")
    out_dir = Path(out)
    _remove_stale_pages(out_dir, chosen, written)
    if progress is not None:
        progress("export done", 1.0)
    return sorted(out_dir / name for name in written)
