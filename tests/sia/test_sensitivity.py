"""Monte Carlo rank stability: deterministic under a seed, exact when weights do not vary."""

from __future__ import annotations

import numpy as np
import pytest

from dia.sia.index import compute_index
from dia.sia.sensitivity import draw_factors, ranks_of, weighted_scores

from .conftest import FIVE, make_sia_config, make_table


def test_same_seed_same_figures_other_seed_other_draws() -> None:
    table = make_table(FIVE)
    a = compute_index(table, make_sia_config(), draws=300, seed=11)
    b = compute_index(table, make_sia_config(), draws=300, seed=11)
    assert [x.stability for x in a.buurten] == [x.stability for x in b.buurten]
    assert not np.array_equal(draw_factors(5, 10, 0.25, 11), draw_factors(5, 10, 0.25, 12))
    f = draw_factors(5, 2000, 0.25, 0)
    assert f.min() >= 0.75 and f.max() <= 1.25 and abs(f.mean() - 1) < 0.01


def test_no_spread_means_every_draw_equals_the_base() -> None:
    config = make_sia_config(sensitivity={"draws": 40, "spread": 0.0, "seed": 0})
    result = compute_index(make_table(FIVE), config)
    for b in result.buurten:
        st = b.stability
        assert st is not None and st.draws == 40
        assert st.rank_min == st.rank_p05 == st.rank_p95 == st.rank_max == b.urgency_rank
        assert st.class_share == 1.0 and st.is_robust


def test_stability_brackets_the_base_rank() -> None:
    result = compute_index(make_table(FIVE), make_sia_config(), draws=500, seed=5)
    for b in result.buurten:
        st = b.stability
        assert st is not None and b.urgency_rank is not None
        assert st.rank_min <= st.rank_p05 <= st.rank_median <= st.rank_p95 <= st.rank_max
        assert 0.0 <= st.class_share <= 1.0


def test_recomputed_by_hand() -> None:
    """The draws reproduce with plain numpy: same factors, weighted means, ranks."""
    config = make_sia_config(classes={"urgency_threshold": 50, "potential_threshold": 50})
    result = compute_index(make_table(FIVE), config, draws=200, seed=9)
    by_code = sorted(result.buurten, key=lambda b: b.code)
    scores = np.array([b.scores for b in by_code])
    w = np.array([i.weight for i in config.indicators])
    f = draw_factors(5, 200, 0.25, 9)
    u = np.array([[(wd[:3] * s[:3]).sum() / wd[:3].sum() for wd in w * f] for s in scores])
    ranks = (-u).argsort(axis=0, kind="stable").argsort(axis=0) + 1
    for b, r in zip(by_code, ranks, strict=True):
        assert b.stability is not None
        assert (b.stability.rank_min, b.stability.rank_max) == (r.min(), r.max())
        assert b.stability.rank_median == pytest.approx(float(np.median(r)))


def test_zero_draws_skips_the_check() -> None:
    result = compute_index(make_table(FIVE), make_sia_config(), draws=0)
    assert all(b.stability is None for b in result.buurten) and result.sensitivity.draws == 0


def test_helpers() -> None:
    assert ranks_of(np.array([[1.0, 5.0], [3.0, 5.0], [2.0, 0.0]])).tolist() == [[3, 1], [1, 2], [2, 3]]
    s = np.array([[0.0, 100.0], [50.0, 50.0]])
    assert weighted_scores(s, np.array([1.0, 3.0])).tolist() == [75.0, 50.0]
    assert weighted_scores(s, np.array([[1.0, 1.0], [0.0, 2.0]])).tolist() == [[50.0, 100.0], [50.0, 50.0]]
