"""Bad inputs, each built from the valid two-workbook area of :mod:`tests.io.area_builder`.

A case names the change that breaks the area (``make``) and what the reader
must say: the :class:`~dia.errors.Reason` and where (file, sheet, cell or
key). Files are generated into ``tmp_path`` by the tests, so the catalogue
stays readable as code and no binary test data is committed.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.io.area_builder import books, write_area, write_workbook

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Expect:
    """One problem that must be reported (fields left None are not checked)."""

    reason: str
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    key: str | None = None
    column: str | None = None
    text: str | None = None
    """A fragment the message must contain (data, not wording: ids, years, cycles)."""


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], Path]
    expect: tuple[Expect, ...]
    warnings: tuple[Expect, ...] = field(default_factory=tuple)


def _area(change: Callable[[dict], None] | None = None, **config: object) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        b = books()
        if change:
            change(b)
        return write_area(folder, b, **config)

    return make


def _with_file(name: str, writer: Callable[[Path], None]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        write_area(folder)
        writer(folder / name)
        return folder

    return make


def _set(book: str, sheet: str, row: int, col: int, value: object) -> Callable[[dict], None]:
    """Set a cell (1-based Excel row and column) of the generated area."""

    def change(b: dict) -> None:
        rows = b[book][sheet]
        while len(rows[row - 1]) < col:
            rows[row - 1].append(None)
        rows[row - 1][col - 1] = value

    return change


def _both(*changes: Callable[[dict], None]) -> Callable[[dict], None]:
    def change(b: dict) -> None:
        for c in changes:
            c(b)

    return change


def _drop_column(book: str, sheet: str, col: int) -> Callable[[dict], None]:
    def change(b: dict) -> None:
        for row in b[book][sheet]:
            del row[col - 1]

    return change


def _valid_xlsx_bytes() -> bytes:
    buf = io.BytesIO()
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Projectcode"])  # type: ignore[union-attr]
    wb.save(buf)
    return buf.getvalue()


def _bomb(path: Path) -> None:
    """A zip whose worksheet inflates 50 MB from a few kB (ratio far above any real workbook)."""
    with (
        zipfile.ZipFile(io.BytesIO(_valid_xlsx_bytes())) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            if item.filename == "xl/worksheets/sheet1.xml":
                with dst.open(item.filename, "w") as out:
                    out.write(b"<worksheet>")
                    for _ in range(50):
                        out.write(b" " * 2**20)
            else:
                dst.writestr(item, src.read(item))


def _entities(path: Path) -> None:
    """A workbook whose shared strings start a billion-laughs entity expansion."""
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>'
    )
    with zipfile.ZipFile(io.BytesIO(_valid_xlsx_bytes())) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/sharedStrings.xml", laughs)


def _truncated(path: Path) -> None:
    data = _valid_xlsx_bytes()
    path.write_bytes(data[: len(data) // 2])


def _encrypted(path: Path) -> None:
    """The first bytes of an Excel password-protected file: an OLE2 container with EncryptedPackage."""
    header = OLE2 + bytes(504)
    path.write_bytes(
        header
        + "EncryptionInfo".encode("utf-16-le")
        + bytes(64)
        + "EncryptedPackage".encode("utf-16-le")
        + bytes(1024)
    )


def _uncached_formula(b: dict) -> None:
    b["Gemeente.xlsx"]["Projecten"][1][10] = "=500000*2"  # openpyxl writes formulas without a cached value


def _excel_error(b: dict) -> None:
    b["Gemeente.xlsx"]["Projecten"][1][10] = "#DIV/0!"  # openpyxl writes this as an error cell (t="e")


def _cycle(b: dict) -> None:
    b["Gemeente.xlsx"]["Projecten"][1][13] = "GEM-002"  # GEM-001 after GEM-002, GEM-002 after GEM-001


def _config_key(**changes: object) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        write_area(folder, **changes)
        return folder

    return make


def _sia_unknown(folder: Path) -> Path:
    write_area(folder, sia_weights="sia_weights.yaml")
    (folder / "sia_weights.yaml").write_text(
        yaml.safe_dump({"source": "test", "weights": {"BU01530301": 1.3, "BU99999999": 1.1}}),
        encoding="utf-8",
    )
    return folder


def _no_budget(b: dict) -> None:
    for book in b.values():
        book.pop("Budget", None)


def _only_other_sheet(b: dict) -> None:
    b["Domijn.xlsx"] = {"Blad1": [["Iets", "Anders"], [1, 2]]}
    b["Gemeente.xlsx"]["Budget"].extend([["Domijn", y, 1] for y in range(2026, 2031)])


G, D = "Gemeente.xlsx", "Domijn.xlsx"
P = "Projecten"

CASES: tuple[Case, ...] = (
    Case("missing_sheet_in_workbook", _area(_only_other_sheet), (Expect("missing_sheet", file=D),)),
    Case("missing_budget_sheet_in_area", _area(_no_budget), (Expect("missing_sheet", text="Budget"),)),
    Case(
        "missing_required_column",
        _area(_drop_column(G, P, 11)),
        (Expect("missing_column", file=G, sheet=P, column="Kosten"),),
    ),
    Case(
        "wrong_type_year",
        _area(_set(G, P, 2, 7, "volgend jaar")),
        (Expect("wrong_type", file=G, sheet=P, cell="G2", column="Vroegste start"),),
    ),
    Case(
        "wrong_type_amount",
        _area(_set(D, P, 2, 11, "twee miljoen")),
        (Expect("wrong_type", file=D, sheet=P, cell="K2", column="Kosten"),),
    ),
    Case(
        "wrong_type_bool",
        _area(_set(G, P, 2, 12, "misschien")),
        (Expect("wrong_type", file=G, sheet=P, cell="L2", column="Verplicht"),),
    ),
    Case(
        "ambiguous_amount",
        _area(_set(D, P, 3, 11, "1,250 mln")),
        (Expect("invalid_value", file=D, sheet=P, cell="K3"),),
    ),
    Case(
        "empty_required_cell",
        _area(_set(G, P, 3, 3, None)),
        (Expect("empty_required", file=G, sheet=P, cell="C3", column="Projectnaam"),),
    ),
    Case(
        "duplicate_id_across_workbooks",
        _area(_set(D, P, 2, 1, "GEM-001")),
        (
            Expect("duplicate_id", file=D, sheet=P, cell="A2", text="Gemeente.xlsx › Projecten › A2"),
            Expect("duplicate_id", file=G, sheet=P, cell="A2", text="Domijn.xlsx › Projecten › A2"),
        ),
    ),
    Case(
        "unknown_partner",
        _area(_set(G, P, 2, 2, "Woonbedrijf")),
        (Expect("unknown_partner", file=G, sheet=P, cell="B2", text="Woonbedrijf"),),
    ),
    Case(
        "unknown_buurt",
        _area(_set(G, P, 2, 5, "BU09990000")),
        (Expect("unknown_buurt", file=G, sheet=P, cell="E2", text="BU09990000"),),
    ),
    Case(
        "unknown_type",
        _area(_set(G, P, 2, 4, "kabelbaan")),
        (Expect("unknown_type", file=G, sheet=P, cell="D2", text="kabelbaan"),),
    ),
    Case(
        "unknown_fund",
        _area(_set(G, P, 4, 15, "Rijksfonds")),
        (Expect("unknown_fund", file=G, sheet=P, cell="O4", text="Rijksfonds"),),
    ),
    Case(
        "after_unknown_project",
        _area(_set(G, P, 3, 14, "GEM-999")),
        (Expect("unknown_project", file=G, sheet=P, cell="N3", text="GEM-999"),),
    ),
    Case(
        "dependency_cycle",
        _area(_cycle),
        (Expect("dependency_cycle", file=G, sheet=P, cell="N2", text="GEM-001 → GEM-002 → GEM-001"),),
    ),
    Case(
        "start_before_horizon",
        _area(_set(G, P, 2, 7, 2019)),
        (Expect("outside_horizon", file=G, sheet=P, cell="G2", text="2019"),),
    ),
    Case(
        "latest_before_earliest",
        _area(_set(G, P, 3, 8, 2026)),
        (Expect("invalid_window", file=G, sheet=P, cell="H3", text="2026"),),
    ),
    Case(
        "profile_sum_differs",
        _area(_set(D, "Kasstroom", 2, 3, 1_000_000)),
        (Expect("profile_mismatch", file=D, sheet="Kasstroom", cell="A2", text="1,500,000"),),
    ),
    Case(
        "profile_length_differs",
        _area(_both(_set(D, "Kasstroom", 1, 4, "Jaar 3"), _set(D, "Kasstroom", 2, 4, 0.0))),
        (Expect("profile_mismatch", file=D, sheet="Kasstroom", cell="D2"),),
    ),
    Case(
        "cash_flow_unknown_project",
        _area(_set(D, "Kasstroom", 2, 1, "DOM-404")),
        (Expect("unknown_project", file=D, sheet="Kasstroom", cell="A2"),),
    ),
    Case(
        "absurd_duration",
        _area(_set(G, P, 2, 10, 4_331_290_420)),
        (Expect("out_of_range", file=G, sheet=P, cell="J2"),),
    ),
    Case(
        "negative_cost",
        _area(_set(G, P, 2, 11, -5)),
        (Expect("negative_amount", file=G, sheet=P, cell="K2"),),
    ),
    Case(
        "negative_budget_text",
        _area(_set(D, "Budget", 3, 3, "€ -1.000.000")),
        (Expect("negative_amount", file=D, sheet="Budget", cell="C3"),),
    ),
    Case(
        "negative_budget_number",
        _area(_set(D, "Budget", 3, 3, -1_000_000)),
        (Expect("negative_amount", file=D, sheet="Budget", cell="C3"),),
    ),
    Case(
        "budget_outside_horizon",
        _area(_set(D, "Budget", 3, 2, 2040)),
        (Expect("outside_horizon", file=D, sheet="Budget", cell="B3", text="2040"),),
    ),
    Case(
        "duplicate_budget_year",
        _area(_set(D, "Budget", 3, 2, 2026)),
        (
            Expect("duplicate_id", file=D, sheet="Budget", cell="B3"),
            Expect("duplicate_id", file=D, sheet="Budget", cell="B2"),
        ),
    ),
    Case(
        "fund_rows_disagree",
        _area(_set(G, "Fondsen", 3, 4, "renovatie")),
        (Expect("mismatch", file=G, sheet="Fondsen", cell="D3"),),
    ),
    Case(
        "shares_not_100",
        _area(
            _both(_set(G, P, 1, 16, "Cofinanciering"), _set(G, P, 2, 16, "Gemeente Enschede 50%; Domijn 40%"))
        ),
        (Expect("invalid_value", file=G, sheet=P, cell="P2", text="90"),),
    ),
    Case(
        "share_of_unknown_partner",
        _area(
            _both(_set(G, P, 1, 16, "Cofinanciering"), _set(G, P, 2, 16, "Gemeente Enschede 50%; Vitens 50%"))
        ),
        (Expect("unknown_partner", file=G, sheet=P, cell="P2", text="Vitens"),),
    ),
    Case(
        "formula_without_cached_value",
        _area(_uncached_formula),
        (Expect("formula_without_value", file=G, sheet=P, cell="K2", text="500000*2"),),
    ),
    Case(
        "excel_error_value",
        _area(_excel_error),
        (Expect("wrong_type", file=G, sheet=P, cell="K2", text="#DIV/0!"),),
    ),
    Case(
        "invalid_wkt",
        _area(_set(G, P, 2, 6, "POINT (12 abc)")),
        (Expect("invalid_geometry", file=G, sheet=P, cell="F2"),),
    ),
    Case(
        "csv_renamed",
        _with_file("Vitens.xlsx", lambda p: p.write_text("Projectcode;Kosten\nV-1;100\n")),
        (Expect("not_xlsx", file="Vitens.xlsx", text="CSV"),),
    ),
    Case(
        "zero_bytes",
        _with_file("Vitens.xlsx", lambda p: p.write_bytes(b"")),
        (Expect("not_xlsx", file="Vitens.xlsx", text="0 bytes"),),
    ),
    Case(
        "password_protected",
        _with_file("Vitens.xlsx", _encrypted),
        (Expect("encrypted", file="Vitens.xlsx"),),
    ),
    Case(
        "old_xls_renamed",
        _with_file("Vitens.xlsx", lambda p: p.write_bytes(OLE2 + bytes(2048))),
        (Expect("not_xlsx", file="Vitens.xlsx", text=".xls"),),
    ),
    Case("corrupt_zip", _with_file("Vitens.xlsx", _truncated), (Expect("corrupt_file", file="Vitens.xlsx"),)),
    Case(
        "docx_renamed",
        _with_file("Vitens.xlsx", lambda p: _docx(p)),
        (Expect("not_xlsx", file="Vitens.xlsx", text="Word"),),
    ),
    Case("decompression_bomb", _with_file("Vitens.xlsx", _bomb), (Expect("too_large", file="Vitens.xlsx"),)),
    Case(
        "xml_entity_expansion",
        _with_file("Vitens.xlsx", _entities),
        (Expect("corrupt_file", file="Vitens.xlsx", text="DTD"),),
    ),
    Case(
        "config_unknown_key",
        _config_key(colour_scheme="rood"),
        (Expect("unknown_key", file="dia.yaml", key="colour_scheme"),),
    ),
    Case(
        "config_horizon_reversed",
        _config_key(horizon={"start": 2030, "end": 2026}),
        (Expect("invalid_value", file="dia.yaml", key="horizon"),),
    ),
    Case(
        "config_wrong_type",
        _config_key(horizon={"start": "dit jaar", "end": 2030}),
        (Expect("wrong_type", file="dia.yaml", key="horizon.start"),),
    ),
    Case("config_missing", lambda folder: _without_config(folder), (Expect("not_found", file="dia.yaml"),)),
    Case(
        "configalias_bomb",
        lambda folder: _config_text(folder, alias_bomb()),
        (Expect("invalid_value", file="dia.yaml", text="200,000"),),
    ),
    Case(
        "config_duplicate_key",
        lambda folder: _config_text(folder, "weights:\n  value: 1.0\nweights:\n  value: 2.0\n"),
        (Expect("invalid_value", file="dia.yaml", text="weights"),),
    ),
    Case(
        "sia_weights_unknown_buurt",
        _sia_unknown,
        (Expect("unknown_buurt", file="sia_weights.yaml", key="weights.BU99999999"),),
    ),
    Case(
        "errors_in_two_files_reported_together",
        _area(_both(_set(G, P, 2, 7, "x"), _set(D, P, 3, 10, "lang"))),
        (Expect("wrong_type", file=G, cell="G2"), Expect("wrong_type", file=D, cell="J3")),
    ),
)


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")


def _without_config(folder: Path) -> Path:
    write_area(folder)
    (folder / "dia.yaml").unlink()
    return folder


def _copy(folder: Path) -> Path:
    write_area(folder)
    (folder / "Domijn (1).xlsx").write_bytes((folder / "Domijn.xlsx").read_bytes())
    return folder


CASES = (
    *CASES,
    Case("workbook_copied", _copy, (Expect("duplicate_id", file="Domijn.xlsx", text="Domijn (1).xlsx"),)),
)

#: Oddities that must NOT fail: the area loads, with these warnings.
WARNING_CASES: tuple[Case, ...] = (
    Case(
        "unknown_header_warns",
        _area(_both(_set(G, P, 1, 17, "Opmerking"), _set(G, P, 2, 17, "let op"))),
        (),
        (Expect("unknown_column", file=G, sheet=P, cell="Q1", column="Opmerking"),),
    ),
    Case("lock_file_skipped", _with_file("~$Domijn.xlsx", lambda p: p.write_bytes(b"\x00lock")), ()),
    Case(
        "xlsm_read_data_only", lambda folder: _xlsm(folder), (), (Expect("macro_file", file="Vitens.xlsm"),)
    ),
    Case(
        "old_format_next_to_area_warns",
        _with_file("Oud.xls", lambda p: p.write_bytes(OLE2 + bytes(100))),
        (),
        (Expect("not_xlsx", file="Oud.xls"),),
    ),
)


def _xlsm(folder: Path) -> Path:
    b = books()
    write_area(folder, b)
    extra = {
        "Budget": [["Partner", "Jaar", "Budget"], ["Vitens", 2027, 500_000]],
        "Projecten": [
            b["Domijn.xlsx"]["Projecten"][0],
            [
                "VIT-001",
                "Vitens",
                "Drinkwaterleiding",
                "drinkwater",
                "BU01530300",
                "Tubantiastraat",
                2027,
                2028,
                None,
                1,
                400_000,
                "nee",
                500_000,
                None,
                None,
            ],
        ],
    }
    tmp = folder / "tmp.xlsx"
    write_workbook(tmp, extra)
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(folder / "Vitens.xlsm", "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b'Attribute VB_Name = "Module1"\nSub AutoOpen()\nEnd Sub\n')
    tmp.unlink()
    return folder


def alias_bomb() -> str:
    """A "billion laughs" document: ten levels of nine aliases, 9**10 values once expanded."""
    lines = ['l0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def _config_text(folder: Path, extra: str) -> Path:
    """The valid area with ``extra`` YAML text appended to its dia.yaml."""
    write_area(folder)
    path = folder / "dia.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    return folder
