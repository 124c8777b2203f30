"""SIA (Stedelijke Investeringsafweging): buurt urgency and potential -> a weight per buurt.

Pure functions on frozen models; reading and writing live in
:mod:`dia.io.sia_io` and :mod:`dia.report.sia`. A notebook user runs::

    from dia.io.sia_io import load_sia_config, read_indicators
    from dia.sia import compute_index, buurt_weights
    config = load_sia_config("sia.yaml")
    result = compute_index(read_indicators("indicatoren.csv", config), config)
    weights, _ = buurt_weights(result, config.weights)
"""

from __future__ import annotations

from dia.sia.classes import CLASS_LABELS, class_label
from dia.sia.config import Indicator, Normalisation, SiaConfig
from dia.sia.index import BuurtScore, SiaResult, ThemeScore, compute_index
from dia.sia.indicators import BuurtRow, IndicatorTable
from dia.sia.sensitivity import RankStability
from dia.sia.weights import buurt_weights, weight_of

__all__ = [
    "CLASS_LABELS",
    "BuurtRow",
    "BuurtScore",
    "Indicator",
    "IndicatorTable",
    "Normalisation",
    "RankStability",
    "SiaConfig",
    "SiaResult",
    "ThemeScore",
    "buurt_weights",
    "class_label",
    "compute_index",
    "weight_of",
]
