"""Turn one indicator's raw values into scores from 0 to 100 (rank, min–max, z-score).

Every function takes the values of the *included* buurten (no missing values:
imputation happens before) and returns scores in the same order. A higher
score always means "more of the group" (more urgency, more potential): the
caller passes ``raises=False`` for an indicator whose higher raw values lower
the score, and the values are then negated before normalising, so all three
methods and the winsorising treat both directions alike.

Every method is monotone: raising one buurt's raw value never lowers that
buurt's own score (property-tested in ``tests/sia/test_normalise.py``).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from dia.sia.config import Normalisation

FloatArray = NDArray[np.float64]

#: Score every buurt gets when an indicator does not vary (no information).
NEUTRAL = 50.0


def winsorise(values: FloatArray, lower: float, upper: float) -> FloatArray:
    """Clip values to their ``lower`` and ``upper`` quantiles.

    Parameters
    ----------
    values:
        Raw values, one per buurt.
    lower, upper:
        Quantiles in [0, 1], ``lower < upper`` (linear interpolation, numpy's default).

    Returns
    -------
    numpy.ndarray
        The clipped values; outliers no longer stretch the min–max or z-score scale.

    Examples
    --------
    >>> winsorise(np.array([0.0, 1.0, 2.0, 100.0]), 0.0, 0.75).tolist()
    [0.0, 1.0, 2.0, 26.5]
    """
    lo, hi = np.quantile(values, [lower, upper])
    return np.clip(values, lo, hi)


def rank_scores(values: FloatArray) -> FloatArray:
    """Scores from average ranks: the lowest value 0, the highest 100, ties share a rank.

    Notes
    -----
    With ``n`` buurten the score is ``100 × (rank − 1) / (n − 1)``; one buurt
    (or all equal) scores :data:`NEUTRAL`.

    Examples
    --------
    >>> [round(s, 2) for s in rank_scores(np.array([3.0, 1.0, 3.0, 2.0])).tolist()]
    [83.33, 0.0, 83.33, 33.33]
    """
    n = values.size
    if n <= 1:
        return np.full(n, NEUTRAL)
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    if counts.size == 1:
        return np.full(n, NEUTRAL)
    average_rank = np.cumsum(counts) - (counts - 1) / 2.0
    ranks = average_rank[inverse]
    return np.asarray(100.0 * (ranks - 1.0) / (n - 1.0), dtype=np.float64)


def minmax_scores(values: FloatArray) -> FloatArray:
    """``100 × (x − min) / (max − min)``; a constant indicator scores :data:`NEUTRAL`.

    Examples
    --------
    >>> minmax_scores(np.array([10.0, 20.0, 15.0])).tolist()
    [0.0, 100.0, 50.0]
    """
    if values.size == 0:
        return values.copy()
    lo, hi = float(values.min()), float(values.max())
    if hi <= lo:
        return np.full(values.size, NEUTRAL)
    return np.asarray(100.0 * (values - lo) / (hi - lo), dtype=np.float64)


def zscore_scores(values: FloatArray) -> FloatArray:
    """``100 × Φ(z)`` with ``z = (x − mean) / sd`` (population sd) and Φ the normal CDF.

    Notes
    -----
    A z-score is unbounded; the normal CDF maps it onto 0–100 monotonically,
    so the average buurt scores 50 and one standard deviation above it about
    84. A constant indicator scores :data:`NEUTRAL`.

    Examples
    --------
    >>> [round(s, 1) for s in zscore_scores(np.array([1.0, 2.0, 3.0])).tolist()]
    [11.0, 50.0, 89.0]
    """
    if values.size == 0:
        return values.copy()
    sd = float(values.std())
    if sd <= 0.0 or not math.isfinite(sd):
        return np.full(values.size, NEUTRAL)
    z = (values - float(values.mean())) / sd
    erf = np.vectorize(math.erf, otypes=[np.float64])
    return np.asarray(50.0 * (1.0 + erf(z / math.sqrt(2.0))), dtype=np.float64)


def normalise(values: FloatArray, how: Normalisation, raises: bool = True) -> FloatArray:
    """Score one indicator's values 0–100 with the configured method and direction.

    Parameters
    ----------
    values:
        Raw values of the included buurten (finite, no missing values).
    how:
        Method and optional winsorising quantiles.
    raises:
        ``True`` when a higher raw value should give a higher score.

    Returns
    -------
    numpy.ndarray
        Scores in [0, 100], same order as ``values``.
    """
    x = np.asarray(values, dtype=np.float64)
    if not raises:
        x = -x
    if how.winsorise is not None and x.size:
        x = winsorise(x, *how.winsorise)
    if how.method == "rank":
        out = rank_scores(x)
    elif how.method == "zscore":
        out = zscore_scores(x)
    else:
        out = minmax_scores(x)
    return np.clip(out, 0.0, 100.0)
