"""Buurt weights for the DIA: the documented mapping, restriction to an area, exclusions."""

from __future__ import annotations

import pytest

from dia.errors import InputError, Reason
from dia.sia.config import WeightMapping
from dia.sia.index import compute_index
from dia.sia.weights import buurt_weights, weight_of

from .conftest import FIVE, make_sia_config, make_table


def test_default_mapping_is_one_plus_urgency_over_100() -> None:
    result = compute_index(make_table(FIVE), make_sia_config(), draws=0)
    weights, warnings = buurt_weights(result, WeightMapping())
    assert list(weights) == sorted(weights) and not warnings
    for b in result.buurten:
        assert b.urgency is not None
        assert weights[b.code] == round(1 + b.urgency / 100, 3)
        assert 1.0 <= weights[b.code] <= 2.0


def test_other_mappings() -> None:
    result = compute_index(make_table(FIVE), make_sia_config(), draws=0)
    b = result.buurten[0]
    assert b.urgency is not None and b.potential is not None
    assert weight_of(b, WeightMapping(score="potential", base=0.5, scale=1.5, decimals=4)) == round(
        0.5 + 1.5 * b.potential / 100, 4)
    assert weight_of(b, WeightMapping(score="mean")) == round(1 + (b.urgency + b.potential) / 200, 3)


def test_restricting_to_an_area_and_unknown_codes() -> None:
    result = compute_index(make_table(FIVE), make_sia_config(), draws=0)
    weights, _ = buurt_weights(result, WeightMapping(), ["BU04", "BU02"])
    assert list(weights) == ["BU02", "BU04"]
    with pytest.raises(InputError) as info:
        buurt_weights(result, WeightMapping(), ["BU02", "BU99"], option="--area")
    (problem,) = info.value.errors
    assert problem.reason is Reason.UNKNOWN_BUURT and problem.location.key == "--area"
    assert "BU99" in problem.message


def test_excluded_buurten_get_no_weight_and_a_warning() -> None:
    values = dict(FIVE)
    values["BU03"] = (None, 4.3, 10.0, 10.0, 30.0)
    result = compute_index(make_table(values), make_sia_config(missing={"policy": "exclude"}), draws=0)
    weights, warnings = buurt_weights(result, WeightMapping(), ["BU03", "BU01"])
    assert list(weights) == ["BU01"]
    assert [w.severity for w in warnings] == ["warning"] and "BU03" in warnings[0].message
    everything, quiet = buurt_weights(result, WeightMapping())
    assert "BU03" not in everything and not quiet
