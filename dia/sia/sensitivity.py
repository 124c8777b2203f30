"""How stable each buurt's rank and class are when the indicator weights vary (Monte Carlo).

For the duidingssessie: a position that holds under any reasonable weighting
is robust; one that jumps with small weight changes should be discussed, not
taken from the table.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from dia.model.base import Frozen
from dia.sia.classes import class_indices, threshold_of

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Score cells (buurten x draws) computed at once in the Monte Carlo check.
_CHUNK_CELLS = 2_000_000

#: A buurt whose class holds in at least this share of the draws is called robust.
ROBUST_SHARE = 0.9


class RankStability(Frozen):
    """Rank and class of one buurt over the Monte Carlo draws."""

    draws: int
    rank_min: int
    rank_p05: int
    rank_median: float
    rank_p95: int
    rank_max: int
    class_share: float
    """Share of the draws in which the buurt keeps its base class (quadrant)."""

    @property
    def is_robust(self) -> bool:
        return self.class_share >= ROBUST_SHARE


def weighted_scores(scores: FloatArray, weights: FloatArray) -> FloatArray:
    """Weighted means of indicator scores: one column per weight vector.

    Parameters
    ----------
    scores:
        ``(buurten, indicators)`` normalised scores 0–100.
    weights:
        ``(indicators,)`` or ``(draws, indicators)`` non-negative weights, each
        vector with a positive sum (checked in the config).

    Returns
    -------
    numpy.ndarray
        ``(buurten,)`` or ``(buurten, draws)``: ``Σ w_i s_i / Σ w_i`` (weights normalised to 1).
    """
    w = np.atleast_2d(weights)
    out = scores @ (w / w.sum(axis=1, keepdims=True)).T
    return np.asarray(out[:, 0] if weights.ndim == 1 else out, dtype=np.float64)


def ranks_of(values: FloatArray, axis: int = 0) -> IntArray:
    """Rank 1 for the highest value along ``axis``; ties go to the earlier position (lower code).

    Examples
    --------
    >>> ranks_of(np.array([5.0, 9.0, 5.0])).tolist()
    [2, 1, 3]
    >>> ranks_of(np.array([[5.0, 9.0, 5.0]]), axis=1).tolist()
    [[2, 1, 3]]
    """
    order = np.argsort(-values, axis=axis, kind="stable")
    ranks = np.empty_like(order)
    shape = [1] * values.ndim
    shape[axis] = values.shape[axis]
    idx = np.arange(1, values.shape[axis] + 1).reshape(shape)
    np.put_along_axis(ranks, order, np.broadcast_to(idx, order.shape), axis=axis)
    return np.asarray(ranks, dtype=np.int64)


def draw_factors(n_weights: int, draws: int, spread: float, seed: int) -> FloatArray:
    """``(draws, n_weights)`` factors drawn uniformly from ``[1 − spread, 1 + spread]``.

    A fresh ``numpy.random.default_rng(seed)`` makes the draws, and so every
    figure derived from them, identical for the same seed.
    """
    rng = np.random.default_rng(seed)
    return np.asarray(rng.uniform(1.0 - spread, 1.0 + spread, size=(draws, n_weights)), dtype=np.float64)


def rank_stability(
    urgency_scores: FloatArray,
    urgency_weights: FloatArray,
    potential_scores: FloatArray,
    potential_weights: FloatArray,
    thresholds: tuple[float | str, float | str],
    base_classes: IntArray,
    draws: int,
    spread: float,
    seed: int,
) -> list[RankStability]:
    """Monte Carlo rank and class stability of each buurt under weight changes of ±``spread``.

    For each draw d and indicator i the weight becomes ``w_i × f[d,i]`` with
    ``f[d,i] ~ U(1 − spread, 1 + spread)``, drawn for the urgency indicators
    and then the potential indicators from one seeded generator::

        urgency[b,d]   = Σ_i w_i f[d,i] s[b,i] / Σ_i w_i f[d,i]     (urgency indicators)
        rank[b,d]      = 1 + #{buurten ahead of b on urgency[., d]}  (ties: lower code first)
        class[b,d]     = quadrant(urgency[b,d] ≥ t_u[d], potential[b,d] ≥ t_p[d])

    where a ``median`` threshold is recomputed in every draw.

    Parameters
    ----------
    urgency_scores, potential_scores:
        ``(buurten, indicators)`` normalised scores of the included buurten, sorted by code.
    urgency_weights, potential_weights:
        The configured weights of those indicators.
    thresholds:
        The configured urgency and potential thresholds (number or ``"median"``).
    base_classes:
        Each buurt's class with the configured weights (:data:`~dia.sia.classes.CLASS_INDEX`).
    draws, spread, seed:
        Number of draws, relative weight spread and the generator's seed.

    Returns
    -------
    list of RankStability
        One per buurt, in the order of the score rows; empty when ``draws`` is 0.
    """
    n = urgency_scores.shape[0]
    if draws <= 0 or n == 0:
        return []
    factors = draw_factors(urgency_weights.size + potential_weights.size, draws, spread, seed)
    ranks = np.empty((n, draws), dtype=np.int32)
    same_class = np.empty((n, draws), dtype=bool)
    # draws are processed in chunks so a national run (14,000 buurten x 1,000 draws)
    # holds only the int32 ranks and the class flags in full, not every float matrix
    step = max(1, _CHUNK_CELLS // n)
    for lo in range(0, draws, step):
        f_u = factors[lo : lo + step, : urgency_weights.size]
        f_p = factors[lo : lo + step, urgency_weights.size :]
        # (draws, buurten) and contiguous: sorting and medians run along rows, cache-friendly
        urgency = np.ascontiguousarray(weighted_scores(urgency_scores, urgency_weights[None, :] * f_u).T)
        pot = weighted_scores(potential_scores, potential_weights[None, :] * f_p)
        potential = np.ascontiguousarray(pot.T)
        ranks[:, lo : lo + step] = ranks_of(urgency, axis=1).T
        u_high = urgency >= threshold_of(urgency, thresholds[0], axis=1)[:, None]
        p_high = potential >= threshold_of(potential, thresholds[1], axis=1)[:, None]
        same_class[:, lo : lo + step] = (class_indices(u_high, p_high) == base_classes[None, :]).T
    p05, p95 = np.quantile(ranks, [0.05, 0.95], axis=1, method="inverted_cdf")
    median = np.median(ranks, axis=1)
    low, high = ranks.min(axis=1), ranks.max(axis=1)
    share = same_class.mean(axis=1)
    return [
        RankStability(draws=draws, rank_min=int(low[b]), rank_p05=int(p05[b]), rank_median=float(median[b]),
                      rank_p95=int(p95[b]), rank_max=int(high[b]), class_share=float(share[b]))
        for b in range(n)
    ]
