"""Turn pydantic's ValidationError into located problems (it never leaves ``dia.io``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from dia.errors import Location, Problem, Reason
from dia.messages import Msg, pydantic_message

Loc = tuple[int | str, ...]

_RANGE = (
    "greater_than",
    "less_than",
    "greater_than_equal",
    "less_than_equal",
    "too_short",
    "too_long",
    "string_too_short",
    "string_too_long",
)


def reason_of(error: Any) -> Reason:
    """A :class:`~dia.errors.Reason` for one pydantic error dict."""
    kind = str(error.get("type", ""))
    if kind == "extra_forbidden":
        return Reason.UNKNOWN_KEY
    if kind == "missing":
        return Reason.EMPTY_REQUIRED
    if kind in _RANGE:
        value = error.get("input")
        if kind.startswith("greater_than") and isinstance(value, int | float) and value < 0:
            return Reason.NEGATIVE_AMOUNT
        return Reason.OUT_OF_RANGE
    if kind.endswith(("_type", "_parsing")) or kind in ("model_type", "dict_type", "list_type", "tuple_type"):
        return Reason.WRONG_TYPE
    return Reason.INVALID_VALUE


def message_of(error: Any) -> Msg:
    """A catalogue message for one pydantic error dict, plus what was found (see
    :func:`dia.messages.pydantic_message`)."""
    return pydantic_message(error)


def key_path(loc: Loc) -> str:
    """``("buurten", 0, "code")`` -> ``buurten[0].code``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def problems_from(exc: ValidationError, locate: Callable[[Loc], Location]) -> list[Problem]:
    """One problem per pydantic error, located by ``locate(loc)``."""
    return [
        Problem.of(reason_of(err), message_of(err), locate(tuple(err.get("loc", ()))))
        for err in exc.errors(include_url=False)
    ]
