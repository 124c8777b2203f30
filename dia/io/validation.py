"""Turn pydantic's ValidationError into located problems (it never leaves ``dia.io``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from dia.errors import Location, Problem, Reason
from dia.messages import Msg, msg

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


#: pydantic error type -> (message id, the ``ctx`` keys it shows); these are said in Dutch too.
_TYPED: dict[str, tuple[str, tuple[str, ...]]] = {
    "greater_than": ("pydantic.greater_than", ("gt",)),
    "greater_than_equal": ("pydantic.greater_than_equal", ("ge",)),
    "less_than": ("pydantic.less_than", ("lt",)),
    "less_than_equal": ("pydantic.less_than_equal", ("le",)),
    "int_parsing": ("pydantic.int", ()),
    "int_type": ("pydantic.int", ()),
    "int_from_float": ("pydantic.int", ()),
    "float_parsing": ("pydantic.number", ()),
    "float_type": ("pydantic.number", ()),
    "string_type": ("pydantic.text", ()),
    "bool_parsing": ("pydantic.bool", ()),
    "bool_type": ("pydantic.bool", ()),
    "dict_type": ("pydantic.mapping", ()),
    "model_type": ("pydantic.mapping", ()),
    "model_attributes_type": ("pydantic.mapping", ()),
    "list_type": ("pydantic.list", ()),
    "tuple_type": ("pydantic.list", ()),
    "too_short": ("pydantic.too_short", ("min_length",)),
    "too_long": ("pydantic.too_long", ("max_length",)),
    "string_too_short": ("pydantic.string_too_short", ("min_length",)),
    "string_too_long": ("pydantic.string_too_long", ("max_length",)),
    "literal_error": ("pydantic.one_of", ("expected",)),
    "enum": ("pydantic.one_of", ("expected",)),
}


def message_of(error: Any) -> Msg:
    """A catalogue message for one pydantic error dict, plus what was found.

    Common error types are said in Dutch and English (:data:`_TYPED`); the
    rest, including the models' own validator messages, keep pydantic's
    English text (without its ``Value error,`` prefix) inside a Dutch frame.
    """
    kind = str(error.get("type", ""))
    if kind == "extra_forbidden":
        return msg("pydantic.unknown_key")
    if kind == "missing":
        return msg("pydantic.missing")
    value = error.get("input")
    found: object = ""
    if kind not in ("value_error", "assertion_error") and isinstance(value, str | int | float):
        found = msg("pydantic.found", value=value)
    ctx = error.get("ctx") or {}
    typed = _TYPED.get(kind)
    if typed is not None and all(k in ctx for k in typed[1]):
        return msg(typed[0], found=found, **{k: ctx[k] for k in typed[1]})
    detail = str(error.get("msg", "invalid value"))
    for prefix in ("Value error, ", "Assertion failed, "):
        if detail.startswith(prefix):
            detail = detail[len(prefix) :]
    return msg("pydantic.other", detail=detail, found=found)


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
