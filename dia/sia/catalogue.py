"""Known indicators: CBS Kerncijfers-shaped columns with labels, units and sources.

The catalogue lets ``sia.yaml`` name an indicator by its column alone (labels,
unit and source come from here) and lets the config reader catch a misspelt
indicator early, with a suggestion, instead of reporting a missing column in
the data. An indicator that is not in the catalogue is still allowed when the
config gives its ``label`` (and so declares it on purpose).

Column names follow the snake_case style of the PDOK ``wijkenbuurten`` layer
and the CBS "Kerncijfers wijken en buurten" tables; CBS renames columns
between vintages, so check them against the year you use (``docs/sia.md``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CatalogueEntry:
    """One known indicator column.

    ``low``/``high`` bound the values one sees in Dutch buurten; they are used
    only to generate the clearly fictitious example set
    (``examples/make_sia_indicators.py``), never to clip real data.
    """

    column: str
    label: str
    label_en: str
    unit: str
    source: str
    low: float
    high: float
    decimals: int = 1


#: Column with the number of residents (CBS suppresses figures of small buurten).
RESIDENTS = CatalogueEntry(
    "aantal_inwoners", "Aantal inwoners", "Residents", "inwoners", "CBS Kerncijfers", 0, 9000, 0
)

CATALOGUE: dict[str, CatalogueEntry] = {
    e.column: e
    for e in (
        RESIDENTS,
        CatalogueEntry("perc_huishoudens_laag_inkomen", "Huishoudens met laag inkomen",
                       "Households with a low income", "%", "CBS Kerncijfers", 2, 25),
        CatalogueEntry("perc_huishoudens_sociaal_minimum", "Huishoudens rond sociaal minimum",
                       "Households at or below the social minimum", "%", "CBS Kerncijfers", 2, 25),
        CatalogueEntry("bijstand_per_1000", "Bijstandsuitkeringen per 1.000 inwoners",
                       "Social assistance benefits per 1,000 residents", "per 1.000",
                       "CBS Kerncijfers", 0, 120),
        CatalogueEntry("perc_gezondheid_goed", "Ervaren gezondheid (zeer) goed",
                       "Self-rated health (very) good", "%", "GGD Gezondheidsmonitor", 55, 85),
        CatalogueEntry("gemiddelde_woz", "Gemiddelde WOZ-waarde (× € 1.000)",
                       "Mean WOZ property value (× € 1,000)", "× € 1.000", "CBS Kerncijfers", 150, 600, 0),
        CatalogueEntry("perc_leegstand", "Leegstaande woningen", "Vacant dwellings", "%",
                       "CBS Kerncijfers", 0, 10),
        CatalogueEntry("perc_energielabel_efg", "Woningen met energielabel E, F of G",
                       "Dwellings with energy label E, F or G", "%", "RVO EP-online", 0, 40),
        CatalogueEntry("leefbaarometer", "Leefbaarometer-score", "Leefbaarometer score", "score",
                       "Leefbaarometer (BZK)", 3.6, 4.4, 2),
        CatalogueEntry("overlast_per_1000", "Meldingen overlast per 1.000 inwoners",
                       "Nuisance reports per 1,000 residents", "per 1.000", "Politie / gemeente", 5, 80),
        CatalogueEntry("misdrijven_per_1000", "Geregistreerde misdrijven per 1.000 inwoners",
                       "Registered crimes per 1,000 residents", "per 1.000", "Politie (via CBS)", 10, 150),
        CatalogueEntry("perc_voelt_zich_onveilig", "Voelt zich weleens onveilig in de buurt",
                       "Sometimes feels unsafe in the neighbourhood", "%", "Veiligheidsmonitor", 10, 50),
        CatalogueEntry("perc_huurwoningen_corporatie", "Huurwoningen in bezit van corporaties",
                       "Rented dwellings owned by housing corporations", "%", "CBS Kerncijfers", 0, 80),
        CatalogueEntry("perc_bouwjaar_tot_2000", "Woningen gebouwd vóór 2000", "Dwellings built before 2000",
                       "%", "CBS Kerncijfers", 40, 100),
        CatalogueEntry("perc_huishoudens_met_kinderen", "Huishoudens met kinderen",
                       "Households with children", "%", "CBS Kerncijfers", 10, 45),
    )
}
