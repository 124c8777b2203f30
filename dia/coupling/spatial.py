"""The spatial tests: geometries (RD New) checked and indexed, pairs found without all-pairs.

Three ways for two projects to meet:

* ``same_buurt``: equal CBS buurt codes (a join on the code);
* ``same_street``: their normalised street names intersect (a join on the
  street key, see :mod:`dia.coupling.streets`) or, when both have a WKT
  geometry, the geometries lie within the rule's ``distance_m`` (0 when not
  given: they touch);
* ``within``: both have a geometry and they lie within ``distance_m``.

Geometry pairs come from a shapely 2 ``STRtree`` per project type, queried
with the ``dwithin`` predicate by the smaller side of each rule, so the cost
grows with the number of nearby pairs, not with the square of the number of
projects.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import shapely
from shapely import STRtree

from dia.errors import InputError, Location, Problem, Reason
from dia.messages import msg
from dia.model import Project

IntArray = npt.NDArray[np.int64]
GeomArray = npt.NDArray[np.object_]

#: Rough bounds of the Netherlands in RD New (EPSG:28992), metres, with a margin.
RD_BOUNDS = (0.0, 289_000.0, 300_000.0, 629_000.0)


def location_of(project_id: str) -> Location:
    """Where a project's geometry is reported (the reader may map it to the cell)."""
    return Location(key=f"project {project_id} (Locatie)")


def parse_geometries(projects: Sequence[Project]) -> GeomArray:
    """Parse every project's WKT and check it lies in the Netherlands in RD New.

    Parameters
    ----------
    projects:
        The area's projects, in the order of their indices.

    Returns
    -------
    numpy.ndarray of shapely geometries
        One entry per project; ``None`` where a project has no geometry.

    Raises
    ------
    dia.errors.InputError
        ``Reason.INVALID_GEOMETRY`` for every WKT that does not parse, is
        empty, or has coordinates outside the RD New bounds of the
        Netherlands (x 0..300 km, y 289..629 km); coordinates that look like
        degrees (WGS84 longitude/latitude) get a message saying so.
    """
    wkt = np.array([p.geometry for p in projects], dtype=object)
    has = np.flatnonzero(wkt != None)  # noqa: E711 - element-wise comparison with None
    geoms: GeomArray = np.full(len(projects), None, dtype=object)
    if not len(has):
        return geoms
    parsed = shapely.from_wkt(wkt[has], on_invalid="ignore")
    geoms[has] = parsed
    problems: list[Problem] = []
    bad_parse = shapely.is_missing(parsed) | shapely.is_empty(parsed)
    for k in np.flatnonzero(bad_parse):
        p = projects[int(has[k])]
        text = str(p.geometry)
        shown = text if len(text) <= 60 else text[:57] + "..."
        problems.append(Problem.of(
            Reason.INVALID_GEOMETRY, msg("coupling.invalid_wkt", shown=shown, id=p.id), location_of(p.id),
        ))
    ok = ~bad_parse
    bounds = shapely.bounds(parsed[ok])
    xmin, ymin, xmax, ymax = RD_BOUNDS
    outside = (bounds[:, 0] < xmin) | (bounds[:, 1] < ymin) | (bounds[:, 2] > xmax) | (bounds[:, 3] > ymax)
    degrees = np.asarray(
        (np.abs(bounds[:, [0, 2]]) <= 180).all(axis=1) & (np.abs(bounds[:, [1, 3]]) <= 90).all(axis=1),
        dtype=bool,
    )
    ok_idx = has[ok]
    for k in np.flatnonzero(outside):
        p = projects[int(ok_idx[k])]
        x0, y0, x1, y1 = (float(v) for v in bounds[k])
        if degrees[k]:
            why = msg("coupling.degrees", x=x0, y=y0)
        else:
            why = msg("coupling.outside_nl", x0=x0, y0=y0, x1=x1, y1=y1)
        problems.append(Problem.of(Reason.INVALID_GEOMETRY, msg("coupling.location", id=p.id, why=why),
                                   location_of(p.id)))
    if problems:
        n = len(problems)
        summary = msg("coupling.locations.one" if n == 1 else "coupling.locations.many", n=n)
        raise InputError(problems, summary=summary)
    return geoms


class GeometryIndex:
    """Lazily built ``STRtree`` per project type over the projects that have a geometry.

    Parameters
    ----------
    geoms:
        Geometry per project index (``None`` for none).
    type_codes:
        Integer type code per project index.
    """

    def __init__(self, geoms: GeomArray, type_codes: IntArray) -> None:
        self.geoms = geoms
        self.type_codes = type_codes
        self._has = np.asarray(geoms != None, dtype=bool)  # noqa: E711
        self._members: dict[int, IntArray] = {}
        self._trees: dict[int, STRtree] = {}

    def members(self, type_code: int) -> IntArray:
        """Indices of the projects of this type that have a geometry (ascending)."""
        if type_code not in self._members:
            self._members[type_code] = np.flatnonzero(self._has & (self.type_codes == type_code))
        return self._members[type_code]

    def tree(self, type_code: int) -> STRtree:
        """The spatial index over :meth:`members` (built once per type)."""
        if type_code not in self._trees:
            self._trees[type_code] = STRtree(self.geoms[self.members(type_code)])
        return self._trees[type_code]

    def pairs_within(self, type_a: int, type_b: int, distance: float) -> tuple[IntArray, IntArray]:
        """Project index pairs of types a and b whose geometries lie within ``distance`` m.

        The smaller side queries the tree of the larger side, with the
        ``dwithin`` predicate (GEOS computes exact distances only for
        envelopes that are close enough). For ``type_a == type_b`` each
        unordered pair is returned once and no project is paired with itself.

        Returns
        -------
        tuple of numpy.ndarray
            ``(i, j)`` project indices with ``i < j``.
        """
        ma, mb = self.members(type_a), self.members(type_b)
        empty = np.empty(0, dtype=np.int64)
        if not len(ma) or not len(mb):
            return empty, empty
        if len(ma) > len(mb):
            type_a, type_b, ma, mb = type_b, type_a, mb, ma
        q, t = self.tree(type_b).query(self.geoms[ma], predicate="dwithin", distance=distance)
        i = ma[q].astype(np.int64)
        j = mb[t].astype(np.int64)
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        keep = lo != hi
        lo, hi = lo[keep], hi[keep]
        if type_a == type_b:
            # both orientations were found; keep each unordered pair once
            pairs = np.unique(np.stack([lo, hi], axis=1), axis=0)
            return pairs[:, 0], pairs[:, 1]
        return lo, hi


def distances(geoms: GeomArray, i: IntArray, j: IntArray) -> npt.NDArray[np.float64]:
    """Distance in metres between the geometries of each pair; NaN where one is missing."""
    out = np.full(len(i), np.nan)
    if not len(i):
        return out
    both = np.asarray((geoms[i] != None) & (geoms[j] != None), dtype=bool)  # noqa: E711
    if both.any():
        out[both] = shapely.distance(geoms[i[both]], geoms[j[both]])
    return out
