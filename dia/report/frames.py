"""Small helpers the scenario outputs share (``dia.report.scenarios``, ``dia.report.sweep``).

A frame's cells, missing values, euros in millions, PNG bytes and publishing a set of
in-memory files together.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import pandas as pd


def at(frame: pd.DataFrame, row: Any, column: str) -> Any:
    """One cell of a frame, untyped (pandas' stubs type cells as a wide union)."""
    return frame.at[row, column]


def missing(value: object) -> bool:
    """None, NaN or pandas' NA (an unscheduled project's start)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(cast(Any, value)))
    except (TypeError, ValueError):
        return False


def euro_mln(amount: float, lang: str) -> str:
    """Euros in millions with two decimals, in the language's separators (``€ 1,25 mln``)."""
    text = f"€ {amount / 1e6:,.2f} mln"
    return text.replace(",", "X").replace(".", ",").replace("X", ".") if lang != "en" else text


def png(figure: Any) -> bytes:
    """A matplotlib figure as PNG bytes, without the software stamp (reproducible bytes)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=120, metadata={"Software": None})
    return buffer.getvalue()


def write_files(files: Mapping[str, bytes], out: str | os.PathLike[str]) -> list[Path]:
    """Publish in-memory files into ``out`` all together (nothing half-written)."""
    from dia.io.atomic import staged_dir

    with staged_dir(out) as stage:
        for name, data in sorted(files.items()):
            (stage / name).write_bytes(data)
    return [Path(out) / name for name in sorted(files)]
