"""The composite index: monotonicity, weight normalisation, direction, missing values, row order."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dia.errors import InputError, Reason
from dia.sia.config import SiaConfig
from dia.sia.index import compute_index
from dia.sia.indicators import IndicatorTable

from .conftest import FIVE, SPEC, make_sia_config, make_table

METHODS = [{"method": m, "winsorise": w} for m in ("rank", "minmax", "zscore") for w in (None, [0.1, 0.9])]
URGENCY = [j for j, spec in enumerate(SPEC.values()) if spec["group"] == "urgency"]


@st.composite
def cases(draw: st.DrawFn) -> tuple[SiaConfig, dict[str, tuple[float | None, ...]]]:
    n = draw(st.integers(2, 8))
    spec: dict[str, dict[str, Any]] = {}
    for col, s in SPEC.items():
        spec[col] = {**s, "weight": draw(st.sampled_from([0.5, 1.0, 2.0, 3.0])),
                     "direction": draw(st.sampled_from(["higher_is_worse", "higher_is_better"])),
                     "normalisation": draw(st.sampled_from(METHODS))}
    policy = draw(st.sampled_from(["median", "mean"]))
    config = make_sia_config(indicators=spec, residents=None, missing={"policy": policy, "max_share": 1.0},
                             sensitivity={"draws": 0})
    cell = st.one_of(st.floats(0, 100, allow_nan=False), st.none()) if draw(st.booleans()) \
        else st.floats(0, 100, allow_nan=False)
    values = {f"BU{i:02d}": tuple(draw(cell) for _ in SPEC) for i in range(n)}
    # every indicator needs a value somewhere to impute from
    first = values["BU00"]
    values["BU00"] = tuple(50.0 if v is None else v for v in first)
    return config, values


@given(case=cases(), data=st.data())
def test_worsening_an_urgency_indicator_never_lowers_that_buurts_urgency(
        case: tuple[SiaConfig, dict[str, tuple[float | None, ...]]], data: st.DataObject) -> None:
    config, values = case
    code = data.draw(st.sampled_from(sorted(values)))
    j = data.draw(st.sampled_from(URGENCY))
    delta = data.draw(st.floats(0.0, 100.0))
    if values[code][j] is None:
        return
    ind = config.indicators[j]
    worse = list(values[code])
    worse[j] = worse[j] + delta if ind.direction == "higher_is_worse" else worse[j] - delta  # type: ignore[operator]
    before = compute_index(make_table(values), config).by_code()[code].urgency
    after = compute_index(make_table(values | {code: tuple(worse)}), config).by_code()[code].urgency
    assert before is not None and after is not None
    assert after >= before - 1e-9


def test_composite_is_the_normalised_weighted_mean() -> None:
    config = make_sia_config(sensitivity={"draws": 0})
    result = compute_index(make_table(FIVE), config)
    for b in result.buurten:
        s = b.scores
        assert b.urgency == pytest.approx((2 * s[0] + s[1] + s[2]) / 4)
        assert b.potential == pytest.approx((s[3] + s[4]) / 2)
        assert b.theme_score("urgency", "social") == pytest.approx(s[0])
        assert 0 <= b.urgency <= 100


def test_scaling_all_weights_changes_nothing() -> None:
    config = make_sia_config(sensitivity={"draws": 20, "seed": 1})
    spec = {k: {**v, "weight": 7.5 * v.get("weight", 1)} for k, v in SPEC.items()}
    scaled = make_sia_config(indicators=spec, sensitivity={"draws": 20, "seed": 1})
    a = compute_index(make_table(FIVE), config)
    b = compute_index(make_table(FIVE), scaled)
    assert [(x.code, x.urgency_rank, x.klass) for x in a.buurten] == [(x.code, x.urgency_rank, x.klass)
                                                                       for x in b.buurten]
    assert [x.urgency for x in a.buurten] == pytest.approx([x.urgency for x in b.buurten])
    assert [x.stability for x in a.buurten] == [x.stability for x in b.buurten]


def test_direction_flip_with_negated_values_gives_the_same_index() -> None:
    flipped_spec = dict(SPEC)
    flipped_spec["leefbaarometer"] = {**SPEC["leefbaarometer"], "direction": "higher_is_worse"}
    negated = {c: (v[0], -v[1], *v[2:]) for c, v in FIVE.items()}  # type: ignore[operator]
    a = compute_index(make_table(FIVE), make_sia_config())
    b = compute_index(make_table(negated), make_sia_config(indicators=flipped_spec))
    assert [(x.code, x.urgency) for x in a.buurten] == [(x.code, x.urgency) for x in b.buurten]


def test_higher_is_better_lowers_urgency() -> None:
    result = compute_index(make_table(FIVE), make_sia_config()).by_code()
    # BU02 has the lowest leefbaarometer (3.9): the most urgent on that indicator
    assert result["BU02"].scores[1] == 100.0 and result["BU03"].scores[1] == 0.0


def test_median_imputation_is_reported_and_located() -> None:
    values = dict(FIVE)
    values["BU03"] = (None, 4.3, 10.0, 10.0, 30.0)
    result = compute_index(make_table(values), make_sia_config())
    b = result.by_code()["BU03"]
    assert b.is_included and b.imputed == ("perc_huishoudens_laag_inkomen",)
    assert b.raw[0] is None
    # the median of 10, 20, 15, 8 is 12.5: between BU01 (10) and BU04 (15)
    others = result.by_code()
    assert others["BU01"].scores[0] < b.scores[0] < others["BU04"].scores[0]
    (w,) = [w for w in result.warnings if w.reason is Reason.EMPTY_REQUIRED]
    where = (w.location.file, w.location.row, w.location.column)
    assert where == ("test.csv", 4, "perc_huishoudens_laag_inkomen")
    assert "12.5" in w.message and w.severity == "warning"


def test_mean_imputation() -> None:
    values = dict(FIVE)
    values["BU03"] = (None, 4.3, 10.0, 10.0, 30.0)
    config = make_sia_config(missing={"policy": "mean"})
    result = compute_index(make_table(values), config)
    assert "imputed with the mean 13.25" in result.warnings[0].message


def test_exclude_policy_leaves_the_buurt_out_and_ranks_the_rest() -> None:
    values = dict(FIVE)
    values["BU03"] = (None, 4.3, 10.0, 10.0, 30.0)
    result = compute_index(make_table(values), make_sia_config(missing={"policy": "exclude"}))
    b = result.by_code()["BU03"]
    assert b.excluded == ("missing_value",) and b.urgency is None and b.urgency_rank is None
    assert [x.urgency_rank for x in result.included] == [1, 2, 3, 4]
    assert result.buurten[-1].code == "BU03"


def test_per_indicator_policy_overrides_the_default() -> None:
    spec = {k: dict(v) for k, v in SPEC.items()}
    spec["overlast_per_1000"]["missing"] = "exclude"
    values = dict(FIVE)
    values["BU01"] = (None, 4.1, 20.0, 30.0, 20.0)  # imputed (default median)
    values["BU02"] = (20.0, 3.9, None, 60.0, 25.0)  # excluded (overlast: exclude)
    result = compute_index(make_table(values), make_sia_config(indicators=spec)).by_code()
    assert result["BU01"].is_included and not result["BU02"].is_included


def test_too_many_missing_values_exclude_whatever_the_policy() -> None:
    values = dict(FIVE)
    values["BU04"] = (None, None, None, 50.0, 15.0)
    result = compute_index(make_table(values), make_sia_config()).by_code()
    assert result["BU04"].excluded == ("too_many_missing",)


def test_few_residents_flagged_or_excluded() -> None:
    residents: dict[str, float | None] = {"BU01": 40.0, "BU02": None}
    flagged = compute_index(make_table(FIVE, residents), make_sia_config()).by_code()
    assert flagged["BU01"].few_residents and flagged["BU02"].few_residents and flagged["BU01"].is_included
    assert not flagged["BU03"].few_residents
    excluded = compute_index(make_table(FIVE, residents),
                             make_sia_config(residents={"min": 100, "policy": "exclude"})).by_code()
    assert excluded["BU01"].excluded == ("few_residents",) and not excluded["BU02"].is_included


def test_nothing_left_or_nothing_to_impute_is_an_input_error() -> None:
    config = make_sia_config(residents={"min": 10_000, "policy": "exclude"})
    with pytest.raises(InputError) as info:
        compute_index(make_table(FIVE), config)
    assert info.value.errors[0].reason is Reason.EMPTY_AREA
    values = {c: (None, *v[1:]) for c, v in FIVE.items()}
    with pytest.raises(InputError) as info:
        compute_index(make_table(values), make_sia_config(missing={"max_share": 1.0}))
    assert info.value.errors[0].location.column == "perc_huishoudens_laag_inkomen"


def test_classes_ranks_and_thresholds() -> None:
    result = compute_index(make_table(FIVE), make_sia_config())
    u = np.array([b.urgency for b in result.included])
    assert result.urgency_threshold == pytest.approx(float(np.median(u)))
    for b in result.included:
        assert b.urgency is not None and b.potential is not None
        high_u = b.urgency >= result.urgency_threshold
        high_p = b.potential >= result.potential_threshold
        expected = {(True, True): "integrated", (True, False): "targeted",
                    (False, True): "opportunity", (False, False): "monitor"}[(high_u, high_p)]
        assert b.klass == expected
    assert [b.urgency_rank for b in result.buurten] == [1, 2, 3, 4, 5]
    assert [b.urgency for b in result.buurten] == sorted((b.urgency for b in result.buurten), reverse=True)
    fixed = compute_index(make_table(FIVE), make_sia_config(classes={"urgency_threshold": 101 - 1,
                                                                      "potential_threshold": 0}))
    assert {b.klass for b in fixed.buurten} <= {"opportunity", "integrated"}


def test_ties_rank_by_buurt_code() -> None:
    values = {"BU09": (1.0, 4.0, 1.0, 1.0, 1.0), "BU01": (1.0, 4.0, 1.0, 1.0, 1.0),
              "BU05": (2.0, 3.0, 2.0, 2.0, 2.0)}
    result = compute_index(make_table(values), make_sia_config())
    assert [b.code for b in result.buurten] == ["BU05", "BU01", "BU09"]


def _shuffled(table: IndicatorTable, seed: int) -> IndicatorTable:
    rows = list(table.buurten)
    random.Random(seed).shuffle(rows)
    rows = [r.model_copy(update={"row": i + 2}) for i, r in enumerate(rows)]
    return IndicatorTable(source=table.source, columns=table.columns, buurten=tuple(rows))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_row_order_does_not_change_the_result(seed: int) -> None:
    values = dict(FIVE)
    values["BU02"] = (None, 3.9, 40.0, 60.0, 25.0)
    config = make_sia_config()
    a = compute_index(make_table(values), config)
    b = compute_index(_shuffled(make_table(values), seed), config)
    drop = {"row"}
    assert [x.model_dump(exclude=drop) for x in a.buurten] == [x.model_dump(exclude=drop) for x in b.buurten]


def test_bundled_example_runs_and_is_labelled(bundled: Any) -> None:
    from dia.io.sia_io import load_sia_config, read_indicators

    config = load_sia_config(bundled[1])
    result = compute_index(read_indicators(bundled[0], config), config, draws=100)
    assert len(result.included) == 70 and "fictieve" in result.name
    assert {b.klass for b in result.included} == {"integrated", "targeted", "opportunity", "monitor"}
    assert sum(b.few_residents for b in result.buurten) >= 3
