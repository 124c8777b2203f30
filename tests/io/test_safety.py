"""Byte-level checks: limits hold whatever the zip claims; XML is parsed with defusedxml."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dia.errors import Reason
from dia.io import safety
from dia.io.safety import RefusedFile, inspect_workbook


def _xlsx() -> bytes:
    buf = io.BytesIO()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Projecten"
    ws.append(["Projectcode", "Kosten"])
    ws.append(["P-1", "=2*3"])
    ws.append(["P-2", 5])
    ws.row_dimensions[3].hidden = True
    wb.save(buf)
    return buf.getvalue()


def test_openpyxl_uses_defusedxml() -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


def test_facts_of_a_normal_workbook() -> None:
    facts = inspect_workbook("x.xlsx", _xlsx())
    assert facts.uncached_formulas == {"Projecten": (("B2", "2*3"),)}
    assert facts.hidden_rows == {"Projecten": (3,)}
    assert not facts.has_macros


def test_part_limit_holds_even_at_a_plausible_ratio(monkeypatch: pytest.MonkeyPatch) -> None:
    """A part larger than the limit is refused while inflating, not after."""
    monkeypatch.setattr(safety, "MAX_PART_BYTES", 2**20)
    src = zipfile.ZipFile(io.BytesIO(_xlsx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            blob = src.read(item)
            if item.filename == "xl/sharedStrings.xml" or item.filename.endswith("sheet1.xml"):
                blob = blob + b"<!-- " + bytes(range(48, 58)) * 300_000 + b" -->"
            dst.writestr(item.filename, blob)
    with pytest.raises(RefusedFile) as info:
        inspect_workbook("big.xlsx", buf.getvalue())
    assert info.value.problem.reason == Reason.TOO_LARGE


def test_file_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1000)
    with pytest.raises(RefusedFile) as info:
        inspect_workbook("big.xlsx", _xlsx())
    assert info.value.problem.reason == Reason.TOO_LARGE


def test_zip_with_encrypted_members() -> None:
    data = bytearray(_xlsx())
    # set the 'encrypted' flag bit in every central directory entry
    i = data.find(b"PK\x01\x02")
    while i != -1:
        data[i + 8] |= 0x01
        i = data.find(b"PK\x01\x02", i + 4)
    with pytest.raises(RefusedFile) as info:
        inspect_workbook("x.xlsx", bytes(data))
    assert info.value.problem.reason == Reason.ENCRYPTED


def test_html_renamed() -> None:
    with pytest.raises(RefusedFile) as info:
        inspect_workbook("x.xlsx", b"<html><table><tr><td>1</td></tr></table></html>")
    assert info.value.problem.reason == Reason.NOT_XLSX and "HTML" in info.value.problem.message


def test_binary_garbage() -> None:
    with pytest.raises(RefusedFile) as info:
        inspect_workbook("x.xlsx", bytes(range(256)) * 4)
    assert info.value.problem.reason == Reason.NOT_XLSX


def test_stray_value_far_away_is_refused_before_the_engine_allocates(tmp_path: Path) -> None:
    """One value at XFD1048576 would make the engine allocate 17 billion cells."""
    from dia.io.excel import read_workbook

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Projecten"
    ws.append(["Projectcode", "Partner"])
    ws.cell(row=1_048_576, column=16_384, value="x")
    wb.save(tmp_path / "x.xlsx")
    book = read_workbook("x.xlsx", (tmp_path / "x.xlsx").read_bytes())
    (problem,) = [p for p in book.problems if p.severity == "error"]
    assert (problem.reason, problem.location.sheet) == (Reason.TOO_LARGE, "Projecten")
    assert "XFD1048576" in problem.message


def test_style_only_cells_far_away_do_not_count(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Projectcode"])
    ws.cell(row=900_000, column=200).number_format = "0.00"
    wb.save(tmp_path / "x.xlsx")
    assert inspect_workbook("x.xlsx", (tmp_path / "x.xlsx").read_bytes()).extent == {"Sheet": (1, 1)}


_SEED_BOOK = _xlsx()


@settings(max_examples=60, deadline=None)
@given(
    flips=st.lists(
        st.tuples(st.integers(0, len(_SEED_BOOK) - 1), st.integers(0, 255)), min_size=1, max_size=4
    )
)
def test_damaged_bytes_never_crash_the_reader(flips: list[tuple[int, int]]) -> None:
    """Random byte damage gives problems (or a readable book), never an exception.

    A 6,000-case run of this (stored and deflated variants) found the one crash it guards:
    zipfile's NotImplementedError for an odd "zip file version".
    """
    from dia.io.excel import read_workbook

    data = bytearray(_SEED_BOOK)
    for i, value in flips:
        data[i] = value
    read_workbook("x.xlsx", bytes(data))
