"""Partner colours shared by the workbook, the Gantt chart, the cash-flow charts and the report.

A partner keeps its colour in every output: the colour given in the area
config (``partners: [{name: ..., colour: "#1f77b4"}]``) when there is one,
otherwise a colour from a fixed palette assigned in sorted name order, so the
same partners always get the same colours.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dia.model import Agenda, Area

#: Colour-blind friendly palette (Okabe-Ito, then Tableau) in a fixed order.
PALETTE: tuple[str, ...] = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#EDC948", "#FF9DA7", "#9C755F",
)

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def normalise_hex(colour: str | None) -> str | None:
    """``#rrggbb`` in upper case, or None when ``colour`` is not a 6-digit hex colour.

    Examples
    --------
    >>> normalise_hex("1f77b4"), normalise_hex("red")
    ('#1F77B4', None)
    """
    if colour is None:
        return None
    match = _HEX.match(colour.strip())
    return f"#{match.group(1).upper()}" if match else None


def partner_names(agenda: Agenda) -> list[str]:
    """Every partner of the agenda (budget holders, project leads and payers), sorted."""
    names = {c.partner for c in agenda.cashflow}
    names.update(p.partner for p in agenda.projects)
    names.update(s.partner for p in agenda.projects for s in p.spend)
    return sorted(names)


def partner_colours(agenda: Agenda, area: Area | None = None) -> dict[str, str]:
    """Map every partner of ``agenda`` to a ``#RRGGBB`` colour.

    Parameters
    ----------
    agenda:
        The agenda whose partners need colours.
    area:
        Optional area; its ``config.partners`` colours take precedence.

    Returns
    -------
    dict
        Partner name -> colour, in sorted partner order. Palette colours
        already claimed by the config are skipped so no two partners share one.
    """
    configured: dict[str, str] = {}
    if area is not None:
        for partner in area.config.partners:
            colour = normalise_hex(partner.colour)
            if colour is not None:
                configured[partner.name] = colour
    # Skip palette colours that look like a configured one, so two partners never look alike.
    free = [c for c in PALETTE if all(_distance(c, t) > 80 for t in configured.values())]
    result: dict[str, str] = {}
    i = 0
    for name in partner_names(agenda):
        if name in configured:
            result[name] = configured[name]
            continue
        if i < len(free):
            result[name] = free[i]
        else:  # more partners than colours: cycle, still deterministic
            result[name] = PALETTE[i % len(PALETTE)]
        i += 1
    return result


def _rgb(colour: str) -> tuple[int, int, int]:
    value = normalise_hex(colour) or "#808080"
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def _distance(a: str, b: str) -> float:
    """Euclidean distance in RGB (0 = same colour, 441 = black vs white)."""
    return float(sum((x - y) ** 2 for x, y in zip(_rgb(a), _rgb(b), strict=True)) ** 0.5)


def tint(colour: str, amount: float) -> str:
    """Mix ``colour`` with white: ``amount`` 0 keeps it, 1 gives white (for cell fills).

    Examples
    --------
    >>> tint("#000000", 0.5)
    '#808080'
    """
    mixed = [round(c + (255 - c) * amount) for c in _rgb(colour)]
    return "#" + "".join(f"{c:02X}" for c in mixed)
