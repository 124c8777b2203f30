"""Exception hierarchy, reason codes and locations for every user-facing error.

Every problem `dia` reports about its inputs carries a machine-readable
:class:`Reason`, a human message and a :class:`Location` (file, sheet, row,
column, cell or YAML key). Readers collect *all* problems and raise one
:class:`InputError`; only :mod:`dia.cli` turns an error into an exit code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from dia.messages import Msg

Severity = Literal["error", "warning"]


class Reason(StrEnum):
    """Machine codes for input problems (stable: tests and tools match on them)."""

    NOT_FOUND = "not_found"
    NOT_XLSX = "not_xlsx"
    CORRUPT_FILE = "corrupt_file"
    ENCRYPTED = "encrypted"
    MACRO_FILE = "macro_file"
    TOO_LARGE = "too_large"
    MISSING_SHEET = "missing_sheet"
    MISSING_COLUMN = "missing_column"
    UNKNOWN_COLUMN = "unknown_column"
    WRONG_TYPE = "wrong_type"
    EMPTY_REQUIRED = "empty_required"
    FORMULA_WITHOUT_VALUE = "formula_without_value"
    DUPLICATE_ID = "duplicate_id"
    UNKNOWN_PARTNER = "unknown_partner"
    UNKNOWN_BUURT = "unknown_buurt"
    UNKNOWN_TYPE = "unknown_type"
    UNKNOWN_FUND = "unknown_fund"
    UNKNOWN_PROJECT = "unknown_project"
    UNKNOWN_KEY = "unknown_key"
    DEPENDENCY_CYCLE = "dependency_cycle"
    OUTSIDE_HORIZON = "outside_horizon"
    INVALID_WINDOW = "invalid_window"
    PROFILE_MISMATCH = "profile_mismatch"
    NEGATIVE_AMOUNT = "negative_amount"
    OUT_OF_RANGE = "out_of_range"
    INVALID_VALUE = "invalid_value"
    INVALID_GEOMETRY = "invalid_geometry"
    EMPTY_AREA = "empty_area"
    CYCLE = "cycle"
    INFEASIBLE = "infeasible"
    MISMATCH = "mismatch"


@dataclass(frozen=True, order=True)
class Location:
    """Where a problem sits, as the user sees it.

    ``row`` is the 1-based row number Excel shows, ``column`` the header text
    as written in the file, ``cell`` the A1 reference (e.g. ``C14``), ``key``
    a dotted YAML path (e.g. ``rules[2].saving_pct``).
    """

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None
    key: str | None = None

    def __str__(self) -> str:
        from dia.messages import location_text  # dia.messages imports this module

        return location_text(self, "en")

    def sort_key(self) -> tuple[str, str, int, str, str]:
        """Key that orders locations the way a user reads a workbook."""
        return (
            self.file or "",
            self.sheet or "",
            self.row if self.row is not None else -1,
            self.cell or "",
            self.key or "",
        )


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious) in the input.

    ``message`` is English. A problem made with :meth:`of` also keeps its
    message id (``template``, a key of :data:`dia.messages.MESSAGES`) and
    ``params``, so :meth:`text` can render it in Dutch or English; the two
    do not take part in equality or hashing (``message`` already does).
    """

    reason: Reason
    message: str
    location: Location = field(default_factory=Location)
    severity: Severity = "error"
    template: str | None = field(default=None, compare=False)
    params: Mapping[str, object] = field(default_factory=dict, compare=False)

    @classmethod
    def of(
        cls, reason: Reason, message: Msg, location: Location | None = None, severity: Severity = "error"
    ) -> Problem:
        """A problem from a catalogue message (``dia.messages.msg(id, **params)``), English ``message``."""
        return cls(
            reason,
            message.text("en"),
            location if location is not None else Location(),
            severity,
            message.id,
            message.params,
        )

    def text(self, lang: str = "nl") -> str:
        """The message in ``lang`` (``"nl"`` or ``"en"``); English ``message`` when it has no template."""
        if self.template is None:
            return self.message
        from dia.messages import render

        return render(self.template, self.params, lang)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class DiaError(Exception):
    """Base class of every error `dia` raises on purpose.

    ``exit_code`` is what the CLI exits with (see ``docs/cli.md``):
    0 ok, 1 internal error, 2 invalid input (including an infeasible plan),
    3 no solution found within the solver limits.
    """

    exit_code: int = 2


class InputError(DiaError):
    """One or more problems in the inputs; carries them all, sorted by location.

    ``summary`` may be a catalogue message (:class:`dia.messages.Msg`) so it can
    be shown in either language; ``lang`` is the language the input asks for
    (the area's ``dia.yaml`` ``language:``) when it was read, else None.
    """

    def __init__(
        self, problems: Iterable[Problem], summary: str | Msg | None = None, lang: str | None = None
    ) -> None:
        self.problems: tuple[Problem, ...] = tuple(
            sorted(problems, key=lambda p: (p.location.sort_key(), p.reason.value, p.message))
        )
        self.summary_msg: Msg | None = None
        if summary is None or isinstance(summary, str):
            self.summary = summary or _default_summary(self.problems)
        else:
            self.summary_msg = summary
            self.summary = summary.text("en")
        self.lang = lang
        super().__init__(self.summary)

    def summary_text(self, lang: str = "nl") -> str:
        """The summary line in ``lang``: the default count line, a catalogue summary, else as given."""
        from dia.messages import msg

        if self.summary_msg is not None:
            return self.summary_msg.text(lang)
        if self.summary == _default_summary(self.problems):
            n = sum(1 for p in self.problems if p.severity == "error")
            return msg("input.summary.one" if n == 1 else "input.summary.many", n=n).text(lang)
        return self.summary

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    def __str__(self) -> str:
        lines = [self.summary]
        lines.extend(f"  - {p}" for p in self.problems)
        return "\n".join(lines)


def _default_summary(problems: tuple[Problem, ...]) -> str:
    n = sum(1 for p in problems if p.severity == "error")
    return f"{n} problem{'s' if n != 1 else ''} in the input"


class InfeasibleError(DiaError):
    """The plan cannot satisfy all hard constraints; ``findings`` say which conflict."""

    def __init__(self, message: str, findings: Iterable[str] = ()) -> None:
        self.findings: tuple[str, ...] = tuple(findings)
        super().__init__(message)

    def __str__(self) -> str:
        base = super().__str__()
        if not self.findings:
            return base
        return base + "\n" + "\n".join(f"  - {f}" for f in self.findings)


class NoSolutionError(DiaError):
    """The solver stopped (time limit) without any feasible agenda."""

    exit_code = 3


def raise_if_errors(problems: Iterable[Problem]) -> list[Problem]:
    """Raise :class:`InputError` when any problem is an error; return the warnings.

    Parameters
    ----------
    problems:
        Everything found, errors and warnings alike.

    Returns
    -------
    list of Problem
        The warnings, for the caller to show, when there is no error.
    """
    problems = list(problems)
    if any(p.severity == "error" for p in problems):
        raise InputError(problems)
    return problems
