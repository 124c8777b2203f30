"""The bundled example Twekkelerveld: committed files, size, CBS codes, contract headers,
readable by ``load_area``, and reproducible from ``examples/make_twekkelerveld.py``.

The workbooks are read here with openpyxl directly, not through ``dia.io``, so these
checks stay independent of the reader they feed.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "dia" / "examples" / "twekkelerveld"
SCRIPT = ROOT / "examples" / "make_twekkelerveld.py"
#: The CBS 2024 buurt list: the shared reference copy of the development workspace (absent
#: in a clean clone), else the copy the package ships for the SIA.
BUURTEN_CSVS = (ROOT.parent / "shared" / "data" / "enschede_buurten.csv",
                ROOT / "dia" / "data" / "enschede" / "buurten.csv")

PROJECT_HEADERS = [
    "Projectcode", "Partner", "Projectnaam", "Type", "Buurtcode", "Locatie", "Vroegste start",
    "Laatste start", "Gewenste start", "Duur", "Kosten", "Verplicht", "Waarde", "Na project",
    "Financiering", "Cofinanciering",
]


def _workbooks(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith(("~$", ".")))


def _rows(path: Path, sheet: str) -> list[dict[str, object]]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet not in wb.sheetnames:
            return []
        values = list(wb[sheet].iter_rows(values_only=True))
    finally:
        wb.close()
    header = [str(h) for h in values[0]]
    return [dict(zip(header, row, strict=True)) for row in values[1:] if any(v is not None for v in row)]


def _all_rows(sheet: str) -> list[dict[str, object]]:
    return [row for path in _workbooks(EXAMPLE) for row in _rows(path, sheet)]


def _config() -> dict[str, object]:
    data = yaml.safe_load((EXAMPLE / "dia.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _buurten() -> list[dict[str, Any]]:
    buurten = _config()["buurten"]
    assert isinstance(buurten, list)
    return buurten


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_twekkelerveld", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


def test_committed_files_exist() -> None:
    assert (EXAMPLE / "dia.yaml").is_file()
    assert (EXAMPLE / "README.md").is_file()
    assert SCRIPT.is_file()
    # examples/twekkelerveld is a symlink to the packaged copy, so both paths work.
    assert (ROOT / "examples" / "twekkelerveld" / "dia.yaml").is_file()
    assert len(_workbooks(EXAMPLE)) >= 6


def test_size_partners_and_projects() -> None:
    projects = _all_rows("Projecten")
    budget_partners = {str(r["Partner"]) for r in _all_rows("Budget")}
    ids = [str(r["Projectcode"]) for r in projects]
    assert len(budget_partners) >= 6
    assert len(projects) >= 60
    assert len(set(ids)) == len(ids), "project ids must be unique over all workbooks"
    assert {str(r["Partner"]) for r in projects} <= budget_partners
    assert len({str(r["Type"]) for r in projects}) >= 10
    assert any(r["Verplicht"] == "ja" for r in projects)
    assert any(r["Na project"] for r in projects)
    assert any(r["Cofinanciering"] for r in projects)
    assert _all_rows("Kasstroom") and _all_rows("Fondsen")


def test_one_workbook_per_partner_with_its_own_rows() -> None:
    for path in _workbooks(EXAMPLE):
        partners = {str(r["Partner"]) for r in _rows(path, "Projecten") + _rows(path, "Budget")}
        assert partners == {path.stem}, path.name


def test_headers_follow_the_contract() -> None:
    for path in _workbooks(EXAMPLE):
        wb = openpyxl.load_workbook(path, read_only=True)
        try:
            headers = {ws.title: [c.value for c in next(ws.iter_rows(max_row=1))] for ws in wb}
        finally:
            wb.close()
        assert headers["Projecten"] == PROJECT_HEADERS, path.name
        assert headers["Budget"] == ["Partner", "Jaar", "Budget", "Overheveling"], path.name
        if "Kasstroom" in headers:
            cash = headers["Kasstroom"]
            assert cash[0] == "Projectcode"
            assert cash[1:] == [f"Jaar {i}" for i in range(1, len(cash))]
        if "Fondsen" in headers:
            assert headers["Fondsen"] == ["Naam", "Jaar", "Bedrag", "Types", "Partners"]
        assert set(headers) <= {"Projecten", "Budget", "Kasstroom", "Fondsen"}


def test_every_buurtcode_cell_names_a_buurt_of_the_area() -> None:
    known: dict[str, str] = {}
    for b in _buurten():
        for key in (b["code"], b["name"], *b.get("aliases", [])):
            known[str(key).casefold()] = str(b["code"])
    cells = [str(r["Buurtcode"]) for r in _all_rows("Projecten")]
    assert all(c.casefold() in known for c in cells), sorted(set(cells) - set(known))
    # Mostly CBS codes, but some rows use a buurt name or a local alias (the reader resolves them).
    codes = [c for c in cells if c.startswith("BU0153")]
    assert len(codes) >= 0.8 * len(cells)
    assert len(codes) < len(cells)


def test_buurt_codes_and_names_are_cbs_2024() -> None:
    found = [p for p in BUURTEN_CSVS if p.is_file()]
    if not found:
        pytest.skip(f"no CBS buurt list in this checkout (looked for {', '.join(map(str, BUURTEN_CSVS))})")
    with found[0].open(encoding="utf-8", newline="") as f:
        cbs = {row["buurtcode"]: row for row in csv.DictReader(f)}
    buurten = _buurten()
    for b in buurten:
        row = cbs[str(b["code"])]
        assert b["name"] == row["buurtnaam"]
        assert b["wijk"] == row["wijkcode"]
        assert b["wijk_name"] == row["wijknaam"]
    codes = {str(b["code"]) for b in buurten}
    assert {"BU01530300", "BU01530301"} <= codes
    # Aliases are local names, never the name of another CBS buurt.
    names = {row["buurtnaam"].casefold() for row in cbs.values()}
    assert not {str(a).casefold() for b in buurten for a in b.get("aliases", [])} & names


def test_load_area_reads_the_example() -> None:
    area_module = pytest.importorskip("dia.io.area")
    area = area_module.load_area(EXAMPLE)
    projects = _all_rows("Projecten")
    assert len(area.projects) == len(projects)
    assert {p.name for p in area.partners} == {str(r["Partner"]) for r in _all_rows("Budget")}
    assert {f.name for f in area.funds} == {str(r["Naam"]) for r in _all_rows("Fondsen")}
    assert area.config.horizon.start == 2026 and area.config.horizon.end == 2035
    by_id = area.project_by_id
    # Names and aliases in the Buurtcode column resolve to CBS codes.
    assert by_id["GEM-012"].buurt == "BU01530300"  # "Rigtersbleek"
    assert by_id["GEM-015"].buurt == "BU01530301"  # "Twekkelerveld"
    # Kasstroom profiles, cost shares and WKT locations arrive in the model.
    assert by_id["DOM-001"].profile == pytest.approx((2_160_000, 2_520_000, 2_520_000))
    assert {(s.partner, s.fraction) for s in by_id["DOM-006"].shares} == {
        ("Gemeente Enschede", 0.5), ("Domijn", 0.5)}
    assert by_id["WVS-003"].geometry is not None and not by_id["WVS-003"].streets
    assert by_id["GEM-010"].streets == ("Van Heekstraat", "Algolstraat")


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    generator = _generator()
    assert generator.main(["--out", str(tmp_path), "--quiet"]) == 0
    assert (tmp_path / "dia.yaml").read_text(encoding="utf-8") == (EXAMPLE / "dia.yaml").read_text(
        encoding="utf-8")
    committed = [p.name for p in _workbooks(EXAMPLE)]
    assert [p.name for p in _workbooks(tmp_path)] == committed
    for name in committed:
        new = openpyxl.load_workbook(tmp_path / name, read_only=True)
        old = openpyxl.load_workbook(EXAMPLE / name, read_only=True)
        try:
            assert new.sheetnames == old.sheetnames, name
            for sheet in old.sheetnames:
                assert list(new[sheet].values) == list(old[sheet].values), f"{name} › {sheet}"
        finally:
            new.close()
            old.close()


def test_generator_output_is_byte_stable(tmp_path: Path) -> None:
    generator = _generator()
    generator.main(["--out", str(tmp_path / "a"), "--quiet"])
    generator.main(["--out", str(tmp_path / "b"), "--quiet"])
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_design_checks_pass_and_catch_a_broken_design() -> None:
    generator = _generator()
    area = generator.build_area()
    assert generator.check_area(area) == []
    # A budget cut that no longer leaves room for the mandatory work must be reported.
    cut = tuple(b.model_copy(update={"amount": b.amount * 0.5}) for b in area.budgets)
    problems = generator.check_area(area.model_copy(update={"budgets": cut}))
    assert any("mandatory work" in p for p in problems)
