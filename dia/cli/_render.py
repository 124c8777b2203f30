"""Render errors and problem lists for the terminal (stderr), in Dutch or English."""

from __future__ import annotations

import click

from dia.errors import DiaError, InputError, Problem
from dia.messages import DEFAULT_LANG, msg

#: At most this many problems are listed; the rest are counted.
MAX_LISTED = 50

_COLUMNS = ("file", "sheet", "cell", "column", "problem")


def problem_table(
    problems: tuple[Problem, ...] | list[Problem], limit: int = MAX_LISTED, lang: str = DEFAULT_LANG
) -> str:
    """Problems as an aligned table: file, sheet, cell, column, problem (headers and texts in ``lang``).

    Parameters
    ----------
    problems:
        Errors and warnings, in the order to show them.
    limit:
        At most this many rows; a last line counts the rest.
    lang:
        ``"nl"`` (default) or ``"en"``: the column headers, the "warning:" prefix
        and each problem's text (:meth:`~dia.errors.Problem.text`).

    Returns
    -------
    str
        The table, one line per problem under a header line.
    """
    rows = [
        (
            p.location.file or "",
            p.location.sheet or "",
            p.location.cell or (str(p.location.row) if p.location.row is not None else "")
            or (p.location.key or ""),
            p.location.column or "",
            msg("cli.warning", text=p.text(lang)).text(lang) if p.severity == "warning" else p.text(lang),
        )
        for p in problems[:limit]
    ]
    header = tuple(msg(f"cli.col.{c}").text(lang) for c in _COLUMNS)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    widths[-1] = 0
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    if len(problems) > limit:
        lines.append(msg("cli.more", n=len(problems) - limit).text(lang))
    return "\n".join(lines)


def render_error(exc: DiaError, lang: str = DEFAULT_LANG) -> None:
    """Print a user error to stderr, without a traceback, in ``lang`` (``"nl"`` or ``"en"``)."""
    if isinstance(exc, InputError):
        click.secho(msg("cli.error", text=exc.summary_text(lang)).text(lang), fg="red", err=True)
        click.echo(problem_table(exc.problems, lang=lang), err=True)
    else:
        click.secho(msg("cli.error", text=str(exc)).text(lang), fg="red", err=True)
