"""load_area / read_area on whole folders: resolution of names, provenance, determinism, no leaks."""

from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dia import load_area
from dia.errors import InputError, Reason
from dia.io.area import read_area
from tests.io.area_builder import books, write_area


@pytest.fixture
def area_dir(tmp_path: Path) -> Path:
    return write_area(tmp_path / "area")


def test_reads_the_whole_area(area_dir: Path) -> None:
    area = load_area(area_dir)
    assert [p.id for p in area.projects] == ["DOM-001", "DOM-002", "GEM-001", "GEM-002", "GEM-003"]
    assert [p.name for p in area.partners] == ["Domijn", "Gemeente Enschede"]
    assert len(area.budgets) == 10 and area.budget_of("Gemeente Enschede", 2027).carry_over == 0.25  # type: ignore[union-attr]
    (fund,) = area.funds
    assert fund.name == "Energiefonds" and fund.types == ("energiecoach", "renovatie")
    assert [(a.year, a.amount) for a in fund.amounts] == [(2026, 100_000), (2027, 100_000)]


def test_names_are_resolved_case_insensitively(area_dir: Path) -> None:
    p = load_area(area_dir).project_by_id
    assert p["GEM-003"].partner == "Gemeente Enschede"  # written 'gemeente enschede'
    assert p["GEM-003"].type == "energiecoach"  # written as the label 'Energiecoaches'
    assert p["GEM-003"].buurt == "BU01530301"  # written as the alias 'het lang'
    assert p["GEM-002"].buurt == "BU01530300"  # written as the name 'Tubantia-Toekomst'
    assert p["DOM-002"].buurt == "BU01530301"
    assert p["GEM-002"].after == ("GEM-001",)
    assert p["GEM-003"].funds == ("Energiefonds",)


def test_values_parsed(area_dir: Path) -> None:
    p = load_area(area_dir).project_by_id
    assert p["GEM-001"].is_mandatory and not p["GEM-002"].is_mandatory
    assert p["GEM-002"].cost == 600_000 and p["GEM-003"].cost == 150_000 and p["DOM-002"].cost == 1_250_000
    assert p["GEM-001"].streets == ("Tubantiastraat",) and p["GEM-001"].preferred_start == 2027
    assert p["DOM-001"].profile == (500_000, 1_500_000)
    assert p["GEM-001"].profile == (500_000, 500_000)
    assert p["DOM-002"].latest_start == 2028 and p["GEM-003"].value == 200_000


def test_shares_and_geometry(tmp_path: Path) -> None:
    b = books()
    rows = b["Gemeente.xlsx"]["Projecten"]
    rows[0].append("Cofinanciering")
    rows[1].append("gemeente enschede 60%; DOMIJN 40%")
    rows[2][5] = "LINESTRING (257000 473000, 257100 473050)"
    p = load_area(write_area(tmp_path / "area", b)).project_by_id
    assert [(s.partner, s.fraction) for s in p["GEM-001"].shares] == [
        ("Gemeente Enschede", 0.6),
        ("Domijn", 0.4),
    ]
    assert p["GEM-002"].geometry == "LINESTRING (257000 473000, 257100 473050)" and p["GEM-002"].streets == ()


def test_inputs_are_not_modified(area_dir: Path) -> None:
    def snapshot() -> dict[str, tuple[str, int, int]]:
        return {
            p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode)
            for p in sorted(area_dir.iterdir())
        }

    before = snapshot()
    load_area(area_dir)
    assert snapshot() == before


def test_inputs_are_hashed(area_dir: Path) -> None:
    area = load_area(area_dir)
    names = [f.name for f in area.inputs]
    assert names == ["Domijn.xlsx", "Gemeente.xlsx", "dia.yaml"]
    for f in area.inputs:
        assert f.sha256 == hashlib.sha256((area_dir / f.name).read_bytes()).hexdigest()


def test_sia_weights_file(area_dir: Path) -> None:
    (area_dir / "sia.yaml").write_text(
        "# from dia sia\nsource: test\nweights:\n  BU01530300: 1.25\n", encoding="utf-8"
    )
    text = (area_dir / "dia.yaml").read_text(encoding="utf-8") + "sia_weights: sia.yaml\n"
    (area_dir / "dia.yaml").write_text(text, encoding="utf-8")
    area = load_area(area_dir)
    assert area.buurt_by_code["BU01530300"].sia_weight == 1.25
    assert area.buurt_by_code["BU01530301"].sia_weight == 1.5  # not listed: keeps its own
    assert "sia.yaml" in [f.name for f in area.inputs]


def test_same_area_in_another_folder_and_file_order_is_equal(area_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "copy"
    other.mkdir()
    shutil.copy(area_dir / "dia.yaml", other / "dia.yaml")
    shutil.copy(area_dir / "Domijn.xlsx", other / "A-Domijn.xlsx")
    shutil.copy(area_dir / "Gemeente.xlsx", other / "0-Gemeente.xlsx")
    a, b = load_area(area_dir), load_area(other)
    assert a.model_dump(exclude={"inputs"}) == b.model_dump(exclude={"inputs"})


def test_path_to_dia_yaml_is_accepted(area_dir: Path) -> None:
    assert len(load_area(area_dir / "dia.yaml").projects) == 5


def test_subfolders_are_ignored(area_dir: Path) -> None:
    (area_dir / "scenarios").mkdir()
    (area_dir / "scenarios" / "broken.xlsx").write_bytes(b"not a workbook")
    assert len(load_area(area_dir).projects) == 5


def test_empty_folder(tmp_path: Path) -> None:
    folder = write_area(tmp_path / "area", workbooks={})
    with pytest.raises(InputError) as info:
        load_area(folder)
    assert [p.reason for p in info.value.errors] == [Reason.EMPTY_AREA]


def test_load_area_logs_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    b = books()
    b["Domijn.xlsx"]["Budget"][0].append("Opmerking")
    with caplog.at_level(logging.WARNING, logger="dia.io.area"):
        load_area(write_area(tmp_path / "area", b))
    assert "Opmerking" in caplog.text


def test_problems_in_rows_do_not_cause_echoes(tmp_path: Path) -> None:
    """A bad row is reported once; references to it are not reported as unknown."""
    b = books()
    b["Gemeente.xlsx"]["Projecten"][1][9] = "twee"  # GEM-001 duration: bad; GEM-002 is 'after' GEM-001
    b["Gemeente.xlsx"]["Fondsen"][1][2] = "veel"  # Energiefonds 2026: bad; GEM-003 and DOM-001 use the fund
    with pytest.raises(InputError) as info:
        load_area(write_area(tmp_path / "area", b))
    assert sorted(p.location.cell or "" for p in info.value.errors) == ["C2", "J2"]


def test_a_dependency_cycle_over_two_workbooks(tmp_path: Path) -> None:
    b = books()
    b["Gemeente.xlsx"]["Projecten"][1][13] = "DOM-002"
    b["Domijn.xlsx"]["Projecten"][1][13] = "GEM-001"
    with pytest.raises(InputError) as info:
        load_area(write_area(tmp_path / "area", b))
    (cycle,) = [p for p in info.value.errors if p.reason == Reason.DEPENDENCY_CYCLE]
    assert "DOM-001 → DOM-002 → GEM-001 → DOM-001" in cycle.message


_GARBAGE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["2027", "2027.0", "ja", "€ 1.250.000", "1,250 mln", "GEM-001", "#N/A", "=1+1", "25%"]),
)


_TABLES = [
    ("Gemeente.xlsx", "Projecten", 3),
    ("Domijn.xlsx", "Projecten", 2),
    ("Domijn.xlsx", "Budget", 5),
    ("Domijn.xlsx", "Kasstroom", 1),
    ("Gemeente.xlsx", "Fondsen", 2),
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(_TABLES), row=st.integers(0, 5), col=st.integers(0, 15), value=_GARBAGE)
def test_any_cell_value_gives_an_area_or_input_error(
    tmp_path_factory: pytest.TempPathFactory, table: tuple[str, str, int], row: int, col: int, value: object
) -> None:
    """Whatever a partner types in any cell (header rows included), the reader returns an Area or
    raises InputError with located errors, never a ValidationError or another exception."""
    book, sheet, rows = table
    b = books()
    target = b[book][sheet][min(row, rows)]
    while len(target) <= col:
        target.append(None)
    target[col] = value
    folder = write_area(tmp_path_factory.mktemp("fuzz") / "area", b)
    try:
        read_area(folder)
    except InputError as exc:
        assert exc.errors, "an InputError must carry at least one error"
        assert all(p.location.file for p in exc.errors)


def test_bundled_example_loads(example_dir: Path) -> None:
    read = read_area(example_dir)
    assert len(read.area.projects) >= 60 and len(read.area.partners) >= 6
    assert not [w for w in read.warnings if w.reason != Reason.UNKNOWN_COLUMN]
    assert {f.name for f in read.area.inputs} >= {"dia.yaml"}
