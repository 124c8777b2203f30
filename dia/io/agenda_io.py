"""Read a saved agenda back: from ``agenda.xlsx``, ``agenda.json`` or an output folder.

:func:`dia.report.export` stores the complete :class:`~dia.model.Agenda` as
JSON twice: in ``agenda.json`` and in the hidden sheet ``_dia`` of
``agenda.xlsx``. Reading either gives back exactly the object that was
exported (the round trip is exact: floats are written with ``repr``
precision), so ``dia export``, ``dia gantt``, ``dia replan`` and ``dia diff``
work from a saved agenda without solving again. The visible sheets are for
people and are never parsed: editing them does not change what is read back.

The JSON envelope is ``{"format": "dia-agenda", "version": 1, "agenda": {...}}``.
Excel limits a cell to 32,767 characters, so in the workbook the JSON is cut
into chunks in column A of ``_dia`` (A1 holds the format marker, A2 the
version, A3 the number of chunks, A4... the chunks).
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from dia.errors import InputError, Location, Problem, Reason
from dia.messages import msg, pydantic_message
from dia.model import Agenda

#: Marker of a dia agenda in ``agenda.json`` and in the ``_dia`` sheet.
FORMAT = "dia-agenda"
#: Version of the stored format; raise it when the envelope changes incompatibly.
VERSION = 1
#: Name of the hidden sheet that carries the agenda in ``agenda.xlsx``.
DATA_SHEET = "_dia"
#: Characters per cell in the ``_dia`` sheet (Excel's limit is 32,767).
CHUNK = 32_000


def agenda_to_json(agenda: Agenda) -> str:
    """Serialise an agenda into the stored JSON envelope (sorted keys, stable bytes).

    Parameters
    ----------
    agenda:
        The agenda to store.

    Returns
    -------
    str
        JSON text that :func:`agenda_from_json` turns back into an equal agenda.

    Examples
    --------
    >>> from dia.model import Agenda  # doctest: +SKIP
    >>> agenda_from_json(agenda_to_json(agenda)) == agenda  # doctest: +SKIP
    True
    """
    envelope = {"format": FORMAT, "version": VERSION, "agenda": agenda.model_dump(mode="json")}
    return json.dumps(envelope, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def agenda_to_chunks(agenda: Agenda) -> list[str]:
    """The JSON envelope cut into cell-sized chunks for the ``_dia`` sheet."""
    text = json.dumps(
        {"format": FORMAT, "version": VERSION, "agenda": agenda.model_dump(mode="json")},
        sort_keys=True, separators=(",", ":"), ensure_ascii=True,
    )
    return [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]


def agenda_from_json(text: str, where: Location) -> Agenda:
    """Parse and validate the JSON envelope; raise :class:`InputError` naming ``where``.

    Parameters
    ----------
    text:
        The JSON text.
    where:
        Where the text came from, for the error message.

    Returns
    -------
    Agenda
        The validated agenda.

    Raises
    ------
    dia.errors.InputError
        ``CORRUPT_FILE`` when the text is no JSON or not a dia agenda envelope,
        ``INVALID_VALUE`` when the agenda inside fails validation (with the
        offending path as the location key).
    """
    try:
        envelope: Any = json.loads(text)
    except ValueError as exc:
        raise InputError([Problem.of(Reason.CORRUPT_FILE, msg("agenda.not_json", detail=exc),
                                     where)]) from None
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT or "agenda" not in envelope:
        raise InputError([Problem.of(Reason.CORRUPT_FILE, msg("agenda.not_envelope", format=FORMAT), where)])
    version = envelope.get("version")
    if version != VERSION:
        raise InputError([Problem.of(Reason.INVALID_VALUE,
                                     msg("agenda.version", version=version, reads=VERSION), where)])
    try:
        return Agenda.model_validate(envelope["agenda"])
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(part) for part in err["loc"])
            problems.append(Problem.of(
                Reason.INVALID_VALUE, msg("agenda.invalid", detail=pydantic_message(err, found=False)),
                Location(file=where.file, sheet=where.sheet, cell=where.cell, key=f"agenda.{key}"),
            ))
        raise InputError(problems) from None


def read_agenda(path: str | os.PathLike[str]) -> Agenda:
    """Read an agenda saved by :func:`dia.report.export`.

    Parameters
    ----------
    path:
        An ``agenda.xlsx``, an ``agenda.json``, or an output folder holding
        either (``agenda.json`` is preferred: it is faster to read).

    Returns
    -------
    Agenda
        Exactly the agenda that was exported.

    Raises
    ------
    dia.errors.InputError
        ``NOT_FOUND`` when nothing is there, ``NOT_XLSX`` for a file that is
        not a workbook, ``MISSING_SHEET`` for a workbook that is not a dia
        agenda, ``CORRUPT_FILE`` / ``INVALID_VALUE`` for damaged contents.

    Examples
    --------
    >>> from dia.io.agenda_io import read_agenda
    >>> agenda = read_agenda("out/agenda.xlsx")  # doctest: +SKIP
    """
    p = Path(path)
    if p.is_dir():
        for name in ("agenda.json", "agenda.xlsx"):
            if (p / name).is_file():
                return read_agenda(p / name)
        raise InputError([Problem.of(Reason.NOT_FOUND, msg("agenda.no_agenda_in_folder"),
                                     Location(file=str(p)))])
    if not p.is_file():
        raise InputError([Problem.of(Reason.NOT_FOUND, msg("agenda.not_found"), Location(file=str(p)))])
    if p.suffix.lower() == ".json":
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError([Problem.of(Reason.CORRUPT_FILE, msg("agenda.unreadable", detail=exc),
                                         Location(file=p.name))]) from None
        return agenda_from_json(text, Location(file=p.name))
    return _read_workbook(p)


def _read_workbook(p: Path) -> Agenda:
    where = Location(file=p.name)
    if not zipfile.is_zipfile(p):
        raise InputError([Problem.of(Reason.NOT_XLSX, msg("agenda.not_xlsx"), where)])
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise InputError([Problem.of(Reason.CORRUPT_FILE, msg("agenda.cannot_open", detail=exc),
                                     where)]) from None
    try:
        if DATA_SHEET not in workbook.sheetnames:
            raise InputError([Problem.of(
                Reason.MISSING_SHEET,
                msg("agenda.no_data_sheet", sheet=DATA_SHEET),
                Location(file=p.name, sheet=DATA_SHEET))])
        sheet = workbook[DATA_SHEET]
        cells = [row[0] for row in sheet.iter_rows(min_col=1, max_col=1, values_only=True)]
    finally:
        workbook.close()
    sheet_where = Location(file=p.name, sheet=DATA_SHEET)
    if len(cells) < 3 or cells[0] != FORMAT:
        raise InputError([Problem.of(Reason.CORRUPT_FILE,
                                     msg("agenda.not_in_sheet", sheet=DATA_SHEET, format=FORMAT),
                                     Location(file=p.name, sheet=DATA_SHEET, cell="A1"))])
    try:
        n_chunks = int(str(cells[2]))
    except ValueError:
        n_chunks = -1
    chunks = cells[3:3 + max(n_chunks, 0)]
    if n_chunks < 1 or len(chunks) != n_chunks or any(not isinstance(c, str) for c in chunks):
        raise InputError([Problem.of(Reason.CORRUPT_FILE, msg("agenda.chunks", sheet=DATA_SHEET, n=cells[2]),
                                     Location(file=p.name, sheet=DATA_SHEET, cell="A3"))])
    return agenda_from_json("".join(str(c) for c in chunks), sheet_where)
