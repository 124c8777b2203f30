"""The urgency × potential quadrant: thresholds and class names (NL/EN)."""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import NDArray

ClassCode = Literal["integrated", "targeted", "opportunity", "monitor"]

#: class code -> (Dutch label, English label). Order: the quadrants clockwise from top right.
CLASS_LABELS: dict[ClassCode, tuple[str, str]] = {
    "integrated": ("Integrale aanpak", "Integrated approach"),
    "targeted": ("Gerichte inzet", "Targeted support"),
    "monitor": ("Monitoren", "Monitor"),
    "opportunity": ("Kansen benutten", "Seize opportunities"),
}

#: Integer codes used in vectorised Monte Carlo draws, in :data:`CLASS_LABELS` order.
CLASS_INDEX: dict[ClassCode, int] = {c: i for i, c in enumerate(CLASS_LABELS)}


def class_label(code: ClassCode, lang: str = "nl") -> str:
    """User-facing name of a class in ``lang`` (``nl`` or ``en``)."""
    nl, en = CLASS_LABELS[code]
    return en if lang == "en" else nl


def threshold_of(scores: NDArray[np.float64], spec: float | str, axis: int = 0) -> NDArray[np.float64]:
    """Where "high" starts: a fixed score, or the median of ``scores`` along ``axis``.

    Examples
    --------
    >>> float(threshold_of(np.array([10.0, 20.0, 90.0]), "median"))
    20.0
    >>> float(threshold_of(np.array([10.0, 20.0, 90.0]), 50))
    50.0
    """
    if isinstance(spec, str):
        return np.asarray(np.median(scores, axis=axis), dtype=np.float64)
    shape = list(scores.shape)
    del shape[axis]
    return np.full(shape, float(spec))


def classify(urgency_high: bool, potential_high: bool) -> ClassCode:
    """The quadrant of one buurt.

    * urgency and potential high: ``integrated`` ("integrale aanpak"): the problems
      are there and so are the levers, where an integral DIA pays off most;
    * urgency high, potential low: ``targeted``: problems with few investment levers;
    * urgency low, potential high: ``opportunity``;
    * both low: ``monitor``.
    """
    if urgency_high:
        return "integrated" if potential_high else "targeted"
    return "opportunity" if potential_high else "monitor"


def class_indices(urgency_high: NDArray[np.bool_], potential_high: NDArray[np.bool_]) -> NDArray[np.int64]:
    """Vectorised :func:`classify`, returning :data:`CLASS_INDEX` codes."""
    out = np.where(
        urgency_high,
        np.where(potential_high, CLASS_INDEX["integrated"], CLASS_INDEX["targeted"]),
        np.where(potential_high, CLASS_INDEX["opportunity"], CLASS_INDEX["monitor"]),
    )
    return np.asarray(out, dtype=np.int64)
