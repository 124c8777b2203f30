"""The bundled Enschede data: real buurt list and geometry agree; the fictitious set is reproducible."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

from dia.io.sia_io import BUNDLED_DIR, BUNDLED_INDICATORS, read_geometry

ROOT = Path(__file__).resolve().parents[2]


def test_the_script_reproduces_the_fictitious_indicators_byte_for_byte() -> None:
    script = ROOT / "examples" / "make_sia_indicators.py"
    spec = importlib.util.spec_from_file_location("make_sia_indicators", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.generate(1) == BUNDLED_INDICATORS.read_text(encoding="utf-8")


def test_every_row_says_fictitious_and_buurten_match_the_cbs_list() -> None:
    with open(BUNDLED_DIR / "buurten.csv", encoding="utf-8", newline="") as fh:
        cbs = {r["buurtcode"]: r["buurtnaam"] for r in csv.DictReader(fh)}
    with open(BUNDLED_INDICATORS, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(cbs) == 70 and {r["buurtcode"]: r["buurtnaam"] for r in rows} == cbs
    assert all(r["toelichting"].startswith("FICTIEF") for r in rows)
    assert set(read_geometry(BUNDLED_DIR / "buurten.geojson")) == set(cbs)
    sources = (BUNDLED_DIR / "SOURCES.md").read_text(encoding="utf-8")
    assert "Bron: CBS" in sources and "CC BY 4.0" in sources and "FICTITIOUS" in sources
