"""Look at a workbook's bytes before any parser does: refuse hostile or broken files.

A partner workbook is untrusted input. Before the workbook engine sees it,
:func:`inspect_workbook` checks, on the bytes already in memory:

* the file type by its signature (zero bytes, a CSV or HTML renamed to
  ``.xlsx``, an old ``.xls``, a password-protected workbook, which Excel
  stores as an OLE2/CFB container ``D0 CF 11 E0`` with an ``EncryptedPackage``
  stream);
* the zip container: readable, not encrypted, an Excel workbook (not a
  ``.docx`` or ``.xlsb``), and within size limits. Every XML part the reader
  needs is inflated here in bounded chunks, so a decompression bomb is
  refused after at most :data:`MAX_PART_BYTES` bytes, whatever its header
  claims;
* XML with a DTD or entity declaration (Excel never writes one; it is how
  entity-expansion attacks start) is refused;
* macros (``xl/vbaProject.bin``) are noted: they are never run, only the
  cell values are read;
* formulas without a cached value, and hidden rows, are located so the
  reader can report them by cell.

Notes
-----
openpyxl (used for templates) parses XML through defusedxml when it is
installed (``openpyxl.xml.DEFUSEDXML``); the few parts parsed here use
:mod:`defusedxml.ElementTree` as well.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from defusedxml import ElementTree as SafeET

from dia.errors import Location, Problem, Reason
from dia.messages import Msg, msg

#: Largest workbook file accepted (bytes on disk).
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Largest inflated size of one XML part, and of all parts together.
MAX_PART_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 400 * 1024 * 1024
#: Largest rectangle of cells (A1 to the last value) a sheet may span; the engine holds it densely.
MAX_CELLS = 2_000_000
#: Parts that inflate more than this ratio (and above 1 MB) are treated as a bomb.
MAX_RATIO = 200

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_CHUNK = 1 << 20

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?\bhidden=\"(?:1|true)\"[^>]*>")
_ROW_NUMBER = re.compile(rb"\br=\"(\d+)\"")
_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt=\"e\"[^>]*)>(.*?)</(?:\w+:)?c>", re.S)
_HIDDEN_COL = re.compile(rb"<(?:\w+:)?col\b[^>]*?\bhidden=\"(?:1|true)\"[^>]*>")
_COL_SPAN = re.compile(rb"\b(min|max)=\"(\d+)\"")
_CELL_REF_ANY = re.compile(rb" r=\"([A-Z]{1,3})(\d{1,7})\"")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3})(\d{1,7})\"[^>]*?(/?)>")
_CELL_REF = re.compile(rb"\br=\"([A-Z]+\d+)\"")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


@dataclass(frozen=True)
class WorkbookFacts:
    """What the byte-level inspection found out about a workbook that may be read."""

    has_macros: bool = False
    uncached_formulas: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Sheet name -> ((cell ref, formula text), ...) of formulas without a cached value."""
    hidden_rows: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Sheet name -> Excel row numbers that are hidden."""
    hidden_columns: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Sheet name -> 0-based indexes of hidden columns."""
    extent: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Sheet name -> (last row, last column) holding a value, 1-based (the engine's dense grid size)."""
    error_cells: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Sheet name -> ((cell ref, Excel error such as ``#DIV/0!``), ...); calamine shows them empty."""


class RefusedFile(Exception):
    """The file must not be parsed; ``problem`` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def inspect_workbook(name: str, data: bytes) -> WorkbookFacts:
    """Check a workbook's bytes; return what the reader needs to know or raise.

    Parameters
    ----------
    name:
        File name shown in messages (e.g. ``Domijn.xlsx``).
    data:
        The whole file, already read (so the file is opened only once, read-only).

    Returns
    -------
    WorkbookFacts
        Macros, formulas without cached values and hidden rows, per sheet.

    Raises
    ------
    RefusedFile
        With a :class:`~dia.errors.Problem` whose reason is ``NOT_XLSX``,
        ``ENCRYPTED``, ``CORRUPT_FILE`` or ``TOO_LARGE``.
    """
    where = Location(file=name)

    def refuse(reason: Reason, message: Msg) -> RefusedFile:
        return RefusedFile(Problem.of(reason, message, where))

    if not data:
        raise refuse(Reason.NOT_XLSX, msg("safety.empty"))
    if len(data) > MAX_FILE_BYTES:
        raise refuse(
            Reason.TOO_LARGE,
            msg("area.file_too_large", mb=f"{len(data) / 2**20:.0f}", limit=MAX_FILE_BYTES // 2**20),
        )
    if data.startswith(OLE2_SIGNATURE):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise refuse(Reason.ENCRYPTED, msg("safety.password"))
        raise refuse(Reason.NOT_XLSX, msg("safety.ole2"))
    if not data.startswith(ZIP_SIGNATURES):
        raise refuse(Reason.NOT_XLSX, msg("safety.not_xlsx", what=_describe(data)))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception as exc:  # BadZipFile, NotImplementedError (odd versions), ValueError, OSError, ...
        raise refuse(
            Reason.CORRUPT_FILE,
            msg("safety.not_zip", detail=exc),
        ) from None
    names = {i.filename for i in infos}
    if any(i.flag_bits & 0x1 for i in infos):
        raise refuse(Reason.ENCRYPTED, msg("safety.parts_encrypted"))
    if "xl/workbook.bin" in names:
        raise refuse(Reason.NOT_XLSX, msg("safety.xlsb"))
    if "xl/workbook.xml" not in names:
        kind = msg("safety.kind.word" if "word/document.xml" in names else "safety.kind.zip")
        raise refuse(Reason.NOT_XLSX, msg("safety.other_zip", kind=kind))
    declared = sum(i.file_size for i in infos)
    if declared > MAX_TOTAL_BYTES:
        raise refuse(
            Reason.TOO_LARGE,
            msg("safety.unpacks_to", mb=f"{declared / 2**20:.0f}", limit=MAX_TOTAL_BYTES // 2**20),
        )
    for info in infos:
        if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refuse(
                Reason.TOO_LARGE,
                msg("safety.bomb", part=info.filename, mb=f"{info.file_size / 2**20:.0f}",
                    size=info.compress_size),
            )

    budget = [MAX_TOTAL_BYTES]

    def part(member: str) -> bytes:
        try:
            blob = _inflate(archive, member, budget)
        except _TooLarge as exc:
            raise refuse(Reason.TOO_LARGE, msg("safety.part_too_large", part=member, why=exc.why)) from None
        except Exception as exc:  # BadZipFile (CRC), zlib.error, EOFError, NotImplementedError, ...
            raise refuse(
                Reason.CORRUPT_FILE,
                msg("safety.damaged_part", part=member, detail=exc),
            ) from None
        if _DTD.search(blob[:4096]):
            raise refuse(
                Reason.CORRUPT_FILE,
                msg("safety.dtd", part=member),
            )
        return blob

    sheets = _sheet_parts(part, names, refuse)
    for member in sorted(
        n for n in names if n.endswith((".xml", ".rels")) and n.startswith("xl/") and n not in sheets.values()
    ):
        if member.startswith(("xl/sharedStrings", "xl/styles", "xl/workbook")):
            part(member)
    uncached: dict[str, tuple[tuple[str, str], ...]] = {}
    hidden: dict[str, tuple[int, ...]] = {}
    errors: dict[str, tuple[tuple[str, str], ...]] = {}
    extent: dict[str, tuple[int, int]] = {}
    hidden_cols: dict[str, tuple[int, ...]] = {}
    for sheet, member in sheets.items():
        blob = part(member)
        if _FORMULA.search(blob):
            found = _uncached_formulas(blob, member, refuse)
            if found:
                uncached[sheet] = found
        rows = tuple(int(m) for tag in _HIDDEN_ROW.findall(blob) for m in _ROW_NUMBER.findall(tag)[:1])
        if rows:
            hidden[sheet] = rows
        extent[sheet] = _extent(blob)
        if b"<cols>" in blob or b":cols>" in blob:
            spans = [dict(_COL_SPAN.findall(tag)) for tag in _HIDDEN_COL.findall(blob)]
            cols = sorted(
                {
                    c - 1
                    for span in spans
                    if b"min" in span and b"max" in span
                    for c in range(int(span[b"min"]), min(int(span[b"max"]), 16_384) + 1)
                }
            )
            if cols:
                hidden_cols[sheet] = tuple(cols)
        if b't="e"' in blob:
            errors[sheet] = tuple(
                (ref.group(1).decode(), value.group(1).decode("utf-8", "replace") if value else "#?")
                for attrs, body in _ERROR_CELL.findall(blob)
                if (ref := _CELL_REF.search(attrs)) is not None
                for value in [_VALUE.search(body)]
            )
    macros = "xl/vbaProject.bin" in names or any(n.endswith("vbaProject.bin") for n in names)
    return WorkbookFacts(
        has_macros=macros,
        uncached_formulas=uncached,
        hidden_rows=hidden,
        error_cells=errors,
        extent=extent,
        hidden_columns=hidden_cols,
    )


def _extent(blob: bytes) -> tuple[int, int]:
    """Last row and column of a cell with content (style-only ``<c .../>`` cells do not count).

    The workbook engine allocates the rectangle from A1 to there, so one stray
    value at XFD1048576 would ask for billions of cells: the reader checks this
    first (:data:`MAX_CELLS`). A quick scan of every cell reference decides
    almost always; only a sheet that looks too large is scanned again without
    its style-only cells.
    """
    refs = _CELL_REF_ANY.findall(blob)
    extent = _last(refs)
    if extent[0] * extent[1] > MAX_CELLS:
        extent = _last([(letters, row) for letters, row, closed in _CELL_TAG.findall(blob) if not closed])
    return extent


def _last(refs: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    if not refs:
        return 0, 0
    letters = max({c for c, _ in refs}, key=lambda c: (len(c), c))
    row = max({r for _, r in refs}, key=lambda r: (len(r), r))
    col = 0
    for ch in letters:
        col = col * 26 + ch - 64
    return int(row), col


class _TooLarge(Exception):
    """A part inflates past a limit; ``why`` says which (a catalogue message)."""

    def __init__(self, why: Msg) -> None:
        super().__init__(why.text("en"))
        self.why = why


def _inflate(archive: zipfile.ZipFile, member: str, budget: list[int]) -> bytes:
    """Inflate one part in chunks, stopping as soon as a limit is passed."""
    chunks: list[bytes] = []
    size = 0
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            budget[0] -= len(chunk)
            if size > MAX_PART_BYTES:
                raise _TooLarge(msg("safety.inflates_beyond", limit=MAX_PART_BYTES // 2**20))
            if budget[0] < 0:
                raise _TooLarge(msg("safety.takes_beyond", limit=MAX_TOTAL_BYTES // 2**20))
            chunks.append(chunk)
    return b"".join(chunks)


_Part = Callable[[str], bytes]
_Refuse = Callable[[Reason, Msg], RefusedFile]


def _sheet_parts(part: _Part, names: set[str], refuse: _Refuse) -> dict[str, str]:
    """Sheet name -> zip member of its worksheet XML, from workbook.xml and its rels."""
    try:
        book = SafeET.fromstring(part("xl/workbook.xml"))
        rels_xml = part("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
        rels = SafeET.fromstring(rels_xml) if rels_xml else None
    except SafeET.ParseError as exc:
        raise refuse(Reason.CORRUPT_FILE, msg("safety.damaged", part="workbook.xml", detail=exc)) from None
    except Exception as exc:  # defusedxml's EntitiesForbidden & co.
        if type(exc).__module__.startswith("defusedxml"):
            raise refuse(
                Reason.CORRUPT_FILE, msg("safety.entities")
            ) from None
        raise
    # match on local names: strict OOXML files use other namespace URIs than transitional ones
    targets: dict[str, str] = {}
    if rels is not None:
        for rel in rels.iter():
            if not str(rel.tag).endswith("Relationship"):
                continue
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            targets[rel.get("Id", "")] = path
    out: dict[str, str] = {}
    for sheet in book.iter():
        if not str(sheet.tag).endswith("}sheet"):
            continue
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), "")
        member = targets.get(rid, "")
        if member in names:
            out[sheet.get("name", "")] = member
    return out


def _uncached_formulas(blob: bytes, member: str, refuse: _Refuse) -> tuple[tuple[str, str], ...]:
    """Cells whose formula has no cached value (``<f>`` without a filled ``<v>``)."""
    found: list[tuple[str, str]] = []
    try:
        for _event, elem in SafeET.iterparse(io.BytesIO(blob), events=("end",)):
            if not elem.tag.endswith("}c"):
                if elem.tag.endswith("}row"):
                    elem.clear()
                continue
            formula = value = None
            for child in elem:
                if child.tag.endswith("}f"):
                    formula = child
                elif child.tag.endswith("}v"):
                    value = child
            if formula is not None:
                cached = value is not None and (bool(value.text) or elem.get("t") == "str")
                if not cached:
                    text = formula.text or ("(shared formula)" if formula.get("t") == "shared" else "")
                    found.append((elem.get("r", "?"), text))
    except SafeET.ParseError as exc:
        raise refuse(Reason.CORRUPT_FILE, msg("safety.damaged", part=member, detail=exc)) from None
    return tuple(found)


def _describe(data: bytes) -> Msg:
    """A short guess of what a non-zip file is, for the message."""
    head = data[:2048]
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text[:5].lower() in (b"<html", b"<!doc") or text[:5] == b"<?xml":
        return msg("safety.describe.html")
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError:
        decoded = head.decode("latin-1")
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in decoded) / max(len(decoded), 1)
    if printable > 0.95:
        if any(sep in decoded for sep in (";", ",", "\t")):
            return msg("safety.describe.csv")
        return msg("safety.describe.text")
    return msg("safety.describe.binary")
