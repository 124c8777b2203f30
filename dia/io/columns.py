"""The header table of the partner workbook: the single source of the input contract.

Every sheet and column a partner workbook may hold is described once here,
modelled on PyPSA's ``component_attrs`` tables: field name, Dutch header,
English header, type, unit, whether it is required, and a description in
both languages. The reader (:mod:`dia.io.area`), the template's ``Uitleg``
sheet (:mod:`dia.io.template`) and ``docs/data-format.md`` are all built from
it, so they cannot drift apart (a test compares the docs with
:func:`markdown_tables`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "text",
    "year",
    "int",
    "euro",
    "number",
    "fraction",
    "bool",
    "list",
    "shares",
    "location",
]
Lang = Literal["nl", "en"]

#: What each kind accepts, for the Uitleg sheet and the docs.
KIND_TEXT: dict[Kind, tuple[str, str]] = {
    "text": ("tekst", "text"),
    "year": ("jaartal (bijv. 2027)", "calendar year (e.g. 2027)"),
    "int": ("geheel getal", "whole number"),
    "euro": (
        "bedrag in euro (bijv. 1250000, € 1.250.000, 1,25 mln, € 750k)",
        "euro amount (e.g. 1250000, € 1.250.000, 1,25 mln, € 750k)",
    ),
    "number": ("getal (ook als bedrag: € 1.250.000)", "number (also as an amount: € 1.250.000)"),
    "fraction": (
        "fractie 0–1 of percentage (bijv. 0,25 of 25%)",
        "fraction 0–1 or percentage (e.g. 0.25 or 25%)",
    ),
    "bool": ("ja/nee (ook yes/no, true/false)", "yes/no (also ja/nee, true/false)"),
    "list": ("namen gescheiden door ;", "names separated by ;"),
    "shares": (
        "partner en percentage, gescheiden door ; (bijv. Gemeente Enschede 50%; Domijn 50%)",
        "partner and percentage, separated by ; (e.g. Gemeente Enschede 50%; Domijn 50%)",
    ),
    "location": (
        "straatnamen gescheiden door ;, of WKT in RD New (EPSG:28992)",
        "street names separated by ;, or WKT in RD New (EPSG:28992)",
    ),
}


@dataclass(frozen=True)
class Column:
    """One column of a sheet: how it is called, what it holds, what it means."""

    field: str
    """Name of the field in the reader's record (mostly the model field)."""
    nl: str
    """Dutch header (the default in templates)."""
    en: str
    """English header."""
    kind: Kind
    required: bool
    description_nl: str
    description_en: str
    unit: str = ""
    aliases: tuple[str, ...] = ()
    """Other header spellings that are accepted."""
    example: str = ""

    def header(self, lang: Lang) -> str:
        return self.nl if lang == "nl" else self.en

    def description(self, lang: Lang) -> str:
        return self.description_nl if lang == "nl" else self.description_en

    def header_keys(self) -> tuple[str, ...]:
        """Normalised header spellings that select this column."""
        return tuple(dict.fromkeys(normalise(h) for h in (self.nl, self.en, self.field, *self.aliases)))


@dataclass(frozen=True)
class Sheet:
    """One sheet of the partner workbook."""

    key: str
    nl: str
    en: str
    columns: tuple[Column, ...]
    description_nl: str
    description_en: str
    aliases: tuple[str, ...] = ()
    year_columns: bool = False
    """Whether the sheet has numbered project-year columns (``Jaar 1``, ``Jaar 2``, ...)."""

    def name(self, lang: Lang) -> str:
        return self.nl if lang == "nl" else self.en

    def description(self, lang: Lang) -> str:
        return self.description_nl if lang == "nl" else self.description_en

    def header_keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(normalise(h) for h in (self.nl, self.en, self.key, *self.aliases)))


def normalise(header: object) -> str:
    """Header text as matched: case-insensitive, without spaces, underscores, dashes or dots.

    Examples
    --------
    >>> normalise(" Vroegste_start ")
    'vroegstestart'
    """
    return re.sub(r"[\s_\-.]+", "", str(header)).casefold()


#: ``Jaar 1``, ``Year 3``, ``jaar_2``: a project-year column of the cash-flow sheet.
YEAR_COLUMN = re.compile(r"^(?:jaar|year)(\d{1,2})$")

PROJECTS = Sheet(
    key="projects",
    nl="Projecten",
    en="Projects",
    aliases=("Project",),
    description_nl="Eén regel per project.",
    description_en="One row per project.",
    columns=(
        Column(
            "id",
            "Projectcode",
            "project_id",
            "text",
            True,
            "Unieke code van het project, over alle partners heen (bijv. DOM-012).",
            "Unique code of the project, across all partners (e.g. DOM-012).",
            aliases=("Project id", "Code"),
            example="DOM-012",
        ),
        Column(
            "partner",
            "Partner",
            "partner",
            "text",
            True,
            "Partner die het project trekt; precies zoals in het blad Budget.",
            "Partner leading the project; exactly as in the Budget sheet.",
            example="Domijn",
        ),
        Column(
            "name",
            "Projectnaam",
            "name",
            "text",
            True,
            "Korte naam van het project.",
            "Short name of the project.",
            aliases=("Naam",),
            example="Renovatie Tubantiastraat",
        ),
        Column(
            "type",
            "Type",
            "type",
            "text",
            True,
            "Projecttype uit de typecatalogus van het gebied (code of omschrijving).",
            "Project type from the area's type catalogue (id or label).",
            example="renovatie",
        ),
        Column(
            "buurt",
            "Buurtcode",
            "area",
            "text",
            True,
            "CBS-buurtcode (BU0153xxxx), buurtnaam of bekende lokale naam.",
            "CBS buurt code (BU0153xxxx), buurt name or known local name.",
            aliases=("Buurt", "buurt_code"),
            example="BU01530301",
        ),
        Column(
            "location",
            "Locatie",
            "location",
            "location",
            False,
            "Straatnamen gescheiden door ; of een WKT-geometrie in RD New (EPSG:28992).",
            "Street names separated by ; or a WKT geometry in RD New (EPSG:28992).",
            example="Tubantiastraat; Hengelosestraat",
        ),
        Column(
            "earliest_start",
            "Vroegste start",
            "earliest_start",
            "year",
            True,
            "Eerste jaar waarin het project kan starten.",
            "First year in which the project can start.",
            unit="jaar/year",
            example="2027",
        ),
        Column(
            "latest_start",
            "Laatste start",
            "latest_start",
            "year",
            False,
            "Laatste jaar waarin het project kan starten (leeg = vroegste start).",
            "Last year in which the project can start (empty = earliest start).",
            unit="jaar/year",
            example="2029",
        ),
        Column(
            "preferred_start",
            "Gewenste start",
            "preferred_start",
            "year",
            False,
            "Gewenst startjaar; afwijken kost een kleine straf.",
            "Preferred start year; deviating costs a small penalty.",
            unit="jaar/year",
            example="2028",
        ),
        Column(
            "duration",
            "Duur",
            "duration",
            "int",
            True,
            "Looptijd in jaren (minstens 1).",
            "Duration in years (at least 1).",
            unit="jaren/years",
            example="2",
        ),
        Column(
            "cost",
            "Kosten",
            "cost",
            "euro",
            True,
            "Totale kosten; gelijk over de looptijd verdeeld tenzij Kasstroom een profiel geeft.",
            "Total cost; spread evenly over the duration unless CashFlow gives a profile.",
            unit="€",
            example="1250000",
        ),
        Column(
            "is_mandatory",
            "Verplicht",
            "mandatory",
            "bool",
            False,
            "ja als het project zeker uitgevoerd moet worden (leeg = nee).",
            "yes if the project must be scheduled (empty = no).",
            example="nee",
        ),
        Column(
            "value",
            "Waarde",
            "value",
            "number",
            False,
            "Maatschappelijke waarde of baat van uitvoering binnen de horizon (≥ 0).",
            "Societal value or benefit of doing it within the horizon (≥ 0).",
            unit="€",
            example="1500000",
        ),
        Column(
            "after",
            "Na project",
            "after",
            "list",
            False,
            "Projectcodes (gescheiden door ;) die klaar moeten zijn voordat dit project start.",
            "Project codes (separated by ;) that must end before this project starts.",
            example="GEM-003",
        ),
        Column(
            "funds",
            "Financiering",
            "funding",
            "list",
            False,
            "Fondsen of subsidies (gescheiden door ;) waaruit het project mag putten.",
            "Funds or subsidies (separated by ;) the project may draw on.",
            example="Energiefonds",
        ),
        Column(
            "shares",
            "Cofinanciering",
            "cost_shares",
            "shares",
            False,
            "Verdeling van de kosten over partners; samen 100% (leeg = de partner betaalt alles).",
            "Split of the cost over partners; 100% together (empty = the partner pays all).",
            example="Gemeente Enschede 50%; Domijn 50%",
        ),
    ),
)

BUDGET = Sheet(
    key="budget",
    nl="Budget",
    en="Budget",
    aliases=("Budgets", "Budgetten"),
    description_nl="Budget per partner per jaar. Een jaar zonder regel heeft budget 0.",
    description_en="Budget per partner per year. A year without a row has budget 0.",
    columns=(
        Column(
            "partner",
            "Partner",
            "partner",
            "text",
            True,
            "Naam van de partner (deze spelling is leidend).",
            "Name of the partner (this spelling is canonical).",
            example="Domijn",
        ),
        Column(
            "year",
            "Jaar",
            "year",
            "year",
            True,
            "Kalenderjaar binnen de horizon.",
            "Calendar year within the horizon.",
            unit="jaar/year",
            example="2027",
        ),
        Column(
            "amount",
            "Budget",
            "budget",
            "euro",
            True,
            "Beschikbaar budget in dat jaar.",
            "Budget available in that year.",
            unit="€",
            aliases=("Bedrag", "amount"),
            example="2500000",
        ),
        Column(
            "carry_over",
            "Overheveling",
            "carry_over",
            "fraction",
            False,
            "Deel van het niet-bestede budget dat naar het volgende jaar mag (0–1 of %; leeg = 0).",
            "Share of unspent budget that may move to the next year (0–1 or %; empty = 0).",
            example="25%",
        ),
    ),
)

CASH_FLOW = Sheet(
    key="cash_flow",
    nl="Kasstroom",
    en="CashFlow",
    aliases=("Cash flow", "Kasstromen"),
    year_columns=True,
    description_nl=(
        "Optioneel: uitgaven per projectjaar. Jaar 1 is het startjaar; de bedragen tellen op tot de kosten."
    ),
    description_en=(
        "Optional: spend per project year. Year 1 is the start year; the amounts add up to the cost."
    ),
    columns=(
        Column(
            "id",
            "Projectcode",
            "project_id",
            "text",
            True,
            "Projectcode uit het blad Projecten.",
            "Project code from the Projects sheet.",
            aliases=("Project id", "Code"),
            example="DOM-012",
        ),
    ),
)

FUNDS = Sheet(
    key="funds",
    nl="Fondsen",
    en="Funds",
    aliases=("Fonds", "Subsidies"),
    description_nl=(
        "Optioneel: fondsen en subsidies. Regels met dezelfde naam vormen één fonds (één regel per jaar)."
    ),
    description_en=(
        "Optional: funds and subsidies. Rows with the same name form one fund (one row per year)."
    ),
    columns=(
        Column(
            "name",
            "Naam",
            "name",
            "text",
            True,
            "Naam van het fonds.",
            "Name of the fund.",
            aliases=("Fonds", "Fund"),
            example="Energiefonds",
        ),
        Column(
            "year",
            "Jaar",
            "year",
            "year",
            True,
            "Kalenderjaar.",
            "Calendar year.",
            unit="jaar/year",
            example="2027",
        ),
        Column(
            "amount",
            "Bedrag",
            "amount",
            "euro",
            True,
            "Beschikbaar bedrag in dat jaar.",
            "Amount available in that year.",
            unit="€",
            example="400000",
        ),
        Column(
            "types",
            "Types",
            "types",
            "list",
            False,
            "Projecttypes die mogen putten (gescheiden door ;; leeg = alle).",
            "Project types that may draw (separated by ;; empty = all).",
            example="energiecoach",
        ),
        Column(
            "partners",
            "Partners",
            "partners",
            "list",
            False,
            "Partners die mogen putten (gescheiden door ;; leeg = alle).",
            "Partners that may draw (separated by ;; empty = all).",
            example="",
        ),
    ),
)

#: The data sheets, in the order a template shows them.
SHEETS: tuple[Sheet, ...] = (PROJECTS, BUDGET, CASH_FLOW, FUNDS)

#: Sheets the reader skips without a word (the template's own helper sheets).
IGNORED_SHEETS: frozenset[str] = frozenset(
    normalise(n) for n in ("Uitleg", "Explanation", "Lijsten", "Lists")
)

EXPLANATION_SHEET: dict[Lang, str] = {"nl": "Uitleg", "en": "Explanation"}
LISTS_SHEET: dict[Lang, str] = {"nl": "Lijsten", "en": "Lists"}


def sheet_for(name: str) -> Sheet | None:
    """The data sheet a workbook sheet name selects (NL or EN, case/space-insensitive)."""
    key = normalise(name)
    for sheet in SHEETS:
        if key in sheet.header_keys():
            return sheet
    return None


def year_column_header(offset: int, lang: Lang) -> str:
    """Header of the ``offset``-th (1-based) project-year column: ``Jaar 1`` / ``Year 1``."""
    return f"{'Jaar' if lang == 'nl' else 'Year'} {offset}"


def markdown_tables(lang: Lang = "en") -> str:
    """The contract as Markdown tables, one per sheet (used in ``docs/data-format.md``)."""
    out: list[str] = []
    for sheet in SHEETS:
        out.append(f"### Sheet `{sheet.nl}` (EN `{sheet.en}`)")
        out.append("")
        out.append(sheet.description(lang))
        out.append("")
        out.append("| field | Dutch header | English header | type | unit | required | description |")
        out.append("|---|---|---|---|---|---|---|")
        for c in sheet.columns:
            out.append(
                f"| `{c.field}` | {c.nl} | {c.en} | {c.kind} | {c.unit} | "
                f"{'yes' if c.required else 'no'} | {c.description(lang)} |"
            )
        if sheet.year_columns:
            out.append(
                "| `profile` | Jaar 1, Jaar 2, … | Year 1, Year 2, … | euro | € | no | "
                + (
                    "Bedrag in het 1e, 2e, … projectjaar."
                    if lang == "nl"
                    else "Amount in the 1st, 2nd, … project year."
                )
                + " |"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"
