"""Cell parsers: what each accepts, and the reason when it refuses."""

from __future__ import annotations

import datetime as dt

import pytest

from dia.errors import Reason
from dia.io import cells

AMOUNTS = [
    (1_250_000, 1_250_000.0),
    (1250000.5, 1250000.5),
    ("1250000", 1_250_000.0),
    ("€ 1.250.000", 1_250_000.0),
    ("€1.250.000,50", 1_250_000.5),
    ("1.250.000,50", 1_250_000.5),
    ("1,250,000.50", 1_250_000.5),
    ("€ 600.000", 600_000.0),
    ("600,000", 600_000.0),
    ("1,25 mln", 1_250_000.0),
    ("1.5 mln", 1_500_000.0),
    ("€ 750k", 750_000.0),
    ("2 miljoen", 2_000_000.0),
    ("EUR 300000", 300_000.0),
    ("300000 euro", 300_000.0),
    ("€ 1.250.000,-", 1_250_000.0),
    ("12,5", 12.5),
    ("\u00a0€\u00a01.000.000 ", 1_000_000.0),
    ("-5", -5.0),
]


@pytest.mark.parametrize(("raw", "expected"), AMOUNTS, ids=[repr(a) for a, _ in AMOUNTS])
def test_amounts(raw: object, expected: float) -> None:
    assert cells.parse_amount(raw) == pytest.approx(expected)


BAD_AMOUNTS = [
    ("1,250 mln", Reason.INVALID_VALUE),
    ("1.250 mln", Reason.INVALID_VALUE),
    ("twee miljoen", Reason.WRONG_TYPE),
    ("1.2.3", Reason.WRONG_TYPE),
    ("1,25,0", Reason.WRONG_TYPE),
    ("1.250,000.00", Reason.WRONG_TYPE),
    ("12 apples", Reason.WRONG_TYPE),
    (True, Reason.WRONG_TYPE),
    (dt.date(2027, 1, 1), Reason.WRONG_TYPE),
    ("#REF!", Reason.WRONG_TYPE),
    (float("nan"), Reason.WRONG_TYPE),
]


@pytest.mark.parametrize(("raw", "reason"), BAD_AMOUNTS, ids=[repr(a) for a, _ in BAD_AMOUNTS])
def test_bad_amounts(raw: object, reason: Reason) -> None:
    with pytest.raises(cells.CellIssue) as info:
        cells.parse_amount(raw)
    assert info.value.reason == reason


@pytest.mark.parametrize("raw", [2027, 2027.0, "2027", " 2027 ", "2027.0", "2027,0"])
def test_years(raw: object) -> None:
    assert cells.parse_year(raw) == 2027


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (2027.5, Reason.WRONG_TYPE),
        ("volgend jaar", Reason.WRONG_TYPE),
        (27, Reason.OUT_OF_RANGE),
        (dt.datetime(2027, 1, 1), Reason.WRONG_TYPE),
        (True, Reason.WRONG_TYPE),
    ],
    ids=["fraction", "words", "two_digits", "date", "bool"],
)
def test_bad_years(raw: object, reason: Reason) -> None:
    with pytest.raises(cells.CellIssue) as info:
        cells.parse_year(raw)
    assert info.value.reason == reason


@pytest.mark.parametrize(
    "raw", ["ja", "Ja ", "JA", "yes", "true", "TRUE", "waar", "j", "y", "x", 1, 1.0, True]
)
def test_true(raw: object) -> None:
    assert cells.parse_bool(raw) is True


@pytest.mark.parametrize("raw", ["nee", "Nee", "no", "false", "onwaar", "n", 0, False])
def test_false(raw: object) -> None:
    assert cells.parse_bool(raw) is False


def test_bool_refuses_other_words() -> None:
    with pytest.raises(cells.CellIssue):
        cells.parse_bool("misschien")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(0.25, 0.25), ("25%", 0.25), ("25 %", 0.25), ("0,25", 0.25), (1, 1.0), ("100%", 1.0), (0, 0.0)],
)
def test_fractions(raw: object, expected: float) -> None:
    assert cells.parse_fraction(raw) == pytest.approx(expected)


@pytest.mark.parametrize("raw", [25, "125%", -0.1])
def test_fraction_out_of_range(raw: object) -> None:
    with pytest.raises(cells.CellIssue) as info:
        cells.parse_fraction(raw)
    assert info.value.reason == Reason.OUT_OF_RANGE


def test_lists_and_text() -> None:
    assert cells.parse_list(" GEM-001 ;GEM-002;; \nGEM-003 ") == ("GEM-001", "GEM-002", "GEM-003")
    assert cells.parse_text("  Riool   Tubantiastraat  ") == "Riool Tubantiastraat"
    assert cells.parse_text(12.0) == "12"
    assert cells.parse_int("3") == 3 and cells.parse_int(3.0) == 3


def test_shares() -> None:
    assert cells.parse_shares("Gemeente Enschede 50%; Domijn: 50 %") == (
        ("Gemeente Enschede", 0.5),
        ("Domijn", 0.5),
    )
    (a, fa), (b, fb) = cells.parse_shares("Vitens 33,4%; Domijn 66,6%")
    assert (a, b) == ("Vitens", "Domijn") and (fa, fb) == (pytest.approx(0.334), pytest.approx(0.666))


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("Domijn 60%; Vitens 30%", Reason.INVALID_VALUE),
        ("Domijn; Vitens", Reason.WRONG_TYPE),
        ("Domijn 50%; domijn 50%", Reason.INVALID_VALUE),
    ],
    ids=["not_100", "no_percent", "twice"],
)
def test_bad_shares(raw: str, reason: Reason) -> None:
    with pytest.raises(cells.CellIssue) as info:
        cells.parse_shares(raw)
    assert info.value.reason == reason


def test_wkt() -> None:
    assert cells.is_wkt("POINT (257000 473000)") and cells.is_wkt("multilinestring ((0 0, 1 1))")
    assert not cells.is_wkt("Pointerstraat")
    assert cells.parse_wkt("LINESTRING (257000 473000,\n 257100 473050)") == (
        "LINESTRING (257000 473000, 257100 473050)"
    )
    with pytest.raises(cells.CellIssue) as info:
        cells.parse_wkt("POLYGON ((0 0, 1 1")
    assert info.value.reason == Reason.INVALID_GEOMETRY


def test_unknown_kind_is_a_bug_not_a_cell_issue() -> None:
    with pytest.raises(ValueError, match="unknown column kind"):
        cells.parse_any("colour", "red")
