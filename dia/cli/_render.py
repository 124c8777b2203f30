"""Render errors and problem lists for the terminal (stderr)."""

from __future__ import annotations

import click

from dia.errors import DiaError, InputError, Problem

#: At most this many problems are listed; the rest are counted.
MAX_LISTED = 50


def problem_table(problems: tuple[Problem, ...] | list[Problem], limit: int = MAX_LISTED) -> str:
    """Problems as an aligned table: file, sheet, cell, column, problem."""
    rows = [
        (
            p.location.file or "",
            p.location.sheet or "",
            p.location.cell or (str(p.location.row) if p.location.row is not None else "")
            or (p.location.key or ""),
            p.location.column or "",
            ("warning: " if p.severity == "warning" else "") + p.message,
        )
        for p in problems[:limit]
    ]
    header = ("file", "sheet", "cell", "column", "problem")
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    widths[-1] = 0
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    if len(problems) > limit:
        lines.append(f"… and {len(problems) - limit} more")
    return "\n".join(lines)


def render_error(exc: DiaError) -> None:
    """Print a user error to stderr, without a traceback."""
    if isinstance(exc, InputError):
        click.secho(f"error: {exc.summary}", fg="red", err=True)
        click.echo(problem_table(exc.problems), err=True)
    else:
        click.secho(f"error: {exc}", fg="red", err=True)
