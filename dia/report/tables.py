"""The machine-readable CSV outputs of the output contract, as rows of text.

``agenda.csv``, ``cashflow.csv`` and ``couplings.csv`` have fixed columns
(``docs/report.md``): UTF-8 without BOM, comma separated, ``.`` as decimal
separator, euro amounts with exactly two decimals, calendar years as plain
integers, booleans as ``true``/``false``, empty for "none", rows in a stable
order and ``\\n`` line ends. The same input therefore gives the same bytes.

Text cells from the inputs that begin with ``=``, ``+``, ``-``, ``@``, tab or
CR get a leading apostrophe (OWASP's advice against CSV injection), so a
spreadsheet that opens the CSV shows them as text instead of running them as
a formula. The exact values stay available in ``agenda.json``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from dia.model import Agenda, CouplingResult

#: Columns of ``agenda.csv`` (contract; change only with the docs and tests).
AGENDA_COLUMNS: tuple[str, ...] = (
    "project_id", "partner", "name", "type", "area", "selected", "start_year", "end_year",
    "cost", "saving", "cluster",
)
#: Columns of ``cashflow.csv``.
CASHFLOW_COLUMNS: tuple[str, ...] = (
    "partner", "year", "budget", "spend", "saving", "carry_in", "carry_out",
)
#: Columns of ``couplings.csv`` (also written by ``dia koppelkansen``).
COUPLINGS_COLUMNS: tuple[str, ...] = (
    "project_a", "project_b", "rule", "potential_saving", "realised",
)

#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe.

    Examples
    --------
    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("Riool Tubantiastraat")
    'Riool Tubantiastraat'
    """
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def fmt_euro(amount: float) -> str:
    """A euro amount with two decimals and ``.`` as separator (never ``-0.00``).

    Examples
    --------
    >>> fmt_euro(1234567.891), fmt_euro(-0.001)
    ('1234567.89', '0.00')
    """
    text = f"{amount:.2f}"
    return "0.00" if text == "-0.00" else text


def fmt_year(year: int | None) -> str:
    """A calendar year, or empty for none."""
    return "" if year is None else str(int(year))


def fmt_bool(flag: bool | None) -> str:
    """``true``/``false``, or empty for unknown."""
    if flag is None:
        return ""
    return "true" if flag else "false"


def fmt_text(value: str | None) -> str:
    """Input text for a CSV cell: empty for none, neutralised against formula injection."""
    return "" if value is None else neutralise(value)


def agenda_rows(agenda: Agenda) -> list[tuple[str, ...]]:
    """The rows of ``agenda.csv``, one per project, sorted by project id."""
    rows: list[tuple[str, ...]] = []
    for p in sorted(agenda.projects, key=lambda p: p.project_id):
        rows.append((
            fmt_text(p.project_id), fmt_text(p.partner), fmt_text(p.name), fmt_text(p.type),
            fmt_text(p.buurt), fmt_bool(p.is_selected), fmt_year(p.start_year), fmt_year(p.end_year),
            fmt_euro(p.cost), fmt_euro(p.saving), fmt_text(p.cluster),
        ))
    return rows


def cashflow_rows(agenda: Agenda) -> list[tuple[str, ...]]:
    """The rows of ``cashflow.csv``, one per partner and year, sorted by both.

    ``spend`` is the partner's gross spend (its share of every scheduled
    project's profile in that year); ``saving`` is what realised couplings
    take off it.
    """
    rows: list[tuple[str, ...]] = []
    for c in sorted(agenda.cashflow, key=lambda c: (c.partner, c.year)):
        rows.append((
            fmt_text(c.partner), fmt_year(c.year), fmt_euro(c.budget), fmt_euro(c.spend),
            fmt_euro(c.saving), fmt_euro(c.carry_in), fmt_euro(c.carry_out),
        ))
    return rows


def couplings_rows(couplings: Iterable[CouplingResult]) -> list[tuple[str, ...]]:
    """The rows of ``couplings.csv``, sorted by project pair and rule."""
    rows: list[tuple[str, ...]] = []
    for c in sorted(couplings, key=lambda c: (c.project_a, c.project_b, c.rule)):
        rows.append((
            fmt_text(c.project_a), fmt_text(c.project_b), fmt_text(c.rule),
            fmt_euro(c.potential_saving), fmt_bool(c.is_realised),
        ))
    return rows


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """Encode a header and rows as UTF-8 CSV with ``\\n`` line ends (minimal quoting)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_csv(path: str | Path, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """Write a CSV file atomically (temp file, then rename) and return its path.

    Parameters
    ----------
    path:
        Target file.
    columns:
        Header names.
    rows:
        Already formatted cells (see :func:`fmt_euro`, :func:`fmt_text`, ...).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    from dia.io.atomic import atomic_open

    data = csv_bytes(columns, rows)
    with atomic_open(path, "wb") as handle:
        handle.write(data)
    return Path(path)
