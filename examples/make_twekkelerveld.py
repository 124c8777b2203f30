"""Generate the bundled example area *Twekkelerveld*: ``dia.yaml`` plus one workbook per partner.

The example is the data a DIA working group in Enschede could bring to its first
session: the gemeente, three housing corporations, the grid operator, the water
board, the drinking-water company, the heat company and a fibre company each send
their own workbook. Buurt codes and names are real (CBS wijk- en buurtindeling
2024, Bron: CBS); street names are real Enschede streets used as illustration;
every project, amount, date, budget and fund is FICTITIOUS.

Everything comes from the fixed tables below: no randomness, no clock. Running the
script twice gives byte-identical files (workbook timestamps and zip entry dates are
pinned). Before writing, the script validates its own output independently of
``dia.io``: it builds the ``dia.model`` objects (Project, Budget, Fund, AreaConfig,
Area) and fails loudly when they are inconsistent, checks that the mandatory
projects fit the budgets, and checks that the koppelkansen designed in exist (and
the designed near misses do not) with its own small pair finder.

Usage::

    python examples/make_twekkelerveld.py                 # rewrite dia/examples/twekkelerveld/
    python examples/make_twekkelerveld.py --out /tmp/tw   # write elsewhere
    python examples/make_twekkelerveld.py --check         # validate and summarise only
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import zipfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import shapely
import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dia.io.atomic import atomic_path
from dia.model import (
    Area,
    AreaConfig,
    Budget,
    CostShare,
    CouplingRule,
    Fund,
    FundYear,
    Project,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "dia" / "examples" / "twekkelerveld"
START, END = 2026, 2035
YEARS = tuple(range(START, END + 1))
#: Pinned workbook creation/modification time: files must not change between runs.
FIXED_TIME = dt.datetime(2026, 1, 5, 9, 0, 0)
#: Pinned date of every zip entry (openpyxl otherwise stamps the wall clock).
ZIP_TIME = (2026, 1, 5, 9, 0, 0)

# --------------------------------------------------------------------------------------
# Buurten: CBS wijk- en buurtindeling 2024 (Bron: CBS), wijk 03 plus illustrative
# neighbours that share a border with it (checked on the CBS buurt polygons).
# --------------------------------------------------------------------------------------
TT, TW = "BU01530300", "BU01530301"
WR, BH = "BU01530400", "BU01530401"
BK, HS = "BU01530008", "BU01530007"


@dataclass(frozen=True)
class BuurtRow:
    code: str
    name: str
    wijk: str
    wijk_name: str
    aliases: tuple[str, ...] = ()


BUURTEN: tuple[BuurtRow, ...] = (
    # Rigtersbleek (former textile mill, sportpark) and De Toekomst are local names used
    # in the area that are not CBS buurten; here they map to the buurt that covers them.
    BuurtRow(TT, "Tubantia-Toekomst", "WK015303", "Wijk 03 Twekkelerveld - T.H.T.",
             ("Rigtersbleek", "De Toekomst")),
    BuurtRow(TW, "Twekkelerveld", "WK015303", "Wijk 03 Twekkelerveld - T.H.T.",
             ("Nieuw Twekkelerveld",)),
    BuurtRow(BK, "Boddenkamp", "WK015300", "Wijk 00 Binnensingelgebied"),
    BuurtRow(HS, "Horstlanden-Stadsweide", "WK015300", "Wijk 00 Binnensingelgebied"),
    BuurtRow(WR, "Walhof-Roessingh", "WK015304", "Wijk 04 Enschede-Noord", ("Roessingh",)),
    BuurtRow(BH, "Bolhaar", "WK015304", "Wijk 04 Enschede-Noord"),
)

# --------------------------------------------------------------------------------------
# Partners (real Enschede parties; their projects and money here are fictitious,
# except "Vezelnet Twente", which is an invented fibre company).
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerRow:
    name: str
    kind: str
    colour: str
    prefix: str
    carry_over: float | None
    """Overheveling (None: the column is left empty, i.e. 0)."""
    budget: tuple[int, ...]
    """Yearly budget 2026-2035 in thousands of euro."""


# Budgets (thousands of euro, 2026-2035) are set as a partner's multi-year plan would be:
# the mandatory work fits at its preferred start with at least 15 % to spare, every
# optional project fits on its own in some year of its window, but in the busy years the
# budget covers only about 60-85 % of what the projects ask at their preferred start, so
# the agenda has to choose and move work. Only the gemeente and the fibre company may
# carry unspent budget over (Overheveling). Carry-over on the partners with large, lumpy
# projects made the plan much harder to solve (HiGHS took minutes instead of seconds
# while this example was built), which is also why their budgets are flat plateaus.
PARTNERS: tuple[PartnerRow, ...] = (
    PartnerRow("Gemeente Enschede", "gemeente", "#1f77b4", "GEM", 0.25,
               (2100, 2800, 2200, 2200, 2200, 2200, 1900, 1600, 1000, 800)),
    PartnerRow("Domijn", "corporatie", "#d62728", "DOM", None,
               (1000, 2600, 3600, 3600, 3600, 3600, 3600, 3600, 1800, 500)),
    PartnerRow("Ons Huis", "corporatie", "#ff7f0e", "OHU", None,
               (500, 2800, 3200, 3200, 3200, 3200, 2400, 2000, 1000, 300)),
    PartnerRow("De Woonplaats", "corporatie", "#9467bd", "WPL", None,
               (1100, 1800, 3300, 3300, 3300, 3300, 2800, 2400, 2400, 500)),
    PartnerRow("Enexis Netbeheer", "netbeheerder", "#bcbd22", "ENX", None,
               (1100, 1500, 2400, 2400, 2800, 1500, 1300, 900, 800, 200)),
    PartnerRow("Vitens", "drinkwaterbedrijf", "#17becf", "VIT", None,
               (450, 650, 650, 650, 650, 650, 650, 1100, 1100, 100)),
    PartnerRow("Ennatuurlijk", "warmtebedrijf", "#8c564b", "ENN", None,
               (300, 1500, 3500, 3000, 3000, 3000, 2600, 2200, 1500, 300)),
    PartnerRow("Waterschap Vechtstromen", "waterschap", "#2ca02c", "WVS", None,
               (100, 1100, 300, 700, 1100, 1100, 400, 200, 100, 100)),
    PartnerRow("Vezelnet Twente", "glasvezel", "#7f7f7f", "GLV", 0.50,
               (350, 500, 600, 500, 450, 350, 400, 200, 100, 100)),
)

PARTNER_BY_PREFIX = {p.prefix: p for p in PARTNERS}

# --------------------------------------------------------------------------------------
# Funds (fictitious amounts, modelled on national schemes for the local heat
# transition and for climate adaptation). They live in the gemeente's workbook.
# --------------------------------------------------------------------------------------
WARMTE = "Fonds Lokale Warmtetransitie"
KLIMAAT = "Klimaatimpuls"


@dataclass(frozen=True)
class FundRow:
    name: str
    amounts: tuple[tuple[int, int], ...]
    types: tuple[str, ...]
    partners: tuple[str, ...]


FUNDS: tuple[FundRow, ...] = (
    FundRow(WARMTE, ((2026, 150_000), (2027, 250_000), (2028, 250_000), (2029, 200_000),
                     (2030, 150_000)), ("energiecoach", "verduurzaming"), ()),
    FundRow(KLIMAAT, ((2027, 300_000), (2028, 300_000), (2029, 300_000), (2030, 200_000)),
            ("klimaatadaptatie",), ("Gemeente Enschede", "Waterschap Vechtstromen")),
)

# --------------------------------------------------------------------------------------
# Projects. Columns: id, name, type, Buurtcode as written in the workbook (mostly the
# CBS code, sometimes a buurt name or a local alias), Locatie (streets or WKT),
# window (earliest, latest, preferred), duration, cost, mandatory, value factor
# (Waarde = factor x cost), after, funds, cost shares, cash-flow profile (fractions).
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class P:
    id: str
    name: str
    type: str
    buurt: str
    location: str
    earliest: int
    latest: int
    preferred: int | None
    duration: int
    cost: int
    mandatory: bool = False
    value_factor: float = 1.2
    after: tuple[str, ...] = ()
    funds: tuple[str, ...] = ()
    shares: tuple[tuple[str, int], ...] = ()
    """(partner, percent) pairs; empty: the lead partner pays all."""
    profile: tuple[float, ...] = ()
    """Fractions per project year (written to the Kasstroom sheet); empty: spread evenly."""

    @property
    def partner(self) -> str:
        return PARTNER_BY_PREFIX[self.id.split("-")[0]].name

    @property
    def value(self) -> int:
        return int(round(self.cost * self.value_factor, -3))

    def amounts(self) -> tuple[int, ...]:
        """Euro per project year, whole euros, summing exactly to the cost."""
        if not self.profile:
            return ()
        parts = [round(self.cost * f) for f in self.profile[:-1]]
        return (*parts, self.cost - sum(parts))


# Illustrative line geometries (RD New, EPSG:28992) in the green zone under the
# high-voltage line in Tubantia-Toekomst: the water board's ditch and the gemeente's
# footpath run 15 m apart, so they couple by distance (rule herinrichting-klimaat).
GREEN_ZONE_DITCH = "LINESTRING (255900 471950, 256150 471880, 256400 471820)"
GREEN_ZONE_PATH = "LINESTRING (255900 471965, 256150 471895, 256400 471835)"

PROJECTS: tuple[P, ...] = (
    # ---- Gemeente Enschede: sewers, streets, climate adaptation, green, social -------------
    P("GEM-001", "Rioolvervanging Goolkatenweg", "riolering", TW, "Goolkatenweg",
      2026, 2028, 2027, 1, 1_450_000, mandatory=True, value_factor=1.3),
    P("GEM-002", "Herinrichting Goolkatenweg", "herinrichting", TW, "Goolkatenweg",
      2027, 2030, 2028, 2, 1_900_000, value_factor=1.4, after=("GEM-001",)),
    P("GEM-003", "Rioolvervanging Pijlhovestraat", "riolering", TW, "Pijlhovestraat",
      2027, 2029, 2028, 1, 980_000, mandatory=True, value_factor=1.2),
    P("GEM-004", "Afkoppelen hemelwater Pijlhovestraat (goten en roosters)", "klimaatadaptatie", TW,
      "Pijlhovestraat", 2027, 2031, 2029, 1, 420_000, value_factor=1.5, funds=(KLIMAAT,)),
    P("GEM-005", "Rioolvervanging Lambertus Buddestraat", "riolering", TW, "Lambertus Buddestraat",
      2029, 2031, 2030, 1, 1_120_000, mandatory=True, value_factor=1.2),
    P("GEM-006", "Rioolvervanging Spoordijkstraat", "riolering", TT, "Spoordijkstraat",
      2030, 2032, 2031, 1, 1_300_000, mandatory=True, value_factor=1.25),
    P("GEM-007", "Herinrichting Spoordijkstraat (verkeersveilig)", "herinrichting", TT, "Spoordijkstraat",
      2031, 2034, 2032, 1, 1_250_000, value_factor=1.35, after=("GEM-006",)),
    P("GEM-008", "Rioolvervanging Otto van Taverenstraat", "riolering", TW, "Otto van Taverenstraat",
      2026, 2027, 2026, 1, 760_000, mandatory=True, value_factor=1.15),
    P("GEM-009", "Herinrichting Otto van Taverenstraat", "herinrichting", TW, "Otto van Taverenstraat",
      2033, 2035, 2034, 1, 820_000, value_factor=1.2),
    P("GEM-010", "Herinrichting Van Heekstraat en winkelcentrum", "herinrichting", TW,
      "Van Heekstraat; Algolstraat", 2028, 2031, 2029, 2, 2_400_000, value_factor=1.5,
      profile=(0.4, 0.6)),
    P("GEM-011", "Rioolrenovatie Minister Loudonlaan", "riolering", TW, "Minister Loudonlaan",
      2032, 2034, 2033, 1, 1_050_000, value_factor=1.1),
    P("GEM-012", "Waterberging sportpark Rigtersbleek", "klimaatadaptatie", "Rigtersbleek", "",
      2027, 2030, 2028, 2, 1_600_000, value_factor=1.45, funds=(KLIMAAT,),
      shares=(("Gemeente Enschede", 60), ("Waterschap Vechtstromen", 40))),
    P("GEM-013", "Groenrenovatie zone onder hoogspanningslijn", "groen", TT, "Toekomststraat",
      2027, 2031, 2028, 1, 540_000, value_factor=1.3),
    P("GEM-014", "Herinrichting Toekomststraat", "herinrichting", TT, "Toekomststraat",
      2028, 2030, 2029, 1, 900_000, value_factor=1.25),
    P("GEM-015", "Sociaal programma Nieuw Twekkelerveld (bewonersbegeleiding)", "sociaal_programma",
      "Twekkelerveld", "", 2026, 2029, 2027, 4, 1_200_000, value_factor=1.6,
      profile=(0.35, 0.25, 0.25, 0.15)),
    P("GEM-016", "Sociaal programma Tubantia-Toekomst", "sociaal_programma", TT, "",
      2029, 2032, 2030, 3, 750_000, value_factor=1.5),
    P("GEM-017", "Energiecoaches Twekkelerveld", "energiecoach", TW, "",
      2026, 2029, 2027, 1, 260_000, value_factor=1.5, funds=(WARMTE,)),
    P("GEM-018", "Energiecoaches Tubantia-Toekomst", "energiecoach", "De Toekomst", "",
      2028, 2031, 2029, 1, 220_000, value_factor=1.5, funds=(WARMTE,)),
    P("GEM-019", "Energiecoaches Bolhaar", "energiecoach", BH, "",
      2030, 2033, 2031, 1, 140_000, value_factor=1.4, funds=(WARMTE,)),
    P("GEM-020", "Herinrichting Hengelosestraat (Walhof-Roessingh)", "herinrichting", WR, "Hengelosestraat",
      2030, 2033, 2031, 2, 3_200_000, value_factor=1.3),
    P("GEM-021", "Herinrichting openbare ruimte Boddenkamp na nieuwbouw", "herinrichting", BK, "",
      2030, 2033, 2031, 1, 1_100_000, value_factor=1.3),
    P("GEM-022", "Groenrenovatie plantsoenen Twekkelerveld", "groen", TW, "Auke Vleerstraat",
      2028, 2032, None, 1, 350_000, value_factor=1.2),
    P("GEM-023", "Wadi's Auke Vleerstraat", "klimaatadaptatie", TW, "Auke Vleerstraat",
      2026, 2028, 2026, 1, 480_000, value_factor=1.35),
    P("GEM-024", "Rioolvervanging Lipperkerkstraat", "riolering", TT, "Lipperkerkstraat",
      2026, 2027, 2026, 2, 1_700_000, mandatory=True, value_factor=1.2),
    P("GEM-025", "Herinrichting Zonstraat en Maanstraat", "herinrichting", TW, "Zonstraat; Maanstraat",
      2030, 2033, 2031, 1, 1_350_000, value_factor=1.35),
    P("GEM-026", "Wandelpad groene zone hoogspanningstracé", "herinrichting", TT, GREEN_ZONE_PATH,
      2029, 2033, 2030, 1, 380_000, value_factor=1.3),
    P("GEM-027", "Groenrenovatie Tubantiasingel (bomen)", "groen", TT, "Tubantiasingel",
      2031, 2035, 2033, 1, 450_000, value_factor=1.15),
    # ---- Domijn (housing corporation), mainly Twekkelerveld -----------------------------
    P("DOM-001", "Renovatie 96 portiekflats Zonstraat", "renovatie", TW, "Zonstraat",
      2027, 2030, 2028, 3, 7_200_000, value_factor=1.3, profile=(0.3, 0.35, 0.35)),
    P("DOM-002", "Renovatie 64 woningen Maanstraat", "renovatie", TW, "Maanstraat",
      2030, 2033, 2031, 2, 5_900_000, value_factor=1.25, profile=(0.4, 0.6)),
    P("DOM-003", "Isolatie 120 eengezinswoningen Twekkelerveld-West", "verduurzaming", TW,
      "Auke Vleerstraat; Pijlhovestraat", 2026, 2029, 2027, 1, 1_900_000, value_factor=1.3,
      funds=(WARMTE,)),
    P("DOM-004", "Sloop winkelstrip Algolstraat", "sloop_nieuwbouw", TW, "Algolstraat",
      2027, 2029, 2028, 1, 1_300_000, value_factor=1.0),
    P("DOM-005", "Nieuwbouw woontoren 36 appartementen Algolstraat", "sloop_nieuwbouw", TW, "Algolstraat",
      2028, 2032, 2029, 3, 9_600_000, value_factor=1.3, after=("DOM-004",),
      profile=(0.3, 0.35, 0.35)),
    P("DOM-006", "Herinrichting binnenterreinen portiekflats Zonstraat", "herinrichting", TW, "Zonstraat",
      2029, 2031, 2030, 1, 900_000, value_factor=1.4,
      shares=(("Gemeente Enschede", 50), ("Domijn", 50))),
    P("DOM-007", "Renovatie 40 woningen Bolhaar", "renovatie", BH, "",
      2030, 2034, None, 2, 3_400_000, value_factor=1.2),
    # ---- Ons Huis (housing corporation): Tubantia-Toekomst, Boddenkamp, Horstlanden ----
    P("OHU-001", "Renovatie 72 woningen Lipperkerkstraat", "renovatie", TT, "Lipperkerkstraat",
      2026, 2029, 2027, 2, 6_200_000, value_factor=1.3, profile=(0.5, 0.5)),
    P("OHU-002", "Isolatie 110 woningen De Toekomst", "verduurzaming", "De Toekomst", "",
      2028, 2031, 2029, 1, 1_650_000, value_factor=1.3, funds=(WARMTE,)),
    P("OHU-003", "Sloop 60 woningen Boddenkamp", "sloop_nieuwbouw", BK, "",
      2027, 2029, 2027, 1, 1_500_000, mandatory=True, value_factor=1.0),
    P("OHU-004", "Nieuwbouw 42 woningen Boddenkamp", "sloop_nieuwbouw", "Boddenkamp", "",
      2028, 2031, 2029, 3, 9_000_000, value_factor=1.3, after=("OHU-003",), profile=(0.3, 0.35, 0.35)),
    P("OHU-005", "Renovatie 50 woningen Tubantiasingel", "renovatie", TT, "Tubantiasingel",
      2030, 2034, 2032, 2, 4_300_000, value_factor=1.25),
    P("OHU-006", "Isolatie en zonnepanelen 45 woningen Horstlanden", "verduurzaming", HS, "",
      2026, 2030, 2028, 1, 700_000, value_factor=1.2),
    # ---- De Woonplaats (housing corporation): Walhof-Roessingh, Bolhaar, Twekkelerveld --
    P("WPL-001", "Renovatie 80 woningen Roessingh", "renovatie", WR, "Roessinghsbleekweg",
      2028, 2031, 2029, 2, 6_400_000, value_factor=1.25),
    P("WPL-002", "Isolatie 70 woningen Bolhaar", "verduurzaming", BH, "",
      2026, 2027, 2026, 1, 1_050_000, value_factor=1.2),
    P("WPL-003", "Sloop 36 woningen Walhof", "sloop_nieuwbouw", WR, "",
      2026, 2028, 2027, 1, 1_100_000, mandatory=True, value_factor=1.0),
    P("WPL-004", "Nieuwbouw 42 woningen Walhof", "sloop_nieuwbouw", "Walhof-Roessingh", "",
      2028, 2031, 2029, 3, 8_400_000, value_factor=1.3, after=("WPL-003",), profile=(0.3, 0.35, 0.35)),
    P("WPL-005", "Renovatie 54 woningen Pijlhovestraat", "renovatie", TW, "Pijlhovestraat",
      2032, 2034, 2033, 2, 4_800_000, value_factor=1.2),
    P("WPL-006", "Isolatie 90 woningen Walhof-Roessingh", "verduurzaming", "Roessingh", "",
      2029, 2033, 2030, 1, 1_250_000, value_factor=1.3, funds=(WARMTE,)),
    # ---- Enexis Netbeheer: grid reinforcement, gas network removal ----------------------
    P("ENX-001", "Netversterking middenspanning Hengelosestraat", "elektriciteitsnet", WR, "Hengelosestraat",
      2029, 2032, 2030, 1, 2_300_000, mandatory=True, value_factor=1.2),
    P("ENX-002", "Gasnet verwijderen Zonstraat en Maanstraat", "gasnet_verwijderen", TW,
      "Zonstraat; Maanstraat", 2030, 2034, 2031, 1, 720_000, value_factor=1.1, after=("ENN-002",)),
    P("ENX-003", "Gasnet verwijderen Van Heekstraat en Algolstraat", "gasnet_verwijderen", TW,
      "Van Heekstraat; Algolstraat", 2030, 2034, 2031, 1, 650_000, value_factor=1.1, after=("ENN-003",)),
    P("ENX-004", "Netversterking laagspanning Auke Vleerstraat", "elektriciteitsnet", TW, "Auke Vleerstraat",
      2026, 2028, 2026, 1, 1_100_000, value_factor=1.15),
    P("ENX-005", "Nieuw middenspanningsstation Toekomststraat", "elektriciteitsnet", TT, "Toekomststraat",
      2027, 2029, 2028, 2, 3_400_000, mandatory=True, value_factor=1.2, profile=(0.5, 0.5)),
    P("ENX-006", "Netversterking Lipperkerkstraat", "elektriciteitsnet", TT, "Lipperkerkstraat",
      2031, 2033, 2032, 1, 900_000, value_factor=1.15),
    P("ENX-007", "Netversterking laagspanning Bolhaar", "elektriciteitsnet", BH, "",
      2028, 2032, 2029, 1, 1_300_000, value_factor=1.2),
    P("ENX-008", "Gasnet verwijderen Lambertus Buddestraat en Goolkatenweg", "gasnet_verwijderen", TW,
      "Lambertus Buddestraat; Goolkatenweg", 2032, 2035, 2033, 1, 800_000, value_factor=1.1,
      after=("ENN-004",)),
    P("ENX-009", "Netversterking laagspanning Tubantia (warmtepompen)", "elektriciteitsnet", TT,
      "Spoordijkstraat",
      2027, 2031, 2029, 1, 1_500_000, value_factor=1.15),
    P("ENX-010", "Netversterking laadpleinen Boddenkamp", "elektriciteitsnet", BK, "",
      2029, 2033, None, 1, 1_200_000, value_factor=1.1),
    # ---- Vitens: drinking-water mains --------------------------------------------------
    P("VIT-001", "Vervanging drinkwaterleiding Lambertus Buddestraat", "drinkwater", TW,
      "Lambertus Buddestraat",
      2028, 2032, 2031, 1, 560_000, value_factor=1.2),
    P("VIT-002", "Vervanging drinkwaterleiding Algolstraat", "drinkwater", TW, "Algolstraat",
      2026, 2028, 2027, 1, 430_000, value_factor=1.15),
    P("VIT-003", "Vervanging drinkwaterleiding Lipperkerkstraat", "drinkwater", TT, "Lipperkerkstraat",
      2030, 2033, 2031, 1, 610_000, value_factor=1.15),
    P("VIT-004", "Vervanging drinkwaterleiding Pijlhovestraat", "drinkwater", TW, "Pijlhovestraat",
      2027, 2030, 2029, 1, 470_000, value_factor=1.2),
    P("VIT-005", "Transportleiding Hengelosestraat", "drinkwater", HS, "Hengelosestraat",
      2031, 2034, 2033, 2, 1_800_000, mandatory=True, value_factor=1.1),
    P("VIT-006", "Vervanging drinkwaterleiding Spoordijkstraat", "drinkwater", TT, "Spoordijkstraat",
      2030, 2033, 2031, 1, 520_000, value_factor=1.2),
    P("VIT-007", "Vervanging drinkwaterleiding Goolkatenweg", "drinkwater", TW, "Goolkatenweg",
      2026, 2029, 2027, 1, 540_000, value_factor=1.2),
    P("VIT-008", "Vervanging drinkwaterleiding Maanstraat", "drinkwater", TW, "Maanstraat",
      2029, 2032, 2030, 1, 500_000, value_factor=1.15),
    P("VIT-009", "Vervanging drinkwaterleidingen Bolhaar", "drinkwater", BH, "",
      2027, 2031, None, 1, 650_000, value_factor=1.1),
    # ---- Ennatuurlijk: heat network ----------------------------------------------------
    P("ENN-001", "Warmtenet hoofdtracé Tubantiasingel", "warmtenet", TT, "Tubantiasingel",
      2027, 2030, 2028, 2, 5_800_000, value_factor=1.3, profile=(0.6, 0.4)),
    P("ENN-002", "Warmtenet Zonstraat en Maanstraat", "warmtenet", TW, "Zonstraat; Maanstraat",
      2029, 2032, 2030, 1, 2_600_000, value_factor=1.3, after=("ENN-001",)),
    P("ENN-003", "Warmtenet Van Heekstraat en Algolstraat", "warmtenet", TW, "Van Heekstraat; Algolstraat",
      2029, 2031, 2030, 1, 2_200_000, value_factor=1.3, after=("ENN-001",)),
    P("ENN-004", "Warmtenet Lambertus Buddestraat en Goolkatenweg", "warmtenet", TW,
      "Lambertus Buddestraat; Goolkatenweg", 2031, 2034, 2032, 1, 2_400_000, value_factor=1.25,
      after=("ENN-001",)),
    P("ENN-005", "Warmtenet aansluiting Roessingh", "warmtenet", WR, "Roessinghsbleekweg",
      2030, 2034, 2032, 1, 1_900_000, value_factor=1.2),
    P("ENN-006", "Warmtenet nieuwbouw Boddenkamp", "warmtenet", BK, "",
      2030, 2034, 2031, 1, 1_400_000, value_factor=1.2, profile=()),
    P("ENN-007", "Warmtenet Spoordijkstraat", "warmtenet", TT, "Spoordijkstraat",
      2031, 2034, 2033, 2, 2_100_000, value_factor=1.2, after=("ENN-001",), profile=(0.7, 0.3)),
    # ---- Waterschap Vechtstromen: water system, pressure mains -------------------------
    P("WVS-001", "Blauwe ader Spoordijkstraat (beek en waterberging)", "klimaatadaptatie", TT,
      "Spoordijkstraat", 2029, 2033, 2030, 2, 2_100_000, value_factor=1.4, funds=(KLIMAAT,)),
    P("WVS-002", "Vervanging persleiding Olieslagweg", "riolering", TT, "Olieslagweg",
      2026, 2028, 2027, 1, 900_000, mandatory=True, value_factor=1.1),
    P("WVS-003", "Greppel en verlaagde velden groene zone", "klimaatadaptatie", TT, GREEN_ZONE_DITCH,
      2029, 2033, 2031, 1, 650_000, value_factor=1.4, funds=(KLIMAAT,)),
    P("WVS-004", "Waterberging Bolhaar (wadi's)", "klimaatadaptatie", BH, "",
      2027, 2031, 2029, 1, 700_000, value_factor=1.3, funds=(KLIMAAT,)),
    P("WVS-005", "Infiltratievoorzieningen Walhof-Roessingh", "klimaatadaptatie", WR, "",
      2028, 2032, 2030, 1, 900_000, value_factor=1.3, funds=(KLIMAAT,)),
    P("WVS-006", "Vervanging rioolgemaal Boddenkamp", "riolering", BK, "",
      2029, 2033, 2031, 1, 800_000, value_factor=1.1),
    # ---- Vezelnet Twente (invented fibre company) --------------------------------------
    P("GLV-001", "Glasvezel Van Heekstraat en omgeving", "glasvezel", TW,
      "Van Heekstraat; Zonstraat; Maanstraat",
      2028, 2030, 2028, 1, 560_000, value_factor=1.2),
    P("GLV-002", "Glasvezel Minister Loudonlaan", "glasvezel", TW, "Minister Loudonlaan",
      2032, 2034, 2032, 1, 380_000, value_factor=1.2),
    P("GLV-003", "Glasvezel Toekomststraat", "glasvezel", TT, "Toekomststraat",
      2026, 2026, 2026, 1, 320_000, value_factor=1.1),
    P("GLV-004", "Glasvezel Bolhaar", "glasvezel", BH, "",
      2026, 2030, 2027, 1, 450_000, value_factor=1.15),
    P("GLV-005", "Glasvezel Walhof-Roessingh", "glasvezel", WR, "Roessinghsbleekweg",
      2027, 2031, 2029, 1, 520_000, value_factor=1.15),
    P("GLV-006", "Glasvezel Goolkatenweg en Pijlhovestraat", "glasvezel", TW, "Goolkatenweg; Pijlhovestraat",
      2027, 2030, 2028, 1, 480_000, value_factor=1.2),
)

# --------------------------------------------------------------------------------------
# The koppelkansen designed in (checked below with an independent pair finder), and
# pairs that look alike but must NOT couple under the default rules.
# --------------------------------------------------------------------------------------
DESIGNED: tuple[tuple[str, str, str, str], ...] = (
    ("GEM-001", "GEM-002", "riool-herinrichting", "sewer then street redesign, Goolkatenweg (after)"),
    ("GEM-006", "GEM-007", "riool-herinrichting", "sewer then street redesign, Spoordijkstraat (after)"),
    ("GEM-003", "GEM-004", "riool-klimaat", "sewer + rainwater disconnection, Pijlhovestraat"),
    ("GEM-006", "WVS-001", "riool-klimaat", "gemeente sewer + water board stream, Spoordijkstraat"),
    ("GEM-007", "WVS-001", "herinrichting-klimaat", "street redesign + stream, Spoordijkstraat"),
    ("GEM-026", "WVS-003", "herinrichting-klimaat", "footpath + ditch 15 m apart (WKT geometries)"),
    ("ENN-002", "ENX-002", "warmtenet-gasnet", "heat network then gas removal, Zonstraat/Maanstraat (after)"),
    ("ENN-003", "ENX-003", "warmtenet-gasnet", "heat network then gas removal, Van Heekstraat (after)"),
    ("ENN-004", "ENX-008", "warmtenet-gasnet", "heat network then gas removal, Goolkatenweg (after)"),
    ("DOM-001", "ENN-002", "warmtenet-renovatie", "heat network + flat renovation, Twekkelerveld"),
    ("ENN-001", "OHU-001", "warmtenet-renovatie", "heat trunk + renovation, Tubantia-Toekomst"),
    ("ENN-003", "GEM-010", "warmtenet-herinrichting", "heat network + redesign, Van Heekstraat"),
    ("ENX-001", "GEM-020", "netversterking-herinrichting", "grid + redesign, Hengelosestraat"),
    ("ENX-005", "GEM-014", "netversterking-herinrichting", "substation + redesign, Toekomststraat"),
    ("GEM-005", "VIT-001", "drinkwater-riool", "water main + sewer, Lambertus Buddestraat"),
    ("GEM-001", "VIT-007", "drinkwater-riool", "water main + mandatory sewer, Goolkatenweg"),
    ("GEM-003", "VIT-004", "drinkwater-riool", "water main + sewer, Pijlhovestraat"),
    ("GEM-006", "VIT-006", "drinkwater-riool", "water main + sewer, Spoordijkstraat"),
    ("GEM-010", "GLV-001", "glasvezel-herinrichting", "fibre + redesign in the same year, Van Heekstraat"),
    ("GEM-011", "GLV-002", "glasvezel-riool", "fibre + sewer in the same year, Minister Loudonlaan"),
    ("GEM-003", "GLV-006", "glasvezel-riool", "fibre + mandatory sewer in the same year, Pijlhovestraat"),
    ("DOM-001", "GEM-015", "renovatie-sociaal", "renovation + social programme, Twekkelerveld"),
    ("GEM-016", "OHU-005", "renovatie-sociaal", "renovation + social programme, Tubantia-Toekomst"),
    ("DOM-003", "GEM-017", "verduurzaming-energiecoach", "insulation + energy coaches, Twekkelerveld"),
    ("GEM-018", "OHU-002", "verduurzaming-energiecoach", "insulation + energy coaches, De Toekomst"),
    ("GEM-021", "OHU-004", "sloop-herinrichting", "new build + public space, Boddenkamp"),
    ("GEM-020", "WPL-004", "sloop-herinrichting", "new build + redesign, Walhof-Roessingh"),
    ("WPL-001", "WPL-006", "renovatie-verduurzaming", "renovation + insulation, Walhof-Roessingh"),
)
NOT_COUPLED: tuple[tuple[str, str, str], ...] = (
    ("GEM-008", "GEM-009", "same street, sewer 2026-27 but redesign 2033-35: too far apart in time"),
    ("GEM-024", "VIT-003", "same street, sewer 2026-27 but water main 2030-33: too far apart"),
    ("GEM-014", "GLV-003", "same street, fibre only in 2026, redesign from 2028 (max_gap 0)"),
    ("GEM-005", "VIT-002", "same buurt and time, different streets (Lambertus Buddestraat / Algolstraat)"),
    ("GEM-019", "WPL-002", "same buurt (Bolhaar), coaches 2030-33 vs insulation 2026-27 (max_gap 0)"),
    ("DOM-003", "GEM-018", "insulation and coaches in different buurten"),
)


# ======================================================================================
# Building the model objects (the independent validation)
# ======================================================================================
def _say(text: str = "") -> None:
    print(text)  # noqa: T201 - a command-line script reports on stdout


def _load_default(name: str) -> list[dict[str, Any]]:
    text = (resources.files("dia") / "data" / name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, list):
        raise SystemExit(f"{name}: expected a list")
    return data


def area_yaml() -> dict[str, Any]:
    """The content of ``dia.yaml`` (types and rules by the ``default`` shorthand)."""
    return {
        "name": "Twekkelerveld",
        "municipality": "GM0153",
        "language": "nl",
        "horizon": {"start": START, "end": END},
        "buurten": [
            {"code": b.code, "name": b.name, "wijk": b.wijk, "wijk_name": b.wijk_name,
             "sia_weight": 1.0, **({"aliases": list(b.aliases)} if b.aliases else {})}
            for b in BUURTEN
        ],
        "types": "default",
        "rules": "default",
        "partners": [{"name": p.name, "kind": p.kind, "colour": p.colour} for p in PARTNERS],
        "weights": {"value": 1.0, "saving": 1.0, "delay": 0.02, "use_sia": True},
        "caps": {"street_works_per_buurt_year": 3},
        "solver": {"solver": "highs", "time_limit": 60, "gap": 0.0001, "threads": 1, "seed": 0},
    }


YAML_HEADER = """\
# DIA Twekkelerveld (Enschede): the bundled example area of `dia`.
# Generated by examples/make_twekkelerveld.py - edit that script, not this file.
# Buurt codes and names: CBS wijk- en buurtindeling 2024 (Bron: CBS).
# All projects, amounts, budgets and funds in the workbooks are FICTITIOUS.
# sia_weight is 1.0 per buurt below; sia_weights.yaml (written by `dia sia --example --area`,
# from FICTITIOUS indicators) overrides it, so projects count 1 + urgency/100 times their value.
"""


def buurt_resolver() -> dict[str, str]:
    """Code, name or alias (case-insensitive) -> CBS code, as the contract says."""
    out: dict[str, str] = {}
    for b in BUURTEN:
        for key in (b.code, b.name, *b.aliases):
            if key.casefold() in out:
                raise SystemExit(f"buurt key {key!r} is ambiguous")
            out[key.casefold()] = b.code
    return out


def is_wkt(location: str) -> bool:
    return bool(re.match(r"^\s*(MULTI)?(POINT|LINESTRING|POLYGON)\b", location, re.IGNORECASE))


def to_project(p: P, resolve: dict[str, str]) -> Project:
    amounts = p.amounts()
    return Project(
        id=p.id, partner=p.partner, name=p.name, type=p.type, buurt=resolve[p.buurt.casefold()],
        streets=() if is_wkt(p.location) else tuple(s.strip() for s in p.location.split(";") if s.strip()),
        geometry=p.location if is_wkt(p.location) else None,
        earliest_start=p.earliest, latest_start=p.latest, preferred_start=p.preferred,
        duration=p.duration, cost=p.cost,
        profile=tuple(float(a) for a in amounts) if amounts else tuple([p.cost / p.duration] * p.duration),
        is_mandatory=p.mandatory, value=p.value, after=p.after, funds=p.funds,
        shares=tuple(CostShare(partner=n, fraction=pct / 100) for n, pct in p.shares),
    )


def demand(projects: Sequence[Project], *, mandatory: bool | None) -> dict[tuple[str, int], float]:
    """Euro per (partner, year) when every project starts at its preferred (else earliest) year."""
    out: dict[tuple[str, int], float] = defaultdict(float)
    for p in projects:
        if mandatory is not None and p.is_mandatory != mandatory:
            continue
        start = p.preferred_start if p.preferred_start is not None else p.earliest_start
        for offset, amount in enumerate(p.profile):
            for share in p.payers:
                out[share.partner, start + offset] += amount * share.fraction
    return out


def make_budgets() -> list[Budget]:
    """The partners' Budget rows (from the fixed table in :data:`PARTNERS`)."""
    return [Budget(partner=p.name, year=y, amount=1000 * amount, carry_over=p.carry_over or 0.0)
            for p in PARTNERS for y, amount in zip(YEARS, p.budget, strict=True)]


def make_funds() -> list[Fund]:
    return [Fund(name=f.name, amounts=tuple(FundYear(year=y, amount=a) for y, a in f.amounts),
                 types=f.types, partners=f.partners) for f in FUNDS]


def build_area() -> Area:
    """The example as ``dia.model.Area``; raises (pydantic ``ValidationError``) when invalid."""
    config = dict(area_yaml())
    config["types"] = _load_default("default_types.yaml")
    config["rules"] = _load_default("default_rules.yaml")
    resolve = buurt_resolver()
    projects = [to_project(p, resolve) for p in PROJECTS]
    return Area(config=AreaConfig.model_validate(config), projects=tuple(projects),
                budgets=tuple(make_budgets()), funds=tuple(make_funds()))


# ======================================================================================
# Independent checks: feasibility of the mandatory work, and the koppelkansen
# ======================================================================================
def check_area(area: Area) -> list[str]:
    """Problems with the example's design (empty when it is as intended)."""
    problems: list[str] = []
    by_id = area.project_by_id
    for p in area.projects:
        if p.latest_start + p.duration - 1 > END:
            problems.append(f"{p.id}: may end after {END}")
        if not 1.0 <= p.value / p.cost <= 1.6 + 1e-9:
            problems.append(f"{p.id}: value/cost {p.value / p.cost:.2f} outside 1.0-1.6")
        if p.is_mandatory:
            for before in p.after:
                if not by_id[before].is_mandatory:
                    problems.append(f"{p.id}: mandatory but after optional {before}")
        start = p.preferred_start or p.earliest_start
        for before in p.after:
            first = by_id[before]
            if (first.preferred_start or first.earliest_start) + first.duration > start:
                problems.append(f"{p.id}: preferred start {start} before {before} ends")
            if first.earliest_start + first.duration > p.latest_start:
                problems.append(f"{p.id}: cannot start after {before} within its window")
    must = demand(area.projects, mandatory=True)
    for budget in area.budgets:
        key = (budget.partner, budget.year)
        if must[key] > 0.85 * budget.amount:
            problems.append(f"{budget.partner} {budget.year}: mandatory work {must[key]:,.0f} "
                            f"leaves less than 15 % of the budget {budget.amount:,.0f}")
    for p in area.projects:
        if not p.is_mandatory and not any(_fits_alone(area, p, start) for start in p.start_years):
            problems.append(f"{p.id}: does not fit its partners' budgets in any start year, "
                            "even next to the mandatory work alone")
    for partner in area.partners:
        share = covered_share(area, partner.name)
        if not 0.55 <= share <= 0.85:
            problems.append(f"{partner.name}: its budget covers {share:.0%} of its yearly demand at "
                            "preferred start (intended about 60-80 %)")
    if len(area.partners) < 6 or len(area.projects) < 60:
        problems.append("fewer than 6 partners or 60 projects")
    found = find_pairs(area)
    for id_a, id_b, rule, why in DESIGNED:
        if rule not in found.get((id_a, id_b), set()):
            problems.append(f"designed koppelkans {id_a}-{id_b} ({rule}: {why}) is not found")
    for id_a, id_b, why in NOT_COUPLED:
        if (id_a, id_b) in found:
            problems.append(f"{id_a}-{id_b} should not couple ({why}) but does: "
                            f"{sorted(found[id_a, id_b])}")
    return problems


def covered_share(area: Area, partner: str) -> float:
    """Share of the partner's demand (every project at its preferred start) that its budget
    covers in the same year: sum_y min(budget_y, demand_y) / sum_y demand_y.

    Money in a year without demand is not counted: without carry-over it cannot pay for
    the work of another year.
    """
    everything = demand(area.projects, mandatory=None)
    total = covered = 0.0
    for year in YEARS:
        budget = area.budget_of(partner, year)
        wanted = everything[partner, year]
        total += wanted
        covered += min(wanted, budget.amount if budget else 0.0)
    return covered / total if total else 1.0


def _fits_alone(area: Area, project: Project, start: int) -> bool:
    """Whether ``project`` started in ``start`` fits, next to the mandatory work at its
    preferred start, within each paying partner's budgets with carry-over (funds ignored)."""
    must = demand(area.projects, mandatory=True)
    for share in project.payers:
        carry = 0.0
        for year in YEARS:
            budget = area.budget_of(share.partner, year)
            amount = budget.amount if budget else 0.0
            alpha = budget.carry_over if budget else 0.0
            spend = must[share.partner, year] + share.fraction * project.spend_in(start, year)
            if spend > amount + carry + 0.5:
                return False
            carry = alpha * (amount + carry - spend)
    return True


def _can_meet(a: Project, b: Project, gap: int) -> bool:
    """Whether start years within ``gap`` exist that also respect a direct ``after`` link."""
    for sa in a.start_years:
        for sb in b.start_years:
            if abs(sa - sb) > gap:
                continue
            if a.id in b.after and sb < sa + a.duration:
                continue
            if b.id in a.after and sa < sb + b.duration:
                continue
            return True
    return False


def _meets(rule: CouplingRule, a: Project, b: Project) -> bool:
    if rule.scope == "same_buurt":
        return a.buurt == b.buurt
    if a.geometry and b.geometry:
        distance = rule.distance_m or 0.0
        return bool(shapely.dwithin(shapely.from_wkt(a.geometry), shapely.from_wkt(b.geometry), distance))
    if rule.scope == "same_street":
        return bool({s.casefold() for s in a.streets} & {s.casefold() for s in b.streets})
    return False


def find_pairs(area: Area) -> dict[tuple[str, str], set[str]]:
    """Koppelkansen by brute force over all pairs (fine for ~70 projects): (a, b) -> rule ids."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    projects = area.projects
    for i, a in enumerate(projects):
        for b in projects[i + 1:]:
            for rule in area.config.rules:
                if tuple(sorted((a.type, b.type))) != rule.types:
                    continue
                if _meets(rule, a, b) and _can_meet(a, b, rule.max_gap):
                    out[a.id, b.id].add(rule.id)
    return dict(out)


def summary(area: Area) -> list[str]:
    """Human summary: projects per partner, demand against budget per year, koppelkansen."""
    lines = [f"{area.config.name}: {len(area.partners)} partners, {len(area.projects)} projects, "
             f"{len(area.config.buurten)} buurten, {len(area.funds)} funds"]
    everything = demand(area.projects, mandatory=None)
    must = demand(area.projects, mandatory=True)
    head = "".join(f"{y:>8}" for y in YEARS)
    lines.append(f"{'partner (k euro: demand at preferred start / budget)':<40}{head}   covered")
    for partner in area.partners:
        ps = [p for p in area.projects if p.partner == partner.name]
        n_must = sum(p.is_mandatory for p in ps)
        budgets = {b.year: b.amount for b in area.budgets if b.partner == partner.name}
        d_row = "".join(f"{everything[partner.name, y] / 1e3:>8.0f}" for y in YEARS)
        b_row = "".join(f"{budgets[y] / 1e3:>8.0f}" for y in YEARS)
        m_row = "".join(f"{must[partner.name, y] / 1e3:>8.0f}" for y in YEARS)
        ratio = covered_share(area, partner.name)
        lines.append(f"{partner.name} ({len(ps)} projects, {n_must} mandatory)")
        lines.append(f"{'  demand':<40}{d_row}")
        lines.append(f"{'  of which mandatory':<40}{m_row}")
        lines.append(f"{'  budget':<40}{b_row}   {ratio:.0%}")
    found = find_pairs(area)
    lines.append(f"koppelkansen (independent finder): {len(found)} pairs; designed ones:")
    lines += [f"  {a} - {b}  {rule:<28} {why}" for a, b, rule, why in DESIGNED]
    return lines


# ======================================================================================
# Writing: dia.yaml and the workbooks
# ======================================================================================
EURO = '"€" #,##0'
PERCENT = "0%"
YEAR = "0"

PROJECT_HEADERS = ("Projectcode", "Partner", "Projectnaam", "Type", "Buurtcode", "Locatie",
                   "Vroegste start", "Laatste start", "Gewenste start", "Duur", "Kosten", "Verplicht",
                   "Waarde", "Na project", "Financiering", "Cofinanciering")
FORMATS = {"Kosten": EURO, "Waarde": EURO, "Budget": EURO, "Bedrag": EURO, "Overheveling": PERCENT,
           "Vroegste start": YEAR, "Laatste start": YEAR, "Gewenste start": YEAR, "Jaar": YEAR}

Row = tuple[object, ...]


@dataclass
class SheetData:
    title: str
    headers: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)


def project_row(p: P) -> Row:
    shares = "; ".join(f"{n} {pct}%" for n, pct in p.shares)
    return (p.id, p.partner, p.name, p.type, p.buurt, p.location or None, p.earliest, p.latest,
            p.preferred, p.duration, p.cost, "ja" if p.mandatory else "nee", p.value,
            "; ".join(p.after) or None, "; ".join(p.funds) or None, shares or None)


def workbooks(area: Area) -> dict[str, list[SheetData]]:
    """File name -> sheets, one workbook per partner."""
    out: dict[str, list[SheetData]] = {}
    for partner in PARTNERS:
        own = [p for p in PROJECTS if p.partner == partner.name]
        sheets = [SheetData("Projecten", PROJECT_HEADERS, [project_row(p) for p in own])]
        budget = SheetData("Budget", ("Partner", "Jaar", "Budget", "Overheveling"))
        for b in area.budgets:
            if b.partner == partner.name:
                budget.rows.append((b.partner, b.year, b.amount, partner.carry_over))
        sheets.append(budget)
        profiled = [p for p in own if p.profile]
        if profiled:
            width = max(p.duration for p in profiled)
            cash = SheetData("Kasstroom", ("Projectcode", *(f"Jaar {i}" for i in range(1, width + 1))))
            for p in profiled:
                amounts = p.amounts()
                cash.rows.append((p.id, *amounts, *([None] * (width - len(amounts)))))
            sheets.append(cash)
        if partner.kind == "gemeente":
            funds = SheetData("Fondsen", ("Naam", "Jaar", "Bedrag", "Types", "Partners"))
            for f in FUNDS:
                for year, amount in f.amounts:
                    funds.rows.append((f.name, year, amount, "; ".join(f.types) or None,
                                       "; ".join(f.partners) or None))
            sheets.append(funds)
        out[f"{partner.name}.xlsx"] = sheets
    return out


def workbook_bytes(sheets: Sequence[SheetData]) -> bytes:
    """A formatted workbook (bold frozen header, filter, widths, euro formats), byte-stable."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for sheet in sheets:
        ws = wb.create_sheet(sheet.title)
        ws.append(list(sheet.headers))
        for row in sheet.rows:
            ws.append(list(row))
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(vertical="center")
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for col, header in enumerate(sheet.headers, start=1):
            fmt = FORMATS.get(header, EURO if header.startswith("Jaar ") else None)
            texts = [header] + [_shown(r[col - 1], fmt) for r in sheet.rows]
            ws.column_dimensions[get_column_letter(col)].width = min(60, max(len(t) for t in texts) + 3)
            if fmt:
                for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                    cell.number_format = fmt
    wb.properties.creator = "examples/make_twekkelerveld.py"
    wb.properties.title = "DIA Twekkelerveld (fictieve voorbeelddata)"
    wb.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    return _pin_zip(buffer.getvalue())


def _shown(value: object, fmt: str | None) -> str:
    if value is None:
        return ""
    if fmt == EURO and isinstance(value, int | float):
        return f"€ {value:,.0f}"
    return str(value)


def _pin_zip(data: bytes) -> bytes:
    """Rewrite the xlsx zip with fixed entry dates and a fixed modification time.

    openpyxl stamps ``docProps/core.xml`` (``dcterms:modified``) and every zip entry
    with the wall clock when saving; pinning both makes the files byte-stable.
    """
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            pinned = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = 0o644 << 16
            dst.writestr(pinned, content)
    return out.getvalue()


def yaml_text() -> str:
    body = yaml.safe_dump(area_yaml(), sort_keys=False, allow_unicode=True, width=100)
    return YAML_HEADER + body + "sia_weights: sia_weights.yaml\n"


def generate(out: Path) -> list[Path]:
    """Validate the example, then write ``dia.yaml`` and the workbooks into ``out``.

    Raises
    ------
    SystemExit
        When the example is not as designed (the problems are listed).
    """
    area = build_area()
    problems = check_area(area)
    if problems:
        raise SystemExit("the example is not as designed:\n  " + "\n  ".join(problems))
    written: list[Path] = []
    files: dict[str, bytes] = {"dia.yaml": yaml_text().encode("utf-8")}
    files |= {name: workbook_bytes(sheets) for name, sheets in workbooks(area).items()}
    out.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files.items()):
        with atomic_path(out / name) as tmp:
            tmp.write_bytes(data)
            tmp.chmod(0o644)  # mkstemp creates 0600; these are ordinary shared data files
        written.append(out / name)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"folder to write (default {DEFAULT_OUT})")
    parser.add_argument("--check", action="store_true", help="validate and summarise, write nothing")
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    args = parser.parse_args(argv)
    area = build_area()
    if not args.quiet:
        for line in summary(area):
            _say(line)
    if args.check:
        problems = check_area(area)
        for problem in problems:
            _say(f"PROBLEM: {problem}")
        return 1 if problems else 0
    written = generate(args.out)
    expected = {p.name for p in written}
    stray = sorted(p.name for p in args.out.glob("*.xlsx") if p.name not in expected)
    if stray:
        _say(f"warning: other workbooks in {args.out} would be read too: {', '.join(stray)}")
    if not args.quiet:
        _say(f"wrote {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
