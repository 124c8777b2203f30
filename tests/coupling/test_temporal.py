"""The temporal test and the common start years."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from dia.coupling.temporal import common_years, overlaps


@pytest.mark.parametrize(
    ("a", "b", "gap", "expected"),
    [
        ((2026, 2026), (2026, 2026), 0, (2026,)),
        ((2026, 2026), (2027, 2027), 0, ()),
        ((2026, 2026), (2027, 2027), 1, (2026,)),
        ((2026, 2028), (2030, 2031), 1, ()),
        ((2026, 2028), (2030, 2031), 2, (2028,)),
        ((2029, 2030), (2026, 2027), 2, (2029,)),
        ((2026, 2030), (2028, 2028), 0, (2028,)),
    ],
    ids=["same-year", "next-year-gap0", "next-year-gap1", "too-far", "just-in", "b-before-a",
         "inside"],
)
def test_common_years(a: tuple[int, int], b: tuple[int, int], gap: int, expected: tuple[int, ...]) -> None:
    assert common_years(*a, *b, gap) == expected
    hit = overlaps(np.array([a[0]]), np.array([a[1]]), np.array([b[0]]), np.array([b[1]]), gap)
    assert bool(hit[0]) == bool(expected)


def test_matches_enumeration() -> None:
    windows = [(e, e + d) for e in range(2026, 2030) for d in range(3)]
    for (ea, la), (eb, lb), gap in itertools.product(windows, windows, range(3)):
        expected = tuple(ya for ya in range(ea, la + 1)
                         if any(abs(ya - yb) <= gap for yb in range(eb, lb + 1)))
        assert common_years(ea, la, eb, lb, gap) == expected
