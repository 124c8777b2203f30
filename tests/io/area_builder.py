"""Write small area folders (dia.yaml + partner workbooks) from Python, for reader tests."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import openpyxl
import yaml

Rows = list[list[Any]]
Books = dict[str, dict[str, Rows]]

CONFIG: dict[str, Any] = {
    "name": "Testwijk",
    "municipality": "GM0153",
    "horizon": {"start": 2026, "end": 2030},
    "buurten": [
        {"code": "BU01530300", "name": "Tubantia-Toekomst", "wijk": "WK015303"},
        {
            "code": "BU01530301",
            "name": "Twekkelerveld",
            "wijk": "WK015303",
            "sia_weight": 1.5,
            "aliases": ["Het Lang"],
        },
    ],
    "types": "default",
    "rules": "default",
    "partners": [{"name": "Gemeente Enschede", "kind": "gemeente"}, {"name": "Domijn", "kind": "corporatie"}],
}

PROJECT_HEADER = [
    "Projectcode",
    "Partner",
    "Projectnaam",
    "Type",
    "Buurtcode",
    "Locatie",
    "Vroegste start",
    "Laatste start",
    "Gewenste start",
    "Duur",
    "Kosten",
    "Verplicht",
    "Waarde",
    "Na project",
    "Financiering",
]


def books() -> Books:
    """Two partner workbooks with every sheet: a valid area of 5 projects, 2 partners, 1 fund."""
    return copy.deepcopy(
        {
            "Gemeente.xlsx": {
                "Projecten": [
                    list(PROJECT_HEADER),
                    [
                        "GEM-001",
                        "Gemeente Enschede",
                        "Riool Tubantiastraat",
                        "riolering",
                        "BU01530300",
                        "Tubantiastraat",
                        2026,
                        2028,
                        2027,
                        2,
                        1_000_000,
                        "ja",
                        1_200_000,
                        None,
                        None,
                    ],
                    [
                        "GEM-002",
                        "Gemeente Enschede",
                        "Herinrichting Tubantiastraat",
                        "herinrichting",
                        "Tubantia-Toekomst",
                        "Tubantiastraat",
                        2027,
                        2029,
                        None,
                        1,
                        "€ 600.000",
                        "nee",
                        700_000,
                        "GEM-001",
                        None,
                    ],
                    [
                        "GEM-003",
                        "gemeente enschede",
                        "Energiecoaches",
                        "Energiecoaches",
                        "het lang",
                        None,
                        2026,
                        2027,
                        None,
                        1,
                        "150k",
                        None,
                        200_000,
                        None,
                        "Energiefonds",
                    ],
                ],
                "Budget": [["Partner", "Jaar", "Budget", "Overheveling"]]
                + [["Gemeente Enschede", y, 900_000, "25%"] for y in range(2026, 2031)],
                "Fondsen": [
                    ["Naam", "Jaar", "Bedrag", "Types", "Partners"],
                    ["Energiefonds", 2026, 100_000, "energiecoach; renovatie", None],
                    ["Energiefonds", 2027, 100_000, "energiecoach; renovatie", None],
                ],
            },
            "Domijn.xlsx": {
                "Projecten": [
                    list(PROJECT_HEADER),
                    [
                        "DOM-001",
                        "Domijn",
                        "Renovatie 80 woningen",
                        "renovatie",
                        "BU01530301",
                        None,
                        2026,
                        2030,
                        None,
                        2,
                        2_000_000,
                        "nee",
                        2_500_000,
                        None,
                        "Energiefonds",
                    ],
                    [
                        "DOM-002",
                        "Domijn",
                        "Isolatie",
                        "verduurzaming",
                        "Twekkelerveld",
                        None,
                        2027,
                        2028,
                        None,
                        1,
                        "1,25 mln",
                        None,
                        None,
                        "DOM-001",
                        None,
                    ],
                ],
                "Budget": [["Partner", "Jaar", "Budget"]]
                + [["Domijn", y, 1_200_000] for y in range(2026, 2031)],
                "Kasstroom": [["Projectcode", "Jaar 1", "Jaar 2"], ["DOM-001", 500_000, 1_500_000]],
            },
        }
    )


def write_workbook(path: Path, sheets: dict[str, Rows]) -> Path:
    """Write one workbook: each sheet's rows from A1 (None = empty cell)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def write_area(
    folder: Path, workbooks: Books | None = None, config: dict[str, Any] | None = None, **config_changes: Any
) -> Path:
    """Write ``folder/dia.yaml`` and the workbooks; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    data = copy.deepcopy(config if config is not None else CONFIG)
    data.update(config_changes)
    (folder / "dia.yaml").write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    for name, sheets in (books() if workbooks is None else workbooks).items():
        write_workbook(folder / name, sheets)
    return folder
