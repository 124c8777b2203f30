"""Buurt weights for the DIA: a buurt's SIA scores as a multiplier on project value.

The mapping (``weights`` in ``sia.yaml``, documented in ``docs/sia.md``)::

    weight(b) = base + scale × score(b) / 100

where ``score`` is the buurt's urgency (default), potential, or the mean of
both. With the defaults (``base`` 1, ``scale`` 1, urgency) the weight runs
from 1.0 for the least urgent buurt to 2.0 for a buurt that scores 100: a
project in the most urgent buurt is worth up to twice as much to the
optimiser as the same project in the least urgent one, and no buurt's
projects are worth less than without SIA weighting. Excluded buurten get no
weight, so in the DIA they keep the ``sia_weight`` of their ``dia.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable

from dia.errors import InputError, Location, Problem, Reason
from dia.messages import msg
from dia.sia.config import WeightMapping
from dia.sia.index import BuurtScore, SiaResult


def weight_of(buurt: BuurtScore, mapping: WeightMapping) -> float | None:
    """The DIA weight of one buurt (``None`` when the buurt is excluded from the SIA).

    Examples
    --------
    >>> from dia.sia.index import BuurtScore
    >>> b = BuurtScore(code="BU1", name="x", row=2, raw=(), urgency=32.0, potential=80.0)
    >>> weight_of(b, WeightMapping())
    1.32
    >>> weight_of(b, WeightMapping(score="mean", base=0.5, scale=2))
    1.62
    """
    if buurt.urgency is None or buurt.potential is None:
        return None
    if mapping.score == "urgency":
        score = buurt.urgency
    elif mapping.score == "potential":
        score = buurt.potential
    else:
        score = (buurt.urgency + buurt.potential) / 2.0
    return round(mapping.base + mapping.scale * score / 100.0, mapping.decimals)


def buurt_weights(
    result: SiaResult,
    mapping: WeightMapping,
    codes: Iterable[str] | None = None,
    *,
    option: str = "--buurten",
) -> tuple[dict[str, float], list[Problem]]:
    """Weights per buurt code, sorted by code, optionally restricted to ``codes``.

    Parameters
    ----------
    result:
        The computed SIA (city-wide: scores are relative to all its buurten).
    mapping:
        How scores become weights.
    codes:
        Only these buurten (e.g. those of one DIA area); ``None``: every included buurt.
    option:
        Name of the option or file the codes came from, for messages.

    Returns
    -------
    tuple
        ``{code: weight}`` sorted by code, and warnings for requested buurten that
        the SIA excluded (they are left out, so they keep their ``dia.yaml`` weight).

    Raises
    ------
    InputError
        A requested code is not a buurt of the indicator table.
    """
    by_code = result.by_code()
    wanted = sorted(set(by_code) if codes is None else set(codes))
    unknown = [c for c in wanted if c not in by_code]
    if unknown:
        raise InputError([
            Problem.of(Reason.UNKNOWN_BUURT, msg("sia.weights_unknown_buurt", code=c, source=result.source),
                       Location(key=option))
            for c in unknown
        ])
    weights: dict[str, float] = {}
    warnings: list[Problem] = []
    for code in wanted:
        w = weight_of(by_code[code], mapping)
        if w is None:
            if codes is not None:
                warnings.append(Problem.of(
                    Reason.EMPTY_REQUIRED,
                    msg("sia.weights_excluded", code=code, why=", ".join(by_code[code].excluded)),
                    Location(key=option), severity="warning"))
            continue
        weights[code] = w
    return weights, warnings
