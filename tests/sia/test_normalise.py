"""Normalisation: known values, bounds, direction, and monotonicity as a property."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dia.sia.config import Normalisation
from dia.sia.normalise import NEUTRAL, normalise

METHODS = ("rank", "minmax", "zscore")
HOWS = [Normalisation(method=m, winsorise=w) for m in METHODS for w in (None, (0.05, 0.95), (0.2, 0.7))]
values = st.lists(st.floats(-1e4, 1e4, allow_nan=False), min_size=1, max_size=12)


@pytest.mark.parametrize("how", HOWS, ids=lambda h: f"{h.method}-{h.winsorise}")
@given(xs=values, i=st.integers(0, 11), delta=st.floats(0, 1e4))
def test_raising_a_value_never_lowers_its_own_score(how: Normalisation, xs: list[float], i: int,
                                                    delta: float) -> None:
    i %= len(xs)
    before = normalise(np.array(xs), how)
    raised = list(xs)
    raised[i] += delta
    after = normalise(np.array(raised), how)
    assert after[i] >= before[i] - 1e-9
    # and the other direction: with raises=False a higher value never raises the score
    down_before = normalise(np.array(xs), how, raises=False)[i]
    assert normalise(np.array(raised), how, raises=False)[i] <= down_before + 1e-9


@pytest.mark.parametrize("how", HOWS, ids=lambda h: f"{h.method}-{h.winsorise}")
@given(xs=values)
def test_scores_lie_in_0_100_and_keep_the_order(how: Normalisation, xs: list[float]) -> None:
    s = normalise(np.array(xs), how)
    assert s.shape == (len(xs),) and np.all((s >= 0) & (s <= 100))
    for a in range(len(xs)):
        for b in range(len(xs)):
            if xs[a] < xs[b]:
                assert s[a] <= s[b] + 1e-9


@given(xs=values)
def test_reversing_the_direction_mirrors_minmax_and_rank(xs: list[float]) -> None:
    x = np.array(xs)
    for method in ("minmax", "rank"):
        how = Normalisation(method=method)
        up, down = normalise(x, how), normalise(x, how, raises=False)
        if np.ptp(x) > 0:
            assert np.allclose(up + down, 100.0)


def test_known_values() -> None:
    x = np.array([10.0, 20.0, 30.0, 1000.0])
    expected = [0, 1.01, 2.02, 100]
    assert normalise(x, Normalisation(method="minmax")).tolist() == pytest.approx(expected, abs=0.01)
    assert normalise(x, Normalisation(method="rank")).tolist() == pytest.approx([0, 100 / 3, 200 / 3, 100])
    w = normalise(x, Normalisation(method="minmax", winsorise=(0.0, 0.5)))
    assert w.tolist() == pytest.approx([0, 200 / 3, 100, 100])  # clipped at the median 25: no stretch
    z = normalise(np.array([1.0, 2.0, 3.0]), Normalisation(method="zscore"))
    assert z.tolist() == pytest.approx([11.03, 50.0, 88.97], abs=0.01)


@pytest.mark.parametrize("method", METHODS)
def test_constant_indicator_is_neutral(method: str) -> None:
    assert normalise(np.array([3.0, 3.0, 3.0]), Normalisation(method=method)).tolist() == [NEUTRAL] * 3  # type: ignore[arg-type]
    assert normalise(np.array([7.0]), Normalisation(method=method)).tolist() == [NEUTRAL]  # type: ignore[arg-type]
