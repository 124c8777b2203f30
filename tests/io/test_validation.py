"""pydantic errors become located problems with a reason (ValidationError never leaves dia.io)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dia.errors import Location, Reason
from dia.io.excel import Record
from dia.io.validation import key_path, problems_from
from dia.model import Budget, Weights


def test_key_path() -> None:
    assert key_path(("buurten", 0, "code")) == "buurten[0].code"
    assert key_path(()) == ""


@pytest.mark.parametrize(
    ("data", "reason", "key"),
    [
        ({"value": -1}, Reason.NEGATIVE_AMOUNT, "value"),
        ({"value": "veel"}, Reason.WRONG_TYPE, "value"),
        ({"colour": 1}, Reason.UNKNOWN_KEY, "colour"),
    ],
    ids=["negative", "wrong_type", "extra_key"],
)
def test_reasons_and_keys(data: dict[str, object], reason: Reason, key: str) -> None:
    with pytest.raises(ValidationError) as info:
        Weights.model_validate(data)
    (problem,) = problems_from(info.value, lambda loc: Location(file="dia.yaml", key=key_path(loc)))
    assert (problem.reason, problem.location.key) == (reason, key)


def test_row_errors_point_at_their_cells() -> None:
    """The reader's _build maps a model field to the cell of the row it came from."""
    from dia.io.area import _Reader

    rec = Record(
        file="Domijn.xlsx",
        sheet="Budget",
        row=7,
        columns={"partner": ("A", "Partner"), "amount": ("C", "Budget")},
    )
    reader = _Reader.__new__(_Reader)
    reader.problems = []
    assert reader._build(Budget, rec, {"partner": "Domijn", "year": 2027, "amount": -3}) is None
    (problem,) = reader.problems
    assert (problem.reason, problem.location.cell, problem.location.column) == (
        Reason.NEGATIVE_AMOUNT,
        "C7",
        "Budget",
    )
    reader.problems = []
    reader._build(Budget, rec, {"partner": "Domijn", "year": 2027, "amount": 1, "carry_over": 2})
    (problem,) = reader.problems
    assert (problem.reason, problem.location.cell, problem.location.row) == (Reason.OUT_OF_RANGE, None, 7)
