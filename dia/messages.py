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

import math
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic_core import PydanticCustomError

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

    @classmethod
    def exact(cls, value: float) -> Number:
        """As many decimals as ``value`` has, at most 6 (``0.25`` -> ``0,25``; ``2e6`` -> ``2.000.000``)."""
        fraction = repr(float(value)).partition(".")[2]
        return cls(value, min(len(fraction.rstrip("0")), 6) if fraction.isdigit() else 6)

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


@dataclass(frozen=True)
class Joined:
    """Several values (e.g. locations) joined by ``sep``, each shown in the message's language."""

    items: tuple[object, ...]
    sep: str = "; "

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return self.sep.join(str(localize(item, lang)) for item in self.items)


def location_text(location: object, lang: str = DEFAULT_LANG) -> str:
    """A :class:`~dia.errors.Location` as ``file › sheet › C14 (Kosten)``, its words in ``lang``."""
    from dia.errors import Location

    if not isinstance(location, Location):
        return str(location)
    row, column, nothing = ("row", "column", "(input)") if lang == "en" else ("rij", "kolom", "(invoer)")
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
    return " › ".join(parts) if parts else nothing


def localize(value: object, lang: str) -> object:
    """A parameter value as shown in ``lang``; plain values are passed through for ``str.format``."""
    from dia.errors import Location

    if isinstance(value, Msg | Number | Names | Joined):
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


#: pydantic error type -> (message id, the ``ctx`` keys it shows); these are said in Dutch too.
_TYPED: dict[str, tuple[str, tuple[str, ...]]] = {
    "greater_than": ("pydantic.greater_than", ("gt",)),
    "greater_than_equal": ("pydantic.greater_than_equal", ("ge",)),
    "less_than": ("pydantic.less_than", ("lt",)),
    "less_than_equal": ("pydantic.less_than_equal", ("le",)),
    "int_parsing": ("pydantic.int", ()),
    "int_type": ("pydantic.int", ()),
    "int_from_float": ("pydantic.int", ()),
    "float_parsing": ("pydantic.number", ()),
    "float_type": ("pydantic.number", ()),
    "string_type": ("pydantic.text", ()),
    "bool_parsing": ("pydantic.bool", ()),
    "bool_type": ("pydantic.bool", ()),
    "dict_type": ("pydantic.mapping", ()),
    "model_type": ("pydantic.mapping", ()),
    "model_attributes_type": ("pydantic.mapping", ()),
    "list_type": ("pydantic.list", ()),
    "tuple_type": ("pydantic.list", ()),
    "too_short": ("pydantic.too_short", ("min_length",)),
    "too_long": ("pydantic.too_long", ("max_length",)),
    "string_too_short": ("pydantic.string_too_short", ("min_length",)),
    "string_too_long": ("pydantic.string_too_long", ("max_length",)),
    "literal_error": ("pydantic.one_of", ("expected",)),
    "enum": ("pydantic.one_of", ("expected",)),
}


def pydantic_message(error: Mapping[str, Any], found: bool = True) -> Msg:
    """A catalogue message for one pydantic error dict, plus what was found.

    Common error types are said in Dutch and English (:data:`_TYPED`, the
    way pydantic's docs suggest: by error type, with the error's ``ctx``).
    The models' own validators raise :func:`pydantic_error`, whose error
    type *is* a catalogue id and whose ``ctx`` holds the parameters; such an
    error is rendered from the catalogue, so a Dutch user reads Dutch, not
    the English template pydantic filled in (floats in ``ctx`` are shown
    with the language's separators, see :meth:`Number.exact`; ints, such as
    years, as they are). The rest keep pydantic's English text (without its
    ``Value error,`` prefix) inside a Dutch frame. ``found=False`` leaves
    out the "(found ...)" suffix.
    """
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind in MESSAGES and fields(MESSAGES[kind][1]) <= set(ctx):
        return msg(kind, **{k: _ctx_value(v) for k, v in ctx.items()})
    if kind == "extra_forbidden":
        return msg("pydantic.unknown_key")
    if kind == "missing":
        return msg("pydantic.missing")
    value = error.get("input")
    shown: object = ""
    if found and kind not in ("value_error", "assertion_error") and isinstance(value, str | int | float):
        shown = msg("pydantic.found", value=value)
    typed = _TYPED.get(kind)
    if typed is not None and all(k in ctx for k in typed[1]):
        return msg(typed[0], found=shown, **{k: ctx[k] for k in typed[1]})
    detail = str(error.get("msg", "invalid value"))
    for prefix in ("Value error, ", "Assertion failed, "):
        if detail.startswith(prefix):
            detail = detail[len(prefix) :]
    return msg("pydantic.other", detail=detail, found=shown)


def _ctx_value(value: object) -> object:
    """A custom error's ``ctx`` value as a message parameter: a finite float becomes a :class:`Number`."""
    if isinstance(value, float) and math.isfinite(value):
        return Number.exact(value)
    return value


def pydantic_error(msg_id: str, /, **ctx: object) -> PydanticCustomError:
    """The error a model's validator raises for catalogue message ``msg_id``.

    Raise it instead of ``ValueError("...")`` inside a ``@model_validator`` or
    ``@field_validator``. Its error type is ``msg_id`` and its template the
    catalogue's English one, so ``str(ValidationError)`` and
    ``errors()[i]["msg"]`` read English for library users, while the readers
    (through :func:`pydantic_message`) say it in the user's language. pydantic
    fills the template itself, so those templates use plain ``{name}`` fields
    only (no ``!r`` or format spec; ``tests/test_messages.py`` checks that).

    Examples
    --------
    >>> err = pydantic_error("model.horizon_order", start=2026, end=2020)
    >>> err.type, err.message()
    ('model.horizon_order', 'horizon end 2020 lies before its start 2026')
    """
    return PydanticCustomError(msg_id, MESSAGES[msg_id][1], dict(ctx))


#: message id -> (Dutch template, English template). Ids are grouped by the module that uses them.
#: Words follow docs/glossary.md: buurt, kasstroom, fonds, overheveling, projectcode, planhorizon.
MESSAGES: dict[str, tuple[str, str]] = {
    # ---- shared pieces --------------------------------------------------------------------------
    "names.none": ("(geen)", "(none)"),
    "names.more": (", … (nog {n})", ", … ({n} more)"),
    "word.none": ("geen", "none"),
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
    # ---- partner workbooks (dia/io/excel.py) -------------------------------------------------------
    "excel.macros": (
        "het werkboek bevat macro's; die worden nooit uitgevoerd, alleen de celwaarden worden gelezen",
        "the workbook contains macros; they are never run, only the cell values are read",
    ),
    "excel.encrypted": (
        "het werkboek is met een wachtwoord beveiligd",
        "the workbook is protected with a password",
    ),
    "excel.damaged": (
        "het werkboek is beschadigd ({detail}); open het in Excel en sla het opnieuw op",
        "the workbook is damaged ({detail}); open it in Excel and save it again",
    ),
    "excel.second_sheet": (
        "een tweede blad {kind} ({sheet!r}) naast {first!r}; zet alle regels in één blad",
        "a second {kind} sheet ({sheet!r}) next to {first!r}; put all rows in one sheet",
    ),
    "excel.sheet_part_missing": (
        "het XML-deel van het blad staat niet waar het werkboek zegt; open het in Excel en sla het op",
        "the sheet's XML part is not where the workbook says it is; open and save it in Excel",
    ),
    "excel.sheet_too_large": (
        "het blad heeft waarden tot cel {cell} ({cells} cellen); er worden er hooguit {limit} gelezen: "
        "verwijder losse cellen ver onder of rechts van de tabel",
        "the sheet has values up to cell {cell} ({cells} cells); at most {limit} are read: "
        "delete stray cells far below or right of the table",
    ),
    "excel.sheet_unreadable": (
        "het blad kan niet gelezen worden ({detail})",
        "the sheet cannot be read ({detail})",
    ),
    "excel.sheet_hidden": (
        "het blad is verborgen in Excel; dia leest het zoals elk ander blad",
        "the sheet is hidden in Excel; dia reads it like any other sheet",
    ),
    "excel.no_data_sheet": (
        "geen gegevensblad gevonden; verwacht een of meer van {expected} (Engels {expected_en}); "
        "gevonden: {found}",
        "no data sheet found; expected one or more of {expected} (EN {expected_en}); found: {found}",
    ),
    "excel.sheets_not_read": (
        "blad(en) {sheets} niet gelezen: geen van {known}",
        "sheet(s) {sheets} not read: not one of {known}",
    ),
    "excel.no_header": (
        "geen kopregel gevonden in de eerste {n} rijen; verwacht een rij met {expected}",
        "no header row found in the first {n} rows; expected a row with {expected}",
    ),
    "excel.unknown_column": (
        "onbekende kolom {label!r} wordt overgeslagen; bekend: {known}",
        "unknown column {label!r} is ignored; known: {known}",
    ),
    "excel.column_twice": (
        "kolom {column!r} staat er twee keer (kolommen {first} en {second}); houd er één",
        "column {column!r} appears twice (columns {first} and {second}); keep one",
    ),
    "excel.missing_column": (
        "verplichte kolom {column!r} (Engels {column_en!r}) ontbreekt",
        "required column {column!r} (EN {column_en!r}) is missing",
    ),
    "excel.totals_row": (
        "lijkt een totaalregel (geen projectcode, 'Totaal' erin); overgeslagen",
        "looks like a totals row (no project code, 'Totaal' in it); skipped",
    ),
    "excel.formula_without_value": (
        "de formule ={formula} heeft geen opgeslagen waarde (het bestand is gemaakt door een programma "
        "dat niet rekent); open het in Excel en sla het op",
        "the formula ={formula} has no saved value (the file was written by a program that does not "
        "calculate); open and save it in Excel",
    ),
    "excel.empty_required": ("verplichte cel is leeg ({column})", "required cell is empty ({column})"),
    "excel.headerless_column": (
        "kolom {column} heeft waarden maar geen kop (samengevoegde kopcel?); wordt overgeslagen",
        "column {column} has values but no header (merged header cell?); it is ignored",
    ),
    "excel.hidden_columns": (
        "kolom(men) {columns} zijn verborgen in Excel; dia leest ze zoals elke andere kolom",
        "column(s) {columns} are hidden in Excel; dia reads them like any other column",
    ),
    "excel.hidden_rows": (
        "rij(en) {rows} zijn verborgen in Excel; dia leest ze zoals elke andere rij "
        "(verwijder een rij om een project weg te laten)",
        "row(s) {rows} are hidden in Excel; dia reads them like any other row "
        "(delete a row to leave a project out)",
    ),
    # ---- cross-reference checks of an area (dia/model/checks.py) ----------------------------------
    "check.duplicate_project": (
        "projectcode {id!r} komt {n} keer voor",
        "project id {id!r} occurs {n} times",
    ),
    "check.duplicate_budget": (
        "het budget van {partner} voor {year} staat er {n} keer",
        "budget of {partner} for {year} is given {n} times",
    ),
    "check.duplicate_fund": ("fonds {name!r} is {n} keer gedefinieerd", "fund {name!r} is defined {n} times"),
    "check.outside_horizon": (
        "{year} ligt buiten de planhorizon {start}–{end}",
        "{year} lies outside the horizon {start}–{end}",
    ),
    "check.after_horizon_end": (
        "{year} ligt na het einde van de planhorizon ({end})",
        "{year} lies after the horizon end {end}",
    ),
    "check.unknown_type": (
        "onbekend projecttype {type!r}; bekend: {known}",
        "unknown project type {type!r}; known: {known}",
    ),
    "check.unknown_partner": (
        "onbekende partner {partner!r}; bekend: {known}",
        "unknown partner {partner!r}; known: {known}",
    ),
    "check.rule_unknown_type": (
        "koppelregel {rule!r} noemt het onbekende projecttype {type!r}; bekend: {known}",
        "rule {rule!r} names unknown project type {type!r}; known: {known}",
    ),
    "check.partner_without_budget": (
        "onbekende partner {partner!r}: er zijn geen Budget-regels van; bekend: {known}",
        "unknown partner {partner!r}: it has no Budget rows; known: {known}",
    ),
    "check.unknown_share_partner": (
        "onbekende partner {partner!r} in de cofinanciering",
        "unknown partner {partner!r} in cost shares",
    ),
    "check.unknown_buurt": (
        "onbekende buurt {buurt!r}: staat niet in de buurten van {area}",
        "unknown buurt {buurt!r}: not in the buurten of {area}",
    ),
    "check.unknown_fund": (
        "onbekend fonds {fund!r}; bekend: {known}",
        "unknown fund {fund!r}; known: {known}",
    ),
    "check.unknown_after": (
        "'Na project' noemt het onbekende project {project!r}",
        "'after' names unknown project {project!r}",
    ),
    "check.cycle": ("kringverwijzing in de volgorde ('Na project'): {cycle}", "dependency cycle: {cycle}"),
    # ---- an area folder (dia/io/area.py) ----------------------------------------------------------
    "text": ("{text}", "{text}"),
    "area.no_folder": ("geen gebiedsmap op {folder}", "no area folder at {folder}"),
    "area.other_spreadsheet": (
        "{suffix}-bestanden worden niet gelezen; sla het op als .xlsx om het mee te nemen",
        "{suffix} files are not read; save it as .xlsx to include it",
    ),
    "area.file_too_large": (
        "het bestand is {mb} MB; er wordt hooguit {limit} MB gelezen",
        "the file is {mb} MB; at most {limit} MB is read",
    ),
    "area.copied_file": (
        "dit bestand is een exacte kopie van {twin} (zelfde SHA-256); verwijder er één",
        "this file is an exact copy of {twin} (same SHA-256); remove one of them",
    ),
    "area.no_workbook": (
        "de map bevat geen .xlsx-werkboek; verwacht er één per partner (zie `dia template`)",
        "the folder holds no .xlsx workbook; expected one per partner (see `dia template`)",
    ),
    "area.missing_sheet": (
        "geen werkboek in de map heeft een blad {sheet}; er is er minstens één nodig",
        "no workbook in the folder has a {sheet} sheet; at least one is needed",
    ),
    "area.negative_budget": (
        "een budget kan niet negatief zijn, maar de cel bevat {amount}",
        "a budget cannot be negative, got {amount}",
    ),
    "area.budget_twice": (
        "het budget van {partner} voor {year} staat er twee keer: hier en in {other}",
        "budget of {partner} for {year} is given twice: here and in {other}",
    ),
    "area.fund_other_types": (
        "fonds {name!r} noemt hier andere types dan in {other}; de regels van één fonds moeten gelijk zijn",
        "fund {name!r} lists other types here than in {other}; rows of one fund must agree",
    ),
    "area.fund_other_partners": (
        "fonds {name!r} noemt hier andere partners dan in {other}; "
        "de regels van één fonds moeten gelijk zijn",
        "fund {name!r} lists other partners here than in {other}; rows of one fund must agree",
    ),
    "area.negative_fund": (
        "een fondsbedrag kan niet negatief zijn, maar de cel bevat {amount}",
        "a fund amount cannot be negative, got {amount}",
    ),
    "area.fund_year_twice": (
        "fonds {name!r} heeft een tweede regel voor {year} (de eerste in {other})",
        "fund {name!r} has a second row for {year} (first in {other})",
    ),
    "area.duplicate_project": (
        "projectcode {id!r} wordt vaker gebruikt: ook in {others}",
        "project id {id!r} is used more than once: also in {others}",
    ),
    "area.negative_amount": (
        "verwacht een bedrag ≥ 0, maar de cel bevat {amount}",
        "expected an amount ≥ 0, got {amount}",
    ),
    "area.duration_range": (
        "verwacht een duur van 1 tot {max} jaar, maar de cel bevat {found}",
        "expected a duration of 1 to {max} years, got {found}",
    ),
    "area.window_inverted": (
        "laatste start {latest} ligt vóór de vroegste start {earliest}",
        "latest start {latest} lies before the earliest start {earliest}",
    ),
    "area.preferred_outside": (
        "gewenste start {preferred} ligt buiten het venster {earliest}–{latest}",
        "preferred start {preferred} lies outside the window {earliest}–{latest}",
    ),
    "area.after_itself": ("project {id} kan niet na zichzelf komen", "project {id} cannot come after itself"),
    "area.cash_flow_twice": (
        "project {id!r} heeft een tweede kasstroomregel (de eerste in {other})",
        "project {id!r} has a second cash-flow row (first in {other})",
    ),
    "area.cash_flow_unknown": (
        "kasstroom voor onbekend project {id!r}: staat in geen enkel blad Projecten",
        "cash flow for unknown project {id!r}: not in any Projecten sheet",
    ),
    "area.cash_flow_years": (
        "de kasstroom heeft {used} projectja(a)r(en), de duur ({at}) is {duration}",
        "the cash flow has {used} project year(s), the duration ({at}) is {duration}",
    ),
    "area.cash_flow_sum": (
        "de kasstroom telt op tot {total}, de kosten ({at}) zijn {cost}",
        "the cash flow sums to {total}, the cost ({at}) is {cost}",
    ),
    "area.horizon_before": (
        "{year} ligt vóór de planhorizon {start}–{end}",
        "{year} lies before the horizon {start}–{end}",
    ),
    "area.horizon_after": (
        "{year} ligt na de planhorizon {start}–{end}",
        "{year} lies after the horizon {start}–{end}",
    ),
    "area.partner_without_budget": (
        "partner {partner!r} heeft in geen enkel werkboek Budget-regels",
        "partner {partner!r} has no Budget rows in any workbook",
    ),
    # ---- dia.yaml and sia_weights.yaml (dia/io/config.py) -----------------------------------------
    "config.not_found": ("bestand niet gevonden: {path}", "file not found: {path}"),
    "config.too_large": ("het bestand is groter dan {limit} MB", "the file is larger than {limit} MB"),
    "config.not_utf8": ("het bestand is geen UTF-8-tekst", "the file is not UTF-8 text"),
    "yaml.where": (" (regel {line}, kolom {column})", " (line {line}, column {column})"),
    "yaml.not_valid": ("geen geldige YAML{where}: {detail}", "not valid YAML{where}: {detail}"),
    "config.empty": ("het bestand is leeg", "the file is empty"),
    "config.not_mapping": (
        "verwacht bovenaan sleutels met waarden (name:, horizon:, ...)",
        "expected a mapping of keys (name:, horizon:, ...) at the top level",
    ),
    "config.default_or_list": (
        "verwacht 'default' of een lijst, maar er staat {value!r}",
        "expected 'default' or a list, got {value!r}",
    ),
    "config.weight_unknown_buurt": (
        "{code} is geen van de buurten in {file}: {known}",
        "{code} is not one of the buurten in {file}: {known}",
    ),
    "config.listed_twice": ("{value!r} staat er {n} keer in", "{value!r} is listed {n} times"),
    "config.buurt_name_twice": (
        "de naam {name!r} wordt gebruikt door de buurten {first} en {second}; "
        "een werkboek kan dan niet zeggen welke bedoeld is",
        "the name {name!r} is used by buurten {first} and {second}; a workbook cannot say which is meant",
    ),
    "config.weights_file_name": (
        "verwacht een bestandsnaam ten opzichte van de gebiedsmap",
        "expected a file name relative to the area folder",
    ),
    "config.weights_mapping": (
        "verwacht 'weights:' met per buurtcode een gewicht",
        "expected a 'weights:' mapping of buurt code to weight",
    ),
    "config.unknown_key_ignored": ("onbekende sleutel (overgeslagen)", "unknown key (ignored)"),
    "config.weight_value": (
        "verwacht een gewicht ≥ 0, maar er staat {value!r}",
        "expected a weight ≥ 0, got {value!r}",
    ),
    # ---- refused workbook files (dia/io/safety.py) -------------------------------------------------
    "safety.empty": (
        "het bestand is leeg (0 bytes); verwacht een Excel-werkboek (.xlsx)",
        "the file is empty (0 bytes); expected an Excel .xlsx workbook",
    ),
    "safety.password": (
        "het werkboek is met een wachtwoord beveiligd; sla een kopie op zonder wachtwoord "
        "(Bestand › Info › Werkmap beveiligen)",
        "the workbook is protected with a password; save a copy without a password "
        "(File › Info › Protect Workbook)",
    ),
    "safety.ole2": (
        "dit is een oud Excel 97-2003-bestand (.xls) of ander OLE2-bestand; open het in Excel en sla het "
        "op als .xlsx",
        "this is an old Excel 97-2003 (.xls) or other OLE2 file; open it in Excel and save it as .xlsx",
    ),
    "safety.not_xlsx": ("geen Excel-werkboek (.xlsx): {what}", "not an Excel .xlsx workbook: {what}"),
    "safety.describe.html": (
        "het is een HTML/XML-tekstbestand met de naam .xlsx; open het in Excel en sla het op als .xlsx",
        "it is an HTML/XML text file renamed to .xlsx; open it in Excel and save it as .xlsx",
    ),
    "safety.describe.csv": (
        "het lijkt een CSV/tekstbestand met de naam .xlsx; open het in Excel en sla het op als .xlsx",
        "it looks like a CSV/text file renamed to .xlsx; open it in Excel and save it as .xlsx",
    ),
    "safety.describe.text": (
        "het is een tekstbestand; verwacht een Excel-werkboek (.xlsx)",
        "it is a text file; expected an Excel .xlsx workbook",
    ),
    "safety.describe.binary": (
        "de inhoud is geen zip-bestand (het .xlsx-formaat); verwacht een Excel-werkboek (.xlsx)",
        "the content is not a zip container (the .xlsx format); expected an Excel .xlsx workbook",
    ),
    "safety.not_zip": (
        "het werkboek is beschadigd (geen leesbare zip: {detail}); open het in Excel en sla het opnieuw op",
        "the workbook is damaged (not a readable zip: {detail}); open it in Excel and save it again",
    ),
    "safety.parts_encrypted": (
        "de delen van het werkboek zijn versleuteld; sla een kopie op zonder wachtwoord",
        "the workbook's parts are encrypted; save a copy without a password",
    ),
    "safety.xlsb": (
        "dit is een binair .xlsb-werkboek; sla het op als .xlsx",
        "this is a binary .xlsb workbook; save it as .xlsx",
    ),
    "safety.kind.word": ("een Word-document", "a Word document"),
    "safety.kind.zip": ("een zip-bestand", "a zip file"),
    "safety.other_zip": (
        "geen Excel-werkboek maar {kind}; verwacht een .xlsx-werkboek",
        "not an Excel workbook but {kind}; expected an .xlsx workbook",
    ),
    "safety.unpacks_to": (
        "het werkboek pakt uit tot {mb} MB; er wordt hooguit {limit} MB gelezen",
        "the workbook unpacks to {mb} MB; at most {limit} MB is read",
    ),
    "safety.bomb": (
        "deel {part} pakt uit tot {mb} MB uit {size} bytes (een zipbom?); geweigerd",
        "part {part} inflates {mb} MB from {size} bytes (a decompression bomb?); refused",
    ),
    "safety.inflates_beyond": ("pakt uit tot meer dan {limit} MB", "inflates beyond {limit} MB"),
    "safety.takes_beyond": (
        "brengt het uitgepakte werkboek boven {limit} MB",
        "takes the workbook beyond {limit} MB unpacked",
    ),
    "safety.part_too_large": (
        "deel {part} {why}; geweigerd (een zipbom?)",
        "part {part} {why}; refused (a decompression bomb?)",
    ),
    "safety.damaged_part": (
        "het werkboek is beschadigd ({part}: {detail}); open het in Excel en sla het opnieuw op",
        "the workbook is damaged ({part}: {detail}); open it in Excel and save it again",
    ),
    "safety.damaged": (
        "het werkboek is beschadigd ({part}: {detail})",
        "the workbook is damaged ({part}: {detail})",
    ),
    "safety.dtd": (
        "deel {part} declareert een XML-DTD of entiteiten, wat Excel nooit schrijft; "
        "geweigerd voor de veiligheid",
        "part {part} declares an XML DTD or entities, which Excel never writes; refused for safety",
    ),
    "safety.entities": (
        "workbook.xml declareert XML-entiteiten; geweigerd voor de veiligheid",
        "workbook.xml declares XML entities; refused for safety",
    ),
    # ---- pydantic's checks of YAML keys and rows (dia/io/validation.py) ----------------------------
    "pydantic.unknown_key": (
        "onbekende sleutel (hoort niet bij het formaat; een tikfout?)",
        "unknown key (not part of the format; a typo?)",
    ),
    "pydantic.missing": ("verplichte sleutel ontbreekt", "required key is missing"),
    "pydantic.found": (" (gevonden: {value!r})", " (found {value!r})"),
    "pydantic.greater_than": ("moet groter zijn dan {gt}{found}", "Input should be greater than {gt}{found}"),
    "pydantic.greater_than_equal": (
        "moet groter dan of gelijk aan {ge} zijn{found}",
        "Input should be greater than or equal to {ge}{found}",
    ),
    "pydantic.less_than": ("moet kleiner zijn dan {lt}{found}", "Input should be less than {lt}{found}"),
    "pydantic.less_than_equal": (
        "moet kleiner dan of gelijk aan {le} zijn{found}",
        "Input should be less than or equal to {le}{found}",
    ),
    "pydantic.int": ("verwacht een geheel getal{found}", "Input should be a valid integer{found}"),
    "pydantic.number": ("verwacht een getal{found}", "Input should be a valid number{found}"),
    "pydantic.text": ("verwacht tekst{found}", "Input should be a valid string{found}"),
    "pydantic.bool": ("verwacht ja/nee (true/false){found}", "Input should be a valid boolean{found}"),
    "pydantic.mapping": (
        "verwacht sleutels met waarden (key: waarde){found}",
        "Input should be a valid dictionary{found}",
    ),
    "pydantic.list": ("verwacht een lijst{found}", "Input should be a valid list{found}"),
    "pydantic.too_short": (
        "verwacht minstens {min_length} element(en){found}",
        "expected at least {min_length} item(s){found}",
    ),
    "pydantic.too_long": (
        "verwacht hooguit {max_length} element(en){found}",
        "expected at most {max_length} item(s){found}",
    ),
    "pydantic.string_too_short": (
        "verwacht minstens {min_length} teken(s){found}",
        "String should have at least {min_length} character(s){found}",
    ),
    "pydantic.string_too_long": (
        "verwacht hooguit {max_length} teken(s){found}",
        "String should have at most {max_length} character(s){found}",
    ),
    "pydantic.one_of": ("verwacht {expected}{found}", "Input should be {expected}{found}"),
    "pydantic.other": ("ongeldige waarde: {detail}{found}", "{detail}{found}"),
    # ---- the models' own validators (raised with pydantic_error; plain {name} fields only) ---------
    # dia/model/config.py: dia.yaml's horizon and coupling rules (also a scenario's horizon)
    "model.horizon_order": (
        "de planhorizon eindigt in {end}, vóór het beginjaar {start}",
        "horizon end {end} lies before its start {start}",
    ),
    "model.horizon_long": (
        "een planhorizon van meer dan {limit} jaar wordt niet ondersteund",
        "a horizon of more than {limit} years is not supported",
    ),
    "model.rule_within": (
        "scope 'within' vraagt een afstand distance_m ≥ 0 (in meters)",
        "scope 'within' needs a distance_m ≥ 0",
    ),
    "model.rule_distance": (
        "distance_m moet ≥ 0 zijn, maar er staat {distance}",
        "distance_m must be ≥ 0, got {distance}",
    ),
    "model.rule_fixed": (
        "saving_base 'fixed' vraagt een vast bedrag saving_fixed ≥ 0",
        "saving_base 'fixed' needs a saving_fixed amount ≥ 0",
    ),
    # dia/model/finance.py, dia/model/project.py (the workbook reader says most of these per cell first)
    "model.fund_year_twice": ("fonds {fund} noemt een jaar twee keer", "fund {fund} lists a year twice"),
    "model.cash_flow_negative": (
        "de bedragen van de kasstroom moeten ≥ 0 zijn",
        "cash-flow amounts must be ≥ 0",
    ),
    "model.cash_flow_years": (
        "de kasstroom heeft {years} projectja(a)r(en), de duur is {duration}",
        "cash-flow profile has {years} years, the duration is {duration}",
    ),
    "model.cash_flow_sum": (
        "de kasstroom telt op tot {total}, de kosten zijn {cost}",
        "cash-flow profile sums to {total}, the cost is {cost}",
    ),
    # dia/scenarios/model.py: a scenario file's overrides
    "scenario.select_nothing": (
        "noem minstens één van 'partners', 'types' of 'projects'",
        "name at least one of 'partners', 'types' or 'projects'",
    ),
    "scenario.factor_and_amount": (
        "geef 'factor' of 'amount', niet allebei",
        "give either 'factor' or 'amount', not both",
    ),
    "scenario.budget_nothing": (
        "geef 'factor', 'amount' of 'carry_over' (overheveling)",
        "give 'factor', 'amount' or 'carry_over'",
    ),
    "scenario.grant_empty": (
        "een toegekend fonds heeft minstens één jaar met een bedrag nodig",
        "a granted fund needs at least one year with an amount",
    ),
    "scenario.grant_negative": (
        "het bedrag voor {year} moet ≥ 0 zijn, maar er staat {amount}",
        "amount for {year} must be ≥ 0, got {amount}",
    ),
    "scenario.horizon_nothing": ("geef 'start' en/of 'end'", "give 'start' and/or 'end'"),
    "scenario.shift_kind": (
        "geef precies één van 'shift' en 'not_before'",
        "give exactly one of 'shift' and 'not_before'",
    ),
    "scenario.shift_zero": ("'shift' mag niet 0 zijn", "'shift' must not be 0"),
    "scenario.rule_id_change": (
        "koppelregel '{rule}': de id kan niet veranderd worden (haal de regel weg en voeg hem opnieuw toe)",
        "rule '{rule}': the id cannot be changed (remove and add instead)",
    ),
    # dia/scenarios/sweep.py
    "sweep.range_order": ("max {max} ligt onder min {min}", "max {max} lies below min {min}"),
    # dia/sia/config.py: sia.yaml (dia.io.sia_io adds what was found, so these leave it out)
    "sia.winsorise": (
        "winsorise vraagt twee kwantielen 0 ≤ onder < boven ≤ 1",
        "winsorise needs two quantiles 0 ≤ lower < upper ≤ 1",
    ),
    "sia.threshold": (
        "een drempel ligt tussen 0 en 100 of is 'median'",
        "a threshold lies between 0 and 100 or is 'median'",
    ),
    # ---- scenario files (dia/scenarios/load.py, dia/scenarios/apply.py) ---------------------------
    "scenario.extends_cycle": ("'extends' vormt een kring: {chain}", "'extends' forms a cycle: {chain}"),
    "scenario.not_found": ("scenariobestand niet gevonden", "scenario file not found"),
    "scenario.not_utf8": ("geen UTF-8-tekstbestand", "not a UTF-8 text file"),
    "scenario.not_mapping": (
        "een scenario moet bestaan uit sleutels met waarden, maar het is een {found}",
        "a scenario must be a mapping of keys, found {found}",
    ),
    "scenario.internal_key": (
        "{key!r} wordt door dia gezet en kan niet in een bestand staan",
        "{key!r} is set by dia and cannot be given in a file",
    ),
    "scenario.extends_type": (
        "'extends' moet een scenariobestand noemen, maar er staat {value!r}",
        "'extends' must name a scenario file, found {value!r}",
    ),
    "scenario.extends_missing": (
        "'extends' noemt {name!r}, maar dat bestaat niet",
        "'extends' names {name!r}, which does not exist",
    ),
    "scenario.invalid": ("scenario {name} is niet geldig", "scenario {name} is not valid"),
    "scenario.unknown_key": ("onbekende sleutel {key!r}", "unknown key {key!r}"),
    "scenario.negative": ("moet ≥ 0 zijn, maar er staat {value}", "must be ≥ 0, found {value}"),
    "scenario.found": ("{detail}, gevonden: {value!r}", "{detail}, found {value!r}"),
    "scenario.unknown.partner": (
        "onbekende partner {name!r}; bekend: {known}",
        "unknown partner {name!r}; known: {known}",
    ),
    "scenario.unknown.type": (
        "onbekend projecttype {name!r}; bekend: {known}",
        "unknown project type {name!r}; known: {known}",
    ),
    "scenario.unknown.project": (
        "onbekend project {name!r}; bekend: {known}",
        "unknown project {name!r}; known: {known}",
    ),
    "scenario.unknown.fund": (
        "onbekend fonds {name!r}; bekend: {known}",
        "unknown fund {name!r}; known: {known}",
    ),
    "scenario.unknown.rule": (
        "onbekende koppelregel {name!r}; bekend: {known}",
        "unknown rule {name!r}; known: {known}",
    ),
    "scenario.does_not_fit": (
        "scenario {name} past niet bij gebied {area}",
        "scenario {name} does not fit area {area}",
    ),
    "scenario.leaves_none": (
        "het scenario laat geen van de {n} projecten in het gebied over",
        "the scenario leaves none of the {n} projects in the area",
    ),
    "scenario.empty_area": (
        "scenario {name} laat een leeg gebied over",
        "scenario {name} leaves an empty area",
    ),
    "scenario.leaves_invalid": (
        "het scenario laat een ongeldig gebied over: {detail}",
        "the scenario leaves an invalid area: {detail}",
    ),
    "scenario.invalid_area": (
        "scenario {name} laat een ongeldig gebied over",
        "scenario {name} leaves an invalid area",
    ),
    "scenario.partner_left_out": (
        "partner {partner!r} wordt door dit scenario weggelaten (remove.partners)",
        "partner {partner!r} is left out by this scenario (remove.partners)",
    ),
    "scenario.fund_exists": (
        "fonds {name!r} bestaat al; verwijder of kort het in plaats daarvan",
        "fund {name!r} already exists; remove or cut it instead",
    ),
    "scenario.forbid_inside": (
        "kan {years} niet verbieden binnen het venster {lo}–{hi}: alleen de eerste of laatste jaren van een "
        "venster kunnen verboden worden",
        "cannot forbid {years} inside the window {lo}–{hi}: only the first or last years of a window can be "
        "forbidden",
    ),
    "scenario.forced_and_forbidden": (
        "{year} is zowel verplicht als verboden",
        "{year} is both forced and forbidden",
    ),
    "scenario.forced_but_left_out": (
        "project {project} moet starten maar is weggelaten ({why})",
        "project {project} is forced to start but left out ({why})",
    ),
    "scenario.rule_exists": (
        "koppelregel {rule!r} bestaat al; wijzig hem in plaats daarvan",
        "rule {rule!r} already exists; change it instead",
    ),
    "scenario.unknown_project": ("onbekend project {project!r}", "unknown project {project!r}"),
    # ---- sweep files and their draws (dia/scenarios/sweep.py) -------------------------------------
    "sweep.not_found": ("sweepbestand niet gevonden", "sweep file not found"),
    "sweep.not_yaml": ("geen geldige YAML: {detail}", "not valid YAML: {detail}"),
    "sweep.not_mapping": (
        "een sweepbestand moet bestaan uit sleutels met waarden",
        "a sweep file must be a mapping of keys",
    ),
    "sweep.source_key": ("'source' wordt door dia gezet", "'source' is set by dia"),
    "sweep.scenario_type": (
        "'scenario' moet een scenariobestand noemen",
        "'scenario' must name a scenario file",
    ),
    "sweep.invalid": ("sweepbestand {name} is niet geldig", "sweep file {name} is not valid"),
    "sweep.unknown.partner": ("onbekende partner {name!r}", "unknown partner {name!r}"),
    "sweep.unknown.type": ("onbekend projecttype {name!r}", "unknown project type {name!r}"),
    "sweep.unknown.project": ("onbekend project {name!r}", "unknown project {name!r}"),
    "sweep.unknown_fund": (
        "onbekend fonds {name!r}: geef 'add' om een nieuw fonds toe te kennen",
        "unknown fund {name!r}: give 'add' to grant a new one",
    ),
    "sweep.fund_exists": (
        "fonds {name!r} bestaat al in het gebied",
        "fund {name!r} already exists in the area",
    ),
    "sweep.does_not_fit": (
        "onzekerheidsanalyse {name} past niet bij gebied {area}",
        "sweep {name} does not fit area {area}",
    ),
    "sweep.draws_seed": (
        "het aantal trekkingen moet ≥ 1 zijn en de seed ≥ 0",
        "draws must be ≥ 1 and the seed ≥ 0",
    ),
    # ---- re-planning and comparing (dia/scenarios/replan.py, dia/scenarios/compare.py) -----------
    "replan.before_horizon": (
        "project {id} is gestart in {year}, vóór de planhorizon {start}–{end} van het gebied; "
        "verleng de planhorizon om het te houden",
        "project {id} started in {year}, before the horizon {start}–{end} of the area; "
        "extend the horizon to keep it",
    ),
    "replan.unknown": (
        "niet in het gebied, wel in de vorige agenda: {n} project(en): {ids}",
        "{n} project(s) of the previous agenda are not in the area: {ids}",
    ),
    "replan.missing": (
        "wel in het gebied, niet in de vorige agenda: {n} project(en): {ids}",
        "{n} project(s) of the area are not in the previous agenda: {ids}",
    ),
    "replan.mismatch": (
        "de vorige agenda past niet bij het gebied: {unknown} project(en) onbekend, {missing} ontbrekend; "
        "gebruik --accept-mismatch (accept_mismatch=True) om toch opnieuw te plannen",
        "the previous agenda does not match the area: {unknown} unknown, {missing} missing "
        "project(s); use --accept-mismatch (accept_mismatch=True) to re-plan anyway",
    ),
    "compare.name_twice": ("twee scenario's heten {name!r}", "two scenarios are called {name!r}"),
    "compare.none": ("geen scenario's om te vergelijken", "no scenarios to compare"),
    "compare.processes": (
        "het aantal processen moet ≥ 1 zijn, maar er staat {processes}",
        "processes must be ≥ 1, got {processes}",
    ),
    "compare.unknown_reference": (
        "referentiescenario {reference!r} is niet een van {names}",
        "reference scenario {reference!r} is not among {names}",
    ),
    # ---- a stored agenda (dia/io/agenda_io.py) ----------------------------------------------------
    "agenda.not_json": (
        "de opgeslagen agenda is geen geldige JSON ({detail}); exporteer hem opnieuw met dia plan",
        "the stored agenda is not valid JSON ({detail}); re-export it with dia plan",
    ),
    "agenda.not_envelope": (
        "geen dia-agenda: verwacht een JSON-object met format {format!r} en een onderdeel 'agenda' "
        "(geschreven door dia plan of dia export)",
        "not a dia agenda: expected a JSON object with format {format!r} and an 'agenda' entry "
        "(written by dia plan or dia export)",
    ),
    "agenda.version": (
        "de opgeslagen agenda heeft formaatversie {version!r}; deze dia leest versie {reads}",
        "stored agenda has format version {version!r}; this dia reads version {reads}",
    ),
    "agenda.invalid": ("de opgeslagen agenda is ongeldig: {detail}", "stored agenda is invalid: {detail}"),
    "agenda.no_agenda_in_folder": (
        "de map bevat geen agenda.json of agenda.xlsx; verwacht een uitvoermap van dia plan",
        "folder holds no agenda.json or agenda.xlsx; expected an output folder of dia plan",
    ),
    "agenda.not_found": (
        "bestand niet gevonden; verwacht een agenda.xlsx of agenda.json geschreven door dia plan",
        "file not found; expected an agenda.xlsx or agenda.json written by dia plan",
    ),
    "agenda.unreadable": ("het bestand kan niet gelezen worden: {detail}", "cannot read the file: {detail}"),
    "agenda.not_xlsx": (
        "geen Excel-werkboek (.xlsx); verwacht een agenda.xlsx geschreven door dia plan",
        "not an Excel workbook (.xlsx); expected an agenda.xlsx written by dia plan",
    ),
    "agenda.cannot_open": (
        "het werkboek kan niet geopend worden: {detail}",
        "cannot open the workbook: {detail}",
    ),
    "agenda.no_data_sheet": (
        "geen dia-agenda: het verborgen blad {sheet!r} ontbreekt; verwacht een agenda.xlsx geschreven door "
        "dia plan of dia export (een werkboek van een partner lees je met dia validate)",
        "not a dia agenda: the hidden sheet {sheet!r} is missing; expected an agenda.xlsx written by "
        "dia plan or dia export (a partner workbook is read with dia validate instead)",
    ),
    "agenda.not_in_sheet": (
        "blad {sheet!r} bevat geen dia-agenda (in A1 hoort {format!r} te staan)",
        "sheet {sheet!r} does not hold a dia agenda (A1 should read {format!r})",
    ),
    "agenda.chunks": (
        "blad {sheet!r} is beschadigd: verwacht {n!r} tekstdelen vanaf A4",
        "sheet {sheet!r} is damaged: expected {n!r} text chunks from A4 down",
    ),
    # ---- SIA inputs: sia.yaml, the indicator table, buurt geometry (dia/io/sia_io.py) -------------
    "sia.not_mapping": (
        "verwacht bovenaan instellingen met waarden",
        "expected a mapping of settings at the top level",
    ),
    "sia.unknown_key": ("onbekende sleutel", "unknown key"),
    "sia.cannot_read": (
        "het werkboek kan niet gelezen worden: {detail}",
        "cannot read the workbook: {detail}",
    ),
    "sia.no_sheet": (
        "geen blad {sheet!r}; het werkboek heeft {names}",
        "no sheet {sheet!r}; the workbook has {names}",
    ),
    "sia.formula": (
        "formule {formula!r} heeft geen berekende waarde; open het bestand in Excel en sla het op",
        "formula {formula!r} has no calculated value; open and save the file in Excel",
    ),
    "sia.suffix": (
        "verwacht een .csv- of .xlsx-bestand, maar het is {suffix!r}",
        "expected a .csv or .xlsx file, got {suffix!r}",
    ),
    "sia.no_suffix": ("zonder extensie", "no suffix"),
    "sia.no_rows": (
        "het bestand heeft geen kopregel en geen buurten",
        "the file has no header row and no buurten",
    ),
    "sia.no_column": (
        "geen kolom {column!r} ({what}) in de kopregel {row}",
        "no column {column!r} ({what}) in the header row {row}",
    ),
    "sia.what.code": ("buurtcode", "buurt code"),
    "sia.what.name": ("buurtnaam", "buurt name"),
    "sia.what.residents": ("inwoners", "residents"),
    "sia.what.indicator": (
        "indicator, {group}/{theme} in de SIA-instellingen",
        "indicator, {group}/{theme} in the SIA config",
    ),
    "sia.empty_code": ("lege buurtcode", "empty buurt code"),
    "sia.code_twice": (
        "buurtcode {code} komt nog eens voor (de eerste keer in rij {row})",
        "buurt code {code} appears again (first in row {row})",
    ),
    "sia.number": (
        "verwacht een getal, of leeg / '.' voor een ontbrekende waarde; gevonden: {value!r}",
        "expected a number, or empty / '.' for a missing value; found {value!r}",
    ),
    "sia.residents": (
        "verwacht een aantal inwoners; gevonden: {value!r}",
        "expected a number of residents; found {value!r}",
    ),
    "sia.residents_negative": (
        "verwacht een aantal inwoners ≥ 0; gevonden: {value}",
        "a number of residents ≥ 0 expected; found {value}",
    ),
    "sia.header_only": (
        "het bestand heeft een kopregel maar geen buurten",
        "the file has a header row but no buurten",
    ),
    "sia.not_geojson": ("geen geldige GeoJSON: {detail}", "not valid GeoJSON: {detail}"),
    "sia.not_features": (
        "verwacht een FeatureCollection met 'features'",
        "expected a FeatureCollection with 'features'",
    ),
    "sia.feature_code": (
        "feature zonder buurtcode, statcode of id",
        "feature without a buurtcode, statcode or id",
    ),
    "sia.geometry": ("buurt {code}: ongeldige geometrie ({detail})", "buurt {code}: {detail}"),
    "sia.geometry.none": ("geen geometrie", "no geometry"),
    "sia.geometry.no_coordinates": ("geen coördinaten", "no coordinates"),
    "sia.geometry.kind": ("verwacht een Polygon of MultiPolygon, maar het type is {kind}",
                          "expected a Polygon or MultiPolygon, got {kind}"),
    "sia.geometry.ring": ("een polygoon heeft een ring van minstens 3 punten nodig",
                          "a polygon needs a ring of at least 3 points"),
    "sia.geometry.numbers": ("elk punt moet een paar getallen zijn (x, y)",
                             "every point must be a pair of numbers (x, y)"),
    "sia.buurten_list": (
        "verwacht een lijst 'buurten' met bij elke buurt een code",
        "expected a list 'buurten' with a code for each",
    ),
    "sia.buurt_code": ("buurt zonder code", "buurt without a code"),
    # ---- the SIA index (dia/sia/config.py, index.py, weights.py) ----------------------------------
    "sia.indicator_twice": (
        "indicator {column!r} staat er twee keer in",
        "indicator {column!r} is listed twice",
    ),
    "sia.reserved_column": (
        "{column!r} geeft de buurt of het aantal inwoners aan; het kan niet ook een indicator zijn",
        "{column!r} identifies buurten or counts residents; it cannot also be an indicator",
    ),
    "sia.did_you_mean": ("; bedoel je {name!r}?", "; did you mean {name!r}?"),
    "sia.unknown_indicator": (
        "onbekende indicator {column!r}: niet in de indicatorcatalogus en geen 'label' opgegeven "
        "(geef een label om een eigen kolom te gebruiken){hint}",
        "unknown indicator {column!r}: not in the indicator catalogue and no 'label' given "
        "(give a label to use a column of your own){hint}",
    ),
    "sia.empty_group": ("geen indicator in groep {group!r}", "no indicator in group {group!r}"),
    "sia.group_zero": (
        "de gewichten van groep {group!r} tellen op tot nul; minstens één moet > 0 zijn",
        "the weights of group {group!r} sum to zero; at least one must be > 0",
    ),
    "sia.theme_zero": (
        "de gewichten van thema {theme!r} in groep {group!r} tellen op tot nul; "
        "geef er één een gewicht > 0 of haal de indicatoren van het thema weg",
        "the weights of theme {theme!r} in group {group!r} sum to zero; "
        "give one a weight > 0 or remove the theme's indicators",
    ),
    "sia.residents_unknown": ("onbekend aantal", "unknown"),
    "sia.few_residents": (
        "buurt {code} ({name}) heeft {n} inwoners, minder dan {min}: {what}",
        "buurt {code} ({name}) has {n} residents, fewer than {min}: {what}",
    ),
    "sia.excluded": ("weggelaten", "excluded"),
    "sia.flagged": ("gemarkeerd, cijfers minder betrouwbaar", "flagged, figures less reliable"),
    "sia.none_left": (
        "er blijft geen buurt over na de regels voor ontbrekende waarden en inwoners",
        "no buurt is left after the missing-value and residents policies",
    ),
    "sia.indicator_empty": (
        "indicator {column!r} heeft in geen enkele meegenomen buurt een waarde",
        "indicator {column!r} has no value in any included buurt",
    ),
    "sia.no_value_excluded": (
        "geen waarde voor buurt {code} ({name}): buurt weggelaten",
        "no value for buurt {code} ({name}): buurt excluded",
    ),
    "sia.no_value_imputed": (
        "geen waarde voor buurt {code} ({name}): aangevuld met het {policy} {fill}",
        "no value for buurt {code} ({name}): imputed with the {policy} {fill}",
    ),
    "sia.policy.mean": ("gemiddelde", "mean"),
    "sia.policy.median": ("mediaan", "median"),
    "sia.weights_unknown_buurt": (
        "buurt {code!r} staat niet in de indicatortabel {source}",
        "buurt {code!r} is not in the indicator table {source}",
    ),
    "sia.weights_excluded": (
        "buurt {code} is weggelaten uit de SIA ({why}); hij krijgt geen gewicht en houdt zijn sia_weight "
        "in dia.yaml",
        "buurt {code} is excluded from the SIA ({why}); it gets no weight and keeps its sia_weight "
        "in dia.yaml",
    ),
    # ---- dia sia on the command line (dia/cli/sia.py) ---------------------------------------------
    "sia.no_buurt_codes": ("geen buurtcodes opgegeven", "no buurt codes given"),
    # ---- koppelkansen: rules, locations (dia/coupling/detect.py, rules.py, spatial.py) -------------
    "coupling.no_projects": (
        "gebied {area!r} heeft geen projecten: voeg regels toe aan een blad Projecten",
        "area {area!r} has no projects: add rows to a Projecten sheet",
    ),
    "coupling.invalid_wkt": (
        "locatie {shown!r} van project {id} is geen geldige, niet-lege WKT-geometrie "
        "(verwacht bijv. 'LINESTRING (257100 471200, 257300 471250)' in meters RD New)",
        "location {shown!r} of project {id} is not a valid, non-empty WKT geometry "
        "(expected e.g. 'LINESTRING (257100 471200, 257300 471250)' in RD New metres)",
    ),
    "coupling.location": ("locatie van project {id}: {why}", "location of project {id}: {why}"),
    "coupling.degrees": (
        "de coördinaten ({x:g}, {y:g}) lijken graden (lengte-/breedtegraad); "
        "verwacht meters in RD New (EPSG:28992), bijv. x 257000, y 471000",
        "coordinates ({x:g}, {y:g}) look like degrees (longitude/latitude); "
        "expected RD New (EPSG:28992) metres, e.g. x 257000, y 471000",
    ),
    "coupling.outside_nl": (
        "de coördinaten ({x0:.0f}, {y0:.0f})–({x1:.0f}, {y1:.0f}) liggen buiten Nederland "
        "in RD New (EPSG:28992): verwacht x 0–300000, y 289000–629000",
        "coordinates ({x0:.0f}, {y0:.0f})–({x1:.0f}, {y1:.0f}) lie outside the Netherlands "
        "in RD New (EPSG:28992): expected x 0–300000, y 289000–629000",
    ),
    "coupling.locations.one": (
        "{n} ongeldige projectlocatie (Locatie)",
        "{n} invalid project location (Locatie)",
    ),
    "coupling.locations.many": (
        "{n} ongeldige projectlocaties (Locatie)",
        "{n} invalid project locations (Locatie)",
    ),
    # ---- reports and exports (dia/report/_export.py, _text.py, gantt.py) ---------------------------
    "report.unknown_format.one": (
        "onbekend uitvoerformaat {unknown}; verwacht een of meer van {formats}, of all",
        "unknown output format(s) {unknown}; expected some of {formats} or all",
    ),
    "report.unknown_format.many": (
        "onbekende uitvoerformaten {unknown}; verwacht een of meer van {formats}, of all",
        "unknown output format(s) {unknown}; expected some of {formats} or all",
    ),
    "report.unknown_lang": (
        "taal {lang!r} wordt niet ondersteund; verwacht nl of en",
        "language {lang!r} is not supported; expected nl or en",
    ),
    "report.gantt_suffix": (
        "een Gantt-diagram kan niet als {suffix} geschreven worden; verwacht .png, .svg of .pdf",
        "cannot write a Gantt chart as {suffix}; expected .png, .svg or .pdf",
    ),
    "report.no_suffix": ("bestand zonder extensie", "a file without suffix"),
}
