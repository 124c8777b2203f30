"""The indicator table as read from a file: buurten and their raw values, sorted by code."""

from __future__ import annotations

from pydantic import Field, model_validator

from dia.model.base import Frozen


class BuurtRow(Frozen):
    """One buurt of the indicator file, with raw values in the config's indicator order."""

    code: str = Field(min_length=1)
    name: str
    wijk: str | None = None
    residents: float | None = None
    """Number of residents; ``None`` when the file gives none (CBS suppressed it)."""
    values: tuple[float | None, ...]
    """Raw values, ``None`` where the file has no value (empty or a CBS suppression marker)."""
    row: int = Field(ge=1)
    """Row number in the file (as Excel or a text editor shows it), for located messages."""


class IndicatorTable(Frozen):
    """Raw indicator values per buurt, independent of the file's row order.

    ``columns`` follows the config's indicator order; ``buurten`` is sorted by
    code, so everything computed from a table is the same whatever the order
    of the rows in the file.
    """

    source: str
    """File name the table came from (for messages and reports)."""
    sheet: str | None = None
    columns: tuple[str, ...]
    """Header of each indicator column as written in the file, config order."""
    buurten: tuple[BuurtRow, ...]

    @model_validator(mode="before")
    @classmethod
    def _sort(cls, data: object) -> object:
        if isinstance(data, dict) and "buurten" in data:
            data = dict(data)
            data["buurten"] = tuple(sorted(
                data["buurten"],
                key=lambda b: b["code"] if isinstance(b, dict) else b.code,
            ))
        return data

    @model_validator(mode="after")
    def _consistent(self) -> IndicatorTable:
        codes = [b.code for b in self.buurten]
        if len(set(codes)) != len(codes):
            raise ValueError("buurt codes must be unique")
        for b in self.buurten:
            if len(b.values) != len(self.columns):
                raise ValueError(f"buurt {b.code} has {len(b.values)} values for {len(self.columns)} columns")
        return self

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(b.code for b in self.buurten)
