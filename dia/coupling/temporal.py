"""The temporal test: can two projects start close enough together?

Project a may start in any year of ``[ea, la]``, project b in ``[eb, lb]``.
With a tolerance of ``g`` years there exist start years ``ya`` and ``yb``
with ``|ya - yb| <= g`` exactly when the two windows, each widened by ``g``
on one side, overlap::

    ea <= lb + g   and   eb <= la + g

and the start years of a that have a partner in b are
``max(ea, eb - g) .. min(la, lb + g)``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def overlaps(ea: IntArray, la: IntArray, eb: IntArray, lb: IntArray, gap: IntArray | int) -> BoolArray:
    """Vectorised temporal test for many pairs at once.

    Parameters
    ----------
    ea, la:
        Earliest and latest start year of project a, one entry per pair.
    eb, lb:
        Earliest and latest start year of project b.
    gap:
        ``max_gap`` of the pair's rule (years; 0 = same year).

    Returns
    -------
    numpy.ndarray of bool
        True where start years within ``gap`` of each other exist.

    Examples
    --------
    >>> import numpy as np
    >>> bool(overlaps(np.array([2026]), np.array([2027]), np.array([2029]), np.array([2030]), 1)[0])
    False
    >>> bool(overlaps(np.array([2026]), np.array([2027]), np.array([2028]), np.array([2030]), 1)[0])
    True
    """
    return (ea <= lb + gap) & (eb <= la + gap)


def common_years(ea: int, la: int, eb: int, lb: int, gap: int) -> tuple[int, ...]:
    """Start years of project a that have a start year of project b within ``gap``.

    Parameters
    ----------
    ea, la:
        Window of project a.
    eb, lb:
        Window of project b.
    gap:
        Largest allowed difference between the start years.

    Returns
    -------
    tuple of int
        Sorted years; empty when the windows are too far apart.

    Examples
    --------
    >>> common_years(2026, 2030, 2029, 2033, 1)
    (2028, 2029, 2030)
    """
    return tuple(range(max(ea, eb - gap), min(la, lb + gap) + 1))
