"""The message catalogue: every problem text ``dia`` shows, in Dutch and in English.

A message is an id with ``str.format`` parameters (:class:`Msg`). The
catalogue :data:`MESSAGES` maps each id to its Dutch and English template;
Dutch is the default, the way the users (wijkregisseurs, the partners'
planners) speak. A :class:`~dia.errors.Problem` made with
:meth:`~dia.errors.Problem.of` keeps its message id and parameters, so the
CLI can render it in either language; its ``message`` stays English, so
code and tests that read it keep working.

Parameter values are used as they are (so ``{n:,}`` or ``{name!r}`` work),
except four kinds that are themselves rendered in the message's language:
a nested :class:`Msg` (e.g. "a whole number" / "een geheel getal"), a
:class:`Number` (``1,250,000`` in English, ``1.250.000`` in Dutch), a
:class:`~dia.errors.Location` (``row 5`` / ``rij 5``) and a :class:`Names`
list (``a, b, … (3 more)`` / ``a, b, … (nog 3)``).

Examples
--------
>>> m = msg("cell.expected", what=msg("cell.what.int"), found="'veel'")
>>> m.text("nl")
"verwacht een geheel getal, maar de cel bevat 'veel'"
>>> m.text("en")
"expected a whole number, got 'veel'"
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["nl", "en"]

#: Languages every message exists in; the first is the default.
LANGUAGES: tuple[Lang, ...] = ("nl", "en")
DEFAULT_LANG: Lang = "nl"


@dataclass(frozen=True)
class Msg:
    """A message id from :data:`MESSAGES` with its parameters, not yet rendered."""

    id: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The message in ``lang`` (``"nl"`` or ``"en"``; anything else is Dutch)."""
        return render(self.id, self.params, lang)

    def __str__(self) -> str:
        return self.text("en")


def msg(msg_id: str, /, **params: object) -> Msg:
    """Build a :class:`Msg`; raises ``KeyError`` at once for an id not in the catalogue."""
    if msg_id not in MESSAGES:
        raise KeyError(f"no message {msg_id!r} in dia.messages.MESSAGES")
    return Msg(msg_id, params)


@dataclass(frozen=True)
class Number:
    """A number shown with thousands separators: ``1,250,000`` (en) or ``1.250.000`` (nl)."""

    value: float
    decimals: int = 0

    def text(self, lang: str = DEFAULT_LANG) -> str:
        shown = f"{self.value:,.{self.decimals}f}"
        if lang == "en":
            return shown
        return shown.replace(",", "_").replace(".", ",").replace("_", ".")


@dataclass(frozen=True)
class Names:
    """A list of names, at most ``limit`` shown: ``a, b, … (3 more)``; empty: ``(none)``."""

    items: tuple[str, ...]
    limit: int = 8

    @classmethod
    def of(cls, names: Iterable[object], limit: int = 8) -> Names:
        """Sorted, as text."""
        return cls(tuple(sorted(str(n) for n in names)), limit)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        if not self.items:
            return render("names.none", {}, lang)
        shown = ", ".join(self.items[: self.limit])
        rest = len(self.items) - self.limit
        return shown + (render("names.more", {"n": rest}, lang) if rest > 0 else "")


def location_text(location: object, lang: str = DEFAULT_LANG) -> str:
    """A :class:`~dia.errors.Location` as ``file › sheet › C14 (Kosten)``, its words in ``lang``."""
    from dia.errors import Location

    if not isinstance(location, Location):
        return str(location)
    if lang == "en":
        return str(location)
    row, column = ("rij", "kolom")
    parts: list[str] = []
    if location.file:
        parts.append(location.file)
    if location.sheet:
        parts.append(location.sheet)
    if location.cell:
        parts.append(f"{location.cell} ({location.column})" if location.column else location.cell)
    elif location.row is not None:
        where = f"{row} {location.row}"
        parts.append(f"{where} ({location.column})" if location.column else where)
    elif location.column:
        parts.append(f"{column} {location.column}")
    if location.key:
        parts.append(location.key)
    return " › ".join(parts) if parts else "(invoer)"


def localize(value: object, lang: str) -> object:
    """A parameter value as shown in ``lang``; plain values are passed through for ``str.format``."""
    from dia.errors import Location

    if isinstance(value, Msg | Number | Names):
        return value.text(lang)
    if isinstance(value, Location):
        return location_text(value, lang)
    return value


def render(msg_id: str, params: Mapping[str, object], lang: str = DEFAULT_LANG) -> str:
    """Render message ``msg_id`` with ``params`` in ``lang`` (``"en"``, else Dutch).

    Raises
    ------
    KeyError
        When ``msg_id`` is not in :data:`MESSAGES` or a parameter is missing.
    """
    nl, en = MESSAGES[msg_id]
    template = en if lang == "en" else nl
    return template.format(**{k: localize(v, lang) for k, v in params.items()})


def fields(template: str) -> set[str]:
    """The parameter names a template uses (``"{n:,} {name!r}"`` -> ``{"n", "name"}``)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


#: message id -> (Dutch template, English template). Ids are grouped by the module that uses them.
#: Words follow docs/glossary.md: buurt, kasstroom, fonds, overheveling, projectcode, planhorizon.
MESSAGES: dict[str, tuple[str, str]] = {
    # ---- shared pieces --------------------------------------------------------------------------
    "names.none": ("(geen)", "(none)"),
    "names.more": (", … (nog {n})", ", … ({n} more)"),
    "input.summary.one": ("{n} probleem in de invoer", "{n} problem in the input"),
    "input.summary.many": ("{n} problemen in de invoer", "{n} problems in the input"),
    # ---- the CLI's problem table (dia/cli/_render.py) -------------------------------------------
    "cli.error": ("fout: {text}", "error: {text}"),
    "cli.warning": ("waarschuwing: {text}", "warning: {text}"),
    "cli.more": ("… en nog {n}", "… and {n} more"),
    "cli.col.file": ("bestand", "file"),
    "cli.col.sheet": ("blad", "sheet"),
    "cli.col.cell": ("cel", "cell"),
    "cli.col.column": ("kolom", "column"),
    "cli.col.problem": ("probleem", "problem"),
    # ---- one cell (dia/io/cells.py) ---------------------------------------------------------------
    "cell.expected": ("verwacht {what}, maar de cel bevat {found}", "expected {what}, got {found}"),
    "cell.found.bool": ("de waarheidswaarde {value}", "the truth value {value}"),
    "cell.found.date": ("de datum {value}", "the date {value}"),
    "cell.what.text": ("tekst", "text"),
    "cell.what.int": ("een geheel getal", "a whole number"),
    "cell.what.year": ("een jaartal zoals 2027", "a year like 2027"),
    "cell.what.bool": ("ja/nee (of yes/no, true/false)", "ja/nee (or yes/no, true/false)"),
    "cell.what.amount": ("een bedrag in euro", "an amount in euro"),
    "cell.what.amount_eg": (
        "een bedrag in euro (bijv. 1250000, € 1.250.000 of 1,25 mln)",
        "an amount in euro (e.g. 1250000, € 1.250.000 or 1,25 mln)",
    ),
    "cell.what.fraction": ("een fractie 0–1 of een percentage", "a fraction 0–1 or a percentage"),
    "cell.what.fraction_eg": (
        "een fractie 0–1 of een percentage zoals 25%",
        "a fraction 0–1 or a percentage like 25%",
    ),
    "cell.what.fraction_range": (
        "een fractie 0–1 of een percentage 0–100%",
        "a fraction 0–1 or a percentage 0–100%",
    ),
    "cell.what.shares": (
        "delen 'partner percentage%' gescheiden door ; (bijv. Gemeente Enschede 50%; Domijn 50%)",
        "'partner percentage%' parts separated by ; (e.g. Gemeente Enschede 50%; Domijn 50%)",
    ),
    "cell.excel_error": (
        "de cel toont de Excel-fout {error}; herstel de formule of typ een waarde",
        "the cell shows the Excel error {error}; fix the formula or type a value",
    ),
    "cell.year_date": (
        "verwacht een jaartal zoals 2027, maar de cel bevat de datum {value}; typ alleen het jaar",
        "expected a year like 2027, got the date {value}; type the year only",
    ),
    "cell.ambiguous_amount": (
        "{value} is dubbelzinnig: {written} betekent {thousands} of {decimal}, "
        "afhankelijk van de schrijfwijze (Nederlands of Engels); "
        "schrijf het getal zonder scheidingstekens voor duizendtallen",
        "{value} is ambiguous: {written} means {thousands} or {decimal} depending on the notation "
        "(Dutch or English); write the number without thousands separators",
    ),
    "cell.share_range": (
        "een aandeel moet tussen 0% en 100% liggen, maar de cel bevat {value}",
        "a share must lie between 0% and 100%, got {value}",
    ),
    "cell.shares_sum": (
        "de aandelen tellen op tot {total}%, verwacht 100%",
        "the shares add up to {total}%, expected 100%",
    ),
    "cell.shares_twice": (
        "een partner staat twee keer in de aandelen",
        "a partner appears twice in the shares",
    ),
    "cell.wkt_invalid": ("geen geldige WKT: {detail}", "not valid WKT: {detail}"),
    "cell.wkt_empty": ("de WKT-geometrie is leeg", "the WKT geometry is empty"),
}
