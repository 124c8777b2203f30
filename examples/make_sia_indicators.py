"""Generate the FICTITIOUS SIA indicator set bundled as ``dia/data/enschede/indicatoren_fictief.csv``.

There is no open copy of CBS "Kerncijfers wijken en buurten" available
offline (see ``dia/data/enschede/SOURCES.md``), so the bundled example runs
on invented values on the REAL list of Enschede's 70 buurten. The values are
NOT CBS figures and say nothing about any real buurt.

How the values are made (seeded, reproducible)::

    python examples/make_sia_indicators.py --seed 1 --out dia/data/enschede/indicatoren_fictief.csv

* Each buurt gets two independent standard-normal latent factors drawn in
  buurt-code order: ``d`` (deprivation) and ``e`` (a second, physical factor).
* Each indicator is ``low + (high - low) × sigmoid(a·d + b·e + c·noise)``
  with the plausible range (``low``, ``high``) of :mod:`dia.sia.catalogue` and
  fixed loadings (table ``LOADINGS`` below) that only give the indicators
  their usual signs (low income goes with benefits, low WOZ values, more
  nuisance), so the example behaves like real data.
* Residents depend on the kind of area only: the buurten of wijk 07
  (Bedrijfsterreinen, business parks) get tens of residents, the rural
  "Buurtschap ..." buurten of wijk 09 a few hundred, all others thousands.
  As CBS does, income, benefit and health figures are suppressed (left
  empty) for buurten with fewer than 200 residents.

The seed (1) and the loadings were fixed before the first run and never
changed to move any buurt: in particular NOT to place Twekkelerveld high or
low. Nothing here looks at buurt names except the "Buurtschap" prefix and the
wijk code, which only set the number of residents.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
from pathlib import Path

import numpy as np

from dia.io.atomic import atomic_open
from dia.sia.catalogue import CATALOGUE, RESIDENTS

ROOT = Path(__file__).resolve().parents[1]
BUURTEN = ROOT / "dia" / "data" / "enschede" / "buurten.csv"
OUT = ROOT / "dia" / "data" / "enschede" / "indicatoren_fictief.csv"

#: indicator -> (loading on deprivation d, loading on physical factor e, noise loading)
LOADINGS: dict[str, tuple[float, float, float]] = {
    "perc_huishoudens_laag_inkomen": (1.2, 0.0, 0.4),
    "perc_huishoudens_sociaal_minimum": (1.1, 0.0, 0.5),
    "bijstand_per_1000": (1.0, 0.0, 0.6),
    "perc_gezondheid_goed": (-0.8, 0.0, 0.7),
    "gemiddelde_woz": (-0.9, -0.3, 0.5),
    "perc_leegstand": (0.3, 0.3, 0.9),
    "perc_energielabel_efg": (0.3, 0.8, 0.6),
    "leefbaarometer": (-0.9, 0.0, 0.5),
    "overlast_per_1000": (0.6, 0.0, 0.8),
    "misdrijven_per_1000": (0.5, 0.0, 0.9),
    "perc_voelt_zich_onveilig": (0.6, 0.0, 0.7),
    "perc_huurwoningen_corporatie": (0.8, 0.3, 0.6),
    "perc_bouwjaar_tot_2000": (0.2, 0.9, 0.5),
    "perc_huishoudens_met_kinderen": (0.0, 0.0, 1.0),
}
#: Indicators CBS suppresses for small buurten (income, benefits, health survey).
SUPPRESSED_WHEN_SMALL = (
    "perc_huishoudens_laag_inkomen", "perc_huishoudens_sociaal_minimum", "bijstand_per_1000",
    "perc_gezondheid_goed",
)
SMALL = 200
NOTE = "FICTIEF: geen CBS-cijfers; gegenereerd door examples/make_sia_indicators.py"


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def generate(seed: int) -> str:
    """The fictitious indicator CSV as text (deterministic for a seed)."""
    with open(BUURTEN, encoding="utf-8", newline="") as fh:
        buurten = sorted(csv.DictReader(fh), key=lambda r: r["buurtcode"])
    rng = np.random.default_rng(seed)
    n = len(buurten)
    d = rng.standard_normal(n)
    e = rng.standard_normal(n)
    noise = rng.standard_normal((n, len(LOADINGS)))
    size = rng.standard_normal(n)
    columns = ["buurtcode", "buurtnaam", "wijkcode", RESIDENTS.column, *LOADINGS, "toelichting"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for i, b in enumerate(buurten):
        if b["wijkcode"] == "WK015307":
            residents = round(60 * math.exp(0.8 * size[i]))
        elif b["buurtnaam"].startswith("Buurtschap"):
            residents = round(450 * math.exp(0.5 * size[i]))
        else:
            residents = round(3000 * math.exp(0.4 * size[i]))
        row: list[object] = [b["buurtcode"], b["buurtnaam"], b["wijkcode"], residents]
        for j, (column, (a, c, s)) in enumerate(LOADINGS.items()):
            if residents < SMALL and column in SUPPRESSED_WHEN_SMALL:
                row.append("")
                continue
            entry = CATALOGUE[column]
            value = entry.low + (entry.high - entry.low) * _sigmoid(a * d[i] + c * e[i] + s * noise[i, j])
            row.append(f"{value:.{entry.decimals}f}")
        row.append(NOTE)
        writer.writerow(row)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = generate(args.seed)
    with atomic_open(args.out) as fh:
        fh.write(text)
    print(f"wrote {args.out} ({text.count(chr(10)) - 1} buurten, seed {args.seed}): FICTITIOUS values")  # noqa: T201


if __name__ == "__main__":
    main()
