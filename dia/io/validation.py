"""Turn pydantic's ValidationError into located problems (it never leaves ``dia.io``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from dia.errors import Location, Problem, Reason

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


def message_of(error: Any) -> str:
    """pydantic's message without its ``Value error,`` prefix, plus what was found."""
    msg = str(error.get("msg", "invalid value"))
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix) :]
    if error.get("type") == "extra_forbidden":
        return "unknown key (not part of the format; a typo?)"
    if error.get("type") == "missing":
        return "required key is missing"
    value = error.get("input")
    if error.get("type") not in ("value_error", "assertion_error") and isinstance(value, str | int | float):
        msg += f" (found {value!r})"
    return msg


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
        Problem(reason_of(err), message_of(err), locate(tuple(err.get("loc", ()))))
        for err in exc.errors(include_url=False)
    ]
