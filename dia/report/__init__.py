"""The agenda as people read it: CSV, JSON, Excel, Gantt, cash-flow charts and HTML.

:func:`export` is the one entry point (``dia plan`` and ``dia export`` call
it). It writes every requested file into a staging folder and publishes them
together, so an output folder never holds half an export. matplotlib and
openpyxl are imported only when a format needs them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dia.model import Agenda, Area

#: Called with (message, fraction done in 0..1 or None) while exporting.
Progress = Callable[[str, float | None], None]

#: Every format :func:`export` knows, in the order they are written.
FORMATS: tuple[str, ...] = ("csv", "json", "xlsx", "png", "svg", "pdf", "html")

__all__ = ["FORMATS", "export"]


def export(
    agenda: Agenda,
    out: str | os.PathLike[str],
    *,
    lang: str = "nl",
    area: Area | None = None,
    formats: Collection[str] | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the agenda's outputs into the folder ``out`` (all or nothing).

    Parameters
    ----------
    agenda:
        The planned agenda (:func:`dia.plan`) or one read back with
        :func:`dia.io.agenda_io.read_agenda`.
    out:
        Output folder; created when missing. Files already there with the
        same names are replaced, others are left alone.
    lang:
        ``"nl"`` (default) or ``"en"`` for sheet names, headers, chart
        labels and the report text. The CSV and JSON files do not change.
    area:
        The area the agenda was planned for; when given, the workbook and the
        report add buurt names, streets and the partners' own colours.
    formats:
        Any of ``csv`` (agenda.csv, cashflow.csv, couplings.csv), ``json``
        (run.json, agenda.json), ``xlsx`` (agenda.xlsx), ``png`` (gantt.png,
        cash-flow charts), ``svg`` (gantt.svg), ``pdf`` (gantt.pdf, every
        page) and ``html`` (report.html). Default: all of them.
    progress:
        Optional callback for progress messages.

    Returns
    -------
    list of pathlib.Path
        The files written, sorted by name.

    Raises
    ------
    dia.errors.InputError
        For an unknown format or language.

    Examples
    --------
    >>> from dia import load_area, plan, export
    >>> area = load_area("examples/twekkelerveld")  # doctest: +SKIP
    >>> export(plan(area), "out/", area=area)  # doctest: +SKIP
    """
    from dia.report._export import export_files

    return export_files(agenda, out, lang=lang, area=area, formats=formats, progress=progress)
