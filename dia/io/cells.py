"""Turn one Excel cell into a typed value, or say precisely why it cannot be.

Each parser takes the raw value the workbook engine returns (``str``,
``float``, ``int``, ``bool``, ``date``/``datetime`` or ``None``) and returns
the typed value or raises :class:`CellIssue` with a :class:`~dia.errors.Reason`
and a message that says what was found and what was expected.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from dia.errors import Reason
from dia.messages import Msg, msg


class CellIssue(ValueError):
    """A cell value that does not fit its column (reason + found/expected message).

    ``msg`` is the catalogue message (Dutch or English on demand), ``message`` its English text.
    """

    def __init__(self, reason: Reason, message: Msg) -> None:
        super().__init__(message.text("en"))
        self.reason = reason
        self.msg = message
        self.message = message.text("en")


def _expected(what: str, found: object, reason: Reason = Reason.WRONG_TYPE, **params: object) -> CellIssue:
    """``expected <what>, got <found>`` with ``what`` a ``cell.what.*`` message id."""
    return CellIssue(reason, msg("cell.expected", what=msg(f"cell.what.{what}", **params), found=found))


#: Excel error values as they appear in cached results.
EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)

_TRUE = frozenset({"ja", "j", "yes", "y", "true", "waar", "1", "x"})
_FALSE = frozenset({"nee", "n", "no", "false", "onwaar", "0"})

_SCALES: dict[str, float] = {
    "k": 1e3,
    "duizend": 1e3,
    "dzd": 1e3,
    "m": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "miljoen": 1e6,
    "mn": 1e6,
    "mld": 1e9,
    "miljard": 1e9,
    "bn": 1e9,
}
_AMOUNT = re.compile(r"^(?P<sign>[-+]?)(?P<num>\d[\d.,]*)(?P<scale>[a-z]*)$")
_GROUPED = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")


def is_empty(value: object) -> bool:
    """Whether a cell counts as empty (None, '' or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def show(value: object) -> str:
    """A cell value as the user would recognise it in a message."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return repr(value.strip()) if len(value) <= 60 else repr(value.strip()[:57] + "…")
    return str(value)


def _check_error_value(value: object) -> None:
    if isinstance(value, str) and value[:2].lstrip()[:1] == "#" and value.strip().upper() in EXCEL_ERRORS:
        raise CellIssue(Reason.WRONG_TYPE, msg("cell.excel_error", error=value.strip()))


def parse_text(value: object) -> str:
    """Trimmed text (inner runs of spaces become one); numbers are written without a trailing ``.0``."""
    if type(value) is str and value[:1] != "#":
        return " ".join(value.split())
    _check_error_value(value)
    if isinstance(value, bool):
        raise _expected("text", msg("cell.found.bool", value=value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        raise _expected("text", msg("cell.found.date", value=show(value)))
    return " ".join(str(value).split())


def parse_int(value: object, what: str = "int") -> int:
    """A whole number: ``3``, ``3.0``, ``"3"``, ``"3,0"`` (``what``: the ``cell.what.*`` id in messages)."""
    if type(value) is float and value.is_integer():
        return int(value)
    _check_error_value(value)
    if isinstance(value, bool | dt.date):
        raise _expected(what, show(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return int(value)
        raise _expected(what, show(value))
    text = str(value).strip().replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise _expected(what, show(value)) from None
    if not (math.isfinite(number) and number.is_integer()):
        raise _expected(what, show(value))
    return int(number)


def parse_year(value: object) -> int:
    """A calendar year: ``2027``, ``2027.0``, ``"2027"``; dates are refused (ambiguous intent)."""
    if type(value) is float and value.is_integer() and 1900 <= value <= 2200:
        return int(value)
    if isinstance(value, dt.date):
        raise CellIssue(Reason.WRONG_TYPE, msg("cell.year_date", value=show(value)))
    year = parse_int(value, "year")
    if not 1900 <= year <= 2200:
        raise _expected("year", year, Reason.OUT_OF_RANGE)
    return year


def parse_bool(value: object) -> bool:
    """``ja/nee``, ``yes/no``, ``true/false``, ``waar/onwaar``, ``1/0``, ``x`` (and Excel TRUE/FALSE)."""
    _check_error_value(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _expected("bool", show(value))


def parse_amount(value: object) -> float:
    """A euro amount from a number or text, refusing text whose separators are ambiguous.

    Accepted text: ``€ 1.250.000``, ``1.250.000,50``, ``1,250,000.50``,
    ``€ 600.000``, ``1,25 mln``, ``€ 750k``, ``2 miljoen``, ``EUR 300000``.
    A single separator followed by exactly three digits is a thousands
    separator (euro amounts have no three-decimal cents), except before a
    scale word: ``1,250 mln`` means 1.25 mln in Dutch and 1250 mln in English,
    so it is refused with a hint.

    Examples
    --------
    >>> parse_amount("€ 1.250.000,50")
    1250000.5
    >>> parse_amount("1,25 mln")
    1250000.0
    >>> parse_amount("€ 750k")
    750000.0
    """
    _check_error_value(value)
    if isinstance(value, bool | dt.date):
        raise _expected("amount", show(value))
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise _expected("amount", value)
        return float(value)
    raw = str(value)
    text = raw.casefold().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "")
    text = text.replace("€", "").replace("euro", "").replace("eur", "")
    if text.endswith(",-") or text.endswith(".-"):
        text = text[:-2]
    match = _AMOUNT.match(text)
    if not match or (match["scale"] and match["scale"] not in _SCALES):
        raise _expected("amount_eg", show(raw))
    number = _number(match["num"], has_scale=bool(match["scale"]), raw=raw)
    amount = number * _SCALES.get(match["scale"], 1.0)
    return -amount if match["sign"] == "-" else amount


def _number(num: str, *, has_scale: bool, raw: str) -> float:
    """Digits with ``.``/``,`` separators -> float, deciding which one is the decimal mark."""
    bad = _expected("amount", show(raw))
    dots, commas = num.count("."), num.count(",")
    if dots and commas:
        decimal = "." if num.rfind(".") > num.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        whole, _, frac = num.rpartition(decimal)
        if (
            num.count(decimal) != 1
            or not frac.isdigit()
            or not _GROUPED.match(whole)
            or thousands not in whole
        ):
            raise bad
        return float(whole.replace(thousands, "") + "." + frac)
    sep = "." if dots else "," if commas else ""
    if not sep:
        return float(num)
    if num.count(sep) > 1:
        if not _GROUPED.match(num):
            raise bad
        return float(num.replace(sep, ""))
    whole, _, frac = num.partition(sep)
    if not whole or not frac:
        raise bad
    if len(frac) == 3:
        if not has_scale:
            # Euro amounts never have three decimals: one group of three digits is thousands,
            # in Dutch (600.000) and in English (600,000) alike.
            return float(whole + frac)
        raise CellIssue(
            Reason.INVALID_VALUE,
            msg("cell.ambiguous_amount", value=show(raw), written=f"{whole}{sep}{frac}",
                thousands=f"{whole}{frac}", decimal=f"{float(whole + '.' + frac):g}"),
        )
    return float(whole + "." + frac)


def parse_fraction(value: object) -> float:
    """A fraction 0–1 from ``0.25``, ``"0,25"`` or ``"25%"`` (Excel % cells store 0.25)."""
    _check_error_value(value)
    if isinstance(value, bool | dt.date):
        raise _expected("fraction", show(value))
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace(" ", "")
        percent = text.endswith("%")
        text = text.rstrip("%").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise _expected("fraction_eg", show(value)) from None
        if percent:
            number /= 100
    if not (math.isfinite(number) and 0 <= number <= 1):
        raise _expected("fraction_range", show(value), Reason.OUT_OF_RANGE)
    return number


def parse_list(value: object) -> tuple[str, ...]:
    """``;``-separated names (line breaks also separate), trimmed, empty parts dropped."""
    text = parse_text(value) if not isinstance(value, str) else value
    parts = re.split(r"[;\n\r]+", text)
    return tuple(" ".join(p.split()) for p in parts if p.strip())


_SHARE = re.compile(r"^(?P<name>.+?)\s*[:=]?\s*(?P<pct>\d+(?:[.,]\d+)?)\s*%$")


def parse_shares(value: object) -> tuple[tuple[str, float], ...]:
    """``"Gemeente Enschede 50%; Domijn 50%"`` -> ``(("Gemeente Enschede", 0.5), ("Domijn", 0.5))``.

    The fractions must add up to 100 %.
    """
    out: list[tuple[str, float]] = []
    for part in parse_list(value):
        match = _SHARE.match(part)
        if not match:
            raise _expected("shares", show(part))
        fraction = float(match["pct"].replace(",", ".")) / 100
        if not 0 < fraction <= 1:
            raise CellIssue(Reason.OUT_OF_RANGE, msg("cell.share_range", value=show(part)))
        out.append((match["name"].strip(), fraction))
    total = sum(f for _, f in out)
    if out and abs(total - 1.0) > 1e-6:
        raise CellIssue(Reason.INVALID_VALUE, msg("cell.shares_sum", total=f"{100 * total:g}"))
    names = [n.casefold() for n, _ in out]
    if len(set(names)) != len(names):
        raise CellIssue(Reason.INVALID_VALUE, msg("cell.shares_twice"))
    return tuple(out)


_WKT = re.compile(r"^\s*(?:MULTI)?(?:POINT|LINESTRING|POLYGON)\b|^\s*GEOMETRYCOLLECTION\b", re.I)


def is_wkt(text: str) -> bool:
    """Whether a Locatie cell holds WKT rather than street names."""
    return bool(_WKT.match(text))


def parse_wkt(text: str) -> str:
    """Validate WKT (EPSG:28992 is assumed) and return it normalised to one line."""
    import shapely  # imported only when a workbook holds geometry (keeps `dia validate` fast)
    from shapely import wkt

    try:
        geometry = wkt.loads(text)
    except shapely.errors.ShapelyError as exc:
        raise CellIssue(Reason.INVALID_GEOMETRY, msg("cell.wkt_invalid", detail=exc)) from None
    if geometry.is_empty:
        raise CellIssue(Reason.INVALID_GEOMETRY, msg("cell.wkt_empty"))
    return " ".join(text.split())


def parse_location(value: object) -> str:
    """A Locatie cell as trimmed text (split into streets or parsed as WKT by the area reader)."""
    return value.strip() if isinstance(value, str) else parse_text(value)


#: Column kind (see :mod:`dia.io.columns`) -> parser.
PARSERS: dict[str, Callable[[Any], Any]] = {
    "text": parse_text,
    "year": parse_year,
    "int": parse_int,
    "euro": parse_amount,
    "number": parse_amount,
    "fraction": parse_fraction,
    "bool": parse_bool,
    "list": parse_list,
    "shares": parse_shares,
    "location": parse_location,
}


def parse_any(kind: str, value: Any) -> Any:
    """Parse ``value`` as a column of ``kind`` (a key of :data:`PARSERS`)."""
    try:
        parser = PARSERS[kind]
    except KeyError:
        raise ValueError(f"unknown column kind {kind!r}") from None
    return parser(value)
